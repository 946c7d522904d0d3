package graph_test

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// heapCeiling is far above what any test here needs (a few hundred MB).
// Once, under a loaded CI machine, this package's test binary grew to the
// machine's 24 GiB and was killed by the kernel with no word of which test
// ran; past the ceiling the watchdog panics instead, printing every
// goroutine's stack, so that a runaway test names itself.
const heapCeiling = 6 << 30

func TestMain(m *testing.M) {
	flag.Parse()
	stop := make(chan struct{})
	if f := flag.Lookup("test.bench"); f == nil || f.Value.String() == "" {
		go watchHeap(stop) // benchmarks (bench/load.sh) may hold large stores
	}
	code := m.Run()
	close(stop)
	os.Exit(code)
}

func watchHeap(stop <-chan struct{}) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		metrics.Read(sample)
		if v := sample[0].Value; v.Kind() == metrics.KindUint64 && v.Uint64() > heapCeiling {
			debug.SetTraceback("all")
			panic(fmt.Sprintf("graph tests: the heap holds %d MiB, over the %d MiB ceiling: a runaway test (its stack is below)", v.Uint64()>>20, uint64(heapCeiling)>>20))
		}
	}
}
