package server

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

const fixture = "testdata/fixture.nq"

// fixtureHandle is a memstore holding testdata/fixture.nq.
func fixtureHandle(t testing.TB) *graph.Handle {
	t.Helper()
	return fileHandle(t, fixture)
}

// fileHandle is a memstore holding an N-Quads file.
func fileHandle(t testing.TB, file string) *graph.Handle {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs := memstore.New()
	qw, err := graph.NewQuadWriter("single", qs, nil)
	if err != nil {
		t.Fatal(err)
	}
	w := graph.NewWriter(qw)
	if _, err := quad.Copy(w, nquads.NewReader(f, false)); err != nil {
		t.Fatalf("load %s: %v", file, err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return &graph.Handle{QuadStore: qs, QuadWriter: qw}
}

// startServer serves the fixture on a free loopback port until the test
// ends, and returns the base URL.
func startServer(t testing.TB, opts ...Option) string {
	t.Helper()
	_, url, stop := startServerOn(t, fixtureHandle(t), opts...)
	t.Cleanup(stop)
	return url
}

// startServerOn serves h on a free loopback port; stop shuts it down and
// waits for Serve to return.
func startServerOn(t testing.TB, h *graph.Handle, opts ...Option) (s *Server, url string, stop func()) {
	t.Helper()
	s, err := New(h, opts...)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	return s, "http://" + ln.Addr().String(), func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}
}

// post sends body and returns the status and the body of the answer.
func post(t testing.TB, client *http.Client, url, contentType, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	return do(t, client, req)
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, http.DefaultClient, req)
}

// do sends req and returns the status and the body of the answer.
func do(t testing.TB, client *http.Client, req *http.Request) (int, string) {
	t.Helper()
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	return resp.StatusCode, string(data)
}

// gizmo runs a Gizmo query and decodes {"result": [...]}.
func gizmo(t testing.TB, base, q string) []any {
	t.Helper()
	code, body := post(t, http.DefaultClient, base+"/api/v2/query?lang=gizmo", "application/javascript", q)
	if code != http.StatusOK {
		t.Fatalf("query %q: %d %s", q, code, body)
	}
	var out struct {
		Result []any `json:"result"`
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatalf("query %q: %v in %s", q, err, body)
	}
	return out.Result
}
