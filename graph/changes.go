package graph

import (
	"context"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
)

// This file lets readers that keep something derived from the store (the
// questions package's name index) stay correct as articles come and go,
// without re-reading the whole store after every load: the Graph counts its
// writes and remembers which articles the recent ones touched.

// changeLogSize is how many changed article IDs a Graph remembers. A reader
// further behind than that re-reads everything.
const changeLogSize = 4096

type changeLog struct {
	mu      sync.Mutex
	version uint64   // writes so far
	ids     []string // the last articles written, oldest first
	at      []uint64 // the version each was written at
	dropped uint64   // the latest version some of whose articles were let go
}

// record notes that ids were loaded, replaced or deleted, as one write.
func (c *changeLog) record(ids []string) {
	if len(ids) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.version++
	for _, id := range ids {
		c.ids = append(c.ids, id)
		c.at = append(c.at, c.version)
	}
	if n := len(c.ids) - changeLogSize; n > 0 {
		c.dropped = c.at[n-1]
		c.ids = append(c.ids[:0:0], c.ids[n:]...)
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

// ChangedSince returns the IDs of the articles loaded, replaced or deleted
// since version v, each once, and the current version. ok is false when
// the Graph no longer remembers all of them (it keeps the last few
// thousand): the caller must then re-read what it derived from the store.
func (g *Graph) ChangedSince(v uint64) (ids []string, now uint64, ok bool) {
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
	seen := map[string]bool{}
	for i, id := range c.ids {
		if c.at[i] > v && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, now, true
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
