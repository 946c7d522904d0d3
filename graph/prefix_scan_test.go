package graph

import (
	"context"
	"path/filepath"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
)

// boltPrefixStore opens a bolt graph holding article a's quads and returns
// its quad store, which must be a prefixStore.
func boltPrefixStore(t *testing.T, quads ...quad.Quad) prefixStore {
	t.Helper()
	ctx := context.Background()
	g, err := Open(ctx, Bolt, filepath.Join(t.TempDir(), "newsgraph.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	if _, err := g.LoadBatch(ctx, []Doc{{ArticleID: "a", Hash: "h", Quads: quads}}); err != nil {
		t.Fatal(err)
	}
	qs, ok := g.h.QuadStore.(prefixStore)
	if !ok {
		t.Fatalf("bolt store is a %T, want a prefixStore", g.h.QuadStore)
	}
	return qs
}

// TestPrefixScanShapes checks which index, and how long a prefix of it, a
// bolt store reads for each path; graphtest's QueryShapes checks the
// answers.
func TestPrefixScanShapes(t *testing.T) {
	qs := boltPrefixStore(t,
		quad.MakeIRI("s", "p", "o", "article/a"),
		quad.MakeIRI("s", "p", "o2", "article/a#s1"))
	start := func(n ...string) *path.Path {
		var vs []quad.Value
		for _, s := range n {
			vs = append(vs, quad.IRI(s))
		}
		return path.StartPath(qs, vs...)
	}
	for _, tc := range []struct {
		name   string
		path   *path.Path
		index  string // "" for no prefix scan
		prefix int
		rest   bool // filters left to intersect
	}{
		{"out", start("s").Out(quad.IRI("p")), "sp", 2, false},
		{"in", start("o").In(quad.IRI("p")), "ops", 2, false},
		{"out, label", start("s").LabelContext(quad.IRI("article/a")).Out(quad.IRI("p")), "sp", 2, true},
		{"has", path.StartPath(qs).Has(quad.IRI("p"), quad.IRI("o")), "ops", 2, false},
		{"in, any predicate", start("o").In(), "ops", 1, false},
		{"out, two nodes", start("s", "o").Out(quad.IRI("p")), "", 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := shape.Optimize(tc.path.Shape(), qs)
			var (
				scans []indexPrefix
				rest  bool
			)
			shape.Walk(s, func(s shape.Shape) bool {
				switch s := s.(type) {
				case indexPrefix:
					scans = append(scans, s)
				case shape.Intersect:
					rest = true
				}
				return true
			})
			if tc.index == "" {
				if len(scans) != 0 {
					t.Errorf("prefix scans %+v, want none: %#v", scans, s)
				}
				return
			}
			if len(scans) != 1 {
				t.Fatalf("%d prefix scans, want 1: %#v", len(scans), s)
			}
			if got := indexName(scans[0].index); got != tc.index || len(scans[0].prefix) != tc.prefix || rest != tc.rest {
				t.Errorf("scan of %s by %d (rest: %v), want %s by %d (rest: %v)", got, len(scans[0].prefix), rest, tc.index, tc.prefix, tc.rest)
			}
		})
	}
}

// TestPrefixScanKeepsOtherFilters: a filter of several values on a
// direction the prefix fixes still narrows the quads.
func TestPrefixScanKeepsOtherFilters(t *testing.T) {
	ctx := context.Background()
	qs := boltPrefixStore(t,
		quad.MakeIRI("s", "p", "o", "article/a"),
		quad.MakeIRI("s2", "p", "o", "article/a"))
	ref := func(s string) cgraph.Ref { return qs.ValueOf(quad.IRI(s)) }
	for _, tc := range []struct {
		name  string
		other shape.Fixed // a second filter on the subject
		want  int
	}{
		{"holds s", shape.Fixed{ref("s"), ref("o")}, 1},
		{"lacks s", shape.Fixed{ref("s2"), ref("o")}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := shape.Quads{
				{Dir: quad.Subject, Values: shape.Fixed{ref("s")}},
				{Dir: quad.Subject, Values: tc.other},
				{Dir: quad.Predicate, Values: shape.Fixed{ref("p")}},
			}
			scan, ok := qs.prefixScan(q, 2)
			if !ok {
				t.Fatal("no prefix scan")
			}
			n := 0
			err := cgraph.Iterate(ctx, scan.BuildIterator(qs)).Each(func(cgraph.Ref) { n++ })
			if err != nil || n != tc.want {
				t.Errorf("%d quads, %v; want %d (shape %#v)", n, err, tc.want, scan)
			}
		})
	}
}
