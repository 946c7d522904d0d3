package sandbox

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// How often the watchdog samples the heap while queries run, and how often
// at most it forces a collection to see whether what it sampled is live.
const (
	watchPeriod = 10 * time.Millisecond
	gcPeriod    = 100 * time.Millisecond
)

// A watchdog stops queries when the heap grows past a budget. It runs a
// goroutine only while a query is being watched.
type watchdog struct {
	budget uint64 // 0: watch nothing

	mu      sync.Mutex
	watched map[*watched]struct{}
	running bool
	victim  *watched // stopped, not yet let go
	lastGC  time.Time
}

type watched struct {
	start time.Time
	base  uint64 // the live heap when the query started
	stop  context.CancelCauseFunc
}

func newWatchdog(budget int64) *watchdog {
	return &watchdog{budget: uint64(max(0, budget)), watched: map[*watched]struct{}{}}
}

// watch watches a query until the returned function is called; stop ends
// the query with the limit's error.
func (d *watchdog) watch(stop context.CancelCauseFunc) (unwatch func()) {
	if d.budget == 0 {
		return func() {}
	}
	w := &watched{start: time.Now(), base: heapLive(), stop: stop}
	d.mu.Lock()
	d.watched[w] = struct{}{}
	if !d.running {
		d.running = true
		go d.run()
	}
	d.mu.Unlock()
	return func() {
		d.mu.Lock()
		delete(d.watched, w)
		if d.victim == w {
			d.victim = nil
		}
		d.mu.Unlock()
	}
}

// run samples the heap until nothing is watched.
func (d *watchdog) run() {
	t := time.NewTicker(watchPeriod)
	defer t.Stop()
	for range t.C {
		if !d.check() {
			return
		}
	}
}

// check looks at the heap once; it returns false, having marked the
// watchdog stopped, when nothing is watched.
func (d *watchdog) check() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.watched) == 0 {
		d.running = false
		return false
	}
	if d.victim != nil {
		return true // wait for it to let go of what it holds
	}
	oldest := d.oldest()
	if heapObjects() <= oldest.base+d.budget {
		return true
	}
	// Over, or garbage not yet collected: collect, at most every gcPeriod,
	// and look at what is live.
	if time.Since(d.lastGC) < gcPeriod {
		return true
	}
	d.mu.Unlock()
	runtime.GC()
	d.mu.Lock()
	d.lastGC = time.Now()
	if len(d.watched) == 0 || d.victim != nil {
		return true
	}
	oldest = d.oldest()
	if live := heapLive(); live > oldest.base+d.budget {
		d.victim = oldest
		oldest.stop(&LimitError{Kind: ErrMemory, Msg: fmt.Sprintf(
			"query stopped: the queries running held %d MiB, over this server's memory budget of %d MiB",
			(live-oldest.base)>>20, d.budget>>20)})
	}
	return true
}

// oldest is the query watched longest; d.mu is held, and some query is.
func (d *watchdog) oldest() *watched {
	var o *watched
	for w := range d.watched {
		if o == nil || w.start.Before(o.start) {
			o = w
		}
	}
	return o
}

var heapSamples = []string{"/memory/classes/heap/objects:bytes", "/gc/heap/live:bytes"}

// heapObjects is the heap's objects now, live or garbage not yet swept.
func heapObjects() uint64 { return readMetric(0) }

// heapLive is the heap the last collection found live.
func heapLive() uint64 { return readMetric(1) }

func readMetric(i int) uint64 {
	s := []metrics.Sample{{Name: heapSamples[i]}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
