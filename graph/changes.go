package graph

import (
	"context"
	"fmt"
	"sync"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// This file lets readers that keep something derived from the store (the
// questions package's name index) stay correct as articles come and go,
// without re-reading the whole store after every load: the Graph counts its
// writes and remembers which articles the recent ones touched, and what
// those articles declared before (the store no longer has it).

// A Change is one article a write loaded, replaced or deleted.
type Change struct {
	Article string // its ID
	// Before are the article's quads declaring nodes (<type>, <name>,
	// <alias>) as they were before the write; none for a new article.
	// A reader that counted them can take them off, then read the
	// article's quads as they are now.
	Before []quad.Quad
}

// declarations returns the quads of qs that declare nodes.
func declarations(qs []quad.Quad) []quad.Quad {
	var out []quad.Quad
	for _, q := range qs {
		switch q.Predicate {
		case schema.Type, schema.Name, schema.Alias:
			out = append(out, q)
		}
	}
	return out
}

// changeLogSize is how many changed article IDs a Graph remembers. A reader
// further behind than that re-reads everything.
const changeLogSize = 4096

type changeLog struct {
	mu      sync.Mutex
	version uint64   // writes so far
	changes []Change // the last articles written, oldest first
	at      []uint64 // the version each was written at
	dropped uint64   // the latest version some of whose articles were let go
}

// record notes that articles were loaded, replaced or deleted, as one
// write.
func (c *changeLog) record(changes []Change) {
	if len(changes) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.version++
	for _, ch := range changes {
		c.changes = append(c.changes, ch)
		c.at = append(c.at, c.version)
	}
	if n := len(c.changes) - changeLogSize; n > 0 {
		c.dropped = c.at[n-1]
		c.changes = append(c.changes[:0:0], c.changes[n:]...)
		c.at = append(c.at[:0:0], c.at[n:]...)
	}
}

// Version counts the loads and deletes this Graph has made that changed
// articles (a load of unchanged articles changes nothing). It starts at 0 on
// Open. Writes made through Handle, or by another process, are not counted.
func (g *Graph) Version() uint64 {
	g.changes.mu.Lock()
	defer g.changes.mu.Unlock()
	return g.changes.version
}

// ChangedSince returns the articles loaded, replaced or deleted since
// version v, in the order they were written (an article written twice is
// there twice), and the current version. ok is false when the Graph no
// longer remembers all of them (it keeps the last few thousand): the caller
// must then re-read what it derived from the store.
func (g *Graph) ChangedSince(v uint64) (changes []Change, now uint64, ok bool) {
	c := &g.changes
	c.mu.Lock()
	defer c.mu.Unlock()
	now = c.version
	if v >= now {
		return nil, now, true
	}
	if v < c.dropped {
		return nil, now, false
	}
	for i, ch := range c.changes {
		if c.at[i] > v {
			changes = append(changes, ch)
		}
	}
	return changes, now, true
}

// View calls f with the quad store, holding writers off where the backend
// needs it (the memory store is not safe to read while written; bolt and
// SQL stores are). It is for code that reads the store with Cayley's own
// API, as Query does; f must not keep qs, or iterators over it, past its
// return.
func (g *Graph) View(ctx context.Context, f func(qs cgraph.QuadStore) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	defer g.readLock()()
	return f(g.h.QuadStore)
}

// Stamp identifies what the store holds, for data derived from it and kept
// beside it (CacheDir): on bolt, Cayley's write horizon and quad count,
// which every write changes, by any process. Other backends give no stamp
// (""): what is derived from them cannot be kept.
func (g *Graph) Stamp(ctx context.Context) (string, error) {
	if g.bolt == nil {
		return "", nil
	}
	defer g.readLock()()
	var stamp string
	err := g.bolt.db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return nil
		}
		horizon, err := metaInt(meta, "horizon")
		if err != nil {
			return err
		}
		size, err := metaInt(meta, "size")
		if err != nil {
			return err
		}
		stamp = fmt.Sprintf("bolt horizon %d size %d", horizon, size)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("stamp: %w", err)
	}
	return stamp, ctx.Err()
}

// CacheDir is where data derived from the store may be kept beside it:
// the bolt directory; "" for other backends. Stock Cayley ignores other
// files there. A reader that cannot write there (a read-only directory)
// keeps nothing.
func (g *Graph) CacheDir() string {
	if g.bolt == nil {
		return ""
	}
	dir, err := boltDir(g.address)
	if err != nil {
		return ""
	}
	return dir
}
