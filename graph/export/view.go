package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/schema"
)

// A view is the node-link form of a quad stream that GEXF, GraphML and CSV
// write: content nodes with their literals as attributes, and one edge per
// distinct (subject, predicate, object). It holds only the builder's
// compact aggregates and the sorted order of the nodes and edges kept;
// writers materialise one node or edge at a time (node, edge) as they
// stream them out, so the graph is never held twice.
type view struct {
	b        *builder
	nodes    []uint32 // indices into b.nodes of the nodes kept, by id
	edges    []uint32 // indices into b.edges of the edges kept, by source, predicate, target
	attrs    []string // literal attribute names found on nodes, sorted
	dated    bool     // some node or edge carries a date
	quoted   bool     // some edge carries folded quotation words
	timeline bool
}

// viewNode and viewEdge are one node or edge as written.
type viewNode struct {
	id, typ, label string
	articles       []string            // article IRIs, sorted
	dates          []string            // "2006-01-02", sorted; empty without timeline
	attrs          map[string][]string // literal values by predicate local name, sorted
}

type viewEdge struct {
	id, source, target string
	pred               string // the predicate IRI as written: the edge's kind
	label              string // its local name
	articles, dates    []string
	quotes             []string // words of the quotations folded into this edge
}

// size is the viz size of a node: it grows with the square root of the
// number of articles, so a node in 100 articles is 10 times, not 100 times,
// as large as one seen once.
func (n *viewNode) size() float64 {
	k := len(n.articles)
	if k < 1 {
		k = 1
	}
	return math.Round(1000*math.Sqrt(float64(k))) / 100
}

// Local names of the predicates the view treats specially; they are matched
// by local name so that prefixed vocabularies (schema.org, rdf:type) work.
var (
	localType        = string(schema.Type)
	localName        = string(schema.Name)
	localAlias       = string(schema.Alias)
	localText        = string(schema.Text)
	localDate        = string(schema.Date)
	localSaid        = string(schema.Said)
	localAbout       = string(schema.About)
	localSentenceOf  = string(schema.SentenceOf)
	localMentionedIn = string(schema.MentionedIn)
)

// articleMeta are metadata predicates that say nothing about content nodes.
var articleMeta = map[string]bool{
	string(schema.Headline):    true,
	string(schema.URL):         true,
	string(schema.Source):      true,
	string(schema.Author):      true,
	string(schema.ContentHash): true,
}

// reservedAttr are the attribute names the writers set themselves; a
// literal predicate of the same local name gets a "lit_" prefix.
var reservedAttr = map[string]bool{
	"id": true, "label": true, "type": true, "articles": true, "sources": true,
	"dates": true, "color": true, "size": true, "quote": true,
}

// litKey is the attribute name of a literal predicate's local name.
func litKey(pred string) string {
	if reservedAttr[pred] {
		return "lit_" + pred
	}
	return pred
}

// typeOrder picks a node's type when it has several.
var typeOrder = []string{"Person", "Organization", "Organisation", "Reform", "Quotation", "Topic"}

// untyped is the type of nodes that have none.
const untyped = "Thing"

const noArticle = ^uint32(0)

// builder aggregates quads into compact per-node and per-edge records keyed
// by interned indices, so a large stream costs one record per distinct node
// and edge rather than one per quad.
type builder struct {
	ids     interner[string] // node IRI → index into nodes
	nodes   []*nodeAcc
	arts    interner[string] // article IRI → index into artIRIs and artDate
	artIRIs []string
	artDate []string         // "" when undated
	preds   interner[string] // predicate IRI → index into predIRI
	predIRI []string
	edgeIdx interner[edgeKey] // → index into edges
	edges   []edgeAcc
	quotes  map[uint32][]string // by edge index: words of the quotations folded into it
}

// An interner numbers distinct keys 0, 1, 2 … in the order it first sees
// them, so records can be kept in slices and referred to by small integers.
type interner[K comparable] struct{ m map[K]uint32 }

// id returns k's number and whether k is new (numbered len(m) - 1).
func (in *interner[K]) id(k K) (uint32, bool) {
	if in.m == nil {
		in.m = map[K]uint32{}
	}
	if i, ok := in.m[k]; ok {
		return i, false
	}
	i := uint32(len(in.m))
	in.m[k] = i
	return i, true
}

type nodeAcc struct {
	id     string
	types  []string
	arts   []uint32 // sorted set of article indices
	lits   []lit
	prov   bool // an Article or Sentence: provenance, not content
	folded bool // a quotation folded into said edges
}

type lit struct{ pred, val string }

type edgeKey struct{ s, p, o uint32 }

type edgeAcc struct {
	key  edgeKey
	arts []uint32
}

func newBuilder() *builder {
	return &builder{quotes: map[uint32][]string{}}
}

// readView reads src to its end and returns its node-link view.
func readView(ctx context.Context, src quad.Reader, opts Options) (*view, error) {
	b := newBuilder()
	if err := eachQuad(ctx, src, func(q quad.Quad) error { b.add(q); return nil }); err != nil {
		return nil, err
	}
	if opts.FoldQuotes {
		b.foldQuotes()
	}
	return b.view(opts), nil
}

// eachQuad calls f on every quad of src, checking ctx now and then.
func eachQuad(ctx context.Context, src quad.Reader, f func(quad.Quad) error) error {
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		q, err := src.ReadQuad()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read quads: %w", err)
		}
		if err := f(q); err != nil {
			return err
		}
	}
}

func (b *builder) node(id string) *nodeAcc {
	i, isNew := b.ids.id(id)
	if isNew {
		b.nodes = append(b.nodes, &nodeAcc{id: id})
	}
	return b.nodes[i]
}

func (b *builder) article(iri string) uint32 {
	if iri == "" {
		return noArticle
	}
	i, isNew := b.arts.id(iri)
	if isNew {
		b.artIRIs = append(b.artIRIs, iri)
		b.artDate = append(b.artDate, "")
	}
	return i
}

func (b *builder) pred(iri string) uint32 {
	i, isNew := b.preds.id(iri)
	if isNew {
		b.predIRI = append(b.predIRI, iri)
	}
	return i
}

// edge returns the index of the edge with key k, adding it if needed.
func (b *builder) edge(k edgeKey) uint32 {
	i, isNew := b.edgeIdx.id(k)
	if isNew {
		b.edges = append(b.edges, edgeAcc{key: k})
	}
	return i
}

// markProvenance flags a node as an Article or Sentence and drops what was
// gathered for it: a sentence's text, for one, is never written.
func (n *nodeAcc) markProvenance() {
	n.prov = true
	n.types, n.arts, n.lits = nil, nil, nil
}

func (n *nodeAcc) addArticle(a uint32) {
	if !n.prov {
		n.arts = addArticle(n.arts, a)
	}
}

func (b *builder) add(q quad.Quad) {
	s, ok := nodeID(q.Subject)
	if !ok {
		return
	}
	p, ok := q.Predicate.(quad.IRI)
	if !ok {
		return
	}
	art := b.article(labelArticle(q.Label))
	o, isNode := nodeID(q.Object)
	switch pl := local(string(p)); {
	case pl == localType:
		n := b.node(s)
		if !isNode {
			return
		}
		switch t := local(o); t {
		case string(schema.Article), string(schema.Sentence):
			n.markProvenance()
		default:
			n.addArticle(art)
			if !n.prov {
				n.types = addString(n.types, t)
			}
		}
	case pl == localDate:
		if d, ok := dateOf(q.Object); ok {
			b.artDate[b.article(s)] = d
		}
	case articleMeta[pl]:
	case pl == localSentenceOf:
		b.node(s).markProvenance()
		if isNode {
			b.node(o).markProvenance()
		}
	case pl == localMentionedIn:
		n := b.node(s)
		n.addArticle(art)
		if isNode {
			n.addArticle(b.article(o))
			b.node(o).markProvenance()
		}
	case isNode:
		sn, on := b.node(s), b.node(o)
		sn.addArticle(art)
		on.addArticle(art)
		i := b.edge(edgeKey{b.ids.m[s], b.pred(string(p)), b.ids.m[o]}) // may grow b.edges
		b.edges[i].arts = addArticle(b.edges[i].arts, art)
	default:
		n := b.node(s)
		if n.prov {
			return
		}
		n.addArticle(art)
		l := lit{pl, literalText(q.Object)}
		for _, x := range n.lits {
			if x == l {
				return
			}
		}
		n.lits = append(n.lits, l)
	}
}

// foldQuotes replaces each quotation that has a speaker and a topic by
// "said" edges from every speaker to every topic, carrying its words.
func (b *builder) foldQuotes() {
	type half struct {
		other, pred uint32
		edge        uint32
	}
	speakers := map[uint32][]half{}
	topics := map[uint32][]half{}
	for i, e := range b.edges {
		k := e.key
		switch local(b.predIRI[k.p]) {
		case localSaid:
			if b.isQuote(k.o) {
				speakers[k.o] = append(speakers[k.o], half{k.s, k.p, uint32(i)})
			}
		case localAbout:
			if b.isQuote(k.s) {
				topics[k.s] = append(topics[k.s], half{k.o, k.p, uint32(i)})
			}
		}
	}
	for q, ss := range speakers {
		ts := topics[q]
		if len(ts) == 0 {
			continue
		}
		qn := b.nodes[q]
		qn.folded = true
		var words []string
		for _, l := range qn.lits {
			if l.pred == localText {
				words = append(words, l.val)
			}
		}
		for _, s := range ss {
			for _, t := range ts {
				i := b.edge(edgeKey{s.other, s.pred, t.other})
				e := &b.edges[i]
				for _, a := range b.edges[s.edge].arts {
					e.arts = addArticle(e.arts, a)
				}
				for _, a := range b.edges[t.edge].arts {
					e.arts = addArticle(e.arts, a)
				}
				for _, w := range words {
					b.quotes[i] = addString(b.quotes[i], w)
				}
			}
		}
	}
}

func (b *builder) isQuote(i uint32) bool {
	for _, t := range b.nodes[i].types {
		if t == string(schema.Quotation) {
			return true
		}
	}
	return false
}

func (b *builder) keep(i uint32) bool {
	n := b.nodes[i]
	return !n.prov && !n.folded
}

// view sorts the nodes and edges to keep and gathers what the writers
// declare up front: the attribute names, and whether any dates or folded
// quotations will be written.
func (b *builder) view(opts Options) *view {
	v := &view{b: b, timeline: opts.Timeline}
	attrNames := map[string]bool{}
	for i, n := range b.nodes {
		if !b.keep(uint32(i)) {
			continue
		}
		v.nodes = append(v.nodes, uint32(i))
		names := 0
		for _, l := range n.lits {
			if l.pred == localName {
				names++
			} else {
				attrNames[litKey(l.pred)] = true
			}
		}
		if names > 1 {
			attrNames[localAlias] = true
		}
		if opts.Timeline && !v.dated {
			for _, a := range n.arts {
				if b.artDate[a] != "" {
					v.dated = true // edges' articles are their ends' articles: nodes tell
					break
				}
			}
		}
	}
	sort.Slice(v.nodes, func(i, j int) bool { return b.nodes[v.nodes[i]].id < b.nodes[v.nodes[j]].id })
	for k := range attrNames {
		v.attrs = append(v.attrs, k)
	}
	sort.Strings(v.attrs)

	for i, e := range b.edges {
		if !b.keep(e.key.s) || !b.keep(e.key.o) {
			continue
		}
		v.edges = append(v.edges, uint32(i))
		if len(b.quotes[uint32(i)]) > 0 {
			v.quoted = true
		}
	}
	sort.Slice(v.edges, func(i, j int) bool {
		x, y := b.edges[v.edges[i]].key, b.edges[v.edges[j]].key
		if x.s != y.s {
			return b.nodes[x.s].id < b.nodes[y.s].id
		}
		if x.p != y.p {
			return b.predIRI[x.p] < b.predIRI[y.p]
		}
		return b.nodes[x.o].id < b.nodes[y.o].id
	})
	return v
}

// node materialises the i-th node of the view.
func (v *view) node(i int) *viewNode {
	n := v.b.nodes[v.nodes[i]]
	vn := &viewNode{id: n.id, typ: pickType(n.types), articles: v.b.articleIRIs(n.arts)}
	if v.timeline {
		vn.dates = v.b.dates(n.arts)
	}
	vn.label, vn.attrs = labelAndAttrs(n)
	return vn
}

// edge materialises the i-th edge of the view; its id is "e" and i.
func (v *view) edge(i int) *viewEdge {
	ei := v.edges[i]
	e := &v.b.edges[ei]
	p := v.b.predIRI[e.key.p]
	ve := &viewEdge{
		id:     "e" + itoa(i),
		source: v.b.nodes[e.key.s].id, target: v.b.nodes[e.key.o].id,
		pred: p, label: local(p),
		articles: v.b.articleIRIs(e.arts),
		quotes:   v.b.quotes[ei],
	}
	if v.timeline {
		ve.dates = v.b.dates(e.arts)
	}
	return ve
}

func (b *builder) articleIRIs(arts []uint32) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = b.artIRIs[a]
	}
	sort.Strings(out)
	return out
}

func (b *builder) dates(arts []uint32) []string {
	var out []string
	for _, a := range arts {
		if d := b.artDate[a]; d != "" {
			out = addString(out, d)
		}
	}
	return out
}

// labelAndAttrs picks a node's display label and gathers its literals:
// the first name (others become aliases), else the start of its text,
// else the last segment of its IRI.
func labelAndAttrs(n *nodeAcc) (string, map[string][]string) {
	attrs := map[string][]string{}
	var names []string
	for _, l := range n.lits {
		if l.pred == localName {
			names = addString(names, l.val)
			continue
		}
		k := litKey(l.pred)
		attrs[k] = addString(attrs[k], l.val)
	}
	label := ""
	switch {
	case len(names) > 0:
		label = names[0]
		for _, extra := range names[1:] {
			attrs[localAlias] = addString(attrs[localAlias], extra)
		}
	case len(attrs[localText]) > 0:
		label = abbreviate(attrs[localText][0], 60)
	default:
		label = local(n.id)
	}
	if len(attrs) == 0 {
		attrs = nil
	}
	return label, attrs
}

func pickType(types []string) string {
	for _, t := range typeOrder {
		for _, u := range types {
			if t == u {
				return t
			}
		}
	}
	if len(types) > 0 {
		return types[0] // sorted by addString
	}
	return untyped
}

// typeColor is the fixed colour of each node type, so that the same kind of
// node looks the same in every export (Tableau 10 palette).
func typeColor(t string) [3]uint8 {
	switch t {
	case "Person":
		return [3]uint8{31, 119, 180}
	case "Organization", "Organisation":
		return [3]uint8{255, 127, 14}
	case "Reform":
		return [3]uint8{214, 39, 40}
	case "Quotation":
		return [3]uint8{44, 160, 44}
	case "Topic":
		return [3]uint8{148, 103, 189}
	}
	return [3]uint8{127, 127, 127}
}

func hexColor(t string) string {
	c := typeColor(t)
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}

// nodeID is the id of a value that can be a node: an IRI or a blank node.
func nodeID(v quad.Value) (string, bool) {
	switch v := v.(type) {
	case quad.IRI:
		return string(v), v != ""
	case quad.BNode:
		return "_:" + string(v), v != ""
	}
	return "", false
}

// labelArticle is the IRI of the article a provenance label belongs to.
func labelArticle(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(schema.ArticleOf(v))
	case quad.BNode:
		return "_:" + string(v)
	}
	return ""
}

// local is the part of an IRI after its last '/', '#' or ':'.
func local(iri string) string {
	if i := strings.LastIndexAny(iri, "/#:"); i >= 0 && i < len(iri)-1 {
		return iri[i+1:]
	}
	return iri
}

// literalText is the lexical form of a literal.
func literalText(v quad.Value) string {
	switch v := v.(type) {
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case nil:
		return ""
	}
	return fmt.Sprint(quad.NativeOf(v))
}

func abbreviate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// addArticle inserts a into the sorted set arts.
func addArticle(arts []uint32, a uint32) []uint32 {
	if a == noArticle {
		return arts
	}
	i := sort.Search(len(arts), func(i int) bool { return arts[i] >= a })
	if i < len(arts) && arts[i] == a {
		return arts
	}
	arts = append(arts, 0)
	copy(arts[i+1:], arts[i:])
	arts[i] = a
	return arts
}

// addString inserts s into the sorted set ss.
func addString(ss []string, s string) []string {
	i := sort.SearchStrings(ss, s)
	if i < len(ss) && ss[i] == s {
		return ss
	}
	ss = append(ss, "")
	copy(ss[i+1:], ss[i:])
	ss[i] = s
	return ss
}
