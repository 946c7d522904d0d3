package source_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/source"
)

// TestMainTextAfterClean reports the word-level F1 of each MainText once
// extract.Clean has removed the furniture the reader let through: the text
// the extractor actually reads (go test ./source -run AfterClean -v).
func TestMainTextAfterClean(t *testing.T) {
	names := []string{"broadsheet", "broadcaster", "wire", "usdaily", "localblog"}
	for _, m := range []struct {
		name string
		mt   source.MainText
	}{{"blocks", source.Blocks}, {"readability", source.Readability}} {
		var sum float64
		for _, n := range names {
			raw, err := os.ReadFile(filepath.Join("testdata", "html", n+".html"))
			if err != nil {
				t.Fatal(err)
			}
			gold, err := os.ReadFile(filepath.Join("testdata", "html", n+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := source.Parse(n+".html", raw, source.WithMainText(m.mt))
			if err != nil {
				t.Fatal(err)
			}
			f := f1(extract.Clean(a).Body, string(gold))
			sum += f
			t.Logf("%-11s %-11s F1 after Clean %.3f", m.name, n, f)
			if m.mt == source.DefaultMainText && f < 0.94 {
				t.Errorf("%s: F1 after Clean %.3f, want at least 0.94", n, f)
			}
		}
		t.Logf("%-11s mean F1 after Clean %.3f", m.name, sum/float64(len(names)))
	}
}

func f1(got, want string) float64 {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	g, w := words(got), words(want)
	count := map[string]int{}
	for _, x := range w {
		count[x]++
	}
	common := 0
	for _, x := range g {
		if count[x] > 0 {
			count[x]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(g)), float64(common)/float64(len(w))
	return 2 * p * r / (p + r)
}
