package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/newsgraph/newsgraph/examples"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// fakeExtractor states one fact per sentence-ish line, and fails or panics
// on request, so these tests do not depend on the real extractor.
type fakeExtractor struct{}

func (fakeExtractor) Extract(ctx context.Context, a extract.Article) ([]schema.Fact, error) {
	switch {
	case strings.Contains(a.Body, "FAIL"):
		return nil, errors.New("cannot make sense of it")
	case strings.Contains(a.Body, "PANIC"):
		panic("extractor bug")
	}
	art := schema.ArticleIRI(a.ID)
	facts := []schema.Fact{
		{Subject: art, Predicate: schema.Type, Object: schema.Article, Article: a.ID},
		{Subject: art, Predicate: schema.ContentHash, Object: quad.String(a.Hash), Article: a.ID},
	}
	for i, line := range strings.Split(strings.TrimSpace(a.Body), "\n") {
		facts = append(facts,
			schema.Fact{Subject: schema.SentenceIRI(a.ID, i+1), Predicate: schema.SentenceOf, Object: art, Article: a.ID},
			schema.Fact{Subject: schema.EntityIRI(schema.Person, line), Predicate: schema.Name, Object: quad.String(line), Article: a.ID, Sentence: i + 1})
	}
	return facts, nil
}

func article(id, body string) extract.Article {
	return extract.Article{ID: id, Path: id + ".txt", Title: id, Body: body, Hash: fmt.Sprintf("%x", body)}
}

type item struct {
	a   extract.Article
	err error
}

func seq(items ...item) iter.Seq2[extract.Article, error] {
	return func(yield func(extract.Article, error) bool) {
		for _, it := range items {
			if !yield(it.a, it.err) {
				return
			}
		}
	}
}

func memGraph(t *testing.T) *graph.Graph {
	t.Helper()
	g, err := graph.Open(context.Background(), graph.Memory, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	return g
}

func TestRunErrorsDoNotStopTheBatch(t *testing.T) {
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			g := memGraph(t)
			src := seq(
				item{a: article("a", "Ann Smith\nBob Jones")},
				item{err: &source.FileError{Path: "broken.txt", Err: source.ErrInvalidUTF8}},
				item{a: article("c", "FAIL here")},
				item{a: article("d", "PANIC here")},
				item{a: article("b", "Carol King")},
			)
			sum, err := ingest.Run(context.Background(), g, fakeExtractor{}, src, ingest.WithWorkers(workers))
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if sum.Articles != 4 || sum.Loaded != 2 || sum.Skipped != 0 || len(sum.Errors) != 3 {
				t.Errorf("Summary = %+v, want 4 articles, 2 loaded, 3 errors", sum)
			}
			want := []string{"broken.txt: invalid UTF-8", "c.txt: extract: cannot make sense of it", "d.txt: extract: panic: extractor bug"}
			for i, w := range want {
				if i >= len(sum.Errors) || sum.Errors[i].Error() != w {
					t.Errorf("error %d = %v, want %q", i, sum.Errors, w)
				}
			}
			var fe *source.FileError
			if !errors.As(sum.Errors[0], &fe) {
				t.Errorf("read error is %T, want *source.FileError", sum.Errors[0])
			}
			var ae *ingest.ArticleError
			if !errors.As(sum.Errors[1], &ae) || ae.ArticleID != "c" {
				t.Errorf("extract error = %#v, want an *ingest.ArticleError for c", sum.Errors[1])
			}
			st, _ := g.Stats(context.Background())
			if st.Articles != 2 {
				t.Errorf("store holds %d articles, want 2", st.Articles)
			}
		})
	}
}

func TestRunTwiceSkips(t *testing.T) {
	g := memGraph(t)
	ctx := context.Background()
	src := seq(item{a: article("a", "Ann Smith")}, item{a: article("b", "Bob Jones")})
	if _, err := ingest.Run(ctx, g, fakeExtractor{}, src); err != nil {
		t.Fatal(err)
	}
	before := graphtest.Dump(t, g)
	sum, err := ingest.Run(ctx, g, fakeExtractor{}, src)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Skipped != 2 || sum.Loaded != 0 {
		t.Errorf("second run = %+v, want both skipped", sum)
	}
	if graphtest.Dump(t, g) != before {
		t.Errorf("second run changed the store")
	}
	// A changed article replaces its old self and nothing else.
	sum, err = ingest.Run(ctx, g, fakeExtractor{}, seq(item{a: article("a", "Ann Jones")}, item{a: article("b", "Bob Jones")}))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Loaded != 1 || sum.Replaced != 1 || sum.Skipped != 1 {
		t.Errorf("changed run = %+v, want one replaced, one skipped", sum)
	}
	dump := graphtest.Dump(t, g)
	if strings.Contains(dump, `"Ann Smith"`) || !strings.Contains(dump, `"Ann Jones"`) || !strings.Contains(dump, `"Bob Jones"`) {
		t.Errorf("after the change the store holds:\n%s", dump)
	}
}

// fingerprinted is fakeExtractor with a fingerprint, as if its rules or
// lexicon were fp.
type fingerprinted struct {
	fakeExtractor
	fp string
}

func (f fingerprinted) Fingerprint() string { return f.fp }

// TestRunNewFingerprintExtractsAgain: an extractor with other rules or
// another lexicon extracts the unchanged articles again instead of
// skipping them; the same one skips them.
func TestRunNewFingerprintExtractsAgain(t *testing.T) {
	g := memGraph(t)
	ctx := context.Background()
	src := seq(item{a: article("a", "Ann Smith")}, item{a: article("b", "Bob Jones")})
	for _, step := range []struct {
		fp                        string
		loaded, replaced, skipped int
	}{
		{"v1", 2, 0, 0},
		{"v1", 0, 0, 2},
		{"v2", 2, 2, 0},
		{"v2", 0, 0, 2},
	} {
		sum, err := ingest.Run(ctx, g, fingerprinted{fp: step.fp}, src)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Loaded != step.loaded || sum.Replaced != step.replaced || sum.Skipped != step.skipped {
			t.Errorf("run with %s = %+v, want %d loaded, %d replaced, %d skipped", step.fp, sum, step.loaded, step.replaced, step.skipped)
		}
		h, ok, err := g.ArticleHash(ctx, "a")
		if want := article("a", "Ann Smith").Hash + " " + step.fp; err != nil || !ok || h != want {
			t.Errorf("after the run with %s, a's stored hash = %q, %v, %v; want %q", step.fp, h, ok, err, want)
		}
	}
}

// TestRunExamples builds the embedded examples with the real extractor into
// bolt twice: the same quads, byte for byte, and the second run skips all.
func TestRunExamples(t *testing.T) {
	ctx := context.Background()
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "newsgraph.db")
	build := func(workers int) (ingest.Summary, string, graph.Stats) {
		g, err := graph.Open(ctx, graph.Bolt, dir)
		if err != nil {
			t.Fatal(err)
		}
		defer g.Close()
		sum, err := ingest.Run(ctx, g, ex, source.ReadFS(ctx, examples.Articles, "."), ingest.WithWorkers(workers))
		if err != nil {
			t.Fatal(err)
		}
		st, err := g.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return sum, graphtest.Dump(t, g), st
	}
	sum1, dump1, st1 := build(1)
	if sum1.Articles != 5 || sum1.Loaded != 5 || len(sum1.Errors) != 0 {
		t.Fatalf("first build = %+v, want 5 articles loaded", sum1)
	}
	sum2, dump2, st2 := build(2)
	if sum2.Skipped != 5 || sum2.Loaded != 0 {
		t.Errorf("second build = %+v, want all 5 skipped", sum2)
	}
	if st1 != st2 || dump1 != dump2 {
		t.Errorf("second build changed the store: %+v → %+v", st1, st2)
	}
	if st1.Articles != 5 || st1.Quads == 0 {
		t.Errorf("Stats = %+v", st1)
	}
}

func TestWorkersDoNotChangeTheGraph(t *testing.T) {
	ctx := context.Background()
	var items []item
	for i := range 40 {
		items = append(items, item{a: article(fmt.Sprintf("a%02d", i), fmt.Sprintf("Person %d\nPerson %d", i, i%5))})
	}
	var dumps []string
	for _, w := range []int{1, 4} {
		g := memGraph(t)
		sum, err := ingest.Run(ctx, g, fakeExtractor{}, seq(items...), ingest.WithWorkers(w), ingest.WithBatchQuads(25))
		if err != nil {
			t.Fatal(err)
		}
		if sum.Loaded != 40 {
			t.Errorf("workers=%d: %+v, want 40 loaded", w, sum)
		}
		dumps = append(dumps, graphtest.Dump(t, g))
	}
	if dumps[0] != dumps[1] {
		t.Errorf("1 and 4 workers built different graphs")
	}
}

func TestExtractIsDeterministic(t *testing.T) {
	ctx := context.Background()
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	var outs []string
	for _, w := range []int{1, 3, 1} {
		var buf bytes.Buffer
		nw := nquads.NewWriter(&buf)
		sum, err := ingest.Extract(ctx, ex, source.ReadFS(ctx, examples.Articles, "."), nw, ingest.WithWorkers(w))
		if err != nil {
			t.Fatal(err)
		}
		if err := nw.Close(); err != nil {
			t.Fatal(err)
		}
		if sum.Loaded != 5 || sum.Quads == 0 || len(sum.Errors) != 0 {
			t.Errorf("Extract = %+v, want 5 articles written", sum)
		}
		outs = append(outs, buf.String())
	}
	if outs[0] != outs[1] || outs[0] != outs[2] {
		t.Errorf("Extract output differs between runs")
	}
	quads, err := quad.ReadAll(nquads.NewReader(strings.NewReader(outs[0]), false))
	if err != nil {
		t.Fatalf("Extract wrote unreadable N-Quads: %v", err)
	}
	for _, q := range quads {
		if l, ok := q.Label.(quad.IRI); !ok || !strings.HasPrefix(string(l), "article/") {
			t.Errorf("quad not labelled with an article: %s", q.NQuad())
			break
		}
	}
}

func TestRunCancelled(t *testing.T) {
	for _, workers := range []int{1, 2} {
		g := memGraph(t)
		ctx, cancel := context.WithCancel(context.Background())
		n := 0
		src := func(yield func(extract.Article, error) bool) {
			for i := 0; ; i++ {
				if i == 3 {
					cancel()
				}
				if err := ctx.Err(); err != nil {
					yield(extract.Article{}, err)
					return
				}
				n++
				if !yield(article(fmt.Sprint("a", i), "Someone"), nil) {
					return
				}
			}
		}
		_, err := ingest.Run(ctx, g, fakeExtractor{}, src, ingest.WithWorkers(workers))
		if !errors.Is(err, context.Canceled) {
			t.Errorf("workers=%d: Run = %v, want context.Canceled", workers, err)
		}
		if n != 3 {
			t.Errorf("workers=%d: source read %d articles, want 3", workers, n)
		}
	}
}

func TestProgress(t *testing.T) {
	g := memGraph(t)
	var last ingest.Progress
	calls := 0
	src := seq(item{a: article("a", "Ann")}, item{err: errors.New("x.txt: unreadable")}, item{a: article("b", "Bob")})
	sum, err := ingest.Run(context.Background(), g, fakeExtractor{}, src, ingest.WithProgress(func(p ingest.Progress) {
		calls++
		last = p
	}))
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 || last.Articles != sum.Articles || last.Loaded != sum.Loaded || last.Failed != 1 || last.Quads != sum.Quads {
		t.Errorf("last progress %+v (of %d calls), summary %+v", last, calls, sum)
	}
}

func ExampleRun() {
	ctx := context.Background()
	g, err := graph.Open(ctx, graph.Memory, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer g.Close()
	ex, err := extract.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	sum, err := ingest.Run(ctx, g, ex, source.ReadFS(ctx, examples.Articles, "."))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d articles read, %d loaded, %d failed\n", sum.Articles, sum.Loaded, sum.Failed())
	// Output: 5 articles read, 5 loaded, 0 failed
}
