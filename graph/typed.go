package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"

	"github.com/newsgraph/newsgraph/schema"
)

// A TypedNode is a node of one type and how many quads say so: the
// quads (IRI <type> T), one per article that names a person, a body or a
// topic, one per sentence that reports a reform.
type TypedNode struct {
	IRI   quad.IRI
	Quads int
}

// NodesOfType returns every node of type typ (schema.Person …), in the
// store's order. It is what a name index starts from. On bolt it reads the
// keys of the object+predicate+subject index under typ and <type>, and
// counts their quads from the lists there, without reading each quad: on
// 100,000 articles, a second where Cayley's iterator, reading every quad
// from the log, takes many. There a count includes quads deleted since the
// store was built (Cayley leaves them in its index lists), until the
// nodes' articles are loaded again.
func (g *Graph) NodesOfType(ctx context.Context, typ quad.IRI) ([]TypedNode, error) {
	defer g.readLock()()
	if g.bolt != nil {
		out, err := boltNodesOfType(ctx, g.bolt.db, typ)
		if !errors.Is(err, errNoBoltIndex) {
			if err != nil {
				return nil, fmt.Errorf("nodes of type %s: %w", typ, err)
			}
			return out, nil
		}
	}
	qs := g.h.QuadStore
	var out []TypedNode
	iris, err := subjectsInto(ctx, qs, typ, schema.Type, func(i int, _ cgraph.Ref) {
		if i == len(out) {
			out = append(out, TypedNode{})
		}
		out[i].Quads++
	})
	if err != nil {
		return nil, fmt.Errorf("nodes of type %s: %w", typ, err)
	}
	kept := out[:0]
	for i, iri := range iris {
		if iri != "" {
			out[i].IRI = iri
			kept = append(kept, out[i])
		}
	}
	return kept, ctx.Err()
}

// subjectsInto reads the quads (S pred object) through Cayley's quad
// iterator, calling add with each quad and the index of its subject in the
// order subjects were first met; it returns those subjects' IRIs ("" for
// a subject that is no IRI). A missing object or predicate reads nothing.
func subjectsInto(ctx context.Context, qs cgraph.QuadStore, object, pred quad.IRI, add func(i int, r cgraph.Ref)) ([]quad.IRI, error) {
	o, p := qs.ValueOf(object), qs.ValueOf(pred)
	if o == nil || p == nil {
		return nil, nil
	}
	it := qs.QuadIterator(quad.Object, o)
	defer it.Close()
	at := map[any]int{}
	var refs []cgraph.Ref
	for it.Next(ctx) {
		r := it.Result()
		if cgraph.ToKey(qs.QuadDirection(r, quad.Predicate)) != cgraph.ToKey(p) ||
			cgraph.ToKey(qs.QuadDirection(r, quad.Object)) != cgraph.ToKey(o) {
			continue
		}
		subj := qs.QuadDirection(r, quad.Subject)
		k := cgraph.ToKey(subj)
		i, ok := at[k]
		if !ok {
			i = len(refs)
			at[k] = i
			refs = append(refs, subj)
		}
		add(i, r)
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	vals, err := cgraph.ValuesOf(ctx, qs, refs)
	if err != nil {
		return nil, err
	}
	iris := make([]quad.IRI, len(vals))
	for i, v := range vals {
		if iri, ok := v.(quad.IRI); ok {
			iris[i] = iri
		}
	}
	return iris, nil
}

// boltNodesOfType answers NodesOfType from the "ops" bucket: its keys
// under typ+<type> are typ, <type> and a subject; their values list the
// quads, whose count is the number of IDs listed.
func boltNodesOfType(ctx context.Context, db *bolt.DB, typ quad.IRI) ([]TypedNode, error) {
	var out []TypedNode
	err := db.View(func(tx *bolt.Tx) error {
		r, err := newBoltReader(tx)
		if err != nil {
			return err
		}
		b := tx.Bucket([]byte("ops"))
		if b == nil || r.log == nil {
			return errNoBoltIndex
		}
		t, pred := r.id(typ), r.id(schema.Type)
		if t == 0 || pred == 0 {
			return nil
		}
		prefix := appendIDKey(nil, t, pred)
		c := b.Cursor()
		var key [8]byte
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if len(k) != 24 {
				continue
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			live, err := r.live(v)
			if err != nil {
				return fmt.Errorf("index ops: %w", err)
			}
			if !live {
				continue
			}
			ids, err := r.ids(v)
			if err != nil {
				return fmt.Errorf("index ops: %w", err)
			}
			n := len(ids)
			copy(key[:], k[16:])
			node := r.log.Get(key[:])
			if node == nil {
				continue
			}
			var p proto.Primitive
			if err := p.Unmarshal(node); err != nil {
				return fmt.Errorf("log entry %d: %w", binary.BigEndian.Uint64(key[:]), err)
			}
			v, err := pquads.UnmarshalValue(p.Value)
			if err != nil {
				return fmt.Errorf("log entry %d: %w", p.ID, err)
			}
			if iri, ok := v.(quad.IRI); ok {
				out = append(out, TypedNode{IRI: iri, Quads: n})
			}
		}
		return nil
	})
	return out, err
}

// Strings returns, for each node, the distinct values of its pred edges
// as text (a string's words, an IRI without brackets), in the store's
// order; reading at most max edges of each node when max > 0 (the names of
// a person named in a thousand articles are a thousand <name> quads, most
// of them alike). On bolt it reads the subject+predicate index and the
// quad log in one transaction, without Cayley's iterators.
func (g *Graph) Strings(ctx context.Context, nodes []quad.IRI, pred quad.IRI, max int) ([][]string, error) {
	defer g.readLock()()
	out := make([][]string, len(nodes))
	if g.bolt != nil {
		err := boltStrings(ctx, g.bolt.db, nodes, pred, max, out)
		if !errors.Is(err, errNoBoltIndex) {
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", pred, err)
			}
			return out, nil
		}
	}
	qs := g.h.QuadStore
	p := qs.ValueOf(pred)
	if p == nil {
		return out, nil
	}
	for i, n := range nodes {
		ref := qs.ValueOf(n)
		if ref == nil {
			continue
		}
		it := qs.QuadIterator(quad.Subject, ref)
		read := 0
		for it.Next(ctx) && (max <= 0 || read < max) {
			r := it.Result()
			if cgraph.ToKey(qs.QuadDirection(r, quad.Predicate)) != cgraph.ToKey(p) ||
				cgraph.ToKey(qs.QuadDirection(r, quad.Subject)) != cgraph.ToKey(ref) {
				continue
			}
			read++
			if s := plainText(qs.NameOf(qs.QuadDirection(r, quad.Object))); !contains(out[i], s) {
				out[i] = append(out[i], s)
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s of %s: %w", pred, n, err)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// boltStrings answers Strings from the "sp" bucket and the log.
func boltStrings(ctx context.Context, db *bolt.DB, nodes []quad.IRI, pred quad.IRI, max int, out [][]string) error {
	return db.View(func(tx *bolt.Tx) error {
		r, err := newBoltReader(tx)
		if err != nil {
			return err
		}
		sp := tx.Bucket([]byte("sp"))
		if r.log == nil || sp == nil {
			return errNoBoltIndex
		}
		p := r.id(pred)
		if p == 0 {
			return nil
		}
		texts := map[uint64]string{}
		entry := r.entry
		for i, n := range nodes {
			if i%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			s := r.id(n)
			if s == 0 {
				continue
			}
			ids, err := r.ids(sp.Get(appendIDKey(nil, s, p)))
			if err != nil {
				return fmt.Errorf("index sp: %w", err)
			}
			for read := 0; len(ids) > 0 && (max <= 0 || read < max); ids = ids[1:] {
				q, err := entry(ids[0])
				if err != nil {
					return err
				}
				if q == nil || q.Deleted || q.IsNode() {
					continue
				}
				read++
				text, ok := texts[q.Object]
				if !ok {
					v, err := entry(q.Object)
					if err != nil || v == nil {
						return err
					}
					val, err := pquads.UnmarshalValue(v.Value)
					if err != nil {
						return fmt.Errorf("log entry %d: %w", q.Object, err)
					}
					text = plainText(val)
					texts[q.Object] = text
				}
				if !contains(out[i], text) {
					out[i] = append(out[i], text)
				}
			}
		}
		return nil
	})
}

// plainText is a value as text: a string's words, an IRI without brackets.
func plainText(v quad.Value) string {
	switch v := v.(type) {
	case quad.String:
		return string(v)
	case quad.IRI:
		return string(v)
	case nil:
		return ""
	}
	return quad.ToString(v)
}

// An Incoming is a node with edges of one predicate into another: how many
// quads, and the labels of the last few loaded.
type Incoming struct {
	IRI    quad.IRI
	Quads  int
	Labels []quad.IRI // of its last n quads, by load order (the newest last)
}

// Incoming returns the nodes with pred edges into node, each with its
// number of quads and the labels of up to n of them, the last loaded. On
// bolt the nodes and counts are the keys and list lengths of the
// object+predicate+subject index under node and pred, and only the last n
// quads of each list are read: a council that 4,000 reform sentences
// affect is a few keys, not 4,000 quads. There a count includes quads
// deleted since the store was built, as NodesOfType's does.
func (g *Graph) Incoming(ctx context.Context, node, pred quad.IRI, n int) ([]Incoming, error) {
	defer g.readLock()()
	if g.bolt != nil {
		out, err := boltIncoming(ctx, g.bolt.db, node, pred, n)
		if !errors.Is(err, errNoBoltIndex) {
			if err != nil {
				return nil, fmt.Errorf("edges into %s: %w", node, err)
			}
			return out, nil
		}
	}
	qs := g.h.QuadStore
	var out []Incoming
	iris, err := subjectsInto(ctx, qs, node, pred, func(i int, r cgraph.Ref) {
		if i == len(out) {
			out = append(out, Incoming{})
		}
		out[i].Quads++
		if l, ok := qs.NameOf(qs.QuadDirection(r, quad.Label)).(quad.IRI); ok {
			out[i].Labels = append(out[i].Labels, l)
			if n > 0 && len(out[i].Labels) > n {
				out[i].Labels = out[i].Labels[1:]
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("edges into %s: %w", node, err)
	}
	kept := out[:0]
	for i, iri := range iris {
		if iri != "" {
			out[i].IRI = iri
			kept = append(kept, out[i])
		}
	}
	return kept, ctx.Err()
}

// boltIncoming answers Incoming from the "ops" bucket and the log.
func boltIncoming(ctx context.Context, db *bolt.DB, node, pred quad.IRI, n int) ([]Incoming, error) {
	var out []Incoming
	err := db.View(func(tx *bolt.Tx) error {
		r, err := newBoltReader(tx)
		if err != nil {
			return err
		}
		out, err = r.incoming(ctx, tx.Bucket([]byte("ops")), node, pred, n)
		return err
	})
	return out, err
}

// incoming answers Incoming in r's snapshot, from ops (the "ops" bucket).
func (r boltReader) incoming(ctx context.Context, b *bolt.Bucket, node, pred quad.IRI, n int) ([]Incoming, error) {
	if b == nil || r.log == nil {
		return nil, errNoBoltIndex
	}
	o, p := r.id(node), r.id(pred)
	if o == 0 || p == 0 {
		return nil, nil
	}
	var out []Incoming
	entry := r.entry
	labels := map[uint64]quad.IRI{}
	prefix := appendIDKey(nil, o, p)
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if len(k) != 24 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ids, err := r.ids(v)
		if err != nil {
			return nil, fmt.Errorf("index ops: %w", err)
		}
		if len(ids) == 0 {
			continue
		}
		in := Incoming{Quads: len(ids)}
		live := false
		// The last quads, newest first, until n live ones.
		for i := len(ids) - 1; i >= 0 && (n <= 0 || len(in.Labels) < n); i-- {
			q, err := entry(ids[i])
			if err != nil {
				return nil, err
			}
			if q == nil || q.Deleted || q.IsNode() {
				continue
			}
			live = true
			l, ok := labels[q.Label]
			if !ok && q.Label != 0 {
				v, err := entry(q.Label)
				if err != nil {
					return nil, err
				}
				if v != nil {
					val, err := pquads.UnmarshalValue(v.Value)
					if err != nil {
						return nil, fmt.Errorf("log entry %d: %w", q.Label, err)
					}
					l, _ = val.(quad.IRI)
				}
				labels[q.Label] = l
			}
			in.Labels = append([]quad.IRI{l}, in.Labels...)
		}
		if !live {
			continue // every quad deleted
		}
		s, err := entry(binary.BigEndian.Uint64(k[16:]))
		if err != nil {
			return nil, err
		}
		if s == nil {
			continue
		}
		val, err := pquads.UnmarshalValue(s.Value)
		if err != nil {
			return nil, fmt.Errorf("log entry %d: %w", s.ID, err)
		}
		iri, ok := val.(quad.IRI)
		if !ok {
			continue
		}
		in.IRI = iri
		out = append(out, in)
	}
	return out, nil
}
