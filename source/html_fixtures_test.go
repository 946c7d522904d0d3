package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
)

// htmlFixtures are pages in the styles of several kinds of outlet, each
// with the story's text as written (testdata/html/NAME.txt: the standfirst
// and paragraphs, no headline, byline or captions). Outlets, people and
// places are invented.
var htmlFixtures = []struct {
	name, title, start, url, source, author, lang string
	date                                          time.Time
	// floor is the least word-level F1 of the default main text against
	// the story's text: what docs/reading.md reports, rounded down.
	floor float64
}{
	{"broadsheet", "Councils in north-west face £40m shortfall under new funding formula", "Councils in the north-west say a new funding formula",
		"https://www.chronicle.example/society/2025/jan/21/councils-north-west-funding-formula-shortfall", "the Chronicle", "Sarah Keane", "en-GB",
		time.Date(2025, 1, 21, 6, 0, 12, 0, time.UTC), 0.89},
	{"broadcaster", "Three ambulance services to merge despite union warnings", "A plan to merge three ambulance services",
		"https://www.nbn.example/news/articles/c4g7k2m1x9po", "NBN News", "Rhys Tanner", "en-GB",
		time.Date(2025, 1, 16, 14, 32, 5, 0, time.UTC), 0.87},
	{"wire", "Estavia central bank raises rates by half point as inflation hits 16-year high", "ESTAVIA CITY, April 9 (Global Wire) - The central bank",
		"https://www.globalwire.example/markets/europe/estavia-central-bank-raises-rates-2025-04-09/", "Global Wire", "Mira Dalca", "en",
		time.Date(2025, 4, 9, 11, 47, 33, 0, time.UTC), 0.96},
	{"usdaily", "Board Votes to Close 4 Elementary Schools Despite Parent Protests", "The closures, the largest in more than a decade",
		"https://www.metrotimes.example/2025/03/11/nyregion/school-closures-board-vote.html", "The Metropolitan Times", "Dana Whitcombe", "en",
		time.Date(2025, 3, 11, 2, 15, 7, 0, time.UTC), 0.89},
	{"localblog", "Historic footbridge to reopen after £2.3m restoration", "Riverside’s historic footbridge will reopen",
		"https://riversidegazette.example/2025/04/22/historic-footbridge-to-reopen/", "Riverside Gazette", "Tom Ashworth", "en-GB",
		time.Date(2025, 4, 22, 8, 30, 0, 0, time.UTC), 1.00},
}

func TestHTMLFixtures(t *testing.T) {
	for _, c := range htmlFixtures {
		t.Run(c.name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "html", c.name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse(c.name+".html", raw)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != c.title || !strings.HasPrefix(a.Body, c.start) || a.URL != c.url || a.Source != c.source ||
				a.Author != c.author || a.Language != c.lang || !a.Date.Equal(c.date) {
				t.Errorf("got title %q\nbody %.60q…\nurl %q source %q author %q lang %q date %v", a.Title, a.Body, a.URL, a.Source, a.Author, a.Language, a.Date)
			}
			gold, err := os.ReadFile(filepath.Join("testdata", "html", c.name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			p, r, f := wordF1(a.Body, string(gold))
			t.Logf("%s: precision %.3f recall %.3f F1 %.3f", c.name, p, r, f)
			if f < c.floor {
				t.Errorf("F1 %.3f below the floor %.2f\nbody:\n%s", f, c.floor, a.Body)
			}
		})
	}
}

// TestMainTextComparison reports the word-level F1 of each MainText on
// each fixture (go test ./source -run MainTextComparison -v): the figures
// docs/reading.md gives.
func TestMainTextComparison(t *testing.T) {
	for _, m := range []struct {
		name string
		mt   MainText
	}{{"blocks", Blocks}, {"readability", Readability}} {
		var sum float64
		for _, c := range htmlFixtures {
			raw, err := os.ReadFile(filepath.Join("testdata", "html", c.name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			gold, err := os.ReadFile(filepath.Join("testdata", "html", c.name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse(c.name+".html", raw, WithMainText(m.mt))
			if err != nil {
				t.Fatalf("%s %s: %v", m.name, c.name, err)
			}
			p, r, f := wordF1(a.Body, string(gold))
			sum += f
			t.Logf("%-11s %-11s precision %.3f recall %.3f F1 %.3f", m.name, c.name, p, r, f)
		}
		t.Logf("%-11s mean F1 %.3f", m.name, sum/float64(len(htmlFixtures)))
	}
}

// wordF1 scores got against want word by word: lower-cased runs of
// letters and digits, counted as multisets.
func wordF1(got, want string) (precision, recall, f1 float64) {
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
	if len(g) == 0 || len(w) == 0 || common == 0 {
		return 0, 0, 0
	}
	precision, recall = float64(common)/float64(len(g)), float64(common)/float64(len(w))
	return precision, recall, 2 * precision * recall / (precision + recall)
}
