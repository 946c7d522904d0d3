package extract

import (
	"context"
	"flag"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/bench/synth"
	"github.com/newsgraph/newsgraph/examples"
	"github.com/newsgraph/newsgraph/source"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestCleanGolden cleans each testdata/clean/NAME.txt and compares the
// result with NAME.golden. The inputs imitate the furniture of several
// kinds of outlet; none comes from the example corpus.
func TestCleanGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "clean", "*.txt"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			a, err := source.Parse(filepath.Base(in), raw)
			if err != nil {
				t.Fatal(err)
			}
			c := Clean(a)
			got := "# " + c.Title + "\n\n" + c.Body + "\n"
			golden := strings.TrimSuffix(in, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("Clean(%s) differs from %s:\n--- got\n%s--- want\n%s", in, golden, got, want)
			}
			if again := Clean(c); again != c {
				t.Errorf("Clean is not idempotent:\n%s\n---\n%s", c.Body, again.Body)
			}
		})
	}
}

// TestCleanExamples checks Clean on the example corpus: all the page
// furniture goes, and exactly the story stays. What counts as the story is
// written here, by hand, as the first line of furniture in each file; Clean
// itself knows nothing of these files.
func TestCleanExamples(t *testing.T) {
	storyEnds := map[string]string{
		"000_bd6ab526a9c92c91": "Other articles on the health White Paper",
		"001_b849ec624c882d4f": "Related stories",
		"002_e7e95ca66bf86d20": "What do you think? Join the debate on CareSpace",
		"003_32d5ccce7895cf79": "Related stories",
		"004_4210c9aa06b7c491": "Have you registered with us yet?",
	}
	forbidden := []string{
		"Related stories", "More from Community Care", "Comments are closed", "Sign in",
		"Follow Us", "Just published", "COVID-19", "Marie Curie", "BMA", "CareSpace",
		"GPonline", "Other articles on the health White Paper", "Social Care Institute for Excellence",
	}
	n := 0
	for a, err := range source.ReadFS(context.Background(), examples.Articles, ".") {
		if err != nil {
			t.Fatal(err)
		}
		n++
		c := Clean(a)
		for _, s := range forbidden {
			if strings.Contains(c.Title, s) || strings.Contains(c.Body, s) {
				t.Errorf("%s: %q survived Clean", a.ID, s)
			}
		}

		raw, err := fs.ReadFile(examples.Articles, a.ID+".txt")
		if err != nil {
			t.Fatal(err)
		}
		story := map[string]bool{}
		for _, line := range strings.Split(string(raw), "\n") {
			line = normaliseLine(line)
			if line == storyEnds[a.ID] {
				break
			}
			if line != "" {
				story[compareKey(line)] = true
			}
		}
		kept := map[string]bool{compareKey(c.Title): true}
		for _, p := range strings.Split(c.Body, "\n\n") {
			kept[compareKey(p)] = true
			if !story[compareKey(p)] {
				t.Errorf("%s: kept a paragraph that is not the story's: %q", a.ID, p)
			}
		}
		for k := range story {
			if !kept[k] {
				t.Errorf("%s: lost a paragraph of the story: %q", a.ID, k)
			}
		}
	}
	if n != 5 {
		t.Errorf("read %d example articles, want 5", n)
	}
}

func TestCleanerOptions(t *testing.T) {
	a := Article{Title: "T", Body: "A real paragraph.\n\nAdvertisement\n\nSPONSORED BY ACME\n\nAnother real paragraph."}

	c, err := NewCleaner(WithFurniture(Furniture{Pattern: `sponsored by .+`}))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Clean(a).Body, "A real paragraph.\n\nAnother real paragraph."; got != want {
		t.Errorf("with an extra cue: %q, want %q", got, want)
	}

	c, err = NewCleaner(WithoutDefaultFurniture(), WithFurniture(Furniture{Pattern: `sponsored by .+`}))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Clean(a).Body, "A real paragraph.\n\nAdvertisement\n\nAnother real paragraph."; got != want {
		t.Errorf("without the defaults: %q, want %q", got, want)
	}

	c, err = NewCleaner(WithFurniture(Furniture{Pattern: `Elsewhere on the web`, Section: true}))
	if err != nil {
		t.Fatal(err)
	}
	s := Article{Title: "T", Body: "Story.\n\nElsewhere on the web\n\nA headline here\n\nAnother one\n\nA real paragraph after, ending like prose."}
	if got, want := c.Clean(s).Body, "Story.\n\nA real paragraph after, ending like prose."; got != want {
		t.Errorf("section cue: %q, want %q", got, want)
	}

	if _, err := NewCleaner(WithFurniture(Furniture{Pattern: `(unclosed`})); err == nil || !strings.Contains(err.Error(), "(unclosed") {
		t.Errorf("bad pattern: error = %v, want one naming the pattern", err)
	}
	for _, f := range DefaultFurniture() {
		if _, err := NewCleaner(WithoutDefaultFurniture(), WithFurniture(f)); err != nil {
			t.Errorf("default cue: %v", err)
		}
	}
}

func TestNearEqual(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{`He said it was "fit for purpose" today.`, "He said it was “fit for purpose” today.", true},
		{"Lansley (pictured) wrote to the board.", "Lansley wrote to the board.", true},
		{"Ministers will publish the plans for a full public consultation...", "Ministers will publish the plans for a full public consultation in the autumn, officials said.", true},
		{"Ministers will publish the plans...", "Ministers will publish the plans in the autumn.", false}, // too short to tell
		{"The plans were published today by the government in a white paper on health reform.", "The plans were published yesterday by the government in a white paper on health reform.", true},
		{"Councils welcomed the plans.", "Councils criticised the plans.", false},
		{"Town halls say the proposals would leave families without homes", "Council leaders have rejected proposals to cut housing budgets by a fifth.", false},
		{"", "", false},
	}
	for _, c := range cases {
		if got := nearEqual(c.a, c.b); got != c.want {
			t.Errorf("nearEqual(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestHeadlineLike(t *testing.T) {
	cases := []struct {
		s    string
		want bool
	}{
		{"BMA mourns 'dark death toll' as UK passes 100,000 deaths", true},
		{"Councils to be granted powers over public health", true},
		{"100 days of the coalition", true},
		{"“We are not bluffing.”", false},
		{"‘Single-handed GPs are very busy.’", false},
		{"Is this the end of the PCT?", false},
		{"lower-case start of a line", false},
		{"A line that goes on and on with far too many words in it to be any kind of headline at all really", false},
	}
	for _, c := range cases {
		if got := headlineLike(c.s); got != c.want {
			t.Errorf("headlineLike(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// BenchmarkClean cleans the example articles, 300 synthetic ones (which
// carry the furniture of scraped pages), and, when NEWSGRAPH_CLEAN_CORPUS
// names a directory of articles (such as a corpus bench/extract.sh made), those.
func BenchmarkClean(b *testing.B) {
	ctx := context.Background()
	read := func(b *testing.B, src iter.Seq2[Article, error]) []Article {
		var arts []Article
		for a, err := range src {
			if err != nil {
				b.Fatal(err)
			}
			arts = append(arts, a)
		}
		return arts
	}
	run := func(b *testing.B, arts []Article) {
		var size int64
		for _, a := range arts {
			size += int64(len(a.Body))
		}
		b.SetBytes(size)
		b.ResetTimer()
		for b.Loop() {
			for _, a := range arts {
				Clean(a)
			}
		}
	}
	b.Run("examples", func(b *testing.B) { run(b, read(b, source.ReadFS(ctx, examples.Articles, "."))) })
	b.Run("synth", func(b *testing.B) {
		var arts []Article
		err := synth.Generate(ctx, 1, 300, func(name string, body []byte) error {
			a, err := source.Parse(name, body)
			arts = append(arts, a)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		run(b, arts)
	})
	b.Run("corpus", func(b *testing.B) {
		dir := os.Getenv("NEWSGRAPH_CLEAN_CORPUS")
		if dir == "" {
			b.Skip("NEWSGRAPH_CLEAN_CORPUS names no directory of articles")
		}
		run(b, read(b, source.Read(ctx, []string{dir})))
	})
}
