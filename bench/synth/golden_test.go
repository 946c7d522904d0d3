package synth

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden pins the text of a few articles and their truth, so a change to
// the generator's output (which would silently change every benchmark
// corpus) shows up in review. Regenerate with: go test ./bench/synth -update
func TestGolden(t *testing.T) {
	names, texts, truth := corpus(t, 1, 4)
	var b strings.Builder
	for _, n := range names {
		b.WriteString("=== " + n + "\n")
		b.WriteString(texts[n])
		b.WriteString("\n")
		for _, f := range truth[n] {
			b.WriteString(formatFact(f) + "\n")
		}
	}
	got := b.String()
	path := filepath.Join("testdata", "seed1.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("generated articles differ from %s; if the change is intended, run go test ./bench/synth -update and review the diff", path)
	}
}

func formatFact(f Fact) string {
	parts := []string{"# " + f.Kind}
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	add("name", f.Name)
	add("alias", f.Alias)
	add("person", f.Person)
	add("role", f.Role)
	add("org", f.Org)
	add("speaker", f.Speaker)
	add("text", f.Text)
	add("reform", f.Reform)
	add("affects", strings.Join(f.Affects, "|"))
	add("gains", f.Gains)
	add("agent", f.Agent)
	add("holder", f.Holder)
	add("stance", f.Stance)
	if f.Partial {
		parts = append(parts, "partial")
	}
	return strings.Join(parts, " ")
}
