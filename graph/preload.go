package graph

import (
	"context"
	"runtime"
	"unsafe"

	"github.com/boltdb/bolt"
)

// Preload maps the store's file into the process, on bolt, so that the
// first read of each part of it does not stop for a page fault. bolt reads
// its file through memory mapped at open, and a process's first touch of
// each page of it is a fault: on the 2-CPU virtual machine of
// bench/README.md some 40 µs for each 64 KiB the kernel maps at once, so
// that a server's first questions on large entities spent most of their
// time in faults. It asks the kernel to map the file in chunks
// (MADV_POPULATE_READ on Linux; elsewhere it reads a byte a page), each in
// a read transaction of its own (bolt may map the file anew between them,
// as a write grows it), and stops when ctx ends. A file larger than half
// the machine's memory is left alone: it would push out what it cannot
// hold. Elsewhere than bolt it does nothing. A server calls it once it
// has started, in the background.
func (g *Graph) Preload(ctx context.Context) error {
	if g.bolt == nil {
		return nil
	}
	const chunk = 64 << 20
	for off := 0; ; off += chunk {
		if err := ctx.Err(); err != nil {
			return err
		}
		more := false
		err := g.bolt.db.View(func(tx *bolt.Tx) error {
			size := int(tx.Size()) // the file's part in use, which the map holds
			if off >= size || off == 0 && !roomFor(size) {
				return nil
			}
			info := tx.DB().Info()
			base := *(*unsafe.Pointer)(unsafe.Pointer(&info.Data)) // the map's start, which bolt gives as a uintptr
			populate(unsafe.Slice((*byte)(unsafe.Add(base, off)), min(chunk, size-off)), info.PageSize)
			more = true
			return nil
		})
		if err != nil || !more {
			return err
		}
	}
}

// touch reads a byte of each page of b, which maps them.
func touch(b []byte, pageSize int) {
	var sum byte
	for i := 0; i < len(b); i += pageSize {
		sum += b[i]
	}
	runtime.KeepAlive(sum) // the reads are what counts
}
