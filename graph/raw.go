package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// ErrNoRaw says a store cannot be read by ID (ViewRaw): it is not bolt, or
// lacks an index Raw reads.
var ErrNoRaw = errors.New("the store cannot be read by ID")

// A Raw reads one snapshot of a bolt store by ID: the IDs Cayley's
// key-value store gives values and quads (its references are
// kv.Int64Value of them). Through Cayley, every read of a quad or a value
// is a transaction of its own and a walk through its key-value layer; a
// question on a hub reads thousands. A Raw reads them in one read
// transaction, each quad or value one look-up in the log, as Cayley's
// iterators would list them (live quads only, in index order), and sees
// nothing of a bulk write under way (bolt_view.go). It is valid only
// inside the function ViewRaw gave it to, and is not safe for concurrent
// use.
type Raw struct {
	ctx       context.Context
	r         boltReader
	sp, ops   *bolt.Bucket
	byLabel   *bolt.Bucket
	readQuads int
}

// A RawQuad is a quad as IDs; Label is 0 when it has none.
type RawQuad struct{ Subject, Predicate, Object, Label uint64 }

// ViewRaw calls fn with a Raw over one snapshot of the store: ErrNoRaw if
// the store is not bolt or lacks the subject+predicate, object+predicate
// or label index. fn must not write to the graph, nor open another read
// of it (a bolt writer waiting for the file to grow would wait on both).
func (g *Graph) ViewRaw(ctx context.Context, fn func(*Raw) error) error {
	if g.bolt == nil {
		return ErrNoRaw
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	defer g.readLock()()
	return g.bolt.db.View(func(tx *bolt.Tx) error {
		r, err := newBoltReader(tx)
		if err != nil {
			return err
		}
		raw := &Raw{ctx: ctx, r: r, sp: tx.Bucket([]byte("sp")), ops: tx.Bucket([]byte("ops")), byLabel: tx.Bucket([]byte("c"))}
		if r.log == nil || raw.sp == nil || raw.ops == nil || raw.byLabel == nil {
			return ErrNoRaw
		}
		return fn(raw)
	})
}

// ID is the ID of v, 0 when the store lacks it.
func (x *Raw) ID(v quad.Value) uint64 {
	if v == nil {
		return 0
	}
	return x.r.id(v)
}

// Value is the value with the ID, nil when there is none.
func (x *Raw) Value(id uint64) (quad.Value, error) {
	if id == 0 {
		return nil, nil
	}
	p, err := x.r.entry(id)
	if err != nil || p == nil || !p.IsNode() {
		return nil, err
	}
	v, err := pquads.UnmarshalValue(p.Value)
	if err != nil {
		return nil, fmt.Errorf("log entry %d: %w", id, err)
	}
	return v, nil
}

// Out calls fn with the live quads s -p-> x, in load order, until fn
// returns false.
func (x *Raw) Out(s, p uint64, fn func(RawQuad) bool) error {
	if s == 0 || p == 0 {
		return nil
	}
	_, err := x.list(x.sp.Get(appendIDKey(nil, s, p)), fn)
	return err
}

// In calls fn with the live quads x -p-> o, by subject ID, then in load
// order, until fn returns false.
func (x *Raw) In(o, p uint64, fn func(RawQuad) bool) error {
	if o == 0 || p == 0 {
		return nil
	}
	return x.scan(x.ops, appendIDKey(nil, o, p), 24, fn)
}

// Subject calls fn with the live quads whose subject is s, by predicate
// ID, then in load order, until fn returns false.
func (x *Raw) Subject(s uint64, fn func(RawQuad) bool) error {
	if s == 0 {
		return nil
	}
	return x.scan(x.sp, appendIDKey(nil, s), 16, fn)
}

// Labelled calls fn with the live quads labelled l, in load order, until
// fn returns false.
func (x *Raw) Labelled(l uint64, fn func(RawQuad) bool) error {
	if l == 0 {
		return nil
	}
	_, err := x.list(x.byLabel.Get(appendIDKey(nil, l)), fn)
	return err
}

// Incoming is Graph.Incoming in the snapshot.
func (x *Raw) Incoming(node, pred quad.IRI, n int) ([]Incoming, error) {
	out, err := x.r.incoming(x.ctx, x.ops, node, pred, n)
	if err != nil {
		return nil, fmt.Errorf("edges into %s: %w", node, err)
	}
	return out, nil
}

// scan calls list for each key of b under prefix that is size bytes long.
func (x *Raw) scan(b *bolt.Bucket, prefix []byte, size int, fn func(RawQuad) bool) error {
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if len(k) != size {
			continue
		}
		more, err := x.list(v, fn)
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// list calls fn with the live quads of an index list; false when fn
// stopped.
func (x *Raw) list(v []byte, fn func(RawQuad) bool) (bool, error) {
	for len(v) > 0 {
		id, n := binary.Uvarint(v)
		if n <= 0 {
			return false, errors.New("corrupt index list")
		}
		v = v[n:]
		if x.readQuads++; x.readQuads%1024 == 0 {
			if err := x.ctx.Err(); err != nil {
				return false, err
			}
		}
		q, err := x.r.entry(id) // nil past the horizon
		if err != nil {
			return false, err
		}
		if q == nil || q.Deleted || q.IsNode() {
			continue
		}
		if !fn(RawQuad{Subject: q.Subject, Predicate: q.Predicate, Object: q.Object, Label: q.Label}) {
			return false, nil
		}
	}
	return true, x.ctx.Err()
}

// InKeys calls fn with each node x that has p edges into o, by ID, and
// the IDs of those quads (by load order; fn must not keep the slice),
// without reading them: a deleted quad is listed until the store is built
// again (Exact says whether it holds any).
func (x *Raw) InKeys(o, p uint64, fn func(s uint64, quads []uint64) bool) error {
	if o == 0 || p == 0 {
		return nil
	}
	prefix := appendIDKey(nil, o, p)
	c := x.ops.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if len(k) != 24 {
			continue
		}
		ids, err := x.r.ids(v)
		if err != nil {
			return fmt.Errorf("index ops: %w", err)
		}
		if len(ids) > 0 && !fn(binary.BigEndian.Uint64(k[16:]), ids) {
			return nil
		}
	}
	return x.ctx.Err()
}

// LabelledIDs returns the IDs of the quads labelled l, by load order,
// without reading them (as InKeys).
func (x *Raw) LabelledIDs(l uint64) ([]uint64, error) {
	if l == 0 {
		return nil, nil
	}
	ids, err := x.r.ids(x.byLabel.Get(appendIDKey(nil, l)))
	if err != nil {
		return nil, fmt.Errorf("index c: %w", err)
	}
	return ids, nil
}

// Exact reports whether the index lists hold live quads only (none
// deleted, no write under way), so that InKeys' counts are quads: it
// counts the subject+predicate index's lists against the store's count
// (a few seconds on 17 M quads).
func (x *Raw) Exact() (bool, error) {
	if x.r.writing {
		return false, nil
	}
	size, err := metaInt(x.r.tx.Bucket(bucketMeta), "size")
	if err != nil {
		return false, err
	}
	var n int64
	c := x.sp.Cursor()
	keys := 0
	for k, v := c.First(); k != nil; k, v = c.Next() {
		for len(v) > 0 {
			_, m := binary.Uvarint(v)
			if m <= 0 {
				return false, errors.New("index sp: corrupt index list")
			}
			v = v[m:]
			n++
		}
		if keys++; keys%65536 == 0 {
			if err := x.ctx.Err(); err != nil {
				return false, err
			}
		}
	}
	return n == size, nil
}

// Quad reads the quad with the ID: false when it is deleted, or none.
func (x *Raw) Quad(id uint64) (RawQuad, bool, error) {
	q, err := x.r.entry(id)
	if err != nil || q == nil || q.Deleted || q.IsNode() {
		return RawQuad{}, false, err
	}
	return RawQuad{Subject: q.Subject, Predicate: q.Predicate, Object: q.Object, Label: q.Label}, true, nil
}
