package questions

import (
	"cmp"
	"context"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// An ArticlePage is one article as the graph holds it: its fields, the
// sentences facts were read from, each with those facts, and the people,
// bodies, reforms and topics it names. The graph keeps the words of those
// sentences only, not the article's whole text.
type ArticlePage struct {
	Article   Article    `json:"article"`
	Sentences []Sentence `json:"sentences"` // in the article's order
	Entities  []Ref      `json:"entities"`  // by kind, then name
}

// A Sentence is one sentence of an article and the facts read from it.
type Sentence struct {
	ID    string `json:"id"` // "<article/ID#s3>", the label of its facts
	N     int    `json:"n"`  // its number in the article, from 1
	Text  string `json:"text"`
	Facts []Fact `json:"facts"`
}

// A Fact is one quad read from a sentence: a node, a predicate, and a node
// or words. Statements (quotations and reported speech) are nodes whose
// Name is their words.
type Fact struct {
	Subject   Ref    `json:"subject"`
	Predicate string `json:"predicate"`        // "said", "chair_of", "affects" …
	Object    *Ref   `json:"object,omitempty"` // a node …
	Value     string `json:"value,omitempty"`  // … or words: a role, a reform's kind
}

// bookkeeping are the predicates a sentence's facts leave out: they say
// what a node is and is called, which Entities and each Ref give.
var bookkeeping = []quad.IRI{schema.Type, schema.Name, schema.Alias, schema.SentenceOf, schema.Text}

// Article answers what the graph holds of one article: id is its ID as
// answers give it ("<article/ID>"), its IRI, or the bare ID. A statement's
// words are its Ref's Name; its <text> fact is left out.
func (s *Service) Article(ctx context.Context, id string) (*ArticlePage, error) {
	iri := plainIRI(id)
	if !strings.HasPrefix(iri, "article/") {
		iri = string(schema.ArticleIRI(iri))
	}
	iri = string(schema.ArticleOf(quad.IRI(iri)))
	var out *ArticlePage
	err := s.withIndex(ctx, func(st *store, ix *index) error {
		ai, ok := ix.artByIRI[iri]
		if !ok || ix.arts[ai].gone {
			return &NotFoundError{Name: id}
		}
		var err error
		out, err = newAsker(st, ix).articlePage(ai)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (a *asker) articlePage(ai int32) (*ArticlePage, error) {
	iri := a.ix.arts[ai].iri
	art, err := a.article(iri)
	if err != nil {
		return nil, err
	}
	p := &ArticlePage{Article: art, Sentences: []Sentence{}, Entities: []Ref{}}
	ref := a.st.ref(quad.IRI(iri))
	var sentences []cgraph.Ref
	texts := map[string]string{}
	seen := map[string]bool{}
	named := func(subject string) { // an entity the article declares
		if subject == iri || seen[subject] {
			return
		}
		if e, ok := a.ix.byIRI[subject]; ok {
			seen[subject] = true
			p.Entities = append(p.Entities, a.ix.ref(e))
		}
	}
	err = a.st.labelled(ref, func(q link) bool {
		switch quad.IRI(a.st.text(q.predicate)) {
		case schema.SentenceOf:
			sentences = append(sentences, q.subject)
		case schema.Text:
			texts[a.st.text(q.subject)] = a.st.text(q.object)
		case schema.Type:
			named(a.st.text(q.subject))
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	statements := map[string]string{} // statement IRI → its words
	for _, sref := range sentences {
		label := a.st.text(sref)
		sen := Sentence{ID: gizmoID(label), N: sentenceNumber(label), Text: texts[label], Facts: []Fact{}}
		var links []link
		err := a.st.labelled(sref, func(q link) bool {
			switch quad.IRI(a.st.text(q.predicate)) {
			case schema.Type: // a reform is declared in its sentences
				named(a.st.text(q.subject))
			case schema.Text:
				if subject := a.st.text(q.subject); strings.HasPrefix(subject, "quote/") || strings.HasPrefix(subject, "statement/") {
					statements[subject] = a.st.text(q.object)
				}
			}
			links = append(links, q)
			return true
		})
		if err != nil {
			return nil, err
		}
		for _, q := range links {
			pred := quad.IRI(a.st.text(q.predicate))
			if slices.Contains(bookkeeping, pred) {
				continue
			}
			f := Fact{Subject: a.factRef(q.subject, statements), Predicate: string(pred)}
			if v := a.st.value(q.object); v != nil {
				if _, isNode := v.(quad.IRI); isNode {
					o := a.factRef(q.object, statements)
					f.Object = &o
				} else {
					f.Value = valueText(v)
				}
			}
			sen.Facts = append(sen.Facts, f)
		}
		slices.SortStableFunc(sen.Facts, func(x, y Fact) int {
			return cmp.Or(strings.Compare(x.Subject.ID, y.Subject.ID), strings.Compare(x.Predicate, y.Predicate))
		})
		p.Sentences = append(p.Sentences, sen)
	}
	slices.SortFunc(p.Sentences, func(x, y Sentence) int { return cmp.Compare(x.N, y.N) })
	slices.SortFunc(p.Entities, func(x, y Ref) int {
		return cmp.Or(strings.Compare(string(x.Kind), string(y.Kind)), strings.Compare(x.Name, y.Name))
	})
	return p, nil
}

// factRef names a fact's node: an entity by the index, a statement by its
// words.
func (a *asker) factRef(r cgraph.Ref, statements map[string]string) Ref {
	iri := a.st.text(r)
	if words, ok := statements[iri]; ok {
		kind := Kind(Quotation)
		if strings.HasPrefix(iri, "statement/") {
			kind = Kind(Reported)
		}
		return Ref{ID: gizmoID(iri), Kind: kind, Name: words}
	}
	return a.refOfIRI(iri)
}
