package graph_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph"
)

func changeDoc(id, name string) graph.Doc {
	art := quad.IRI("article/" + id)
	return graph.Doc{ArticleID: id, Quads: []quad.Quad{
		{Subject: quad.IRI("person/x"), Predicate: quad.IRI("name"), Object: quad.String(name), Label: art},
	}}
}

// Version and ChangedSince tell a reader which articles the Graph's writes
// touched: loads that add or replace, deletes, not unchanged reloads.
func TestChangedSince(t *testing.T) {
	ctx := context.Background()
	for _, backend := range []string{graph.Memory, graph.Bolt} {
		t.Run(backend, func(t *testing.T) {
			addr := ""
			if backend == graph.Bolt {
				addr = filepath.Join(t.TempDir(), "db")
			}
			g := openT(t, backend, addr)
			steps := []struct {
				name    string
				do      func() error
				version uint64
				since   uint64
				want    []string
			}{
				{"empty", func() error { return nil }, 0, 0, nil},
				{"load two", func() error {
					_, err := g.LoadBatch(ctx, []graph.Doc{changeDoc("a", "X"), changeDoc("b", "X")})
					return err
				}, 1, 0, []string{"a", "b"}},
				{"reload unchanged", func() error { _, err := g.Load(ctx, changeDoc("a", "X")); return err }, 1, 1, nil},
				{"replace", func() error { _, err := g.Load(ctx, changeDoc("a", "Y")); return err }, 2, 1, []string{"a"}},
				{"delete", func() error { _, err := g.Delete(ctx, "b"); return err }, 3, 1, []string{"a", "b"}},
				{"delete missing", func() error { _, err := g.Delete(ctx, "zz"); return err }, 3, 3, nil},
			}
			for _, s := range steps {
				if err := s.do(); err != nil {
					t.Fatalf("%s: %v", s.name, err)
				}
				changes, now, ok := g.ChangedSince(s.since)
				var ids []string
				for _, c := range changes {
					if !slices.Contains(ids, c.Article) {
						ids = append(ids, c.Article)
					}
				}
				slices.Sort(ids)
				if !ok || now != s.version || g.Version() != s.version || !slices.Equal(ids, s.want) {
					t.Errorf("%s: ChangedSince(%d) = %v, %d, %v; want %v, %d, true", s.name, s.since, ids, now, ok, s.want, s.version)
				}
			}
		})
	}
}

// A change carries what the article declared before it: what a replace
// or delete took away.
func TestChangeBefore(t *testing.T) {
	ctx := context.Background()
	g := openT(t, graph.Memory, "")
	if _, err := g.Load(ctx, changeDoc("a", "X")); err != nil {
		t.Fatal(err)
	}
	if _, err := g.Load(ctx, changeDoc("a", "Y")); err != nil {
		t.Fatal(err)
	}
	if _, err := g.Delete(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	changes, _, _ := g.ChangedSince(0)
	var got []string
	for _, c := range changes {
		var names []string
		for _, q := range c.Before {
			names = append(names, quad.ToString(q.Object))
		}
		got = append(got, c.Article+":"+strings.Join(names, ","))
	}
	if want := []string{"a:", "a:X", "a:Y"}; !slices.Equal(got, want) {
		t.Errorf("changes %v, want %v", got, want)
	}
}

// A reader further behind than the Graph remembers is told to re-read.
func TestChangedSinceForgets(t *testing.T) {
	ctx := context.Background()
	g := openT(t, graph.Memory, "")
	var docs []graph.Doc
	for i := range 5000 {
		docs = append(docs, changeDoc(fmt.Sprint("a", i), "X"))
	}
	if _, err := g.LoadBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if _, err := g.Load(ctx, changeDoc("late", "X")); err != nil {
		t.Fatal(err)
	}
	if _, _, ok := g.ChangedSince(0); ok {
		t.Error("ChangedSince(0) after 5001 articles: ok; want forgotten")
	}
	if changes, now, ok := g.ChangedSince(1); !ok || now != 2 || len(changes) != 1 || changes[0].Article != "late" {
		t.Errorf("ChangedSince(1) = %v, %d, %v; want [late], 2, true", changes, now, ok)
	}
}
