package source

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsgraph/newsgraph/internal/prose"
)

// maxFeed bounds a feed file: feeds list recent items and are read whole
// (the XML must be parsed as one document), so anything far bigger is no
// feed.
const maxFeed = 256 << 20

// decodeFeed reads an RSS (0.9x, 1.0, 2.0) or Atom feed with
// github.com/mmcdole/gofeed: each item an article, its full content
// (content:encoded, atom:content) where the feed carries it, else its
// summary, with the item's link, date and authors, and the feed's title as
// the outlet. An item with no text, or a date that cannot be read, is a
// bad record; the others are read all the same.
func decodeFeed(ctx context.Context, in *bufio.Reader, s sink, cfg readConfig) error {
	feed, err := gofeed.NewParser().Parse(io.LimitReader(in, maxFeed))
	if err != nil {
		return err
	}
	outlet := prose.Line(feed.Title)
	if outlet == "" {
		outlet = hostOf(feed.Link)
	}
	for i, it := range feed.Items {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		label := fmt.Sprintf("item %d", i+1)
		if it == nil {
			continue
		}
		r := record{label: label, key: it.GUID, title: prose.Line(html.UnescapeString(stripTags(it.Title))),
			url: strings.TrimSpace(it.Link), source: outlet, language: feed.Language}
		if r.key == "" {
			r.key = r.url
		}
		text := it.Content
		if len(strings.TrimSpace(text)) < len(strings.TrimSpace(it.Description)) {
			text = it.Description
		}
		r.body = bodyParagraphs(text)
		var names []string
		for _, p := range it.Authors {
			if p != nil && strings.TrimSpace(p.Name) != "" {
				names = append(names, prose.Line(p.Name))
			}
		}
		r.author = joinNames(names)
		switch {
		case it.PublishedParsed != nil:
			r.date = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			r.date = it.UpdatedParsed.UTC()
		case strings.TrimSpace(it.Published+it.Updated) != "":
			if !s.fail(label, fmt.Errorf("cannot read the date %q", strings.TrimSpace(it.Published+" "+it.Updated))) {
				return nil
			}
			continue
		}
		if r.title == "" && len(r.body) == 0 {
			if !s.fail(label, fmt.Errorf("%w: the item has no title, content or summary", ErrNoText)) {
				return nil
			}
			continue
		}
		if !s.article(r) {
			return nil
		}
	}
	return nil
}

// stripTags removes markup from a one-line field such as an item's title.
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return s
	}
	var b strings.Builder
	for _, n := range nodes {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		} else {
			b.WriteString(textOf(n))
		}
	}
	return b.String()
}

// fragmentParagraphs reads a piece of HTML — a feed item's content, a
// dataset's scraped body — as text blocks, with text outside any block a
// paragraph of its own.
func fragmentParagraphs(src string) []string {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(src), body)
	if err != nil {
		return nil
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	var d htmlDoc
	d.walk(body, atom.P, true)
	d.flush(atom.P)
	if d.h1 != "" {
		d.paras = append([]string{d.h1}, d.paras...)
	}
	return d.paras
}

// hostOf is a URL's host without "www.", the outlet's name when nothing
// else gives one.
func hostOf(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

func init() { decoders[Feed] = decodeFeed }
