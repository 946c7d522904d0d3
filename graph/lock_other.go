//go:build !unix

package graph

// probeLock has no non-blocking probe here; bolt's own lock timeout
// (WithOpenTimeout) reports a database in use.
func probeLock(file string, exclusive bool) error { return nil }
