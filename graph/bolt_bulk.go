package graph

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// This file writes new articles' quads straight into the buckets Cayley's
// key-value quad store (graph/kv, v0.7.7) keeps in bolt, in the layout its
// own writer produces, so stock Cayley reads the result:
//
//	meta   "version", "indexes" (JSON), "horizon" and "size" (int64 LE)
//	log    8-byte big-endian ID -> proto.Primitive (nodes and quads)
//	vXY    value hash (XY its first two bytes) -> uvarint node ID
//	nXY    value hash -> uvarint count of the quad directions naming it
//	sp, ops, c …  one bucket per quad index: the big-endian IDs of the
//	       index's directions -> the uvarint IDs of the quads, ascending
//
// Cayley's writer does the same work one quad at a time through a generic
// key-value layer: a bucket look-up (and create) per key, a read of every
// index list and node count it touches, in hash order, at each commit. Here
// the batch's values are hashed once each, and every bucket is visited once,
// in key order, with its new entries: 3.3 M quads loaded in 51 s instead of
// 84 s (bench/README.md). Only quads that cannot be in the store yet come
// this way (writeFresh: every one is labelled with an article the store has
// never seen), so there is no existence check per quad, as in Cayley's
// writer when one of a quad's values is new.

var (
	bucketMeta = []byte("meta")
	bucketLog  = []byte("log")
)

// boltIndexes reads the quad indexes a Cayley bolt store maintains, as
// Cayley does: a store without the list has Cayley's legacy two.
func boltIndexes(db *bolt.DB) ([]kv.QuadIndex, error) {
	var list []kv.QuadIndex
	err := db.View(func(tx *bolt.Tx) error {
		var err error
		list, err = readIndexList(tx)
		return err
	})
	return list, err
}

// readIndexList reads the quad indexes from meta in tx (boltIndexes).
func readIndexList(tx *bolt.Tx) ([]kv.QuadIndex, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return nil, errors.New("read Cayley's index list: not a Cayley store: no meta bucket")
	}
	data := meta.Get([]byte("indexes"))
	if len(data) == 0 {
		return []kv.QuadIndex{{Dirs: []quad.Direction{quad.Subject}}, {Dirs: []quad.Direction{quad.Object}}}, nil
	}
	var list []kv.QuadIndex
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("read Cayley's index list: %w", err)
	}
	return list, nil
}

// arena hands out byte slices for one transaction's keys and values, which
// bolt keeps (by reference) until the commit: a few large allocations
// instead of tens of millions of small ones the collector must track.
type arena struct{ buf []byte }

func (a *arena) alloc(n int) []byte {
	if len(a.buf) < n {
		a.buf = make([]byte, max(n, 1<<20))
	}
	b := a.buf[:n:n]
	a.buf = a.buf[n:]
	return b
}

// uvarint returns x as a uvarint in a's memory.
func (a *arena) uvarint(x uint64) []byte {
	var tmp [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(tmp[:], x)
	b := a.alloc(n)
	copy(b, tmp[:n])
	return b
}

// A bulkPart is one article's quads as the bolt writer takes them: the
// distinct values, their hashes and how many quad directions name each, and
// each quad as indexes into them (-1 for no value).
type bulkPart struct {
	vals   []quad.Value
	hashes []cgraph.ValueHash
	refs   []uint64
	dirs   [][4]int32
}

func newBulkPart(qs []quad.Quad) bulkPart {
	var a bulkPart
	byVal := make(map[quad.Value]int32, len(qs))
	a.dirs = make([][4]int32, len(qs))
	for i, q := range qs {
		for d, dir := range quad.Directions {
			v := q.Get(dir)
			if v == nil {
				a.dirs[i][d] = -1
				continue
			}
			n, ok := byVal[v]
			if !ok {
				n = int32(len(a.vals))
				a.vals = append(a.vals, v)
				a.hashes = append(a.hashes, cgraph.HashOf(v))
				a.refs = append(a.refs, 0)
				byVal[v] = n
			}
			a.refs[n]++
			a.dirs[i][d] = n
		}
	}
	return a
}

// bulkNode is one distinct value of a batch.
type bulkNode struct {
	hash cgraph.ValueHash
	val  quad.Value
	refs uint64 // quad directions of the batch naming it
	old  uint64 // … and of the store's quads, for a stored value
	id   uint64 // above the batch's horizon for a new value
}

// A boltBatch is a batch of new quads on its way into bolt: its distinct
// values and each quad as indexes into them.
type boltBatch struct {
	nodes []bulkNode
	order []int32    // nodes in hash order, the order of their buckets
	dirs  [][4]int32 // each quad's values (-1: none)

	horizon, size int64  // the store's, before the batch
	created       int    // new values, numbered horizon+1 … in hash order
	first         uint64 // the first quad's ID, after the new values
}

// newBoltBatch gathers parts' values. It clears parts' elements once it has
// read them: after that a quad is only its values' indexes, so the batch's
// quads can be collected while the transactions, which need the memory,
// build and commit.
func newBoltBatch(parts [][]quad.Quad) *boltBatch {
	// Each article's distinct values and their hashes, on all cores: the
	// writer is the build's serial path.
	arts := make([]bulkPart, len(parts))
	parallel(len(parts), func(k int) {
		arts[k] = newBulkPart(parts[k])
		parts[k] = nil
	})
	total := 0
	for _, a := range arts {
		total += len(a.dirs)
	}
	b := &boltBatch{dirs: make([][4]int32, 0, total)}
	byHash := make(map[cgraph.ValueHash]int32, total/2)
	for k := range arts {
		a := &arts[k]
		at := make([]int32, len(a.vals))
		for i, h := range a.hashes {
			n, ok := byHash[h]
			if !ok {
				n = int32(len(b.nodes))
				b.nodes = append(b.nodes, bulkNode{hash: h, val: a.vals[i]})
				byHash[h] = n
			}
			b.nodes[n].refs += a.refs[i]
			at[i] = n
		}
		for _, qd := range a.dirs {
			for d, v := range qd {
				if v >= 0 {
					qd[d] = at[v]
				}
			}
			b.dirs = append(b.dirs, qd)
		}
		*a = bulkPart{}
	}
	b.order = make([]int32, len(b.nodes))
	for i := range b.order {
		b.order[i] = int32(i)
	}
	nodes := b.nodes
	slices.SortFunc(b.order, func(x, y int32) int { return bytes.Compare(nodes[x].hash[:], nodes[y].hash[:]) })
	return b
}

// resolve finds the IDs and counts of the values the store has, in read
// transactions on all cores (the write transactions are the serial path),
// and numbers the new ones as Cayley does: in hash order, after the
// store's horizon. The caller holds the store's only writer.
func (b *boltBatch) resolve(db *bolt.DB) error {
	err := db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || tx.Bucket(bucketLog) == nil {
			return errors.New("not a Cayley store: no meta or log bucket")
		}
		var err error
		if b.horizon, err = metaInt(meta, "horizon"); err != nil {
			return err
		}
		b.size, err = metaInt(meta, "size")
		return err
	})
	if err != nil {
		return err
	}
	chunks := splitOrder(b.nodes, b.order, runtime.GOMAXPROCS(0))
	errs := make([]error, len(chunks)-1)
	parallel(len(chunks)-1, func(c int) {
		errs[c] = db.View(func(tx *bolt.Tx) error {
			var vb, nb *bolt.Bucket
			for k, i := range b.order[chunks[c]:chunks[c+1]] {
				n := &b.nodes[i]
				if k == 0 || !samePair(n.hash, b.nodes[b.order[chunks[c]+k-1]].hash) {
					vb, nb = tx.Bucket(valueBucket('v', n.hash)), tx.Bucket(valueBucket('n', n.hash))
				}
				if vb == nil {
					continue
				}
				if v := vb.Get(n.hash[:]); len(v) > 0 {
					n.id, _ = binary.Uvarint(v)
					if nb != nil {
						n.old, _ = binary.Uvarint(nb.Get(n.hash[:]))
					}
				}
			}
			return nil
		})
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, i := range b.order {
		if n := &b.nodes[i]; n.id == 0 {
			b.created++
			n.id = uint64(b.horizon) + uint64(b.created)
		}
	}
	b.first = uint64(b.horizon) + uint64(b.created) + 1
	return nil
}

// valueBucket names the bucket of kind 'v' (ID by hash) or 'n' (count by
// hash) that holds the value with hash h.
func valueBucket(kind byte, h cgraph.ValueHash) []byte { return []byte{kind, h[0], h[1]} }

// samePair reports whether two hashes share their value and count buckets.
func samePair(a, b cgraph.ValueHash) bool { return a[0] == b[0] && a[1] == b[1] }

// splitOrder cuts order (nodes in hash order) into at most k runs of about
// equal length that do not split a bucket, returned as k+1 (or fewer)
// bounds from 0 to len(order).
func splitOrder(nodes []bulkNode, order []int32, k int) []int {
	bounds := []int{0}
	for r := 1; r < k; r++ {
		at := max(r*len(order)/k, bounds[len(bounds)-1]+1)
		for at < len(order) && samePair(nodes[order[at]].hash, nodes[order[at-1]].hash) {
			at++
		}
		if at >= len(order) {
			break
		}
		bounds = append(bounds, at)
	}
	return append(bounds, len(order))
}

// boltRangeIDs sets how many of the batch's value buckets one transaction
// writes. Cayley's layout spreads values over 65,536 pairs of value and
// count buckets, so a batch of a million quads changes nearly every one, and
// bolt holds each changed bucket in memory, decoded and then encoded again,
// until the commit: 1.1 GB of live heap on 100,000 articles. The buckets
// grow with the store, so the batch's values are written in one transaction
// per boltRangeIDs IDs the store has numbered (values and quads).
const boltRangeIDs = 4_000_000

// A boltStage is one transaction of a batch's write.
type boltStage func(tx *bolt.Tx, mem *arena) error

// stages returns the batch's transactions: its values a range of buckets at
// a time, its quads in the log, then each index; the last also moves the
// store's horizon and size, which is when the batch becomes part of the
// store. Each stage records in the pending bucket what undoes it
// (boltRecover), in the same transaction, so a write stopped at any point
// (an error, a crash) is undone at the next Open.
func (b *boltBatch) stages(indexes int, index func(k int) (*indexLists, error), rangeIDs int64) []boltStage {
	var out []boltStage
	ranges := splitOrder(b.nodes, b.order, int(min(max(b.horizon/rangeIDs, 1), 64)))
	for r := range len(ranges) - 1 {
		out = append(out, func(tx *bolt.Tx, mem *arena) error {
			return b.writeValues(tx, r, b.order[ranges[r]:ranges[r+1]], mem)
		})
	}
	out = append(out, b.writeQuadLog)
	for k := range indexes {
		last := k == indexes-1
		out = append(out, func(tx *bolt.Tx, _ *arena) error {
			il, err := index(k)
			if err != nil {
				return err
			}
			if err := il.put(tx); err != nil {
				return fmt.Errorf("index %s: %w", il.name, err)
			}
			if !last {
				return pendingBucket(tx).Put([]byte("index/"+il.name), []byte{1})
			}
			meta := tx.Bucket(bucketMeta)
			if err := putMetaInt(meta, "horizon", b.horizon+int64(b.created)+int64(len(b.dirs))); err != nil {
				return err
			}
			if err := putMetaInt(meta, "size", b.size+int64(len(b.dirs))); err != nil {
				return err
			}
			return tx.DeleteBucket(bucketPending)
		})
	}
	return out
}

// writeValues writes range r of the batch's values (nodes, in hash order):
// the ID by hash, the reference count, and a new value's log entry. The
// first range opens the pending bucket with the horizon to roll back to.
func (b *boltBatch) writeValues(tx *bolt.Tx, r int, nodes []int32, mem *arena) error {
	if r == 0 {
		p, err := tx.CreateBucket(bucketPending)
		if err != nil {
			return fmt.Errorf("start a bulk write: %w", err)
		}
		if err := putMetaInt(p, "horizon", b.horizon); err != nil {
			return err
		}
	}
	created, err := createValueBuckets(tx, b.nodes, nodes)
	if err != nil {
		return err
	}
	if err := pendingBucket(tx).Put(fmt.Appendf(nil, "buckets/%04d", r), created); err != nil {
		return err
	}
	log := tx.Bucket(bucketLog)
	now := time.Now().UnixNano()
	var (
		vb, nb *bolt.Bucket
		undo   = []byte{} // the counts added to stored values: hash, uvarint
		fresh  uint64     // new values
	)
	for k, i := range nodes {
		n := &b.nodes[i]
		if k == 0 || !samePair(n.hash, b.nodes[nodes[k-1]].hash) {
			vb, nb = tx.Bucket(valueBucket('v', n.hash)), tx.Bucket(valueBucket('n', n.hash))
		}
		if n.id > uint64(b.horizon) {
			if err := vb.Put(n.hash[:], mem.uvarint(n.id)); err != nil {
				return err
			}
			p := proto.Primitive{ID: n.id, Timestamp: now}
			if p.Value, err = pquads.MarshalValue(n.val); err != nil {
				return fmt.Errorf("value %v: %w", n.val, err)
			}
			if err := putPrimitive(log, &p, mem); err != nil {
				return err
			}
			fresh++
		} else {
			undo = binary.AppendUvarint(append(undo, n.hash[:]...), n.refs)
		}
		if err := nb.Put(n.hash[:], mem.uvarint(n.old+n.refs)); err != nil {
			return err
		}
	}
	if err := pendingBucket(tx).Put(fmt.Appendf(nil, "values/%04d", r), binary.AppendUvarint(nil, fresh)); err != nil {
		return err
	}
	return pendingBucket(tx).Put(fmt.Appendf(nil, "counts/%04d", r), undo)
}

// writeQuadLog writes the batch's quads to the log, numbered after its new
// values, in input order. Undoing it needs no record: it is the log past the
// horizon.
func (b *boltBatch) writeQuadLog(tx *bolt.Tx, mem *arena) error {
	log := tx.Bucket(bucketLog)
	now := time.Now().UnixNano()
	for i, qd := range b.dirs {
		p := proto.Primitive{ID: b.first + uint64(i), Timestamp: now}
		for d, dir := range quad.Directions {
			p.SetDirection(dir, nodeID(b.nodes, qd[d]))
		}
		if err := putPrimitive(log, &p, mem); err != nil {
			return err
		}
	}
	return nil
}

// boltBulkWrite writes the quads of parts, none of which is in the store, as
// Cayley's writer would (this file's header), in the transactions of
// boltBatch.stages; the store's readers see none of it until the last one
// commits (bolt_view.go). A write that fails part-way is undone before it
// returns, or, if that fails too (or the process dies), at the next Open.
func boltBulkWrite(ctx context.Context, s *boltStore, parts [][]quad.Quad, t boltTuning) error {
	if err := s.view.refused(); err != nil {
		return err
	}
	db := s.db
	b := newBoltBatch(parts)
	if len(b.dirs) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := b.resolve(db); err != nil {
		return err
	}
	rangeIDs := t.rangeIDs
	if rangeIDs <= 0 {
		rangeIDs = boltRangeIDs
	}
	// The indexes' new lists are made beside the values' transactions.
	lists := make([]*indexLists, len(s.indexes))
	errs := make([]error, len(s.indexes))
	done := make(chan struct{})
	go func() {
		defer close(done)
		parallel(len(s.indexes), func(k int) { lists[k], errs[k] = prepareIndex(db, s.indexes[k], b) })
	}()
	defer func() { <-done }()
	index := func(k int) (*indexLists, error) {
		<-done
		return lists[k], errs[k]
	}
	s.view.begin()
	for i, st := range b.stages(len(s.indexes), index, rangeIDs) {
		if i > 0 && i == t.crashAfter {
			return errCrashed // left part-way: readers go on hiding it
		}
		if i > 0 && t.beforeStage != nil {
			t.beforeStage(i, db)
		}
		err := ctx.Err()
		if i > 0 && i == t.failAfter {
			err = errFailed
		}
		if err == nil {
			err = db.Update(func(tx *bolt.Tx) error {
				if err := b.checkHorizon(tx, i > 0); err != nil {
					return err
				}
				return st(tx, new(arena))
			})
		}
		if err != nil {
			if i > 0 {
				rerr := t.undoErr
				if rerr == nil {
					rerr = boltRecover(db)
				}
				if rerr != nil {
					// Readers go on hiding the part written; writers
					// are refused until the store is opened again.
					s.view.refuse(errors.Join(err, fmt.Errorf("undo the write: %w", rerr)))
					return s.view.refused()
				}
			}
			s.view.end()
			return err
		}
	}
	s.view.end()
	return nil
}

// WithBetweenBoltTransactions calls f before each transaction of a bulk
// write into bolt but the first, where the store holds part of the write,
// with the store's write lock held. Tests of the newsgraph binary use it to
// kill the process there (serve's killInWriteEnv).
func WithBetweenBoltTransactions(f func()) Option {
	return func(c *config) {
		prev := c.bolt.beforeStage
		c.bolt.beforeStage = func(stage int, db *bolt.DB) {
			if prev != nil {
				prev(stage, db)
			}
			f()
		}
	}
}

// checkHorizon fails the transaction tx of a bulk write if the store is
// not as the write found it: the horizon and size it numbered its values
// and quads from moved (another writer wrote past it), or, after the
// first transaction, the record of the write under way is gone.
func (b *boltBatch) checkHorizon(tx *bolt.Tx, started bool) error {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return fmt.Errorf("%w: no meta bucket", ErrStoreChanged)
	}
	h, err := metaInt(meta, "horizon")
	if err != nil {
		return err
	}
	size, err := metaInt(meta, "size")
	if err != nil {
		return err
	}
	if h != b.horizon || size != b.size {
		return fmt.Errorf("%w: horizon %d and size %d, the write began at %d and %d", ErrStoreChanged, h, size, b.horizon, b.size)
	}
	if !started {
		return nil
	}
	p := pendingBucket(tx)
	if p == nil || len(p.Get([]byte("horizon"))) != 8 {
		return fmt.Errorf("%w: the record of the write under way is gone", ErrStoreChanged)
	}
	if ph, _ := metaInt(p, "horizon"); ph != b.horizon {
		return fmt.Errorf("%w: the write under way began at horizon %d, this one at %d", ErrStoreChanged, ph, b.horizon)
	}
	return nil
}

// boltTuning holds settings and seams of the bulk writer that tests use.
type boltTuning struct {
	rangeIDs    int64                        // boltRangeIDs if 0
	crashAfter  int                          // > 0: stop after that many transactions, as a crash would
	failAfter   int                          // > 0: fail after that many, as an error would
	beforeStage func(stage int, db *bolt.DB) // called before each transaction after the first
	undoErr     error                        // non-nil: undoing a failed write fails with it
}

// ErrStoreChanged reports a bulk write into bolt that found the store
// changed between its transactions: another writer moved the horizon it
// numbers from. The write is undone.
var ErrStoreChanged = errors.New("the store changed under a bulk write")

// ErrUndoFailed reports a Graph on bolt whose bulk write failed part-way
// and could not be undone: its readers go on seeing the store without the
// write, and it refuses every write until the store is opened again (Open
// undoes the write).
var ErrUndoFailed = errors.New("a failed write could not be undone")

// errFailed is the error failAfter injects.
var errFailed = errors.New("bulk write failed part-way (test)")

// errCrashed is what a write stopped by crashAfter returns.
var errCrashed = errors.New("bulk write stopped part-way (test)")

// createValueBuckets creates the value buckets the nodes (in hash order)
// need and the store lacks: every "n" bucket before any "v" one, each run in
// key order, so that bolt appends to the root's leaf instead of shifting
// every "v" entry at each "n" insertion (a first load creates 131,072). It
// returns the names it created, end to end, for the undo record.
func createValueBuckets(tx *bolt.Tx, nodes []bulkNode, order []int32) ([]byte, error) {
	created := []byte{}
	for _, kind := range []byte{'n', 'v'} {
		for k, i := range order {
			h := nodes[i].hash
			if k > 0 && samePair(h, nodes[order[k-1]].hash) {
				continue
			}
			name := valueBucket(kind, h)
			if tx.Bucket(name) == nil {
				if _, err := tx.CreateBucket(name); err != nil {
					return nil, err
				}
				created = append(created, name...)
			}
		}
	}
	return created, nil
}

// nodeID is the ID of the value a quad direction names (-1: none).
func nodeID(nodes []bulkNode, n int32) uint64 {
	if n < 0 {
		return 0
	}
	return nodes[n].id
}

// indexLists is what a batch makes of one index's lists: for each key it
// touches, in key order, the stored list with the batch's quad IDs
// appended. The new IDs are above every stored one, so lists stay
// ascending. Keys and lists are kept end to end in buf, which bolt
// references until the commit.
type indexLists struct {
	name   string
	keyLen int
	buf    []byte
	ends   []int // the end of each key's list in buf
}

// prepareIndex makes the index's new lists for the batch's quads (their
// IDs b.first, b.first+1, …), reading the stored lists in a read
// transaction: outside the write transactions, which are the serial path.
func prepareIndex(db *bolt.DB, ind kv.QuadIndex, b *boltBatch) (*indexLists, error) {
	dirs := len(ind.Dirs)
	ids := make([]uint64, dirs*len(b.dirs))
	order := make([]int32, len(b.dirs))
	for i, qd := range b.dirs {
		for j, d := range ind.Dirs {
			ids[i*dirs+j] = nodeID(b.nodes, qd[d-quad.Subject])
		}
		order[i] = int32(i)
	}
	// Comparing the IDs as numbers orders the keys as bolt does (they are
	// big-endian); ties keep input order, which is ID order.
	key := func(i int32) []uint64 { return ids[int(i)*dirs : int(i+1)*dirs] }
	slices.SortFunc(order, func(x, y int32) int {
		if c := slices.Compare(key(x), key(y)); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	il := &indexLists{name: indexName(ind), keyLen: 8 * dirs}
	err := db.View(func(tx *bolt.Tx) error {
		stored := tx.Bucket([]byte(il.name))
		for start := 0; start < len(order); {
			end := start + 1
			for end < len(order) && slices.Equal(key(order[start]), key(order[end])) {
				end++
			}
			at := len(il.buf)
			il.buf = appendIDKey(il.buf, key(order[start])...)
			if stored != nil {
				il.buf = append(il.buf, stored.Get(il.buf[at:])...)
			}
			for _, i := range order[start:end] {
				il.buf = binary.AppendUvarint(il.buf, b.first+uint64(i))
			}
			il.ends = append(il.ends, len(il.buf))
			start = end
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", il.name, err)
	}
	return il, nil
}

// put writes the lists in tx.
func (il *indexLists) put(tx *bolt.Tx) error {
	b, err := tx.CreateBucketIfNotExists([]byte(il.name))
	if err != nil {
		return err
	}
	at := 0
	for _, end := range il.ends {
		if err := b.Put(il.buf[at:at+il.keyLen], il.buf[at+il.keyLen:end]); err != nil {
			return err
		}
		at = end
	}
	return nil
}

// indexName is an index's bucket: its directions' one-letter prefixes.
func indexName(ind kv.QuadIndex) string {
	name := make([]byte, len(ind.Dirs))
	for i, d := range ind.Dirs {
		name[i] = d.Prefix()
	}
	return string(name)
}

func putPrimitive(log *bolt.Bucket, p *proto.Primitive, mem *arena) error {
	buf := mem.alloc(p.ProtoSize())
	if _, err := p.MarshalTo(buf); err != nil {
		return err
	}
	key := mem.alloc(8)
	binary.BigEndian.PutUint64(key, p.ID)
	return log.Put(key, buf)
}

func metaInt(meta *bolt.Bucket, key string) (int64, error) {
	b := meta.Get([]byte(key))
	switch len(b) {
	case 0:
		return 0, nil
	case 8:
		return int64(binary.LittleEndian.Uint64(b)), nil
	}
	return 0, fmt.Errorf("meta %s: %d bytes, want 8", key, len(b))
}

func putMetaInt(meta *bolt.Bucket, key string, v int64) error {
	buf := make([]byte, 8)
	binary.LittleEndian.PutUint64(buf, uint64(v))
	return meta.Put([]byte(key), buf)
}
