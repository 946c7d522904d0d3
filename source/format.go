package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/prose"
	"github.com/newsgraph/newsgraph/schema"
)

// More errors a FileError wraps, for errors.Is.
var (
	// ErrUnknownFormat is a file in no format newsgraph reads, named
	// directly (in a directory walk such files are skipped and reported
	// through WithSkipped instead, so a folder of articles and pictures
	// still builds).
	ErrUnknownFormat = errors.New("unknown format")
	// ErrNoText is a file in a known format that holds no text to read: a
	// scanned PDF with no text layer, a dataset with no text column.
	ErrNoText = errors.New("no text")
	// ErrRecord is one bad record of a feed, archive or dataset; the other
	// records are read all the same.
	ErrRecord = errors.New("bad record")
)

// A Format is one kind of file Read understands.
type Format string

// The formats, as WithSkipped, Detect and docs/reading.md name them.
const (
	Text     Format = "text"     // plain text, with optional front matter and metadata lines
	Markdown Format = "markdown" // the same, Markdown reduced to its text
	HTML     Format = "html"     // a saved web page: one article
	Feed     Format = "feed"     // RSS 0.9x/1.0/2.0 or Atom: one article an item
	WARC     Format = "warc"     // a web archive, plain or gzipped: one article an HTML response
	JSON     Format = "json"     // JSON Lines, a JSON array or one object: one article a record
	CSV      Format = "csv"      // CSV or TSV with a header row: one article a row
	PDF      Format = "pdf"      // a PDF's text layer: one article
	Unknown  Format = ""
)

// container reports the formats that hold many articles and are read as a
// stream, record by record, rather than whole.
func (f Format) container() bool { return f == Feed || f == WARC || f == JSON || f == CSV }

// extFormats maps file extensions to their format. Content can override
// the extension (a PDF saved as .txt is a PDF; an HTML page with no
// extension is HTML), but only through signs prose never shows: magic
// numbers, markup, a dataset's header.
var extFormats = map[string]Format{
	"": Text, ".txt": Text, ".text": Text,
	".md": Markdown, ".markdown": Markdown,
	".html": HTML, ".htm": HTML, ".xhtml": HTML,
	".rss": Feed, ".atom": Feed, ".xml": Feed,
	".warc": WARC, ".gz": WARC, // .warc.gz; other gzip files fail to sniff as WARC
	".json": JSON, ".jsonl": JSON, ".ndjson": JSON,
	".csv": CSV, ".tsv": CSV,
	".pdf": PDF,
}

// sniffLen is how much of a file Detect looks at.
const sniffLen = 4096

// Detect names the format of a file from its name and its first bytes
// (up to 4 KiB; fewer for a shorter file). It returns Unknown, with a
// reason, for a file in no format Read understands.
func Detect(name string, head []byte) (Format, string) {
	ext := strings.ToLower(path.Ext(name))
	byExt, known := extFormats[ext]
	if bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		if isWARC(gunzipHead(head)) {
			return WARC, ""
		}
		return Unknown, "gzip-compressed, not a WARC file"
	}
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	switch {
	case isWARC(h):
		return WARC, ""
	case bytes.HasPrefix(h, []byte("%PDF-")) || bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")):
		return PDF, ""
	case isFeed(h):
		return Feed, ""
	case looksHTML(string(h[:min(len(h), 512)])):
		return HTML, ""
	case looksJSONArticles(h):
		return JSON, ""
	case looksCSVArticles(h):
		return CSV, ""
	}
	if known && byExt != WARC && byExt != PDF {
		// A .json or .csv that fails the sniff above is still read as one,
		// so its problem is reported rather than the file being taken for
		// prose.
		return byExt, ""
	}
	if known {
		return Unknown, fmt.Sprintf("named %s but not one", ext)
	}
	if bytes.IndexByte(head, 0) >= 0 || !utf8.Valid(trimPartialRune(head)) {
		return Unknown, "binary file, extension " + extOrNone(ext)
	}
	return Unknown, "extension " + extOrNone(ext)
}

func extOrNone(ext string) string {
	if ext == "" {
		return "(none)"
	}
	return ext
}

// trimPartialRune drops a rune cut in two at the end of a file's head.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < utf8.UTFMax-1 && len(b) > 0; i++ {
		if r, _ := utf8.DecodeLastRune(b); r != utf8.RuneError {
			return b
		}
		b = b[:len(b)-1]
	}
	return b
}

func isWARC(h []byte) bool { return bytes.HasPrefix(h, []byte("WARC/")) }

// gunzipHead is the start of what a gzip file's head decompresses to, as
// far as the head goes.
func gunzipHead(head []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return nil
	}
	out := make([]byte, 64)
	n, _ := io.ReadFull(zr, out)
	return bytes.TrimLeft(out[:n], " \t\r\n")
}

// isFeed recognises RSS and Atom by their root element.
func isFeed(h []byte) bool {
	if len(h) == 0 || h[0] != '<' {
		return false
	}
	s := strings.ToLower(string(h[:min(len(h), sniffLen)]))
	for _, root := range []string{"<rss", "<feed", "<rdf:rdf"} {
		if i := strings.Index(s, root); i >= 0 && !strings.Contains(s[:i], "<html") {
			after := s[i+len(root):]
			if after != "" && (after[0] == ' ' || after[0] == '>' || after[0] == '\n' || after[0] == '\r' || after[0] == '\t') {
				return true
			}
		}
	}
	return false
}

// looksJSONArticles recognises a JSON dataset: an object or an array of
// objects whose first keys include one of the field names records use.
func looksJSONArticles(h []byte) bool {
	if len(h) < 2 || h[0] != '{' && h[0] != '[' {
		return false
	}
	rest := bytes.TrimLeft(h[1:], " \t\r\n")
	if h[0] == '[' {
		if len(rest) == 0 || rest[0] != '{' {
			return false
		}
		rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	}
	if len(rest) == 0 || rest[0] != '"' {
		return false
	}
	s := strings.ToLower(string(h))
	for k := range fieldNames {
		if strings.Contains(s, `"`+k+`"`) {
			return true
		}
	}
	return false
}

// looksCSVArticles recognises a CSV or TSV header naming a text column
// and a headline or URL column.
func looksCSVArticles(h []byte) bool {
	line, _, _ := bytes.Cut(h, []byte("\n"))
	cols := splitHeader(string(bytes.TrimRight(line, "\r")))
	if len(cols) < 2 {
		return false
	}
	var text, other bool
	for _, c := range cols {
		switch fieldNames[strings.ToLower(c)] {
		case fieldText:
			text = true
		case fieldTitle, fieldURL:
			other = true
		}
	}
	return text && other
}

// splitHeader splits a header line at the first of tab, semicolon or comma
// it holds (in that order of preference), quotes removed.
func splitHeader(line string) []string {
	sep := csvSeparator(line)
	var cols []string
	for _, c := range strings.Split(line, string(sep)) {
		cols = append(cols, strings.Trim(strings.TrimSpace(c), `"`))
	}
	return cols
}

func csvSeparator(header string) rune {
	switch {
	case strings.Count(header, "\t") > 0:
		return '\t'
	case strings.Count(header, ";") > strings.Count(header, ","):
		return ';'
	}
	return ','
}

// A Skip is something Read passed over that is no article: a file in no
// format it reads (in a directory walk), or a record of a feed, archive or
// dataset that holds none (a WARC request record, an image, a 404 page).
// They are not errors, but a user should hear of them: see WithSkipped.
type Skip struct {
	Path   string // the file
	Record string // the record within it ("" for the whole file)
	Reason string // "not HTML (image/png)", "status 404", "unknown format: extension .docx"…
	// NotFile says Path is no file to read: a FIFO, socket or device, or
	// a symbolic link that leads to none (dangling, or a loop).
	NotFile bool
}

func (s Skip) String() string {
	if s.Record == "" {
		return s.Path + ": skipped: " + s.Reason
	}
	return s.Path + " (" + s.Record + "): skipped: " + s.Reason
}

// WithSkipped calls f for each file and record Read passes over, from the
// goroutine iterating.
func WithSkipped(f func(Skip)) ReadOption {
	return func(c *readConfig) { c.skipped = f }
}

// A record is one article of a container file as its decoder found it,
// before it is made an Article.
type record struct {
	label    string // where it is in the file: "item 3", "line 17", "byte 2048"
	key      string // what identifies it within the file (GUID, URL, id); "" for none
	title    string
	body     []string // paragraphs
	date     time.Time
	url      string
	source   string
	author   string
	language string
}

// A sink receives a container's records. Each method reports whether to go
// on.
type sink interface {
	article(r record) bool
	fail(label string, err error) bool
	skip(label, reason string) bool
}

// A decoder reads a container file's records from in.
type decoder func(ctx context.Context, in *bufio.Reader, s sink, cfg readConfig) error

// decoders are the container formats' readers.
var decoders = map[Format]decoder{}

// recordArticle makes an Article of a container's record. file is the
// container's ID; the record's own part is its headline slugged and
// shortened, with a hash of its key so that it stays the same however the
// container's other records come and go.
func recordArticle(shown, file string, r record) (Article, error) {
	if r.title == "" && len(r.body) == 0 {
		return Article{}, ErrNoText
	}
	title := r.title
	paras := r.body
	switch {
	case title == "":
		title = paras[0]
		if !prose.IsLeadParagraph(title) {
			paras = paras[1:]
		}
	case len(paras) > 0 && sameText(paras[0], title):
		paras = paras[1:]
	}
	a := Article{
		Path:   shown + "#" + strings.ReplaceAll(r.label, " ", "-"),
		Title:  title,
		Body:   strings.Join(paras, "\n\n"),
		Date:   r.date,
		URL:    r.url,
		Source: r.source,
		Author: r.author,
	}
	a.Hash = recordHash(a, r.language)
	key := r.key
	if key == "" {
		key = r.url
	}
	if key == "" {
		key = a.Title + "\x00" + a.Date.Format(time.RFC3339) + "\x00" + a.Body[:min(len(a.Body), 200)]
	}
	a.ID = recordID(file, title, key)
	return a, nil
}

// recordID is FILE/headline-slug-HASH: readable, and stable for a record
// whose key stays the same.
func recordID(file, title, key string) string {
	slug := schema.Slug(title)
	if len(slug) > 48 {
		slug = strings.TrimRight(slug[:48], "-")
	}
	h := sha256.Sum256([]byte(key))
	own := slug + "-" + hex.EncodeToString(h[:6])
	if file == "" {
		return own
	}
	return file + "/" + own
}

// recordHash is the content hash of one record: what a changed record
// changes, and nothing its neighbours do.
func recordHash(a Article, language string) string {
	h := sha256.New()
	for _, f := range []string{a.Title, a.Body, a.Date.UTC().Format(time.RFC3339), a.URL, a.Source, a.Author, language} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}
