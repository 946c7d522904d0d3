// Questions times the questions (package questions) as the explorer asks
// them: through the HTTP API (GET /api/questions/…) of a server over a
// built store, one request at a time, with arguments the store has answers
// for — the most mentioned people, bodies, reforms and topics and others
// spread evenly down the list, names as a search box sees them typed, date
// ranges — and prints, in Markdown:
//
//   - the name index's build (questions.Service.Warm): time and heap; then
//     the store's preload (graph.Preload, as serve does; -preload=false
//     leaves it out), and its time;
//   - per route: requests, p50, p95, p99 and max latency, the p95 of each
//     argument's first request (before the server keeps anything of it),
//     median answer size;
//   - per explorer page, the latency of all its calls made one after
//     another: p50, p95, max.
//
// Then the machine's load average, which the figures depend on.
//
//	go run ./bench/questions -db /tmp/newsgraph-bench/build-100000.db
//	go run ./bench/questions -db DB -args 20 -runs 5 -v    # each request on stderr
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/server"
	"github.com/newsgraph/newsgraph/internal/gctune"
	"github.com/newsgraph/newsgraph/questions"
)

func main() {
	db := flag.String("db", "", "store (as newsgraph's --db)")
	nargs := flag.Int("args", 20, "arguments per page")
	runs := flag.Int("runs", 5, "runs per argument")
	verbose := flag.Bool("v", false, "print each request's latency to stderr")
	only := flag.String("pages", "", "comma-separated pages to time (body,reform,…); all when empty")
	preload := flag.Bool("preload", true, "preload the store after the name index (graph.Preload), as serve does")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the requests (not the index's build) to this file")
	flag.Parse()
	if *db == "" {
		fmt.Fprintln(os.Stderr, "usage: questions -db DB [-args N] [-runs N] [-v]")
		os.Exit(2)
	}
	gcPercent := gctune.SmallHeap()
	ctx := context.Background()
	load := loadAverage()

	g, err := graph.OpenURL(ctx, *db, graph.WithReadOnly())
	if err != nil {
		fail(err)
	}
	defer g.Close()
	s := questions.New(g)
	start := time.Now()
	if err := s.Warm(ctx); err != nil {
		fail(err)
	}
	warm := time.Since(start)
	runtime.GC()
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	fmt.Printf("Name index (questions.Service.Warm): %s, heap after %d MB; GC percent %d\n\n",
		warm.Round(10*time.Millisecond), mem.HeapAlloc>>20, gcPercent)

	if *preload {
		start = time.Now()
		if err := g.Preload(ctx); err != nil {
			fail(err)
		}
		fmt.Printf("Store preloaded (graph.Preload): %s\n\n", time.Since(start).Round(10*time.Millisecond))
	}

	srv, err := server.New(g.Handle(), server.WithQuestions(s), server.WithQueryLimit(0))
	if err != nil {
		fail(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail(err)
	}
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	go srv.Serve(sctx, ln)
	base := "http://" + ln.Addr().String() + "/api/questions/"

	pages, err := plan(ctx, s, *nargs)
	if err != nil {
		fail(err)
	}
	if *only != "" {
		want := strings.Split(*only, ",")
		pages = slices.DeleteFunc(pages, func(p *page) bool { return !slices.Contains(want, p.name) })
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
	client := &http.Client{Timeout: 2 * time.Minute}
	byRoute := map[string]*series{}
	firstByRoute := map[string]*series{}
	var routes []string
	for _, p := range pages {
		pageLat := &series{}
		for run := range *runs {
			for _, calls := range p.visits {
				var total time.Duration
				for _, c := range calls {
					d, size, err := get(client, base+c)
					if err != nil {
						fail(fmt.Errorf("%s: %w", c, err))
					}
					route, _, _ := strings.Cut(c, "?")
					r := byRoute[route+" ("+p.name+")"]
					if r == nil {
						r = &series{}
						byRoute[route+" ("+p.name+")"] = r
						routes = append(routes, route+" ("+p.name+")")
					}
					r.add(d, size)
					if run == 0 {
						if firstByRoute[route+" ("+p.name+")"] == nil {
							firstByRoute[route+" ("+p.name+")"] = &series{}
						}
						firstByRoute[route+" ("+p.name+")"].add(d, size)
					}
					total += d
					if *verbose {
						fmt.Fprintf(os.Stderr, "%8.1f ms %7d B  %s\n", ms(d), size, c)
					}
				}
				pageLat.add(total, 0)
			}
		}
		p.lat = pageLat
	}

	fmt.Println("| route (page) | requests | p50 ms | p95 ms | p99 ms | max ms | first visits p95 ms | median bytes |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range routes {
		st, first := byRoute[r], firstByRoute[r]
		fmt.Printf("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d |\n", r, len(st.lat), ms(st.q(0.5)), ms(st.q(0.95)), ms(st.q(0.99)), ms(st.q(1)), ms(first.q(0.95)), st.medianSize())
	}
	fmt.Println()
	fmt.Println("| page | calls | visits | p50 ms | p95 ms | max ms |")
	fmt.Println("|---|---|---:|---:|---:|---:|")
	for _, p := range pages {
		var names []string
		for _, c := range p.visits[0] {
			route, _, _ := strings.Cut(c, "?")
			names = append(names, route)
		}
		fmt.Printf("| %s | %s | %d | %.1f | %.1f | %.1f |\n", p.name, strings.Join(names, " + "), len(p.lat.lat), ms(p.lat.q(0.5)), ms(p.lat.q(0.95)), ms(p.lat.q(1)))
	}
	fmt.Printf("\nload average before: %s; after: %s\n", load, loadAverage())
}

// A page is one explorer page: each visit is the calls it makes.
type page struct {
	name   string
	visits [][]string
	lat    *series
}

// plan picks the arguments: n of each kind, the most mentioned first, then
// evenly down the list.
func plan(ctx context.Context, s *questions.Service, n int) ([]*page, error) {
	pick := func(kind questions.Kind) ([]questions.Entity, error) {
		all, err := s.Top(ctx, questions.WithKinds(kind), questions.WithLimit(0))
		if err != nil {
			return nil, err
		}
		return spread(all, n), nil
	}
	people, err := pick(questions.KindPerson)
	if err != nil {
		return nil, err
	}
	bodies, err := pick(questions.KindOrganisation)
	if err != nil {
		return nil, err
	}
	reforms, err := pick(questions.KindReform)
	if err != nil {
		return nil, err
	}
	topics, err := pick(questions.KindTopic)
	if err != nil {
		return nil, err
	}
	if len(people) == 0 || len(bodies) == 0 {
		return nil, errors.New("the store names no people or bodies")
	}
	q := url.QueryEscape
	landing := &page{name: "landing", visits: [][]string{{
		"top?kind=person&limit=10", "top?kind=organisation&limit=10", "top?kind=reform&limit=10", "top?kind=topic&limit=10",
	}}}
	// A search box asks at each letter typed, of names as people type them.
	typing := &page{name: "search as you type"}
	for _, e := range append(slices.Clone(people[:min(len(people), n/2)]), bodies[:min(len(bodies), n/2)]...) {
		var calls []string
		name := strings.ToLower(e.Name)
		for i := 1; i <= min(len(name), 8); i++ {
			calls = append(calls, "search?limit=10&q="+q(name[:i]))
		}
		typing.visits = append(typing.visits, calls)
	}
	person := &page{name: "person"}
	for _, e := range people {
		person.visits = append(person.visits, []string{"profile?name=" + q(e.ID), "said?limit=20&name=" + q(e.ID)})
	}
	body := &page{name: "body"}
	for _, e := range bodies {
		body.visits = append(body.visits, []string{"profile?name=" + q(e.ID), "roles?limit=20&name=" + q(e.ID)})
	}
	reform := &page{name: "reform"}
	for _, e := range reforms {
		reform.visits = append(reform.visits, []string{"reform?name=" + q(e.ID)})
	}
	topic := &page{name: "topic"}
	for _, e := range topics {
		topic.visits = append(topic.visits, []string{"who-said?limit=20&about=" + q(e.ID), "articles?limit=20&entity=" + q(e.ID)})
	}
	dates := &page{name: "date filter"}
	for i, e := range people[:min(len(people), n/2)] {
		year := 2010 + i%10
		dates.visits = append(dates.visits, []string{
			fmt.Sprintf("articles?limit=20&from=%d-01&to=%d-06", year, year),
			fmt.Sprintf("articles?limit=20&from=%d&to=%d&entity=%s", year, year+2, q(e.ID)),
		})
	}
	whoSaid := &page{name: "who said about a name"}
	for _, e := range append(slices.Clone(people[:min(len(people), n/2)]), bodies[:min(len(bodies), n/2)]...) {
		whoSaid.visits = append(whoSaid.visits, []string{"who-said?limit=20&about=" + q(e.ID)})
	}
	pages := []*page{landing, typing, person, body, reform, topic, dates, whoSaid}
	return slices.DeleteFunc(pages, func(p *page) bool { return len(p.visits) == 0 }), nil
}

// spread takes n of a list ranked most first: the first few, then evenly
// down the rest.
func spread(all []questions.Entity, n int) []questions.Entity {
	if len(all) <= n {
		return all
	}
	out := slices.Clone(all[:n/4])
	rest := all[n/4:]
	for i := range n - len(out) {
		out = append(out, rest[i*len(rest)/(n-n/4)])
	}
	return out
}

func get(c *http.Client, u string) (time.Duration, int, error) {
	start := time.Now()
	resp, err := c.Get(u)
	if err != nil {
		return 0, 0, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	d := time.Since(start)
	if err != nil {
		return 0, 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, 0, fmt.Errorf("%d %.300s", resp.StatusCode, body)
	}
	if !json.Valid(body) {
		return 0, 0, fmt.Errorf("not JSON: %.300s", body)
	}
	return d, len(body), nil
}

type series struct {
	lat   []time.Duration
	sizes []int
}

func (s *series) add(d time.Duration, size int) {
	s.lat = append(s.lat, d)
	s.sizes = append(s.sizes, size)
}

// q is the p-quantile, nearest rank.
func (s *series) q(p float64) time.Duration {
	if len(s.lat) == 0 {
		return 0
	}
	l := slices.Clone(s.lat)
	slices.Sort(l)
	i := int(p*float64(len(l))+0.999999) - 1
	return l[max(0, min(i, len(l)-1))]
}

func (s *series) medianSize() int {
	l := slices.Clone(s.sizes)
	slices.Sort(l)
	return l[len(l)/2]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "questions:", err)
	os.Exit(1)
}
