package schema

import (
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// A Fact is one statement read from an article: subject, predicate, object,
// and where it was read. Facts become quads whose label is their provenance.
type Fact struct {
	Subject   quad.IRI
	Predicate quad.IRI
	Object    quad.Value // quad.IRI for a node, quad.String for text
	Article   string     // article ID
	Sentence  int        // sentence number from 1; 0 for article-wide facts
}

// Label is the fact's provenance: its sentence's IRI, or its article's.
func (f Fact) Label() quad.IRI {
	if f.Sentence > 0 {
		return SentenceIRI(f.Article, f.Sentence)
	}
	return ArticleIRI(f.Article)
}

// Quad turns the fact into a labelled quad.
func (f Fact) Quad() quad.Quad {
	return quad.Quad{Subject: f.Subject, Predicate: f.Predicate, Object: f.Object, Label: f.Label()}
}

// Quads turns facts into quads, dropping exact duplicates and sorting them so
// that the same facts always give the same, byte-identical output.
func Quads(facts []Fact) []quad.Quad {
	seen := make(map[string]bool, len(facts))
	out := make([]quad.Quad, 0, len(facts))
	for _, f := range facts {
		if f.Subject == "" || f.Predicate == "" || f.Object == nil {
			continue
		}
		q := f.Quad()
		k := q.NQuad()
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return lessQuad(out[i], out[j]) })
	return out
}

// lessQuad orders quads by label first, so one article's (and sentence's)
// quads stay together, then by subject, predicate and object.
func lessQuad(a, b quad.Quad) bool {
	for _, d := range []quad.Direction{quad.Label, quad.Subject, quad.Predicate, quad.Object} {
		x, y := quad.StringOf(a.Get(d)), quad.StringOf(b.Get(d))
		if c := strings.Compare(x, y); c != 0 {
			return c < 0
		}
	}
	return false
}
