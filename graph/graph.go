package graph

import (
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
)

// A Graph is an open quad store holding newsgraph's quads. Its methods are
// safe for concurrent use, with one limit inherited from Cayley: the memory
// backend must not be queried while it is being written.
type Graph struct {
	backend string
	address string
	cfg     config
	h       *cgraph.Handle
	mixedTx bool // one transaction may both add and delete quads

	mu        sync.Mutex // serialises writes: Load reads, then writes, the store
	closeOnce sync.Once
	closeErr  error
}

// Backend names the backend the graph was opened with ("memory", "bolt",
// "postgres", …).
func (g *Graph) Backend() string { return g.backend }

// Handle is the Cayley handle (quad store and writer) under the graph, for
// code that speaks Cayley directly, such as its HTTP API. Quads written
// through it bypass Load's provenance bookkeeping.
func (g *Graph) Handle() *cgraph.Handle { return g.h }

// QuadStore is the Cayley quad store under the graph.
func (g *Graph) QuadStore() cgraph.QuadStore { return g.h.QuadStore }

// Close flushes and closes the store. Closing twice is harmless.
func (g *Graph) Close() error {
	g.closeOnce.Do(func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		g.closeErr = g.h.Close()
	})
	return g.closeErr
}
