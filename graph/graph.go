package graph

import (
	"database/sql"
	"errors"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
)

// A Graph is an open quad store holding newsgraph's quads. Its methods are
// safe for concurrent use. On the memory backend a reader (Query, Quads
// until closed, Stats) holds writers off, so it sees a LoadBatch whole or
// not at all. On bolt readers do not wait: each chunk of new articles
// (WithBatchQuads) is written in several transactions (docs/store.md), and
// until the last one commits the Graph's readers see the store without it
// (bolt_view.go); a replaced article is deleted, then added, and may be
// seen missing in between. (Another process cannot open the store while it
// loads.)
type Graph struct {
	backend  string
	address  string
	cfg      config
	h        *cgraph.Handle
	pg       *sql.DB    // PostgreSQL: new articles are bulk-loaded through it
	bolt     *boltStore // bolt: its file, as Cayley reads it and as newsgraph writes it
	bulkBolt bool       // new articles are written to bolt's buckets directly (else through Cayley's writer)
	mixedTx  bool       // one transaction may both add and delete quads
	damage   *damage    // bolt: damage its reads met (damage.go); nil otherwise

	// mu serialises writes (Load reads, then writes, the store). Readers
	// take it too on the memory backend, which Cayley does not guard.
	mu        sync.RWMutex
	changes   changeLog // the articles recent writes touched (changes.go)
	closeOnce sync.Once
	closeErr  error
}

// readLock guards a read where the backend needs it, and returns the unlock.
func (g *Graph) readLock() func() {
	if g.backend != Memory {
		return func() {}
	}
	g.mu.RLock()
	return g.mu.RUnlock
}

// Backend names the backend the graph was opened with ("memory", "bolt",
// "postgres", …).
func (g *Graph) Backend() string { return g.backend }

// Handle is the Cayley handle (quad store and writer) under the graph, for
// code that speaks Cayley directly, such as its HTTP API. Quads written
// through it bypass Load's provenance bookkeeping, and on the memory backend
// its reads are not guarded against a concurrent Load.
func (g *Graph) Handle() *cgraph.Handle { return g.h }

// QuadStore is the Cayley quad store under the graph.
func (g *Graph) QuadStore() cgraph.QuadStore { return g.h.QuadStore }

// Close flushes and closes the store. Closing twice is harmless.
func (g *Graph) Close() error {
	g.closeOnce.Do(func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		g.closeErr = g.h.Close()
		if g.pg != nil {
			g.closeErr = errors.Join(g.closeErr, g.pg.Close())
		}
	})
	return g.closeErr
}
