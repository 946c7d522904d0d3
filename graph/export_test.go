package graph

import "github.com/boltdb/bolt"

// WithBoltCrashAfter stops each bulk write into bolt after n of its
// transactions, leaving the store as a crash there would.
func WithBoltCrashAfter(n int) Option {
	return func(c *config) { c.bolt.crashAfter = n }
}

// WithBoltRangeIDs has bulk writes into bolt write their values in one
// transaction per n IDs the store has numbered (boltRangeIDs).
func WithBoltRangeIDs(n int64) Option {
	return func(c *config) { c.bolt.rangeIDs = n }
}

// WithBoltFailAfter makes each bulk write into bolt fail after n of its
// transactions, as an error there would: the writer undoes the write.
func WithBoltFailAfter(n int) Option {
	return func(c *config) { c.bolt.failAfter = n }
}

// ErrFailed is the error WithBoltFailAfter injects.
var ErrFailed = errFailed

// ErrCrashed is what a write stopped by WithBoltCrashAfter returns.
var ErrCrashed = errCrashed

// WithBoltBeforeStage calls f before each transaction of a bulk write into
// bolt but the first, with the raw database: a test can write past the
// writer's back there, as a stray writer would.
func WithBoltBeforeStage(f func(stage int, db *bolt.DB)) Option {
	return func(c *config) { c.bolt.beforeStage = f }
}

// WithBoltUndoFails makes undoing a bulk write into bolt that failed
// part-way fail with err, as a disk error would.
func WithBoltUndoFails(err error) Option {
	return func(c *config) { c.bolt.undoErr = err }
}
