package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"iter"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/source"
)

// FullText says when Read fetches the page a feed item links to, for the
// whole story instead of the feed's summary of it.
type FullText int

const (
	// FullTextAuto fetches an item's page when the feed carries only a
	// summary: fewer than SummaryWords words, or text that ends as a
	// teaser does ("…", "[…]", "Read more", "Continue reading").
	FullTextAuto FullText = iota
	// FullTextAlways fetches every item's page.
	FullTextAlways
	// FullTextNever reads items as the feed has them.
	FullTextNever
)

// SummaryWords is the length under which FullTextAuto takes a feed item's
// text for a summary. Feeds that carry whole stories carry hundreds of
// words; summaries are a sentence or three.
const SummaryWords = 200

var fullTextNames = []string{FullTextAuto: "auto", FullTextAlways: "always", FullTextNever: "never"}

func (f FullText) String() string {
	if int(f) < len(fullTextNames) {
		return fullTextNames[f]
	}
	return fmt.Sprintf("FullText(%d)", int(f))
}

// ParseFullText reads "auto", "always" or "never".
func ParseFullText(s string) (FullText, error) {
	if i := slices.Index(fullTextNames, strings.ToLower(s)); i >= 0 {
		return FullText(i), nil
	}
	return 0, fmt.Errorf("full text %q: not auto, always or never", s)
}

// WithFullText sets when Read fetches the pages feed items link to
// (default FullTextAuto).
func WithFullText(f FullText) Option {
	return func(c *config) { c.fullText = f }
}

// Read streams the articles at urls, as source.Read does for files: a
// page is one article; a feed, dataset or archive one an item, record or
// response. Each URL is fetched with Get, its format told by source.Detect
// from its Content-Type, its extension and its content, and read with
// source.ReadBytes (opts are passed on: WithMaxSize, WithSkipped,
// WithMainText…).
//
// A feed item that carries only a summary and a link (see FullText) is
// read from the page it links to: the item's ID, headline, date and link
// stay, the page gives the text (unless the feed's is longer, as on a
// paywalled page), the outlet and a byline the item lacks. That page is
// asked for again only when its item in the feed changes, so a feed polled
// every few minutes costs one request while nothing is new. When the page
// cannot be had (a 404, robots.txt, a timeout), the error is yielded,
// naming the page's URL, and then the item as the feed has it: nothing is
// lost that the feed says.
//
// An article's ID is its URL's host and path, slugged as source.Read
// slugs a file's path ("https://news.example.org/2024/07/vote.html" is
// "news-example-org/2024/07/vote"); a feed's items are FEED-ID/headline-HASH
// as in a feed file. Its Path is the URL (URL#item-3 for a feed item read
// from the feed), and its Hash a hash of what was read from it (headline,
// text, date, URL, outlet, byline, language) rather than of the page's
// bytes, so a page whose markup changes around the same story stays
// unchanged. A URL that fails yields a *source.FileError naming it, and
// the next URL is read.
func (c *Client) Read(ctx context.Context, urls []string, opts ...source.ReadOption) iter.Seq2[source.Article, error] {
	return func(yield func(source.Article, error) bool) {
		for _, u := range urls {
			if err := ctx.Err(); err != nil {
				yield(source.Article{}, err)
				return
			}
			if !c.readURL(ctx, u, opts, yield) {
				return
			}
		}
	}
}

func (c *Client) readURL(ctx context.Context, raw string, opts []source.ReadOption, yield func(source.Article, error) bool) bool {
	p, err := c.get(ctx, raw, getOptions{accept: acceptArticle})
	if err != nil {
		return yield(source.Article{}, err)
	}
	name := articleName(raw, p.MediaType())
	format, _ := source.Detect(name, p.Body[:min(len(p.Body), 4096)])
	ropts := append(slices.Clip(opts), source.WithOrigin(raw), source.WithCharset(p.Charset()))
	for a, err := range source.ReadBytes(ctx, name, p.Body, ropts...) {
		switch {
		case err != nil:
			if !yield(a, err) {
				return false
			}
		case format == source.Feed && c.wantsFullText(resolveLink(a, raw), raw):
			a = resolveLink(a, raw)
			if !c.readFullText(ctx, a, opts, yield) {
				return false
			}
		default:
			a.Hash = contentHash(a)
			if !yield(a, nil) {
				return false
			}
		}
	}
	return ctx.Err() == nil
}

// readFullText yields the feed item read from the page it links to, or
// the error and the item as the feed has it.
func (c *Client) readFullText(ctx context.Context, item source.Article, opts []source.ReadOption, yield func(source.Article, error) bool) bool {
	p, err := c.get(ctx, item.URL, getOptions{item: item.Hash, accept: acceptArticle})
	var page source.Article
	if err == nil {
		ropts := append(slices.Clip(opts), source.WithOrigin(item.URL), source.WithCharset(p.Charset()))
		page, err = source.Parse(articleName(item.URL, p.MediaType()), p.Body, ropts...)
	}
	if err != nil {
		if ctx.Err() != nil {
			return yield(source.Article{}, ctx.Err())
		}
		if fe, ok := err.(*source.FileError); ok {
			err = &source.FileError{Path: fe.Path, Record: fe.Record,
				Err: fmt.Errorf("%w (the page of %s; its summary in the feed is read instead)", fe.Err, item.Path)}
		}
		if !yield(source.Article{}, err) {
			return false
		}
		item.Hash = contentHash(item)
		return yield(item, nil)
	}
	return yield(merge(item, page), nil)
}

// resolveLink makes a feed item's relative link ("/news/vote") absolute,
// against the feed's URL, so that its page can be fetched.
func resolveLink(a source.Article, feedURL string) source.Article {
	if a.URL == "" || strings.HasPrefix(a.URL, "http://") || strings.HasPrefix(a.URL, "https://") {
		return a
	}
	base, err := url.Parse(feedURL)
	if err != nil {
		return a
	}
	ref, err := url.Parse(a.URL)
	if err != nil {
		return a
	}
	a.URL = base.ResolveReference(ref).String()
	return a
}

// wantsFullText reports whether a feed item is to be read from its page.
func (c *Client) wantsFullText(a source.Article, feedURL string) bool {
	if c.cfg.fullText == FullTextNever || a.URL == "" || a.URL == feedURL {
		return false
	}
	if u, err := url.Parse(a.URL); err != nil || u.Scheme != "http" && u.Scheme != "https" {
		return false
	}
	return c.cfg.fullText == FullTextAlways || isSummary(a.Body)
}

// isSummary reports text that reads as a summary of a story rather than
// the story: short, or ending as a teaser does.
func isSummary(text string) bool {
	if len(strings.Fields(text)) < SummaryWords {
		return true
	}
	t := strings.TrimRight(strings.ToLower(text), " \t\r\n»›>→)]")
	for _, end := range []string{"…", "...", "read more", "continue reading", "read the full story", "read the full article"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}

// merge makes one article of a feed item and the page it links to.
func merge(item, page source.Article) source.Article {
	a := item
	a.Path = page.Path
	if len(page.Body) > len(item.Body) {
		a.Body = page.Body
	}
	if a.Title == "" {
		a.Title = page.Title
	}
	if a.Date.IsZero() {
		a.Date = page.Date
	}
	if page.Source != "" {
		a.Source = page.Source // the site's own name, rather than the feed's title
	}
	if a.Author == "" {
		a.Author = page.Author
	}
	if a.Language == "" {
		a.Language = page.Language
	}
	a.Hash = contentHash(a)
	return a
}

// contentHash is the hash of what an article says, so that the store skips
// it while that stays the same, however its page's markup changes.
func contentHash(a source.Article) string {
	h := sha256.New()
	date := ""
	if !a.Date.IsZero() {
		date = a.Date.UTC().Format(time.RFC3339)
	}
	for _, f := range []string{a.Title, a.Body, date, a.URL, a.Source, a.Author, a.Language} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// acceptArticle refuses, before their bodies are read, media that hold no
// article.
func acceptArticle(mediaType string) error {
	top, _, _ := strings.Cut(mediaType, "/")
	switch top {
	case "image", "audio", "video", "font":
		return fmt.Errorf("%w: %s holds no article", source.ErrUnknownFormat, mediaType)
	}
	return nil
}

// mediaExts give a response the extension of its Content-Type, so that
// source.Detect reads it as its server says it is (content still wins
// where it is unmistakable).
var mediaExts = map[string]string{
	"text/html": ".html", "application/xhtml+xml": ".html",
	"application/rss+xml": ".xml", "application/atom+xml": ".xml", "application/rdf+xml": ".xml",
	"application/xml": ".xml", "text/xml": ".xml",
	"application/json": ".json", "application/x-ndjson": ".jsonl", "application/jsonl": ".jsonl", "application/jsonlines": ".jsonl",
	"text/csv": ".csv", "text/tab-separated-values": ".tsv",
	"application/pdf": ".pdf", "application/warc": ".warc",
	"text/plain": ".txt", "text/markdown": ".md",
}

// genericMedia are Content-Types that say little: a URL's own extension,
// when source knows it, says more.
var genericMedia = map[string]bool{"": true, "text/plain": true, "application/octet-stream": true, "binary/octet-stream": true,
	"application/gzip": true, "application/x-gzip": true}

// fileExts are the extensions source reads, and the server-side ones a
// page's URL often ends in; both are replaced by the Content-Type's.
var fileExts = map[string]bool{".html": true, ".htm": true, ".xhtml": true, ".txt": true, ".md": true, ".markdown": true,
	".rss": true, ".atom": true, ".xml": true, ".json": true, ".jsonl": true, ".ndjson": true, ".csv": true, ".tsv": true,
	".pdf": true, ".warc": true, ".gz": true,
	".php": false, ".asp": false, ".aspx": false, ".jsp": false, ".cgi": false, ".shtml": false, ".cfm": false, ".do": false}

// articleName is the name source reads a response under: the URL's host
// and path (which make the articles' IDs) with the extension its
// Content-Type calls for.
func articleName(raw, mediaType string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	p := "/" + strings.TrimPrefix(u.Path, "/")
	if strings.HasSuffix(p, "/") {
		p += "index"
	}
	ext := strings.ToLower(path.Ext(p))
	own, known := fileExts[ext]
	if known {
		p = strings.TrimSuffix(p, path.Ext(p))
	}
	if u.RawQuery != "" {
		p += "?" + strings.ReplaceAll(u.RawQuery, "/", "-")
	}
	e, ok := mediaExts[mediaType]
	if !ok || genericMedia[mediaType] && own {
		e = ""
		if own {
			e = ext
		}
	}
	return strings.ToLower(u.Host) + p + e
}
