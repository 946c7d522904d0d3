package graph_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/cayley/clog"
	"github.com/newsgraph/newsgraph/graph"
)

// FuzzBoltFile reads arbitrary bytes as a store's indexes.bolt (seeded with
// a small store's file, which the fuzzer then damages): opening it and
// reading it, as the commands do, is an error or an answer, never a panic
// or a fault.
func FuzzBoltFile(f *testing.F) {
	clog.SetLogger(nil) // Cayley logs each quad it cannot read
	ctx := context.Background()
	src := filepath.Join(f.TempDir(), "src")
	g, err := graph.Open(ctx, graph.Bolt, src)
	if err != nil {
		f.Fatal(err)
	}
	if _, err := g.LoadBatch(ctx, corpusDocs(0, 3, "v1")); err != nil {
		f.Fatal(err)
	}
	g.Close()
	seed, err := os.ReadFile(filepath.Join(src, "indexes.bolt"))
	if err != nil {
		f.Fatal(err)
	}
	seed = seed[:boltUsed(seed)] // bolt grows its file ahead of its pages
	f.Logf("seed: %d bytes", len(seed))
	f.Add(seed)
	f.Add(seed[:len(seed)/2])
	f.Add(seed[:8192])
	dir := filepath.Join(f.TempDir(), "db")
	os.Mkdir(dir, 0o755)
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, "indexes.bolt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		g, err := graph.Open(ctx, graph.Bolt, dir, graph.WithReadOnly())
		if err != nil {
			return
		}
		defer g.Close()
		if _, err := g.Stats(ctx); err != nil {
			return
		}
		r := g.Quads(ctx)
		defer r.Close()
		for n := 0; n <= maxDamagedQuads; n++ { // a damaged page may point back at itself
			if _, err := r.ReadQuad(); err != nil {
				if err != io.EOF {
					return
				}
				break
			}
		}
	})
}
