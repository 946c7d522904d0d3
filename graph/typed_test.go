package graph_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// NodesOfType and Strings give the same answers on bolt, where they read
// Cayley's index buckets directly, as on the memory store, through
// Cayley's iterators; deleted articles' quads are not counted once their
// nodes are gone.
func TestNodesOfTypeAndStrings(t *testing.T) {
	ctx := context.Background()
	typ := func(s string, label quad.IRI) quad.Quad {
		return quad.Quad{Subject: quad.IRI(s), Predicate: schema.Type, Object: schema.Person, Label: label}
	}
	lit := func(s string, p quad.IRI, o string, label quad.IRI) quad.Quad {
		return quad.Quad{Subject: quad.IRI(s), Predicate: p, Object: quad.String(o), Label: label}
	}
	a, b, c := schema.ArticleIRI("a"), schema.ArticleIRI("b"), schema.ArticleIRI("c")
	docs := []graph.Doc{
		{ArticleID: "a", Quads: []quad.Quad{typ("person/x", a), typ("person/y", a), lit("person/x", schema.Name, "X", a), lit("person/x", schema.Alias, "Mr X", a)}},
		{ArticleID: "b", Quads: []quad.Quad{typ("person/x", b), lit("person/x", schema.Name, "X", b), lit("person/x", schema.Alias, "Dr X", b), lit("person/x", schema.Alias, "Mr X", b)}},
		{ArticleID: "c", Quads: []quad.Quad{typ("person/z", c), lit("person/z", schema.Name, "Z", c)}},
	}
	type answer struct {
		Nodes          map[quad.IRI]int
		Names, Aliases [][]string
		FirstAlias     [][]string
	}
	ask := func(g *graph.Graph) answer {
		nodes, err := g.NodesOfType(ctx, schema.Person)
		if err != nil {
			t.Fatal(err)
		}
		ans := answer{Nodes: map[quad.IRI]int{}}
		for _, n := range nodes {
			ans.Nodes[n.IRI] = n.Quads
		}
		iris := []quad.IRI{"person/x", "person/y", "person/z", "person/nobody"}
		if ans.Names, err = g.Strings(ctx, iris, schema.Name, 0); err != nil {
			t.Fatal(err)
		}
		if ans.Aliases, err = g.Strings(ctx, iris, schema.Alias, 0); err != nil {
			t.Fatal(err)
		}
		if ans.FirstAlias, err = g.Strings(ctx, iris, schema.Alias, 1); err != nil {
			t.Fatal(err)
		}
		for _, l := range ans.Aliases {
			slices.Sort(l)
		}
		return ans
	}
	want := answer{
		Nodes:      map[quad.IRI]int{"person/x": 2, "person/y": 1},
		Names:      [][]string{{"X"}, nil, nil, nil},
		Aliases:    [][]string{{"Dr X", "Mr X"}, nil, nil, nil},
		FirstAlias: [][]string{{"Mr X"}, nil, nil, nil},
	}
	for _, backend := range []string{graph.Memory, graph.Bolt} {
		t.Run(backend, func(t *testing.T) {
			addr := ""
			if backend == graph.Bolt {
				addr = filepath.Join(t.TempDir(), "db")
			}
			g := openT(t, backend, addr)
			if _, err := g.LoadBatch(ctx, docs); err != nil {
				t.Fatal(err)
			}
			if _, err := g.Delete(ctx, "c"); err != nil {
				t.Fatal(err)
			}
			if got := ask(g); !reflect.DeepEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

// Incoming groups the edges into a node by their other end, with counts
// and the last labels, alike on bolt and the memory store.
func TestIncoming(t *testing.T) {
	ctx := context.Background()
	edge := func(s, label string) quad.Quad {
		return quad.Quad{Subject: quad.IRI(s), Predicate: schema.Affects, Object: quad.IRI("org/x"), Label: quad.IRI(label)}
	}
	docs := []graph.Doc{
		{ArticleID: "a", Quads: []quad.Quad{edge("reform/r1", "article/a#s1"), edge("reform/r1", "article/a#s2"), edge("reform/r2", "article/a#s2")}},
		{ArticleID: "b", Quads: []quad.Quad{edge("reform/r1", "article/b#s1"), edge("reform/r3", "article/b#s4")}},
		{ArticleID: "c", Quads: []quad.Quad{edge("reform/r4", "article/c#s1")}},
	}
	for _, backend := range []string{graph.Memory, graph.Bolt} {
		t.Run(backend, func(t *testing.T) {
			addr := ""
			if backend == graph.Bolt {
				addr = filepath.Join(t.TempDir(), "db")
			}
			g := openT(t, backend, addr)
			if _, err := g.LoadBatch(ctx, docs); err != nil {
				t.Fatal(err)
			}
			if _, err := g.Delete(ctx, "c"); err != nil {
				t.Fatal(err)
			}
			for _, n := range []int{0, 2} {
				in, err := g.Incoming(ctx, "org/x", schema.Affects, n)
				if err != nil {
					t.Fatal(err)
				}
				got := map[quad.IRI]string{}
				for _, i := range in {
					var ls []string
					for _, l := range i.Labels {
						ls = append(ls, string(l))
					}
					got[i.IRI] = fmt.Sprint(i.Quads, ls)
				}
				want := map[quad.IRI]string{
					"reform/r1": "3 [article/a#s1 article/a#s2 article/b#s1]",
					"reform/r2": "1 [article/a#s2]",
					"reform/r3": "1 [article/b#s4]",
				}
				if n == 2 {
					want["reform/r1"] = "3 [article/a#s2 article/b#s1]"
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("n=%d: %v, want %v", n, got, want)
				}
			}
		})
	}
}
