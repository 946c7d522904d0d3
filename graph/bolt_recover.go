package graph

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad/pquads"
)

// This file undoes a bulk write (bolt_bulk.go) that stopped between its
// transactions. While one runs, the store holds a pending bucket:
//
//	horizon        the store's horizon before the write (int64 LE, as meta's)
//	counts/NNNN    for each value range written: the hashes of the stored
//	               values whose counts it raised, each with the uvarint it added
//	buckets/NNNN   … and the value buckets it created, their 3-byte names
//	               end to end
//	values/NNNN    … and how many new values it wrote (uvarint), for Stats
//	index/NAME     for each index written: a mark
//
// Everything else the write added is numbered past the horizon: log
// entries, new values, the IDs at the ends of index lists. The log past the
// horizon is the write's journal: its values' entries name the value and
// count keys to delete, and, since the quads reach the log (one
// transaction) before any index, its quads' entries name every index key
// the write touched. So the undo reads and writes only what the write did,
// never a whole index, and costs time in proportion to the write, not to
// the store. The articles the write held were not recorded as loaded, so
// the next build loads them again.

var bucketPending = []byte("newsgraph_pending")

// pendingBucket is the pending bucket of a write under way.
func pendingBucket(tx *bolt.Tx) *bolt.Bucket { return tx.Bucket(bucketPending) }

// refuseUnfinished returns ErrUnfinished if the store holds a bulk write
// that stopped part-way.
func refuseUnfinished(db *bolt.DB) error {
	pending, err := hasPending(db)
	if err == nil && pending {
		err = ErrUnfinished
	}
	return err
}

// hasPending reports whether the store holds a bulk write under way, or
// stopped part-way, in a read transaction.
func hasPending(db *bolt.DB) (bool, error) {
	pending := false
	err := db.View(func(tx *bolt.Tx) error {
		pending = pendingBucket(tx) != nil
		return nil
	})
	return pending, err
}

// boltRecover undoes a bulk write that stopped part-way, if the store holds
// one, in one transaction; it writes nothing (no commit, no sync) if not.
func boltRecover(db *bolt.DB) error {
	if pending, err := hasPending(db); err != nil || !pending {
		return err
	}
	err := db.Update(func(tx *bolt.Tx) error {
		p := pendingBucket(tx)
		if p == nil {
			return nil
		}
		if p.Get([]byte("horizon")) == nil {
			return errors.New("pending write: no horizon")
		}
		h, err := metaInt(p, "horizon")
		if err != nil {
			return fmt.Errorf("pending write: %w", err)
		}
		horizon := uint64(h)
		past, err := readLogPast(tx, horizon)
		if err != nil {
			return err
		}
		c := p.Cursor()
		if k, _ := c.Seek([]byte("index/")); bytes.HasPrefix(k, []byte("index/")) {
			indexes, err := indexesByName(tx)
			if err != nil {
				return err
			}
			for ; bytes.HasPrefix(k, []byte("index/")); k, _ = c.Next() {
				name := string(bytes.TrimPrefix(k, []byte("index/")))
				ind, ok := indexes[name]
				if !ok {
					return fmt.Errorf("pending write, index %s: not one of the store's indexes", name)
				}
				if err := trimIndex(tx.Bucket([]byte(name)), ind, past.quads, horizon); err != nil {
					return fmt.Errorf("pending write, index %s: %w", name, err)
				}
			}
		}
		if err := past.drop(tx); err != nil {
			return err
		}
		for k, v := c.Seek([]byte("counts/")); bytes.HasPrefix(k, []byte("counts/")); k, v = c.Next() {
			if err := giveBackCounts(tx, v); err != nil {
				return fmt.Errorf("pending write, %s: %w", k, err)
			}
		}
		// The buckets the write created held only its values, which
		// drop has deleted.
		for k, v := c.Seek([]byte("buckets/")); bytes.HasPrefix(k, []byte("buckets/")); k, v = c.Next() {
			for name := range slices.Chunk(v, 3) {
				if err := tx.DeleteBucket(name); err != nil {
					return fmt.Errorf("pending write, bucket %x: %w", name, err)
				}
			}
		}
		// Only the write's last transaction moves the horizon; should
		// anything else have, what it numbered is gone with the log.
		meta := tx.Bucket(bucketMeta)
		if mh, err := metaInt(meta, "horizon"); err != nil || mh != h {
			if err := putMetaInt(meta, "horizon", h); err != nil {
				return err
			}
		}
		return tx.DeleteBucket(bucketPending)
	})
	if err != nil {
		return fmt.Errorf("undo an unfinished bulk write: %w", err)
	}
	return nil
}

// logPast is what the log holds past a horizon: the entries' keys, the
// hashes of the values among them, and the quads.
type logPast struct {
	keys   [][]byte
	hashes []cgraph.ValueHash
	quads  []proto.Primitive
}

// readLogPast reads the log entries numbered past horizon.
func readLogPast(tx *bolt.Tx, horizon uint64) (logPast, error) {
	var past logPast
	log := tx.Bucket(bucketLog)
	if log == nil {
		return past, errors.New("not a Cayley store: no log bucket")
	}
	c := log.Cursor()
	for k, v := c.Seek(binary.BigEndian.AppendUint64(nil, horizon+1)); k != nil; k, v = c.Next() {
		past.keys = append(past.keys, bytes.Clone(k))
		var p proto.Primitive
		if err := p.Unmarshal(v); err != nil {
			return past, fmt.Errorf("log entry %x: %w", k, err)
		}
		if !p.IsNode() {
			p.Value = nil
			past.quads = append(past.quads, p)
			continue
		}
		val, err := pquads.UnmarshalValue(p.Value)
		if err != nil {
			return past, fmt.Errorf("log entry %x: %w", k, err)
		}
		past.hashes = append(past.hashes, cgraph.HashOf(val))
	}
	return past, nil
}

// drop deletes the log entries, and the values' value and count entries.
func (past logPast) drop(tx *bolt.Tx) error {
	log := tx.Bucket(bucketLog)
	for _, k := range past.keys {
		if err := log.Delete(k); err != nil {
			return err
		}
	}
	for _, h := range past.hashes {
		for _, kind := range []byte{'v', 'n'} {
			if b := tx.Bucket(valueBucket(kind, h)); b != nil {
				if err := b.Delete(h[:]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// indexesByName reads the store's quad indexes, by bucket name.
func indexesByName(tx *bolt.Tx) (map[string]kv.QuadIndex, error) {
	list, err := readIndexList(tx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]kv.QuadIndex, len(list))
	for _, ind := range list {
		out[indexName(ind)] = ind
	}
	return out, nil
}

// giveBackCounts lowers the counts of stored values by what a value range
// of the write added: rec is hashes, each followed by a uvarint.
func giveBackCounts(tx *bolt.Tx, rec []byte) error {
	for len(rec) > 0 {
		var h cgraph.ValueHash
		if len(rec) < len(h)+1 {
			return errors.New("truncated record")
		}
		copy(h[:], rec)
		add, n := binary.Uvarint(rec[len(h):])
		if n <= 0 {
			return errors.New("bad count in record")
		}
		rec = rec[len(h)+n:]
		b := tx.Bucket(valueBucket('n', h))
		if b == nil {
			return fmt.Errorf("value %x: no count bucket", h)
		}
		old, _ := binary.Uvarint(b.Get(h[:]))
		if old < add {
			return fmt.Errorf("value %x: count %d, the write added %d", h, old, add)
		}
		if err := b.Put(h[:], binary.AppendUvarint(nil, old-add)); err != nil {
			return err
		}
	}
	return nil
}

// trimIndex removes the IDs past horizon from the lists of index ind that
// quads (the log's past horizon) were added to, and the lists left empty.
func trimIndex(b *bolt.Bucket, ind kv.QuadIndex, quads []proto.Primitive, horizon uint64) error {
	if b == nil {
		return errors.New("no such bucket")
	}
	keys := make([][]byte, len(quads))
	for i := range quads {
		key := make([]byte, 0, 8*len(ind.Dirs))
		for _, d := range ind.Dirs {
			key = appendIDKey(key, quads[i].GetDirection(d))
		}
		keys[i] = key
	}
	slices.SortFunc(keys, bytes.Compare)
	keys = slices.CompactFunc(keys, bytes.Equal)
	for _, k := range keys {
		list := b.Get(k)
		if list == nil {
			continue
		}
		kept, dropped, err := dropIDsPast(list, horizon)
		if err != nil {
			return fmt.Errorf("key %x: %w", k, err)
		}
		switch {
		case !dropped:
		case len(kept) == 0:
			err = b.Delete(k)
		default:
			err = b.Put(k, kept)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// dropIDsPast returns list (uvarint IDs) without the IDs past horizon, and
// whether there were any; it copies the list only then.
func dropIDsPast(list []byte, horizon uint64) ([]byte, bool, error) {
	var kept []byte
	dropped := false
	for rest := list; len(rest) > 0; {
		id, n := binary.Uvarint(rest)
		if n <= 0 {
			return nil, false, errors.New("bad list")
		}
		if id > horizon && !dropped {
			dropped = true
			kept = append([]byte{}, list[:len(list)-len(rest)]...)
		} else if id <= horizon && dropped {
			kept = append(kept, rest[:n]...)
		}
		rest = rest[n:]
	}
	return kept, dropped, nil
}
