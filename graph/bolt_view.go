package graph

import (
	"context"
	"encoding/binary"
	"fmt"
	"sync/atomic"

	"github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// This file makes a bulk write (bolt_bulk.go) appear to the store's readers
// all at once. The write commits several transactions, and only its last
// moves Cayley's horizon; everything the earlier ones add is numbered past
// the horizon (log entries, new values, the IDs appended to index lists)
// or is a value's reference count, which only writers read. So a reader
// whose snapshot holds part of a write sees the store as it was before the
// write if it ignores what lies past the horizon of its own snapshot: that
// is what committedKV does for Cayley's reads, and boltReader for
// newsgraph's own (bolt_read.go). Readers never wait for the writer.

// committedKV is the key-value store Cayley's quad store reads bolt
// through. Its read transactions hide a bulk write in progress; write
// transactions, and reads while no bulk write is in progress, are bolt's
// own.
type committedKV struct {
	hkv.KV
	indexes map[string]bool // the quad indexes' buckets

	// writes is odd while a bulk write is between its first commit and
	// its last (or its undo), and counts the changes: a reader that saw
	// the same even number before and after beginning its transaction
	// began it with no write part-way.
	writes atomic.Uint64

	// refusal is set when a bulk write failed and so did its undo: the
	// store holds part of it, and writes are refused (refused).
	refusal atomic.Pointer[error]
}

// refuse makes every later write fail with ErrUndoFailed and cause.
func (c *committedKV) refuse(cause error) {
	err := fmt.Errorf("%w; this store refuses writes until it is opened again, which undoes the part written: %w", ErrUndoFailed, cause)
	c.refusal.CompareAndSwap(nil, &err)
}

// refused returns the error writes get after a failed undo, nil before.
func (c *committedKV) refused() error {
	if p := c.refusal.Load(); p != nil {
		return *p
	}
	return nil
}

func newCommittedKV(db hkv.KV, indexes []kv.QuadIndex) *committedKV {
	c := &committedKV{KV: db, indexes: make(map[string]bool, len(indexes))}
	for _, ind := range indexes {
		c.indexes[indexName(ind)] = true
	}
	return c
}

// begin marks a bulk write as part-way, before its first commit.
func (c *committedKV) begin() {
	if c.writes.Load()%2 == 0 {
		c.writes.Add(1)
	}
}

// end marks the bulk write as over, after its last commit or its undo. A
// write left part-way (its undo failed) is never ended: readers go on
// hiding it.
func (c *committedKV) end() {
	if c.writes.Load()%2 == 1 {
		c.writes.Add(1)
	}
}

// Tx begins a transaction; a read transaction whose snapshot may hold part
// of a bulk write hides it.
func (c *committedKV) Tx(rw bool) (hkv.Tx, error) {
	if rw {
		if err := c.refused(); err != nil {
			return nil, err
		}
	}
	before := c.writes.Load()
	tx, err := c.KV.Tx(rw)
	if err != nil || rw {
		return tx, err
	}
	if after := c.writes.Load(); after == before && after%2 == 0 {
		return tx, nil
	}
	// Part of a write is in the snapshot if its pending bucket is, which
	// holds the horizon the write started from.
	v, err := tx.Get(context.Background(), hkv.Key{bucketPending, []byte("horizon")})
	if err != nil || len(v) != 8 {
		return tx, nil
	}
	return &committedTx{Tx: tx, kv: c, horizon: binary.LittleEndian.Uint64(v)}, nil
}

// committedTx is a read transaction that hides what lies past horizon.
type committedTx struct {
	hkv.Tx
	kv      *committedKV
	horizon uint64
}

// visible returns what a reader may see of the value of key k in bucket b:
// nothing (false) for a log entry or value numbered past the horizon, and
// an index list without the IDs past it.
func (t *committedTx) visible(b, k []byte, v hkv.Value) (hkv.Value, bool) {
	switch {
	case string(b) == string(bucketLog):
		return v, len(k) == 8 && binary.BigEndian.Uint64(k) <= t.horizon
	case len(b) == 3 && b[0] == 'v':
		id, n := binary.Uvarint(v)
		return v, n > 0 && id <= t.horizon
	case t.kv.indexes[string(b)]:
		kept, dropped, err := dropIDsPast(v, t.horizon)
		if err != nil || !dropped {
			return v, true
		}
		return kept, len(kept) > 0
	}
	return v, true
}

func (t *committedTx) Get(ctx context.Context, key hkv.Key) (hkv.Value, error) {
	v, err := t.Tx.Get(ctx, key)
	if err != nil || len(key) != 2 {
		return v, err
	}
	if v, ok := t.visible(key[0], key[1], v); ok {
		return v, nil
	}
	return nil, hkv.ErrNotFound
}

func (t *committedTx) GetBatch(ctx context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	vals, err := t.Tx.GetBatch(ctx, keys)
	if err != nil {
		return nil, err
	}
	for i, v := range vals {
		if v == nil || len(keys[i]) != 2 {
			continue
		}
		if v, ok := t.visible(keys[i][0], keys[i][1], v); ok {
			vals[i] = v
		} else {
			vals[i] = nil
		}
	}
	return vals, nil
}

func (t *committedTx) Scan(pref hkv.Key) hkv.Iterator {
	return &committedIterator{Iterator: t.Tx.Scan(pref), tx: t}
}

// committedIterator skips what its transaction hides.
type committedIterator struct {
	hkv.Iterator
	tx  *committedTx
	val hkv.Value
}

func (it *committedIterator) Next(ctx context.Context) bool {
	for it.Iterator.Next(ctx) {
		k := it.Iterator.Key()
		if len(k) != 2 {
			it.val = it.Iterator.Val()
			return true
		}
		if v, ok := it.tx.visible(k[0], k[1], it.Iterator.Val()); ok {
			it.val = v
			return true
		}
	}
	return false
}

func (it *committedIterator) Val() hkv.Value { return it.val }
