package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"

	hkv "github.com/hidal-go/hidalgo/kv"
)

// This file keeps a damaged bolt file from crashing the process. Bolt reads
// its file through a memory map and trusts every page: a file cut short
// faults on the first page past its end ("unexpected fault address … fatal
// error: fault", which no recover() catches), a page of garbage panics
// ("invalid page type"). So Open first checks what is cheap to check (the
// file's size against its pages, both meta pages and their checksums, the
// root and freelist pages), and every read after that runs with
// debug.SetPanicOnFault and a recover() that turn a fault or a panic into an
// error wrapping ErrDamaged. Once a Graph has met damage it reports it from
// every call, since Cayley drops some read errors on the way (a value it
// cannot look up is "not there").

// ErrDamaged reports a store whose file is damaged: cut short, overwritten,
// or not a store at all. Errors wrapping it are *DamagedError, which name the
// file and say what to do.
var ErrDamaged = errors.New("database file is damaged")

// A DamagedError is a damaged store file.
type DamagedError struct {
	File   string // the damaged file: DIR/indexes.bolt
	Reason string // what is wrong with it
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("database %s is damaged (%s): rebuild the store from its articles into a new directory (newsgraph build --db NEW-DIR PATH...), or restore %s from a backup",
		e.File, e.Reason, boltFile)
}

// Unwrap makes errors.Is(err, ErrDamaged) true.
func (e *DamagedError) Unwrap() error { return ErrDamaged }

// damage records the first damage a store's reads ran into. A nil *damage
// (stores other than bolt) catches nothing: a panic there is a bug, and
// keeps its stack trace.
type damage struct {
	file  string
	first atomic.Pointer[DamagedError]
}

// record turns a recovered panic into the store's damage and returns it
// (the first one recorded, if another read got there before).
func (d *damage) record(p any) *DamagedError {
	e := &DamagedError{File: d.file, Reason: panicReason(p)}
	if d.first.CompareAndSwap(nil, e) {
		return e
	}
	return d.first.Load()
}

// err is the store's damage, nil while none was met.
func (d *damage) err() error {
	if d == nil {
		return nil
	}
	if e := d.first.Load(); e != nil {
		return e
	}
	return nil
}

// panicReason says what a recovered panic tells of the file.
func panicReason(p any) string {
	var re runtime.Error
	if err, ok := p.(error); ok && errors.As(err, &re) {
		if f, ok := re.(interface{ Addr() uintptr }); ok && f.Addr() != 0 {
			return "reading it faulted; it may have been cut short while open"
		}
	}
	s := strings.TrimPrefix(strings.TrimPrefix(fmt.Sprint(p), "runtime error: "), "bolt: ")
	return "reading it failed: " + s
}

// faults makes the calling goroutine's memory faults panics, which catch can
// recover, and returns the setting to restore. Use as
//
//	defer d.catch(&err, d.faults())
func (d *damage) faults() bool {
	if d == nil {
		return false
	}
	return debug.SetPanicOnFault(true)
}

// catch, deferred, restores the fault setting faults returned and turns a
// panic into the store's damage, stored in *errp.
func (d *damage) catch(errp *error, old bool) {
	if d == nil {
		return // let a panic go on, with its stack
	}
	debug.SetPanicOnFault(old)
	if p := recover(); p != nil {
		*errp = d.record(p)
	}
}

// catchAll is catch for the Graph's methods: it also reports damage an
// earlier read met (perhaps on another goroutine, its error dropped on the
// way), when the call would otherwise succeed.
func (d *damage) catchAll(errp *error, old bool) {
	if d == nil {
		return
	}
	debug.SetPanicOnFault(old)
	if p := recover(); p != nil {
		*errp = d.record(p)
		return
	}
	if *errp == nil {
		*errp = d.err()
	}
}

// guardKV wraps Cayley's key-value store over bolt so that a read or write
// that panics or faults returns an error instead, on whatever goroutine it
// runs (queries run on their own), and is recorded as the store's damage.
type guardKV struct {
	hkv.KV
	d *damage
}

func (g guardKV) Tx(rw bool) (tx hkv.Tx, err error) {
	if err := g.d.err(); err != nil && rw {
		return nil, err // no writes on top of damage
	}
	defer g.d.catch(&err, g.d.faults())
	tx, err = g.KV.Tx(rw)
	if err != nil {
		return nil, err
	}
	return guardTx{Tx: tx, d: g.d}, nil
}

type guardTx struct {
	hkv.Tx
	d *damage
}

// Values are copied out of bolt's memory map while the fault is caught:
// the caller reads them after, where a page cut short would fault the
// process.

func (t guardTx) Get(ctx context.Context, key hkv.Key) (v hkv.Value, err error) {
	defer t.d.catch(&err, t.d.faults())
	v, err = t.Tx.Get(ctx, key)
	return bytes.Clone(v), err
}

func (t guardTx) GetBatch(ctx context.Context, keys []hkv.Key) (vs []hkv.Value, err error) {
	defer t.d.catch(&err, t.d.faults())
	vs, err = t.Tx.GetBatch(ctx, keys)
	for i, v := range vs {
		vs[i] = bytes.Clone(v)
	}
	return vs, err
}

func (t guardTx) Put(k hkv.Key, v hkv.Value) (err error) {
	defer t.d.catch(&err, t.d.faults())
	return t.Tx.Put(k, v)
}

func (t guardTx) Del(k hkv.Key) (err error) {
	defer t.d.catch(&err, t.d.faults())
	return t.Tx.Del(k)
}

func (t guardTx) Commit(ctx context.Context) (err error) {
	defer t.d.catch(&err, t.d.faults())
	return t.Tx.Commit(ctx)
}

func (t guardTx) Close() (err error) {
	defer t.d.catch(&err, t.d.faults())
	return t.Tx.Close()
}

func (t guardTx) Scan(pref hkv.Key) hkv.Iterator {
	var it hkv.Iterator
	err := func() (err error) {
		defer t.d.catch(&err, t.d.faults())
		it = t.Tx.Scan(pref)
		return nil
	}()
	return &guardIter{Iterator: it, d: t.d, err: err}
}

type guardIter struct {
	hkv.Iterator
	d   *damage
	err error
}

func (it *guardIter) Next(ctx context.Context) bool {
	if it.err != nil {
		return false
	}
	var ok bool
	it.err = func() (err error) {
		defer it.d.catch(&err, it.d.faults())
		ok = it.Iterator.Next(ctx)
		return nil
	}()
	return ok && it.err == nil
}

func (it *guardIter) Key() (k hkv.Key) {
	if it.err != nil {
		return nil
	}
	it.err = func() (err error) {
		defer it.d.catch(&err, it.d.faults())
		k = it.Iterator.Key()
		return nil
	}()
	return k
}

func (it *guardIter) Val() (v hkv.Value) {
	if it.err != nil {
		return nil
	}
	it.err = func() (err error) {
		defer it.d.catch(&err, it.d.faults())
		v = bytes.Clone(it.Iterator.Val())
		return nil
	}()
	return v
}

func (it *guardIter) Err() error {
	if it.err != nil {
		return it.err
	}
	return it.Iterator.Err()
}

func (it *guardIter) Close() error {
	if it.Iterator == nil {
		return it.err
	}
	return it.Iterator.Close()
}

// Bolt's file layout (github.com/boltdb/bolt v1.3.1, page.go and db.go):
// pages of pageSize bytes, each opening with a 16-byte header (id uint64,
// flags uint16, count uint16, overflow uint32); pages 0 and 1 are meta pages,
// whose body is the meta below, in the machine's byte order.
const (
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	boltPageHeader   = 16
	boltMetaSize     = 64
	boltBranchPage   = 0x01
	boltLeafPage     = 0x02
	boltMetaPage     = 0x04
	boltFreelistPage = 0x10
)

// boltMeta is a bolt meta page's body.
type boltMeta struct {
	magic, version, pageSize, flags uint32
	root, sequence                  uint64
	freelist, pgid, txid, checksum  uint64
}

func parseBoltMeta(b []byte) boltMeta {
	e := binary.NativeEndian
	return boltMeta{
		magic: e.Uint32(b[0:]), version: e.Uint32(b[4:]), pageSize: e.Uint32(b[8:]), flags: e.Uint32(b[12:]),
		root: e.Uint64(b[16:]), sequence: e.Uint64(b[24:]),
		freelist: e.Uint64(b[32:]), pgid: e.Uint64(b[40:]), txid: e.Uint64(b[48:]), checksum: e.Uint64(b[56:]),
	}
}

// validate is bolt's meta.validate, with the checksum over the body before
// it (FNV-1a, 64 bits).
func (m boltMeta) validate(body []byte) error {
	switch {
	case m.magic != boltMagic:
		return errors.New("not a bolt meta page")
	case m.version != boltVersion:
		return fmt.Errorf("bolt version %d, want %d", m.version, boltVersion)
	}
	h := fnv.New64a()
	h.Write(body[:56])
	if m.checksum != 0 && m.checksum != h.Sum64() {
		return errors.New("checksum mismatch")
	}
	return nil
}

// checkBoltFile checks, before bolt maps it, what can be checked of a bolt
// file without reading it all: that it is a regular file, that it holds its
// two meta pages, that one of them is valid, and that the file reaches as
// far as that meta says its pages go, with a branch or leaf page at the root
// and a freelist page where the freelist is. A file that does not exist
// passes (bolt creates it), and so does an empty one opened for writing
// (bolt writes a new store into it).
func checkBoltFile(file string, readOnly bool) error {
	damaged := func(format string, args ...any) error {
		return &DamagedError{File: file, Reason: fmt.Sprintf(format, args...)}
	}
	info, err := os.Stat(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return damaged("it is %s, not a regular file", describeMode(info.Mode()))
	}
	size := info.Size()
	if size == 0 {
		if readOnly {
			return damaged("it is empty")
		}
		return nil
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	readPage := func(off int64, n int) ([]byte, error) {
		b := make([]byte, n)
		_, err := f.ReadAt(b, off)
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return b, err
	}

	// Bolt takes the page size from meta page 0 when it is valid, else
	// assumes the system's.
	pageSize := os.Getpagesize()
	var metas [2]boltMeta
	var bad [2]error
	if size >= boltPageHeader+boltMetaSize {
		b, err := readPage(0, boltPageHeader+boltMetaSize)
		if err != nil {
			return fmt.Errorf("check %s: %w", file, err)
		}
		metas[0] = parseBoltMeta(b[boltPageHeader:])
		bad[0] = metas[0].validate(b[boltPageHeader:])
		if ps := metas[0].pageSize; bad[0] == nil && (ps < 512 || ps > 1<<20 || ps&(ps-1) != 0) {
			bad[0] = fmt.Errorf("page size %d", ps)
		}
		if bad[0] == nil {
			pageSize = int(metas[0].pageSize)
		}
	}
	if size < 2*int64(pageSize) {
		return damaged("it is %d bytes, shorter than bolt's two meta pages (%d bytes)", size, 2*pageSize)
	}
	b, err := readPage(int64(pageSize), boltPageHeader+boltMetaSize)
	if err != nil {
		return fmt.Errorf("check %s: %w", file, err)
	}
	metas[1] = parseBoltMeta(b[boltPageHeader:])
	bad[1] = metas[1].validate(b[boltPageHeader:])
	if bad[1] == nil && int(metas[1].pageSize) != pageSize {
		bad[1] = fmt.Errorf("page size %d, meta page 0 says %d", metas[1].pageSize, pageSize)
	}
	if bad[0] != nil && bad[1] != nil {
		return damaged("neither meta page is valid: page 0: %v; page 1: %v", bad[0], bad[1])
	}
	// Bolt reads the valid meta with the higher transaction ID.
	m := metas[0]
	if bad[0] != nil || bad[1] == nil && metas[1].txid > metas[0].txid {
		m = metas[1]
	}
	if need := int64(m.pgid) * int64(pageSize); m.pgid < 3 || need/int64(pageSize) != int64(m.pgid) || need > size {
		return damaged("it is %d bytes, but its pages run to %d bytes: it was cut short", size, need)
	}
	for _, p := range []struct {
		id    uint64
		what  string
		flags uint16
	}{{m.root, "root", boltBranchPage | boltLeafPage}, {m.freelist, "freelist", boltFreelistPage}} {
		if p.id < 2 || p.id >= m.pgid {
			return damaged("its %s page is %d, outside its %d pages", p.what, p.id, m.pgid)
		}
		h, err := readPage(int64(p.id)*int64(pageSize), boltPageHeader)
		if err != nil {
			return fmt.Errorf("check %s: %w", file, err)
		}
		flags := binary.NativeEndian.Uint16(h[8:])
		overflow := binary.NativeEndian.Uint32(h[12:])
		if binary.NativeEndian.Uint64(h[0:]) != p.id || flags&p.flags == 0 || flags&^(boltBranchPage|boltLeafPage|boltMetaPage|boltFreelistPage) != 0 {
			return damaged("its %s page %d does not hold one (flags %#x)", p.what, p.id, flags)
		}
		if p.id+uint64(overflow) >= m.pgid {
			return damaged("its %s page %d runs past its %d pages", p.what, p.id, m.pgid)
		}
	}
	return nil
}

// describeMode names a kind of file that is not a regular one.
func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "an irregular file"
}

// Damaged returns the damage the store's reads have met, an error wrapping
// ErrDamaged, or nil. The Graph's own methods report it; code that reads
// through QuadStore or Handle, where Cayley drops some read errors, can ask
// after it is done.
func (g *Graph) Damaged() error { return g.damage.err() }
