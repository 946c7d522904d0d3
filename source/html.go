package source

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/newsgraph/newsgraph/internal/prose"
)

// A MainText is a way to find a web page's story among its navigation,
// comments, related links and advertising. docs/reading.md compares them
// on pages in the styles of several outlets.
type MainText int

const (
	// Blocks reads the page's text blocks (<p>, <li>, headings, quotes and
	// divs of loose prose), passing over regions that are never the story:
	// navigation, asides, forms, figures, hidden elements, the site's
	// header and footer, and elements whose class or id names furniture
	// (comments, sharing, related links, advertising, newsletters…).
	Blocks MainText = iota
	// Readability is codeberg.org/readeck/go-readability, a port of
	// Mozilla's Readability (Firefox's reader view): it scores the page's
	// containers by their prose and keeps the best one and its kin. The
	// story's text blocks are then read from what it keeps, as Blocks
	// reads them.
	Readability
)

// DefaultMainText is the MainText Read uses unless WithMainText says
// otherwise: the one that scored best on the fixtures (docs/reading.md).
const DefaultMainText = Blocks

// WithMainText chooses how a page's story is found.
func WithMainText(m MainText) ReadOption {
	return func(c *readConfig) { c.mainText = m }
}

// pageText decodes a page to UTF-8: pages in another charset say so in a
// <meta> tag (or a byte-order mark), or their HTTP header declares one
// ("" for none), and are converted.
func pageText(raw []byte, declared string) (string, error) {
	raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
	if utf8.Valid(raw) {
		return string(raw), nil
	}
	ctype := ""
	if declared != "" {
		ctype = "text/html; charset=" + declared
	}
	enc, name, _ := charset.DetermineEncoding(raw, ctype)
	if name == "utf-8" || enc == nil {
		return "", fmt.Errorf("%w at byte %d (and the page declares no other charset)", ErrInvalidUTF8, invalidAt(raw))
	}
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(raw)))
	if err != nil {
		return "", fmt.Errorf("decode %s: %w", name, err)
	}
	return string(out), nil
}

// parseHTML reads a web page: the headline (the first <h1> of the story,
// else og:title, else the JSON-LD headline, else <title>), the text blocks
// of the story as mt finds them, and the publication date, URL, outlet,
// byline and language from the page's meta tags, Open Graph and schema.org
// JSON-LD.
func parseHTML(src string, mt MainText) (string, []string, metadata) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil { // only a reader error, impossible with a strings.Reader
		return "", nil, metadata{}
	}
	var d htmlDoc
	d.walk(root, 0, false)
	d.flush(0)
	paras := d.paras
	if mt == Readability {
		if p, ok := readableParas(root, d.meta.url); ok {
			paras = p
		}
	}
	d.meta = d.ld.fill(d.meta)
	if d.meta.url == "" {
		d.meta.url = d.canonical
	}
	if d.meta.author == "" {
		d.meta.author = d.byline
	}
	title := d.h1
	for _, t := range []string{d.ogTitle, d.ld.headline, trimSiteName(d.title, d.meta.source)} {
		if title == "" {
			title = t
		}
	}
	return title, paras, d.meta
}

// readableParas is the story Readability finds in the page, as text
// blocks.
func readableParas(root *html.Node, page string) ([]string, bool) {
	u, _ := url.Parse(page)
	art, err := readability.FromDocument(root, u)
	if err != nil || art.Node == nil {
		return nil, false
	}
	var d htmlDoc
	d.walk(art.Node, 0, true)
	d.flush(0)
	if d.h1 != "" {
		// Readability keeps the headline when it is inside the story's
		// container; it is the title, not a paragraph.
		d.h1 = ""
	}
	return d.paras, len(d.paras) > 0
}

type htmlDoc struct {
	title, ogTitle, h1, canonical, byline string
	meta                                  metadata
	ld                                    linkedData
	paras                                 []string
	buf                                   strings.Builder
}

// skipped are elements whose content is never the story.
var skipped = map[atom.Atom]bool{
	atom.Style: true, atom.Noscript: true, atom.Template: true,
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

// furniture matches the class or id of the page regions that are never
// the story. The words are Readability's "unlikely candidates" and the
// furniture of news sites in general (sharing, newsletters, related and
// popular links, advertising, bylines), never one outlet's own names.
var furniture = regexp.MustCompile(`(?i)(^|[-_ ])(ads?|advert\w*|banner|breadcrumbs?|byline|comments?|comment-\w+|commentlist|community|consent|cookies?|disqus|gdpr|masthead|menu|newsletter|outbrain|pagination|pager|popular|promo\w*|related\w*|relatedposts|remark|replies|share|sharing|sharedaddy|shoutbox|sidebar|skip|social|sponsor\w*|subscribe|subscription|taboola|tags?|trending|widget\w*|most-read|read-next|more-on)($|[-_ ])`)

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
	case a == atom.Html:
		if lang := attr(n, "lang"); lang != "" && d.meta.language == "" {
			d.meta.language = strings.TrimSpace(lang)
		}
	case a == atom.Script:
		if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
			d.ld.read(textOf(n))
		}
		return
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
	case a != atom.Body && a != atom.Main && a != atom.Article && block == 0 && isFurniture(n):
		if d.byline == "" && isByline(n) {
			d.byline = bylineText(textOf(n))
		}
		return
	}
	if a == atom.Div && block == 0 && looseProse(n) {
		d.flush(0)
		d.walk(n, atom.P, inStory)
		d.flush(atom.P)
		return
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

// isFurniture reports an element whose class or id names page furniture.
func isFurniture(n *html.Node) bool {
	for _, k := range []string{"class", "id"} {
		if v := attr(n, k); v != "" && furniture.MatchString(v) {
			return true
		}
	}
	return false
}

func isByline(n *html.Node) bool {
	return strings.Contains(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), "byline")
}

var byPrefix = regexp.MustCompile(`(?i)^(posted\s+)?by\s+`)

// bylineText reduces a byline element's text to the names: "By Jane Roe"
// → "Jane Roe".
func bylineText(s string) string {
	s = byPrefix.ReplaceAllString(prose.Line(s), "")
	if len(strings.Fields(s)) > 8 {
		return ""
	}
	return s
}

// blockInside are the elements that make a div a container rather than a
// paragraph.
var blockInside = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Table: true,
	atom.Section: true, atom.Article: true, atom.Blockquote: true, atom.Pre: true, atom.Figure: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true, atom.Form: true,
	atom.Dl: true, atom.Address: true, atom.Main: true, atom.Time: true,
}

// looseProse reports a div that some pages use for a paragraph: no block
// inside, and text that reads as prose (a sentence of ten words or more),
// not a label such as "Advertisement" or "Share".
func looseProse(n *html.Node) bool {
	var hasBlock bool
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !hasBlock; c = c.NextSibling {
			if c.Type == html.ElementNode {
				if blockInside[c.DataAtom] || c.DataAtom == atom.Script {
					hasBlock = true
					return
				}
				rec(c)
			}
		}
	}
	rec(n)
	if hasBlock {
		return false
	}
	t := strings.TrimRight(prose.Line(textOf(n)), prose.Closers)
	return len(strings.Fields(t)) >= 10 && (strings.HasSuffix(t, ".") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!"))
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
	if key == "" {
		key = attr(n, "itemprop")
	}
	content := attr(n, "content")
	switch strings.ToLower(key) {
	case "article:published_time", "datepublished", "pubdate", "publishdate", "dc.date.issued", "dc.date", "parsely-pub-date", "sailthru.date":
		// Pages put all sorts in here; a date we cannot read is left out
		// rather than failing an otherwise good page. The first readable
		// one stands: article:published_time comes first on most pages.
		if t, err := parseDate(content); err == nil && d.meta.date.IsZero() {
			d.meta.date = t
		}
	case "og:url":
		d.meta.url = strings.TrimSpace(content)
	case "og:site_name":
		d.meta.source = prose.Line(content)
	case "og:title":
		d.ogTitle = prose.Line(content)
	case "og:locale":
		if d.meta.language == "" {
			d.meta.language = strings.ReplaceAll(strings.TrimSpace(content), "_", "-")
		}
	case "author", "byl", "dc.creator", "sailthru.author", "parsely-author":
		if d.meta.author == "" {
			d.meta.author = bylineText(content)
		}
	case "article:author":
		// Often a profile URL rather than a name.
		if c := strings.TrimSpace(content); d.meta.author == "" && !strings.Contains(c, "://") {
			d.meta.author = prose.Line(c)
		}
	}
}

// linkedData is what a page's schema.org JSON-LD says of its article.
type linkedData struct {
	headline, url, publisher, author, language string
	date                                       time.Time
}

// newsTypes are the schema.org types of a news story.
var newsTypes = map[string]bool{
	"NewsArticle": true, "Article": true, "ReportageNewsArticle": true, "AnalysisNewsArticle": true,
	"OpinionNewsArticle": true, "BackgroundNewsArticle": true, "ReviewNewsArticle": true,
	"BlogPosting": true, "LiveBlogPosting": true, "Report": true, "ScholarlyArticle": true,
}

// read takes the first article object of one JSON-LD script: the value
// itself, an element of an array, or a node of an @graph. Scripts that are
// not valid JSON are passed over: the page still has its text.
func (ld *linkedData) read(src string) {
	if ld.headline != "" || !ld.date.IsZero() {
		return
	}
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return
	}
	var visit func(v any, depth int) bool
	visit = func(v any, depth int) bool {
		if depth > 4 {
			return false
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				if visit(e, depth+1) {
					return true
				}
			}
		case map[string]any:
			if isNewsType(x["@type"]) {
				ld.take(x)
				return true
			}
			if g, ok := x["@graph"]; ok {
				return visit(g, depth+1)
			}
		}
		return false
	}
	visit(v, 0)
}

func isNewsType(t any) bool {
	switch x := t.(type) {
	case string:
		return newsTypes[x]
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && newsTypes[s] {
				return true
			}
		}
	}
	return false
}

func (ld *linkedData) take(x map[string]any) {
	ld.headline = prose.Line(stringOf(x["headline"]))
	if t, err := parseDate(stringOf(x["datePublished"])); err == nil {
		ld.date = t
	}
	ld.url = stringOf(x["url"])
	if ld.url == "" {
		ld.url = stringOf(x["mainEntityOfPage"])
	}
	ld.publisher = prose.Line(nameOf(x["publisher"]))
	ld.author = prose.Line(nameOf(x["author"]))
	ld.language = stringOf(x["inLanguage"])
}

// fill sets the fields of m that the meta tags left empty.
func (ld linkedData) fill(m metadata) metadata {
	if m.date.IsZero() {
		m.date = ld.date
	}
	if m.url == "" && strings.Contains(ld.url, "://") {
		m.url = ld.url
	}
	if m.source == "" {
		m.source = ld.publisher
	}
	if m.author == "" {
		m.author = ld.author
	}
	if m.language == "" {
		m.language = ld.language
	}
	return m
}

// stringOf is a JSON value as a string: a string itself, or an object's
// @id (mainEntityOfPage is often {"@id": URL}).
func stringOf(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return stringOf(x["@id"])
	}
	return ""
}

// nameOf is the name of a person or organisation in JSON-LD: a string, an
// object's name, or the names of a list joined with "and".
func nameOf(v any) string {
	switch x := v.(type) {
	case string:
		if strings.Contains(x, "://") {
			return ""
		}
		return x
	case map[string]any:
		if s, ok := x["name"].(string); ok {
			return s
		}
	case []any:
		var names []string
		for _, e := range x {
			if n := nameOf(e); n != "" {
				names = append(names, n)
			}
		}
		return joinNames(names)
	}
	return ""
}

// joinNames writes a list of names as a byline does: "A", "A and B",
// "A, B and C".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
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
