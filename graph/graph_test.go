package graph_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
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

// pgSchema returns a connection to a schema of the test's own on the
// server NEWSGRAPH_TEST_POSTGRES names (graphtest.PostgresURL), the schema's
// name and its URL, skipping without a server unless NEWSGRAPH_CI=1.
func pgSchema(t *testing.T) (*sql.DB, string, string) {
	t.Helper()
	u := graphtest.PostgresURL(t)
	if u == "" {
		t.Skip("NEWSGRAPH_TEST_POSTGRES is not set")
	}
	pu, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("postgres", u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, pu.Query().Get("search_path"), u
}

// TestPostgres runs the suite on PostgreSQL, each graph in a schema of its
// own.
func TestPostgres(t *testing.T) {
	opened := 0
	graphtest.Run(t, func(t *testing.T) *graph.Graph {
		db, schema, u := pgSchema(t)
		opened++
		backend, address := graph.ParseDB(u)
		g := openT(t, backend, address)
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM pg_indexes WHERE schemaname = $1 AND indexname = 'quads_label_hash_idx'`, schema).Scan(&n); err != nil || n != 1 {
			t.Errorf("label index: %d, %v; want one", n, err)
		}
		return g
	})
	if opened == 0 {
		// Every subtest skipped: no server (pgSchema).
		t.Skip("NEWSGRAPH_TEST_POSTGRES is not set: the suite ran on no graph")
	}
}

// TestPostgresBulkMatchesCayley loads articles with LoadBatch (newsgraph's
// COPY path) into one schema, writes the same quads with Cayley's own SQL
// writer into another, and compares the tables row for row: node hashes,
// reference counts and value columns, and quad hashes. Stock Cayley then
// reads what newsgraph wrote as if it had written it.
func TestPostgresBulkMatchesCayley(t *testing.T) {
	ctx := context.Background()
	db, ours, oursURL := pgSchema(t)
	_, theirs, theirsURL := pgSchema(t)

	when := time.Date(2019, 3, 4, 5, 6, 7, 0, time.UTC)
	var docs []graph.Doc
	for i := range 40 {
		id := fmt.Sprintf("bulk-%02d", i)
		art := "article/" + id
		person := quad.IRI(fmt.Sprintf("person/p%d", i%6)) // shared across articles
		docs = append(docs, graph.Doc{ArticleID: id, Quads: []quad.Quad{
			{Subject: quad.IRI(art), Predicate: quad.IRI("type"), Object: quad.IRI("Article"), Label: quad.IRI(art)},
			{Subject: quad.IRI(art), Predicate: quad.IRI("date"), Object: quad.Time(when.AddDate(0, 0, i)), Label: quad.IRI(art)},
			{Subject: person, Predicate: quad.IRI("type"), Object: quad.IRI("Person"), Label: quad.IRI(art)},
			{Subject: person, Predicate: quad.IRI("name"), Object: quad.String(fmt.Sprintf("Person %d", i%6)), Label: quad.IRI(art)},
			{Subject: person, Predicate: quad.IRI("said"), Object: quad.IRI("quote/" + id), Label: quad.IRI(art + "#s1")},
			{Subject: quad.IRI("quote/" + id), Predicate: quad.IRI("text"), Object: quad.String("It\tis \"done\"\n" + id), Label: quad.IRI(art + "#s1")},
			{Subject: quad.IRI("quote/" + id), Predicate: quad.IRI("words"), Object: quad.Int(i * 7), Label: quad.IRI(art + "#s1")},
			{Subject: quad.IRI("quote/" + id), Predicate: quad.IRI("share"), Object: quad.Float(float64(i) / 3), Label: quad.IRI(art + "#s2")},
			{Subject: quad.IRI("quote/" + id), Predicate: quad.IRI("partial"), Object: quad.Bool(i%2 == 0), Label: quad.IRI(art + "#s2")},
			{Subject: quad.IRI("quote/" + id), Predicate: quad.IRI("lang"), Object: quad.LangString{Value: "oui", Lang: "fr"}, Label: quad.IRI(art + "#s2")},
			{Subject: quad.IRI("quote/" + id), Predicate: quad.IRI("typed"), Object: quad.TypedString{Value: "42", Type: "xsd:integer"}, Label: quad.IRI(art + "#s2")},
		}})
	}
	g := openT(t, graph.Postgres, oursURL)
	if _, err := g.LoadBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	r := g.Quads(ctx)
	all, err := quad.ReadAll(r)
	r.Close()
	if err != nil {
		t.Fatal(err)
	}

	if err := cgraph.InitQuadStore(graph.Postgres, theirsURL, nil); err != nil {
		t.Fatal(err)
	}
	qs, err := cgraph.NewQuadStore(graph.Postgres, theirsURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer qs.Close()
	w, err := qs.NewQuadWriter()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := quad.CopyBatch(w, quad.NewReader(all), 7); err != nil { // small batches: refs summed over transactions
		t.Fatal(err)
	}
	w.Close()

	for _, table := range []string{
		`SELECT encode(hash, 'hex'), refs, value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time FROM %s.nodes ORDER BY hash`,
		`SELECT encode(subject_hash, 'hex'), encode(predicate_hash, 'hex'), encode(object_hash, 'hex'), encode(label_hash, 'hex') FROM %s.quads ORDER BY 1, 2, 3, 4`,
	} {
		a, b := tableText(t, db, fmt.Sprintf(table, ours)), tableText(t, db, fmt.Sprintf(table, theirs))
		if a != b {
			t.Errorf("%s:\nnewsgraph wrote\n%s\nCayley wrote\n%s", table, a, b)
		}
		if len(a) == 0 {
			t.Errorf("%s: no rows", table)
		}
	}
}

// tableText renders a query's rows, one line each.
func tableText(t *testing.T, db *sql.DB, query string) string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteString(" | ")
			}
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprint(&b, v)
		}
		b.WriteByte('\n')
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
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
