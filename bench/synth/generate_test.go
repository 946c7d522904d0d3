package synth

import (
	"context"
	"crypto/sha256"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// corpus generates n articles and returns their texts and truth by name.
func corpus(t testing.TB, seed int64, n int, opts ...Option) (names []string, texts map[string]string, truth map[string][]Fact) {
	t.Helper()
	texts, truth = map[string]string{}, map[string][]Fact{}
	opts = append(opts, WithTruth(func(name string, facts []Fact) error {
		truth[name] = facts
		return nil
	}))
	err := Generate(context.Background(), seed, n, func(name string, body []byte) error {
		names = append(names, name)
		texts[name] = string(body)
		return nil
	}, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return names, texts, truth
}

func digest(t *testing.T, seed int64, n int, opts ...Option) [32]byte {
	t.Helper()
	h := sha256.New()
	err := Generate(context.Background(), seed, n, func(name string, body []byte) error {
		h.Write([]byte(name))
		h.Write(body)
		return nil
	}, opts...)
	if err != nil {
		t.Fatal(err)
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

func TestDeterministic(t *testing.T) {
	a := digest(t, 7, 300, WithWorkers(1))
	for _, w := range []int{2, 5} {
		if b := digest(t, 7, 300, WithWorkers(w)); a != b {
			t.Errorf("seed 7 with %d workers differs from 1 worker", w)
		}
	}
	if b := digest(t, 8, 300); a == b {
		t.Error("seeds 7 and 8 give the same corpus")
	}
}

func TestPrefixStable(t *testing.T) {
	names, small, _ := corpus(t, 3, 50)
	_, large, _ := corpus(t, 3, 120)
	for _, n := range names {
		if small[n] != large[n] {
			t.Fatalf("%s differs between a 50- and a 120-article corpus", n)
		}
	}
}

func TestArticlesWellFormed(t *testing.T) {
	names, texts, _ := corpus(t, 1, 400)
	if len(names) != 400 || names[0] != "000/000000.txt" || names[399] != "000/000399.txt" {
		t.Fatalf("names: got %d, first %q, last %q", len(names), names[0], names[len(names)-1])
	}
	var words, front int
	for _, n := range names {
		s := texts[n]
		if !utf8.ValidString(s) {
			t.Errorf("%s: invalid UTF-8", n)
		}
		if strings.Contains(s, "{") || strings.Contains(s, "}") {
			t.Errorf("%s: unexpanded template slot", n)
		}
		if strings.Contains(s, "\n\n\n") || strings.HasSuffix(s, "\n") {
			t.Errorf("%s: stray blank lines", n)
		}
		if strings.HasPrefix(s, "---\ntitle: \"") {
			front++
			if !strings.Contains(s, "\ndate: 201") || !strings.Contains(s, "\n---\n\n") {
				t.Errorf("%s: malformed front matter", n)
			}
		}
		words += Words([]byte(s))
	}
	if mean := words / len(names); mean < 420 || mean > 620 {
		t.Errorf("mean article length %d words, want about 500", mean)
	}
	if front < 160 || front > 320 {
		t.Errorf("%d of 400 articles have front matter, want about 60%%", front)
	}
}

// TestTruthIsInText checks that what the truth lists is written in the
// article: names, quotation words, roles.
func TestTruthIsInText(t *testing.T) {
	names, texts, truth := corpus(t, 2, 300)
	kinds := map[string]int{}
	for _, n := range names {
		text := texts[n]
		facts := truth[n]
		if len(facts) == 0 || facts[0].Kind != "article" || facts[0].Article != n {
			t.Fatalf("%s: truth does not open with its article fact: %+v", n, facts)
		}
		for _, f := range facts {
			kinds[f.Kind]++
			if f.Article != n {
				t.Errorf("%s: fact names article %q", n, f.Article)
			}
			var want []string
			switch f.Kind {
			case "person", "byline", "org":
				want = []string{f.Name}
			case "affiliation":
				want = []string{f.Role, f.Org}
			case "quote", "reported", "scare":
				want = strings.Split(f.Text, ". ") // multi-paragraph quotations break between sentences
			case "reform", "stance":
				if len(f.Affects) == 0 || f.Reform == "" {
					t.Errorf("%s: %s fact without reform: %+v", n, f.Kind, f)
				}
			}
			for _, w := range want {
				// A role or name may open a sentence, capitalised.
				if !strings.Contains(text, w) && !strings.Contains(strings.ToLower(text), strings.ToLower(w)) {
					t.Errorf("%s: %s fact %q not in the text", n, f.Kind, w)
				}
			}
		}
	}
	for _, k := range []string{"article", "person", "org", "affiliation", "quote", "reported", "reform", "stance", "scare", "byline"} {
		if kinds[k] == 0 {
			t.Errorf("300 articles produced no %s fact", k)
		}
	}
}

// TestVariety checks the corpus has the spread the benchmark relies on:
// many distinct people, every quotation mark style, acronyms defined.
func TestVariety(t *testing.T) {
	names, texts, truth := corpus(t, 4, 1000)
	people := map[string]bool{}
	orgs := map[string]bool{}
	aliases := 0
	for _, n := range names {
		for _, f := range truth[n] {
			switch f.Kind {
			case "person":
				people[f.Name] = true
			case "org":
				orgs[f.Name] = true
				if f.Alias != "" {
					aliases++
				}
			}
		}
	}
	if len(people) < 2000 || len(orgs) < 1000 || aliases < 100 {
		t.Errorf("1000 articles: %d people, %d organisations, %d defined acronyms; want ≥ 2000, 1000, 100",
			len(people), len(orgs), aliases)
	}
	all := strings.Join(func() []string {
		var s []string
		for _, n := range names {
			s = append(s, texts[n])
		}
		return s
	}(), "\n")
	for _, m := range []string{"said: \"", "said: \u201c", "said: '", "said: \u2018", ",\" said", ", according to ", " (", "Related stories"} {
		if !strings.Contains(all, m) {
			t.Errorf("no article contains %q", m)
		}
	}
}

func TestGenerateErrors(t *testing.T) {
	ctx := context.Background()
	stop := errors.New("stop")
	calls := 0
	err := Generate(ctx, 1, 1000, func(string, []byte) error {
		calls++
		if calls == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 10 {
		t.Errorf("emit error: got %v after %d calls, want %v after 10", err, calls, stop)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := Generate(cctx, 1, 100, func(string, []byte) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %v", err)
	}
	for _, c := range []struct {
		n    int
		opts []Option
	}{
		{-1, nil},
		{10, []Option{WithWords(500, 100)}},
		{10, []Option{WithWorld(5, 5)}},
	} {
		if err := Generate(ctx, 1, c.n, func(string, []byte) error { return nil }, c.opts...); err == nil {
			t.Errorf("Generate(n=%d, %d options) succeeded, want an error", c.n, len(c.opts))
		}
	}
}

func TestTemplateTables(t *testing.T) {
	tm := compileTemplates()
	for name, n := range map[string]int{"filler": len(tm.filler), "quote": len(tm.quote)} {
		if n < 10 || n > 64 {
			t.Errorf("%s table has %d templates; article.fresh needs 10–64", name, n)
		}
	}
}

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 0}, {"one", 1}, {" two  words\n", 2}, {"a\tb\nc d", 4},
	} {
		if got := Words([]byte(c.in)); got != c.want {
			t.Errorf("Words(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}
