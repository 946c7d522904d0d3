package graph

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/schema"
)

// This file answers the build summary's counts (Stats, Overview) from
// Cayley's bolt indexes directly. Through Cayley, counting the articles
// (quads with predicate <content_hash>) scans every quad, since no
// key-value index leads with the predicate, and the overview walks an
// iterator per quotation: 43 s of a 100,000-article build's summary, after
// all the loading. Here they are key scans of the "sp" and "ops" buckets
// (bolt_bulk.go describes the layout), reading the log only to skip index
// entries whose quads Cayley has marked deleted (it leaves them in the
// lists).

// errNoBoltIndex means the store lacks an index a fast path needs (a store
// stock Cayley created with other indexes); callers fall back on Cayley.
var errNoBoltIndex = errors.New("no such bolt index")

// A boltReader reads a snapshot of the store as its readers see it: without
// the part of a bulk write under way that the snapshot may hold, which lies
// past the horizon (bolt_view.go).
type boltReader struct {
	tx      *bolt.Tx
	log     *bolt.Bucket
	horizon uint64
	// writing: the snapshot holds part of a bulk write (its pending
	// record), and hidden is how many new values it has written.
	writing bool
	hidden  int64
}

func newBoltReader(tx *bolt.Tx) (boltReader, error) {
	r := boltReader{tx: tx, log: tx.Bucket(bucketLog)}
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return r, errors.New("not a Cayley store: no meta bucket")
	}
	h, err := metaInt(meta, "horizon")
	if p := pendingBucket(tx); p != nil && err == nil {
		r.writing = true
		if h, err = metaInt(p, "horizon"); err != nil {
			return r, fmt.Errorf("pending write: %w", err)
		}
		c := p.Cursor()
		for k, v := c.Seek([]byte("values/")); bytes.HasPrefix(k, []byte("values/")); k, v = c.Next() {
			n, _ := binary.Uvarint(v)
			r.hidden += int64(n)
		}
	}
	r.horizon = uint64(h)
	return r, err
}

// ids decodes an index list (uvarint IDs), without the IDs past the horizon.
func (r boltReader) ids(list []byte) ([]uint64, error) {
	var ids []uint64
	for len(list) > 0 {
		id, n := binary.Uvarint(list)
		if n <= 0 {
			return nil, errors.New("corrupt index list")
		}
		if id <= r.horizon {
			ids = append(ids, id)
		}
		list = list[n:]
	}
	return ids, nil
}

// entry returns log entry id, nil if there is none or it lies past the
// horizon.
func (r boltReader) entry(id uint64) (*proto.Primitive, error) {
	if id > r.horizon {
		return nil, nil
	}
	var key [8]byte
	binary.BigEndian.PutUint64(key[:], id)
	data := r.log.Get(key[:])
	if data == nil {
		return nil, nil
	}
	var p proto.Primitive
	if err := p.Unmarshal(data); err != nil {
		return nil, fmt.Errorf("log entry %d: %w", id, err)
	}
	return &p, nil
}

// live reports whether an index list names a quad that is not deleted.
func (r boltReader) live(list []byte) (bool, error) {
	ids, err := r.ids(list)
	if err != nil {
		return false, err
	}
	for i := len(ids) - 1; i >= 0; i-- { // newest first: deletions are rare
		p, err := r.entry(ids[i])
		if err != nil {
			return false, err
		}
		if p != nil && !p.Deleted {
			return true, nil
		}
	}
	return false, nil
}

// scan calls fn with each key of index bucket name that starts with prefix,
// passes keep (when set), and lists a live quad.
func (r boltReader) scan(name string, prefix []byte, keep func(key []byte) bool, fn func(key []byte)) error {
	b := r.tx.Bucket([]byte(name))
	if b == nil {
		return errNoBoltIndex
	}
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if keep != nil && !keep(k) {
			continue
		}
		ok, err := r.live(v)
		if err != nil {
			return fmt.Errorf("index %s: %w", name, err)
		}
		if ok {
			fn(k)
		}
	}
	return nil
}

// id returns the node ID of v, 0 if the store has none.
func (r boltReader) id(v quad.Value) uint64 {
	h := cgraph.HashOf(v)
	b := r.tx.Bucket(valueBucket('v', h))
	if b == nil {
		return 0
	}
	id, _ := binary.Uvarint(b.Get(h[:]))
	if id > r.horizon {
		return 0
	}
	return id
}

// nodes counts the values the store holds: the keys of its value buckets,
// but those of a write under way.
func (r boltReader) nodes() int64 {
	var n int64
	c := r.tx.Cursor()
	for k, v := c.Seek([]byte{'v'}); k != nil && k[0] == 'v'; k, v = c.Next() {
		if len(k) != 3 || v != nil {
			continue
		}
		if b := r.tx.Bucket(k); b != nil {
			n += int64(b.Stats().KeyN)
		}
	}
	return n - r.hidden
}

// appendIDKey appends the index key of ids to dst: each big-endian.
func appendIDKey(dst []byte, ids ...uint64) []byte {
	for _, id := range ids {
		dst = binary.BigEndian.AppendUint64(dst, id)
	}
	return dst
}

// boltStats counts the store's quads (Cayley's size), nodes and articles
// in one snapshot. Articles are the live "sp" keys whose predicate is
// <content_hash>: a store without that index gives errNoBoltIndex for them,
// and the rest.
func boltStats(db *bolt.DB) (Stats, error) {
	var st Stats
	err := db.View(func(tx *bolt.Tx) error {
		r, err := newBoltReader(tx)
		if err != nil {
			return err
		}
		if st.Quads, err = metaInt(tx.Bucket(bucketMeta), "size"); err != nil {
			return err
		}
		st.Nodes = r.nodes()
		pred := r.id(schema.ContentHash)
		if pred == 0 || r.log == nil {
			return nil
		}
		want := appendIDKey(nil, pred)
		keep := func(k []byte) bool { return len(k) == 16 && bytes.Equal(k[8:], want) }
		return r.scan("sp", nil, keep, func([]byte) { st.Articles++ })
	})
	return st, err
}

// boltOverview counts the subjects of each kind (live "ops" keys under
// kind+<type>) and each speaker's quotations (live "ops" keys under
// quotation+<said>). Speakers are returned by node ID.
func boltOverview(db *bolt.DB, kinds []quad.IRI) (counts []int, speakers map[uint64]int, err error) {
	counts = make([]int, len(kinds))
	speakers = make(map[uint64]int)
	err = db.View(func(tx *bolt.Tx) error {
		r, err := newBoltReader(tx)
		if err != nil {
			return err
		}
		typ, said := r.id(schema.Type), r.id(schema.Said)
		if typ == 0 || r.log == nil {
			return nil
		}
		for i, kind := range kinds {
			id := r.id(kind)
			if id == 0 {
				continue
			}
			var quotes []uint64
			err := r.scan("ops", appendIDKey(nil, id, typ), nil, func(k []byte) {
				counts[i]++
				if kind == schema.Quotation && len(k) == 24 {
					quotes = append(quotes, binary.BigEndian.Uint64(k[16:]))
				}
			})
			if err != nil {
				return err
			}
			if said == 0 {
				continue
			}
			for _, q := range quotes {
				err := r.scan("ops", appendIDKey(nil, q, said), nil, func(k []byte) {
					if len(k) == 24 {
						speakers[binary.BigEndian.Uint64(k[16:])]++
					}
				})
				if err != nil {
					return err
				}
			}
		}
		return nil
	})
	return counts, speakers, err
}
