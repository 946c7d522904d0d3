package server

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	examplearticles "github.com/newsgraph/newsgraph/examples"
	"github.com/newsgraph/newsgraph/extract"
	ngraph "github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/questions"
	"github.com/newsgraph/newsgraph/source"
)

// The fuzz targets here send requests straight to Server.ServeHTTP: no
// request, however its query string or body is made, may panic or be
// answered 500 (a server fault); they are refused with a 4xx or answered.

// fuzzOptions keep a fuzzed query short and the server quiet.
func fuzzOptions() []Option {
	return []Option{
		WithQueryTimeout(200 * time.Millisecond), WithReadTimeout(0), WithWriteTimeout(0),
		WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))),
	}
}

// serveFuzz answers one request and fails on a 500.
func serveFuzz(t *testing.T, s *Server, r *http.Request) *httptest.ResponseRecorder {
	t.Helper()
	r.Host = "127.0.0.1:64210"
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code == http.StatusInternalServerError {
		t.Fatalf("%s %s: 500 %s", r.Method, r.URL, w.Body.String())
	}
	return w
}

// fuzzRoutes are the routes that read a query string.
var fuzzRoutes = []string{
	"/api/v2/query", "/api/v2/read", "/api/canned", "/api/node",
	"/api/questions/search", "/api/questions/said", "/api/questions/profile", "/api/questions/reform",
	"/api/questions/who-said", "/api/questions/roles", "/api/questions/articles", "/api/questions/article",
	"/api/questions/top",
}

// FuzzQueryString decodes arbitrary query strings on every route that
// reads one: the HTTP API's, the explorer's and the questions'.
func FuzzQueryString(f *testing.F) {
	ctx := context.Background()
	g, err := ngraph.Open(ctx, ngraph.Memory, "")
	if err != nil {
		f.Fatal(err)
	}
	defer g.Close()
	ex, err := extract.New()
	if err != nil {
		f.Fatal(err)
	}
	if _, err := ingest.Run(ctx, g, ex, source.ReadFS(ctx, examplearticles.Articles, ".")); err != nil {
		f.Fatal(err)
	}
	s, err := New(g.Handle(), append(fuzzOptions(), WithQuestions(questions.New(g)))...)
	if err != nil {
		f.Fatal(err)
	}
	for i, q := range []string{
		"lang=gizmo&qu=g.V().All()", "format=nquads&sub=<person/tom-hale>&pred=<name>", "name=who-said&arg=integration",
		"id=<person/paul-burstow>", "q=burst&limit=2", "name=Paul+Burstow&limit=ten&offset=-1", "name=andrew&kind=martian",
		"name=abolition+of+PCTs", "about=integration&limit=3&scan=2", "name=Andrew+Cozens", "from=2010&to=2009&outlet=x&entity=y",
		"id=%ZZ&id=", "kind=person&limit=1e9",
	} {
		f.Add(uint8(i), q)
	}
	f.Fuzz(func(t *testing.T, route uint8, rawQuery string) {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.URL.Path = fuzzRoutes[int(route)%len(fuzzRoutes)]
		r.URL.RawQuery = rawQuery
		r.RequestURI = r.URL.RequestURI()
		serveFuzz(t, s, r)
	})
}

// writeTypes are the content types the write routes are sent.
var writeTypes = []string{"application/n-quads", "application/json", "application/ld+json", "application/x-protobuf", "text/x-nquads", "application/octet-stream"}

// FuzzWriteBody imports arbitrary bodies through /api/v2/write and
// /api/v2/delete, in each quad format the server takes (N-Quads, JSON,
// JSON-LD, protobuf), plain and gzipped.
func FuzzWriteBody(f *testing.F) {
	for i, b := range []string{
		`<a> <b> <c> .` + "\n" + `<a> <name> "A"@en <l> .`,
		`[{"subject": "<a>", "predicate": "<b>", "object": "c"}]`,
		`{"@id": "a", "http://b": {"@value": "c"}}`,
		"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff",
		`_:x <p> "\u0000" .`, `<a> <b> "unterminated .`,
	} {
		f.Add(uint8(i), false, []byte(b))
	}
	f.Fuzz(func(t *testing.T, kind uint8, del bool, body []byte) {
		qs := memstore.New()
		qw, err := graph.NewQuadWriter("single", qs, nil)
		if err != nil {
			t.Fatal(err)
		}
		s, err := New(&graph.Handle{QuadStore: qs, QuadWriter: qw}, append(fuzzOptions(), WithWritable(true), WithMaxBodyBytes(1<<20))...)
		if err != nil {
			t.Fatal(err)
		}
		path := "/api/v2/write"
		if del {
			path = "/api/v2/delete"
		}
		r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
		r.Header.Set("Content-Type", writeTypes[int(kind)%len(writeTypes)])
		if kind >= 128 {
			r.Header.Set("Content-Encoding", "gzip")
		}
		serveFuzz(t, s, r)
	})
}

// FuzzSubgraphRequest decodes arbitrary JSON bodies of the explorer's
// POST /api/subgraph.
func FuzzSubgraphRequest(f *testing.F) {
	s, err := New(fixtureHandle(f), fuzzOptions()...)
	if err != nil {
		f.Fatal(err)
	}
	for _, b := range []string{
		`{"ids": ["<person/tom-hale>", "<topic/integration>"]}`, `{"ids": []}`, `{"ids": ["\"literal\"", "_:b", "<>"]}`,
		`{"ids": null}`, `[]`, `{"ids": [1, 2]}`, `{"ids": ["` + strings.Repeat("<a>", 100) + `"]}`,
	} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest(http.MethodPost, "/api/subgraph", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		serveFuzz(t, s, r)
	})
}

// TestWriteBodies: a write body that cannot be read is a 400 with nothing
// written; a quad already there (write) or not there (delete) is passed
// over, not a server fault (FuzzWriteBody found Cayley's 500s).
func TestWriteBodies(t *testing.T) {
	qs := memstore.New()
	qw, err := graph.NewQuadWriter("single", qs, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(&graph.Handle{QuadStore: qs, QuadWriter: qw}, append(fuzzOptions(), WithWritable(true))...)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, contentType, body string
		code                    int
		want                    string
		quads                   int64 // in the store after
	}{
		{"/api/v2/write", "application/n-quads", "<a> <b> <c> .\n<a> <b> \"unterminated .\n", 400, `"error": "reading the quads (nquads)`, 0},
		{"/api/v2/write", "application/x-protobuf", "not protobuf", 400, `"error": "reading the quads (pquads)`, 0},
		{"/api/v2/write", "application/json", `[{"subject": "<a>", "predicate": "", "object": "c"}]`, 400, `"error": "reading the quads (json): invalid quad`, 0},
		{"/api/v2/write", "application/n-quads", "<a> <b> <c> .\n<a> <b> <c> .\n", 200, `"Successfully wrote 2 quads.", "count": 2`, 1},
		{"/api/v2/write", "application/n-quads", "<a> <b> <c> .\n<a> <b> <d> .\n", 200, `"count": 2`, 2},
		{"/api/v2/delete", "application/json", `[{"subject": "0", "predicate": "0", "object": "0"}]`, 200, `"Successfully deleted 1 quads."`, 2},
		{"/api/v2/delete", "application/n-quads", "<a> <b> <c> .\n", 200, `"count": 1`, 1},
	} {
		r := httptest.NewRequest(http.MethodPost, c.path, strings.NewReader(c.body))
		r.Header.Set("Content-Type", c.contentType)
		w := serveFuzz(t, s, r)
		if w.Code != c.code || !strings.Contains(w.Body.String(), c.want) {
			t.Errorf("%s %q: %d %s, want %d %s", c.path, c.body, w.Code, w.Body.String(), c.code, c.want)
		}
		if n, _ := qs.Stats(context.Background(), true); n.Quads.Size != c.quads {
			t.Errorf("%s %q: store holds %d quads, want %d", c.path, c.body, n.Quads.Size, c.quads)
		}
	}
}
