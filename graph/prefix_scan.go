package graph

import (
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
)

// prefixStore is one of Cayley's key-value stores (bolt) that reads a set
// of quads fixed in two or more directions from the index that begins with
// them, by prefix.
//
// Cayley v0.7.7 reads such a set, g.V(x).In(pred) for instance, from the
// index of one direction and tests every quad found there against the
// others: all the quads naming x, of any predicate, each read from the log.
// On a topic or an organisation that tens of thousands of quads name, that
// is most of a canned question's time in the Gizmo form, which the HTTP API
// runs. Its own optimiser reads an index by prefix only when the set fixes
// every direction the index has: object and predicate fix two of the three
// of "ops".
type prefixStore struct {
	*kv.QuadStore
	indexes []kv.QuadIndex
}

// Unwrap returns the store prefixStore wraps, for code that reads its
// indexes itself (graph/canned).
func (s prefixStore) Unwrap() cgraph.QuadStore { return s.QuadStore }

// OptimizeShape reads a set of quads by index prefix where an index begins
// with directions the set fixes to one value each, and leaves the rest to
// Cayley. It reads every QuadsAction itself: Cayley's answer to one is a
// kv.IndexScan, which builds only on an unwrapped store.
func (s prefixStore) OptimizeShape(sh shape.Shape) (shape.Shape, bool) {
	switch sh := sh.(type) {
	case shape.Quads:
		// A filter of one direction already reads that direction's index.
		if scan, ok := s.prefixScan(sh, 2); ok {
			return scan, true
		}
		return sh, false
	case shape.QuadsAction:
		q := make(shape.Quads, 0, len(sh.Filter))
		for d, v := range sh.Filter {
			q = append(q, shape.QuadFilter{Dir: d, Values: shape.Fixed{v}})
		}
		if scan, ok := s.prefixScan(q, 1); ok {
			return sh.SimplifyFrom(scan), true
		}
		return sh, false
	}
	return s.QuadStore.OptimizeShape(sh)
}

// prefixScan rewrites q as a scan of the index whose prefix fixes most of
// its directions, at least least, intersected with the filters the prefix
// leaves out.
func (s prefixStore) prefixScan(q shape.Quads, least int) (shape.Shape, bool) {
	fixed := map[quad.Direction]uint64{}
	for _, f := range q {
		id, ok := oneID(f)
		if !ok {
			continue
		}
		if _, dup := fixed[f.Dir]; dup {
			return nil, false // two values on one direction: Cayley's to judge
		}
		fixed[f.Dir] = id
	}
	var (
		best   kv.QuadIndex
		prefix []uint64
	)
	for _, ind := range s.indexes {
		var vals []uint64
		for _, d := range ind.Dirs {
			id, ok := fixed[d]
			if !ok {
				break
			}
			vals = append(vals, id)
		}
		if len(vals) > len(prefix) {
			best, prefix = ind, vals
		}
	}
	if len(prefix) < max(least, 1) {
		return nil, false
	}
	scan := indexPrefix{qs: s.QuadStore, index: best, prefix: prefix}
	var rest shape.Quads
	for _, f := range q {
		// The prefix stands for the one-value filters on its directions;
		// any other filter, on those directions too, still applies.
		if _, ok := oneID(f); ok && slices.Contains(best.Dirs[:len(prefix)], f.Dir) {
			continue
		}
		rest = append(rest, f)
	}
	if len(rest) == 0 {
		return scan, true
	}
	return shape.Intersect{scan, rest}, true
}

// oneID is the store ID a filter fixes its direction to, if it fixes one.
func oneID(f shape.QuadFilter) (uint64, bool) {
	v, ok := shape.One(f.Values)
	id, isID := v.(kv.Int64Value)
	return uint64(id), ok && isID
}

// indexPrefix is the quads under one prefix of a key-value store's index.
// Unlike kv.IndexScan it holds its store, so it builds on a wrapped one.
type indexPrefix struct {
	qs     *kv.QuadStore
	index  kv.QuadIndex
	prefix []uint64
}

func (s indexPrefix) BuildIterator(cgraph.QuadStore) cgraph.Iterator {
	return kv.NewQuadIterator(s.qs, s.index, s.prefix)
}

func (s indexPrefix) Optimize(shape.Optimizer) (shape.Shape, bool) { return s, false }
