package questions

import (
	"context"
	"encoding/gob"
	"os"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// On bolt the index is kept beside the store and read back by the next
// Service while the store is unchanged; a write retires it.
func TestIndexKept(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "newsgraph.db")
	art := func(id, name string) graph.Doc {
		a := schema.ArticleIRI(id)
		p := schema.EntityIRI(schema.Person, name)
		return graph.Doc{ArticleID: id, Quads: []quad.Quad{
			{Subject: a, Predicate: schema.Type, Object: schema.Article, Label: a},
			{Subject: p, Predicate: schema.Type, Object: schema.Person, Label: a},
			{Subject: p, Predicate: schema.Name, Object: quad.String(name), Label: a},
		}}
	}
	open := func(opts ...graph.Option) *graph.Graph {
		g, err := graph.Open(ctx, graph.Bolt, dir, opts...)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	names := func(g *graph.Graph) []string {
		hits, err := New(g).Search(ctx, "a")
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range hits {
			out = append(out, h.Name)
		}
		return out
	}
	g := open()
	if _, err := g.Load(ctx, art("a1", "Ann Able")); err != nil {
		t.Fatal(err)
	}
	if got := names(g); len(got) != 1 || got[0] != "Ann Able" {
		t.Fatalf("first search: %v", got)
	}
	g.Close()
	path := filepath.Join(dir, indexFile)
	// Doctor the kept index: a Service that reads it says so.
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no index kept: %v", err)
	}
	var saved savedIndex
	if err := gob.NewDecoder(f).Decode(&saved); err != nil {
		t.Fatal(err)
	}
	f.Close()
	saved.Entities[0].Name = "Ann Kept"
	f, err = os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := gob.NewEncoder(f).Encode(saved); err != nil {
		t.Fatal(err)
	}
	f.Close()

	g = open(graph.WithReadOnly())
	if got := names(g); len(got) != 1 || got[0] != "Ann Kept" {
		t.Errorf("read back: %v, want the kept index's Ann Kept", got)
	}
	g.Close()

	// Another process's write changes the stamp: the index is read anew.
	g = open()
	if _, err := g.Load(ctx, art("a2", "Alan Added")); err != nil {
		t.Fatal(err)
	}
	g.Close()
	g = open(graph.WithReadOnly())
	defer g.Close()
	if got := names(g); len(got) != 2 || got[0] != "Alan Added" && got[1] != "Alan Added" || got[0] == "Ann Kept" || got[1] == "Ann Kept" {
		t.Errorf("after a write: %v, want Ann Able and Alan Added", got)
	}
}
