package extract

import (
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/schema"
)

// emit turns the article's analysis into facts.
func (d *doc) emit() []schema.Fact {
	id := d.a.ID
	art := schema.ArticleIRI(id)
	used := map[int]bool{}
	add := func(s quad.IRI, p quad.IRI, o quad.Value, sent int) {
		d.facts = append(d.facts, schema.Fact{Subject: s, Predicate: p, Object: o, Article: id, Sentence: sent})
		if sent > 0 {
			used[sent] = true
		}
	}
	add(art, schema.Type, schema.Article, 0)
	if d.a.Title != "" {
		add(art, schema.Headline, quad.String(d.a.Title), 0)
	}
	if !d.a.Date.IsZero() {
		add(art, schema.Date, quad.String(d.a.Date.Format("2006-01-02")), 0)
	}
	if d.a.URL != "" {
		add(art, schema.URL, quad.String(d.a.URL), 0)
	}
	if d.a.Source != "" {
		add(art, schema.Source, quad.String(d.a.Source), 0)
	}
	if d.a.Author != "" {
		add(art, schema.Author, quad.String(d.a.Author), 0)
	}
	if d.a.Hash != "" {
		add(art, schema.ContentHash, quad.String(d.a.Hash), 0)
	}
	emitted := map[*entity]bool{}
	node := func(e *entity) quad.IRI {
		iri := e.iri()
		if !emitted[e] {
			emitted[e] = true
			add(iri, schema.Type, e.kind, 0)
			add(iri, schema.Name, quad.String(e.name), 0)
			for _, a := range e.sortedAliases() {
				add(iri, schema.Alias, quad.String(a), 0)
			}
			add(iri, schema.MentionedIn, art, 0)
		}
		return iri
	}
	// A class of bodies named once in passing ("a charitable trust") is not
	// an actor; one the story returns to, defines, reforms or quotes is.
	involved := map[*entity]bool{} // bodies a reform changes or empowers
	for _, r := range d.reforms {
		involved[r.target] = true
		for _, g := range r.gains {
			involved[g] = true
		}
	}
	// A topic node is declared once an article, as an entity is: an
	// article's sentences are loaded and deleted with it, and declaring it
	// in each sentence that links to it gave a topic one <type> and one
	// <name> quad per such sentence (214,000 each on 100,000 articles).
	topicNode := func(topic string) quad.IRI {
		ti := schema.EntityIRI(schema.Topic, topic)
		add(ti, schema.Type, schema.Topic, 0)
		add(ti, schema.Name, quad.String(topic), 0)
		return ti
	}
	for _, e := range d.ents {
		if len(e.sents) == 0 {
			continue
		}
		if e.class && !involved[e] && len(e.sents) < 2 && !hasAcronymAlias(e) {
			continue
		}
		node(e)
	}
	for _, r := range d.roles {
		p := node(r.person)
		if r.role != "" {
			add(p, schema.Role, quad.String(r.role), r.sent.n)
		}
		if r.org != nil {
			add(p, schema.RoleEdge(r.role), node(r.org), r.sent.n)
		}
	}
	for _, q := range d.quotes {
		qi := schema.QuotationIRI(id, q.text)
		add(qi, schema.Type, schema.Quotation, q.sent.n)
		add(qi, schema.Text, quad.String(q.text), q.sent.n)
		for _, sp := range q.speakers {
			add(node(sp), schema.Said, qi, q.sent.n)
		}
		for _, topic := range d.topicsOf(q.text + " " + q.sent.text()) {
			add(qi, schema.About, topicNode(topic), q.sent.n)
		}
	}
	for _, st := range d.statements {
		si := schema.StatementIRI(id, st.text)
		add(si, schema.Type, schema.ReportedSpeech, st.sent.n)
		add(si, schema.Text, quad.String(st.text), st.sent.n)
		for _, sp := range st.speakers {
			add(node(sp), schema.Said, si, st.sent.n)
		}
		for _, topic := range d.topicsOf(st.text) {
			add(si, schema.About, topicNode(topic), st.sent.n)
		}
	}
	for _, r := range d.reforms {
		ri := schema.EntityIRI(schema.Reform, r.name())
		n := r.sent.n
		add(ri, schema.Type, schema.Reform, n)
		add(ri, schema.Name, quad.String(r.name()), n)
		add(ri, schema.Kind, quad.String(string(r.kind)), n)
		add(ri, schema.Affects, node(r.target), n)
		for _, a := range r.said {
			if a != r.name() {
				add(ri, schema.Alias, quad.String(a), n)
			}
		}
		for _, a := range r.agents {
			add(ri, schema.Agent, node(a), n)
		}
		for _, s := range r.also {
			add(ri, schema.Affects, node(r.target), s.n) // each sentence that reports it
		}
		for _, g := range r.gains {
			gi := node(g)
			add(ri, schema.Gains, gi, n)
			add(ri, schema.Alias, quad.String(r.name()+" to "+g.name), n)
			switch r.kind {
			case schema.Replacement:
				add(node(r.target), schema.ReplacedBy, gi, n)
			case schema.Transfer:
				add(node(r.target), schema.TransfersTo, gi, n)
			case schema.Merger:
				add(node(r.target), schema.MergesInto, gi, n)
			}
		}
	}
	for _, st := range d.stances {
		p := schema.Opposes
		if st.supports {
			p = schema.Supports
		}
		add(node(st.holder), p, schema.EntityIRI(schema.Reform, st.reform.name()), st.sent.n)
	}
	// Declare every sentence that labels a fact, with its words.
	ns := make([]int, 0, len(used))
	for n := range used {
		ns = append(ns, n)
	}
	sort.Ints(ns)
	for _, n := range ns {
		si := schema.SentenceIRI(id, n)
		add(si, schema.Type, schema.Sentence, 0)
		add(si, schema.SentenceOf, art, 0)
		if s := d.sentence(n); s != nil {
			add(si, schema.Text, quad.String(strings.TrimSpace(s.text())), 0)
		}
	}
	return d.facts
}

// sentence returns sentence n (the article's are numbered 1, 2, … in
// order), or nil when there is none.
func (d *doc) sentence(n int) *sentence {
	if n >= 1 && n <= len(d.sents) && d.sents[n-1].n == n {
		return d.sents[n-1]
	}
	return nil
}

func hasAcronymAlias(e *entity) bool { // "practice-based commissioning (PBC) consortia"
	for a := range e.aliases {
		if isAllCaps(a) {
			return true
		}
	}
	return false
}
