package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/schema"
)

// Stats counts what the store holds.
type Stats struct {
	Quads    int64 // quads
	Nodes    int64 // distinct values: IRIs, strings, labels
	Articles int64 // articles loaded (those with a content hash)
}

// Stats counts the store's quads, nodes and articles exactly; on a large
// store this reads every node. On bolt the three come from one snapshot.
func (g *Graph) Stats(ctx context.Context) (_ Stats, err error) {
	defer g.damage.catchAll(&err, g.damage.faults())
	defer g.readLock()()
	qs := g.h.QuadStore
	var out Stats
	if g.bolt != nil {
		// Cayley counts a key-value store's nodes by decoding its whole
		// log; bolt's value buckets hold one key per node.
		st, err := boltStats(g.bolt.db)
		if err == nil {
			return st, nil
		}
		if !errors.Is(err, errNoBoltIndex) {
			return Stats{}, fmt.Errorf("stats: %w", err)
		}
		out = Stats{Quads: st.Quads, Nodes: st.Nodes}
	} else {
		st, err := qs.Stats(ctx, true)
		if errors.Is(err, kv.ErrNoBucket) {
			// Cayley's key-value stores keep no size until the first write.
			return Stats{}, nil
		} else if err != nil {
			return Stats{}, fmt.Errorf("stats: %w", err)
		}
		out = Stats{Quads: st.Quads.Size, Nodes: st.Nodes.Size}
	}
	if pred := qs.ValueOf(schema.ContentHash); pred != nil {
		it := qs.QuadIterator(quad.Predicate, pred)
		defer it.Close()
		for it.Next(ctx) {
			out.Articles++
		}
		if err := it.Err(); err != nil {
			return Stats{}, fmt.Errorf("stats: %w", err)
		}
	}
	return out, nil
}

// Quads streams every quad in the store, in the backend's order. Close the
// reader when done (on the memory backend, writes wait for it).
func (g *Graph) Quads(ctx context.Context) quad.ReadCloser {
	unlock := g.readLock()
	qs := g.h.QuadStore
	it := qs.QuadsAllIterator()
	return &quadReader{ctx: ctx, qs: qs, it: it, unlock: unlock, d: g.damage}
}

type quadReader struct {
	ctx    context.Context
	qs     cgraph.QuadStore
	it     cgraph.Iterator
	unlock func()
	once   sync.Once
	d      *damage
}

func (r *quadReader) ReadQuad() (_ quad.Quad, err error) {
	defer r.d.catchAll(&err, r.d.faults())
	if r.it.Next(r.ctx) {
		return r.qs.Quad(r.it.Result()), nil
	}
	if err := r.it.Err(); err != nil {
		return quad.Quad{}, err
	}
	if err := r.ctx.Err(); err != nil {
		return quad.Quad{}, err
	}
	if err := r.d.err(); err != nil {
		return quad.Quad{}, err // the iterator ended at it
	}
	return quad.Quad{}, io.EOF
}

func (r *quadReader) Close() error {
	err := r.it.Close()
	r.once.Do(r.unlock)
	return err
}
