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

type boltReader struct {
	tx  *bolt.Tx
	log *bolt.Bucket
}

// live reports whether an index list names a quad that is not deleted.
func (r boltReader) live(list []byte) (bool, error) {
	var ids []uint64
	for len(list) > 0 {
		id, n := binary.Uvarint(list)
		if n <= 0 {
			return false, errors.New("corrupt index list")
		}
		ids = append(ids, id)
		list = list[n:]
	}
	var key [8]byte
	for i := len(ids) - 1; i >= 0; i-- { // newest first: deletions are rare
		binary.BigEndian.PutUint64(key[:], ids[i])
		v := r.log.Get(key[:])
		if v == nil {
			continue
		}
		var p proto.Primitive
		if err := p.Unmarshal(v); err != nil {
			return false, fmt.Errorf("log entry %d: %w", ids[i], err)
		}
		if !p.Deleted {
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

// boltID returns the node ID of v in a Cayley bolt store, 0 if it has none.
func boltID(tx *bolt.Tx, v quad.Value) uint64 {
	h := cgraph.HashOf(v)
	b := tx.Bucket(valueBucket('v', h))
	if b == nil {
		return 0
	}
	id, _ := binary.Uvarint(b.Get(h[:]))
	return id
}

// appendIDKey appends the index key of ids to dst: each big-endian.
func appendIDKey(dst []byte, ids ...uint64) []byte {
	for _, id := range ids {
		dst = binary.BigEndian.AppendUint64(dst, id)
	}
	return dst
}

// boltArticles counts the articles with a content hash: the live "sp" keys
// whose predicate is <content_hash>.
func boltArticles(db *bolt.DB) (int64, error) {
	var n int64
	err := db.View(func(tx *bolt.Tx) error {
		r := boltReader{tx: tx, log: tx.Bucket(bucketLog)}
		pred := boltID(tx, schema.ContentHash)
		if pred == 0 || r.log == nil {
			return nil
		}
		want := appendIDKey(nil, pred)
		keep := func(k []byte) bool { return len(k) == 16 && bytes.Equal(k[8:], want) }
		return r.scan("sp", nil, keep, func([]byte) { n++ })
	})
	return n, err
}

// boltOverview counts the subjects of each kind (live "ops" keys under
// kind+<type>) and each speaker's quotations (live "ops" keys under
// quotation+<said>). Speakers are returned by node ID.
func boltOverview(db *bolt.DB, kinds []quad.IRI) (counts []int, speakers map[uint64]int, err error) {
	counts = make([]int, len(kinds))
	speakers = make(map[uint64]int)
	err = db.View(func(tx *bolt.Tx) error {
		r := boltReader{tx: tx, log: tx.Bucket(bucketLog)}
		typ, said := boltID(tx, schema.Type), boltID(tx, schema.Said)
		if typ == 0 || r.log == nil {
			return nil
		}
		for i, kind := range kinds {
			id := boltID(tx, kind)
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
