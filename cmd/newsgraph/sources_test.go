package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildMissingPath: a mistyped path fails before any store is made.
func TestBuildMissingPath(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "newsgraph.db")
	_, _, err := run(t, "build", filepath.Join(dir, "nope"), "--db", db)
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Fatalf("build of a missing path: err = %v, want one naming it", err)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a store was created for a missing path: %v", err)
	}
}

// TestBuildFormatsThenRm builds a folder of feeds, datasets, an archive and
// a PDF, checks the summary names what was skipped and what failed, then
// removes articles by URL, by path and by ID, each taking exactly its own
// quads.
func TestBuildFormatsThenRm(t *testing.T) {
	dir := t.TempDir()
	fixtures := filepath.Join("..", "..", "source", "testdata", "formats")
	for _, name := range []string{"news.rss", "articles.jsonl", "crawl.warc.gz", "release.pdf", "metalines.txt"} {
		raw, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "in", name), raw, 0o644); err != nil {
			if err := os.MkdirAll(filepath.Join(dir, "in"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "in", name), raw, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "in", "photo.jpg"), []byte("\xff\xd8\xff\xe0"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "newsgraph.db")
	out, errOut, err := run(t, "build", filepath.Join(dir, "in"), "--db", db, "--progress", "never")
	if err == nil {
		t.Fatal("build with bad records must exit non-zero")
	}
	for _, want := range []string{"articles: 9 read, 9 loaded", "photo.jpg (unknown format", "crawl.warc.gz: status 404", "crawl.warc.gz: not HTML (image/png)"} {
		if !strings.Contains(out, want) {
			t.Errorf("build output lacks %q:\n%s", want, out)
		}
	}
	for _, want := range []string{"news.rss (item 3)", "articles.jsonl (line 3)", "articles.jsonl (line 4)"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("build errors lack %q:\n%s", want, errOut)
		}
	}
	out, errOut, err = run(t, "rm", "--db", db, "https://kelbypost.example/news/lifeboat-rescue", filepath.Join(dir, "in", "release.pdf"), "metalines", "https://nowhere.example/x")
	if err == nil || !strings.Contains(errOut, "nowhere.example") {
		t.Errorf("rm of an unknown URL: err %v, stderr %q", err, errOut)
	}
	if n := strings.Count(out, "removed article/"); n != 3 {
		t.Errorf("rm removed %d articles, want 3:\n%s", n, out)
	}
	out, _, err = run(t, "build", filepath.Join(dir, "in", "articles.jsonl"), "--db", db, "--progress", "never")
	if err == nil || !strings.Contains(out, "0 loaded") {
		t.Errorf("rebuilding one file: %v\n%s", err, out)
	}
	out, _, err = run(t, "query", "--db", db, `g.Emit(g.V().Has("<type>", "<Article>").Count())`)
	if err != nil || strings.TrimSpace(out) != "[\n  6\n]" && !strings.Contains(out, "6") {
		t.Errorf("articles left = %s (%v), want 6", out, err)
	}
}

// TestFeedExportTimeline: articles read from a feed carry their items'
// dates into the graph, so the GEXF export is dynamic, with spells on the
// items' days.
func TestFeedExportTimeline(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "newsgraph.db")
	feeds := filepath.Join("..", "..", "source", "testdata", "formats")
	_, errOut, err := run(t, "build", filepath.Join(feeds, "news.atom"), filepath.Join(feeds, "news.rss"), "--db", db, "--progress", "never")
	if err == nil || !strings.Contains(errOut, "news.rss (item 3)") {
		t.Fatalf("build: err %v (want the bad item reported)\n%s", err, errOut)
	}
	gexf := filepath.Join(dir, "graph.gexf")
	if _, errOut, err := run(t, "export", "--db", db, "--format", "gexf", "-o", gexf); err != nil {
		t.Fatalf("export: %v\n%s", err, errOut)
	}
	raw, err := os.ReadFile(gexf)
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	if !strings.Contains(s, `mode="dynamic"`) || !strings.Contains(s, `timeformat="date"`) {
		t.Fatalf("export is not dynamic:\n%.600s", s)
	}
	for _, day := range []string{"2025-06-10", "2025-06-03"} {
		if !strings.Contains(s, `<spell start="`+day+`"`) {
			t.Errorf("no spell on %s, the date of a feed item", day)
		}
	}
}
