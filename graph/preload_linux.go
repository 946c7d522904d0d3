package graph

import "syscall"

// madvPopulateRead is MADV_POPULATE_READ (Linux 5.14): map the pages,
// reading them in, without a fault for each.
const madvPopulateRead = 22

func populate(b []byte, pageSize int) {
	if syscall.Madvise(b, madvPopulateRead) != nil { // an older kernel
		touch(b, pageSize)
	}
}

// roomFor reports whether size bytes are at most half the machine's
// memory.
func roomFor(size int) bool {
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) != nil {
		return false
	}
	return uint64(size) <= uint64(si.Totalram)*uint64(si.Unit)/2
}
