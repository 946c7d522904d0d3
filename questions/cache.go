package questions

import (
	"fmt"
	"slices"
	"sync"
)

// cachedList is how many articles an entity is declared in, at least, for
// its list to be kept.
const cachedList = 500

// maxCachedArticles bounds the articles a listCache holds: 4 MB.
const maxCachedArticles = 1 << 20

// A listCache keeps what takes longest to read again: the article lists of
// the entities named in most articles (a topic's tens of thousands take
// seconds on 100,000 articles) and Top's rankings. It belongs to one
// index, which patches the lists as articles change (update); questions
// fill it while they share the index, so it has a lock of its own.
type listCache struct {
	mu    sync.Mutex
	byEnt map[int32][]int32
	size  int                // articles held
	top   map[string][]int32 // Top's lists, by kinds
}

func newListCache() *listCache {
	return &listCache{byEnt: map[int32][]int32{}, top: map[string][]int32{}}
}

func (c *listCache) get(e int32) ([]int32, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	l, ok := c.byEnt[e]
	return l, ok
}

func (c *listCache) put(e int32, l []int32) {
	if c == nil || len(l) < cachedList {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.size+len(l) > maxCachedArticles {
		c.byEnt, c.size = map[int32][]int32{}, 0
	}
	c.byEnt[e] = l
	c.size += len(l)
}

// ranked returns the entities of the kinds, most mentioned first, making
// the list with rank the first time.
func (c *listCache) ranked(kinds []Kind, rank func() []int32) []int32 {
	k := fmt.Sprint(kinds)
	c.mu.Lock()
	defer c.mu.Unlock()
	if l, ok := c.top[k]; ok {
		return l
	}
	l := rank()
	c.top[k] = l
	return l
}

// remove takes article a off e's list, if kept. Lists are replaced, not
// changed in place: a question may still be reading the old one.
func (c *listCache) remove(e, a int32) {
	c.mu.Lock()
	defer c.mu.Unlock()
	l, ok := c.byEnt[e]
	if !ok {
		return
	}
	if i := slices.Index(l, a); i >= 0 {
		c.byEnt[e] = slices.Delete(slices.Clone(l), i, i+1)
		c.size--
	}
}

// insert puts article a on e's list, if kept, in the list's order.
func (c *listCache) insert(e, a int32, order func(x, y int32) int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	l, ok := c.byEnt[e]
	if !ok || slices.Contains(l, a) {
		return
	}
	i, _ := slices.BinarySearchFunc(l, a, order)
	c.byEnt[e] = slices.Insert(slices.Clone(l), i, a)
	c.size++
}

// changed forgets the rankings: counts changed.
func (c *listCache) changed() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.top = map[string][]int32{}
}
