package gctune

import (
	"os"
	"runtime/debug"
	"strconv"
	"testing"
)

func TestSmallHeap(t *testing.T) {
	for _, tc := range []struct {
		name string
		gogc string // "" for unset
		want int
	}{
		{"GOGC unset", "", SmallHeapPercent},
		{"GOGC set", "150", 150},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := debug.SetGCPercent(-1)
			t.Cleanup(func() { debug.SetGCPercent(before) })
			t.Setenv("GOGC", tc.gogc)
			// What the runtime would have read from GOGC at start.
			start := 100
			if tc.gogc == "" {
				os.Unsetenv("GOGC")
			} else {
				start, _ = strconv.Atoi(tc.gogc)
			}
			debug.SetGCPercent(start)
			reported := SmallHeap()
			if got := debug.SetGCPercent(-1); got != tc.want || reported != tc.want {
				t.Errorf("GC percent %d (SmallHeap says %d), want %d", got, reported, tc.want)
			}
		})
	}
}
