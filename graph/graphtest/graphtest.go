// Package graphtest is the conformance suite every newsgraph store backend
// runs: loading with provenance, idempotent and changed reloads, deletion,
// Gizmo queries, the quad stream and bad input. It uses small hand-made
// quads, so it tests the store and not the extractor.
//
//	func TestBolt(t *testing.T) {
//		graphtest.Run(t, func(t *testing.T) *graph.Graph {
//			g, err := graph.Open(context.Background(), graph.Bolt, t.TempDir())
//			if err != nil {
//				t.Fatal(err)
//			}
//			t.Cleanup(func() { g.Close() })
//			return g
//		})
//	}
package graphtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Open returns a new, empty graph and arranges for it to be closed when the
// test ends. Run calls it once or more per subtest.
type Open func(t *testing.T) *graph.Graph

// Run runs the suite against the graphs open makes.
func Run(t *testing.T, open Open) {
	tests := []struct {
		name string
		fn   func(*testing.T, Open)
	}{
		{"Load", testLoad},
		{"ReloadUnchanged", testReloadUnchanged},
		{"ReloadWithoutHash", testReloadWithoutHash},
		{"ReloadChanged", testReloadChanged},
		{"BatchRepeatsArticle", testBatchRepeatsArticle},
		{"BatchMany", testBatchMany},
		{"Delete", testDelete},
		{"ResumePartial", testResumePartial},
		{"Query", testQuery},
		{"QueryShapes", testQueryShapes},
		{"QueryErrors", testQueryErrors},
		{"Overview", testOverview},
		{"QuadsLabelled", testQuadsLabelled},
		{"BadInput", testBadInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open) })
	}
}

func iri(s string) quad.IRI { return quad.IRI(s) }

// q makes a quad; object strings in "<…>" are IRIs, others literals.
func q(s, p, o, label string) quad.Quad {
	var obj quad.Value = quad.String(o)
	if strings.HasPrefix(o, "<") && strings.HasSuffix(o, ">") {
		obj = iri(o[1 : len(o)-1])
	}
	return quad.Quad{Subject: iri(s), Predicate: iri(p), Object: obj, Label: iri(label)}
}

// docA: a minister, her department and a quotation. Sentence 2 is used but
// not declared, which Load must make up for.
func docA() graph.Doc {
	return graph.Doc{ArticleID: "a", Hash: "hash-a1", Quads: []quad.Quad{
		q("article/a", "type", "<Article>", "article/a"),
		q("article/a", "headline", "Boards to go", "article/a"),
		q("article/a#s1", "sentence_of", "<article/a>", "article/a"),
		q("person/ann-smith", "type", "<Person>", "article/a"),
		q("person/ann-smith", "name", "Ann Smith", "article/a"),
		q("person/ann-smith", "mentioned_in", "<article/a>", "article/a"),
		q("org/health-department", "type", "<Organization>", "article/a"),
		q("org/health-department", "name", "Health Department", "article/a"),
		q("person/ann-smith", "role", "health minister", "article/a#s1"),
		q("person/ann-smith", "minister_of", "<org/health-department>", "article/a#s1"),
		q("quote/a/1", "type", "<Quotation>", "article/a#s2"),
		q("quote/a/1", "text", "We will abolish the boards.", "article/a#s2"),
		q("person/ann-smith", "said", "<quote/a/1>", "article/a#s2"),
	}}
}

// docA2 is article a rewritten: the role and the first quotation are gone,
// a new quotation arrives.
func docA2() graph.Doc {
	return graph.Doc{ArticleID: "a", Hash: "hash-a2", Quads: []quad.Quad{
		q("article/a", "type", "<Article>", "article/a"),
		q("article/a", "headline", "Boards to go, says minister", "article/a"),
		q("person/ann-smith", "type", "<Person>", "article/a"),
		q("person/ann-smith", "name", "Ann Smith", "article/a"),
		q("person/ann-smith", "mentioned_in", "<article/a>", "article/a"),
		q("quote/a/2", "type", "<Quotation>", "article/a#s3"),
		q("quote/a/2", "text", "The boards have had their day.", "article/a#s3"),
		q("person/ann-smith", "said", "<quote/a/2>", "article/a#s3"),
	}}
}

// docB: a second article supporting some of the same facts as a.
func docB() graph.Doc {
	return graph.Doc{ArticleID: "b", Hash: "hash-b1", Quads: []quad.Quad{
		q("article/b", "type", "<Article>", "article/b"),
		q("article/b#s1", "sentence_of", "<article/b>", "article/b"),
		q("article/b#s2", "sentence_of", "<article/b>", "article/b"),
		q("person/ann-smith", "type", "<Person>", "article/b"),
		q("person/ann-smith", "name", "Ann Smith", "article/b"),
		q("person/bob-jones", "type", "<Person>", "article/b"),
		q("person/bob-jones", "name", "Bob Jones", "article/b"),
		q("person/ann-smith", "role", "health minister", "article/b#s1"),
		q("quote/b/1", "type", "<Quotation>", "article/b#s2"),
		q("quote/b/1", "text", "This is a mistake.", "article/b#s2"),
		q("person/bob-jones", "said", "<quote/b/1>", "article/b#s2"),
		q("person/bob-jones", "opposes", "<reform/abolition-of-boards>", "article/b#s2"),
	}}
}

// Dump returns the graph's quads as sorted N-Quads lines: two graphs holding
// the same quads dump the same, whatever order their backends keep.
func Dump(t testing.TB, g *graph.Graph) string {
	t.Helper()
	r := g.Quads(context.Background())
	defer r.Close()
	var lines []string
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("read quads: %v", err)
		}
		lines = append(lines, q.NQuad())
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func load(t *testing.T, g *graph.Graph, docs ...graph.Doc) []graph.LoadResult {
	t.Helper()
	res, err := g.LoadBatch(context.Background(), docs)
	if err != nil {
		t.Fatalf("LoadBatch: %v", err)
	}
	return res
}

func stats(t *testing.T, g *graph.Graph) graph.Stats {
	t.Helper()
	st, err := g.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

// fresh is what a store holding exactly docs looks like.
func fresh(t *testing.T, open Open, docs ...graph.Doc) (string, graph.Stats) {
	t.Helper()
	g := open(t)
	if len(docs) > 0 {
		load(t, g, docs...)
	}
	return Dump(t, g), stats(t, g)
}

func sameStore(t *testing.T, g *graph.Graph, open Open, docs ...graph.Doc) {
	t.Helper()
	wantDump, wantStats := fresh(t, open, docs...)
	if got := Dump(t, g); got != wantDump {
		t.Errorf("store differs from a fresh load of the same articles:\ngot:\n%s\n\nwant:\n%s", got, wantDump)
	}
	if got := stats(t, g); got != wantStats {
		t.Errorf("Stats = %+v, want %+v (a fresh load of the same articles)", got, wantStats)
	}
}

func testLoad(t *testing.T, open Open) {
	g := open(t)
	a, b := docA(), docB()
	res := load(t, g, a, b)
	// a gains a declaration for s2; both gain their hash quad.
	want := []graph.LoadResult{
		{ArticleID: "a", Status: graph.Added, Quads: len(a.Quads) + 2, Added: len(a.Quads) + 2},
		{ArticleID: "b", Status: graph.Added, Quads: len(b.Quads) + 1, Added: len(b.Quads) + 1},
	}
	for i := range want {
		if res[i] != want[i] {
			t.Errorf("result %d = %+v, want %+v", i, res[i], want[i])
		}
	}
	st := stats(t, g)
	if st.Quads != int64(len(a.Quads)+len(b.Quads)+3) || st.Articles != 2 {
		t.Errorf("Stats = %+v, want %d quads and 2 articles", st, len(a.Quads)+len(b.Quads)+3)
	}
	dump := Dump(t, g)
	for _, line := range []string{
		`<article/a#s2> <sentence_of> <article/a> <article/a> .`,
		`<article/a> <content_hash> "hash-a1" <article/a> .`,
		`<article/b> <content_hash> "hash-b1" <article/b> .`,
		`<person/ann-smith> <name> "Ann Smith" <article/a> .`,
		`<person/ann-smith> <name> "Ann Smith" <article/b> .`,
	} {
		if !strings.Contains(dump, line) {
			t.Errorf("store lacks %s", line)
		}
	}
	for id, want := range map[string]string{"a": "hash-a1", "b": "hash-b1"} {
		h, ok, err := g.ArticleHash(context.Background(), id)
		if err != nil || !ok || h != want {
			t.Errorf("ArticleHash(%s) = %q, %v, %v; want %q", id, h, ok, err, want)
		}
	}
	if _, ok, err := g.ArticleHash(context.Background(), "missing"); ok || err != nil {
		t.Errorf("ArticleHash(missing) = _, %v, %v; want false, nil", ok, err)
	}
}

func testReloadUnchanged(t *testing.T, open Open) {
	g := open(t)
	load(t, g, docA(), docB())
	before, beforeStats := Dump(t, g), stats(t, g)
	for _, r := range load(t, g, docA(), docB()) {
		if r.Status != graph.Skipped || r.Added != 0 || r.Removed != 0 {
			t.Errorf("reload %s = %+v, want skipped and nothing written", r.ArticleID, r)
		}
	}
	if got := Dump(t, g); got != before {
		t.Errorf("reloading changed the store:\n%s\nwant:\n%s", got, before)
	}
	if got := stats(t, g); got != beforeStats {
		t.Errorf("reloading changed Stats: %+v, want %+v", got, beforeStats)
	}
}

func testReloadWithoutHash(t *testing.T, open Open) {
	g := open(t)
	a := docA()
	a.Hash = ""
	if r := load(t, g, a)[0]; r.Status != graph.Added {
		t.Fatalf("first load = %+v, want added", r)
	}
	h, ok, err := g.ArticleHash(context.Background(), "a")
	if err != nil || !ok || h == "" {
		t.Fatalf("ArticleHash = %q, %v, %v; want a hash of the quads", h, ok, err)
	}
	before := Dump(t, g)
	if r := load(t, g, a)[0]; r.Status != graph.Skipped {
		t.Errorf("same quads again = %+v, want skipped", r)
	}
	if Dump(t, g) != before {
		t.Errorf("reloading the same quads changed the store")
	}
	// A hash carried by the quads themselves counts as the doc's.
	b := docB()
	b.Hash = ""
	b.Quads = append(b.Quads, q("article/b", "content_hash", "from-quads", "article/b"))
	load(t, g, b)
	if h, _, _ := g.ArticleHash(context.Background(), "b"); h != "from-quads" {
		t.Errorf("ArticleHash(b) = %q, want the content_hash quad's value", h)
	}
}

func testReloadChanged(t *testing.T, open Open) {
	g := open(t)
	load(t, g, docA(), docB())
	r := load(t, g, docA2())[0]
	if r.Status != graph.Replaced || r.Added == 0 || r.Removed == 0 {
		t.Errorf("changed reload = %+v, want replaced with quads added and removed", r)
	}
	// Exactly a fresh store of b and the new a: nothing of the old a left,
	// nothing of b lost, no node left without a quad.
	sameStore(t, g, open, docB(), docA2())
	dump := Dump(t, g)
	for _, gone := range []string{"We will abolish the boards.", "<quote/a/1>", "<article/a#s2>", "hash-a1"} {
		if strings.Contains(dump, gone) {
			t.Errorf("old article a's %s is still in the store", gone)
		}
	}
	for _, kept := range []string{
		`<person/ann-smith> <role> "health minister" <article/b#s1> .`,
		`<person/ann-smith> <name> "Ann Smith" <article/b> .`,
	} {
		if !strings.Contains(dump, kept) {
			t.Errorf("article b's %s was lost", kept)
		}
	}
	// And back again.
	load(t, g, docA())
	sameStore(t, g, open, docA(), docB())
}

func testBatchRepeatsArticle(t *testing.T, open Open) {
	g := open(t)
	res := load(t, g, docA(), docB(), docA2())
	got := []graph.Status{res[0].Status, res[1].Status, res[2].Status}
	want := []graph.Status{graph.Added, graph.Added, graph.Replaced}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("statuses = %v, want %v", got, want)
	}
	sameStore(t, g, open, docB(), docA2())
}

// manyDocs makes n small articles sharing their people, as a corpus does.
func manyDocs(n int, version string) []graph.Doc {
	docs := make([]graph.Doc, n)
	for i := range docs {
		id := fmt.Sprintf("many-%03d", i)
		art := "article/" + id
		person := fmt.Sprintf("person/p%d", i%7)
		docs[i] = graph.Doc{ArticleID: id, Hash: version + id, Quads: []quad.Quad{
			q(art, "type", "<Article>", art),
			q(person, "type", "<Person>", art),
			q(person, "name", fmt.Sprintf("Person %d", i%7), art),
			q(person, "said", "<quote/"+id+">", art+"#s1"),
			q("quote/"+id, "text", "words "+version+id, art+"#s1"),
		}}
	}
	return docs
}

func testBatchMany(t *testing.T, open Open) {
	g := open(t)
	docs := manyDocs(120, "v1-")
	for _, r := range load(t, g, docs...) {
		if r.Status != graph.Added {
			t.Fatalf("%s = %+v, want added", r.ArticleID, r)
		}
	}
	if st := stats(t, g); st.Articles != 120 || st.Quads != 120*7 {
		t.Errorf("Stats = %+v, want 120 articles and %d quads", st, 120*7)
	}
	for _, r := range load(t, g, docs...) {
		if r.Status != graph.Skipped {
			t.Fatalf("%s reloaded = %+v, want skipped", r.ArticleID, r)
		}
	}
	// Change every third article.
	changed := manyDocs(120, "v2-")
	mixed := append([]graph.Doc(nil), docs...)
	for i := 0; i < len(mixed); i += 3 {
		mixed[i] = changed[i]
	}
	n := 0
	for _, r := range load(t, g, mixed...) {
		if r.Status == graph.Replaced {
			n++
		}
	}
	if n != 40 {
		t.Errorf("%d articles replaced, want 40", n)
	}
	sameStore(t, g, open, mixed...)
}

func testDelete(t *testing.T, open Open) {
	g := open(t)
	load(t, g, docA(), docB())
	ctx := context.Background()
	n, err := g.Delete(ctx, "a")
	if err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if want := len(docA().Quads) + 2; n != want {
		t.Errorf("Delete removed %d quads, want %d", n, want)
	}
	sameStore(t, g, open, docB())
	if n, err := g.Delete(ctx, "a"); n != 0 || err != nil {
		t.Errorf("second Delete = %d, %v; want 0, nil", n, err)
	}
	if _, ok, _ := g.ArticleHash(ctx, "a"); ok {
		t.Errorf("deleted article still has a hash")
	}
	// Deleted articles load as new.
	if r := load(t, g, docA())[0]; r.Status != graph.Added {
		t.Errorf("load after delete = %+v, want added", r)
	}
	sameStore(t, g, open, docA(), docB())
	if _, err := g.Delete(ctx, ""); err == nil {
		t.Errorf("Delete of an empty ID succeeded")
	}
}

// testResumePartial stands for a load killed half-way: some of an article's
// quads, its sentence declarations first, but not its content hash. Loading
// the article again must end in the store a clean load makes.
func testResumePartial(t *testing.T, open Open) {
	g := open(t)
	load(t, g, docB())
	partial := []quad.Quad{
		q("article/a", "type", "<Article>", "article/a"),
		q("article/a#s1", "sentence_of", "<article/a>", "article/a"),
		q("article/a#s9", "sentence_of", "<article/a>", "article/a"),
		q("person/ann-smith", "role", "stale role", "article/a#s1"),
		q("person/ann-smith", "said", "<quote/a/stale>", "article/a#s9"),
	}
	if err := g.Handle().AddQuadSet(partial); err != nil {
		t.Fatalf("write partial article: %v", err)
	}
	if r := load(t, g, docA())[0]; r.Status != graph.Replaced {
		t.Errorf("load over a partial article = %+v, want replaced", r)
	}
	sameStore(t, g, open, docA(), docB())
}

func testQuery(t *testing.T, open Open) {
	g := open(t)
	load(t, g, docA(), docB())
	ctx := context.Background()
	res, err := g.Query(ctx, "gizmo",
		`g.V().Has("<type>", "<Person>").Unique().Tag("speaker").Out("<said>").Out("<text>").Unique().All()`)
	if err != nil {
		t.Fatalf("Query: %v", err)
	}
	got := jsonLines(t, res)
	want := []string{
		`{"id":"This is a mistake.","speaker":"<person/bob-jones>"}`,
		`{"id":"We will abolish the boards.","speaker":"<person/ann-smith>"}`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("speakers and quotes = %v, want %v", got, want)
	}

	// Names are one node however many articles state them.
	res, err = g.Query(ctx, "", `g.V().Has("<type>", "<Person>").Out("<name>").Unique().All()`)
	if err != nil {
		t.Fatalf("Query: %v", err)
	}
	if got, want := jsonLines(t, res), []string{`{"id":"Ann Smith"}`, `{"id":"Bob Jones"}`}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("people = %v, want %v", got, want)
	}

	res, err = g.Query(ctx, "gizmo", `g.V().Has("<type>", "<Person>").Unique().All()`, graph.WithLimit(1))
	if err != nil || len(res) != 1 {
		t.Errorf("WithLimit(1): %d results, %v; want 1", len(res), err)
	}
	res, err = g.Query(ctx, "gizmo", `g.Emit(g.V().Has("<type>", "<Quotation>").Unique().Count())`)
	if err != nil || fmt.Sprint(res) != "[2]" {
		t.Errorf("count of quotations = %v, %v; want [2]", res, err)
	}
	res, err = g.Query(ctx, "gizmo", `g.V("<person/nobody>").Out("<name>").All()`)
	if err != nil || res == nil || len(res) != 0 {
		t.Errorf("query with no answers = %#v, %v; want an empty slice", res, err)
	}
}

// shapeQueries step from fixed nodes along fixed predicates and labels, in
// the combinations a store may read from an index by prefix (bolt does:
// graph/prefix_scan.go), and in some it may not.
var shapeQueries = []string{
	`g.V("<person/ann-smith>").Out("<name>").All()`,
	`g.V("<person/ann-smith>").Out("<role>").All()`,
	`g.V("<org/health-department>").In("<minister_of>").All()`,
	`g.V("<article/a>").In("<sentence_of>").All()`,
	`g.V("<person/ann-smith>").LabelContext("<article/a#s1>").Out("<role>").All()`,
	`g.V("<person/ann-smith>").LabelContext("<article/b#s2>").Out("<role>").All()`,
	`g.V("<person/ann-smith>").LabelContext("<article/a>").Out("<name>").All()`,
	`g.V("<person/ann-smith>").LabelContext("<article/a>").In().All()`,
	`g.V("<person/ann-smith>").LabelContext(g.V(), "source").Out("<role>").All()`,
	`g.V("<person/ann-smith>", "<person/bob-jones>").Out("<said>").All()`,
	`g.V("<person/ann-smith>").Out(["<said>", "<name>"]).All()`,
	`g.V("<person/ann-smith>").Out("<said>").Out("<text>").All()`,
	`g.V("<person/ann-smith>").OutPredicates().All()`,
	`g.V().Has("<name>", "Ann Smith").All()`,
	`g.V().Has("<type>", "<Person>").Has("<name>", "Bob Jones").All()`,
	`g.V("<reform/abolition-of-boards>").In("<opposes>").Tag("who").Out("<name>").All()`,
	`g.V("<person/nobody>").In("<said>").All()`,
	`g.V("<person/ann-smith>").Out("<nothing>").All()`,
}

// testQueryShapes requires the store to answer shapeQueries as the memory
// store, Cayley's reference, does.
func testQueryShapes(t *testing.T, open Open) {
	ctx := context.Background()
	ref, err := graph.Open(ctx, graph.Memory, "")
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	load(t, ref, docA(), docB())
	g := open(t)
	load(t, g, docA(), docB())
	for _, q := range shapeQueries {
		want, err := ref.Query(ctx, "gizmo", q)
		if err != nil {
			t.Fatalf("memory store: %s: %v", q, err)
		}
		got, err := g.Query(ctx, "gizmo", q)
		if err != nil {
			t.Errorf("%s: %v", q, err)
			continue
		}
		if g, w := jsonLines(t, got), jsonLines(t, want); fmt.Sprint(g) != fmt.Sprint(w) {
			t.Errorf("%s\n got  %v\n want %v (the memory store's)", q, g, w)
		}
	}
}

func jsonLines(t *testing.T, res []any) []string {
	t.Helper()
	var out []string
	for _, r := range res {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("result %v is not JSON: %v", r, err)
		}
		out = append(out, strings.NewReplacer(`\u003c`, "<", `\u003e`, ">").Replace(string(b)))
	}
	sort.Strings(out)
	return out
}

func testQueryErrors(t *testing.T, open Open) {
	g := open(t)
	ctx := context.Background()
	if _, err := g.Query(ctx, "gizmo", `g.V(.All(`); err == nil {
		t.Errorf("a syntax error gave no error")
	}
	if _, err := g.Query(ctx, "no-such-language", `g.V().All()`); err == nil {
		t.Errorf("an unknown language gave no error")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := g.Query(cctx, "gizmo", `g.V().All()`); !errors.Is(err, context.Canceled) {
		t.Errorf("query with a cancelled context: %v, want context.Canceled", err)
	}
}

func testOverview(t *testing.T, open Open) {
	g := open(t)
	ctx := context.Background()
	o, err := g.Overview(ctx, 5)
	if err != nil || o.People != 0 || len(o.TopSpeakers) != 0 {
		t.Errorf("Overview of an empty graph = %+v, %v", o, err)
	}
	a2 := docA2()
	a2.Quads = append(a2.Quads,
		q("quote/a/3", "type", "<Quotation>", "article/a#s4"),
		q("person/ann-smith", "said", "<quote/a/3>", "article/a#s4"),
		q("person/ann-smith", "said", "<quote/a/3>", "article/a#s5"),     // the same quotation twice
		q("person/ann-smith", "said", "<statement/a/1>", "article/a#s5"), // not a quotation
		q("reform/abolition-of-boards", "type", "<Reform>", "article/a"),
	)
	load(t, g, a2, docB())
	o, err = g.Overview(ctx, 1)
	if err != nil {
		t.Fatalf("Overview: %v", err)
	}
	want := graph.Overview{People: 2, Quotations: 3, Reforms: 1,
		TopSpeakers: []graph.Speaker{{IRI: "person/ann-smith", Name: "Ann Smith", Quotations: 2}}}
	if fmt.Sprintf("%+v", o) != fmt.Sprintf("%+v", want) {
		t.Errorf("Overview = %+v, want %+v", o, want)
	}
	o, _ = g.Overview(ctx, 5)
	if len(o.TopSpeakers) != 2 || o.TopSpeakers[1].Name != "Bob Jones" || o.TopSpeakers[1].Quotations != 1 {
		t.Errorf("top speakers = %+v, want Ann Smith (2) then Bob Jones (1)", o.TopSpeakers)
	}
}

func testQuadsLabelled(t *testing.T, open Open) {
	g := open(t)
	load(t, g, docA(), docB())
	r := g.Quads(context.Background())
	defer r.Close()
	n := 0
	for {
		qd, err := r.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("ReadQuad: %v", err)
		}
		n++
		l, ok := qd.Label.(quad.IRI)
		if !ok {
			t.Errorf("quad without an IRI label: %s", qd.NQuad())
			continue
		}
		if a := schema.ArticleOf(l); a != "article/a" && a != "article/b" {
			t.Errorf("quad labelled %s, not with an article: %s", l, qd.NQuad())
		}
	}
	if st := stats(t, g); int64(n) != st.Quads {
		t.Errorf("streamed %d quads, Stats says %d", n, st.Quads)
	}
}

func testBadInput(t *testing.T, open Open) {
	g := open(t)
	good := q("article/x", "type", "<Article>", "article/x")
	tests := []struct {
		name string
		doc  graph.Doc
	}{
		{"no article ID", graph.Doc{Quads: []quad.Quad{good}}},
		{"fragment in ID", graph.Doc{ArticleID: "x#s1", Quads: []quad.Quad{good}}},
		{"space in ID", graph.Doc{ArticleID: "x y", Quads: []quad.Quad{good}}},
		{"no label", graph.Doc{ArticleID: "x", Quads: []quad.Quad{{Subject: iri("s"), Predicate: iri("p"), Object: iri("o")}}}},
		{"other article's label", graph.Doc{ArticleID: "x", Quads: []quad.Quad{q("s", "p", "o", "article/y")}}},
		{"prefix-sharing article's label", graph.Doc{ArticleID: "x", Quads: []quad.Quad{q("s", "p", "o", "article/xy")}}},
		{"empty fragment", graph.Doc{ArticleID: "x", Quads: []quad.Quad{q("s", "p", "o", "article/x#")}}},
		{"literal label", graph.Doc{ArticleID: "x", Quads: []quad.Quad{{Subject: iri("s"), Predicate: iri("p"), Object: iri("o"), Label: quad.String("article/x")}}}},
		{"no object", graph.Doc{ArticleID: "x", Quads: []quad.Quad{{Subject: iri("s"), Predicate: iri("p"), Label: iri("article/x")}}}},
		{"no subject", graph.Doc{ArticleID: "x", Quads: []quad.Quad{{Predicate: iri("p"), Object: iri("o"), Label: iri("article/x")}}}},
	}
	ctx := context.Background()
	for _, tt := range tests {
		if err := tt.doc.Validate(); err == nil {
			t.Errorf("%s: Validate accepted it", tt.name)
		}
		// One bad doc fails the batch before anything is written.
		if _, err := g.LoadBatch(ctx, []graph.Doc{docB(), tt.doc}); err == nil {
			t.Errorf("%s: LoadBatch accepted it", tt.name)
		}
	}
	if st := stats(t, g); st.Quads != 0 {
		t.Errorf("failed batches wrote %d quads", st.Quads)
	}
	if err := docA().Validate(); err != nil {
		t.Errorf("Validate(docA) = %v", err)
	}
}
