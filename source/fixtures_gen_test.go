package source

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

var update = flag.Bool("update", false, "rewrite the generated fixtures and golden files under testdata/")

// A warcPage is one HTTP exchange of a test archive.
type warcPage struct {
	uri, ctype string
	status     int
	date       time.Time
	body       string
	request    bool // a request record rather than a response
}

// writeWARC writes pages as a WARC 1.1 file through gowarc's record
// builder and marshaler, each record its own gzip member when gz is set,
// as crawlers write .warc.gz.
func writeWARC(w io.Writer, pages []warcPage, gz bool) error {
	m := gowarc.NewMarshaler()
	for i, p := range pages {
		typ := gowarc.Response
		var block string
		if p.request {
			typ = gowarc.Request
			block = "GET / HTTP/1.1\r\nHost: example\r\n\r\n"
		} else {
			block = fmt.Sprintf("HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", p.status, statusText(p.status), p.ctype, len(p.body), p.body)
		}
		b := gowarc.NewRecordBuilder(typ, gowarc.WithAddMissingDigest(true), gowarc.WithFixContentLength(true), gowarc.WithAddMissingContentLength(true))
		if _, err := b.WriteString(block); err != nil {
			return err
		}
		b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", i))
		b.AddWarcHeaderTime(gowarc.WarcDate, p.date)
		b.AddWarcHeader(gowarc.WarcTargetURI, p.uri)
		if p.request {
			b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
		} else {
			b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		}
		rec, _, err := b.Build()
		if err != nil {
			return fmt.Errorf("record %d: %w", i, err)
		}
		out := w
		var zw *gzip.Writer
		if gz {
			zw = gzip.NewWriter(w)
			out = zw
		}
		if _, _, err := m.Marshal(out, rec, 0); err != nil {
			return err
		}
		rec.Close()
		if zw != nil {
			if err := zw.Close(); err != nil {
				return err
			}
		}
	}
	return nil
}

func statusText(code int) string {
	switch code {
	case 200:
		return "OK"
	case 404:
		return "Not Found"
	case 301:
		return "Moved Permanently"
	}
	return "Status"
}

// writePDF writes a one-page PDF: lines of text in Helvetica (a text
// layer, as a word processor's export has) or, with no lines, a page that
// only draws an image (a scan). info holds the document information
// (Title, Author, CreationDate). A test's own small writer, so the fixtures
// need no PDF library.
func writePDF(lines []string, info map[string]string) []byte {
	var objs []string
	esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
	var content bytes.Buffer
	if len(lines) > 0 {
		y := 780
		for _, l := range lines {
			if l != "" {
				fmt.Fprintf(&content, "BT /F1 11 Tf 56 %d Td (%s) Tj ET\n", y, esc.Replace(l))
			}
			y -= 15
		}
	} else {
		content.WriteString("q 480 0 0 640 56 100 cm /Im1 Do Q\n")
	}
	objs = append(objs,
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 7 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	)
	var inf strings.Builder
	inf.WriteString("<<")
	for _, k := range []string{"Title", "Author", "CreationDate"} {
		if v, ok := info[k]; ok {
			fmt.Fprintf(&inf, " /%s (%s)", k, esc.Replace(v))
		}
	}
	inf.WriteString(" >>")
	objs = append(objs, inf.String(),
		"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream")
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// reportLines is the text layer of the PDF fixture: a press release, its
// lines broken as a word processor breaks them.
var reportLines = []string{
	"Harbour Authority announces ferry service review",
	"",
	"The Harbour Authority today announced an independent review of the island",
	"ferry service after a winter in which more than 200 sailings were cancelled.",
	"",
	"The review, led by the former transport commissioner Ingrid Solberg, will",
	"report by the end of September and consider whether the service should be",
	"run directly by the authority rather than under contract.",
	"",
	"Chair of the authority, Martin Achebe, said islanders had been let down.",
}

// generatedFixtures are the fixtures a program writes: the archive and the
// PDFs.
func generatedFixtures(t *testing.T) map[string][]byte {
	t.Helper()
	page := func(title, site, date, body string) string {
		return `<!DOCTYPE html><html lang="en"><head><title>` + title + ` | ` + site + `</title>
<meta property="og:site_name" content="` + site + `">` + date + `</head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<main><article><h1>` + title + `</h1>` + body + `</article>
<aside><h2>Most read</h2><ul><li><a href="/x">Another story</a></li></ul></aside></main>
<footer><p>© Example Media</p></footer></body></html>`
	}
	crawl := time.Date(2025, 5, 2, 7, 30, 0, 0, time.UTC)
	pages := []warcPage{
		{uri: "https://news.example/2025/05/01/port-strike", request: true, date: crawl},
		{uri: "https://news.example/2025/05/01/port-strike", ctype: "text/html; charset=utf-8", status: 200, date: crawl,
			body: page("Dock workers vote to strike over pay", "Example News",
				`<meta property="article:published_time" content="2025-05-01T16:20:00Z">`,
				`<p>Dock workers at the port of Kelby have voted to strike for two weeks in June after rejecting a pay offer of 4%.</p><p>The Maritime Workers Union said 87% of members backed the action on a turnout of 71%.</p>`)},
		{uri: "https://news.example/logo.png", ctype: "image/png", status: 200, date: crawl, body: "\x89PNG\r\n\x1a\nnot really"},
		{uri: "https://news.example/2025/05/01/gone", ctype: "text/html", status: 404, date: crawl, body: "<html><body><h1>Page not found</h1></body></html>"},
		{uri: "https://news.example/2025/05/02/library-hours", ctype: "text/html; charset=ISO-8859-1", status: 200, date: crawl.Add(time.Hour),
			body: page("Library hours cut at three branches", "Example News", "",
				"<p>Opening hours at three branches of Kelby's library service will be cut from July, the council said on Friday.</p><p>The Caf\xe9 at the central library will stay open.</p>")},
	}
	var warc bytes.Buffer
	if err := writeWARC(&warc, pages, true); err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{
		"crawl.warc.gz": warc.Bytes(),
		"release.pdf":   writePDF(reportLines, map[string]string{"Title": "Harbour Authority announces ferry service review", "Author": "Harbour Authority Press Office", "CreationDate": "D:20250612093000Z"}),
		"scan.pdf":      writePDF(nil, map[string]string{"Title": "Scanned letter"}),
	}
}

// TestGeneratedFixtures checks the committed archive and PDFs are what
// the writers above make (-update rewrites them).
func TestGeneratedFixtures(t *testing.T) {
	for name, want := range generatedFixtures(t) {
		p := filepath.Join("testdata", "formats", name)
		if *update {
			if err := os.WriteFile(p, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%v (run go test ./source -run GeneratedFixtures -update)", err)
		}
		if name != "crawl.warc.gz" && !bytes.Equal(got, want) {
			t.Errorf("%s differs from what writePDF makes; run with -update", name)
		}
	}
}
