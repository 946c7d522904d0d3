package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/ingest"
)

func TestCountArticles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.md", "sub/c.html", "sub/d", "skip.jpg", ".hidden/e.txt", ".f.txt"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		paths []string
		want  int
	}{
		{[]string{dir}, 4},
		{[]string{dir, filepath.Join(dir, "skip.jpg")}, 5}, // a named file counts (it is read, or an error)
		{[]string{"-", filepath.Join(dir, "missing")}, 2},
		{nil, 5}, // the embedded examples
	}
	for _, tt := range tests {
		if got := countArticles(tt.paths); got != tt.want {
			t.Errorf("countArticles(%v) = %d, want %d", tt.paths, got, tt.want)
		}
	}
}

func TestProgressLogLines(t *testing.T) {
	var buf bytes.Buffer
	p, err := newProgress(&buf, progressAuto, 1000)
	if err != nil || p == nil || p.bar != nil {
		t.Fatalf("newProgress(auto, not a terminal) = %+v, %v; want log lines", p, err)
	}
	p.lastLog = time.Now().Add(-time.Minute)
	p.update(ingest.Progress{Articles: 250, Skipped: 10, Failed: 2, Quads: 41000, Elapsed: 10 * time.Second})
	p.update(ingest.Progress{Articles: 260, Elapsed: 11 * time.Second}) // within logEvery: silent
	want := "build: 250/1,000 (25%) articles, 25 articles/s, 41,000 quads, 10 unchanged, 2 errors, elapsed 10s, ETA 30s\n"
	if buf.String() != want {
		t.Errorf("log:\n%q\nwant\n%q", buf.String(), want)
	}
	if p, err := newProgress(&buf, progressNever, 10); p != nil || err != nil {
		t.Errorf("never = %v, %v; want no reporter", p, err)
	}
	if _, err := newProgress(&buf, "sometimes", 10); err == nil {
		t.Errorf("an unknown mode was accepted")
	}
	var bar bytes.Buffer
	p, _ = newProgress(&bar, progressAlways, 3)
	p.update(ingest.Progress{Articles: 3, Quads: 12})
	p.finish()
	if !strings.Contains(bar.String(), "(3/3") || !strings.Contains(bar.String(), "12 quads") {
		t.Errorf("bar output %q lacks the count and quads", bar.String())
	}
}
