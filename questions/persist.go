package questions

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// The name index takes seconds to read from a large store, and each CLI
// question is a process of its own: so on bolt the index is kept in a file
// beside the store (graph.CacheDir), stamped with the store's state
// (graph.Stamp), and read back when the stamp still matches: any write, by
// any process, changes the stamp and so retires the file.

// indexFile is the file's name in the store's directory.
const indexFile = "questions-index.gob"

// indexFormat is the file's format; a file of another is built again.
const indexFormat = 1

type savedIndex struct {
	Format   int
	Stamp    string
	Entities []savedEntity
	Articles []savedArticle
}

type savedEntity struct {
	IRI, Name string
	Kind      Kind
	Aliases   []string
	Count     int
}

type savedArticle struct {
	IRI, Date, Outlet string
	Gone              bool
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
	ix := &index{version: version, byIRI: make(map[string]int32, len(saved.Entities)), artByIRI: make(map[string]int32, len(saved.Articles))}
	ix.arts = make([]article, len(saved.Articles))
	for i, a := range saved.Articles {
		ix.arts[i] = article{iri: a.IRI, date: a.Date, outlet: a.Outlet, gone: a.Gone}
		ix.artByIRI[a.IRI] = int32(i)
	}
	ix.ents = make([]entity, 0, len(saved.Entities))
	for _, e := range saved.Entities {
		i := ix.entityFor(e.IRI, e.Kind)
		ix.ents[i].count = e.Count
		ix.setNames(i, e.Name, e.Aliases)
	}
	ix.sortKeys()
	return ix, nil
}

// saveIndex keeps ix in path, stamped, through a temporary file renamed
// into place: a reader never sees half a file.
func saveIndex(path, stamp string, ix *index) (err error) {
	saved := savedIndex{Format: indexFormat, Stamp: stamp,
		Entities: make([]savedEntity, len(ix.ents)), Articles: make([]savedArticle, len(ix.arts))}
	for i, e := range ix.ents {
		saved.Entities[i] = savedEntity{IRI: e.iri, Name: e.name, Kind: e.kind, Aliases: e.aliases, Count: e.count}
	}
	for i, a := range ix.arts {
		saved.Articles[i] = savedArticle{IRI: a.iri, Date: a.date, Outlet: a.outlet, Gone: a.gone}
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
	return os.Rename(tmp.Name(), path)
}
