package graph_test

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph"
)

// A readerView is what a reader of a Graph sees of it, each field from one
// call: the counts, the overview, a Gizmo count of people and one of
// quotations, a batch article's headline and hash, every quad, and what
// the typed reads (NodesOfType, Incoming, Strings) answer.
type readerView struct {
	Stats    graph.Stats
	Overview graph.Overview
	Persons  string
	Quotes   string
	Headline string
	Hashed   bool              // the batch's first article has a content hash
	Quads    int               // what g.Quads streams
	People   []graph.TypedNode // NodesOfType
	Members  []graph.Incoming  // Incoming: the people members of an organisation
	Texts    [][]string        // Strings: the batch article's headline
}

// viewOf reads g as a reader would; article is one of the batch's.
func viewOf(ctx context.Context, g *graph.Graph, article string) (readerView, error) {
	var v readerView
	var err error
	if v.Stats, err = g.Stats(ctx); err != nil {
		return v, err
	}
	if v.Overview, err = g.Overview(ctx, 3); err != nil {
		return v, err
	}
	for q, dst := range map[string]*string{
		`g.Emit(g.V("<Person>").In("<type>").Count())`:             &v.Persons,
		`g.Emit(g.V("<Quotation>").In("<type>").Count())`:          &v.Quotes,
		`g.V("<article/` + article + `>").Out("<headline>").All()`: &v.Headline,
	} {
		rows, err := g.Query(ctx, "gizmo", q)
		if err != nil {
			return v, err
		}
		*dst = fmt.Sprint(rows)
	}
	if _, v.Hashed, err = g.ArticleHash(ctx, article); err != nil {
		return v, err
	}
	if v.People, err = g.NodesOfType(ctx, "Person"); err != nil {
		return v, err
	}
	if v.Members, err = g.Incoming(ctx, "org/o0", "member_of", 3); err != nil {
		return v, err
	}
	if v.Texts, err = g.Strings(ctx, []quad.IRI{quad.IRI("article/" + article)}, "headline", 0); err != nil {
		return v, err
	}
	r := g.Quads(ctx)
	defer r.Close()
	for {
		if _, err := r.ReadQuad(); err == io.EOF {
			break
		} else if err != nil {
			return v, err
		}
		v.Quads++
	}
	return v, nil
}

// wholeOrNone returns the fields of v that are neither before's nor
// after's: each field is one read, which must see the batch whole or not
// at all. (Separate reads may see the batch commit between them.)
func wholeOrNone(v, before, after readerView) []string {
	var bad []string
	rv, rb, ra := reflect.ValueOf(v), reflect.ValueOf(before), reflect.ValueOf(after)
	for i := range rv.NumField() {
		f := rv.Field(i).Interface()
		if !reflect.DeepEqual(f, rb.Field(i).Interface()) && !reflect.DeepEqual(f, ra.Field(i).Interface()) {
			bad = append(bad, fmt.Sprintf("%s: got %+v, before %+v, after %+v", rv.Type().Field(i).Name, f, rb.Field(i).Interface(), ra.Field(i).Interface()))
		}
	}
	return bad
}

// TestReadersSeeWholeBatches loads a batch while the same Graph is read,
// and requires every read to see the store either as it was before the
// batch or as it is after, never part of it. On bolt the batch is written
// in several transactions (value ranges, log, indexes): the test reads at
// each point between them, where the bolt file holds part of the batch,
// and from a goroutine reading in a loop throughout.
func TestReadersSeeWholeBatches(t *testing.T) {
	ctx := context.Background()
	base, batch := corpusDocs(0, 40, "v1"), corpusDocs(40, 120, "v1")
	const article = "a0040"
	for _, backend := range []string{graph.Bolt, graph.Memory} {
		t.Run(backend, func(t *testing.T) {
			address := ""
			if backend == graph.Bolt {
				address = filepath.Join(t.TempDir(), "db")
			}
			var (
				g       *graph.Graph
				before  readerView
				armed   bool // the batch, not the base, is loading
				between int  // reads made between the batch's transactions
			)
			// Small value ranges, so that the batch takes several.
			opts := []graph.Option{graph.WithBatchQuads(1 << 20), graph.WithBoltRangeIDs(300),
				graph.WithBoltBeforeStage(func(stage int, db *bolt.DB) {
					if !armed {
						return
					}
					partial := false
					db.View(func(tx *bolt.Tx) error {
						partial = tx.Bucket([]byte("newsgraph_pending")) != nil
						return nil
					})
					if !partial {
						t.Errorf("before transaction %d: the store holds no part of the batch", stage)
					}
					v, err := viewOf(ctx, g, article)
					if err != nil {
						t.Errorf("before transaction %d: %v", stage, err)
					} else if !reflect.DeepEqual(v, before) {
						t.Errorf("before transaction %d a reader sees part of the batch:\n got %+v\nwant %+v", stage, v, before)
					}
					between++
				})}
			g = openT(t, backend, address, opts...)
			if _, err := g.LoadBatch(ctx, base); err != nil {
				t.Fatal(err)
			}
			var err error
			if before, err = viewOf(ctx, g, article); err != nil {
				t.Fatal(err)
			}
			armed = true

			// The reader in a loop compares with after once the load is
			// over; until then it keeps what it saw.
			var (
				seen    []readerView
				reads   atomic.Int64
				stop    = make(chan struct{})
				started = make(chan struct{})
				wg      sync.WaitGroup
				rerr    error
			)
			wg.Go(func() {
				defer func() {
					if reads.Load() == 0 {
						close(started)
					}
				}()
				for {
					select {
					case <-stop:
						return
					default:
					}
					v, err := viewOf(ctx, g, article)
					if err != nil {
						rerr = err
						return
					}
					if reads.Add(1) == 1 {
						close(started)
					}
					if len(seen) == 0 || !reflect.DeepEqual(v, seen[len(seen)-1]) {
						seen = append(seen, v)
					}
				}
			})
			<-started // the reader reads before the load too
			if _, err := g.LoadBatch(ctx, batch); err != nil {
				t.Fatal(err)
			}
			close(stop)
			wg.Wait()
			if rerr != nil {
				t.Fatal(rerr)
			}
			after, err := viewOf(ctx, g, article)
			if err != nil {
				t.Fatal(err)
			}
			if reflect.DeepEqual(before, after) || !after.Hashed || before.Hashed {
				t.Fatalf("the batch changed nothing a reader sees: %+v", after)
			}
			for _, v := range seen {
				for _, bad := range wholeOrNone(v, before, after) {
					t.Errorf("a reader in a loop saw part of the batch: %s", bad)
				}
			}
			if backend == graph.Bolt && between < 5 {
				t.Errorf("read between %d of the batch's transactions, want value ranges, the log and the indexes", between)
			}
			t.Logf("%s: %d reads in a loop (%d distinct views), %d between the batch's transactions", backend, reads.Load(), len(seen), between)
		})
	}
}
