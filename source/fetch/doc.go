// Package fetch reads articles from the web: pages and feeds by URL,
// fetched the way a site's owner would want a stranger's program to fetch
// them, and handed on as source.Articles.
//
//	c := fetch.New(fetch.WithCache(fetch.NewDirCache("newsgraph.db/fetch-cache")))
//	for a, err := range c.Read(ctx, []string{"https://news.example.org/feed.xml"}) {
//		if err != nil {
//			log.Print(err) // a *source.FileError naming the URL: the batch goes on
//			continue
//		}
//		…
//	}
//
// A Client
//   - says who it is: User-Agent "newsgraph/VERSION (+CONTACT)" (WithUserAgent);
//   - reads each site's robots.txt first (RFC 9309; kept for a day) and
//     fetches nothing it disallows, its redirects' targets included;
//   - spaces its requests to each host (WithRateLimit, a second by default,
//     or the robots.txt Crawl-delay when that is longer);
//   - keeps what it fetched in a Cache with the server's ETag and
//     Last-Modified, asks again conditionally, and reuses the copy on a 304,
//     so that a second run downloads only what changed (a DirCache
//     outlives the process);
//   - bounds each request's time, redirects and body (WithTimeout,
//     WithMaxRedirects, WithMaxBody).
//
// Formats are source's: a response's Content-Type gives it an extension,
// and source.Detect and source.ReadBytes do the rest, so a URL serving a
// feed, a page, a JSON dataset or a PDF is read as the same file on disk
// would be. Read fetches the page behind a feed item that carries only a
// summary (see FullText).
//
// Two small interfaces make it testable and embeddable: requests go
// through an http.RoundTripper (WithTransport), pages are kept in a Cache.
// Fetching is sequential: one request at a time, in the order the URLs and
// a feed's items come, which keeps the rate limit simple and the output
// order stable.
package fetch
