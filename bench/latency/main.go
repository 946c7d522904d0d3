// Latency times newsgraph's canned questions (graph/canned: who-said, roles,
// reforms) on a built store, for bench/build.sh. For each question it picks
// arguments the store has answers for — every topic, and people and
// organisations spread evenly over the first thousand found — runs each
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
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/canned"
	"github.com/newsgraph/newsgraph/schema"
)

func main() {
	db := flag.String("db", "", "store (as newsgraph's --db)")
	nargs := flag.Int("args", 20, "arguments per question (who-said takes every topic)")
	runs := flag.Int("runs", 5, "runs per argument")
	limit := flag.Int("limit", 0, "rows per answer (default: canned.Run's)")
	flag.Parse()
	if *db == "" {
		fmt.Fprintln(os.Stderr, "usage: latency -db DB [-args N] [-runs N]")
		os.Exit(2)
	}
	ctx := context.Background()
	backend, _ := graph.ParseDB(*db)
	var opts []graph.Option
	if backend == graph.Bolt {
		opts = append(opts, graph.WithReadOnly())
	}
	g, err := graph.OpenURL(ctx, *db, opts...)
	if err != nil {
		fail(err)
	}
	defer g.Close()
	qs := g.QuadStore()
	pick := map[string]*path.Path{
		"who-said": path.StartPath(qs, schema.Topic).In(schema.Type).Out(schema.Name),
		"roles":    path.StartPath(qs, schema.Person).In(schema.Type).Tag("n").Out(schema.Role).Back("n").Out(schema.Name),
		"reforms":  path.StartPath(qs, schema.Reform).In(schema.Type).Out(schema.Affects).Out(schema.Name),
	}
	fmt.Println("| question | arguments | runs | p50 ms | p99 ms | max ms | median rows |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|")
	for _, q := range canned.Questions() {
		p, ok := pick[q.Name]
		if !ok {
			continue
		}
		n := *nargs
		if q.Name == "who-said" {
			n = 1000
		}
		args, err := names(ctx, qs, p, n)
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

// names returns up to n distinct names p reaches, spread evenly over the
// first thousand.
func names(ctx context.Context, qs cgraph.QuadStore, p *path.Path, n int) ([]string, error) {
	var all []string
	seen := map[string]bool{}
	err := p.Unique().Limit(1000).Iterate(ctx).EachValue(qs, func(v quad.Value) {
		if s, ok := v.(quad.String); ok && !seen[string(s)] {
			seen[string(s)] = true
			all = append(all, string(s))
		}
	})
	if err != nil || len(all) <= n {
		return all, err
	}
	out := make([]string, 0, n)
	for i := range n {
		out = append(out, all[i*len(all)/n])
	}
	return out, nil
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
