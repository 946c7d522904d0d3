package questions

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
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
	// all are every entity's lists, read with the index (readLists) and
	// kept with it; nil when they were not. An entity the index has
	// learnt of since has none here.
	all  map[int32][]int32
	size int                // articles held
	top  map[string][]int32 // Top's lists, by kinds

	// ids and vals keep what questions read of a bolt store by ID
	// (graph.Raw) for the next: a value's ID, an ID's value (the names
	// of predicates, articles, sentences, people a page shows). Up to
	// maxKeptValues of each; forgotten when the store changes.
	ids  map[quad.Value]uint64
	vals map[uint64]quad.Value
}

// maxKeptValues bounds listCache.ids and listCache.vals.
const maxKeptValues = 1 << 17

// id returns the ID kept for v, if any.
func (c *listCache) id(v quad.Value) (uint64, bool) {
	if c == nil {
		return 0, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	id, ok := c.ids[v]
	return id, ok
}

// value returns the value kept for an ID, if any.
func (c *listCache) value(id uint64) (quad.Value, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.vals[id]
	return v, ok
}

// keep keeps a value and its ID (0: none, for a value the store lacks,
// which is not kept).
func (c *listCache) keep(v quad.Value, id uint64) {
	if c == nil || v == nil || id == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.ids) >= maxKeptValues || c.ids == nil {
		c.ids = map[quad.Value]uint64{}
	}
	if len(c.vals) >= maxKeptValues || c.vals == nil {
		c.vals = map[uint64]quad.Value{}
	}
	c.ids[v], c.vals[id] = id, v
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
	if l, ok := c.all[e]; ok {
		return l, true
	}
	l, ok := c.byEnt[e]
	return l, ok
}

func (c *listCache) put(e int32, l []int32) {
	if c == nil || len(l) < cachedList {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.all[e]; ok {
		return
	}
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
	if l, ok := c.all[e]; ok {
		if i := slices.Index(l, a); i >= 0 {
			c.all[e] = slices.Delete(slices.Clone(l), i, i+1)
		}
	}
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
	if l, ok := c.all[e]; ok && !slices.Contains(l, a) {
		i, _ := slices.BinarySearchFunc(l, a, order)
		c.all[e] = slices.Insert(slices.Clone(l), i, a)
	}
	l, ok := c.byEnt[e]
	if !ok || slices.Contains(l, a) {
		return
	}
	i, _ := slices.BinarySearchFunc(l, a, order)
	c.byEnt[e] = slices.Insert(slices.Clone(l), i, a)
	c.size++
}

// changed forgets the rankings (counts changed) and the values kept.
func (c *listCache) changed() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.top = map[string][]int32{}
	c.ids, c.vals = nil, nil
}

// readLists reads every entity's articles (as articlesOf does) into the
// index's lists, on bolt (graph.Raw): the lists of bodies and topics named
// in thousands of articles, read at each first question, are what a
// question on them waited for most. With them it reads the entities' and
// articles' node IDs and whether the store's index lists are exact
// (index.byID, index.exact). Elsewhere it keeps none.
func (ix *index) readLists(ctx context.Context, g *graph.Graph) error {
	all := make(map[int32][]int32, len(ix.ents))
	err := g.ViewRaw(ctx, func(raw *graph.Raw) error {
		exact, err := raw.Exact()
		if err != nil {
			return err
		}
		byID := make(map[uint64]int32, len(ix.ents))
		for e := range ix.ents {
			if id := raw.ID(quad.IRI(ix.ents[e].iri)); id != 0 {
				ix.ents[e].id, byID[id] = id, int32(e)
			}
		}
		for i := range ix.arts {
			ix.arts[i].id = raw.ID(quad.IRI(ix.arts[i].iri))
		}
		ix.byID, ix.exact = byID, exact
		typ := raw.ID(schema.Type)
		// The article each label names, -1 for none: a sentence labels
		// the <type> quads of all it names.
		artOf := map[uint64]int32{}
		var labels []uint64
		for e := range ix.ents {
			if err := ctx.Err(); err != nil {
				return err
			}
			labels = labels[:0]
			err := raw.Out(ix.ents[e].id, typ, func(q graph.RawQuad) bool {
				labels = append(labels, q.Label)
				return true
			})
			if err != nil {
				return err
			}
			var out []int32
			for _, l := range labels {
				ai, ok := artOf[l]
				if !ok {
					v, err := raw.Value(l)
					if err != nil {
						return err
					}
					ai = -1
					if i, found := ix.artByIRI[string(schema.ArticleOf(quad.IRI(valueText(v))))]; found {
						ai = i
					}
					artOf[l] = ai
				}
				if ai >= 0 && !ix.arts[ai].gone {
					out = append(out, ai)
				}
			}
			slices.SortFunc(out, ix.newerFirst)
			all[int32(e)] = slices.Clip(slices.Compact(out))
		}
		return nil
	})
	if errors.Is(err, graph.ErrNoRaw) {
		return nil
	}
	if err != nil {
		return err
	}
	ix.lists.all = all
	return nil
}
