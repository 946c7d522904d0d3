package questions

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// An asker answers one question: the store, the index, and what it has
// read so far.
type asker struct {
	st       *store
	ix       *index
	articles map[string]Article
}

func newAsker(st *store, ix *index) *asker {
	return &asker{st: st, ix: ix, articles: map[string]Article{}}
}

// article returns the article with the IRI (no brackets), reading its
// headline, URL and author once.
func (a *asker) article(iri string) (Article, error) {
	if art, ok := a.articles[iri]; ok {
		return art, nil
	}
	art := Article{ID: gizmoID(iri)}
	if i, ok := a.ix.artByIRI[iri]; ok {
		art.Date, art.Outlet = a.ix.arts[i].date, a.ix.arts[i].outlet
	}
	// One read of the article's quads (a few: its type, headline, date …)
	// rather than one a field.
	var fields [3]cgraph.Ref
	preds := [3]quad.IRI{schema.Headline, schema.URL, schema.Author}
	err := a.st.about(a.st.ref(quad.IRI(iri)), func(pred string, obj cgraph.Ref) {
		for i, p := range preds {
			if pred == string(p) && fields[i] == nil {
				fields[i] = obj
			}
		}
	})
	if err != nil {
		return Article{}, err
	}
	if err := a.st.values(fields[:]); err != nil {
		return Article{}, err
	}
	art.Headline, art.URL, art.Author = a.st.text(fields[0]), a.st.text(fields[1]), a.st.text(fields[2])
	a.articles[iri] = art
	return art, nil
}

// source returns where a fact labelled label was read: the sentence's
// words, when the label is a sentence, and its article.
func (a *asker) source(label string) (Source, error) {
	src := Source{Sentence: gizmoID(label)}
	art := string(schema.ArticleOf(quad.IRI(label)))
	var err error
	if src.Article, err = a.article(art); err != nil {
		return Source{}, err
	}
	if art != label {
		if src.Text, err = a.st.first(a.st.ref(quad.IRI(label)), schema.Text); err != nil {
			return Source{}, err
		}
	}
	return src, nil
}

// refOf names the node a store reference stands for, from the index when
// it knows the node.
func (a *asker) refOf(r cgraph.Ref) Ref {
	if a.st.raw != nil && r != nil {
		// IDs are not given twice: one the index holds is its node's.
		if e, ok := a.ix.byID[rawID(r)]; ok {
			return a.ix.ref(e)
		}
	}
	iri := a.st.text(r)
	if e, ok := a.ix.byIRI[iri]; ok {
		return a.ix.ref(e)
	}
	return Ref{ID: gizmoID(iri), Name: iri}
}

// A said is a statement as first found: its node and the label of the
// edge that led to it, with the article and sentence that label names.
type said struct {
	node     cgraph.Ref
	label    string
	art      int32 // index into ix.arts; -1 when unknown
	sentence int
}

// locate fills in the article and sentence of each said from its label,
// reading the labels' values in one batch.
func (a *asker) locate(list []said, labels []cgraph.Ref) error {
	if err := a.st.values(labels); err != nil {
		return err
	}
	for i := range list {
		list[i].label = a.st.text(labels[i])
	}
	a.locateText(list)
	return nil
}

// sentenceNumber is the N of a label "article/ID#sN", 0 for an article.
func sentenceNumber(label string) int {
	_, n, ok := strings.Cut(label, "#s")
	if !ok {
		return 0
	}
	i, _ := strconv.Atoi(n)
	return i
}

// byDate sorts statements newest article first, then in the article's
// order.
func (a *asker) byDate(list []said) { slices.SortStableFunc(list, a.compareSaid) }

// compareSaid orders saids by article, newest first (unknown articles
// last), then by sentence.
func (a *asker) compareSaid(x, y said) int {
	if x.art != y.art {
		if x.art < 0 || y.art < 0 {
			return cmp.Compare(y.art, x.art)
		}
		return a.ix.newerFirst(x.art, y.art)
	}
	return cmp.Compare(x.sentence, y.sentence)
}

// statement reads what a statement node says, who said it, what about and
// where.
func (a *asker) statement(s said) (Statement, error) {
	iri := a.st.text(s.node)
	st := Statement{ID: gizmoID(iri), Kind: Quotation, Speakers: []Ref{}, Topics: []Ref{}}
	if strings.HasPrefix(iri, "statement/") {
		st.Kind = Reported
	}
	var err error
	if st.Text, err = a.st.first(s.node, schema.Text); err != nil {
		return Statement{}, err
	}
	seen := map[any]bool{}
	err = a.st.in(s.node, schema.Said, func(e edge) bool {
		if k := key(e.node); !seen[k] {
			seen[k] = true
			st.Speakers = append(st.Speakers, a.refOf(e.node))
		}
		return true
	})
	if err != nil {
		return Statement{}, err
	}
	topics, err := a.st.distinct(s.node, schema.About)
	if err != nil {
		return Statement{}, err
	}
	for _, t := range topics {
		st.Topics = append(st.Topics, a.refOf(t))
	}
	sortRefs(st.Speakers)
	sortRefs(st.Topics)
	if st.Source, err = a.source(s.label); err != nil {
		return Statement{}, err
	}
	return st, nil
}

// statements reads the statements of a page.
func (a *asker) statements(list []said) ([]Statement, error) {
	out := make([]Statement, 0, len(list))
	for _, s := range list {
		st, err := a.statement(s)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

func sortRefs(rs []Ref) {
	slices.SortFunc(rs, func(a, b Ref) int { return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.ID, b.ID)) })
}

// entityRef is the store's reference to the entity e.
func (a *asker) entityRef(e int32) cgraph.Ref { return a.st.ref(quad.IRI(a.ix.ents[e].iri)) }

// keyed reports whether the store's index keys may be read for its quads
// (graph.Raw.InKeys): on bolt, when the index found its lists exact.
func (a *asker) keyed() bool { return a.st.raw != nil && a.ix.exact }

// entOfID is the entity whose node has the ID in a bolt store, reading
// the node's value when the index does not know the ID.
func (a *asker) entOfID(id uint64) (int32, bool) {
	if e, ok := a.ix.byID[id]; ok {
		return e, true
	}
	e, ok := a.ix.byIRI[a.st.text(rawRef(id))]
	return e, ok
}

// artID is the ID of article ai's node in a bolt store, 0 for none.
func (a *asker) artID(ai int32) uint64 {
	if id := a.ix.arts[ai].id; id != 0 {
		return id
	}
	return rawID(a.st.ref(quad.IRI(a.ix.arts[ai].iri)))
}
