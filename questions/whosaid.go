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

// A WhoSaidPage is who said what about something.
type WhoSaidPage struct {
	About About `json:"about"`
	// Total counts the statements found; when Complete is false the
	// articles read ran out before every article was, so there may be
	// more: ask for the next page, or WithScan for more articles.
	Total      int         `json:"total"`
	Complete   bool        `json:"complete"`
	Scanned    int         `json:"scanned"` // articles read
	Statements []Statement `json:"statements"`
}

// About says how WhoSaid read its argument: as a topic, as a person, body
// or reform (statements that name it), or as a phrase (statements that
// contain it).
type About struct {
	Text   string  `json:"text"` // as asked
	Topic  *Ref    `json:"topic,omitempty"`
	Entity *Entity `json:"entity,omitempty"`
	Phrase string  `json:"phrase,omitempty"` // folded: lower case, no accents
}

// DefaultScan is how many articles WhoSaid reads, newest first, unless
// WithScan says otherwise.
const DefaultScan = 200

// WithScan bounds the articles WhoSaid reads (default DefaultScan); zero
// or less reads them all.
func WithScan(n int) Option { return func(o *options) { o.scan, o.scanSet = n, true } }

// WhoSaid answers who said what about a topic, an entity or a phrase:
//
//   - a topic (its name or ID, "integration"): the statements about it;
//   - a person, body or reform, named exactly (by name, alias or ID,
//     "NHS England"): the statements, in the articles that mention it,
//     whose words or sentence name it (by its name or an alias), other
//     than its own;
//   - anything else: the statements whose words contain it as a phrase,
//     case and accents aside.
//
// Statements come newest article first, then in the article's order. It
// reads articles newest first until it has the page asked for (WithLimit,
// default 100; WithOffset), or has read WithScan articles (default
// 200), and says whether it read them all. A topic's or an entity's
// articles are those that declare it; a phrase's, all.
func (s *Service) WhoSaid(ctx context.Context, about string, opts ...Option) (*WhoSaidPage, error) {
	o := newOptions(opts, DefaultRows)
	if o.scan == 0 && !o.scanSet {
		o.scan = DefaultScan
	}
	var out *WhoSaidPage
	err := s.withIndex(ctx, func(st *store, ix *index) error {
		var err error
		out, err = newAsker(st, ix).whoSaid(about, o)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// whoSaidMatch is how WhoSaid tells the statements it wants.
type whoSaidMatch struct {
	topic      string   // a topic's IRI
	self       string   // an entity's IRI: its own statements are not about it
	phrases    []string // folded names, or the phrase
	inSentence bool     // a phrase may be in the sentence, not only the words
}

func (a *asker) whoSaid(about string, o options) (*WhoSaidPage, error) {
	p := &WhoSaidPage{About: About{Text: about}, Statements: []Statement{}}
	var (
		m    whoSaidMatch
		arts []int32
	)
	q := fold(about)
	if q == "" {
		return nil, invalid("who-said: say what about")
	}
	switch e, ok := a.ix.exactly(about); {
	case ok && a.ix.ents[e].kind == KindTopic:
		r := a.ix.ref(e)
		p.About.Topic, m.topic = &r, a.ix.ents[e].iri
		var err error
		if arts, err = a.articlesOf(e); err != nil {
			return nil, err
		}
	case ok:
		en := a.ix.entityOf(e)
		p.About.Entity, m.self, m.inSentence = &en, a.ix.ents[e].iri, true
		m.phrases = append(m.phrases, fold(en.Name))
		for _, al := range en.Aliases {
			if f := fold(al); len(f) > 2 {
				m.phrases = append(m.phrases, f)
			}
		}
		var err error
		if arts, err = a.articlesOf(e); err != nil {
			return nil, err
		}
	default:
		p.About.Phrase, m.phrases = q, []string{q}
		arts = a.ix.newest()
	}
	want := o.offset + o.limit
	var rows []found
	p.Complete = true
	for i, ai := range arts {
		if o.scan > 0 && i >= o.scan || o.limit > 0 && len(rows) >= want {
			p.Complete = false
			break
		}
		p.Scanned++
		got, err := a.statementsIn(ai)
		if err != nil {
			return nil, err
		}
		for _, f := range got {
			if m.matches(a, f) {
				rows = append(rows, f)
			}
		}
	}
	p.Total = len(rows)
	for _, f := range page(rows, o) {
		st, err := a.statementOf(f)
		if err != nil {
			return nil, err
		}
		p.Statements = append(p.Statements, st)
	}
	return p, nil
}

func (m whoSaidMatch) matches(a *asker, f found) bool {
	if m.topic != "" {
		return slices.Contains(f.topics, m.topic)
	}
	if m.self != "" && slices.Contains(f.speakers, m.self) {
		return false
	}
	text := fold(f.text)
	var sentence string
	if m.inSentence {
		sentence = fold(f.sentenceText)
	}
	for _, ph := range m.phrases {
		if containsWords(text, ph, false) || m.inSentence && containsWords(sentence, ph, false) {
			return true
		}
	}
	return false
}

// exactly returns the one entity whose name or alias is exactly text
// (case and accents aside), or its node ID: a topic first, then a name
// over aliases.
func (ix *index) exactly(text string) (int32, bool) {
	if e, ok := ix.lookupIRI(text); ok {
		return e, true
	}
	var exact []candidate
	for _, c := range ix.match(fold(text), nil) {
		if c.class == matchExact {
			exact = append(exact, c)
		}
	}
	if i := slices.IndexFunc(exact, func(c candidate) bool { return ix.ents[c.ent].kind == KindTopic }); i >= 0 {
		return exact[i].ent, true
	}
	if len(exact) == 1 || len(exact) > 1 && !exact[0].alias && exact[1].alias {
		return exact[0].ent, true
	}
	return 0, false
}

// A found is a statement as an article's quads give it.
type found struct {
	said
	iri          string
	text         string
	sentenceText string
	speakers     []string // IRIs
	topics       []string
}

// statementsIn reads an article's statements from its quads and its
// sentences' quads, in the article's order.
func (a *asker) statementsIn(ai int32) ([]found, error) {
	art := a.st.ref(quad.IRI(a.ix.arts[ai].iri))
	if art == nil {
		return nil, nil
	}
	pSentenceOf, pText := key(a.st.ref(schema.SentenceOf)), key(a.st.ref(schema.Text))
	pSaid, pAbout := key(a.st.ref(schema.Said)), key(a.st.ref(schema.About))
	var sentences []cgraph.Ref
	texts := map[any]cgraph.Ref{} // by sentence: its text
	err := a.st.labelled(art, func(q link) bool {
		switch key(q.predicate) {
		case pSentenceOf:
			sentences = append(sentences, q.subject)
		case pText:
			texts[key(q.subject)] = q.object
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	// The sentences' quads that may make statements, read first: only the
	// nodes something was said of are statements kept (below), so only
	// their values need reading, not those of all that is about a topic.
	type sentenceQuad struct {
		q        link
		sentence cgraph.Ref
	}
	var quads []sentenceQuad
	spoken := map[any]bool{}
	for _, s := range sentences {
		err := a.st.labelled(s, func(q link) bool {
			switch key(q.predicate) {
			case pSaid:
				spoken[key(q.object)] = true
			case pAbout, pText:
			default:
				return true
			}
			quads = append(quads, sentenceQuad{q: q, sentence: s})
			return true
		})
		if err != nil {
			return nil, err
		}
	}
	var out []found
	at := map[string]int{}
	get := func(node, sentence cgraph.Ref) *found {
		iri := a.st.text(node)
		i, ok := at[iri]
		if !ok {
			i = len(out)
			at[iri] = i
			label := a.st.text(sentence)
			out = append(out, found{said: said{node: node, label: label, art: ai, sentence: sentenceNumber(label)}, iri: iri,
				sentenceText: a.st.text(texts[key(sentence)])})
		}
		return &out[i]
	}
	isStatement := func(iri string) bool {
		return strings.HasPrefix(iri, "quote/") || strings.HasPrefix(iri, "statement/")
	}
	for _, sq := range quads {
		q := sq.q
		switch key(q.predicate) {
		case pSaid:
			f := get(q.object, sq.sentence)
			f.speakers = append(f.speakers, a.st.text(q.subject))
		case pAbout:
			if spoken[key(q.subject)] && isStatement(a.st.text(q.subject)) {
				f := get(q.subject, sq.sentence)
				f.topics = append(f.topics, a.st.text(q.object))
			}
		case pText:
			if spoken[key(q.subject)] && isStatement(a.st.text(q.subject)) {
				get(q.subject, sq.sentence).text = a.st.text(q.object)
			}
		}
	}
	out = slices.DeleteFunc(out, func(f found) bool { return len(f.speakers) == 0 })
	slices.SortStableFunc(out, func(x, y found) int {
		return cmp.Or(cmp.Compare(x.sentence, y.sentence), strings.Compare(x.iri, y.iri))
	})
	return out, nil
}

// statementOf makes a Statement of a found one, without reading the
// store again but for its article.
func (a *asker) statementOf(f found) (Statement, error) {
	st := Statement{ID: gizmoID(f.iri), Kind: Quotation, Text: f.text, Speakers: []Ref{}, Topics: []Ref{}}
	if strings.HasPrefix(f.iri, "statement/") {
		st.Kind = Reported
	}
	for _, s := range uniq(f.speakers) {
		st.Speakers = append(st.Speakers, a.refOfIRI(s))
	}
	for _, t := range uniq(f.topics) {
		st.Topics = append(st.Topics, a.refOfIRI(t))
	}
	sortRefs(st.Speakers)
	sortRefs(st.Topics)
	art, err := a.article(a.ix.arts[f.art].iri)
	if err != nil {
		return Statement{}, err
	}
	st.Source = Source{Sentence: gizmoID(f.label), Text: f.sentenceText, Article: art}
	return st, nil
}

// refOfIRI names a node by its IRI.
func (a *asker) refOfIRI(iri string) Ref {
	if e, ok := a.ix.byIRI[iri]; ok {
		return a.ix.ref(e)
	}
	return Ref{ID: gizmoID(iri), Name: iri}
}
