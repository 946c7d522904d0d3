package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGen(t *testing.T) {
	tmp := t.TempDir()
	dir, again := filepath.Join(tmp, "corpus"), filepath.Join(tmp, "again")
	truth := filepath.Join(tmp, "truth.jsonl")
	if _, errOut, err := run(t, "gen", "--n", "30", "--seed", "5", "-o", dir, "--truth", truth); err != nil {
		t.Fatalf("gen: %v\n%s", err, errOut)
	}
	if _, errOut, err := run(t, "gen", "--n", "30", "--seed", "5", "-o", again, "--workers", "1"); err != nil {
		t.Fatalf("gen again: %v\n%s", err, errOut)
	}
	files, err := filepath.Glob(filepath.Join(dir, "000", "*.txt"))
	if err != nil || len(files) != 30 {
		t.Fatalf("gen wrote %d files (%v), want 30", len(files), err)
	}
	for _, f := range files {
		a, err1 := os.ReadFile(f)
		b, err2 := os.ReadFile(filepath.Join(again, "000", filepath.Base(f)))
		if err1 != nil || err2 != nil || string(a) != string(b) {
			t.Errorf("%s differs between two runs with one seed (%v, %v)", filepath.Base(f), err1, err2)
		}
	}

	tf, err := os.Open(truth)
	if err != nil {
		t.Fatal(err)
	}
	defer tf.Close()
	articles := map[string]bool{}
	sc := bufio.NewScanner(tf)
	for sc.Scan() {
		var f struct{ Article, Kind string }
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			t.Fatalf("truth line %q: %v", sc.Text(), err)
		}
		if f.Kind == "article" {
			articles[f.Article] = true
		}
	}
	if len(articles) != 30 || !articles["000/000029.txt"] {
		t.Errorf("truth names %d articles, want 30 including 000/000029.txt", len(articles))
	}

	// The corpus is meant for newsgraph: every article must read cleanly.
	nq := filepath.Join(tmp, "out.nq")
	if _, errOut, err := run(t, "extract", dir, "-o", nq); err != nil {
		t.Fatalf("extract of the generated corpus: %v\n%s", err, errOut)
	}
	if st, err := os.Stat(nq); err != nil || st.Size() == 0 {
		t.Errorf("extract wrote no quads: %v", err)
	}
}

func TestGenNeedsOutput(t *testing.T) {
	_, _, err := run(t, "gen", "--n", "3")
	if err == nil || !strings.Contains(err.Error(), "-o") {
		t.Errorf("gen without -o: got %v, want an error naming -o", err)
	}
}
