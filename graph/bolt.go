package graph

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// boltFile is the file Cayley's bolt backend keeps inside its directory
// (cayley graph/kv/bolt: getBoltFile).
const boltFile = "indexes.bolt"

// boltInitialMmap is the map bolt starts a writable store with: 16 GiB, about
// 250,000 articles' worth.
const boltInitialMmap = 16 << 30

// openBolt opens the bolt store in dir as Cayley's "bolt" backend does, so
// stock Cayley reads the same directory, but with a lock timeout: Cayley
// opens bolt without one and would wait forever for another process. A
// damaged file is an error wrapping ErrDamaged (damage.go); the store's
// damage catches, later, what Open could not see.
func openBolt(path string, c config) (cgraph.QuadStore, *boltStore, error) {
	dir, err := boltDir(path)
	if err != nil {
		return nil, nil, err
	}
	file := filepath.Join(dir, boltFile)
	if info, err := os.Stat(file); err == nil && !info.Mode().IsRegular() {
		// Never opened: a FIFO would block the lock probe.
		return nil, nil, checkBoltFile(file, c.readOnly)
	}
	if c.readOnly {
		if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) {
			return nil, nil, fmt.Errorf("open bolt %s: %w (build one with newsgraph build --db %s)", dir, ErrNotExist, dir)
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("open bolt %s: %w", dir, err)
	}
	// Ask the lock first, without waiting: an answer now beats a timeout.
	if err := probeLock(file, !c.readOnly); errors.Is(err, ErrInUse) {
		return nil, nil, fmt.Errorf("database %s is %w", dir, ErrInUse)
	} else if err != nil {
		return nil, nil, fmt.Errorf("open bolt %s: %w", dir, err)
	}
	// Bolt maps the file and trusts it: a file cut short would fault.
	if err := checkBoltFile(file, c.readOnly); err != nil {
		return nil, nil, err
	}
	bo := &bolt.Options{Timeout: c.openTimeout, ReadOnly: c.readOnly}
	if !c.readOnly {
		// Bolt remaps the file each time it outgrows the map, first copying
		// every page a write transaction holds out of the old map (6% of a
		// large load); address space is cheap.
		bo.InitialMmapSize = boltInitialMmap
	}
	d := &damage{file: file}
	var db *hbolt.DB
	err = func() (err error) {
		defer d.catch(&err, d.faults())
		db, err = hbolt.Open(file, bo)
		return err
	}()
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, nil, fmt.Errorf("database %s is %w", dir, ErrInUse)
	} else if errors.Is(err, ErrDamaged) {
		return nil, nil, err
	} else if err != nil {
		return nil, nil, fmt.Errorf("open bolt %s: %w", dir, err)
	}
	if nosync, _ := c.cayley.BoolKey("nosync", false); nosync {
		db.DB().NoSync, db.DB().NoGrowSync = true, true
	}
	qs, store, err := openBoltStore(db, d, dir, c)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return qs, store, nil
}

// openBoltStore opens Cayley's quad store on an open bolt file, first
// undoing an unfinished write (or, read-only, refusing it). Cayley reads
// the file through the committed view, guarded (damage.go).
func openBoltStore(db *hbolt.DB, d *damage, dir string, c config) (_ cgraph.QuadStore, _ *boltStore, err error) {
	defer d.catch(&err, d.faults())
	opts := c.cayley
	if c.readOnly {
		if err := refuseUnfinished(db.DB()); err != nil {
			return nil, nil, fmt.Errorf("database %s %w: run newsgraph build on it (or open it writable) to undo the write", dir, err)
		}
		// The existence filter serves writes only.
		opts = cloneOptions(opts)
		opts[kv.OptNoBloom] = true
	} else if err := withLabelIndex(func() error { return kv.Init(guardKV{db, d}, opts) }); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return nil, nil, fmt.Errorf("open bolt %s: %w", dir, err)
	} else if err := boltRecover(db.DB()); err != nil {
		return nil, nil, fmt.Errorf("open bolt %s: %w", dir, err)
	}
	indexes, err := boltIndexes(db.DB())
	if err != nil {
		return nil, nil, fmt.Errorf("open bolt %s: %w", dir, err)
	}
	store := &boltStore{db: db.DB(), view: newCommittedKV(db, indexes), indexes: indexes, damage: d}
	qs, err := kv.New(guardKV{store.view, d}, opts)
	if err != nil {
		return nil, nil, fmt.Errorf("open bolt %s: %w", dir, err)
	}
	return qs, store, nil
}

// boltStore is an open bolt file: the database, the view Cayley reads it
// through (bolt_view.go), the quad indexes it keeps, and the damage its
// reads met (damage.go).
type boltStore struct {
	db      *bolt.DB
	view    *committedKV
	indexes []kv.QuadIndex
	damage  *damage
}

// kvInitMu serialises withLabelIndex.
var kvInitMu sync.Mutex

// withLabelIndex runs init, which may create one of Cayley's key-value
// stores, so that the store gets Cayley's default quad indexes plus one on
// the label. Without it, finding an article's quads (what Load and Delete
// do) scans the whole store. Cayley reads the list of indexes to create from
// kv.DefaultQuadIndexes (its CAYLEY_KV_INDEXES variable cannot be parsed in
// v0.7.7), so the list is swapped in for the call, and saved in the store,
// where stock Cayley reads it too.
func withLabelIndex(init func() error) error {
	kvInitMu.Lock()
	defer kvInitMu.Unlock()
	defaults := kv.DefaultQuadIndexes
	defer func() { kv.DefaultQuadIndexes = defaults }()
	kv.DefaultQuadIndexes = append(append([]kv.QuadIndex(nil), defaults...), kv.QuadIndex{Dirs: []quad.Direction{quad.Label}})
	return init()
}

func cloneOptions(o cgraph.Options) cgraph.Options {
	out := make(cgraph.Options, len(o)+1)
	for k, v := range o {
		out[k] = v
	}
	return out
}
