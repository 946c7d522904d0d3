// Latency times newsgraph's canned questions (graph/canned: who-said, roles,
// reforms) on a built store, for bench/build.sh. For each question it picks
// arguments the store has answers for — topics, people and organisations
// spread evenly over the first thousand found — runs each
// several times, and prints one Markdown row per question: arguments, runs,
// p50, p99 and max latency, median rows.
//
//	go run ./bench/latency -db /tmp/newsgraph.db
//	go run ./bench/latency -db 'postgres://…'
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/canned"
	"github.com/newsgraph/newsgraph/schema"
)

func main() {
	db := flag.String("db", "", "store (as newsgraph's --db)")
	nargs := flag.Int("args", 20, "arguments per question")
	only := flag.String("q", "", "comma-separated questions to time (default: all)")
	runs := flag.Int("runs", 5, "runs per argument")
	limit := flag.Int("limit", 0, "rows per answer (default: canned.Run's)")
	flag.Parse()
	if *db == "" {
		fmt.Fprintln(os.Stderr, "usage: latency -db DB [-args N] [-runs N]")
		os.Exit(2)
	}
	ctx := context.Background()
	g, err := graph.OpenURL(ctx, *db, graph.WithReadOnly())
	if err != nil {
		fail(err)
	}
	defer g.Close()
	qs := g.QuadStore()
	// Arguments: nodes of the type the question asks about that have the
	// edge it follows (topics with quotations about them, people with a
	// role, bodies a reform affects), read quad by quad from the type node:
	// a Gizmo path doing the same lets Cayley join whole indexes first.
	pick := map[string]func(int) ([]string, error){
		"who-said": func(n int) ([]string, error) { return having(ctx, qs, schema.Topic, schema.About, quad.Object, n) },
		"roles":    func(n int) ([]string, error) { return having(ctx, qs, schema.Person, schema.Role, quad.Subject, n) },
		"reforms": func(n int) ([]string, error) {
			return having(ctx, qs, schema.Organization, schema.Affects, quad.Object, n)
		},
	}
	fmt.Println("| question | arguments | runs | p50 ms | p99 ms | max ms | median rows |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|")
	for _, q := range canned.Questions() {
		p, ok := pick[q.Name]
		if !ok {
			continue
		}
		if *only != "" && !slices.Contains(strings.Split(*only, ","), q.Name) {
			continue
		}
		args, err := p(*nargs)
		if err != nil {
			fail(err)
		}
		var lat []time.Duration
		var rows []int
		for _, a := range args {
			for range *runs {
				start := time.Now()
				var ro []canned.RunOption
				if *limit > 0 {
					ro = append(ro, canned.WithLimit(*limit))
				}
				res, err := canned.Run(ctx, qs, q, a, ro...)
				if err != nil {
					fail(err)
				}
				lat = append(lat, time.Since(start))
				rows = append(rows, len(res))
			}
		}
		slices.Sort(lat)
		slices.Sort(rows)
		if len(lat) == 0 {
			fmt.Printf("| %s | 0 | 0 | – | – | – | – |\n", q.Name)
			continue
		}
		fmt.Printf("| %s | %d | %d | %.1f | %.1f | %.1f | %d |\n", q.Name, len(args), len(lat),
			ms(pct(lat, 50)), ms(pct(lat, 99)), ms(lat[len(lat)-1]), rows[len(rows)/2])
	}
}

// having returns the names of up to n nodes of type kind that are at end
// (subject or object) of some pred quad, spread evenly over the first 1,000
// such nodes.
func having(ctx context.Context, qs cgraph.QuadStore, kind, pred quad.IRI, end quad.Direction, n int) ([]string, error) {
	typeRef, kindRef, predRef, nameRef := qs.ValueOf(schema.Type), qs.ValueOf(kind), qs.ValueOf(pred), qs.ValueOf(schema.Name)
	if typeRef == nil || kindRef == nil || predRef == nil || nameRef == nil {
		return nil, nil
	}
	var all []string
	seen := map[any]bool{}
	it := qs.QuadIterator(quad.Object, kindRef)
	defer it.Close()
	for len(all) < 1000 && it.Next(ctx) {
		r := it.Result()
		if cgraph.ToKey(qs.QuadDirection(r, quad.Predicate)) != cgraph.ToKey(typeRef) {
			continue
		}
		node := qs.QuadDirection(r, quad.Subject)
		if k := cgraph.ToKey(node); seen[k] {
			continue
		} else {
			seen[k] = true
		}
		if !hasEdge(ctx, qs, node, predRef, end) {
			continue
		}
		if name := firstObject(ctx, qs, node, nameRef); name != "" {
			all = append(all, name)
		}
	}
	if err := it.Err(); err != nil || len(all) <= n {
		return all, err
	}
	out := make([]string, 0, n)
	for i := range n {
		out = append(out, all[i*len(all)/n])
	}
	return out, nil
}

// hasEdge reports whether node is at end of a pred quad.
func hasEdge(ctx context.Context, qs cgraph.QuadStore, node, pred cgraph.Ref, end quad.Direction) bool {
	it := qs.QuadIterator(end, node)
	defer it.Close()
	for it.Next(ctx) {
		if cgraph.ToKey(qs.QuadDirection(it.Result(), quad.Predicate)) == cgraph.ToKey(pred) {
			return true
		}
	}
	return false
}

// firstObject returns the text of the first node pred value.
func firstObject(ctx context.Context, qs cgraph.QuadStore, node, pred cgraph.Ref) string {
	it := qs.QuadIterator(quad.Subject, node)
	defer it.Close()
	for it.Next(ctx) {
		r := it.Result()
		if cgraph.ToKey(qs.QuadDirection(r, quad.Predicate)) == cgraph.ToKey(pred) {
			if s, ok := qs.NameOf(qs.QuadDirection(r, quad.Object)).(quad.String); ok {
				return string(s)
			}
		}
	}
	return ""
}

func pct(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	return sorted[min(max(i-1, 0), len(sorted)-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func fail(err error) {
	fmt.Fprintln(os.Stderr, "latency:", err)
	os.Exit(1)
}
