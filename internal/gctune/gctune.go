// Package gctune sets the Go collector's target for newsgraph's processes
// whose live heap is small beside what they allocate: the extract, query,
// serve and canned-question commands, and bench/latency, which times the
// questions as those commands answer them.
//
// Go's default (GOGC=100) starts a collection at twice the live heap, and
// no sooner than 4 MB:
//
//   - extract streams: its live heap is a few articles (about 10 MB), and it
//     collected every few megabytes allocated, 25–30% of its CPU. At 400 it
//     used 30% less CPU on 2,000 synthetic articles for 16 MB more memory.
//   - query, serve and the canned questions hold a store open read-only: a
//     live heap of 2 MB on a 100,000-article bolt store, while one answer
//     allocates tens of megabytes. At the default they collected 5× as
//     often as on a store whose free-page list (which bolt holds in memory)
//     made 12 MB live, and answered 1.3–1.8× slower; at 400 both stores
//     answer alike (bench/README.md, "Canned questions").
//
// build is not one of them: its live heap is gigabytes, held to --memory.
package gctune

import (
	"os"
	"runtime/debug"
)

// SmallHeapPercent is the collector's target SmallHeap sets.
const SmallHeapPercent = 400

// SmallHeap sets SmallHeapPercent unless GOGC says otherwise, and returns
// the percent in force.
func SmallHeap() int {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(SmallHeapPercent)
	}
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}
