//go:build unix

package graph

import (
	"errors"
	"os"
	"syscall"
)

// probeLock reports ErrInUse when another open bolt database (in this
// process or another) holds a lock on file that conflicts with the one bolt
// will take. bolt locks with flock, so a non-blocking flock tells.
func probeLock(file string, exclusive bool) error {
	f, err := os.Open(file)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	defer f.Close()
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	for {
		err = syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	switch {
	case errors.Is(err, syscall.EWOULDBLOCK):
		return ErrInUse
	case err != nil:
		return err
	}
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
