package questions

import (
	"cmp"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// MaxSources is how many sources a Mention lists; Count says how many
// there are.
const MaxSources = 3

// A Mention is a node an answer names, with the sentences that say so:
// the newest first, at most MaxSources of them. For the edges into a node
// (a reform's supporters, the reforms that change a body) on bolt, the
// newest of the last maxIncomingLabels loaded: the rest are counted from
// the index without being read.
type Mention struct {
	Ref
	Count   int      `json:"count"` // sentences (or articles) saying so, in all
	Sources []Source `json:"sources"`

	labels []string // the labels read, newest first
}

// labelled is an edge's other end and its label, as text.
type labelled struct {
	node  cgraph.Ref
	label cgraph.Ref
}

// collect reads the edges node -pred-> x (x -pred-> node when inward).
func (a *asker) collect(node cgraph.Ref, pred quad.IRI, inward bool) ([]labelled, error) {
	var out []labelled
	f := func(e edge) bool { out = append(out, labelled(e)); return true }
	var err error
	if inward {
		err = a.st.in(node, pred, f)
	} else {
		err = a.st.out(node, pred, f)
	}
	return out, err
}

// mentions groups edges by their other node (those keep accepts, when
// set), the nodes with most sources first, then by name; it returns the
// first limit of them (all when limit <= 0), each with its newest sources.
func (a *asker) mentions(es []labelled, keep func(Ref) bool, limit int) ([]Mention, error) {
	// Nodes the index has no ID of are read now; labels only for the
	// groups shown (a body's stances are thousands of edges).
	var unknown []cgraph.Ref
	for _, e := range es {
		if _, ok := a.ix.byID[rawID(e.node)]; !ok || a.st.raw == nil {
			unknown = append(unknown, e.node)
		}
	}
	if err := a.st.values(unknown); err != nil {
		return nil, err
	}
	type group struct {
		ref    Ref
		labels []cgraph.Ref
		seen   map[any]bool
	}
	var groups []*group
	byID := map[string]*group{}
	for _, e := range es {
		r := a.refOf(e.node)
		if keep != nil && !keep(r) {
			continue
		}
		g := byID[r.ID]
		if g == nil {
			g = &group{ref: r, seen: map[any]bool{}}
			byID[r.ID] = g
			groups = append(groups, g)
		}
		// A label's ID stands for its text: values are stored once.
		if l := e.label; l != nil && !g.seen[key(l)] {
			g.seen[key(l)] = true
			g.labels = append(g.labels, l)
		}
	}
	slices.SortStableFunc(groups, func(x, y *group) int {
		return cmp.Or(cmp.Compare(len(y.labels), len(x.labels)), strings.Compare(x.ref.Name, y.ref.Name), strings.Compare(x.ref.ID, y.ref.ID))
	})
	if limit > 0 && len(groups) > limit {
		groups = groups[:limit]
	}
	var shown []cgraph.Ref
	for _, g := range groups {
		shown = append(shown, g.labels...)
	}
	if err := a.st.values(shown); err != nil {
		return nil, err
	}
	out := make([]Mention, 0, len(groups))
	for _, g := range groups {
		labels := make([]string, len(g.labels))
		for i, l := range g.labels {
			labels[i] = a.st.text(l)
		}
		a.sortLabels(labels)
		m := Mention{Ref: g.ref, Count: len(labels), Sources: []Source{}, labels: labels}
		for _, l := range labels[:min(len(labels), MaxSources)] {
			src, err := a.source(l)
			if err != nil {
				return nil, err
			}
			m.Sources = append(m.Sources, src)
		}
		out = append(out, m)
	}
	return out, nil
}

// maxIncomingLabels is how many of a node's last edges mentionsInto reads
// for their sources, where the store can count the rest without reading
// them (bolt).
const maxIncomingLabels = 20

// mentionsInto is mentions of the edges x -pred-> node: on bolt from the
// index's keys and counts (graph.Incoming), reading the last
// maxIncomingLabels quads of each x only, whose newest are the sources; a
// council that thousands of reform sentences affect is a few keys.
func (a *asker) mentionsInto(node cgraph.Ref, pred quad.IRI, keep func(Ref) bool, limit int) ([]Mention, error) {
	if a.st.incoming == nil {
		es, err := a.collect(node, pred, true)
		if err != nil {
			return nil, err
		}
		return a.mentions(es, keep, limit)
	}
	type group struct {
		ref    Ref
		count  int
		labels []string
		quads  []uint64 // keyed: the quads, to read the last of
	}
	if a.keyed() {
		// The keys alone rank the nodes; the labels are read for those
		// shown only.
		var groups []group
		err := a.st.raw.InKeys(rawID(node), rawID(a.st.ref(pred)), func(s uint64, quads []uint64) bool {
			r := a.refOf(rawRef(s))
			if _, known := a.ix.byID[s]; !known {
				if _, isIRI := a.st.value(rawRef(s)).(quad.IRI); !isIRI {
					return true // as graph.Incoming
				}
			}
			if keep == nil || keep(r) {
				groups = append(groups, group{ref: r, count: len(quads), quads: slices.Clone(quads)})
			}
			return true
		})
		if err != nil {
			return nil, err
		}
		slices.SortStableFunc(groups, func(x, y group) int {
			return cmp.Or(cmp.Compare(y.count, x.count), strings.Compare(x.ref.Name, y.ref.Name), strings.Compare(x.ref.ID, y.ref.ID))
		})
		if limit > 0 && len(groups) > limit {
			groups = groups[:limit]
		}
		out := make([]Mention, 0, len(groups))
		for _, g := range groups {
			// The last maxIncomingLabels quads' labels, by load order, as
			// graph.Incoming reads them.
			var labels []cgraph.Ref
			for i := len(g.quads) - 1; i >= 0 && len(labels) < maxIncomingLabels; i-- {
				q, live, err := a.st.raw.Quad(g.quads[i])
				if err != nil {
					return nil, err
				}
				if live {
					labels = append(labels, rawRef(q.Label))
				}
			}
			slices.Reverse(labels)
			if err := a.st.values(labels); err != nil {
				return nil, err
			}
			for _, l := range labels {
				text := ""
				if iri, ok := a.st.value(l).(quad.IRI); ok {
					text = string(iri)
				}
				if !slices.Contains(g.labels, text) {
					g.labels = append(g.labels, text)
				}
			}
			m, err := a.mentionOf(g.ref, g.count, g.labels)
			if err != nil {
				return nil, err
			}
			out = append(out, m)
		}
		return out, nil
	}
	in, err := a.st.incoming(quad.IRI(a.st.text(node)), pred, maxIncomingLabels)
	if err != nil {
		return nil, err
	}
	var groups []group
	for _, i := range in {
		r := a.refOfIRI(string(i.IRI))
		if keep != nil && !keep(r) {
			continue
		}
		g := group{ref: r, count: i.Quads}
		for _, l := range i.Labels {
			if !slices.Contains(g.labels, string(l)) {
				g.labels = append(g.labels, string(l))
			}
		}
		groups = append(groups, g)
	}
	slices.SortStableFunc(groups, func(x, y group) int {
		return cmp.Or(cmp.Compare(y.count, x.count), strings.Compare(x.ref.Name, y.ref.Name), strings.Compare(x.ref.ID, y.ref.ID))
	})
	if limit > 0 && len(groups) > limit {
		groups = groups[:limit]
	}
	out := make([]Mention, 0, len(groups))
	for _, g := range groups {
		m, err := a.mentionOf(g.ref, g.count, g.labels)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// mentionOf is the Mention of r, with its labels' newest sources.
func (a *asker) mentionOf(r Ref, count int, labels []string) (Mention, error) {
	a.sortLabels(labels)
	m := Mention{Ref: r, Count: count, Sources: []Source{}, labels: labels}
	for _, l := range labels[:min(len(labels), MaxSources)] {
		src, err := a.source(l)
		if err != nil {
			return Mention{}, err
		}
		m.Sources = append(m.Sources, src)
	}
	return m, nil
}

// sortLabels sorts labels newest article first, then by sentence.
func (a *asker) sortLabels(labels []string) {
	list := make([]said, len(labels))
	for i, l := range labels {
		list[i].label = l
	}
	a.locateText(list)
	a.byDate(list)
	for i := range list {
		labels[i] = list[i].label
	}
}

// locateText fills in the article and sentence of saids whose labels are
// already text.
func (a *asker) locateText(list []said) {
	for i := range list {
		l := list[i].label
		list[i].art = -1
		if ai, ok := a.ix.artByIRI[string(schema.ArticleOf(quad.IRI(l)))]; ok {
			list[i].art = ai
		}
		list[i].sentence = sentenceNumber(l)
	}
}
