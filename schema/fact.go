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
// that the same facts always give the same, byte-identical output: by label
// first, so one article's (and sentence's) quads stay together, then by
// subject, predicate and object, each compared as N-Quads writes it.
func Quads(facts []Fact) []quad.Quad {
	type keyed struct {
		q   quad.Quad
		key [4]string // label, subject, predicate, object
	}
	seen := make(map[quad.Quad]bool, len(facts))
	ks := make([]keyed, 0, len(facts))
	for _, f := range facts {
		if f.Subject == "" || f.Predicate == "" || f.Object == nil {
			continue
		}
		q := f.Quad()
		if seen[q] {
			continue
		}
		seen[q] = true
		ks = append(ks, keyed{q: q, key: [4]string{quad.StringOf(q.Label), quad.StringOf(q.Subject), quad.StringOf(q.Predicate), quad.StringOf(q.Object)}})
	}
	// The keys are made once: comparing quads by their N-Quads terms in the
	// sort allocated four strings a comparison, a tenth of a large build.
	sort.Slice(ks, func(i, j int) bool {
		for d := range ks[i].key {
			if c := strings.Compare(ks[i].key[d], ks[j].key[d]); c != 0 {
				return c < 0
			}
		}
		return false
	})
	out := make([]quad.Quad, len(ks))
	for i := range ks {
		out[i] = ks[i].q
	}
	return out
}
