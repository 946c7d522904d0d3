// Loadnq times loading an N-Quads file into a store two ways, for
// bench/load.sh: through Cayley's own bulk path (QuadStore.NewQuadWriter and
// quad.CopyBatch, what `cayley load` does) and through newsgraph's
// graph.LoadBatch (articles grouped by their labels, provenance and content
// hashes kept). It prints one line: mode, quads, seconds, quads/s.
//
//	go run ./bench/loadnq -mode cayley    -db /tmp/c.db  quads.nq
//	go run ./bench/loadnq -mode newsgraph -db /tmp/n.db  quads.nq
//	go run ./bench/loadnq -mode cayley    -db 'postgres://…' quads.nq
//
// The file must hold each article's quads together, as `newsgraph extract`
// writes them.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/schema"
)

func main() {
	mode := flag.String("mode", "newsgraph", "cayley (Cayley's bulk writer) or newsgraph (graph.LoadBatch)")
	db := flag.String("db", "", "store: a bolt directory or a postgres:// URL (as newsgraph's --db)")
	batch := flag.Int("batch", 0, "quads per LoadBatch call (newsgraph mode; default: ingest's)")
	nosync := flag.Bool("nosync", false, "newsgraph mode: graph.WithNoSync")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile here")
	flag.Parse()
	if flag.NArg() != 1 || *db == "" {
		fmt.Fprintln(os.Stderr, "usage: loadnq -mode cayley|newsgraph -db DB FILE.nq")
		os.Exit(2)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fail(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fail(err)
		}
		defer pprof.StopCPUProfile()
	}
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fail(err)
	}
	defer f.Close()
	r := nquads.NewReader(bufio.NewReaderSize(f, 1<<20), false)
	start := time.Now()
	var n int
	switch *mode {
	case "cayley":
		n, err = loadCayley(*db, r)
	case "newsgraph":
		var opts []graph.Option
		if *nosync {
			opts = append(opts, graph.WithCayleyOption("nosync", true))
		}
		n, err = loadNewsgraph(*db, *batch, r, opts...)
	default:
		err = fmt.Errorf("unknown -mode %q", *mode)
	}
	if err != nil {
		fail(err)
	}
	secs := time.Since(start).Seconds()
	fmt.Printf("%s %d %.2f %.0f\n", *mode, n, secs, float64(n)/secs)
}

func fail(err error) {
	pprof.StopCPUProfile()
	fmt.Fprintln(os.Stderr, "loadnq:", err)
	os.Exit(1)
}

// loadCayley is `cayley load`: a new store with Cayley's defaults, one
// quad writer, quad.CopyBatch in batches of quad.DefaultBatch.
func loadCayley(db string, r quad.Reader) (int, error) {
	backend, address := graph.ParseDB(db)
	if backend != graph.Bolt && backend != graph.Postgres {
		return 0, fmt.Errorf("cayley mode takes a bolt directory or a postgres:// URL")
	}
	if err := cgraph.InitQuadStore(backend, address, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return 0, err
	}
	qs, err := cgraph.NewQuadStore(backend, address, nil)
	if err != nil {
		return 0, err
	}
	defer qs.Close()
	w, err := qs.NewQuadWriter()
	if err != nil {
		return 0, err
	}
	n, err := quad.CopyBatch(w, r, quad.DefaultBatch)
	if err != nil {
		w.Close()
		return n, err
	}
	if err := w.Close(); err != nil {
		return n, err
	}
	return n, qs.Close()
}

// loadNewsgraph groups consecutive quads by article and loads them with
// graph.LoadBatch, as ingest.Run does after extraction.
func loadNewsgraph(db string, batch int, r quad.Reader, opts ...graph.Option) (int, error) {
	ctx := context.Background()
	if batch <= 0 {
		batch = ingest.DefaultBatchQuads
	}
	g, err := graph.OpenURL(ctx, db, opts...)
	if err != nil {
		return 0, err
	}
	defer g.Close()
	var (
		docs    []graph.Doc
		pending int
		total   int
		cur     *graph.Doc
	)
	flush := func() error {
		if len(docs) == 0 {
			return nil
		}
		if _, err := g.LoadBatch(ctx, docs); err != nil {
			return err
		}
		docs, pending, cur = docs[:0], 0, nil
		return nil
	}
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			return total, err
		}
		total++
		label, _ := q.Label.(quad.IRI)
		id := strings.TrimPrefix(string(schema.ArticleOf(label)), "article/")
		if cur == nil || cur.ArticleID != id {
			if pending >= batch {
				if err := flush(); err != nil {
					return total, err
				}
			}
			docs = append(docs, graph.Doc{ArticleID: id})
			cur = &docs[len(docs)-1]
		}
		cur.Quads = append(cur.Quads, q)
		pending++
	}
	if err := flush(); err != nil {
		return total, err
	}
	return total, g.Close()
}
