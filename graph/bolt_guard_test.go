package graph_test

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph"
)

// TestBoltBulkHorizonChecked moves the store's horizon behind a bulk
// write's back before each of its transactions, as another writer would,
// and requires the write to notice before its next transaction, fail with
// ErrStoreChanged and undo itself: the store is as before the write, and
// the Graph takes the same articles again.
func TestBoltBulkHorizonChecked(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	opts := []graph.Option{graph.WithBatchQuads(1 << 20), graph.WithBoltRangeIDs(300)}
	file := func(path string) string { return filepath.Join(path, "indexes.bolt") }
	first, second := corpusDocs(0, 40, "v1"), corpusDocs(40, 90, "v1")
	clean := filepath.Join(dir, "clean")
	g := openT(t, graph.Bolt, clean, opts...)
	if _, err := g.LoadBatch(ctx, first); err != nil {
		t.Fatal(err)
	}
	if _, err := g.LoadBatch(ctx, second); err != nil {
		t.Fatal(err)
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
	after := dumpBolt(t, file(clean))

	for n := 1; ; n++ {
		path := filepath.Join(dir, fmt.Sprint(n))
		armed, moved := false, false
		moveHorizon := graph.WithBoltBeforeStage(func(stage int, db *bolt.DB) {
			if !armed || stage != n || moved {
				return
			}
			moved = true
			err := db.Update(func(tx *bolt.Tx) error {
				meta := tx.Bucket([]byte("meta"))
				h := binary.LittleEndian.Uint64(meta.Get([]byte("horizon")))
				return meta.Put([]byte("horizon"), binary.LittleEndian.AppendUint64(nil, h+3))
			})
			if err != nil {
				t.Error(err)
			}
		})
		g, err := graph.Open(ctx, graph.Bolt, path, append(opts, moveHorizon)...)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := g.LoadBatch(ctx, first); err != nil {
			t.Fatal(err)
		}
		g.Close()
		before := dumpBolt(t, file(path))
		if g, err = graph.Open(ctx, graph.Bolt, path, append(opts, moveHorizon)...); err != nil {
			t.Fatal(err)
		}
		armed = true
		_, err = g.LoadBatch(ctx, second)
		if !moved {
			if err != nil {
				t.Fatal(err)
			}
			g.Close()
			if n < 6 {
				t.Fatalf("the write took %d transactions, want value ranges, the log and 3 indexes", n)
			}
			break
		}
		if !errors.Is(err, graph.ErrStoreChanged) {
			t.Fatalf("horizon moved before transaction %d: %v, want ErrStoreChanged", n, err)
		}
		// The write undid itself, putting back the horizon, while the
		// Graph was open; it takes writes.
		st, err := g.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles != 40 {
			t.Errorf("horizon moved before transaction %d: %d articles after the undo, want 40", n, st.Articles)
		}
		g.Close()
		sameDump(t, fmt.Sprintf("undone before %d", n), dumpBolt(t, file(path)), "before", before)
		if g, err = graph.Open(ctx, graph.Bolt, path, opts...); err != nil {
			t.Fatal(err)
		}
		if _, err := g.LoadBatch(ctx, second); err != nil {
			t.Fatalf("horizon moved before transaction %d: load again: %v", n, err)
		}
		g.Close()
		sameDump(t, fmt.Sprintf("loaded again after %d", n), dumpBolt(t, file(path)), "clean", after)
	}
}

// TestBoltUndoFailedRefusesWrites fails a bulk write part-way and then
// its undo, and requires the Graph to refuse every later write with
// ErrUndoFailed while its readers go on seeing the store as before the
// write; opening the store again undoes the write.
func TestBoltUndoFailedRefusesWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "db")
	file := filepath.Join(path, "indexes.bolt")
	opts := []graph.Option{graph.WithBatchQuads(1 << 20), graph.WithBoltRangeIDs(300)}
	first, second := corpusDocs(0, 40, "v1"), corpusDocs(40, 90, "v1")
	g, err := graph.Open(ctx, graph.Bolt, path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.LoadBatch(ctx, first); err != nil {
		t.Fatal(err)
	}
	g.Close()
	before := dumpBolt(t, file)

	diskError := errors.New("injected disk error")
	g, err = graph.Open(ctx, graph.Bolt, path, append(opts, graph.WithBoltFailAfter(3), graph.WithBoltUndoFails(diskError))...)
	if err != nil {
		t.Fatal(err)
	}
	stBefore, err := g.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = g.LoadBatch(ctx, second)
	if !errors.Is(err, graph.ErrFailed) || !errors.Is(err, diskError) || !errors.Is(err, graph.ErrUndoFailed) {
		t.Fatalf("LoadBatch: %v, want the failure, the undo's and ErrUndoFailed", err)
	}
	t.Logf("the failed write: %v", err)

	// Readers see the store as before the write.
	if st, err := g.Stats(ctx); err != nil || st != stBefore {
		t.Errorf("Stats after the failed undo: %+v, %v; want %+v", st, err, stBefore)
	}
	if _, hashed, err := g.ArticleHash(ctx, "a0040"); err != nil || hashed {
		t.Errorf("an article of the failed write: hashed %v, %v", hashed, err)
	}
	// Every write is refused.
	writes := map[string]func() error{
		"LoadBatch of new articles": func() error { _, err := g.LoadBatch(ctx, corpusDocs(90, 91, "v1")); return err },
		"LoadBatch of a change":     func() error { _, err := g.LoadBatch(ctx, corpusDocs(3, 4, "v2")); return err },
		"Delete":                    func() error { _, err := g.Delete(ctx, "a0007"); return err },
		"Cayley's writer": func() error {
			return g.Handle().AddQuad(quad.Make(quad.IRI("x"), quad.IRI("y"), quad.IRI("z"), nil))
		},
	}
	for name, write := range writes {
		if err := write(); !errors.Is(err, graph.ErrUndoFailed) {
			t.Errorf("%s after the failed undo: %v, want ErrUndoFailed", name, err)
		}
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
	// Open undoes the write.
	if g, err = graph.Open(ctx, graph.Bolt, path, opts...); err != nil {
		t.Fatal(err)
	}
	g.Close()
	sameDump(t, "reopened", dumpBolt(t, file), "before", before)
}
