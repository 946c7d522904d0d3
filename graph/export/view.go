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
// distinct (subject, predicate, object), both sorted.
type view struct {
	nodes  []viewNode
	edges  []viewEdge
	attrs  []string // literal attribute names found on nodes, sorted
	dated  bool     // some node or edge carries a date
	quoted bool     // some edge carries folded quotation words
}

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
	string(schema.ContentHash): true,
}

// reservedAttr are the attribute names the writers set themselves; a
// literal predicate of the same local name gets a "lit_" prefix.
var reservedAttr = map[string]bool{
	"id": true, "label": true, "type": true, "articles": true, "sources": true,
	"dates": true, "color": true, "size": true, "quote": true,
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
	ids     map[string]uint32 // node IRI → index into nodes
	nodes   []*nodeAcc
	arts    map[string]uint32 // article IRI → index into artIRIs
	artIRIs []string
	artDate []string // by article index; "" when undated
	preds   map[string]uint32
	predIRI []string
	edges   map[edgeKey]*edgeAcc
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
	arts   []uint32
	quotes []string
}

func newBuilder() *builder {
	return &builder{
		ids:   map[string]uint32{},
		arts:  map[string]uint32{},
		preds: map[string]uint32{},
		edges: map[edgeKey]*edgeAcc{},
	}
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
	i, ok := b.ids[id]
	if !ok {
		i = uint32(len(b.nodes))
		b.ids[id] = i
		b.nodes = append(b.nodes, &nodeAcc{id: id})
	}
	return b.nodes[i]
}

func (b *builder) article(iri string) uint32 {
	if iri == "" {
		return noArticle
	}
	i, ok := b.arts[iri]
	if !ok {
		i = uint32(len(b.artIRIs))
		b.arts[iri] = i
		b.artIRIs = append(b.artIRIs, iri)
		b.artDate = append(b.artDate, "")
	}
	return i
}

func (b *builder) pred(iri string) uint32 {
	i, ok := b.preds[iri]
	if !ok {
		i = uint32(len(b.predIRI))
		b.preds[iri] = i
		b.predIRI = append(b.predIRI, iri)
	}
	return i
}

func (b *builder) edge(s, p, o string) *edgeAcc {
	k := edgeKey{b.ids[s], b.pred(p), b.ids[o]}
	e := b.edges[k]
	if e == nil {
		e = &edgeAcc{}
		b.edges[k] = e
	}
	return e
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
		n.arts = addArticle(n.arts, art)
		if !isNode {
			return
		}
		switch t := local(o); t {
		case string(schema.Article), string(schema.Sentence):
			n.prov = true
		default:
			n.types = addString(n.types, t)
		}
	case pl == localDate:
		if d, ok := dateOf(q.Object); ok {
			b.artDate[b.article(s)] = d
		}
	case articleMeta[pl]:
	case pl == localSentenceOf:
		b.node(s).prov = true
		if isNode {
			b.node(o).prov = true
		}
	case pl == localMentionedIn:
		n := b.node(s)
		n.arts = addArticle(n.arts, art)
		if isNode {
			n.arts = addArticle(n.arts, b.article(o))
			b.node(o).prov = true
		}
	case isNode:
		sn, on := b.node(s), b.node(o)
		sn.arts = addArticle(sn.arts, art)
		on.arts = addArticle(on.arts, art)
		e := b.edge(s, string(p), o)
		e.arts = addArticle(e.arts, art)
	default:
		n := b.node(s)
		n.arts = addArticle(n.arts, art)
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
		other uint32
		pred  uint32
		e     *edgeAcc
	}
	speakers := map[uint32][]half{}
	topics := map[uint32][]half{}
	for k, e := range b.edges {
		switch local(b.predIRI[k.p]) {
		case localSaid:
			if b.isQuote(k.o) {
				speakers[k.o] = append(speakers[k.o], half{k.s, k.p, e})
			}
		case localAbout:
			if b.isQuote(k.s) {
				topics[k.s] = append(topics[k.s], half{k.o, k.p, e})
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
				k := edgeKey{s.other, s.pred, t.other}
				e := b.edges[k]
				if e == nil {
					e = &edgeAcc{}
					b.edges[k] = e
				}
				for _, a := range s.e.arts {
					e.arts = addArticle(e.arts, a)
				}
				for _, a := range t.e.arts {
					e.arts = addArticle(e.arts, a)
				}
				for _, w := range words {
					e.quotes = addString(e.quotes, w)
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

// view sorts the aggregates into the form writers stream out.
func (b *builder) view(opts Options) *view {
	v := &view{}
	attrNames := map[string]bool{}
	v.nodes = make([]viewNode, 0, len(b.nodes))
	for i, n := range b.nodes {
		if !b.keep(uint32(i)) {
			continue
		}
		vn := viewNode{id: n.id, typ: pickType(n.types), articles: b.articleIRIs(n.arts)}
		if opts.Timeline {
			vn.dates = b.dates(n.arts)
		}
		vn.label, vn.attrs = labelAndAttrs(n)
		for k := range vn.attrs {
			attrNames[k] = true
		}
		v.dated = v.dated || len(vn.dates) > 0
		v.nodes = append(v.nodes, vn)
	}
	sort.Slice(v.nodes, func(i, j int) bool { return v.nodes[i].id < v.nodes[j].id })
	for k := range attrNames {
		v.attrs = append(v.attrs, k)
	}
	sort.Strings(v.attrs)

	v.edges = make([]viewEdge, 0, len(b.edges))
	for k, e := range b.edges {
		if !b.keep(k.s) || !b.keep(k.o) {
			continue
		}
		p := b.predIRI[k.p]
		ve := viewEdge{
			source: b.nodes[k.s].id, target: b.nodes[k.o].id,
			pred: p, label: local(p),
			articles: b.articleIRIs(e.arts),
			quotes:   e.quotes,
		}
		if opts.Timeline {
			ve.dates = b.dates(e.arts)
		}
		v.dated = v.dated || len(ve.dates) > 0
		v.quoted = v.quoted || len(ve.quotes) > 0
		v.edges = append(v.edges, ve)
	}
	sort.Slice(v.edges, func(i, j int) bool {
		x, y := &v.edges[i], &v.edges[j]
		if x.source != y.source {
			return x.source < y.source
		}
		if x.pred != y.pred {
			return x.pred < y.pred
		}
		return x.target < y.target
	})
	for i := range v.edges {
		v.edges[i].id = fmt.Sprintf("e%d", i)
	}
	return v
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
		k := l.pred
		if reservedAttr[k] {
			k = "lit_" + k
		}
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
