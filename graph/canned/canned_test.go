package canned

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	ngraph "github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/questions"
	"github.com/newsgraph/newsgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden tables in testdata/")

// The hand-made graph the server tests use too: two articles, three people,
// four quotations, a reform.
const fixture = "../server/testdata/fixture.nq"

func fixtureStore(t testing.TB) graph.QuadStore {
	t.Helper()
	f, err := os.Open(fixture)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs := memstore.New()
	w, err := qs.NewQuadWriter()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := quad.Copy(w, nquads.NewReader(f, false)); err != nil {
		t.Fatalf("load %s: %v", fixture, err)
	}
	return qs
}

func TestQuestionsGolden(t *testing.T) {
	qs := fixtureStore(t)
	tests := []struct{ question, arg, golden string }{
		{"who-said", "integration", "who-said-integration"},
		{"who-said", "Integration", "who-said-integration"}, // the minted IRI ignores case
		{"who-said", "water", "who-said-water"},             // no such IRI or name: matched in topic names
		{"roles", "Maria Okafor", "roles-maria-okafor"},
		{"roles", "Okafor", "roles-maria-okafor"}, // an alias
		{"roles", "Tom Hale", "roles-tom-hale"},
		{"reforms", "regional water boards", "reforms-regional-water-boards"},
		{"reforms", "regional water board", "reforms-regional-water-boards"}, // singular: name match
		{"reforms", "national water agency", "reforms-national-water-agency"},
		{"reforms", "Department of Environment", "reforms-department-of-environment"},
		{"roles", "Nobody Atall", "empty"},
	}
	written := map[string]bool{} // with -update, the first test of a golden file writes it
	for _, tt := range tests {
		t.Run(tt.question+"/"+tt.arg, func(t *testing.T) {
			q, ok := Lookup(tt.question)
			if !ok {
				t.Fatalf("no question %s", tt.question)
			}
			rows, err := Run(context.Background(), qs, q, tt.arg)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := WriteTable(&buf, q, rows); err != nil {
				t.Fatal(err)
			}
			golden := "testdata/" + tt.golden + ".txt"
			if tt.golden == "empty" {
				if len(rows) != 0 {
					t.Errorf("rows for an unknown argument: %v", rows)
				}
				return
			}
			if *update && !written[golden] {
				written[golden] = true
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if buf.String() != string(want) {
				t.Errorf("%s %q:\n%s\nwant (%s):\n%s", tt.question, tt.arg, buf.String(), golden, want)
			}
			for _, r := range rows {
				if !strings.HasPrefix(r["source"], "<article/") || r["article"] == "" {
					t.Errorf("row without a source: %v", r)
				}
			}
		})
	}
}

// fixtureGraph is a memory graph holding testdata/fixture.nq, loaded
// article by article.
func fixtureGraph(t testing.TB) *ngraph.Graph {
	t.Helper()
	ctx := context.Background()
	f, err := os.Open(fixture)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	byArticle := map[string][]quad.Quad{}
	var order []string
	r := nquads.NewReader(f, false)
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		label, _ := q.Label.(quad.IRI)
		id := strings.TrimPrefix(string(schema.ArticleOf(label)), "article/")
		if _, ok := byArticle[id]; !ok {
			order = append(order, id)
		}
		byArticle[id] = append(byArticle[id], q)
	}
	g, err := ngraph.Open(ctx, ngraph.Memory, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	var docs []ngraph.Doc
	for _, id := range order {
		docs = append(docs, ngraph.Doc{ArticleID: id, Quads: byArticle[id]})
	}
	if _, err := g.LoadBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestTyped(t *testing.T) {
	qs := fixtureGraph(t)
	ctx := context.Background()
	quotes, err := WhoSaid(ctx, qs, "integration")
	if err != nil {
		t.Fatal(err)
	}
	if len(quotes) != 3 {
		t.Fatalf("quotes about integration: %+v", quotes)
	}
	// The quotations come as the store lists them: loaded from a1, then b2.
	if quotes[0].SpeakerName != "Tom Hale" || quotes[0].Label != "<article/a1#s3>" {
		t.Errorf("first quote: %+v", quotes[0])
	}
	q := quotes[2]
	if q.SpeakerName != "Maria Okafor" || q.Label != "<article/b2#s2>" || q.Article != "<article/b2>" ||
		q.Headline != "Water agency plan draws fire from boards" || q.Text != "Integration will save money within five years." {
		t.Errorf("last quote: %+v", q)
	}
	roles, err := Roles(ctx, qs, "tom hale")
	if err != nil {
		t.Fatal(err)
	}
	if len(roles) != 1 || roles[0].Role != "chair of the Water Users Council" || roles[0].OrganisationName != "Water Users Council" ||
		roles[0].Relation != "<chair_of>" || roles[0].Label != "<article/a1#s3>" {
		t.Errorf("roles of Tom Hale: %+v", roles)
	}
	effects, err := Reforms(ctx, qs, "RWB")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, e := range effects {
		kinds[e.Kind] = true
	}
	if len(effects) != 3 || !kinds["abolition"] || !kinds["replaced_by"] {
		t.Errorf("reforms affecting RWB: %+v", effects)
	}

	// Nothing to ask about is an error naming the nearest names; nothing
	// to say about it, no rows.
	_, err = Roles(ctx, qs, "Tom Hael")
	var nf *questions.NotFoundError
	if !errors.As(err, &nf) || len(nf.Suggestions) == 0 || nf.Suggestions[0].Name != "Tom Hale" {
		t.Errorf("Roles(Tom Hael): %v; want not found, suggesting Tom Hale", err)
	}
	if _, err := WhoSaid(ctx, qs, "Tom Hale"); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("WhoSaid(a person): %v; want not found", err)
	}
}

func TestHostileArgument(t *testing.T) {
	qs := fixtureStore(t)
	for _, arg := range []string{`"); while(true){} ("`, "\u2028", `\`, "(", ".*", "</script>"} {
		for _, q := range Questions() {
			if _, err := Run(context.Background(), qs, q, arg); err != nil {
				t.Errorf("%s %q: %v", q.Name, arg, err)
			}
		}
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	q, _ := Lookup("who-said")
	if _, err := Run(ctx, fixtureStore(t), q, "integration"); err == nil {
		t.Error("a cancelled run answered")
	}
}

func TestExampleArg(t *testing.T) {
	qs := fixtureStore(t)
	for _, q := range Questions() {
		arg := ExampleArg(context.Background(), qs, q)
		rows, err := Run(context.Background(), qs, q, arg)
		if err != nil || len(rows) == 0 {
			t.Errorf("%s %q: %d rows, %v", q.Name, arg, len(rows), err)
		}
	}
	if arg := ExampleArg(context.Background(), memstore.New(), cannedQuestions[0]); arg != cannedQuestions[0].Example {
		t.Errorf("example from an empty store: %q", arg)
	}
}
