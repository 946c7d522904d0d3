package questions

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// The name index takes seconds to read from a large store, and each CLI
// question is a process of its own: so on bolt the index is kept in a file
// beside the store (graph.CacheDir), stamped with the store's state
// (graph.Stamp), and read back when the stamp still matches: any write, by
// any process, changes the stamp and so retires the file.

// indexFile is the file's name in the store's directory.
const indexFile = "questions-index.gob"

// indexFormat is the file's format; a file of another is built again.
// 3: with the entities' article lists and node IDs.
const indexFormat = 3

type savedIndex struct {
	Format   int
	Stamp    string
	Entities []savedEntity
	Articles []savedArticle
	// Keys are the sorted name keys, each an entity (high 32 bits), which
	// of its folded names (16 bits: 0 its name, i its i-th alias) and
	// where in it the key starts (16 bits): read back without folding or
	// sorting, which took most of a second on 100,000 articles.
	Keys []uint64
	// Lists are every entity's articles (listCache.all), one after
	// another, Entities[i].Articles of them each; none when HasLists is
	// false.
	HasLists bool
	Lists    []int32
	// Exact is index.exact; the entities' and articles' IDs, index.byID.
	Exact bool
}

type savedEntity struct {
	IRI, Name string
	Kind      Kind
	Aliases   []string
	Count     int
	Folded    []string // the name's and aliases' folded forms, in that order
	Articles  int      // its articles in Lists
	ID        uint64
}

type savedArticle struct {
	IRI, Date, Outlet string
	Gone              bool
	ID                uint64
}

// errStale says a kept index is not the store's.
var errStale = errors.New("kept index is stale")

// loadIndex reads a kept index, if its stamp is stamp.
func loadIndex(path, stamp string, version uint64) (*index, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var saved savedIndex
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&saved); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if saved.Format != indexFormat || saved.Stamp != stamp {
		return nil, errStale
	}
	ix := &index{version: version, byIRI: make(map[string]int32, len(saved.Entities)), artByIRI: make(map[string]int32, len(saved.Articles)),
		lists: newListCache()}
	ix.arts = make([]article, len(saved.Articles))
	for i, a := range saved.Articles {
		ix.arts[i] = article{iri: a.IRI, date: a.Date, outlet: a.Outlet, gone: a.Gone, id: a.ID}
		ix.artByIRI[a.IRI] = int32(i)
	}
	ix.ents = make([]entity, len(saved.Entities))
	for i, e := range saved.Entities {
		ix.ents[i] = entity{iri: e.IRI, kind: e.Kind, name: e.Name, aliases: e.Aliases, count: e.Count, gen: 1, id: e.ID}
		ix.byIRI[e.IRI] = int32(i)
		if e.ID != 0 {
			if ix.byID == nil {
				ix.byID = map[uint64]int32{}
			}
			ix.byID[e.ID] = int32(i)
		}
	}
	ix.exact = saved.Exact
	ix.keys = make([]nameKey, len(saved.Keys))
	for i, k := range saved.Keys {
		e, which, at := int32(k>>32), int(k>>16&0xffff), int(k&0xffff)
		if e < 0 || int(e) >= len(saved.Entities) || which >= len(saved.Entities[e].Folded) || at > len(saved.Entities[e].Folded[which]) {
			return nil, fmt.Errorf("read %s: key %d is out of range", path, i)
		}
		full := saved.Entities[e].Folded[which]
		ix.keys[i] = nameKey{text: full[at:], full: full, ent: e, gen: 1, alias: which > 0}
	}
	if saved.HasLists {
		ix.lists.all = make(map[int32][]int32, len(saved.Entities))
		lists := saved.Lists
		for i, e := range saved.Entities {
			if e.Articles < 0 || e.Articles > len(lists) {
				return nil, fmt.Errorf("read %s: the article lists are short", path)
			}
			l := lists[:e.Articles:e.Articles]
			for _, a := range l {
				if a < 0 || int(a) >= len(ix.arts) {
					return nil, fmt.Errorf("read %s: article %d of %s is out of range", path, a, e.IRI)
				}
			}
			ix.lists.all[int32(i)], lists = l, lists[e.Articles:]
		}
	}
	return ix, nil
}

// saveIndex keeps ix in path, stamped, through a temporary file renamed
// into place: a reader never sees half a file.
func saveIndex(path, stamp string, ix *index) (err error) {
	ix.sortKeys()
	saved := savedIndex{Format: indexFormat, Stamp: stamp, Exact: ix.exact,
		Entities: make([]savedEntity, len(ix.ents)), Articles: make([]savedArticle, len(ix.arts)),
		Keys: make([]uint64, 0, len(ix.keys))}
	for i, e := range ix.ents {
		folded := []string{fold(e.name)}
		for _, a := range e.aliases {
			folded = append(folded, fold(a))
		}
		saved.Entities[i] = savedEntity{IRI: e.iri, Name: e.name, Kind: e.kind, Aliases: e.aliases, Count: e.count, Folded: folded, ID: e.id}
	}
	if all := ix.lists.all; all != nil {
		saved.HasLists = true
		for i := range saved.Entities {
			l, ok := all[int32(i)]
			if !ok { // learnt of since: its list is not known
				saved.HasLists, saved.Lists = false, nil
				break
			}
			saved.Entities[i].Articles = len(l)
			saved.Lists = append(saved.Lists, l...)
		}
	}
	for _, k := range ix.keys {
		folded := saved.Entities[k.ent].Folded
		which := slices.Index(folded, k.full)
		if k.alias && which == 0 { // an alias that folds as the name does
			which = slices.Index(folded[1:], k.full) + 1
		}
		at := len(k.full) - len(k.text)
		if which < 0 || which > 0xffff || at > 0xffff {
			return fmt.Errorf("keep the index: key %q of %s cannot be written", k.text, ix.ents[k.ent].iri)
		}
		saved.Keys = append(saved.Keys, uint64(k.ent)<<32|uint64(which)<<16|uint64(at))
	}
	for i, a := range ix.arts {
		saved.Articles[i] = savedArticle{IRI: a.iri, Date: a.date, Outlet: a.outlet, Gone: a.gone, ID: a.id}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+indexFile+".*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriter(tmp)
	if err := gob.NewEncoder(w).Encode(saved); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil { // as the store's own file
		return err
	}
	return os.Rename(tmp.Name(), path)
}
