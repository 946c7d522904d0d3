//go:build !linux

package graph

func populate(b []byte, pageSize int) { touch(b, pageSize) }

// roomFor reports whether size bytes may be preloaded: up to 1 GiB where
// the machine's memory is not read.
func roomFor(size int) bool { return size <= 1<<30 }
