package questions

import (
	"context"
	"encoding/gob"
	"os"
	"path/filepath"
	"slices"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
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

// The article lists read with the index on bolt (readLists) are the lists
// articlesOf reads from the store: each article once, newest first, by
// sentence or article labels, without a deleted article's.
func TestIndexLists(t *testing.T) {
	ctx := context.Background()
	g, err := graph.Open(ctx, graph.Bolt, filepath.Join(t.TempDir(), "newsgraph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	ann, bob := schema.EntityIRI(schema.Person, "Ann Able"), schema.EntityIRI(schema.Person, "Bob Best")
	art := func(id, date string, sentenceTyped bool, people ...quad.IRI) graph.Doc {
		a := schema.ArticleIRI(id)
		qs := []quad.Quad{
			{Subject: a, Predicate: schema.Type, Object: schema.Article, Label: a},
			{Subject: a, Predicate: schema.Date, Object: quad.String(date), Label: a},
		}
		for i, p := range people {
			label := a
			if sentenceTyped {
				s := schema.SentenceIRI(id, i+1)
				qs = append(qs, quad.Quad{Subject: s, Predicate: schema.SentenceOf, Object: a, Label: a})
				label = s
			}
			qs = append(qs, quad.Quad{Subject: p, Predicate: schema.Type, Object: schema.Person, Label: label},
				quad.Quad{Subject: p, Predicate: schema.Type, Object: schema.Person, Label: a},
				quad.Quad{Subject: p, Predicate: schema.Name, Object: quad.String(string(p)), Label: a})
		}
		return graph.Doc{ArticleID: id, Quads: qs}
	}
	for _, d := range []graph.Doc{
		art("a1", "2011-01-01", true, ann, bob),
		art("a2", "2013-01-01", false, ann),
		art("a3", "2012-01-01", true, bob, ann, ann),
		art("a4", "2010-01-01", true, bob),
	} {
		if _, err := g.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := g.Delete(ctx, "a4"); err != nil {
		t.Fatal(err)
	}
	ix, err := buildIndex(ctx, g, g.Version())
	if err != nil {
		t.Fatal(err)
	}
	if ix.lists.all == nil {
		t.Fatal("no lists read on bolt")
	}
	err = g.View(ctx, func(qs cgraph.QuadStore) error {
		a := newAsker(newStore(ctx, qs), ix) // no lists: read from the store
		for e := range ix.ents {
			want, err := a.articlesOf(int32(e))
			if err != nil {
				return err
			}
			if got := ix.lists.all[int32(e)]; !slices.Equal(got, want) {
				t.Errorf("%s: kept %v, read %v", ix.ents[e].iri, got, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(ix.lists.all[ix.byIRI[string(bob)]]); got != 2 {
		t.Errorf("Bob Best in %d articles, want 2 (a1, a3; a4 deleted)", got)
	}
}
