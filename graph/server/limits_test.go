package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The hostile query shapes of issue 18, on a store of more than 100,000
// quads: each answers within a bound, with at most the row limit, or stops
// at a limit with Cayley's error JSON; after each, the server's slots are
// free again (the query's work has stopped, not only its answer); and the
// heap and RSS stay within a bound made of the memory budget.
func TestHostileQueriesOnLargeStore(t *testing.T) {
	const (
		budget = 64 << 20
		rows   = 100
	)
	g := synthStore(t)
	s, base, stop := startServerOn(t, g.Handle(),
		WithQueryTimeout(15*time.Second), WithQueryMemory(budget), WithAnswerBytes(1<<20), WithMaxConcurrent(4))
	defer stop()
	c := newClient()
	defer c.CloseIdleConnections()
	peak := sampleMemory(t)

	tests := []struct {
		name, lang, q string
		code          int
		want          string // in the answer; alternatives separated by "|"
	}{
		{"All", "gizmo", `g.V().All()`, 200, ""},
		{"GetLimit(1e9)", "gizmo", `g.V().GetLimit(1e9)`, 200, ""},
		{"All in a loop", "gizmo", `for (var i = 0; i < 100; i++) g.V().All()`, 200, ""},
		{"ForEach emitting", "gizmo", `g.V().ForEach(function(d) { g.Emit(d) })`, 200, ""},
		{"Map emitting", "gizmo", `g.V().Map(function(d) { g.Emit(d.id) })`, 200, ""},
		{"ToArray emitted", "gizmo", `g.Emit(g.V().ToArray())`, 422, "answer is over this server's limit of 1048576 bytes"},
		// Which limit a TagArray meets first depends on how the store's
		// nodes lay out: either stops it.
		{"TagArray emitted", "gizmo", `g.Emit(g.V().Tag("a").Out().Tag("b").TagArray(1e9))`, 422, "answer is over|memory budget of 64 MiB"},
		{"recursion", "gizmo", `function f(n){return f(n+1)+1};f(0)`, 422, "call stack is deeper than this server's query limit"},
		{"join of a huge array", "gizmo", `new Array(1.5e8).join("ab")`, 400, "RangeError: array length 150000000 is over"},
		{"growing heap", "gizmo", `var a = []; while (true) a.push({x: "0123456789abcdef" + a.length})`, 422, "memory budget of 64 MiB"},
		{"GraphQL all nodes", "graphql", `{ nodes { id } }`, 200, ""},
		{"GraphQL nested", "graphql", `{ nodes(first: 1000000) { id in: <mentioned_in> { id } } }`, 200, ""},
		{"MQL all nodes", "mql", `[{"id": null}]`, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			code, body := post(t, c, base+"/api/v2/query?lang="+tt.lang, "application/json", tt.q)
			if took := time.Since(start); took > 20*time.Second {
				t.Errorf("answered after %v", took)
			}
			if code != tt.code || !containsAny(body, strings.Split(tt.want, "|")) {
				t.Fatalf("%d %.300s; want %d and %q", code, body, tt.code, tt.want)
			}
			if code != 200 {
				if !strings.HasPrefix(body, `{"error": `) && !strings.HasPrefix(body, `{"data":null,"errors":`) {
					t.Errorf("error not in Cayley's shape: %.200s", body)
				}
			} else if n := countRows(t, tt.lang, body); n > rows {
				t.Errorf("%d rows, over the limit of %d", n, rows)
			}
			waitIdle(t, s)
		})
	}
	heap, rss := peak()
	t.Logf("peak growth over the tests: heap %d MiB, RSS %d MiB", heap>>20, rss>>20)
	// Generous, as docs/server.md states it: twice the budget (the
	// collector runs at up to twice the live heap), the answers, and
	// room for the store's own indexes as queries read them.
	bound := uint64(2*budget + 256<<20)
	if heap > bound {
		t.Errorf("heap grew %d MiB, over %d MiB", heap>>20, bound>>20)
	}
	if rss > bound {
		t.Errorf("RSS grew %d MiB, over %d MiB", rss>>20, bound>>20)
	}
}

// countRows counts the results of an answer: Cayley's "result", GraphQL's
// top-level nodes.
func countRows(t *testing.T, lang, body string) int {
	t.Helper()
	var out struct {
		Result []any          `json:"result"`
		Data   map[string]any `json:"data"`
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatalf("%v in %.200s", err, body)
	}
	if lang != "graphql" {
		return len(out.Result)
	}
	switch v := out.Data["nodes"].(type) {
	case []any:
		return len(v)
	case nil:
		return 0
	}
	return 1
}

// waitIdle waits until no request holds a slot: the query's work has
// stopped. It fails if that takes longer than a generous bound.
func waitIdle(t *testing.T, s *Server) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for s.slots.inUse() > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d slots still held 10 s after the answer", s.slots.inUse())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// sampleMemory samples the heap and the process's RSS until the returned
// function is called, which returns how far each grew above where it began.
func sampleMemory(t *testing.T) func() (heap, rss uint64) {
	heap0, rss0 := heapBytes(), rssBytes()
	var heapPeak, rssPeak uint64
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			heapPeak, rssPeak = max(heapPeak, heapBytes()), max(rssPeak, rssBytes())
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	return func() (uint64, uint64) {
		close(done)
		<-stopped
		grew := func(peak, base uint64) uint64 {
			if peak < base {
				return 0
			}
			return peak - base
		}
		return grew(heapPeak, heap0), grew(rssPeak, rss0)
	}
}

func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// rssBytes is the process's resident set (0 where /proc is not).
func rssBytes() uint64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseUint(f[1], 10, 64)
	return pages * uint64(os.Getpagesize())
}

// Heavy queries queue for the server's slots and are stopped at their
// limits, so a trivial query sent among them still answers.
func TestHeavyQueriesQueue(t *testing.T) {
	if raceEnabled {
		t.Skip("queueing is measured in time, which the race detector stretches past the timeouts")
	}
	g := synthStore(t)
	s, base, stop := startServerOn(t, g.Handle(),
		WithQueryTimeout(20*time.Second), WithQueryMemory(32<<20), WithAnswerBytes(1<<20), WithMaxConcurrent(2))
	defer stop()
	c := newClient()
	defer c.CloseIdleConnections()
	heavy := []string{
		`function f(n){return f(n+1)+1};f(0)`,
		`new Array(1.5e8).join("ab")`,
		`g.Emit(g.V().ToArray())`,
		`g.V().GetLimit(1e9)`,
		`var a = []; while (true) a.push({x: "0123456789abcdef" + a.length})`,
		`g.V().ForEach(function(d) { g.Emit(d) })`,
	}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for round := range 2 {
		for _, q := range heavy {
			wg.Go(func() {
				code, body := post(t, c, base+"/api/v2/query?lang=gizmo", "", q)
				if code == http.StatusServiceUnavailable {
					errs <- fmt.Errorf("heavy query refused as busy: %s", body)
				}
			})
		}
		wg.Go(func() {
			start := time.Now()
			code, body := post(t, c, base+"/api/v2/query?lang=gizmo", "", fmt.Sprintf(`g.Emit(%d)`, round))
			if want := fmt.Sprintf(`{"result":[%d]}`, round); code != 200 || strings.TrimSpace(body) != want {
				errs <- fmt.Errorf("trivial query %d: %d %s after %v", round, code, body, time.Since(start))
			}
			t.Logf("trivial query %d answered after %v", round, time.Since(start))
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	waitIdle(t, s)
}

// The query limits hold for queries sent as links too.
func TestHostileQueryAsLink(t *testing.T) {
	base := startServer(t, WithQueryTimeout(2*time.Second))
	code, body := get(t, base+"/api/v2/query?lang=gizmo&qu="+url.QueryEscape(`function f(n){return f(n+1)+1};f(0)`))
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "call stack") {
		t.Errorf("%d %s", code, body)
	}
	code, body = get(t, base+"/api/v2/query?lang=gizmo&qu="+url.QueryEscape(`g.V("`+strings.Repeat("x", 70_000)+`")`))
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "over this server's limit of 65536") {
		t.Errorf("%d %.200s", code, body)
	}
}

// containsAny reports whether s holds one of subs ("" is in every s).
func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
