package fetch

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/source"
)

// collect reads urls with c, returning the articles and the errors.
func collect(t *testing.T, c *Client, urls ...string) ([]source.Article, []error) {
	t.Helper()
	var as []source.Article
	var errs []error
	for a, err := range c.Read(context.Background(), urls) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		as = append(as, a)
	}
	return as, errs
}

// feedXML is an RSS feed of the site at base: a summary with a link to a
// page, an item carrying its whole story, and a summary whose link is
// missing.
func feedXML(base, firstSummary string) string {
	long := strings.Repeat("The library on Mill Road will reopen in the spring after a two-year refurbishment paid for by the council. ", 20)
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Gazette: local news</title><link>` + base + `/</link>
<item><title>Council approves new bus lanes</title><link>` + base + `/news/bus-lanes</link><guid>bus-lanes</guid>
<pubDate>Tue, 14 Jul 2026 09:00:00 GMT</pubDate><description>` + firstSummary + `</description></item>
<item><title>Library to reopen</title><link>` + base + `/news/library</link><guid>library</guid>
<pubDate>Mon, 13 Jul 2026 09:00:00 GMT</pubDate><content:encoded><![CDATA[<p>` + long + `</p>]]></content:encoded></item>
<item><title>Depot closure delayed</title><link>` + base + `/news/depot</link><guid>depot</guid>
<pubDate>Sun, 12 Jul 2026 09:00:00 GMT</pubDate><description>The bus depot will stay open until March.</description></item>
</channel></rss>`
}

const busLanesPage = `<!doctype html><html lang="en-GB"><head>
<title>Council approves new bus lanes | Example Gazette</title>
<meta property="og:site_name" content="The Example Gazette">
<meta name="author" content="Jane Roe">
</head><body><nav><a href="/">Home</a></nav>
<article><h1>Council approves new bus lanes</h1>
<p>Councillors voted on Monday night to add bus lanes to the high street, after a year of consultation with traders.</p>
<p>"This will make buses faster and more reliable," said Sam Patel, the council's transport lead.</p>
<p>Work is due to start in September and last six months.</p>
</article><footer>© Example Gazette</footer></body></html>`

func TestReadFeedWithSummaries(t *testing.T) {
	s := newSite(t)
	s.serve("/feed.xml", "application/rss+xml; charset=utf-8", feedXML(s.URL, "The council approved bus lanes on the high street."), "ETag", `"feed-1"`)
	s.serve("/news/bus-lanes", "text/html; charset=utf-8", busLanesPage, "ETag", `"page-1"`)
	s.serve("/news/library", "text/html", "<html><body><p>Never asked for.</p></body></html>")
	feed := s.URL + "/feed.xml"
	dir := t.TempDir()

	as, errs := collect(t, quick(WithCache(NewDirCache(dir))), feed)
	if len(as) != 3 || len(errs) != 1 {
		t.Fatalf("%d articles, errors %v; want 3 articles and the missing page's error", len(as), errs)
	}
	wantFileError(t, errs[0], s.URL+"/news/depot", nil)
	var se *StatusError
	if !errors.As(errs[0], &se) || se.Code != 404 || !strings.Contains(errs[0].Error(), feed+"#item-3") {
		t.Errorf("error = %v, want a 404 naming the item", errs[0])
	}
	bus, library, depot := as[0], as[1], as[2]
	if bus.Title != "Council approves new bus lanes" || !strings.Contains(bus.Body, "Sam Patel") ||
		!bus.Date.Equal(time.Date(2026, 7, 14, 9, 0, 0, 0, time.UTC)) || bus.Source != "The Example Gazette" ||
		bus.Author != "Jane Roe" || bus.URL != s.URL+"/news/bus-lanes" || bus.Path != s.URL+"/news/bus-lanes" {
		t.Errorf("the item read from its page: %+v", bus)
	}
	feedID := strings.NewReplacer(".", "-", ":", "-").Replace(strings.TrimPrefix(s.URL, "http://")) + "/feed/"
	for _, a := range as {
		if !strings.HasPrefix(a.ID, feedID) {
			t.Errorf("ID %q, want it under %q", a.ID, feedID)
		}
	}
	if !strings.Contains(library.Body, "Mill Road") || library.Path != feed+"#item-2" {
		t.Errorf("the item with its whole story: %+v", library)
	}
	if len(s.requests("/news/library")) != 0 {
		t.Errorf("the page of an item carrying its whole story was fetched")
	}
	if depot.Body != "The bus depot will stay open until March." || depot.Source != "Example Gazette: local news" {
		t.Errorf("the item whose page is missing: %+v", depot)
	}

	// A second run asks for the feed conditionally, and for nothing else
	// but the page that failed.
	c := quick(WithCache(NewDirCache(dir)))
	again, errs := collect(t, c, feed)
	if len(again) != 3 || len(errs) != 1 {
		t.Fatalf("second run: %d articles, errors %v", len(again), errs)
	}
	for i := range as {
		if again[i].ID != as[i].ID || again[i].Hash != as[i].Hash {
			t.Errorf("second run: article %d is %s %s, was %s %s", i, again[i].ID, again[i].Hash, as[i].ID, as[i].Hash)
		}
	}
	if reqs := s.requests("/feed.xml"); reqs[len(reqs)-1].header.Get("If-None-Match") != `"feed-1"` {
		t.Errorf("the feed was not asked for conditionally")
	}
	if n := len(s.requests("/news/bus-lanes")); n != 1 {
		t.Errorf("the page of an unchanged item was requested %d times, want once", n)
	}
	if st := c.Stats(); st.NotModified != 1 || st.Reused != 1 || st.Bytes != 0 {
		t.Errorf("second run's stats: %+v, want the feed not modified, one page reused, nothing downloaded", st)
	}

	// When the item changes, its page is asked for again (conditionally).
	s.serve("/feed.xml", "application/rss+xml", feedXML(s.URL, "The council approved bus lanes on the high street on Monday."), "ETag", `"feed-2"`)
	third, _ := collect(t, quick(WithCache(NewDirCache(dir))), feed)
	reqs := s.requests("/news/bus-lanes")
	if len(reqs) != 2 || reqs[1].header.Get("If-None-Match") != `"page-1"` {
		t.Errorf("the page of a changed item: %d requests, want a second, conditional one", len(reqs))
	}
	if third[0].Hash != as[0].Hash || third[0].Body != as[0].Body {
		t.Errorf("the changed item's summary changed its article, whose text is the page's")
	}
}

func TestReadFullTextModes(t *testing.T) {
	s := newSite(t)
	s.serve("/feed.xml", "application/rss+xml", feedXML(s.URL, "The council approved bus lanes."))
	s.serve("/news/bus-lanes", "text/html", busLanesPage)
	s.serve("/news/library", "text/html", "<html><body><h1>Library</h1><p>The library will reopen in the spring, the council said on Monday.</p></body></html>")
	tests := []struct {
		mode  FullText
		pages []string // pages fetched
	}{
		{FullTextNever, nil},
		{FullTextAuto, []string{"/news/bus-lanes", "/news/depot"}},
		{FullTextAlways, []string{"/news/bus-lanes", "/news/library", "/news/depot"}},
	}
	for _, tt := range tests {
		t.Run(tt.mode.String(), func(t *testing.T) {
			before := len(s.requests(""))
			as, _ := collect(t, quick(WithFullText(tt.mode)), s.URL+"/feed.xml")
			var pages []string
			for _, r := range s.requests("")[before:] {
				if strings.HasPrefix(r.path, "/news/") {
					pages = append(pages, r.path)
				}
			}
			if fmt.Sprint(pages) != fmt.Sprint(tt.pages) || len(as) != 3 {
				t.Errorf("pages fetched %v, want %v (%d articles)", pages, tt.pages, len(as))
			}
		})
	}
	if _, err := ParseFullText("sometimes"); err == nil {
		t.Error("ParseFullText accepted sometimes")
	}
}

func TestReadURLs(t *testing.T) {
	s := newSite(t)
	s.serve("/news/2026/07/bus-lanes.php", "text/html; charset=utf-8", busLanesPage)
	s.serve("/feed", "text/plain", feedXML(s.URL, "Summary."))
	s.serve("/data.json", "application/json", `[{"title": "Ferry fares rise", "text": "Ferry fares will rise by 4% in April, the operator said.", "url": "https://ferries.example/fares", "date": "2026-03-01"}]`)
	s.serve("/photo", "image/jpeg", "\xff\xd8\xff")
	s.handle("/robots.txt", text("User-agent: *\nDisallow: /private\n"))
	host := strings.NewReplacer(".", "-", ":", "-").Replace(strings.TrimPrefix(s.URL, "http://"))

	as, errs := collect(t, quick(WithFullText(FullTextNever)),
		s.URL+"/news/2026/07/bus-lanes.php", s.URL+"/photo", s.URL+"/private/x", s.URL+"/feed", s.URL+"/gone", s.URL+"/data.json")
	if len(errs) != 3 {
		t.Fatalf("errors %v, want the photo's, the disallowed page's and the 404's", errs)
	}
	wantFileError(t, errs[0], s.URL+"/photo", source.ErrUnknownFormat)
	wantFileError(t, errs[1], s.URL+"/private/x", ErrDisallowed)
	wantFileError(t, errs[2], s.URL+"/gone", nil)
	if len(as) != 5 {
		t.Fatalf("%d articles, want the page, three items and a record", len(as))
	}
	page := as[0]
	if page.ID != host+"/news/2026/07/bus-lanes" || page.URL != s.URL+"/news/2026/07/bus-lanes.php" || page.Path != page.URL ||
		page.Title != "Council approves new bus lanes" || page.Source != "The Example Gazette" || page.Language != "en-GB" {
		t.Errorf("page: %+v", page)
	}
	if as[1].Title != "Council approves new bus lanes" || as[1].Path != s.URL+"/feed#item-1" {
		t.Errorf("a feed served as text/plain: %+v", as[1])
	}
	if rec := as[4]; rec.Title != "Ferry fares rise" || rec.URL != "https://ferries.example/fares" || !strings.HasPrefix(rec.ID, host+"/data/") {
		t.Errorf("a JSON dataset's record: %+v", rec)
	}
	for _, r := range s.requests("") {
		if r.path == "/private/x" {
			t.Error("a disallowed page was requested")
		}
	}
}

// TestReadRelativeLinks: a feed item's relative link is fetched against
// the feed's URL.
func TestReadRelativeLinks(t *testing.T) {
	s := newSite(t)
	s.serve("/feeds/local.xml", "application/rss+xml", `<rss version="2.0"><channel><title>Gazette</title>`+
		`<item><title>Council approves new bus lanes</title><link>/news/bus-lanes</link><description>Bus lanes.</description></item></channel></rss>`)
	s.serve("/news/bus-lanes", "text/html", busLanesPage)
	as, errs := collect(t, quick(), s.URL+"/feeds/local.xml")
	if len(errs) > 0 || len(as) != 1 || as[0].URL != s.URL+"/news/bus-lanes" || !strings.Contains(as[0].Body, "Sam Patel") {
		t.Errorf("articles %+v, errors %v", as, errs)
	}
}

func TestArticleName(t *testing.T) {
	tests := []struct{ url, media, want string }{
		{"https://News.Example.org/2026/07/vote.html", "text/html", "news.example.org/2026/07/vote.html"},
		{"https://news.example.org/2026/07/vote", "text/html", "news.example.org/2026/07/vote.html"},
		{"https://news.example.org/story.php?id=5", "text/html", "news.example.org/story?id=5.html"},
		{"https://news.example.org/", "text/html", "news.example.org/index.html"},
		{"https://news.example.org", "application/rss+xml", "news.example.org/index.xml"},
		{"https://news.example.org/feed", "text/plain", "news.example.org/feed.txt"},
		{"https://news.example.org/feed.xml", "text/plain", "news.example.org/feed.xml"},
		{"https://news.example.org/crawl.warc.gz", "application/gzip", "news.example.org/crawl.warc.gz"},
		{"https://news.example.org/report.pdf", "application/octet-stream", "news.example.org/report.pdf"},
		{"https://news.example.org/report", "application/x-unknown", "news.example.org/report"},
		{"http://127.0.0.1:8080/a/b.json", "application/json", "127.0.0.1:8080/a/b.json"},
		{"https://x.example/q?a=1/2", "text/html", "x.example/q?a=1-2.html"},
	}
	for _, tt := range tests {
		if got := articleName(tt.url, tt.media); got != tt.want {
			t.Errorf("articleName(%q, %q) = %q, want %q", tt.url, tt.media, got, tt.want)
		}
	}
}

func TestIsSummary(t *testing.T) {
	long := strings.Repeat("word ", SummaryWords+10)
	tests := []struct {
		text string
		want bool
	}{
		{"A sentence or two about the story.", true},
		{long, false},
		{long + "and more…", true},
		{long + "and more [...]", true},
		{long + "Read more »", true},
		{long + "Continue reading →", true},
	}
	for _, tt := range tests {
		if got := isSummary(tt.text); got != tt.want {
			t.Errorf("isSummary(%.40q…) = %v, want %v", tt.text[max(0, len(tt.text)-40):], got, tt.want)
		}
	}
}
