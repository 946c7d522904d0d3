package export

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/cayleygraph/quad/nquads"
)

func viewOf(t *testing.T, nq string, opts ...Option) *view {
	t.Helper()
	v, err := readView(context.Background(), nquads.NewReader(strings.NewReader(nq), false), NewOptions(opts...))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func (v *view) nodeByID(id string) *viewNode {
	for _, n := range v.allNodes() {
		if n.id == id {
			return &n
		}
	}
	return nil
}

// edgeList renders edges as "source -label-> target xWEIGHT [dates] {quotes}".
func (v *view) edgeList() []string {
	var out []string
	for _, e := range v.allEdges() {
		s := e.source + " -" + e.label + "-> " + e.target + " x" + itoa(len(e.articles))
		if len(e.dates) > 0 {
			s += " [" + strings.Join(e.dates, " ") + "]"
		}
		if len(e.quotes) > 0 {
			s += " {" + strings.Join(e.quotes, " / ") + "}"
		}
		out = append(out, s)
	}
	return out
}

func (v *view) nodeIDs() []string {
	var out []string
	for _, n := range v.allNodes() {
		out = append(out, n.id)
	}
	return out
}

const articleMetaNQ = `
<article/a> <type> <Article> <article/a> .
<article/a> <date> "2011-03-14" <article/a> .
<article/a> <headline> "Boards go" <article/a> .
<article/b> <type> <Article> <article/b> .
<article/b> <date> "2011-04-02"^^<http://www.w3.org/2001/XMLSchema#date> <article/b> .
<article/c> <type> <Article> <article/c> .
<article/a#s1> <type> <Sentence> <article/a#s1> .
<article/a#s1> <sentence_of> <article/a> <article/a#s1> .
<article/a#s1> <text> "A sentence." <article/a#s1> .
`

func TestView(t *testing.T) {
	for _, c := range []struct {
		name      string
		nq        string
		opts      []Option
		nodes     []string // ids, sorted
		edges     []string // edgeList
		checkNode func(t *testing.T, v *view)
	}{
		{
			name:  "provenance is not content",
			nq:    articleMetaNQ + `<person/x> <type> <Person> <article/a> .` + "\n" + `<person/x> <mentioned_in> <article/a> <article/a> .` + "\n" + `<person/x> <wrote> <article/b> <article/b#s2> .`,
			nodes: []string{"person/x"},
		},
		{
			name: "weight counts articles, not sentences",
			nq: articleMetaNQ + `
<org/p> <replaced_by> <org/q> <article/a#s1> .
<org/p> <replaced_by> <org/q> <article/a#s7> .
<org/p> <replaced_by> <org/q> <article/b#s2> .
<org/p> <replaced_by> <org/q> <article/c#s3> .`,
			nodes: []string{"org/p", "org/q"},
			edges: []string{"org/p -replaced_by-> org/q x3 [2011-03-14 2011-04-02]"},
		},
		{
			name: "parallel edges of different kinds survive",
			nq: `
<person/x> <minister_of> <org/d> <article/a#s1> .
<person/x> <affiliated_with> <org/d> <article/b#s1> .`,
			nodes: []string{"org/d", "person/x"},
			edges: []string{"person/x -affiliated_with-> org/d x1", "person/x -minister_of-> org/d x1"},
		},
		{
			name:  "no timeline, no dates",
			nq:    articleMetaNQ + `<org/p> <replaced_by> <org/q> <article/a#s1> .`,
			opts:  []Option{WithTimeline(false)},
			nodes: []string{"org/p", "org/q"},
			edges: []string{"org/p -replaced_by-> org/q x1"},
		},
		{
			name: "quotes kept as nodes by default",
			nq: `
<person/x> <said> <quote/a/1> <article/a#s1> .
<quote/a/1> <type> <Quotation> <article/a#s1> .
<quote/a/1> <text> "We will   fight." <article/a#s1> .
<quote/a/1> <about> <topic/t> <article/a#s1> .`,
			nodes: []string{"person/x", "quote/a/1", "topic/t"},
			edges: []string{"person/x -said-> quote/a/1 x1", "quote/a/1 -about-> topic/t x1"},
			checkNode: func(t *testing.T, v *view) {
				if n := v.nodeByID("quote/a/1"); n.label != "We will fight." || n.typ != "Quotation" {
					t.Errorf("quote node label %q type %q", n.label, n.typ)
				}
			},
		},
		{
			name: "folded quotes become said edges; a quote without topic stays",
			nq: articleMetaNQ + `
<person/x> <said> <quote/a/1> <article/a#s1> .
<person/y> <said> <quote/a/1> <article/a#s1> .
<quote/a/1> <type> <Quotation> <article/a#s1> .
<quote/a/1> <text> "One." <article/a#s1> .
<quote/a/1> <about> <topic/t> <article/a#s1> .
<quote/a/1> <about> <person/z> <article/a#s1> .
<person/x> <said> <quote/b/2> <article/b#s1> .
<quote/b/2> <type> <Quotation> <article/b#s1> .
<quote/b/2> <text> "Two." <article/b#s1> .
<quote/b/2> <about> <topic/t> <article/b#s1> .
<person/x> <said> <quote/c/3> <article/c#s1> .
<quote/c/3> <type> <Quotation> <article/c#s1> .
<quote/c/3> <text> "Three." <article/c#s1> .`,
			opts:  []Option{WithFoldQuotes(true)},
			nodes: []string{"person/x", "person/y", "person/z", "quote/c/3", "topic/t"},
			edges: []string{
				"person/x -said-> person/z x1 [2011-03-14] {One.}",
				"person/x -said-> quote/c/3 x1",
				"person/x -said-> topic/t x2 [2011-03-14 2011-04-02] {One. / Two.}",
				"person/y -said-> person/z x1 [2011-03-14] {One.}",
				"person/y -said-> topic/t x1 [2011-03-14] {One.}",
			},
		},
		{
			name: "labels, types and attributes",
			nq: `
<person/x> <type> <Person> <article/a> .
<person/x> <type> <Topic> <article/a> .
<person/x> <name> "Zoe Quinn" <article/a> .
<person/x> <name> "Zoë Quinn" <article/b> .
<person/x> <role> "chair" <article/a#s1> .
<person/x> <size> "large" <article/a#s1> .
<thing/y> <knows> _:b1 <article/a#s1> .
<http://schema.org/z> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Organization> <article/a> .`,
			nodes: []string{"_:b1", "http://schema.org/z", "person/x", "thing/y"},
			edges: []string{"thing/y -knows-> _:b1 x1"},
			checkNode: func(t *testing.T, v *view) {
				x := v.nodeByID("person/x")
				if x.label != "Zoe Quinn" || x.typ != "Person" {
					t.Errorf("person/x label %q type %q", x.label, x.typ)
				}
				want := map[string][]string{"alias": {"Zoë Quinn"}, "role": {"chair"}, "lit_size": {"large"}}
				if !reflect.DeepEqual(x.attrs, want) {
					t.Errorf("person/x attrs %v, want %v", x.attrs, want)
				}
				if y := v.nodeByID("thing/y"); y.label != "y" || y.typ != untyped {
					t.Errorf("thing/y label %q type %q", y.label, y.typ)
				}
				if z := v.nodeByID("http://schema.org/z"); z.typ != "Organization" {
					t.Errorf("rdf:type read as %q", z.typ)
				}
				if want := []string{"alias", "lit_size", "role"}; !reflect.DeepEqual(v.attrs, want) {
					t.Errorf("attribute names %v, want %v", v.attrs, want)
				}
			},
		},
		{
			name: "size counts the articles a node takes part in",
			nq: `
<person/x> <type> <Person> <article/a> .
<person/x> <mentioned_in> <article/b> <article/b> .
<person/x> <said> <quote/c/1> <article/c#s4> .
<person/x> <role> "mp" <article/d#s1> .`,
			nodes: []string{"person/x", "quote/c/1"},
			edges: []string{"person/x -said-> quote/c/1 x1"},
			checkNode: func(t *testing.T, v *view) {
				x := v.nodeByID("person/x")
				if want := []string{"article/a", "article/b", "article/c", "article/d"}; !reflect.DeepEqual(x.articles, want) {
					t.Errorf("articles %v, want %v", x.articles, want)
				}
				if x.size() != 20 {
					t.Errorf("size %v for 4 articles, want 20", x.size())
				}
			},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := viewOf(t, c.nq, c.opts...)
			if got := v.nodeIDs(); !reflect.DeepEqual(got, c.nodes) {
				t.Errorf("nodes %q, want %q", got, c.nodes)
			}
			if got := v.edgeList(); !reflect.DeepEqual(got, c.edges) {
				t.Errorf("edges\n got %q\nwant %q", got, c.edges)
			}
			if c.checkNode != nil {
				c.checkNode(t, v)
			}
		})
	}
}

// allNodes and allEdges materialise the whole view, for tests.
func (v *view) allNodes() []viewNode {
	out := make([]viewNode, len(v.nodes))
	for i := range v.nodes {
		out[i] = *v.node(i)
	}
	return out
}

func (v *view) allEdges() []viewEdge {
	out := make([]viewEdge, len(v.edges))
	for i := range v.edges {
		out[i] = *v.edge(i)
	}
	return out
}
