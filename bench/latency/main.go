// Latency times newsgraph's canned questions (graph/canned: who-said, roles,
// reforms) on a built store, for bench/build.sh. For each question it picks
// arguments the store has answers for — topics, people and organisations
// spread evenly over the first thousand found — runs each several times,
// and prints one Markdown row per question and form: backend, arguments,
// runs, p50, p99 and max latency, median rows; then the machine's load
// average before and after, which the figures depend on, and the GC
// percent: the query commands' (internal/gctune) unless GOGC is set.
//
// A question can be timed in several forms on the same arguments, run in
// turn so that other work on the machine slows each alike:
//
//	go       canned.Run: the Go form (the CLI, canned.WhoSaid …)
//	gizmo    canned.Run with WithGizmo: the Gizmo program the HTTP API and
//	         the explorer run
//	REV      -baseline REV: the Gizmo programs of graph/canned/gizmo.go at
//	         git revision REV, run as that revision's Run did
//
// -timeout bounds each run: a run cut short counts at the timeout, and the
// row says how many were. -check compares the answers: the Go and Gizmo
// forms must agree row for row; the baseline's rows, as a set, where both
// are complete (under the limit, not cut).
//
//	go run ./bench/latency -db /tmp/newsgraph.db
//	go run ./bench/latency -db /tmp/newsgraph.db -q who-said -limit 100 -forms go,gizmo -baseline fbe8f13 -check
//	go run ./bench/latency -db 'postgres://…'
package main

import (
	"context"
	"errors"
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
	"github.com/newsgraph/newsgraph/internal/gctune"
	"github.com/newsgraph/newsgraph/schema"
)

func main() {
	db := flag.String("db", "", "store (as newsgraph's --db)")
	nargs := flag.Int("args", 20, "arguments per question")
	only := flag.String("q", "", "comma-separated questions to time (default: all)")
	runs := flag.Int("runs", 5, "runs per argument")
	limit := flag.Int("limit", 0, "rows per answer (default: canned.DefaultLimit)")
	forms := flag.String("forms", "go", "comma-separated forms to time: go, gizmo")
	baseline := flag.String("baseline", "", "also time the Gizmo programs of graph/canned at this git revision")
	check := flag.Bool("check", false, "compare the forms' answers")
	verbose := flag.Bool("v", false, "print each argument's median latency per form to stderr")
	timeout := flag.Duration("timeout", 0, "stop a run after this long, counting it at this time (0: no bound)")
	flag.Parse()
	if *db == "" {
		fmt.Fprintln(os.Stderr, "usage: latency -db DB [-q Q,…] [-args N] [-runs N] [-limit N] [-forms go,gizmo] [-baseline REV] [-check]")
		os.Exit(2)
	}
	gcPercent := gctune.SmallHeap()
	ctx := context.Background()
	var old map[string]string
	if *baseline != "" {
		var err error
		if old, err = baselinePrograms(*baseline); err != nil {
			fail(err)
		}
	}
	g, err := graph.OpenURL(ctx, *db, graph.WithReadOnly())
	if err != nil {
		fail(err)
	}
	defer g.Close()
	qs := g.QuadStore()
	var ro []canned.RunOption
	if *limit > 0 {
		ro = append(ro, canned.WithLimit(*limit))
	}
	load := loadAverage()
	var table []string
	mismatches := 0
	for _, q := range canned.Questions() {
		p, ok := pickers[q.Name]
		if !ok || (*only != "" && !slices.Contains(strings.Split(*only, ","), q.Name)) {
			continue
		}
		args, err := p(ctx, qs, *nargs)
		if err != nil {
			fail(err)
		}
		var timed []*form
		for _, name := range strings.Split(*forms, ",") {
			f, err := newForm(name, q, qs, ro)
			if err != nil {
				fail(err)
			}
			timed = append(timed, f)
		}
		if old != nil {
			timed = append(timed, baselineForm(*baseline, old[q.Name], q, qs, *limit))
		}
		for _, a := range args {
			answers := make([][]canned.Row, len(timed))
			cut := false
			for range *runs {
				for i, f := range timed {
					rows, d, err := f.time(ctx, a, *timeout)
					if errors.Is(err, context.DeadlineExceeded) {
						f.cut++
						cut = true
					} else if err != nil {
						fail(err)
					}
					f.lat = append(f.lat, d)
					f.rows = append(f.rows, len(rows))
					f.argLat = append(f.argLat, d)
					answers[i] = rows
				}
			}
			for _, f := range timed {
				if *verbose {
					fmt.Fprintf(os.Stderr, "%s %s %q: %.1f ms, %d rows\n", q.Name, f.name, a, ms(median(f.argLat)), f.rows[len(f.rows)-1])
				}
				f.argLat = f.argLat[:0]
			}
			if *check && !cut {
				mismatches += compare(q.Name, a, timed, answers, *limit)
			}
		}
		for _, f := range timed {
			table = append(table, f.row(q.Name, g.Backend(), len(args)))
		}
	}
	fmt.Println("| question | backend | arguments | runs | p50 ms | p99 ms | max ms | median rows |")
	fmt.Println("|---|---|---:|---:|---:|---:|---:|---:|")
	for _, r := range table {
		fmt.Println(r)
	}
	fmt.Printf("\nload average (1 min) %s before, %s after; GC percent %d\n", load, loadAverage(), gcPercent)
	if mismatches > 0 {
		fail(fmt.Errorf("%d answers differ between forms", mismatches))
	}
}

// A form is one way of asking a question, and its timings.
type form struct {
	name   string
	run    func(ctx context.Context, arg string) ([]canned.Row, error)
	exact  bool // its rows must equal the first form's, in order
	cut    int  // runs stopped by -timeout
	lat    []time.Duration
	argLat []time.Duration
	rows   []int
}

func newForm(name string, q canned.Question, qs cgraph.QuadStore, ro []canned.RunOption) (*form, error) {
	switch name {
	case "go":
	case "gizmo":
		ro = append(slices.Clone(ro), canned.WithGizmo())
	default:
		return nil, fmt.Errorf("unknown form %q (go, gizmo)", name)
	}
	return &form{name: name, exact: true, run: func(ctx context.Context, arg string) ([]canned.Row, error) {
		return canned.Run(ctx, qs, q, arg, ro...)
	}}, nil
}

func (f *form) time(ctx context.Context, arg string, timeout time.Duration) ([]canned.Row, time.Duration, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	start := time.Now()
	rows, err := f.run(ctx, arg)
	return rows, time.Since(start), err
}

// row is the form's Markdown table row.
func (f *form) row(question, backend string, args int) string {
	var notes []string
	if f.name != "go" {
		notes = append(notes, f.name)
	}
	if f.cut > 0 {
		notes = append(notes, fmt.Sprintf("%d of %d runs cut at -timeout", f.cut, len(f.lat)))
	}
	name := question
	if len(notes) > 0 {
		name += " (" + strings.Join(notes, "; ") + ")"
	}
	if len(f.lat) == 0 {
		return fmt.Sprintf("| %s | %s | 0 | 0 | – | – | – | – |", name, backend)
	}
	lat, rows := slices.Clone(f.lat), slices.Clone(f.rows)
	slices.Sort(lat)
	slices.Sort(rows)
	return fmt.Sprintf("| %s | %s | %d | %d | %.1f | %.1f | %.1f | %d |", name, backend, args, len(lat),
		ms(pct(lat, 50)), ms(pct(lat, 99)), ms(lat[len(lat)-1]), rows[len(rows)/2])
}

// compare reports (to stderr) and counts the answers to arg that differ from
// the first form's.
func compare(question, arg string, forms []*form, answers [][]canned.Row, limit int) int {
	if limit <= 0 {
		limit = canned.DefaultLimit
	}
	bad := 0
	for i := 1; i < len(forms); i++ {
		want, got := answers[0], answers[i]
		var same bool
		switch {
		case forms[i].exact:
			same = slices.Equal(keys(want, false), keys(got, false))
		case len(want) >= limit || len(got) >= limit:
			continue // cut at the limit, in different orders: not comparable
		default:
			same = slices.Equal(keys(want, true), keys(got, true))
		}
		if !same {
			bad++
			fmt.Fprintf(os.Stderr, "%s %q: %s answers %d rows, %s %d, and they differ\n",
				question, arg, forms[0].name, len(want), forms[i].name, len(got))
		}
	}
	return bad
}

// keys are rows as comparable strings, sorted when asSet.
func keys(rows []canned.Row, asSet bool) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		ks := make([]string, 0, len(r))
		for k := range r {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		var b strings.Builder
		for _, k := range ks {
			fmt.Fprintf(&b, "%s=%s\x00", k, r[k])
		}
		out[i] = b.String()
	}
	if asSet {
		slices.Sort(out)
	}
	return out
}

// pickers find a question's arguments: nodes of the type the question asks
// about that have the edge it follows (topics with quotations about them,
// people with a role, bodies a reform affects), read quad by quad from the
// type node: a Gizmo path doing the same lets Cayley join whole indexes
// first.
var pickers = map[string]func(context.Context, cgraph.QuadStore, int) ([]string, error){
	"who-said": func(ctx context.Context, qs cgraph.QuadStore, n int) ([]string, error) {
		return having(ctx, qs, schema.Topic, schema.About, quad.Object, n)
	},
	"roles": func(ctx context.Context, qs cgraph.QuadStore, n int) ([]string, error) {
		return having(ctx, qs, schema.Person, schema.Role, quad.Subject, n)
	},
	"reforms": func(ctx context.Context, qs cgraph.QuadStore, n int) ([]string, error) {
		return having(ctx, qs, schema.Organization, schema.Affects, quad.Object, n)
	},
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

// loadAverage is the machine's one-minute load average, or "?".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
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
