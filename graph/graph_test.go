package graph_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	_ "github.com/lib/pq"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

func openT(t *testing.T, backend, address string, opts ...graph.Option) *graph.Graph {
	t.Helper()
	g, err := graph.Open(context.Background(), backend, address, opts...)
	if err != nil {
		t.Fatalf("Open(%s, %s): %v", backend, address, err)
	}
	t.Cleanup(func() {
		if err := g.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return g
}

func TestMemory(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) *graph.Graph { return openT(t, graph.Memory, "") })
}

func TestBolt(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) *graph.Graph {
		return openT(t, graph.Bolt, filepath.Join(t.TempDir(), "newsgraph.db"))
	})
}

// TestPostgres runs the suite on the server NEWSGRAPH_TEST_POSTGRES names
// (.ci/setup.d/10-postgres.sh starts one), each graph in a schema of its own.
func TestPostgres(t *testing.T) {
	addr := os.Getenv("NEWSGRAPH_TEST_POSTGRES")
	if addr == "" {
		if os.Getenv("NEWSGRAPH_CI") == "1" {
			t.Fatal("NEWSGRAPH_TEST_POSTGRES is not set (run .ci/setup.d/10-postgres.sh)")
		}
		t.Skip("NEWSGRAPH_TEST_POSTGRES is not set")
	}
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Ping(); err != nil {
		t.Fatalf("PostgreSQL at NEWSGRAPH_TEST_POSTGRES: %v", err)
	}
	var schemas []string
	graphtest.Run(t, func(t *testing.T) *graph.Graph {
		schema := "newsgraph_test_" + randomHex(t)
		schemas = append(schemas, schema)
		if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if _, err := db.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
				t.Errorf("drop schema: %v", err)
			}
		})
		u, err := url.Parse(addr)
		if err != nil {
			t.Fatal(err)
		}
		v := u.Query()
		v.Set("search_path", schema) // lib/pq passes it on as a session setting
		u.RawQuery = v.Encode()
		backend, address := graph.ParseDB(u.String())
		g := openT(t, backend, address)
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM pg_indexes WHERE schemaname = $1 AND indexname = 'quads_label_hash_idx'`, schema).Scan(&n); err != nil || n != 1 {
			t.Errorf("label index: %d, %v; want one", n, err)
		}
		return g
	})
	if len(schemas) == 0 {
		t.Error("the suite opened no graph")
	}
}

// TestBoltIndexesLabels checks that a new bolt store indexes labels, which
// finding an article's quads needs: Cayley answers a label's exact quad
// count only from an index on the label alone.
func TestBoltIndexesLabels(t *testing.T) {
	ctx := context.Background()
	g := openT(t, graph.Bolt, filepath.Join(t.TempDir(), "db"))
	if _, err := g.Load(ctx, graph.Doc{ArticleID: "a", Quads: []quad.Quad{quad.MakeIRI("s", "p", "o", "article/a")}}); err != nil {
		t.Fatal(err)
	}
	qs := g.QuadStore()
	size, err := qs.QuadIteratorSize(ctx, quad.Label, qs.ValueOf(quad.IRI("article/a")))
	if err != nil || !size.Exact || size.Size != 2 {
		t.Errorf("quads labelled <article/a>: %+v, %v; want exactly 2 (from a label index)", size, err)
	}
}

func randomHex(t *testing.T) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

func TestBoltInUse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	openT(t, graph.Bolt, dir)
	for _, opts := range [][]graph.Option{nil, {graph.WithReadOnly()}} {
		_, err := graph.Open(context.Background(), graph.Bolt, dir, opts...)
		if !errors.Is(err, graph.ErrInUse) {
			t.Fatalf("second Open = %v, want ErrInUse", err)
		}
		if want := "database " + dir + " is in use by another newsgraph"; err.Error() != want {
			t.Errorf("error = %q, want %q", err, want)
		}
	}
}

func TestBoltReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "db")
	if _, err := graph.Open(ctx, graph.Bolt, dir, graph.WithReadOnly()); !errors.Is(err, graph.ErrNotExist) {
		t.Fatalf("read-only Open of a missing store = %v, want ErrNotExist", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("read-only Open created %s", dir)
	}
	g, err := graph.Open(ctx, graph.Bolt, dir)
	if err != nil {
		t.Fatal(err)
	}
	doc := graph.Doc{ArticleID: "a", Quads: []quad.Quad{quad.MakeIRI("person/x", "type", "Person", "article/a")}}
	if _, err := g.Load(ctx, doc); err != nil {
		t.Fatal(err)
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
	// Readers share the store, and it kept what was written.
	r1 := openT(t, graph.Bolt, dir, graph.WithReadOnly())
	r2 := openT(t, graph.Bolt, dir, graph.WithReadOnly())
	for _, r := range []*graph.Graph{r1, r2} {
		res, err := r.Query(ctx, "gizmo", `g.V().Has("<type>", "<Person>").All()`)
		if err != nil || len(res) != 1 {
			t.Errorf("query on reader: %v, %v; want one person", res, err)
		}
	}
	if _, err := r1.Load(ctx, doc); !errors.Is(err, graph.ErrReadOnly) {
		t.Errorf("Load on a reader = %v, want ErrReadOnly", err)
	}
	if _, err := graph.Open(ctx, graph.Bolt, dir); !errors.Is(err, graph.ErrInUse) {
		t.Errorf("writer Open while readers are open = %v, want ErrInUse", err)
	}
}

func TestBoltPathIsFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.Open(context.Background(), graph.Bolt, file); err == nil {
		t.Errorf("Open on a regular file succeeded")
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	tests := []struct{ backend, address string }{
		{"no-such-backend", "x"},
		{graph.Memory, "some/path"},
		{graph.Postgres, "not a url"},
	}
	for _, tt := range tests {
		if g, err := graph.Open(ctx, tt.backend, tt.address); err == nil {
			g.Close()
			t.Errorf("Open(%q, %q) succeeded", tt.backend, tt.address)
		}
	}
	// Nothing listens on port 1 of the loopback: a refusal, well inside the timeout.
	_, err := graph.Open(ctx, graph.Postgres, "postgres://u:secret@127.0.0.1:1/db?sslmode=disable", graph.WithOpenTimeout(2*time.Second))
	if err == nil {
		t.Fatal("Open of an unreachable server succeeded")
	}
	if strings.Contains(err.Error(), "secret") {
		t.Errorf("error shows the password: %v", err)
	}
}

func TestParseDB(t *testing.T) {
	tests := []struct{ db, backend, address string }{
		{"", graph.Bolt, graph.DefaultPath},
		{"memory", graph.Memory, ""},
		{"./x.db", graph.Bolt, "./x.db"},
		{"/abs/x.db", graph.Bolt, "/abs/x.db"},
		{"bolt:///abs/x.db", graph.Bolt, "/abs/x.db"},
		{"leveldb://./x.ldb", "leveldb", "./x.ldb"},
		{"postgres://u@h/db", graph.Postgres, "postgres://u@h/db"},
		{"postgresql://u@h/db", graph.Postgres, "postgresql://u@h/db"},
		{"cockroach://root@h:26257/db?sslmode=disable", graph.Cockroach, "postgresql://root@h:26257/db?sslmode=disable"},
	}
	for _, tt := range tests {
		b, a := graph.ParseDB(tt.db)
		if b != tt.backend || a != tt.address {
			t.Errorf("ParseDB(%q) = %q, %q; want %q, %q", tt.db, b, a, tt.backend, tt.address)
		}
	}
}

// TestLevelDB runs the suite on Cayley's leveldb backend, which Open reaches
// by name like any other registered Cayley store.
func TestLevelDB(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) *graph.Graph {
		return openT(t, "leveldb", filepath.Join(t.TempDir(), "leveldb"))
	})
}
