package questions

import (
	"cmp"
	"slices"
	"testing"
)

// A kept list takes articles off and on in its order, as a new list,
// leaving the old one to whoever still reads it.
func TestListCache(t *testing.T) {
	c := newListCache()
	long := make([]int32, cachedList)
	for i := range long {
		long[i] = int32(2 * i) // even articles, ascending
	}
	c.put(1, long)
	c.put(2, []int32{1, 2, 3}) // too short to keep
	if _, ok := c.get(2); ok {
		t.Error("a short list was kept")
	}
	old, _ := c.get(1)
	c.insert(1, 7, func(x, y int32) int { return cmp.Compare(x, y) })
	c.remove(1, 0)
	c.remove(1, 9)      // not there
	c.insert(3, 5, nil) // not kept
	got, _ := c.get(1)
	want := append([]int32{2, 4, 6, 7}, long[4:]...)
	if !slices.Equal(got, want) {
		t.Errorf("list starts %v, want %v", got[:6], want[:6])
	}
	if !slices.Equal(old, long) {
		t.Error("the old list was changed in place")
	}
	n := 0
	ranked := func() []int32 { n++; return []int32{9} }
	c.ranked(nil, ranked)
	c.ranked(nil, ranked)
	c.changed()
	c.ranked(nil, ranked)
	if n != 2 {
		t.Errorf("ranked %d times, want 2 (once, then after a change)", n)
	}
}
