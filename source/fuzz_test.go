package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzRead reads raw as the file name and checks the reader's promises:
// no panic, every error a *FileError, every article with text, an ID and a
// hash.
func fuzzRead(t *testing.T, name string, raw []byte) {
	for a, err := range ReadBytes(context.Background(), name, raw, WithMaxSize(1<<20)) {
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *FileError", err)
			}
			continue
		}
		if a.ID == "" || len(a.Hash) != 64 || a.Title == "" && a.Body == "" {
			t.Fatalf("malformed article %+v", a)
		}
		if strings.Contains(a.Title, "\n") || strings.Contains(a.Body, "\n\n\n") {
			t.Fatalf("badly normalised: %q / %q", a.Title, a.Body)
		}
	}
}

// seedFixtures adds the fixtures of testdata/formats whose names end in
// one of exts to f's corpus.
func seedFixtures(f *testing.F, exts ...string) {
	entries, _ := os.ReadDir(filepath.Join("testdata", "formats"))
	for _, e := range entries {
		for _, ext := range exts {
			if strings.HasSuffix(e.Name(), ext) {
				raw, err := os.ReadFile(filepath.Join("testdata", "formats", e.Name()))
				if err == nil {
					f.Add(raw)
				}
			}
		}
	}
}

func FuzzFeed(f *testing.F) {
	seedFixtures(f, ".rss", ".atom")
	f.Add([]byte(`<rss version="2.0"><channel><item><title>x</title><pubDate>bad</pubDate></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">&lt;p&gt;</content></entry></feed>`))
	f.Fuzz(func(t *testing.T, raw []byte) { fuzzRead(t, "f.rss", raw) })
}

func FuzzWARC(f *testing.F) {
	seedFixtures(f, ".warc.gz")
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 999999\r\n\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) { fuzzRead(t, "f.warc", raw) })
}

func FuzzJSON(f *testing.F) {
	seedFixtures(f, ".jsonl", ".json")
	for _, s := range []string{`{"title":"t","text":"b"}`, `[{"text":1},2,{"body":null}]`, `{"text":"x"`, "{\"text\":\"a\"}\n{", `[`, `{"date":"x","text":"y"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) { fuzzRead(t, "f.jsonl", raw) })
}

func FuzzCSV(f *testing.F) {
	seedFixtures(f, ".csv")
	for _, s := range []string{"title,text\na,b\n", "text\n\"unclosed\n", "title;text;date\nx;y;z\n", "a,b\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) { fuzzRead(t, "f.csv", raw) })
}

func FuzzPDF(f *testing.F) {
	seedFixtures(f, ".pdf")
	f.Add([]byte("%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF"))
	f.Fuzz(func(t *testing.T, raw []byte) { fuzzRead(t, "f.pdf", raw) })
}

func FuzzHTMLPage(f *testing.F) {
	for _, n := range []string{"broadsheet", "wire", "usdaily"} {
		if raw, err := os.ReadFile(filepath.Join("testdata", "html", n+".html")); err == nil {
			f.Add(raw, false)
		}
	}
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":["NewsArticle"],"author":[{"name":1}]}]}</script><p>x</p>`), true)
	f.Add([]byte("<html><body><div>"+strings.Repeat("word ", 12)+".</div>"), true)
	f.Fuzz(func(t *testing.T, raw []byte, readable bool) {
		mt := Blocks
		if readable {
			mt = Readability
		}
		_, err := Parse("f.html", raw, WithMainText(mt))
		var fe *FileError
		if err != nil && !errors.As(err, &fe) {
			t.Fatalf("error %v is not a *FileError", err)
		}
	})
}

// FuzzDetect checks that any file name and head get a format or a reason.
func FuzzDetect(f *testing.F) {
	f.Add("a.txt", []byte("hello"))
	f.Add("a", []byte("\x1f\x8b\x08"))
	f.Add("x.csv", []byte("title,text\n"))
	f.Add("x.json", []byte(`[{"title"`))
	f.Fuzz(func(t *testing.T, name string, head []byte) {
		if len(head) > sniffLen {
			head = head[:sniffLen]
		}
		if fm, why := Detect(name, head); fm == Unknown && why == "" {
			t.Fatalf("Detect(%q, %q): unknown with no reason", name, head)
		}
	})
}
