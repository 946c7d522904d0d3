package server

import (
	"context"
	"sync"
)

// storeLock lets queries share the store and gives writes it alone, as a
// sync.RWMutex does, but every wait ends with its request's context: a
// write waiting for a long read gives up at its timeout instead of holding
// everyone behind it, and the wait counts against the request's time. A
// writer waiting keeps new readers out, so a stream of queries cannot
// starve writes.
type storeLock struct {
	mu      sync.Mutex
	readers int
	writer  bool
	waiting int           // writers waiting
	changed chan struct{} // closed, and replaced, whenever the lock changes
}

func newStoreLock() *storeLock { return &storeLock{changed: make(chan struct{})} }

// broadcast wakes every waiter; l.mu is held.
func (l *storeLock) broadcast() {
	close(l.changed)
	l.changed = make(chan struct{})
}

// RLock takes the lock shared, or returns ctx's error.
func (l *storeLock) RLock(ctx context.Context) error {
	for {
		l.mu.Lock()
		if !l.writer && l.waiting == 0 {
			l.readers++
			l.mu.Unlock()
			return nil
		}
		ch := l.changed
		l.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// RUnlock lets go of a shared hold.
func (l *storeLock) RUnlock() {
	l.mu.Lock()
	l.readers--
	l.broadcast()
	l.mu.Unlock()
}

// Lock takes the lock alone, or returns ctx's error.
func (l *storeLock) Lock(ctx context.Context) error {
	l.mu.Lock()
	l.waiting++
	for l.writer || l.readers > 0 {
		ch := l.changed
		l.mu.Unlock()
		select {
		case <-ch:
			l.mu.Lock()
		case <-ctx.Done():
			l.mu.Lock()
			l.waiting--
			l.broadcast() // readers held back by this writer may go
			l.mu.Unlock()
			return ctx.Err()
		}
	}
	l.waiting--
	l.writer = true
	l.mu.Unlock()
	return nil
}

// Unlock lets go of a hold taken alone.
func (l *storeLock) Unlock() {
	l.mu.Lock()
	l.writer = false
	l.broadcast()
	l.mu.Unlock()
}

// slots bounds the requests running at once, and hands a freed slot to the
// request that has waited longest: a trivial query behind heavy ones waits
// for those ahead of it, never for ones that came after it.
type slots struct {
	mu      sync.Mutex
	n, free int
	waiting []chan struct{}
}

func newSlots(n int) *slots { return &slots{n: n, free: n} }

// acquire takes a slot, or returns ctx's error.
func (s *slots) acquire(ctx context.Context) error {
	s.mu.Lock()
	if s.free > 0 && len(s.waiting) == 0 {
		s.free--
		s.mu.Unlock()
		return nil
	}
	ch := make(chan struct{})
	s.waiting = append(s.waiting, ch)
	s.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		s.mu.Lock()
		for i, w := range s.waiting {
			if w == ch {
				s.waiting = append(s.waiting[:i], s.waiting[i+1:]...)
				s.mu.Unlock()
				return ctx.Err()
			}
		}
		s.mu.Unlock()
		s.release() // granted as ctx ended: pass it on
		return ctx.Err()
	}
}

// release gives a slot back, to the longest waiter if there is one.
func (s *slots) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.waiting) > 0 {
		close(s.waiting[0])
		s.waiting = s.waiting[1:]
		return
	}
	s.free++
}

// inUse is how many slots are taken.
func (s *slots) inUse() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n - s.free
}
