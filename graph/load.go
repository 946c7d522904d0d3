package graph

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/schema"
)

// Status says what Load did with an article.
type Status int

// Load outcomes.
const (
	Added    Status = iota + 1 // the article was new
	Replaced                   // its hash changed: old quads out, new in
	Skipped                    // same hash as stored: nothing written
)

func (s Status) String() string {
	switch s {
	case Added:
		return "added"
	case Replaced:
		return "replaced"
	case Skipped:
		return "skipped"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// A LoadResult reports one article's load.
type LoadResult struct {
	ArticleID string
	Status    Status
	Quads     int // quads the article has in the store after the load
	Added     int // quads written
	Removed   int // quads deleted
}

// Load stores one article's quads. An article whose stored content hash
// equals the doc's is left alone (Skipped); one whose hash differs has
// exactly its own quads replaced, in one transaction.
func (g *Graph) Load(ctx context.Context, doc Doc) (LoadResult, error) {
	res, err := g.LoadBatch(ctx, []Doc{doc})
	if err != nil {
		return LoadResult{}, err
	}
	return res[0], nil
}

// LoadBatch loads many articles, with Load's semantics for each, returning
// one result per doc in order. The docs are validated first, and nothing is
// written if one is invalid. New articles go to the backend's bulk writer in
// chunks (WithBatchQuads); changed articles are replaced in transactions that
// never split an article. A doc whose article ID repeats one earlier in the
// batch is loaded after it, as if by a later call.
func (g *Graph) LoadBatch(ctx context.Context, docs []Doc) (_ []LoadResult, err error) {
	defer g.damage.catchAll(&err, g.damage.faults())
	if g.cfg.readOnly {
		return nil, ErrReadOnly
	}
	ps, err := prepareAll(docs)
	if err != nil {
		return nil, err
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if err := g.refusal(); err != nil {
		return nil, err
	}
	out := make([]LoadResult, len(docs))
	for start := 0; start < len(ps); {
		end := roundEnd(ps, start)
		if err := g.loadRound(ctx, ps[start:end], out[start:end]); err != nil {
			return nil, err
		}
		start = end
	}
	return out, nil
}

// prepareAll prepares docs on all cores: a batch's loading is serial, one
// writer at a time, so what can happen before it should happen beside it
// (on 100,000 articles prepare took 12 of the writer's 234 CPU-seconds). It
// returns the first doc's error, in docs' order.
func prepareAll(docs []Doc) ([]*prepared, error) {
	ps := make([]*prepared, len(docs))
	errs := make([]error, len(docs))
	parallel(len(docs), func(i int) { ps[i], errs[i] = prepare(docs[i]) })
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return ps, nil
}

// parallel calls f(0) … f(n-1), as many at a time as there are cores.
func parallel(n int, f func(i int)) {
	var (
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}

// roundEnd returns the end of the longest run from start in which no
// article appears twice.
func roundEnd(ps []*prepared, start int) int {
	seen := make(map[string]bool)
	for i := start; i < len(ps); i++ {
		if seen[ps[i].id] {
			return i
		}
		seen[ps[i].id] = true
	}
	return len(ps)
}

// loadRound loads docs whose article IDs are distinct.
func (g *Graph) loadRound(ctx context.Context, ps []*prepared, out []LoadResult) error {
	qs := g.h.QuadStore
	var (
		fresh   []*prepared
		changes []articleChange
	)
	for i, p := range ps {
		if err := ctx.Err(); err != nil {
			return err
		}
		out[i] = LoadResult{ArticleID: p.id, Quads: len(p.quads)}
		// Key-value stores know no ref for a value they lack; SQL makes one
		// up from the hash, so an empty read is the test there.
		var old []quad.Quad
		if ref := qs.ValueOf(p.art); ref != nil {
			hash, ok, err := g.hashOf(ctx, p.art, ref)
			if err != nil {
				return err
			}
			if ok && hash == p.hash {
				out[i].Status = Skipped
				continue
			}
			if old, err = g.articleQuads(ctx, p.art, ref); err != nil {
				return err
			}
		}
		if len(old) == 0 {
			out[i].Status, out[i].Added = Added, len(p.quads)
			fresh = append(fresh, p)
			continue
		}
		c := diff(old, p.quads)
		c.id, c.before = p.id, declarations(old)
		changes = append(changes, c)
		out[i].Status, out[i].Added, out[i].Removed = Replaced, len(c.add), len(c.del)
	}
	// Noted once written, failed or not: a reader that read the store
	// while it was written reads these articles again (one that re-reads
	// an article the write failed to change loses nothing).
	touched := make([]Change, 0, len(fresh)+len(changes))
	for _, p := range fresh {
		touched = append(touched, Change{Article: p.id})
	}
	for _, c := range changes {
		touched = append(touched, Change{Article: c.id, Before: c.before})
	}
	defer g.changes.record(touched)
	if err := g.writeFresh(ctx, fresh); err != nil {
		return err
	}
	return g.applyChanges(ctx, changes)
}

// writeFresh writes the quads of articles the store has never seen through
// the backend's bulk writer. None of their quads can be in the store, since
// every one is labelled with the article or a sentence of it.
func (g *Graph) writeFresh(ctx context.Context, ps []*prepared) error {
	if len(ps) == 0 {
		return nil
	}
	if g.pg != nil {
		return g.writeFreshPostgres(ctx, ps)
	}
	if g.bulkBolt {
		return g.writeFreshBolt(ctx, ps)
	}
	w, err := g.h.QuadStore.NewQuadWriter()
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	batch := make([]quad.Quad, 0, min(g.cfg.batchQuads, 1<<16))
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if _, err := w.WriteQuads(batch); err != nil {
			return err
		}
		batch = batch[:0]
		return nil
	}
	n := 0
	for _, p := range ps {
		if err := ctx.Err(); err != nil {
			w.Close()
			return err
		}
		n += len(p.quads)
		for _, q := range p.quads {
			batch = append(batch, q)
			if len(batch) >= g.cfg.batchQuads {
				if err := flush(); err != nil {
					w.Close()
					return fmt.Errorf("load article %s: %w", p.id, err)
				}
			}
		}
	}
	if err := flush(); err != nil {
		w.Close()
		return fmt.Errorf("load: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	g.committed(n)
	return nil
}

// boltTxQuads is how many new quads, at most, go into one bolt transaction
// (unless WithBatchQuads asks for more). Each commit rewrites the index
// lists and node counts the batch touches and syncs the file: 3.3 M quads
// took 97 s to load at 10,000 quads a commit and 60 s at 200,000, and on
// 16 M quads the file was written eight times over at 200,000 (see
// ingest.DefaultBatchQuads).
const boltTxQuads = 1_000_000

// writeFreshBolt writes new articles into bolt's buckets directly
// (boltBulkWrite), in transactions that never split an article.
func (g *Graph) writeFreshBolt(ctx context.Context, ps []*prepared) error {
	var (
		parts [][]quad.Quad
		n     int
	)
	first, limit := 0, max(g.cfg.batchQuads, boltTxQuads)
	for i, p := range ps {
		// boltBulkWrite becomes the quads' only holder, so that they can
		// be collected during the commit.
		parts, n, p.quads = append(parts, p.quads), n+len(p.quads), nil
		if n < limit && i < len(ps)-1 {
			continue
		}
		if err := boltBulkWrite(ctx, g.bolt, parts, g.cfg.bolt); err != nil {
			return fmt.Errorf("load articles %s…%s: %w", ps[first].id, p.id, err)
		}
		g.committed(n)
		parts, n, first = nil, 0, i+1
	}
	return nil
}

// writeFreshPostgres bulk-loads new articles into PostgreSQL in one
// transaction (pgBulkWrite), then has Cayley forget the table sizes it
// caches: an empty ApplyDeltas resets them.
func (g *Graph) writeFreshPostgres(ctx context.Context, ps []*prepared) error {
	n := 0
	for _, p := range ps {
		n += len(p.quads)
	}
	all := make([]quad.Quad, 0, n)
	for _, p := range ps {
		all = append(all, p.quads...)
	}
	if err := pgBulkWrite(ctx, g.pg, all); err != nil {
		return fmt.Errorf("load articles %s…%s: %w", ps[0].id, ps[len(ps)-1].id, err)
	}
	if err := g.h.QuadStore.ApplyDeltas(nil, cgraph.IgnoreOpts{}); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	g.committed(n)
	return nil
}

// committed tells the WithAfterCommit hook about a commit of n quads.
func (g *Graph) committed(n int) {
	if g.cfg.afterCommit != nil {
		g.cfg.afterCommit(n)
	}
}

// An articleChange is what replacing one article's quads takes.
type articleChange struct {
	id       string
	del, add []quad.Quad
	before   []quad.Quad // the old quads' declarations (changes.go)
}

// diff returns the quads to delete and to add to turn old into new. Quads in
// both stay untouched: deleting and re-adding a quad in one Cayley
// transaction can lose it.
func diff(old, new []quad.Quad) articleChange {
	keep := make(map[string]bool, len(old))
	for _, q := range old {
		keep[q.NQuad()] = false
	}
	var c articleChange
	for _, q := range new {
		k := q.NQuad()
		if _, ok := keep[k]; ok {
			keep[k] = true
			continue
		}
		c.add = append(c.add, q)
	}
	for _, q := range old {
		if !keep[q.NQuad()] {
			c.del = append(c.del, q)
		}
	}
	return c
}

// applyChanges replaces articles in transactions of about WithBatchQuads
// deltas, each holding whole articles. Where the backend allows it
// (memstore, SQL) one transaction deletes and adds; Cayley's key-value
// stores (bolt, leveldb) lose track of a node whose reference count a
// transaction both lowers and raises, so there the deletions commit first and
// the additions second. An interruption between the two leaves the article
// without its content hash, which the next load replaces.
func (g *Graph) applyChanges(ctx context.Context, cs []articleChange) error {
	var (
		del, add []cgraph.Delta
		ids      []string
	)
	apply := func() error {
		if len(del)+len(add) == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		steps := [][]cgraph.Delta{del, add}
		if g.mixedTx {
			steps = [][]cgraph.Delta{append(del, add...)}
		}
		for _, d := range steps {
			if len(d) == 0 {
				continue
			}
			if err := g.h.QuadStore.ApplyDeltas(d, cgraph.IgnoreOpts{}); err != nil {
				return fmt.Errorf("replace article %s: %w", ids[0], err)
			}
			g.committed(len(d))
		}
		del, add, ids = del[:0], add[:0], ids[:0]
		return nil
	}
	for _, c := range cs {
		for _, q := range c.del {
			del = append(del, cgraph.Delta{Quad: q, Action: cgraph.Delete})
		}
		for _, q := range c.add {
			add = append(add, cgraph.Delta{Quad: q, Action: cgraph.Add})
		}
		ids = append(ids, c.id)
		if len(del)+len(add) >= g.cfg.batchQuads {
			if err := apply(); err != nil {
				return err
			}
		}
	}
	return apply()
}

// Delete removes every quad of an article: those labelled with its IRI and
// with each sentence it declares. It returns how many quads went; an article
// the store does not hold is not an error.
func (g *Graph) Delete(ctx context.Context, articleID string) (_ int, err error) {
	defer g.damage.catchAll(&err, g.damage.faults())
	if err := checkID(articleID); err != nil {
		return 0, err
	}
	if g.cfg.readOnly {
		return 0, ErrReadOnly
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if err := g.refusal(); err != nil {
		return 0, err
	}
	art := schema.ArticleIRI(articleID)
	ref := g.h.QuadStore.ValueOf(art)
	if ref == nil {
		return 0, nil
	}
	old, err := g.articleQuads(ctx, art, ref)
	if err != nil || len(old) == 0 {
		return 0, err
	}
	defer g.changes.record([]Change{{Article: articleID, Before: declarations(old)}})
	if err := g.applyChanges(ctx, []articleChange{{id: articleID, del: old}}); err != nil {
		return 0, fmt.Errorf("delete article %s: %w", articleID, err)
	}
	return len(old), nil
}

// ArticleHash returns the content hash stored for an article, and whether
// the store has one. Callers use it to skip reading or extracting an article
// the store already holds.
func (g *Graph) ArticleHash(ctx context.Context, articleID string) (_ string, _ bool, err error) {
	defer g.damage.catchAll(&err, g.damage.faults())
	if err := checkID(articleID); err != nil {
		return "", false, err
	}
	defer g.readLock()()
	art := schema.ArticleIRI(articleID)
	ref := g.h.QuadStore.ValueOf(art)
	if ref == nil {
		return "", false, nil
	}
	return g.hashOf(ctx, art, ref)
}

// hashOf reads <art> <content_hash> "…" labelled <art>.
func (g *Graph) hashOf(ctx context.Context, art quad.IRI, ref cgraph.Ref) (string, bool, error) {
	qs := g.h.QuadStore
	pred := qs.ValueOf(schema.ContentHash)
	if pred == nil {
		return "", false, nil
	}
	it := qs.QuadIterator(quad.Subject, ref)
	defer it.Close()
	for it.Next(ctx) {
		r := it.Result()
		if cgraph.ToKey(qs.QuadDirection(r, quad.Predicate)) != cgraph.ToKey(pred) ||
			cgraph.ToKey(qs.QuadDirection(r, quad.Label)) != cgraph.ToKey(ref) {
			continue
		}
		return valueText(qs.NameOf(qs.QuadDirection(r, quad.Object))), true, nil
	}
	if err := it.Err(); err != nil {
		return "", false, fmt.Errorf("read hash of %s: %w", art, err)
	}
	return "", false, nil
}

// articleQuads returns every quad labelled with the article or with a
// sentence it declares.
func (g *Graph) articleQuads(ctx context.Context, art quad.IRI, ref cgraph.Ref) ([]quad.Quad, error) {
	qs := g.h.QuadStore
	out, err := quadsLabelled(ctx, qs, ref)
	if err != nil {
		return nil, fmt.Errorf("read quads of %s: %w", art, err)
	}
	n := len(out)
	for _, q := range out[:n] {
		s, ok := q.Subject.(quad.IRI)
		if !ok || q.Predicate != schema.SentenceOf || q.Object != art || schema.ArticleOf(s) != art || s == art {
			continue
		}
		sref := qs.ValueOf(s)
		if sref == nil {
			continue
		}
		sq, err := quadsLabelled(ctx, qs, sref)
		if err != nil {
			return nil, fmt.Errorf("read quads of %s: %w", s, err)
		}
		out = append(out, sq...)
	}
	return out, nil
}

func quadsLabelled(ctx context.Context, qs cgraph.QuadStore, label cgraph.Ref) ([]quad.Quad, error) {
	it := qs.QuadIterator(quad.Label, label)
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		out = append(out, qs.Quad(it.Result()))
	}
	return out, it.Err()
}

// refusal is why the Graph refuses writes (ErrUndoFailed), nil if it
// takes them.
func (g *Graph) refusal() error {
	if g.bolt == nil {
		return nil
	}
	return g.bolt.view.refused()
}
