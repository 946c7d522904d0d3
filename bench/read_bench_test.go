package bench

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/bench/synth"
	"github.com/newsgraph/newsgraph/source"
)

// readRecords is how many articles the reading benchmarks put in one
// file: the 100k corpus of the build benchmarks.
const readRecords = 100_000

// synthCorpus returns the synthetic corpus's articles as (headline, body)
// pairs, n of them.
func synthCorpus(b *testing.B, n int) (titles, bodies []string, words int64) {
	b.Helper()
	err := synth.Generate(context.Background(), 1, n, func(name string, body []byte) error {
		t, rest, _ := strings.Cut(string(body), "\n")
		titles = append(titles, t)
		bodies = append(bodies, strings.TrimSpace(rest))
		words += int64(synth.Words(body))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return titles, bodies, words
}

// readAll reads one file's articles through source.ReadBytes and fails on
// any error; it returns how many records it read, articles and skips (the
// synthetic corpus repeats a few stories word for word, which a container
// reads once).
func readAll(b *testing.B, name string, raw []byte) int {
	n := 0
	var skips []source.Skip
	for _, err := range source.ReadBytes(context.Background(), name, raw, source.WithSkipped(func(s source.Skip) { skips = append(skips, s) })) {
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
	for i, s := range skips {
		if i < 3 {
			b.Logf("skipped %v", s)
		}
	}
	return n + len(skips)
}

// BenchmarkReadJSONL reads 100,000 synthetic articles from one JSON Lines
// file, as far as the Articles extract receives (go test -run '^$' -bench
// ReadJSONL -benchtime 3x ./bench/).
func BenchmarkReadJSONL(b *testing.B) {
	titles, bodies, words := synthCorpus(b, readRecords)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i := range titles {
		rec := map[string]string{"id": fmt.Sprint(i), "title": titles[i], "text": bodies[i],
			"url": fmt.Sprintf("https://news.example/%d", i), "date": "2025-01-02", "source": "Example News"}
		if err := enc.Encode(rec); err != nil {
			b.Fatal(err)
		}
	}
	raw := buf.Bytes()
	b.SetBytes(int64(len(raw)))
	b.ResetTimer()
	for b.Loop() {
		if n := readAll(b, "corpus.jsonl", raw); n != readRecords {
			b.Fatalf("read %d articles, want %d", n, readRecords)
		}
	}
	b.ReportMetric(float64(readRecords)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkReadWARC reads the same 100,000 articles as HTML pages from one
// WARC.gz of response records, each its own gzip member (go test -run '^$'
// -bench ReadWARC -benchtime 1x ./bench/).
func BenchmarkReadWARC(b *testing.B) {
	titles, bodies, words := synthCorpus(b, readRecords)
	var buf bytes.Buffer
	for i := range titles {
		var page strings.Builder
		page.WriteString(`<!DOCTYPE html><html lang="en"><head><title>` + html.EscapeString(titles[i]) + ` | Example News</title>` +
			`<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2025-01-02T10:00:00Z"></head>` +
			`<body><header><nav><ul><li><a href="/">Home</a></li></ul></nav></header><main><article><h1>` + html.EscapeString(titles[i]) + `</h1>`)
		for _, p := range strings.Split(bodies[i], "\n\n") {
			page.WriteString("<p>" + html.EscapeString(p) + "</p>")
		}
		page.WriteString(`</article></main><footer><p>© Example News</p></footer></body></html>`)
		http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", page.Len(), page.String())
		zw := gzip.NewWriter(&buf)
		fmt.Fprintf(zw, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\nWARC-Date: 2025-01-03T00:00:00Z\r\n"+
			"WARC-Target-URI: https://news.example/%d\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", i, i, len(http), http)
		if err := zw.Close(); err != nil {
			b.Fatal(err)
		}
	}
	raw := buf.Bytes()
	b.SetBytes(int64(len(raw)))
	b.ResetTimer()
	for b.Loop() {
		if n := readAll(b, "corpus.warc.gz", raw); n != readRecords {
			b.Fatalf("read %d articles, want %d", n, readRecords)
		}
	}
	b.ReportMetric(float64(readRecords)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
