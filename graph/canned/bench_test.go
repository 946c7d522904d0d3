package canned

import (
	"context"
	"fmt"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// synthetic is a news graph of n articles in the shape the extractor
// writes: each article quotes three of 500 people on one of 50 topics,
// gives two of them a role at one of 200 organisations, and reports a reform
// of one organisation, which the third person opposes and the first backs
// along with the topic; the third also opposes an overhaul of organisation
// 0 that every article reports. Topic 0, person 0 and organisation 0 are in every
// article: the worst case for a question that starts from them.
func synthetic(n int) []graph.Doc {
	docs := make([]graph.Doc, 0, n)
	for a := range n {
		id := fmt.Sprintf("a%05d", a)
		art := schema.ArticleIRI(id)
		var facts []schema.Fact
		add := func(s, p quad.IRI, o quad.Value, sentence int) {
			facts = append(facts, schema.Fact{Subject: s, Predicate: p, Object: o, Article: id, Sentence: sentence})
		}
		add(art, schema.Type, schema.Article, 0)
		add(art, schema.Headline, quad.String("Headline "+id), 0)
		people := []int{0, 1 + a%499, 1 + (a*7)%499}
		org := schema.EntityIRI(schema.Organization, fmt.Sprintf("Org %d", a%200))
		hub := schema.EntityIRI(schema.Organization, "Org 0")
		for _, o := range []quad.IRI{org, hub} {
			add(o, schema.Type, schema.Organization, 0)
			add(o, schema.Name, quad.String(string(o)), 0)
		}
		for i, p := range people {
			name := fmt.Sprintf("Person %d", p)
			person := schema.EntityIRI(schema.Person, name)
			topic := schema.EntityIRI(schema.Topic, fmt.Sprintf("topic %d", (a+i)%50))
			if i == 0 {
				topic = schema.EntityIRI(schema.Topic, "topic 0")
			}
			text := fmt.Sprintf("Words %d of %s", i, id)
			q := schema.QuotationIRI(id, text)
			s := i + 1
			add(person, schema.Type, schema.Person, 0)
			add(person, schema.Name, quad.String(name), 0)
			add(topic, schema.Type, schema.Topic, 0)
			add(topic, schema.Name, quad.String(string(topic)), 0)
			add(q, schema.Type, schema.Quotation, 0)
			add(q, schema.Text, quad.String(text), s)
			add(q, schema.About, topic, s)
			add(person, schema.Said, q, s)
			if i < 2 {
				add(person, schema.Role, quad.String("director of "+string(org)), s)
				add(person, schema.RoleEdge("director"), org, s)
			}
			if i == 0 {
				add(person, schema.Supports, topic, s) // edges into a topic that are not <about>
			}
		}
		reform := schema.EntityIRI(schema.Reform, fmt.Sprintf("abolition of org %d", a%200))
		critic := schema.EntityIRI(schema.Person, fmt.Sprintf("Person %d", people[2]))
		add(critic, schema.Opposes, reform, 3)
		add(schema.EntityIRI(schema.Person, "Person 0"), schema.Supports, reform, 1)
		// A reform every article reports, which hundreds oppose.
		overhaul := schema.EntityIRI(schema.Reform, "overhaul of org 0")
		add(overhaul, schema.Type, schema.Reform, 0)
		add(overhaul, schema.Name, quad.String("overhaul of org 0"), 0)
		add(overhaul, schema.Affects, hub, 5)
		add(critic, schema.Opposes, overhaul, 5)
		add(reform, schema.Type, schema.Reform, 0)
		add(reform, schema.Name, quad.String(string(reform)), 0)
		add(reform, schema.Kind, quad.String(string(schema.Abolition)), 4)
		add(reform, schema.Affects, org, 4)
		add(reform, schema.Affects, hub, 4)
		if a%3 == 0 { // a direct edge, and a body that gains the functions
			next := schema.EntityIRI(schema.Organization, fmt.Sprintf("Org %d", (a+1)%200))
			add(next, schema.Type, schema.Organization, 0)
			add(next, schema.Name, quad.String(string(next)), 0)
			add(org, schema.ReplacedBy, next, 4)
			add(reform, schema.Gains, next, 4)
		}
		docs = append(docs, graph.Doc{ArticleID: id, Quads: schema.Quads(facts)})
	}
	return docs
}

func benchStore(b *testing.B, backend string, n int) cgraph.QuadStore {
	b.Helper()
	qs, err := openBench(b, backend, "", n)
	if err != nil {
		b.Fatal(err)
	}
	return qs
}

// openBench opens a new store of the backend (at address, or a temporary
// bolt directory) holding synthetic(n).
func openBench(b testing.TB, backend, address string, n int) (cgraph.QuadStore, error) {
	ctx := context.Background()
	if backend == graph.Bolt && address == "" {
		address = b.TempDir() + "/db"
	}
	g, err := graph.Open(ctx, backend, address)
	if err != nil {
		return nil, err
	}
	b.Cleanup(func() { g.Close() })
	if _, err := g.LoadBatch(ctx, synthetic(n)); err != nil {
		return nil, err
	}
	return g.QuadStore(), nil
}

// BenchmarkQuestions runs each question from a typical node (in a few
// articles) and from a hub (in every article), on memstore and bolt, in its
// Go form (Run) and as its Gizmo program (WithGizmo: what the HTTP API
// runs), 100 rows at most. 3,000 articles are about 150,000 quads.
func BenchmarkQuestions(b *testing.B) {
	const articles = 3000
	cases := []struct{ question, arg string }{
		{"who-said", "topic 7"},  // about 180 quotations
		{"who-said", "topic 0"},  // a hub: 3,000+ quotations
		{"roles", "Person 42"},   // a dozen articles
		{"roles", "Person 0"},    // a hub: every article
		{"reforms", "org 17"},    // 15 articles
		{"reforms", "Org 0"},     // a hub: every article
		{"who-said", "topic 4"},  // found by its minted IRI…
		{"who-said", "TOPIC 4 "}, // …and by a name match
	}
	forms := []struct {
		name string
		opts []RunOption
	}{
		{"go", []RunOption{WithLimit(100)}},
		{"gizmo", []RunOption{WithLimit(100), WithGizmo()}},
	}
	for _, backend := range []string{graph.Memory, graph.Bolt} {
		qs := benchStore(b, backend, articles)
		for _, c := range cases {
			q, _ := Lookup(c.question)
			for _, f := range forms {
				b.Run(fmt.Sprintf("%s/%s/%s/%s", backend, f.name, c.question, c.arg), func(b *testing.B) {
					rows := 0
					for b.Loop() {
						r, err := Run(context.Background(), qs, q, c.arg, f.opts...)
						if err != nil {
							b.Fatal(err)
						}
						rows = len(r)
					}
					b.ReportMetric(float64(rows), "rows")
				})
			}
		}
	}
}
