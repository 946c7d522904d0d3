package graph_test

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/clog"
	"github.com/newsgraph/newsgraph/graph"
)

type quietLog struct{ t *testing.T }

func (quietLog) Infof(string, ...any)                {}
func (quietLog) Warningf(string, ...any)             {}
func (quietLog) Errorf(string, ...any)               {}
func (l quietLog) Fatalf(format string, args ...any) { l.t.Fatalf(format, args...) }
func (quietLog) V(int) bool                          { return false }
func (quietLog) SetV(int)                            {}

// boltUsed is how far a bolt file's pages reach by its newest meta page:
// bolt grows its file ahead of its pages, so past this a file can lose its
// tail and lose nothing.
func boltUsed(b []byte) int64 {
	e := binary.NativeEndian
	meta := func(off int) (txid, end uint64) {
		m := b[off+16:]
		return e.Uint64(m[48:]), e.Uint64(m[40:]) * uint64(e.Uint32(m[8:]))
	}
	ps := int(e.Uint32(b[16+8:]))
	tx0, end0 := meta(0)
	tx1, end1 := meta(ps)
	if tx1 > tx0 {
		return int64(end1)
	}
	return int64(end0)
}

// damagedStore builds a bolt store of a few MB once and returns a function
// that copies it into a new directory, damaged by hurt, and returns the copy.
func damagedStore(t *testing.T) (used int64, copyAs func(t *testing.T, hurt func(b []byte) []byte) string) {
	t.Helper()
	ctx := context.Background()
	src := filepath.Join(t.TempDir(), "src")
	g, err := graph.Open(ctx, graph.Bolt, src)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 600; i += 200 {
		if _, err := g.LoadBatch(ctx, corpusDocs(i, i+200, "v1")); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile(filepath.Join(src, "indexes.bolt"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("store file: %d bytes, pages to %d", len(orig), boltUsed(orig))
	return boltUsed(orig), func(t *testing.T, hurt func(b []byte) []byte) string {
		dir := filepath.Join(t.TempDir(), "db")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		b := hurt(append([]byte(nil), orig...))
		if err := os.WriteFile(filepath.Join(dir, "indexes.bolt"), b, 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
}

// useStore does what each command does with a store: open it, count it,
// summarise it, read every quad, query it, and (writable) load into it. It
// returns the first error.
func useStore(ctx context.Context, dir string, readOnly bool) error {
	var opts []graph.Option
	if readOnly {
		opts = append(opts, graph.WithReadOnly())
	}
	g, err := graph.Open(ctx, graph.Bolt, dir, opts...)
	if err != nil {
		return err
	}
	defer g.Close()
	if _, err := g.Stats(ctx); err != nil {
		return err
	}
	if _, err := g.Overview(ctx, 5); err != nil {
		return err
	}
	r := g.Quads(ctx)
	// A flipped byte can make a page point back at itself: bound the walk
	// rather than let a cycle read (and grow) for ever. The undamaged
	// store holds a few thousand quads.
	for n := 0; ; n++ {
		if n > maxDamagedQuads {
			r.Close()
			return fmt.Errorf("%w: more than %d quads read: a cycle", graph.ErrDamaged, maxDamagedQuads)
		}
		if _, err := r.ReadQuad(); err == io.EOF {
			break
		} else if err != nil {
			r.Close()
			return err
		}
	}
	r.Close()
	if _, err := g.Query(ctx, "gizmo", `g.V().Has("<type>", "<Person>").Out("<name>").All()`); err != nil {
		return err
	}
	if !readOnly {
		if _, err := g.LoadBatch(ctx, corpusDocs(600, 610, "v1")); err != nil {
			return err
		}
	}
	return g.Damaged()
}

// maxDamagedQuads bounds a walk over a damaged copy of the test store.
const maxDamagedQuads = 1_000_000

// TestDamagedStore: a store file cut short or overwritten is an error that
// names the file and says what to do, from every use of the store, and
// never a panic or a fault.
func TestDamagedStore(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a store of a few MB")
	}
	clog.SetLogger(quietLog{t}) // Cayley logs each quad it cannot read
	defer clog.SetLogger(nil)
	ctx := context.Background()
	size, copyAs := damagedStore(t) // the pages' size: the file may be longer
	if size < 1<<20 {
		t.Fatalf("store is %d bytes; the truncation points want more than 1 MB", size)
	}
	truncate := func(n int64) func(b []byte) []byte { return func(b []byte) []byte { return b[:n] } }
	flip := func(off, n int64) func(b []byte) []byte {
		return func(b []byte) []byte {
			for i := off; i < off+n && i < int64(len(b)); i++ {
				b[i] ^= 0xA5
			}
			return b
		}
	}
	cases := []struct {
		name string
		hurt func(b []byte) []byte
		must bool // the damage must be found (else it may pass unseen)
	}{
		{"empty", truncate(0), false}, // writable: bolt makes a new store
		{"100 bytes", truncate(100), true},
		{"8 KB", truncate(8 << 10), true},
		{"16 KB", truncate(16 << 10), true},
		{"64 KB", truncate(64 << 10), true},
		{"256 KB", truncate(256 << 10), true},
		{"50%", truncate(size / 2), true},
		{"90%", truncate(size * 9 / 10), true},
		{"one page short", truncate(size - 4096), true},
		{"meta pages flipped", flip(0, 8192), true},
		{"meta page 0 flipped", flip(16, 64), false}, // bolt falls back on page 1
		{"root region flipped", flip(8192, 16384), false},
		{"middle flipped", flip(size/2, 4096), false},
		{"every 1000th byte", func(b []byte) []byte {
			for i := 8192; i < len(b); i += 1000 {
				b[i] ^= 0xFF
			}
			return b
		}, false},
		{"zeroed tail", func(b []byte) []byte {
			clear(b[len(b)*3/4:])
			return b
		}, false},
	}
	for _, c := range cases {
		for _, readOnly := range []bool{true, false} {
			name := c.name + "/writable"
			if readOnly {
				name = c.name + "/read-only"
			}
			t.Run(name, func(t *testing.T) {
				dir := copyAs(t, c.hurt)
				err := useStore(ctx, dir, readOnly)
				if err == nil {
					if c.must {
						t.Fatal("no error")
					}
					return
				}
				var de *graph.DamagedError
				if !errors.As(err, &de) {
					if c.must {
						t.Fatalf("error %q does not wrap ErrDamaged", err)
					}
					return // an error of another kind, not a crash
				}
				msg := err.Error()
				if !strings.Contains(msg, filepath.Join(dir, "indexes.bolt")) || !strings.Contains(msg, "newsgraph build") {
					t.Errorf("error does not name the file and what to do: %s", msg)
				}
			})
		}
	}
}

// TestStoreCutWhileOpen: a file cut short under an open store (another
// process truncating it) faults bolt's memory map; the read returns an error
// naming the file instead of killing the process.
func TestStoreCutWhileOpen(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a store of a few MB")
	}
	clog.SetLogger(quietLog{t})
	defer clog.SetLogger(nil)
	ctx := context.Background()
	_, copyAs := damagedStore(t)
	dir := copyAs(t, func(b []byte) []byte { return b })
	g, err := graph.Open(ctx, graph.Bolt, dir, graph.WithReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if err := os.Truncate(filepath.Join(dir, "indexes.bolt"), 8<<10); err != nil {
		t.Fatal(err)
	}
	_, err = g.Stats(ctx)
	if !errors.Is(err, graph.ErrDamaged) {
		t.Fatalf("Stats on a file cut short = %v, want ErrDamaged", err)
	}
	if !strings.Contains(err.Error(), filepath.Join(dir, "indexes.bolt")) {
		t.Errorf("error does not name the file: %v", err)
	}
	if _, err := g.Query(ctx, "gizmo", `g.V().Has("<type>", "<Person>").All()`); !errors.Is(err, graph.ErrDamaged) {
		t.Errorf("Query after damage = %v, want ErrDamaged", err)
	}
}
