package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"sort"
	"strings"
	"testing"
)

func TestQueryWhoSaidWhat(t *testing.T) {
	base := startServer(t)
	rows := gizmo(t, base, `g.V().Has("<type>", "<Person>").Tag("person").Out("<name>").Tag("name").
		Back("person").Out("<said>").Out("<text>").Tag("quote").All()`)
	// Cayley answers one row per path: compare as a set.
	set := map[string]bool{}
	for _, r := range rows {
		m := r.(map[string]any)
		set[m["name"].(string)+": "+m["quote"].(string)] = true
	}
	var got []string
	for k := range set {
		got = append(got, k)
	}
	sort.Strings(got)
	want := []string{
		"Maria Okafor: Integration will save money within five years.",
		"Maria Okafor: The boards have not delivered cleaner rivers",
		"Samuel Reyes: a leap in the dark",
		"Tom Hale: Integration of supply and sewage is overdue.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("who said what:\n got %q\nwant %q", got, want)
	}
}

func TestCayleyAnswers(t *testing.T) {
	base := startServer(t)
	tests := []struct {
		name, method, path, contentType, body string
		code                                  int
		want                                  string // a substring of the answer
	}{
		{"no language", "POST", "/api/v2/query", "", "g.V().All()", 400, `{"error": "query language not specified"}`},
		{"unknown language", "POST", "/api/v2/query?lang=sparql", "", "x", 400, `{"error": "unknown query language"}`},
		{"empty query", "POST", "/api/v2/query?lang=gizmo", "", "", 400, `{"error": "query is empty"}`},
		{"syntax error", "POST", "/api/v2/query?lang=gizmo", "", "g.V(", 400, `{"error": `},
		{"emit count", "POST", "/api/v2/query?lang=gizmo", "", `g.Emit(g.V("<person/maria-okafor>").Out("<said>").Count())`, 200, `{"result":[2]}`},
		{"get query", "GET", "/api/v2/query?lang=gizmo&qu=" + `g.V("<topic/integration>").Out("<name>").All()`, "", "", 200, `"id":"integration"`},
		{"mql", "POST", "/api/v2/query?lang=mql", "", `[{"id": "<person/tom-hale>", "<name>": null}]`, 200, `Tom Hale`},
		{"graphql", "POST", "/api/v2/query?lang=graphql", "", `{ nodes(id: "<person/tom-hale>") { name: <name> } }`, 200, `Tom Hale`},
		{"read filtered", "GET", "/api/v2/read?format=nquads&sub=<person/tom-hale>&pred=<name>", "", "", 200, `<person/tom-hale> <name> "Tom Hale" <article/a1> .`},
		{"read jsonld", "GET", "/api/v2/read?format=jsonld&sub=<person/tom-hale>&pred=<name>", "", "", 200, `"Tom Hale"`},
		{"formats", "GET", "/api/v2/formats", "", "", 200, `"id":"nquads"`},
		{"read-only write", "POST", "/api/v2/write", "application/n-quads", "<a> <b> <c> .", 403, `{"error": "database is read-only"}`},
		{"read-only delete", "POST", "/api/v2/delete", "application/n-quads", "<a> <b> <c> .", 403, `{"error": "database is read-only"}`},
		{"read-only ingest", "POST", "/api/v2/articles", "text/plain", "Headline\n\nBody.", 403, `{"error": "database is read-only"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, base+tt.path, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			code, body := do(t, http.DefaultClient, req)
			if code != tt.code || !strings.Contains(body, tt.want) {
				t.Errorf("%s %s: %d %s; want %d and %s", tt.method, tt.path, code, body, tt.code, tt.want)
			}
		})
	}
}

func TestReadAll(t *testing.T) {
	base := startServer(t)
	code, body := get(t, base+"/api/v2/read?format=nquads")
	if code != 200 {
		t.Fatalf("read: %d %s", code, body)
	}
	lines := strings.Split(strings.TrimSpace(body), "\n")
	if len(lines) != 93 {
		t.Errorf("read %d quads, want the fixture's 93", len(lines))
	}
	for _, l := range lines {
		if !strings.HasSuffix(l, "> .") {
			t.Errorf("quad without a label: %s", l)
		}
	}
}

func TestWritable(t *testing.T) {
	var got struct{ name, body string }
	ingest := func(ctx context.Context, name string, body []byte) (LoadFunc, error) {
		if strings.Contains(string(body), "fail") {
			return nil, errors.New("no facts in " + name)
		}
		got.name, got.body = name, string(body)
		return func(context.Context) (Summary, error) { return Summary{Article: "article/x1", Quads: 7}, nil }, nil
	}
	base := startServer(t, WithWritable(true), WithIngest(ingest))

	code, body := post(t, http.DefaultClient, base+"/api/v2/write", "application/n-quads",
		`<person/new-person> <name> "New Person" <article/x1> .`+"\n")
	if code != 200 || !strings.Contains(body, `"count": 1`) {
		t.Fatalf("write: %d %s", code, body)
	}
	if rows := gizmo(t, base, `g.V("New Person").In("<name>").All()`); len(rows) != 1 {
		t.Errorf("written quad not found: %v", rows)
	}
	code, body = post(t, http.DefaultClient, base+"/api/v2/delete", "application/n-quads",
		`<person/new-person> <name> "New Person" <article/x1> .`+"\n")
	if code != 200 || !strings.Contains(body, `"count": 1`) {
		t.Fatalf("delete: %d %s", code, body)
	}
	if rows := gizmo(t, base, `g.V("New Person").In("<name>").All()`); len(rows) != 0 {
		t.Errorf("deleted quad still found: %v", rows)
	}

	code, body = post(t, http.DefaultClient, base+"/api/v2/articles?name=x1.txt", "text/markdown", "Headline\n\nBody text.")
	var sum struct {
		Result  string `json:"result"`
		Count   int    `json:"count"`
		Article string `json:"article"`
	}
	if err := json.Unmarshal([]byte(body), &sum); code != 200 || err != nil {
		t.Fatalf("ingest: %d %s %v", code, body, err)
	}
	if sum.Count != 7 || sum.Article != "article/x1" || got.name != "x1.txt" || got.body != "Headline\n\nBody text." {
		t.Errorf("ingest: answer %+v, ingest saw %+v", sum, got)
	}
	code, body = post(t, http.DefaultClient, base+"/api/v2/articles?name=bad.txt", "text/markdown", "fail")
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, `{"error": "no facts in bad.txt"}`) {
		t.Errorf("failed ingest: %d %s", code, body)
	}
}

func TestNodeView(t *testing.T) {
	base := startServer(t)
	code, body := get(t, base+"/api/node?id=<person/tom-hale>")
	if code != 200 {
		t.Fatalf("node: %d %s", code, body)
	}
	var nb Neighbourhood
	if err := json.Unmarshal([]byte(body), &nb); err != nil {
		t.Fatal(err)
	}
	focus := nb.Nodes[0]
	if focus.Type != "Person" || focus.Name != "Tom Hale" || focus.Props["role"][0] != "chair of the Water Users Council" {
		t.Errorf("focus node: %+v", focus)
	}
	var said *Edge
	for i, e := range nb.Edges {
		if e.Predicate == "said" {
			said = &nb.Edges[i]
		}
		if e.Predicate == "type" {
			t.Errorf("type drawn as an edge: %+v", e)
		}
	}
	if said == nil || said.Target != "<quote/a1/0002>" || said.Label != "<article/a1#s3>" {
		t.Fatalf("said edge: %+v in %+v", said, nb.Edges)
	}
	src := nb.Sources[said.Label]
	if src.Article != "<article/a1>" || src.Headline != "Regional water boards to be abolished" || !strings.Contains(src.Sentence, "Integration of supply") {
		t.Errorf("source of %s: %+v", said.Label, src)
	}
	names := map[string]string{}
	for _, n := range nb.Nodes {
		names[n.ID] = n.Type + ":" + n.Name
	}
	if names["<org/water-users-council>"] != "Organization:Water Users Council" {
		t.Errorf("neighbour nodes: %v", names)
	}

	if code, body := get(t, base+"/api/node?id=<person/nobody>"); code != 404 || !strings.Contains(body, `"error"`) {
		t.Errorf("missing node: %d %s", code, body)
	}
}

func TestSubgraph(t *testing.T) {
	base := startServer(t)
	code, body := post(t, http.DefaultClient, base+"/api/subgraph", "application/json",
		`{"ids": ["<person/samuel-reyes>", "<quote/b2/0001>", "<topic/integration>", "<nothing>"]}`)
	if code != 200 {
		t.Fatalf("subgraph: %d %s", code, body)
	}
	var nb Neighbourhood
	if err := json.Unmarshal([]byte(body), &nb); err != nil {
		t.Fatal(err)
	}
	var edges []string
	for _, e := range nb.Edges {
		edges = append(edges, e.Source+" "+e.Predicate+" "+e.Target)
	}
	want := []string{"<person/samuel-reyes> said <quote/b2/0001>", "<quote/b2/0001> about <topic/integration>"}
	if strings.Join(edges, "|") != strings.Join(want, "|") {
		t.Errorf("edges %q, want %q", edges, want)
	}
	// <nothing> is in no quad: no node.
	if len(nb.Nodes) != 3 || nb.Nodes[1].Type != "Quotation" || nb.Nodes[1].Props["text"][0] != "a leap in the dark" {
		t.Errorf("nodes: %+v", nb.Nodes)
	}
}

func TestExplorerPage(t *testing.T) {
	base := startServer(t)
	code, body := get(t, base+"/")
	if code != 200 || !strings.Contains(body, "<title>newsgraph") {
		t.Errorf("explorer page: %d %.200s", code, body)
	}
}

// The canned questions answer through Cayley's endpoint as they do in Go.
func TestCannedOverHTTP(t *testing.T) {
	base := startServer(t)
	code, body := get(t, base+"/api/canned")
	if code != 200 {
		t.Fatalf("canned: %d %s", code, body)
	}
	var qs []struct {
		Name, Arg, Gizmo string
	}
	if err := json.Unmarshal([]byte(body), &qs); err != nil || len(qs) != 3 {
		t.Fatalf("canned: %v %s", err, body)
	}
	for _, q := range qs {
		rows := gizmo(t, base, q.Gizmo)
		if len(rows) == 0 {
			t.Errorf("%s %q: no rows", q.Name, q.Arg)
		}
		for _, r := range rows {
			if src, _ := r.(map[string]any)["source"].(string); !strings.HasPrefix(src, "<article/") {
				t.Errorf("%s: row without a source: %v", q.Name, r)
			}
		}
	}
	code, body = get(t, base+"/api/canned?name=who-said&arg=integration")
	if code != 200 || !strings.Contains(body, `var ARG = \"integration\";`) {
		t.Errorf("one canned question: %d %.300s", code, body)
	}
	if code, _ := get(t, base+"/api/canned?name=nope"); code != 404 {
		t.Errorf("unknown canned question: %d", code)
	}
}
