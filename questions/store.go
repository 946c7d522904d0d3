package questions

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

// A store reads the quad store for one question, inside graph.View. Every
// read starts from a node and one predicate: on Cayley's key-value stores
// (bolt) that is a prefix of an index, subject+predicate ("sp") forwards
// and object+predicate ("ops") backwards, so a hub's other edges are never
// read; on other stores it is the node's quads, filtered. Values are read
// once and kept for the question.
type store struct {
	ctx    context.Context
	qs     cgraph.QuadStore
	kv     *kv.QuadStore
	sp, op *kv.QuadIndex

	refs map[quad.Value]cgraph.Ref
	vals map[any]quad.Value

	lists *listCache // the index's, for questions to fill

	// raw reads bolt by ID in one transaction, for all the above but
	// lists (graph.Raw); nil elsewhere.
	raw *graph.Raw

	// incoming is graph.Incoming where it reads index keys (bolt, whose
	// reads take no lock, so it may be called inside graph.View); nil
	// elsewhere.
	incoming func(node, pred quad.IRI, n int) ([]graph.Incoming, error)
}

func newStore(ctx context.Context, qs cgraph.QuadStore) *store {
	s := &store{ctx: ctx, qs: qs, refs: map[quad.Value]cgraph.Ref{}, vals: map[any]quad.Value{}}
	if qs == nil {
		return s
	}
	if k, ok := kvStore(qs); ok {
		s.kv = k
		s.sp = indexFor(k, quad.Subject, quad.Predicate)
		s.op = indexFor(k, quad.Object, quad.Predicate, quad.Subject)
	}
	return s
}

// kvStore finds the key-value store under qs, through Cayley's handle and
// any store wrapping it that can Unwrap (newsgraph's bolt stores do).
func kvStore(qs cgraph.QuadStore) (*kv.QuadStore, bool) {
	for {
		qs = cgraph.Unwrap(qs)
		if k, ok := qs.(*kv.QuadStore); ok {
			return k, true
		}
		w, ok := qs.(interface{ Unwrap() cgraph.QuadStore })
		if !ok {
			return nil, false
		}
		qs = w.Unwrap()
	}
}

// indexFor returns the store's index that begins with dirs[0] and dirs[1],
// found by asking the store which index it reads for a look-up that fixes
// dirs (the store keeps its list private).
func indexFor(k *kv.QuadStore, dirs ...quad.Direction) *kv.QuadIndex {
	probe := kv.Int64Value(1)
	filter := map[quad.Direction]cgraph.Ref{}
	for _, d := range dirs {
		filter[d] = probe
	}
	sh, ok := k.OptimizeShape(shape.QuadsAction{Result: dirs[0], Filter: filter})
	if nf, isNodes := sh.(shape.NodesFrom); isNodes {
		sh = nf.Quads
	}
	scan, isScan := sh.(kv.IndexScan)
	if !ok || !isScan || len(scan.Index.Dirs) < 2 || scan.Index.Dirs[0] != dirs[0] || scan.Index.Dirs[1] != dirs[1] {
		return nil
	}
	return &scan.Index
}

// newRawStore reads through raw: Cayley's references to its IDs.
func newRawStore(ctx context.Context, raw *graph.Raw) *store {
	s := newStore(ctx, nil)
	s.raw = raw
	s.incoming = raw.Incoming
	return s
}

// rawValue is the value with the ID, from the index's kept values when
// there; an error reads as a missing value, as Cayley's NameOf's does.
func (s *store) rawValue(id uint64) quad.Value {
	if v, ok := s.lists.value(id); ok {
		return v
	}
	v, _ := s.raw.Value(id)
	s.lists.keep(v, id)
	return v
}

// rawID is the ID a reference of Cayley's key-value store stands for, 0
// for nil.
func rawID(r cgraph.Ref) uint64 {
	id, _ := r.(kv.Int64Value)
	return uint64(id)
}

// rawRef is the reference for an ID, nil for 0.
func rawRef(id uint64) cgraph.Ref {
	if id == 0 {
		return nil
	}
	return kv.Int64Value(id)
}

// ref is the store's reference to v, nil when the store lacks it.
func (s *store) ref(v quad.Value) cgraph.Ref {
	if r, ok := s.refs[v]; ok {
		return r
	}
	var r cgraph.Ref
	if s.raw != nil {
		id, ok := s.lists.id(v)
		if !ok {
			id = s.raw.ID(v)
			s.lists.keep(v, id)
		}
		r = rawRef(id)
	} else {
		r = s.qs.ValueOf(v)
	}
	s.refs[v] = r
	return r
}

// value is the value a reference stands for.
func (s *store) value(r cgraph.Ref) quad.Value {
	if r == nil {
		return nil
	}
	k := cgraph.ToKey(r)
	if v, ok := s.vals[k]; ok {
		return v
	}
	var v quad.Value
	if s.raw != nil {
		v = s.rawValue(rawID(r))
	} else {
		v = s.qs.NameOf(r)
	}
	s.vals[k] = v
	return v
}

// values reads many references' values at once (one transaction on
// key-value stores), keeping them for value.
func (s *store) values(refs []cgraph.Ref) error {
	var todo []cgraph.Ref
	asked := map[any]bool{}
	for _, r := range refs {
		if r == nil {
			continue
		}
		k := cgraph.ToKey(r)
		if _, ok := s.vals[k]; !ok && !asked[k] {
			asked[k] = true // edges to one node name it once
			todo = append(todo, r)
		}
	}
	if s.raw != nil {
		for i, r := range todo {
			v, ok := s.lists.value(rawID(r))
			if !ok {
				var err error
				if v, err = s.raw.Value(rawID(r)); err != nil {
					return fmt.Errorf("read values: %w", err)
				}
				s.lists.keep(v, rawID(r))
			}
			s.vals[cgraph.ToKey(r)] = v
			if i%1024 == 1023 {
				if err := s.ctx.Err(); err != nil {
					return err
				}
			}
		}
		return s.ctx.Err()
	}
	const batch = 4096
	for len(todo) > 0 {
		n := min(len(todo), batch)
		vs, err := cgraph.ValuesOf(s.ctx, s.qs, todo[:n])
		if err != nil {
			return fmt.Errorf("read values: %w", err)
		}
		for i, v := range vs {
			s.vals[cgraph.ToKey(todo[i])] = v
		}
		todo = todo[n:]
		if err := s.ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// text is the value of r as text: a string's words, an IRI without
// brackets.
func (s *store) text(r cgraph.Ref) string { return valueText(s.value(r)) }

func valueText(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.String:
		return string(v)
	case quad.IRI:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	}
	return quad.ToString(v)
}

// An edge is one quad read from a node: the node at its other end and its
// label (nil when it has none).
type edge struct{ node, label cgraph.Ref }

// out calls fn with the quads node -pred-> x, in the store's order, until
// fn returns false.
func (s *store) out(node cgraph.Ref, pred quad.IRI, fn func(edge) bool) error {
	return s.edges(node, pred, quad.Subject, quad.Object, s.sp, fn)
}

// in calls fn with the quads x -pred-> node.
func (s *store) in(node cgraph.Ref, pred quad.IRI, fn func(edge) bool) error {
	return s.edges(node, pred, quad.Object, quad.Subject, s.op, fn)
}

func (s *store) edges(node cgraph.Ref, pred quad.IRI, from, to quad.Direction, index *kv.QuadIndex, fn func(edge) bool) error {
	p := s.ref(pred)
	if node == nil || p == nil {
		return nil
	}
	if s.raw != nil {
		read := s.raw.Out
		if from == quad.Object {
			read = s.raw.In
		}
		err := read(rawID(node), rawID(p), func(q graph.RawQuad) bool {
			other := q.Object
			if to == quad.Subject {
				other = q.Subject
			}
			return fn(edge{node: rawRef(other), label: rawRef(q.Label)})
		})
		if err != nil {
			return fmt.Errorf("read %s edges: %w", pred, err)
		}
		return s.ctx.Err()
	}
	var it cgraph.Iterator
	n, okN := node.(kv.Int64Value)
	pv, okP := p.(kv.Int64Value)
	if index != nil && okN && okP {
		it = kv.NewQuadIterator(s.kv, *index, []uint64{uint64(n), uint64(pv)})
	} else {
		it = s.qs.QuadIterator(from, node)
	}
	defer it.Close()
	pk, nk := cgraph.ToKey(p), cgraph.ToKey(node)
	for it.Next(s.ctx) {
		r := it.Result()
		// Stores may answer more than asked (SQL answers for any ref):
		// check both ends.
		if cgraph.ToKey(s.qs.QuadDirection(r, quad.Predicate)) != pk || cgraph.ToKey(s.qs.QuadDirection(r, from)) != nk {
			continue
		}
		if !fn(edge{node: s.qs.QuadDirection(r, to), label: s.qs.QuadDirection(r, quad.Label)}) {
			break
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read %s edges: %w", pred, err)
	}
	return s.ctx.Err()
}

// about calls fn with each quad whose subject is node: its predicate's IRI
// and its object. For a node with a few quads (an article's fields) one
// read beats one a predicate.
func (s *store) about(node cgraph.Ref, fn func(pred string, obj cgraph.Ref)) error {
	if node == nil {
		return nil
	}
	if s.raw != nil {
		err := s.raw.Subject(rawID(node), func(q graph.RawQuad) bool {
			fn(s.text(rawRef(q.Predicate)), rawRef(q.Object))
			return true
		})
		if err != nil {
			return fmt.Errorf("read %s: %w", s.text(node), err)
		}
		return s.ctx.Err()
	}
	it := s.qs.QuadIterator(quad.Subject, node)
	defer it.Close()
	nk := key(node)
	for it.Next(s.ctx) {
		r := it.Result()
		if key(s.qs.QuadDirection(r, quad.Subject)) != nk {
			continue
		}
		fn(s.text(s.qs.QuadDirection(r, quad.Predicate)), s.qs.QuadDirection(r, quad.Object))
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read %s: %w", s.text(node), err)
	}
	return s.ctx.Err()
}

// A link is one quad as references.
type link struct{ subject, predicate, object, label cgraph.Ref }

// labelled calls fn with the quads whose label is label.
func (s *store) labelled(label cgraph.Ref, fn func(link) bool) error {
	if label == nil {
		return nil
	}
	if s.raw != nil {
		err := s.raw.Labelled(rawID(label), func(q graph.RawQuad) bool {
			return fn(link{subject: rawRef(q.Subject), predicate: rawRef(q.Predicate), object: rawRef(q.Object), label: rawRef(q.Label)})
		})
		if err != nil {
			return fmt.Errorf("read quads labelled %s: %w", s.text(label), err)
		}
		return s.ctx.Err()
	}
	it := s.qs.QuadIterator(quad.Label, label)
	defer it.Close()
	lk := cgraph.ToKey(label)
	for it.Next(s.ctx) {
		r := it.Result()
		l := link{
			subject:   s.qs.QuadDirection(r, quad.Subject),
			predicate: s.qs.QuadDirection(r, quad.Predicate),
			object:    s.qs.QuadDirection(r, quad.Object),
			label:     s.qs.QuadDirection(r, quad.Label),
		}
		if cgraph.ToKey(l.label) != lk {
			continue
		}
		if !fn(l) {
			break
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read quads labelled %s: %w", s.text(label), err)
	}
	return s.ctx.Err()
}

// first returns the text of node's first pred value, "" when it has none.
func (s *store) first(node cgraph.Ref, pred quad.IRI) (string, error) {
	var out cgraph.Ref
	err := s.out(node, pred, func(e edge) bool { out = e.node; return false })
	if err != nil || out == nil {
		return "", err
	}
	return s.text(out), nil
}

// distinct returns node's pred values (outward), each once, in the order
// the store lists them.
func (s *store) distinct(node cgraph.Ref, pred quad.IRI) ([]cgraph.Ref, error) {
	seen := map[any]bool{}
	var out []cgraph.Ref
	err := s.out(node, pred, func(e edge) bool {
		if k := cgraph.ToKey(e.node); !seen[k] {
			seen[k] = true
			out = append(out, e.node)
		}
		return true
	})
	return out, err
}

// key is a map key for a reference.
func key(r cgraph.Ref) any { return cgraph.ToKey(r) }
