package questions

import (
	"context"
	"slices"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// A ReformPage is what the graph knows of one reform: what it changes, who
// gains, who carries it out, who supports and opposes it and in what
// words, and its coverage over time.
type ReformPage struct {
	Reform Entity   `json:"reform"`
	Kinds  []string `json:"kinds"` // "abolition", "transfer" …
	// Affects are the bodies it changes; Gains those that take functions
	// on; Agents who carries it out.
	Affects []Mention `json:"affects"`
	Gains   []Mention `json:"gains"`
	Agents  []Mention `json:"agents"`
	// Changes are the direct edges between the bodies it affects and
	// others, as its articles report them: "replaced by", "functions move
	// to", "merges into" and their inverses.
	Changes []Change `json:"changes"`
	// Supporters and Opponents, most reported first, with what they said
	// in the articles that report their stance.
	Supporters []Position `json:"supporters"`
	Opponents  []Position `json:"opponents"`
	Timeline   []Period   `json:"timeline"`
	Articles   []Article  `json:"articles"` // the newest
}

// A Change is one direct edge between two bodies.
type Change struct {
	From     Ref      `json:"from"`
	Relation string   `json:"relation"` // "replaced_by", "transfers_to", "merges_into"
	How      string   `json:"how"`      // "replaced by" …
	To       Ref      `json:"to"`
	Count    int      `json:"count"`
	Sources  []Source `json:"sources"`
}

// A Position is someone's support or opposition, with their words: what
// they said in the articles that report the stance (at most MaxWords).
type Position struct {
	Mention
	Words []Statement `json:"words"`
}

// MaxWords is how many statements a Position quotes; maxWordsFor is for how
// many positions of each side it looks them up.
const (
	MaxWords    = 3
	maxWordsFor = 20
)

// direct are the edges between bodies that report a reform, and how each
// reads from its subject.
var direct = []struct {
	pred quad.IRI
	how  string
}{
	{schema.ReplacedBy, "replaced by"},
	{schema.TransfersTo, "functions move to"},
	{schema.MergesInto, "merges into"},
}

// Reform answers what a reform changes (its kind, the bodies it affects,
// who gains, who carries it out and the direct changes its articles
// report), who supports and who opposes it with their words, and its
// articles over time. name is a reform's name, an alias (the words an
// article used, "abolition of PCTs") or its node ID; words from its name
// ("primary care trust") find it when they name one reform, and list the
// candidates when they name several.
func (s *Service) Reform(ctx context.Context, name string) (*ReformPage, error) {
	var out *ReformPage
	err := s.withIndex(ctx, func(st *store, ix *index) error {
		e, err := ix.resolve(name, []Kind{KindReform})
		if err != nil {
			return err
		}
		out, err = newAsker(st, ix).reform(e)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (a *asker) reform(e int32) (*ReformPage, error) {
	node := a.entityRef(e)
	p := &ReformPage{Reform: a.ix.entityOf(e), Kinds: []string{}, Changes: []Change{}, Articles: []Article{}}
	kinds, err := a.st.distinct(node, schema.Kind)
	if err != nil {
		return nil, err
	}
	for _, k := range kinds {
		p.Kinds = append(p.Kinds, a.st.text(k))
	}
	slices.Sort(p.Kinds)
	arts, err := a.articlesOf(e)
	if err != nil {
		return nil, err
	}
	p.Reform.Articles = len(arts)
	p.Timeline = a.timeline(arts)
	for _, ai := range arts[:min(len(arts), MaxNewest)] {
		art, err := a.article(a.ix.arts[ai].iri)
		if err != nil {
			return nil, err
		}
		p.Articles = append(p.Articles, art)
	}
	for _, part := range []struct {
		pred   quad.IRI
		inward bool
		to     *[]Mention
	}{{schema.Affects, false, &p.Affects}, {schema.Gains, false, &p.Gains}, {schema.Agent, false, &p.Agents}} {
		es, err := a.collect(node, part.pred, part.inward)
		if err != nil {
			return nil, err
		}
		if *part.to, err = a.mentions(es, nil, MaxProfileRows); err != nil {
			return nil, err
		}
	}
	inArticles := map[int32]bool{}
	for _, ai := range arts {
		inArticles[ai] = true
	}
	if p.Changes, err = a.changes(p.Affects, inArticles); err != nil {
		return nil, err
	}
	for _, part := range []struct {
		pred quad.IRI
		to   *[]Position
	}{{schema.Supports, &p.Supporters}, {schema.Opposes, &p.Opponents}} {
		ms, err := a.mentionsInto(node, part.pred, nil, MaxProfileRows)
		if err != nil {
			return nil, err
		}
		*part.to = make([]Position, len(ms))
		for i, m := range ms {
			(*part.to)[i] = Position{Mention: m, Words: []Statement{}}
			if i >= maxWordsFor || (m.Kind != KindPerson && m.Kind != KindOrganisation) {
				continue
			}
			if (*part.to)[i].Words, err = a.wordsIn(m); err != nil {
				return nil, err
			}
		}
	}
	return p, nil
}

// changes reads the direct edges from and to the affected bodies whose
// labels are in the reform's articles.
func (a *asker) changes(affected []Mention, inArticles map[int32]bool) ([]Change, error) {
	out := []Change{}
	for _, m := range affected {
		if m.Kind != KindOrganisation {
			continue
		}
		node := a.st.ref(quad.IRI(plainIRI(m.ID)))
		for _, d := range direct {
			for _, inward := range []bool{false, true} {
				es, err := a.collect(node, d.pred, inward)
				if err != nil {
					return nil, err
				}
				if err := a.st.values(labelsOf(es)); err != nil {
					return nil, err
				}
				es = slices.DeleteFunc(es, func(e labelled) bool {
					ai, ok := a.ix.artByIRI[string(schema.ArticleOf(quad.IRI(a.st.text(e.label))))]
					return !ok || !inArticles[ai]
				})
				others, err := a.mentions(es, nil, MaxProfileRows)
				if err != nil {
					return nil, err
				}
				for _, o := range others {
					c := Change{From: m.Ref, Relation: string(d.pred), How: d.how, To: o.Ref, Count: o.Count, Sources: o.Sources}
					if inward {
						c.From, c.To = o.Ref, m.Ref
					}
					out = append(out, c)
				}
			}
		}
	}
	return out, nil
}

// wordsIn returns what the holder of a position said in the articles that
// report it (the mention's labels): in the newest maxWordsIn of them, at
// most MaxWords statements, newest first.
func (a *asker) wordsIn(m Mention) ([]Statement, error) {
	holder := plainIRI(m.ID)
	seen := map[int32]bool{}
	var arts []int32
	for _, l := range m.labels { // newest first
		if ai, ok := a.ix.artByIRI[string(schema.ArticleOf(quad.IRI(l)))]; ok && !seen[ai] {
			seen[ai] = true
			arts = append(arts, ai)
		}
	}
	out := []Statement{}
	for _, ai := range arts[:min(len(arts), maxWordsIn)] {
		found, err := a.statementsIn(ai)
		if err != nil {
			return nil, err
		}
		for _, f := range found {
			if len(out) < MaxWords && slices.Contains(f.speakers, holder) {
				st, err := a.statementOf(f)
				if err != nil {
					return nil, err
				}
				out = append(out, st)
			}
		}
	}
	return out, nil
}

// maxWordsIn is how many of the articles reporting a stance wordsIn reads.
const maxWordsIn = 2
