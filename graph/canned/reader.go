package canned

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
)

// A reader answers the look-ups the Prelude's helpers make, from Go, with
// the same values in the same order, and counts the rows it emits. One
// reader serves one run: its caches hold names, types and headlines, as the
// Prelude's do.
type reader struct {
	ctx   context.Context
	qs    graph.QuadStore
	limit int
	rows  []Row
	err   error

	// inIndex, when the store is one of Cayley's key-value stores, is its
	// object+predicate+… index, read by prefix for a node's incoming edges
	// of one predicate. Gizmo's In(pred) reads the same prefix on a store
	// newsgraph opened (graph/prefix_scan.go; Cayley v0.7.7's own store
	// scans all the node's quads), but through iterators that read each
	// quad whole; this reads only the ends it wants.
	kv      *kv.QuadStore
	inIndex *kv.QuadIndex

	names     map[string]string
	types     map[[2]string]bool
	headlines map[string]string
}

func newReader(ctx context.Context, qs graph.QuadStore, limit int) *reader {
	r := &reader{
		ctx: ctx, qs: qs, limit: limit,
		names: map[string]string{}, types: map[[2]string]bool{}, headlines: map[string]string{},
	}
	if k, ok := kvStore(qs); ok {
		r.kv, r.inIndex = k, objectPredicateIndex(k)
	}
	return r
}

// kvStore finds the key-value store under qs, through Cayley's handle and
// any store wrapping it that can Unwrap (newsgraph's bolt stores do).
func kvStore(qs graph.QuadStore) (*kv.QuadStore, bool) {
	for {
		qs = graph.Unwrap(qs)
		if k, ok := qs.(*kv.QuadStore); ok {
			return k, true
		}
		w, ok := qs.(interface{ Unwrap() graph.QuadStore })
		if !ok {
			return nil, false
		}
		qs = w.Unwrap()
	}
}

// objectPredicateIndex returns the store's index that begins with object
// and predicate (Cayley's default "ops"), found by asking the store which
// index it reads for an exact object+predicate+subject look-up.
func objectPredicateIndex(qs *kv.QuadStore) *kv.QuadIndex {
	probe := kv.Int64Value(1)
	s, ok := qs.OptimizeShape(shape.QuadsAction{Result: quad.Subject, Filter: map[quad.Direction]graph.Ref{
		quad.Object: probe, quad.Predicate: probe, quad.Subject: probe,
	}})
	if nf, isNodes := s.(shape.NodesFrom); isNodes {
		s = nf.Quads
	}
	scan, isScan := s.(kv.IndexScan)
	if !ok || !isScan || len(scan.Index.Dirs) < 2 ||
		scan.Index.Dirs[0] != quad.Object || scan.Index.Dirs[1] != quad.Predicate {
		return nil
	}
	return &scan.Index
}

// full reports whether the run has emitted its limit of rows, or must stop.
func (r *reader) full() bool {
	if r.err == nil {
		r.err = r.ctx.Err()
	}
	return r.err != nil || (r.limit > 0 && len(r.rows) >= r.limit)
}

func (r *reader) emit(row Row) {
	if !r.full() {
		r.rows = append(r.rows, row)
	}
}

func (r *reader) fail(err error) {
	if r.err == nil && err != nil {
		r.err = err
	}
}

// text is a value as Gizmo hands it to JavaScript: IRIs as "<iri>",
// strings as their text.
func text(v quad.Value) string {
	if v == nil {
		return ""
	}
	out := v.Native()
	if nv, ok := out.(quad.Value); ok && nv == v {
		return quad.StringOf(v)
	}
	return fmt.Sprint(out)
}

// node is a value as Gizmo reads one from JavaScript: g.V("<iri>").
func node(s string) quad.Value { return quad.StringToValue(s) }

// values runs p as Gizmo's ToArray(limit) does (limit < 0: all).
func (r *reader) values(p *path.Path, limit int) []string {
	var out []string
	it := iterator.Tag(p.BuildIteratorOn(r.qs), "id")
	err := graph.Iterate(r.ctx, it).Paths(false).Limit(limit).EachValue(r.qs, func(v quad.Value) {
		if v != nil {
			out = append(out, text(v))
		}
	})
	r.fail(err)
	return out
}

// value runs p as Gizmo's ToValue does: the first value, or ok false.
func (r *reader) value(p *path.Path) (string, bool) {
	v := r.values(p, 1)
	if len(v) == 0 {
		return "", false
	}
	return v[0], true
}

// An edge is one quad from a node: its other end and its label.
type edge struct{ id, source string }

// edges reads the quads node -pred-> x (x -pred-> node when inward) in the
// order the store lists them: when labelled, as the Prelude's edges() does,
// only quads with a label, each with it; else as Gizmo's ToArray of
// Out(pred) or In(pred). each returns false to stop.
func (r *reader) edges(n string, pred quad.IRI, inward, labelled bool, each func(edge) bool) {
	if r.inIndex != nil && inward {
		r.edgesIn(n, pred, labelled, each)
		return
	}
	p := path.StartPath(r.qs, node(n))
	if labelled {
		p = p.LabelContextWithTags([]string{"source"}, path.StartPath(r.qs))
	}
	if inward {
		p = p.In(pred)
	} else {
		p = p.Out(pred)
	}
	ctx, cancel := context.WithCancel(r.ctx)
	defer cancel()
	it := iterator.Tag(p.BuildIteratorOn(r.qs), "id")
	err := graph.Iterate(ctx, it).Paths(labelled).TagValues(r.qs, func(m map[string]quad.Value) {
		if ctx.Err() != nil || m["id"] == nil {
			return
		}
		if !each(edge{text(m["id"]), text(m["source"])}) {
			cancel()
		}
	})
	if err != nil && ctx.Err() == nil {
		r.fail(err)
	}
}

// edgesIn reads a node's incoming pred edges from the key-value store's
// object+predicate index: the quads Gizmo's In(pred) yields, in the same
// order (by subject, then quad), without the node's other edges. Unless
// labelled, edges come without their label.
func (r *reader) edgesIn(n string, pred quad.IRI, labelled bool, each func(edge) bool) {
	o, okO := r.qs.ValueOf(node(n)).(kv.Int64Value)
	p, okP := r.qs.ValueOf(pred).(kv.Int64Value)
	if !okO || !okP {
		return
	}
	it := kv.NewQuadIterator(r.kv, *r.inIndex, []uint64{uint64(o), uint64(p)})
	defer it.Close()
	for it.Next(r.ctx) {
		// Only the ends wanted: Quad would read all four values.
		ref := it.Result()
		var label quad.Value
		if l := r.qs.QuadDirection(ref, quad.Label); l != nil && labelled {
			label = r.qs.NameOf(l)
		}
		subject := r.qs.NameOf(r.qs.QuadDirection(ref, quad.Subject))
		if subject == nil || (labelled && label == nil) {
			continue
		}
		if !each(edge{text(subject), text(label)}) {
			return
		}
	}
	r.fail(it.Err())
}

// edgeList reads all the labelled edges as the Prelude's edges() does.
func (r *reader) edgeList(n string, pred quad.IRI, inward bool) []edge {
	var out []edge
	r.edges(n, pred, inward, true, func(e edge) bool { out = append(out, e); return true })
	return out
}

// A linked node is a node and the labels of its edges: byNode's groups.
type linked struct {
	id     string
	labels []string
}

// byNode groups edges by their other end, in first-seen order, each with its
// labels in sourceOrder, as the Prelude's byNode does.
func byNode(es []edge, keep func(string) bool) []linked {
	var out []linked
	at := map[string]int{}
	for _, e := range es {
		if keep != nil && !keep(e.id) {
			continue
		}
		i, ok := at[e.id]
		if !ok {
			i = len(out)
			at[e.id] = i
			out = append(out, linked{id: e.id})
		}
		if !contains(out[i].labels, e.source) {
			out[i].labels = append(out[i].labels, e.source)
		}
	}
	for _, l := range out {
		sortStrings(l.labels, sourceOrder)
	}
	return out
}

// sourceOrder puts sentence labels before article labels, then sorts by text.
func sourceOrder(x, y string) int {
	sx, sy := strings.Contains(x, "#"), strings.Contains(y, "#")
	if sx != sy {
		if sx {
			return -1
		}
		return 1
	}
	return jsCompare(x, y)
}

func (r *reader) nameOf(n string) string {
	if v, ok := r.names[n]; ok {
		return v
	}
	v, ok := r.value(path.StartPath(r.qs, node(n)).Out(quad.IRI("name")))
	if !ok {
		v = n
	}
	r.names[n] = v
	return v
}

// isA reports whether node n has the type: one exact look-up.
func (r *reader) isA(n, typ string) bool {
	k := [2]string{n, typ}
	if v, ok := r.types[k]; ok {
		return v
	}
	v := len(r.values(path.StartPath(r.qs, node(n)).Has(quad.IRI("type"), node(typ)), 1)) > 0
	r.types[k] = v
	return v
}

func articleOf(label string) string {
	if i := strings.IndexByte(label, '#'); i >= 0 {
		return label[:i] + ">"
	}
	return label
}

// withSource adds where a row was read: its label, the label's article and
// the article's headline.
func (r *reader) withSource(row Row, label string) Row {
	row["source"], row["article"], row["headline"] = label, "", ""
	if label == "" {
		return row
	}
	a := articleOf(label)
	h, ok := r.headlines[a]
	if !ok {
		h, _ = r.value(path.StartPath(r.qs, node(a)).Out(quad.IRI("headline")))
		r.headlines[a] = h
	}
	row["article"], row["headline"] = a, h
	return row
}

// find returns the nodes of a type that text names, sorted by name then
// IRI, as the Prelude's find does.
func (r *reader) find(arg, typ, prefix string) []string {
	t := node(typ)
	hit := r.values(path.StartPath(r.qs, node("<"+prefix+"/"+slug(arg)+">")).Has(quad.IRI("type"), t), 1)
	if len(hit) == 0 {
		names := path.StartPath(r.qs, node(arg), node(jsLower(arg)), node(titleCase(arg)))
		for _, n := range uniqStrings(r.values(names.In(quad.IRI("name"), quad.IRI("alias")), -1)) {
			if r.isA(n, typ) {
				hit = append(hit, n)
			}
		}
	}
	if len(hit) == 0 {
		// JavaScript's RegExp(…, "i") as goja runs it: Go's regexp, (?i).
		re, err := regexp.Compile("(?i)(^|\\W)" + regexp.QuoteMeta(arg))
		if err != nil {
			r.fail(err)
			return nil
		}
		for _, n := range r.values(path.StartPath(r.qs, t).In(quad.IRI("type")).Unique(), -1) {
			if name := r.nameOf(n); name != n && re.MatchString(name) {
				hit = append(hit, n)
			}
		}
	}
	hit = uniqStrings(hit)
	sortStrings(hit, func(x, y string) int {
		if c := jsCompare(r.nameOf(x), r.nameOf(y)); c != 0 {
			return c
		}
		return jsCompare(x, y)
	})
	return hit
}

// slug is the Prelude's slug: lower case, no apostrophes, runs of other
// characters as one hyphen.
func slug(s string) string {
	s = strings.NewReplacer("'", "", "\u2018", "", "\u2019", "").Replace(jsLower(s))
	var b strings.Builder
	dash := false
	for _, c := range s {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
		} else {
			dash = true
		}
	}
	return b.String()
}

// jsLower is JavaScript's toLowerCase for the text an argument holds.
func jsLower(s string) string { return strings.ToLower(s) }

// titleCase is the Prelude's titleCase: lower case, then an ASCII letter at
// the start or after white space upper case.
func titleCase(s string) string {
	b := []rune(jsLower(s))
	for i, c := range b {
		if c >= 'a' && c <= 'z' && (i == 0 || unicode.IsSpace(b[i-1])) {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// jsCompare orders strings as JavaScript's < does: by UTF-16 code unit.
func jsCompare(x, y string) int {
	for x != "" && y != "" {
		a, na := utf8.DecodeRuneInString(x)
		b, nb := utf8.DecodeRuneInString(y)
		if a != b {
			ua, ub := utf16Unit(a), utf16Unit(b)
			if ua != ub {
				return cmpInt(ua, ub)
			}
			return cmpInt(int(a), int(b)) // the same high surrogate
		}
		x, y = x[na:], y[nb:]
	}
	return cmpInt(len(x), len(y))
}

// utf16Unit is a rune's first UTF-16 code unit.
func utf16Unit(r rune) int {
	if r >= 0x10000 {
		return 0xD800 + int((r-0x10000)>>10)
	}
	return int(r)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func contains(a []string, s string) bool {
	for _, x := range a {
		if x == s {
			return true
		}
	}
	return false
}

func uniqStrings(a []string) []string {
	seen := map[string]bool{}
	out := a[:0:0]
	for _, s := range a {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// sortStrings sorts a with cmp; the callers' keys have no ties.
func sortStrings(a []string, cmp func(x, y string) int) { slices.SortFunc(a, cmp) }

func sortLinked(a []linked, cmp func(x, y linked) int) { slices.SortFunc(a, cmp) }

func sortRows(a []Row, cmp func(x, y Row) int) { slices.SortFunc(a, cmp) }
