package source

import (
	"errors"
	"os"
)

// Check reports the paths that do not exist or cannot be looked at, as
// *FileErrors joined into one error, before anything is read. A command
// calls it before it opens a store, so a mistyped path creates nothing.
// "-" (standard input) is always there.
func Check(paths []string) error {
	var errs []error
	for _, p := range paths {
		if p == "-" {
			continue
		}
		if _, err := os.Stat(p); err != nil {
			errs = append(errs, &FileError{Path: p, Err: err})
		}
	}
	return errors.Join(errs...)
}
