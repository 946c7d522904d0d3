package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
	"go.uber.org/goleak"
)

// A test client of its own, so its idle connections can be closed and do
// not count as leaked goroutines.
func newClient() *http.Client {
	return &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
}

func queryURL(base string) string { return base + "/api/v2/query?lang=gizmo" }

func TestInfiniteLoopIsStopped(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	c := newClient()
	defer c.CloseIdleConnections()
	_, url, stop := startServerOn(t, fixtureHandle(t), WithQueryTimeout(200*time.Millisecond))
	defer stop()

	for _, q := range []string{
		`while (true) {}`,
		`for (;;) { g.V().ToArray() }`,
		`g.V().ForEach(function(d) { while (true) {} })`,
		`for (;;) { g.Emit(1) }`, // past the result limit g.Emit stops sending, the loop runs on
	} {
		code, body := post(t, c, queryURL(url), "application/javascript", q)
		if code != http.StatusBadRequest || !strings.Contains(body, `{"error": "context deadline exceeded"}`) {
			t.Errorf("%s: %d %s, want the timeout as Cayley's error", q, code, body)
		}
	}
	// The server still answers.
	if code, body := post(t, c, queryURL(url), "", `g.V("<person/tom-hale>").Out("<name>").All()`); code != 200 || !strings.Contains(body, "Tom Hale") {
		t.Errorf("after the loops: %d %s", code, body)
	}
}

// bigHandle is a memstore with n people, each with a name and a role.
func bigHandle(t testing.TB, n int) *graph.Handle {
	t.Helper()
	qs := memstore.New()
	qw, err := graph.NewQuadWriter("single", qs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var qq []quad.Quad
	for i := range n {
		p := quad.IRI(fmt.Sprintf("person/p%d", i))
		l := quad.IRI(fmt.Sprintf("article/a%d", i%50))
		qq = append(qq,
			quad.Quad{Subject: p, Predicate: quad.IRI("type"), Object: quad.IRI("Person"), Label: l},
			quad.Quad{Subject: p, Predicate: quad.IRI("name"), Object: quad.String(fmt.Sprintf("Person %d", i)), Label: l},
		)
	}
	if err := qw.AddQuadSet(qq); err != nil {
		t.Fatal(err)
	}
	return &graph.Handle{QuadStore: qs, QuadWriter: qw}
}

func TestLargeResultsAreCut(t *testing.T) {
	_, url, stop := startServerOn(t, bigHandle(t, 20000), WithQueryLimit(50), WithMaxBodyBytes(1<<10))
	defer stop()
	c := newClient()
	defer c.CloseIdleConnections()
	for _, q := range []string{
		`g.V().All()`,
		`g.V().Has("<type>", "<Person>").Out("<name>").All()`,
		`g.V().ForEach(function(d) { g.Emit(d.id) })`,
		`g.V().Out().All()`,
	} {
		code, body := post(t, c, queryURL(url), "", q)
		var out struct{ Result []any }
		if err := json.Unmarshal([]byte(body), &out); err != nil || code != 200 {
			t.Fatalf("%s: %d %.200s", q, code, body)
		}
		if len(out.Result) != 50 {
			t.Errorf("%s: %d results, want the limit, 50", q, len(out.Result))
		}
	}
	code, body := post(t, c, queryURL(url), "", `g.V("`+strings.Repeat("x", 2<<10)+`").All()`)
	if code != http.StatusRequestEntityTooLarge || body != `{"error": "request is too large"}` {
		t.Errorf("over-size query: %d %s", code, body)
	}
}

func TestManyClientsAllAnswered(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	_, url, stop := startServerOn(t, bigHandle(t, 2000), WithMaxConcurrent(2))
	defer stop()
	c := newClient()
	defer c.CloseIdleConnections()

	const clients = 50
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for i := range clients {
		wg.Go(func() {
			q := fmt.Sprintf(`g.Emit(g.V("<person/p%d>").Out("<name>").ToValue())`, i)
			code, body := post(t, c, queryURL(url), "", q)
			if want := fmt.Sprintf(`{"result":["Person %d"]}`, i); code != 200 || strings.TrimSpace(body) != want {
				errs <- fmt.Errorf("client %d: %d %s, want %s", i, code, body, want)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestResponsiveWhileLoopsRun(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	s, url, stop := startServerOn(t, fixtureHandle(t),
		WithQueryTimeout(time.Minute), WithMaxConcurrent(3), WithShutdownGrace(50*time.Millisecond))
	c := newClient()
	defer c.CloseIdleConnections()

	// Two endless queries take two of the three slots...
	var loops sync.WaitGroup
	loopDone := make(chan struct{})
	for range 2 {
		loops.Go(func() {
			resp, err := c.Post(queryURL(url), "", strings.NewReader(`while (true) {}`))
			if err == nil {
				resp.Body.Close()
			}
		})
	}
	go func() { loops.Wait(); close(loopDone) }()
	// ...and wait until both run.
	for i := 0; s.slots.inUse() < 2; i++ {
		if i == 10000 {
			t.Fatal("endless queries never started")
		}
		time.Sleep(time.Millisecond)
	}
	// Others are answered meanwhile.
	for i := range 10 {
		code, body := post(t, c, queryURL(url), "", `g.V("<person/tom-hale>").Out("<name>").All()`)
		if code != 200 || !strings.Contains(body, "Tom Hale") {
			t.Fatalf("query %d while loops run: %d %s", i, code, body)
		}
	}
	select {
	case <-loopDone:
		t.Fatal("endless queries ended before shutdown")
	default:
	}
	// Shutdown interrupts them after the grace period, and waits for them.
	stop()
	<-loopDone
}

func TestShutdownLeavesNoGoroutine(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	for range 3 {
		_, url, stop := startServerOn(t, fixtureHandle(t))
		c := newClient()
		if code, body := post(t, c, queryURL(url), "", `g.V().All()`); code != 200 {
			t.Fatal(body)
		}
		c.CloseIdleConnections()
		stop()
	}
	s, err := New(fixtureHandle(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.ListenAndServe(ctx, "127.0.0.1:0"); err != nil {
		t.Errorf("serve with an ended context: %v", err)
	}
}
