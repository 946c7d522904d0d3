package graph_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph"
)

// corpusDocs makes articles whose people, organisations and types recur
// across articles, as a corpus's do, with text that is new in each.
func corpusDocs(from, to int, version string) []graph.Doc {
	var docs []graph.Doc
	for i := from; i < to; i++ {
		id := fmt.Sprintf("a%04d", i)
		art := quad.IRI("article/" + id)
		var qs []quad.Quad
		add := func(s quad.Value, p string, o quad.Value, l quad.IRI) {
			qs = append(qs, quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o, Label: l})
		}
		add(art, "type", quad.IRI("Article"), art)
		add(art, "headline", quad.String(fmt.Sprintf("%s headline %d", version, i)), art)
		for j := range 6 {
			sent := quad.IRI(fmt.Sprintf("article/%s#s%d", id, j+1))
			person := quad.IRI(fmt.Sprintf("person/p%d", (i*3+j)%17))
			org := quad.IRI(fmt.Sprintf("org/o%d", (i+j)%5))
			add(sent, "sentence_of", art, art)
			add(sent, "text", quad.String(fmt.Sprintf("%s sentence %d of %d", version, j, i)), art)
			add(person, "type", quad.IRI("Person"), art)
			add(person, "name", quad.String(fmt.Sprintf("Person %d", (i*3+j)%17)), art)
			add(org, "type", quad.IRI("Organization"), art)
			add(person, "member_of", org, sent)
			add(person, "said", quad.IRI(fmt.Sprintf("quote/%s/%d", id, j)), sent)
			add(quad.IRI(fmt.Sprintf("quote/%s/%d", id, j)), "type", quad.IRI("Quotation"), sent)
			add(quad.IRI(fmt.Sprintf("quote/%s/%d", id, j)), "text", quad.String(fmt.Sprintf("%s words %d", version, i*10+j)), sent)
			add(person, "age", quad.Int(int64(40+j)), sent)
		}
		docs = append(docs, graph.Doc{ArticleID: id, Hash: version, Quads: qs})
	}
	return docs
}

// boltSteps load new articles, then more on top, replace one next to new
// ones, delete one and load it again, and delete another.
func boltSteps(ctx context.Context) []func(g *graph.Graph) error {
	return []func(g *graph.Graph) error{
		func(g *graph.Graph) error { _, err := g.LoadBatch(ctx, corpusDocs(0, 40, "v1")); return err },
		// Values the store has: counts and index lists grow.
		func(g *graph.Graph) error { _, err := g.LoadBatch(ctx, corpusDocs(40, 90, "v1")); return err },
		// A changed article is replaced through Cayley's writer, next to new ones.
		func(g *graph.Graph) error {
			docs := append(corpusDocs(3, 4, "v2"), corpusDocs(90, 95, "v1")...)
			_, err := g.LoadBatch(ctx, docs)
			return err
		},
		func(g *graph.Graph) error { _, err := g.Delete(ctx, "a0007"); return err },
		func(g *graph.Graph) error { _, err := g.LoadBatch(ctx, corpusDocs(7, 8, "v3")); return err },
		// Its quotations' index entries are left dead only.
		func(g *graph.Graph) error { _, err := g.Delete(ctx, "a0011"); return err },
	}
}

// TestBoltBulkMatchesCayley loads the same articles through newsgraph's
// direct bolt writer and through Cayley's own (which no_bloom=false
// selects), then replaces and deletes articles through Cayley's, and
// requires the two bolt files to hold the same buckets, keys and values,
// but for the timestamps Cayley puts in its log.
func TestBoltBulkMatchesCayley(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	steps := boltSteps(ctx)
	writers := []struct {
		name string
		opts []graph.Option
	}{
		{"bulk", nil},
		// Values written a few buckets a transaction, as on a large store.
		{"bulk, small value ranges", []graph.Option{graph.WithBoltRangeIDs(300)}},
		{"cayley", []graph.Option{graph.WithCayleyOption(kv.OptNoBloom, false)}},
	}
	dumps := make([]string, len(writers))
	for i, w := range writers {
		path := filepath.Join(dir, fmt.Sprint(i))
		for n, step := range steps {
			// Reopen between steps: nothing may live in memory only.
			g, err := graph.Open(ctx, graph.Bolt, path, append([]graph.Option{graph.WithBatchQuads(1 << 20)}, w.opts...)...)
			if err != nil {
				t.Fatal(err)
			}
			if err := step(g); err != nil {
				t.Fatalf("%s, step %d: %v", w.name, n, err)
			}
			if err := g.Close(); err != nil {
				t.Fatal(err)
			}
		}
		dumps[i] = dumpBolt(t, filepath.Join(path, "indexes.bolt"))
	}
	for i := range writers[:len(writers)-1] {
		sameDump(t, writers[i].name, dumps[i], "cayley", dumps[len(dumps)-1])
	}
	if n := strings.Count(dumps[0], "\n"); n < 2000 {
		t.Fatalf("dump has only %d entries", n)
	}

	// And Cayley reads the bulk-written store as its own.
	g, err := graph.Open(ctx, graph.Bolt, filepath.Join(dir, "0"), graph.WithReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	r := g.Quads(ctx)
	defer r.Close()
	n := 0
	for {
		if _, err := r.ReadQuad(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		n++
	}
	st, err := g.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != int(st.Quads) || n == 0 || st.Articles != 94 {
		t.Fatalf("read %d quads; stats say %+v", n, st)
	}
	// Stats counts bolt's value keys; Cayley decodes its log.
	cst, err := g.QuadStore().Stats(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	if st.Nodes != cst.Nodes.Size || st.Nodes == 0 {
		t.Fatalf("Stats says %d nodes, Cayley counts %d", st.Nodes, cst.Nodes.Size)
	}
}

// sameDump fails the test at the first difference of two dumpBolt dumps.
func sameDump(t *testing.T, nameA, a, nameB, b string) {
	t.Helper()
	if a == b {
		return
	}
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			t.Fatalf("bolt files differ (%d and %d entries); first difference at entry %d:\n%s: %s\n%s: %s", len(la), len(lb), i, nameA, la[i], nameB, lb[i])
		}
	}
	t.Fatalf("bolt files differ: %d and %d entries", len(la), len(lb))
}

// TestBoltBulkCrash stops a bulk write after each of its transactions, as
// a crash would, and requires the next Open to put the store back as it
// was before the write, and loading the same articles again to leave it as
// a write that never stopped does.
func TestBoltBulkCrash(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// Small value ranges, so that the write has several.
	opts := []graph.Option{graph.WithBatchQuads(1 << 20), graph.WithBoltRangeIDs(300)}
	load := func(path string, docs []graph.Doc, more ...graph.Option) error {
		t.Helper()
		g, err := graph.Open(ctx, graph.Bolt, path, append(opts, more...)...)
		if err != nil {
			t.Fatal(err)
		}
		_, err = g.LoadBatch(ctx, docs)
		if cerr := g.Close(); cerr != nil {
			t.Fatal(cerr)
		}
		return err
	}
	file := func(path string) string { return filepath.Join(path, "indexes.bolt") }
	first, second := corpusDocs(0, 40, "v1"), corpusDocs(40, 90, "v1")
	clean := filepath.Join(dir, "clean")
	if err := load(clean, first); err != nil {
		t.Fatal(err)
	}
	before := dumpBolt(t, file(clean))
	if err := load(clean, second); err != nil {
		t.Fatal(err)
	}
	after := dumpBolt(t, file(clean))

	for n := 1; ; n++ {
		path := filepath.Join(dir, fmt.Sprint(n))
		if err := load(path, first); err != nil {
			t.Fatal(err)
		}
		err := load(path, second, graph.WithBoltCrashAfter(n))
		if err == nil {
			if n < 6 {
				t.Fatalf("the write took %d transactions, want value ranges, the log and 3 indexes", n)
			}
			break
		}
		if !errors.Is(err, graph.ErrCrashed) {
			t.Fatalf("stopped after %d: %v", n, err)
		}
		if !strings.Contains(dumpBolt(t, file(path)), "/newsgraph_pending ") {
			t.Fatalf("stopped after %d: no record of the write under way", n)
		}
		// A read-only Open cannot undo it, so it refuses the store.
		if g, err := graph.Open(ctx, graph.Bolt, path, graph.WithReadOnly()); !errors.Is(err, graph.ErrUnfinished) {
			if err == nil {
				g.Close()
			}
			t.Fatalf("stopped after %d: read-only Open: %v, want ErrUnfinished", n, err)
		}
		// Open undoes it.
		g, err := graph.Open(ctx, graph.Bolt, path)
		if err != nil {
			t.Fatalf("stopped after %d: reopen: %v", n, err)
		}
		if err := g.Close(); err != nil {
			t.Fatal(err)
		}
		sameDump(t, fmt.Sprintf("undone after %d", n), dumpBolt(t, file(path)), "before", before)

		// A write that fails there undoes itself, before Open is called.
		if err := load(path, second, graph.WithBoltFailAfter(n)); !errors.Is(err, graph.ErrFailed) {
			t.Fatalf("failed after %d: %v, want ErrFailed", n, err)
		}
		sameDump(t, fmt.Sprintf("failed after %d", n), dumpBolt(t, file(path)), "before", before)
		if g, err := graph.Open(ctx, graph.Bolt, path, graph.WithReadOnly()); err != nil {
			t.Fatalf("failed after %d: read-only Open: %v", n, err)
		} else if err := g.Close(); err != nil {
			t.Fatal(err)
		}

		if err := load(path, second); err != nil {
			t.Fatalf("stopped after %d: load again: %v", n, err)
		}
		sameDump(t, fmt.Sprintf("loaded again after %d", n), dumpBolt(t, file(path)), "clean", after)
	}
}

// dumpBolt lists every bucket and key of a bolt file, one line each: a
// bucket's path, or a key's bucket path, key and value in hex; log entries
// are decoded, their timestamps cleared.
func dumpBolt(t *testing.T, file string) string {
	t.Helper()
	db, err := bolt.Open(file, 0o644, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var lines []string
	var walk func(path string, b *bolt.Bucket) error
	walk = func(path string, b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				// Each bucket a line, so that an empty one shows too.
				lines = append(lines, fmt.Sprintf("%s/%s/", path, k))
				return walk(path+"/"+string(k), b.Bucket(k))
			}
			val := fmt.Sprintf("%x", v)
			if path == "/log" {
				var p proto.Primitive
				if err := p.Unmarshal(v); err != nil {
					return err
				}
				p.Timestamp = 0
				val = p.String()
			}
			lines = append(lines, fmt.Sprintf("%s %x %s", path, k, val))
			return nil
		})
	}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			lines = append(lines, fmt.Sprintf("/%s/", name))
			return walk("/"+string(name), b)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

// TestBoltSummaryMatchesCayley checks the counts Stats and Overview read
// from bolt's indexes against Cayley's iterators on the memory backend,
// after replacements and deletions left dead entries in the indexes.
func TestBoltSummaryMatchesCayley(t *testing.T) {
	ctx := context.Background()
	summary := func(g *graph.Graph) (graph.Stats, graph.Overview) {
		for n, step := range boltSteps(ctx) {
			if err := step(g); err != nil {
				t.Fatalf("step %d: %v", n, err)
			}
		}
		st, err := g.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		o, err := g.Overview(ctx, 5)
		if err != nil {
			t.Fatal(err)
		}
		st.Nodes = 0 // the memory backend counts nodes its own way
		return st, o
	}
	bst, bo := summary(openT(t, graph.Bolt, filepath.Join(t.TempDir(), "db")))
	mst, mo := summary(openT(t, graph.Memory, ""))
	if bst != mst {
		t.Errorf("Stats: bolt %+v, memory %+v", bst, mst)
	}
	if !reflect.DeepEqual(bo, mo) {
		t.Errorf("Overview:\nbolt   %+v\nmemory %+v", bo, mo)
	}
	if bo.People != 17 || bo.Quotations == 0 || len(bo.TopSpeakers) != 5 || bst.Articles != 94 {
		t.Errorf("unexpected summary %+v %+v", bst, bo)
	}
}
