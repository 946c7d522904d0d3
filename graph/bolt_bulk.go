package graph

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
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
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return errors.New("not a Cayley store: no meta bucket")
		}
		data := meta.Get([]byte("indexes"))
		if len(data) == 0 {
			list = []kv.QuadIndex{{Dirs: []quad.Direction{quad.Subject}}, {Dirs: []quad.Direction{quad.Object}}}
			return nil
		}
		return json.Unmarshal(data, &list)
	})
	if err != nil {
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
	id   uint64
	new  bool
}

// boltBulkWrite writes the quads of parts, none of which is in the store, in
// one bolt transaction, as Cayley's writer would (bolt_bulk.go's header). It
// clears parts' elements once it has read them: after that a quad is only
// its values' indexes (dirs), so the batch's quads can be collected while
// the transaction, which needs the memory, builds and commits.
func boltBulkWrite(ctx context.Context, db *bolt.DB, indexes []kv.QuadIndex, parts [][]quad.Quad) error {
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
	if total == 0 {
		return nil
	}
	// The batch's distinct values, and each quad's as indexes into them.
	byHash := make(map[cgraph.ValueHash]int32, total/2)
	var nodes []bulkNode
	dirs := make([][4]int32, 0, total)
	for k := range arts {
		a := &arts[k]
		at := make([]int32, len(a.vals))
		for i, h := range a.hashes {
			n, ok := byHash[h]
			if !ok {
				n = int32(len(nodes))
				nodes = append(nodes, bulkNode{hash: h, val: a.vals[i]})
				byHash[h] = n
			}
			nodes[n].refs += a.refs[i]
			at[i] = n
		}
		for _, qd := range a.dirs {
			for d, v := range qd {
				if v >= 0 {
					qd[d] = at[v]
				}
			}
			dirs = append(dirs, qd)
		}
		*a = bulkPart{}
	}
	byHash = nil
	if err := ctx.Err(); err != nil {
		return err
	}
	// Visit the value buckets in key order, as Cayley numbers new nodes.
	order := make([]int32, len(nodes))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return bytes.Compare(nodes[a].hash[:], nodes[b].hash[:]) })

	return db.Update(func(tx *bolt.Tx) error {
		meta, log := tx.Bucket(bucketMeta), tx.Bucket(bucketLog)
		if meta == nil || log == nil {
			return errors.New("not a Cayley store: no meta or log bucket")
		}
		horizon, err := metaInt(meta, "horizon")
		if err != nil {
			return err
		}
		size, err := metaInt(meta, "size")
		if err != nil {
			return err
		}

		// Resolve the values the store has, number the new ones.
		var (
			vb, nb  *bolt.Bucket
			vbKey   [3]byte
			created int
		)
		for _, i := range order {
			n := &nodes[i]
			if vb == nil || vbKey[1] != n.hash[0] || vbKey[2] != n.hash[1] {
				vbKey = [3]byte{'v', n.hash[0], n.hash[1]}
				vb = tx.Bucket(vbKey[:])
			}
			if vb != nil {
				if b := vb.Get(n.hash[:]); len(b) > 0 {
					n.id, _ = binary.Uvarint(b)
				}
			}
			if n.id == 0 {
				created++
				n.new = true
				n.id = uint64(horizon) + uint64(created)
			}
		}
		horizon += int64(created)
		now := time.Now().UnixNano()
		var mem arena

		if err := createValueBuckets(tx, nodes, order); err != nil {
			return err
		}
		// Values: the ID by hash, the reference count, the log entry.
		vb, nb = nil, nil
		for _, i := range order {
			if err := ctx.Err(); err != nil {
				return err
			}
			n := &nodes[i]
			if vb == nil || vbKey[1] != n.hash[0] || vbKey[2] != n.hash[1] {
				vbKey = [3]byte{'v', n.hash[0], n.hash[1]}
				vb, nb = tx.Bucket(vbKey[:]), tx.Bucket([]byte{'n', n.hash[0], n.hash[1]})
			}
			refs := n.refs
			if n.new {
				if err := vb.Put(n.hash[:], mem.uvarint(n.id)); err != nil {
					return err
				}
				p := proto.Primitive{ID: n.id, Timestamp: now}
				if p.Value, err = pquads.MarshalValue(n.val); err != nil {
					return fmt.Errorf("value %v: %w", n.val, err)
				}
				if err := putPrimitive(log, &p, &mem); err != nil {
					return err
				}
			} else if b := nb.Get(n.hash[:]); len(b) > 0 {
				old, _ := binary.Uvarint(b)
				refs += old
			}
			if err := nb.Put(n.hash[:], mem.uvarint(refs)); err != nil {
				return err
			}
		}

		// Quads, numbered after the batch's new values, in input order.
		first := uint64(horizon) + 1
		for i, qd := range dirs {
			p := proto.Primitive{ID: first + uint64(i), Timestamp: now}
			for d, dir := range quad.Directions {
				p.SetDirection(dir, nodeID(nodes, qd[d]))
			}
			if err := putPrimitive(log, &p, &mem); err != nil {
				return err
			}
		}
		horizon += int64(len(dirs))
		size += int64(len(dirs))

		for _, ind := range indexes {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := appendToIndex(tx, ind, dirs, nodes, first, &mem); err != nil {
				return fmt.Errorf("index %s: %w", indexName(ind), err)
			}
		}
		if err := putMetaInt(meta, "horizon", horizon); err != nil {
			return err
		}
		return putMetaInt(meta, "size", size)
	})
}

// createValueBuckets creates the value buckets the nodes (in hash order)
// need and the store lacks: every "n" bucket before any "v" one, each run in
// key order, so that bolt appends to the root's leaf instead of shifting
// every "v" entry at each "n" insertion (a first load creates 131,072).
func createValueBuckets(tx *bolt.Tx, nodes []bulkNode, order []int32) error {
	for _, kind := range []byte{'n', 'v'} {
		var last []byte
		for _, i := range order {
			h := nodes[i].hash
			if last != nil && last[1] == h[0] && last[2] == h[1] {
				continue
			}
			last = []byte{kind, h[0], h[1]}
			if tx.Bucket(last) == nil {
				if _, err := tx.CreateBucket(last); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// nodeID is the ID of the value a quad direction names (-1: none).
func nodeID(nodes []bulkNode, n int32) uint64 {
	if n < 0 {
		return 0
	}
	return nodes[n].id
}

// appendToIndex adds the quads (their values' indexes into nodes, their IDs
// first, first+1, …) to an index's lists, visiting its keys in order; the
// new IDs are above every stored one, so lists stay ascending.
func appendToIndex(tx *bolt.Tx, ind kv.QuadIndex, quads [][4]int32, nodes []bulkNode, first uint64, mem *arena) error {
	name := []byte(indexName(ind))
	b, err := tx.CreateBucketIfNotExists(name)
	if err != nil {
		return err
	}
	dirs := len(ind.Dirs)
	ids := make([]uint64, dirs*len(quads))
	order := make([]int32, len(quads))
	for i, qd := range quads {
		for j, d := range ind.Dirs {
			ids[i*dirs+j] = nodeID(nodes, qd[d-quad.Subject])
		}
		order[i] = int32(i)
	}
	// Comparing the IDs as numbers orders the keys as bolt does (they are
	// big-endian); ties keep input order, which is ID order.
	slices.SortFunc(order, func(a, b int32) int {
		x, y := ids[int(a)*dirs:int(a+1)*dirs], ids[int(b)*dirs:int(b+1)*dirs]
		for j := range x {
			if x[j] != y[j] {
				return cmp.Compare(x[j], y[j])
			}
		}
		return cmp.Compare(a, b)
	})
	same := func(a, b int32) bool {
		return slices.Equal(ids[int(a)*dirs:int(a+1)*dirs], ids[int(b)*dirs:int(b+1)*dirs])
	}
	for start := 0; start < len(order); {
		end := start + 1
		for end < len(order) && same(order[start], order[end]) {
			end++
		}
		k := mem.alloc(8 * dirs)
		for j, id := range ids[int(order[start])*dirs : int(order[start]+1)*dirs] {
			binary.BigEndian.PutUint64(k[8*j:], id)
		}
		old := b.Get(k)
		list := mem.alloc(len(old) + binary.MaxVarintLen64*(end-start))[:len(old)]
		copy(list, old)
		for _, i := range order[start:end] {
			list = binary.AppendUvarint(list, first+uint64(i))
		}
		if err := b.Put(k, list); err != nil {
			return err
		}
		start = end
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

// boltNodes counts the values a Cayley bolt store holds: the keys of its
// value buckets.
func boltNodes(db *bolt.DB) (int64, error) {
	var n int64
	err := db.View(func(tx *bolt.Tx) error {
		c := tx.Cursor()
		for k, v := c.Seek([]byte{'v'}); k != nil && k[0] == 'v'; k, v = c.Next() {
			if len(k) != 3 || v != nil {
				continue
			}
			if b := tx.Bucket(k); b != nil {
				n += int64(b.Stats().KeyN)
			}
		}
		return nil
	})
	return n, err
}
