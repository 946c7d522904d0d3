package source

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/prose"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML reads a web page: the headline (the first <h1> of the story,
// else og:title, else <title>), the text blocks of the story (<p>, <li>,
// <h2>…<h6>, <blockquote>, one paragraph each) and the publication date,
// URL and outlet from the Open Graph and article meta tags. Page regions
// that are never the story — scripts, styles, navigation, site header and
// footer, asides, forms, figures — are skipped whole.
func parseHTML(src string) (string, []string, metadata) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil { // only a reader error, impossible with a strings.Reader
		return "", nil, metadata{}
	}
	var d htmlDoc
	d.walk(root, 0, false)
	d.flush(0)
	if d.meta.url == "" {
		d.meta.url = d.canonical
	}

	title := d.h1
	if title == "" {
		title = d.ogTitle
	}
	if title == "" {
		title = trimSiteName(d.title, d.meta.source)
	}
	return title, d.paras, d.meta
}

type htmlDoc struct {
	title, ogTitle, h1, canonical string
	meta                          metadata
	paras                         []string
	buf                           strings.Builder
}

// skipped are elements whose content is never the story.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Aside: true, atom.Form: true, atom.Button: true,
	atom.Select: true, atom.Textarea: true, atom.Iframe: true, atom.Svg: true,
	atom.Figure: true, atom.Figcaption: true, atom.Object: true, atom.Canvas: true,
	atom.Dialog: true, atom.Menu: true,
}

// textBlocks are the elements whose text is a paragraph.
var textBlocks = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.Dd: true, atom.Dt: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// breaks are the other elements that end a run of text.
var breaks = map[atom.Atom]bool{
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Table: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Hr: true, atom.Header: true, atom.Footer: true,
	atom.Body: true, atom.Address: true, atom.Details: true, atom.Summary: true,
}

// walk visits n's children. block is the innermost text block being
// collected (0 outside any); inStory is set inside <article> or <main>,
// where <header> and <footer> belong to the story rather than the site.
func (d *htmlDoc) walk(n *html.Node, block atom.Atom, inStory bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if block != 0 {
				d.buf.WriteString(c.Data)
			}
		case html.ElementNode:
			d.element(c, block, inStory)
		}
	}
}

func (d *htmlDoc) element(n *html.Node, block atom.Atom, inStory bool) {
	a := n.DataAtom
	switch {
	case skipped[a] || hidden(n):
		return
	case a == atom.Title:
		if d.title == "" {
			d.title = prose.Line(textOf(n))
		}
		return
	case a == atom.Meta:
		d.metaTag(n)
		return
	case a == atom.Link:
		if strings.EqualFold(attr(n, "rel"), "canonical") {
			d.canonical = attr(n, "href")
		}
		return
	case a == atom.Br:
		d.buf.WriteByte(' ')
		return
	case (a == atom.Header || a == atom.Footer) && !inStory:
		return // the site's masthead or footer
	case a == atom.Footer:
		return // a story's footer holds tags, share buttons and the like
	}
	if textBlocks[a] || breaks[a] {
		d.flush(block)
		inner := block
		if textBlocks[a] {
			inner = a
		}
		d.walk(n, inner, inStory || a == atom.Article || a == atom.Main)
		d.flush(inner)
		return
	}
	d.walk(n, block, inStory)
}

// flush ends the paragraph collected so far, which belongs to block.
func (d *htmlDoc) flush(block atom.Atom) {
	t := prose.Line(d.buf.String())
	d.buf.Reset()
	if t == "" || block == 0 {
		return
	}
	if block == atom.H1 && d.h1 == "" {
		d.h1 = t
		return
	}
	d.paras = append(d.paras, t)
}

func (d *htmlDoc) metaTag(n *html.Node) {
	key := attr(n, "property")
	if key == "" {
		key = attr(n, "name")
	}
	content := attr(n, "content")
	switch strings.ToLower(key) {
	case "article:published_time":
		// Pages put all sorts in here; a date we cannot read is left out
		// rather than failing an otherwise good page.
		if t, err := parseDate(content); err == nil {
			d.meta.date = t
		}
	case "og:url":
		d.meta.url = strings.TrimSpace(content)
	case "og:site_name":
		d.meta.source = prose.Line(content)
	case "og:title":
		d.ogTitle = prose.Line(content)
	}
}

// hidden reports elements the page itself does not show.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// textOf is the text below n, elements' content included.
func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// trimSiteName drops the outlet's name, when known, from a <title> such as
// "PCTs scrapped | Community Care".
func trimSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if head, tail, ok := strings.Cut(title, sep); ok && strings.EqualFold(strings.TrimSpace(tail), site) {
			return strings.TrimSpace(head)
		}
	}
	return title
}
