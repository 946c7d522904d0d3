package questions

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// The index is what the store cannot answer quickly: which node a name
// means. Cayley indexes quads by node, not text, so finding "burstow" in
// the store means reading every name; and no key-value index leads with a
// predicate, so listing the articles by date reads every article. The
// index holds, in memory, every person, body, reform and topic with its
// names and how often the store declares it, and every article with its
// date and outlet. It is built from the store on first use (seconds on
// 100,000 articles; bench/README.md) and follows the Graph's loads and
// deletes (graph.ChangedSince) by reading the articles they touched.
//
// What each entity is linked to (its articles, its statements) stays in
// the store, read per question from the node outwards.

type entity struct {
	iri     string // without brackets: "person/paul-burstow"
	kind    Kind
	name    string
	aliases []string
	count   int    // its <type> quads: one an article (one a sentence for reforms)
	gen     uint32 // bumped when its names change: older keys are dead
	id      uint64 // its node's ID in a bolt store (graph.Raw), 0 when not known
}

type article struct {
	iri    string
	date   string // "2010-07-14" or ""
	outlet string
	gone   bool   // deleted from the store
	id     uint64 // its node's ID in a bolt store, 0 when not known
}

// A nameKey is one way to find an entity: a name or alias, folded, from
// one of its word starts to its end ("paul burstow", "burstow"), so a
// binary search finds the names with a word that begins with the query.
type nameKey struct {
	text  string // folded, from a word start
	full  string // the whole folded name
	ent   int32
	gen   uint32
	alias bool
}

func (k nameKey) whole() bool { return len(k.text) == len(k.full) }

type index struct {
	version  uint64 // graph.Version it reflects
	ents     []entity
	byIRI    map[string]int32
	arts     []article
	artByIRI map[string]int32

	keys   []nameKey // sorted by text
	recent []nameKey // added since keys was sorted, unsorted

	byDate []int32 // live articles, newest first; nil when stale

	// byID finds entities by their IDs in a bolt store (entity.id); exact
	// says that store's index lists held no deleted quad when the index
	// was read, and nothing has been deleted since: its keys then count
	// quads (graph.Raw.InKeys).
	byID  map[uint64]int32
	exact bool

	lists *listCache // what questions read of it and kept (cache.go)
}

// maxAliasQuads bounds the <alias> quads read for each entity when the
// index is built: a body named in 5,000 articles has an alias quad or two
// in each, nearly all alike, and reading them all took seconds on 100,000
// articles. An alias first used later than that is found once an article
// using it is loaded again.
const maxAliasQuads = 64

// maxReformAliasQuads is maxAliasQuads for reforms, whose aliases are the
// phrases that reported them ("PCTs scrapped", "council will be
// replaced"): many and long. They are found whole or by their start, not
// from a later word, which their names give.
const maxReformAliasQuads = 16

// buildIndex reads the index from the graph: the articles and the
// entities side by side (each is a few hundred thousand reads of the
// store on 100,000 articles, and bolt reads in parallel).
func buildIndex(ctx context.Context, g *graph.Graph, version uint64) (*index, error) {
	ix := &index{version: version, byIRI: map[string]int32{}, artByIRI: map[string]int32{}, lists: newListCache()}
	type read struct {
		nodes          []graph.TypedNode
		names, aliases [][]string
	}
	var (
		arts           []graph.TypedNode
		dates, outlets [][]string
		artErr         error
		ents           = make([]read, len(kinds))
		wg             sync.WaitGroup
	)
	wg.Go(func() {
		if arts, artErr = g.NodesOfType(ctx, schema.Article); artErr != nil {
			return
		}
		iris := make([]quad.IRI, len(arts))
		for i, a := range arts {
			iris[i] = a.IRI
		}
		if dates, artErr = g.Strings(ctx, iris, schema.Date, 1); artErr != nil {
			return
		}
		outlets, artErr = g.Strings(ctx, iris, schema.Source, 1)
	})
	var entErr error
	for i, k := range kinds {
		if ents[i].nodes, entErr = g.NodesOfType(ctx, k.typ); entErr != nil {
			break
		}
		iris := make([]quad.IRI, len(ents[i].nodes))
		for j, n := range ents[i].nodes {
			iris[j] = n.IRI
		}
		if ents[i].names, entErr = g.Strings(ctx, iris, schema.Name, 1); entErr != nil {
			break
		}
		maxAliases := maxAliasQuads
		if k.kind == KindReform {
			maxAliases = maxReformAliasQuads
		}
		if ents[i].aliases, entErr = g.Strings(ctx, iris, schema.Alias, maxAliases); entErr != nil {
			break
		}
	}
	wg.Wait()
	if err := errors.Join(artErr, entErr); err != nil {
		return nil, err
	}
	for i, a := range arts {
		ix.artByIRI[string(a.IRI)] = int32(len(ix.arts))
		ix.arts = append(ix.arts, article{iri: string(a.IRI), date: firstOf(dates[i]), outlet: firstOf(outlets[i])})
	}
	for i, k := range kinds {
		for j, n := range ents[i].nodes {
			e := ix.entityFor(string(n.IRI), k.kind)
			ix.ents[e].count += n.Quads
			ix.setNames(e, firstOf(ents[i].names[j]), ents[i].aliases[j])
		}
	}
	ix.sortKeys()
	if err := ix.readLists(ctx, g); err != nil {
		return nil, err
	}
	return ix, nil
}

func firstOf(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}

// entityFor returns the index of the entity with the IRI, adding it.
func (ix *index) entityFor(iri string, kind Kind) int32 {
	if e, ok := ix.byIRI[iri]; ok {
		return e
	}
	e := int32(len(ix.ents))
	ix.byIRI[iri] = e
	ix.ents = append(ix.ents, entity{iri: iri, kind: kind, name: iri})
	return e
}

// setNames gives entity e its name and aliases, and makes its keys.
func (ix *index) setNames(e int32, name string, aliases []string) {
	en := &ix.ents[e]
	en.gen++
	if name != "" {
		en.name = name
	}
	seen := map[string]bool{fold(en.name): true}
	en.aliases = en.aliases[:0:0]
	for _, a := range aliases {
		if f := fold(a); f != "" && !seen[f] {
			seen[f] = true
			en.aliases = append(en.aliases, a)
		}
	}
	slices.Sort(en.aliases)
	if en.count <= 0 {
		return // gone from the store: no keys
	}
	ix.addKeys(e, en.name, false)
	for _, a := range en.aliases {
		ix.addKeys(e, a, true)
	}
}

func (ix *index) addKeys(e int32, name string, alias bool) {
	f := fold(name)
	gen := ix.ents[e].gen
	starts := wordStarts(f)
	if alias && ix.ents[e].kind == KindReform {
		starts = starts[:min(len(starts), 1)]
	}
	for _, at := range starts {
		ix.recent = append(ix.recent, nameKey{text: f[at:], full: f, ent: e, gen: gen, alias: alias})
	}
}

// sortKeys merges the recent keys into the sorted ones, dropping dead keys.
func (ix *index) sortKeys() {
	all := append(ix.keys, ix.recent...)
	all = slices.DeleteFunc(all, func(k nameKey) bool { return ix.ents[k.ent].gen != k.gen })
	slices.SortFunc(all, func(a, b nameKey) int {
		return cmp.Or(strings.Compare(a.text, b.text), cmp.Compare(a.ent, b.ent))
	})
	ix.keys, ix.recent = slices.Clip(all), nil
}

// eachKey calls fn with every live key whose text begins with prefix.
func (ix *index) eachKey(prefix string, fn func(nameKey)) {
	i, _ := slices.BinarySearchFunc(ix.keys, prefix, func(k nameKey, p string) int { return strings.Compare(k.text, p) })
	for ; i < len(ix.keys) && strings.HasPrefix(ix.keys[i].text, prefix); i++ {
		if k := ix.keys[i]; ix.ents[k.ent].gen == k.gen {
			fn(k)
		}
	}
	for _, k := range ix.recent {
		if strings.HasPrefix(k.text, prefix) && ix.ents[k.ent].gen == k.gen {
			fn(k)
		}
	}
}

// update follows the changes since the index was made: for each article
// changed, it takes off what the article declared before the first change
// (the index counted that), then reads what it declares now.
func (ix *index) update(s *store, changes []graph.Change, version uint64) error {
	kindOf := map[quad.Value]Kind{}
	for _, k := range kinds {
		kindOf[k.typ] = k.kind
	}
	first := map[string][]quad.Quad{}
	var order []string
	for _, c := range changes {
		if len(c.Before) > 0 {
			ix.exact = false // quads deleted: the index lists hold them still
		}
		if _, seen := first[c.Article]; !seen {
			first[c.Article] = c.Before
			order = append(order, c.Article)
		}
	}
	type found struct {
		names, aliases, dropped []string
	}
	changed := map[int32]*found{}
	at := func(e int32) *found {
		if changed[e] == nil {
			changed[e] = &found{}
		}
		return changed[e]
	}
	for _, id := range order {
		iri := string(schema.ArticleIRI(id))
		a, known := ix.artByIRI[iri]
		for _, q := range first[id] {
			subject := valueText(q.Subject)
			switch q.Predicate {
			case schema.Type:
				if kind, ok := kindOf[q.Object]; ok {
					e := ix.entityFor(subject, kind)
					ix.ents[e].count--
					at(e)
					if known {
						ix.lists.remove(e, a)
					}
				}
			case schema.Alias:
				if e, ok := ix.byIRI[subject]; ok {
					at(e).dropped = append(at(e).dropped, valueText(q.Object))
				}
			}
		}
		if known {
			ix.arts[a].gone = true
		}
		ref := s.ref(quad.IRI(iri))
		if ref == nil {
			continue
		}
		labels := []cgraph.Ref{ref}
		err := s.in(ref, schema.SentenceOf, func(e edge) bool { labels = append(labels, e.node); return true })
		if err != nil {
			return err
		}
		var (
			isArticle    bool
			date, outlet string
			typed        = map[int32]int{}
			names        = map[string][]string{}
			aliases      = map[string][]string{}
		)
		for _, l := range labels {
			err := s.labelled(l, func(q link) bool {
				subject := s.text(q.subject)
				switch quad.IRI(s.text(q.predicate)) {
				case schema.Type:
					object := s.value(q.object)
					if subject == iri && object == schema.Article {
						isArticle = true
					} else if kind, ok := kindOf[object]; ok {
						typed[ix.entityFor(subject, kind)]++
					}
				case schema.Date:
					if subject == iri {
						date = s.text(q.object)
					}
				case schema.Source:
					if subject == iri {
						outlet = s.text(q.object)
					}
				case schema.Name:
					names[subject] = append(names[subject], s.text(q.object))
				case schema.Alias:
					aliases[subject] = append(aliases[subject], s.text(q.object))
				}
				return true
			})
			if err != nil {
				return err
			}
		}
		if !isArticle {
			continue // deleted
		}
		if !known {
			a = int32(len(ix.arts))
			ix.artByIRI[iri] = a
			ix.arts = append(ix.arts, article{})
		}
		ix.arts[a] = article{iri: iri, date: date, outlet: outlet}
		for e, n := range typed {
			ix.lists.insert(e, a, ix.newerFirst)
			ix.ents[e].count += n
			f := at(e)
			f.names = append(f.names, names[ix.ents[e].iri]...)
			f.aliases = append(f.aliases, aliases[ix.ents[e].iri]...)
		}
	}
	for e, f := range changed {
		en := &ix.ents[e]
		name := en.name
		if name == en.iri || en.count <= 0 {
			name = firstOf(f.names)
		}
		keep := append(slices.Clone(en.aliases), f.aliases...)
		for _, d := range f.dropped {
			if slices.Contains(f.aliases, d) {
				continue
			}
			// Another article may still use the alias.
			still := false
			err := s.in(s.ref(quad.String(d)), schema.Alias, func(ed edge) bool {
				still = s.text(ed.node) == en.iri
				return !still
			})
			if err != nil {
				return err
			}
			if !still {
				keep = slices.DeleteFunc(keep, func(a string) bool { return a == d })
			}
		}
		ix.setNames(e, name, keep)
	}
	if len(ix.recent) > 4096 {
		ix.sortKeys()
	}
	ix.byDate = nil
	ix.lists.changed()
	ix.version = version
	return nil
}

// newest returns the live articles, newest first (then by IRI); undated
// articles last.
func (ix *index) newest() []int32 {
	if ix.byDate != nil {
		return ix.byDate
	}
	out := make([]int32, 0, len(ix.arts))
	for i := range ix.arts {
		if !ix.arts[i].gone {
			out = append(out, int32(i))
		}
	}
	slices.SortFunc(out, ix.newerFirst)
	ix.byDate = out
	return out
}

// newerFirst orders articles newest first, undated last, then by IRI.
func (ix *index) newerFirst(a, b int32) int {
	da, db := ix.arts[a].date, ix.arts[b].date
	if (da == "") != (db == "") {
		if da == "" {
			return 1
		}
		return -1
	}
	return cmp.Or(strings.Compare(db, da), strings.Compare(ix.arts[a].iri, ix.arts[b].iri))
}

// entityOf returns the Entity for index e.
func (ix *index) entityOf(e int32) Entity {
	en := &ix.ents[e]
	return Entity{Ref: Ref{ID: gizmoID(en.iri), Kind: en.kind, Name: en.name}, Aliases: en.aliases, Articles: en.count}
}

func (ix *index) ref(e int32) Ref {
	en := &ix.ents[e]
	return Ref{ID: gizmoID(en.iri), Kind: en.kind, Name: en.name}
}

// lookupIRI returns the live entity a node ID names.
func (ix *index) lookupIRI(id string) (int32, bool) {
	e, ok := ix.byIRI[plainIRI(id)]
	if !ok || ix.ents[e].count <= 0 {
		return 0, false
	}
	return e, true
}

func (ix *index) String() string {
	return fmt.Sprintf("index{%d entities, %d articles, %d keys}", len(ix.ents), len(ix.arts), len(ix.keys)+len(ix.recent))
}
