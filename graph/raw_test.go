package graph_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// A Raw reads a bolt store's quads by ID as Cayley lists them: live quads
// only, in index order; its keys list deleted ones too, which Exact
// tells. Other stores have none; Preload maps bolt's file and does
// nothing elsewhere.
func TestRaw(t *testing.T) {
	ctx := context.Background()
	edge := func(s, label string) quad.Quad {
		return quad.Quad{Subject: quad.IRI(s), Predicate: schema.Affects, Object: quad.IRI("org/x"), Label: quad.IRI(label)}
	}
	docs := []graph.Doc{
		{ArticleID: "a", Quads: []quad.Quad{edge("reform/r1", "article/a#s1"), edge("reform/r1", "article/a#s2"), edge("reform/r2", "article/a#s2")}},
		{ArticleID: "c", Quads: []quad.Quad{edge("reform/r1", "article/c#s1")}},
	}
	mem := openT(t, graph.Memory, "")
	if err := mem.ViewRaw(ctx, func(*graph.Raw) error { return nil }); !errors.Is(err, graph.ErrNoRaw) {
		t.Errorf("memory: %v, want ErrNoRaw", err)
	}
	if err := mem.Preload(ctx); err != nil {
		t.Errorf("memory: preload: %v", err)
	}
	g := openT(t, graph.Bolt, filepath.Join(t.TempDir(), "db"))
	if _, err := g.LoadBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	read := func(wantExact bool, want string) {
		t.Helper()
		err := g.ViewRaw(ctx, func(r *graph.Raw) error {
			exact, err := r.Exact()
			if err != nil {
				return err
			}
			if exact != wantExact {
				t.Errorf("exact %v, want %v", exact, wantExact)
			}
			text := func(id uint64) string {
				v, err := r.Value(id)
				if err != nil {
					t.Fatal(err)
				}
				return fmt.Sprint(v)
			}
			x, aff := r.ID(quad.IRI("org/x")), r.ID(schema.Affects)
			var got []string
			err = r.In(x, aff, func(q graph.RawQuad) bool {
				got = append(got, text(q.Subject)+" "+text(q.Label))
				return true
			})
			if err != nil {
				return err
			}
			keys := 0
			err = r.InKeys(x, aff, func(s uint64, quads []uint64) bool {
				keys += len(quads)
				return true
			})
			if err != nil {
				return err
			}
			got = append(got, fmt.Sprint(keys, " listed"))
			r1 := r.ID(quad.IRI("reform/r1"))
			err = r.Out(r1, aff, func(q graph.RawQuad) bool {
				got = append(got, "out "+text(q.Object)+" "+text(q.Label))
				return true
			})
			if err != nil {
				return err
			}
			s2 := r.ID(quad.IRI("article/a#s2"))
			ids, err := r.LabelledIDs(s2)
			if err != nil {
				return err
			}
			var labelled []uint64
			err = r.Labelled(s2, func(q graph.RawQuad) bool {
				got = append(got, "in s2: "+text(q.Subject))
				return true
			})
			if err != nil {
				return err
			}
			for _, id := range ids {
				if q, live, err := r.Quad(id); err != nil || !live || q.Label != s2 {
					t.Errorf("quad %d: %v %v %v", id, q, live, err)
				}
				labelled = append(labelled, id)
			}
			if len(labelled) != 2 {
				t.Errorf("s2 labels %d quads, want 2", len(labelled))
			}
			if g := fmt.Sprint(got); g != want {
				t.Errorf("read\n%s\nwant\n%s", g, want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	read(true, "[<reform/r1> <article/a#s1> <reform/r1> <article/a#s2> <reform/r1> <article/c#s1> <reform/r2> <article/a#s2> 4 listed "+
		"out <org/x> <article/a#s1> out <org/x> <article/a#s2> out <org/x> <article/c#s1> in s2: <reform/r1> in s2: <reform/r2>]")
	if _, err := g.Delete(ctx, "c"); err != nil {
		t.Fatal(err)
	}
	read(false, "[<reform/r1> <article/a#s1> <reform/r1> <article/a#s2> <reform/r2> <article/a#s2> 4 listed "+
		"out <org/x> <article/a#s1> out <org/x> <article/a#s2> in s2: <reform/r1> in s2: <reform/r2>]")
	if err := g.Preload(ctx); err != nil {
		t.Errorf("preload: %v", err)
	}
}
