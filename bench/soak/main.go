// Command soak drives a running "newsgraph serve --writable" with writers
// posting articles and readers querying, for a bounded time, and reports
// what it saw: articles posted, latency by kind of request, the server's
// peak RSS, and its goroutines and open files before and after (a leak
// shows as more after). bench/soak.sh starts the server, runs it, and
// checks the store against a clean build of the articles it posted.
//
//	soak -addr 127.0.0.1:PORT -debug 127.0.0.1:PORT2 -pid PID -corpus DIR -posted DIR \
//	     -writers 4 -readers 8 -duration 2m
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var (
		addr     = flag.String("addr", "127.0.0.1:64210", "the server")
		debug    = flag.String("debug", "", "the server's --debug-addr, to count its goroutines")
		pid      = flag.Int("pid", 0, "the server's process, to sample its RSS and open files")
		corpus   = flag.String("corpus", "", "directory of articles to post (newsgraph gen)")
		posted   = flag.String("posted", "", "directory the posted articles are copied to, flat, for a clean build")
		writers  = flag.Int("writers", 4, "clients posting articles")
		readers  = flag.Int("readers", 8, "clients querying")
		duration = flag.Duration("duration", 2*time.Minute, "how long to run")
		repost   = flag.Float64("repost", 0.1, "share of articles posted a second time (they must be stored once)")
		hostile  = flag.Float64("hostile", 0.02, "share of queries that are hostile (stopped at a limit)")
	)
	flag.Parse()
	if err := run(*addr, *debug, *pid, *corpus, *posted, *writers, *readers, *duration, *repost, *hostile); err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
}

// latencies collects durations by kind of request.
type latencies struct {
	mu sync.Mutex
	by map[string][]time.Duration
}

func (l *latencies) add(kind string, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.by == nil {
		l.by = map[string][]time.Duration{}
	}
	l.by[kind] = append(l.by[kind], d)
	l.by["all queries"] = append(l.by["all queries"], d)
}

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, int(float64(len(s))*p))]
}

func run(addr, debug string, pid int, corpus, posted string, writers, readers int, duration time.Duration, repost, hostile float64) error {
	base := "http://" + addr
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: writers + readers}, Timeout: time.Minute}
	if err := waitReady(client, base); err != nil {
		return err
	}
	files, err := articles(corpus)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(posted, 0o755); err != nil {
		return err
	}
	before := sample(client, debug, pid)
	restingRSS := procKB(pid, "VmRSS")

	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	var (
		lat                         latencies
		postLat                     latencies
		next, reposts, postFailures atomic.Int64
		queries, queryFailures      atomic.Int64
		hostileStopped              atomic.Int64
		peakRSS                     atomic.Int64
		failures                    = make(chan string, 100)
		wg                          sync.WaitGroup
	)
	fail := func(format string, args ...any) {
		select {
		case failures <- fmt.Sprintf(format, args...):
		default:
		}
	}
	postedOK := make([]atomic.Bool, len(files))
	// Writers: each article once, in order, and some a second time.
	for w := range writers {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 1))
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				body, err := os.ReadFile(files[i])
				if err != nil {
					fail("read %s: %v", files[i], err)
					return
				}
				name := filepath.Base(files[i])
				times := 1
				if rng.Float64() < repost {
					times = 2
					reposts.Add(1)
				}
				for range times {
					// A post under way when the time is up is let finish:
					// the server may have loaded it, and the check after
					// needs to know.
					start := time.Now()
					code, answer, err := post(context.Background(), client, base+"/api/v2/articles?name="+url.QueryEscape(name), "text/markdown", body)
					postLat.add("post article", time.Since(start))
					if err != nil || code != 200 {
						postFailures.Add(1)
						fail("post %s: %d %v %.200s", name, code, err, answer)
						continue
					}
					if !postedOK[i].Swap(true) {
						if err := os.WriteFile(filepath.Join(posted, name), body, 0o644); err != nil {
							fail("copy %s: %v", name, err)
						}
					}
				}
			}
		})
	}
	// Readers: the explorer's canned questions, node views, small Gizmo,
	// GraphQL and MQL queries, and a few hostile ones.
	canned, err := cannedQueries(client, base)
	if err != nil {
		return err
	}
	for r := range readers {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(100+r), 2))
			for ctx.Err() == nil {
				kind, lang, q := pickQuery(rng, canned, hostile)
				start := time.Now()
				var code int
				var answer string
				var err error
				if kind == "node view" {
					code, answer, err = get(context.Background(), client, base+"/api/node?id="+url.QueryEscape(q))
				} else {
					code, answer, err = post(context.Background(), client, base+"/api/v2/query?lang="+lang, "application/json", []byte(q))
				}
				queries.Add(1)
				lat.add(kind, time.Since(start))
				switch {
				case kind == "hostile" && (code == 422 || code == 400):
					hostileStopped.Add(1)
				case err != nil || (code != 200 && !(kind == "node view" && code == 404)):
					queryFailures.Add(1)
					fail("%s %.80q: %d %v %.200s", kind, q, code, err, answer)
				}
			}
		})
	}
	// The server's RSS, sampled.
	wg.Go(func() {
		for ctx.Err() == nil {
			if rss := procKB(pid, "VmRSS"); rss > peakRSS.Load() {
				peakRSS.Store(rss)
			}
			select {
			case <-ctx.Done():
			case <-time.After(200 * time.Millisecond):
			}
		}
	})
	start := time.Now()
	wg.Wait()
	elapsed := time.Since(start)
	close(failures)

	// Let the server wind down: idle connections closed, handlers done.
	client.CloseIdleConnections()
	time.Sleep(3 * time.Second)
	after := sample(client, debug, pid)
	client.CloseIdleConnections()

	n := 0
	for i := range postedOK {
		if postedOK[i].Load() {
			n++
		}
	}
	fmt.Printf("clients: %d writers, %d readers; ran %v\n", writers, readers, elapsed.Round(time.Second))
	fmt.Printf("articles: %d posted (%d of them twice), %d failed posts\n", n, reposts.Load(), postFailures.Load())
	fmt.Printf("queries: %d, %d failed, %d hostile stopped at a limit\n", queries.Load(), queryFailures.Load(), hostileStopped.Load())
	fmt.Printf("RSS: %d MiB at rest before, %d MiB peak (sampled every 200 ms), VmHWM %d MiB\n", restingRSS>>10, peakRSS.Load()>>10, procKB(pid, "VmHWM")>>10)
	fmt.Printf("goroutines: %d before, %d after; open files: %d before, %d after\n", before.goroutines, after.goroutines, before.fds, after.fds)
	fmt.Println()
	fmt.Println("| request | count | p50 | p99 |")
	fmt.Println("|---|---|---|---|")
	for _, l := range []*latencies{&postLat, &lat} {
		kinds := make([]string, 0, len(l.by))
		for k := range l.by {
			kinds = append(kinds, k)
		}
		slices.Sort(kinds)
		for _, k := range kinds {
			if l == &postLat && k == "all queries" {
				continue
			}
			ds := l.by[k]
			fmt.Printf("| %s | %d | %s | %s |\n", k, len(ds), ms(percentile(ds, 0.5)), ms(percentile(ds, 0.99)))
		}
	}
	for f := range failures {
		fmt.Println("failure:", f)
	}
	var problems []string
	if postFailures.Load() > 0 || queryFailures.Load() > 0 {
		problems = append(problems, "requests failed")
	}
	// A leak grows with the requests served; a few goroutines and files
	// come and go with the runtime and the last connections.
	if before.goroutines > 0 && after.goroutines > before.goroutines+5 {
		problems = append(problems, fmt.Sprintf("goroutines grew from %d to %d", before.goroutines, after.goroutines))
	}
	if before.fds > 0 && after.fds > before.fds+5 {
		problems = append(problems, fmt.Sprintf("open files grew from %d to %d", before.fds, after.fds))
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	fmt.Println("no failures, no leaks")
	return nil
}

func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64) + " ms"
}

type snapshot struct{ goroutines, fds int }

// sample counts the server's goroutines (from its pprof index) and open
// files (from /proc).
func sample(client *http.Client, debug string, pid int) snapshot {
	var s snapshot
	if debug != "" {
		if code, body, err := get(context.Background(), client, "http://"+debug+"/debug/pprof/goroutine?debug=1"); err == nil && code == 200 {
			// "goroutine profile: total N"
			if _, rest, ok := strings.Cut(body, "total "); ok {
				s.goroutines, _ = strconv.Atoi(strings.Fields(rest)[0])
			}
		}
	}
	if pid > 0 {
		if ents, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid)); err == nil {
			s.fds = len(ents)
		}
	}
	return s
}

// procKB reads a "Name: N kB" line of /proc/PID/status.
func procKB(pid int, name string) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, name+":"); ok {
			n, _ := strconv.ParseInt(strings.Fields(v)[0], 10, 64)
			return n
		}
	}
	return 0
}

func waitReady(client *http.Client, base string) error {
	for range 300 {
		if code, _, err := get(context.Background(), client, base+"/api/v2/formats"); err == nil && code == 200 {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("%s did not answer", base)
}

// articles lists the corpus's article files in order.
func articles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return err
	})
	slices.Sort(files)
	if len(files) == 0 && err == nil {
		err = fmt.Errorf("no articles in %s", dir)
	}
	return files, err
}

type cannedQuery struct{ Name, Arg, Gizmo string }

func cannedQueries(client *http.Client, base string) ([]cannedQuery, error) {
	code, body, err := get(context.Background(), client, base+"/api/canned")
	if err != nil || code != 200 {
		return nil, fmt.Errorf("canned questions: %d %v", code, err)
	}
	var qs []cannedQuery
	return qs, json.Unmarshal([]byte(body), &qs)
}

var hostileQueries = []string{
	`function f(n){return f(n+1)+1};f(0)`,
	`new Array(1.5e8).join("ab")`,
	`var a = []; while (true) a.push({x: "0123456789abcdef" + a.length})`,
}

// pickQuery picks a request: its kind, language and text (for a node view,
// the node).
func pickQuery(rng *rand.Rand, canned []cannedQuery, hostile float64) (kind, lang, q string) {
	if rng.Float64() < hostile {
		return "hostile", "gizmo", hostileQueries[rng.IntN(len(hostileQueries))]
	}
	switch rng.IntN(6) {
	case 0, 1:
		c := canned[rng.IntN(len(canned))]
		return "canned " + c.Name, "gizmo", c.Gizmo
	case 2:
		return "gizmo count", "gizmo", `g.Emit(g.V("<Article>").In("<type>").Count())`
	case 3:
		return "gizmo people", "gizmo", `g.V("<Person>").In("<type>").Tag("p").Out("<name>").Tag("name").GetLimit(20)`
	case 4:
		return "graphql", "graphql", `{ nodes(<type>: <Organization>, first: 20) { id name: <name> } }`
	default:
		return "node view", "", "<topic/integration>"
	}
}

func post(ctx context.Context, c *http.Client, url, contentType string, body []byte) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Content-Type", contentType)
	return do(c, req)
}

func get(ctx context.Context, c *http.Client, url string) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, "", err
	}
	return do(c, req)
}

func do(c *http.Client, req *http.Request) (int, string, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data), err
}
