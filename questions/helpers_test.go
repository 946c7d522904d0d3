package questions_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/examples"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/questions"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// examplesGraph is a memory graph of the example articles.
func examplesGraph(t testing.TB) *graph.Graph {
	t.Helper()
	ctx := context.Background()
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	g := openGraph(t, graph.Memory)
	if _, err := ingest.Run(ctx, g, ex, source.ReadFS(ctx, examples.Articles, ".")); err != nil {
		t.Fatal(err)
	}
	return g
}

func examplesService(t testing.TB) *questions.Service {
	t.Helper()
	return questions.New(examplesGraph(t))
}

// openGraph opens an empty graph on a backend, closed when the test ends.
func openGraph(t testing.TB, backend string) *graph.Graph {
	t.Helper()
	addr := ""
	if backend == graph.Bolt {
		addr = filepath.Join(t.TempDir(), "newsgraph.db")
	}
	g, err := graph.Open(context.Background(), backend, addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	return g
}

// An art builds one article's quads by hand, as the extractor would
// write them, so a test knows exactly what the graph holds.
type art struct {
	id    string
	iri   quad.IRI
	quads []quad.Quad
	sents map[int]bool
}

func newArt(id, headline, date, outlet string) *art {
	a := &art{id: id, iri: schema.ArticleIRI(id), sents: map[int]bool{}}
	a.add(a.iri, schema.Type, schema.Article, 0)
	a.add(a.iri, schema.Headline, quad.String(headline), 0)
	a.add(a.iri, schema.URL, quad.String("https://news.test/"+id), 0)
	if date != "" {
		a.add(a.iri, schema.Date, quad.String(date), 0)
	}
	if outlet != "" {
		a.add(a.iri, schema.Source, quad.String(outlet), 0)
	}
	return a
}

func (a *art) add(s, p quad.IRI, o quad.Value, sentence int) {
	label := a.iri
	if sentence > 0 {
		label = schema.SentenceIRI(a.id, sentence)
		if !a.sents[sentence] {
			a.sents[sentence] = true
			a.quads = append(a.quads,
				quad.Quad{Subject: label, Predicate: schema.SentenceOf, Object: a.iri, Label: a.iri},
				quad.Quad{Subject: label, Predicate: schema.Type, Object: schema.Sentence, Label: a.iri})
		}
	}
	a.quads = append(a.quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: label})
}

// entity declares a person, body or topic in the article; reforms are
// declared in a sentence (reform).
func (a *art) entity(typ quad.IRI, name string, aliases ...string) quad.IRI {
	iri := schema.EntityIRI(typ, name)
	a.add(iri, schema.Type, typ, 0)
	a.add(iri, schema.Name, quad.String(name), 0)
	for _, al := range aliases {
		a.add(iri, schema.Alias, quad.String(al), 0)
	}
	if typ != schema.Topic {
		a.add(iri, schema.MentionedIn, a.iri, 0)
	}
	return iri
}

func (a *art) sentence(n int, text string) {
	a.add(schema.SentenceIRI(a.id, n), schema.Text, quad.String(text), 0)
}

func (a *art) reform(n int, name, kind string, affects quad.IRI) quad.IRI {
	iri := schema.EntityIRI(schema.Reform, name)
	a.add(iri, schema.Type, schema.Reform, n)
	a.add(iri, schema.Name, quad.String(name), n)
	a.add(iri, schema.Kind, quad.String(kind), n)
	a.add(iri, schema.Affects, affects, n)
	return iri
}

func (a *art) quote(n int, speaker quad.IRI, text string, topics ...quad.IRI) quad.IRI {
	q := schema.QuotationIRI(a.id, text)
	a.add(q, schema.Type, schema.Quotation, n)
	a.add(q, schema.Text, quad.String(text), n)
	a.add(speaker, schema.Said, q, n)
	for _, t := range topics {
		a.add(q, schema.About, t, n)
	}
	return q
}

func (a *art) reported(n int, speaker quad.IRI, text string) quad.IRI {
	q := schema.StatementIRI(a.id, text)
	a.add(q, schema.Type, schema.ReportedSpeech, n)
	a.add(q, schema.Text, quad.String(text), n)
	a.add(speaker, schema.Said, q, n)
	return q
}

func (a *art) doc() graph.Doc { return graph.Doc{ArticleID: a.id, Quads: a.quads} }

// load loads articles into g.
func load(t testing.TB, g *graph.Graph, arts ...*art) {
	t.Helper()
	docs := make([]graph.Doc, len(arts))
	for i, a := range arts {
		docs[i] = a.doc()
	}
	if _, err := g.LoadBatch(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
}

// Names of the small world the hand-built tests share.
var (
	widgetBoard = schema.EntityIRI(schema.Organization, "Widget Board")
	society     = schema.EntityIRI(schema.Organization, "Société Générale des Tests")
	ministry    = schema.EntityIRI(schema.Organization, "Ministry of Widgets")
	ann         = schema.EntityIRI(schema.Person, "Ann Smith")
	anne        = schema.EntityIRI(schema.Person, "Anne Smithers")
	bob         = schema.EntityIRI(schema.Person, "Bob Jones")
	widgets     = schema.EntityIRI(schema.Topic, "widgets")
	abolition   = schema.EntityIRI(schema.Reform, "abolition of Widget Board")
)

// world is three dated articles from two outlets: the abolition of the
// Widget Board, which Ann Smith (its chair) supports and Bob Jones
// opposes, and what they said.
func world() []*art {
	a1 := newArt("a1", "Widget Board to go", "2011-03-01", "The Daily Test")
	a1.entity(schema.Person, "Ann Smith", "Smith", "Ms Smith")
	a1.entity(schema.Organization, "Widget Board", "WB")
	a1.entity(schema.Organization, "Ministry of Widgets")
	a1.entity(schema.Topic, "widgets")
	a1.sentence(1, "The Ministry of Widgets will abolish the Widget Board.")
	a1.reform(1, "abolition of Widget Board", "abolition", widgetBoard)
	a1.add(abolition, schema.Agent, ministry, 1)
	a1.sentence(2, "Ann Smith, chair of the Widget Board, said: “It is time.”")
	a1.add(ann, schema.Role, quad.String("chair"), 2)
	a1.add(ann, quad.IRI("chair_of"), widgetBoard, 2)
	a1.quote(2, ann, "It is time.", widgets)
	a1.add(ann, schema.Supports, abolition, 2)
	a1.sentence(3, "The board's work will be replaced by the ministry.")
	a1.add(widgetBoard, schema.ReplacedBy, ministry, 3)
	a1.reform(3, "abolition of Widget Board", "abolition", widgetBoard)

	a2 := newArt("a2", "Critics round on widget plan", "2012-07-15", "Widget Weekly")
	a2.entity(schema.Person, "Bob Jones", "Jones")
	a2.entity(schema.Person, "Ann Smith", "Smith")
	a2.entity(schema.Organization, "Widget Board")
	a2.entity(schema.Topic, "widgets")
	a2.sentence(1, "Bob Jones said the abolition of the Widget Board was a mistake.")
	a2.reform(1, "abolition of Widget Board", "abolition", widgetBoard)
	a2.reported(1, bob, "the abolition of the Widget Board was a mistake")
	a2.add(bob, schema.Opposes, abolition, 1)
	a2.sentence(2, "“Ann Smith is wrong about widgets,” he said.")
	a2.quote(2, bob, "Ann Smith is wrong about widgets.", widgets)

	a3 := newArt("a3", "Société Générale des Tests weighs in", "2012-08-01", "The Daily Test")
	a3.entity(schema.Organization, "Société Générale des Tests", "SGT")
	a3.entity(schema.Person, "Anne Smithers")
	a3.sentence(1, "Anne Smithers of the Société Générale des Tests said: “Widgets matter.”")
	a3.add(anne, quad.IRI("affiliated_with"), society, 1)
	a3.quote(1, anne, "Widgets matter.", widgets)
	a3.entity(schema.Topic, "widgets")
	return []*art{a1, a2, a3}
}

// worldService is a Service over the world on a backend.
func worldService(t testing.TB, backend string) (*questions.Service, *graph.Graph) {
	t.Helper()
	g := openGraph(t, backend)
	load(t, g, world()...)
	return questions.New(g), g
}
