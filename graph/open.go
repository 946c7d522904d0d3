package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach" // registers "cockroach"
	"github.com/cayleygraph/cayley/writer"
)

// Backend names accepted by Open. Any other Cayley backend registered in the
// program ("leveldb", "btree", …) can be named too.
const (
	Memory    = "memory"    // Cayley's memstore; nothing survives Close
	Bolt      = "bolt"      // embedded file store in a directory (the default)
	Postgres  = "postgres"  // Cayley's SQL backend on PostgreSQL
	Cockroach = "cockroach" // Cayley's SQL backend on CockroachDB
)

// DefaultPath is the bolt directory used when no --db is given.
const DefaultPath = "./newsgraph.db"

// ErrInUse reports a bolt database that another newsgraph (or another Graph
// in this process) has open. Open's error reads "database PATH is in use by
// another newsgraph".
var ErrInUse = errors.New("in use by another newsgraph")

// ErrReadOnly reports a write to a Graph opened WithReadOnly.
var ErrReadOnly = errors.New("database is open read-only")

// ErrNotExist reports a read-only Open of a bolt directory that holds no
// database.
var ErrNotExist = errors.New("no newsgraph database")

// ErrUnfinished reports a read-only Open of a bolt database that holds part
// of a batch: a build was stopped in the middle of writing it. A read-only
// Open cannot undo it, and would show the part as if it were loaded; any
// Open for writing (newsgraph build, serve --writable) undoes it first.
var ErrUnfinished = errors.New("holds an unfinished write from a stopped build")

type config struct {
	openTimeout time.Duration
	readOnly    bool
	batchQuads  int
	afterCommit func(quads int)
	cayley      cgraph.Options

	bolt boltTuning // tests only
}

// An Option configures Open.
type Option func(*config)

// WithOpenTimeout bounds how long Open waits for the store: a bolt file lock
// held by another process, a database server that does not answer. The
// default is 5s.
func WithOpenTimeout(d time.Duration) Option {
	return func(c *config) { c.openTimeout = d }
}

// WithReadOnly opens the store for reading only. A bolt directory opened
// read-only can be shared by several readers, and must already exist.
func WithReadOnly() Option {
	return func(c *config) { c.readOnly = true }
}

// WithBatchQuads sets how many quads LoadBatch hands to the backend's writer
// at a time (default 10,000).
func WithBatchQuads(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.batchQuads = n
		}
	}
}

// WithAfterCommit calls f after each transaction LoadBatch or Delete
// commits, with the number of quads it added or removed. It runs with the
// store's write lock held.
func WithAfterCommit(f func(quads int)) Option {
	return func(c *config) { c.afterCommit = f }
}

// WithCayleyOption passes a backend option through to Cayley, for example
// "nosync" (bolt), "no_bloom" (key-value stores; true by default here) or
// "maxopenconnections" (SQL).
func WithCayleyOption(key string, value any) Option {
	return func(c *config) { c.cayley[key] = value }
}

// OpenURL opens the store named by a --db value: "memory", a postgres:// or
// postgresql:// URL, a cockroach:// URL, leveldb://DIR, or else a bolt
// directory path (bolt://DIR also). An empty value means DefaultPath.
func OpenURL(ctx context.Context, db string, opts ...Option) (*Graph, error) {
	backend, address := ParseDB(db)
	return Open(ctx, backend, address, opts...)
}

// ParseDB splits a --db value into the backend and address Open takes.
func ParseDB(db string) (backend, address string) {
	switch {
	case db == "":
		return Bolt, DefaultPath
	case db == Memory || db == "memstore":
		return Memory, ""
	case strings.HasPrefix(db, "postgres://"), strings.HasPrefix(db, "postgresql://"):
		return Postgres, db
	case strings.HasPrefix(db, "cockroach://"):
		return Cockroach, "postgresql://" + strings.TrimPrefix(db, "cockroach://")
	case strings.HasPrefix(db, "bolt://"):
		return Bolt, strings.TrimPrefix(db, "bolt://")
	case strings.HasPrefix(db, "leveldb://"):
		return "leveldb", strings.TrimPrefix(db, "leveldb://")
	}
	return Bolt, db
}

// Open opens (creating when needed) the store of the given backend at
// address: for bolt a directory (default DefaultPath), for postgres and
// cockroach a connection URL, for memory nothing.
func Open(ctx context.Context, backend, address string, opts ...Option) (*Graph, error) {
	// Cayley's key-value stores keep a 100M-entry existence filter (150 MB,
	// filled by a scan of the whole log at open) to skip index reads on
	// writes; loading article batches into bolt ran 4x faster without it.
	c := config{openTimeout: 5 * time.Second, batchQuads: 10000, cayley: cgraph.Options{kv.OptNoBloom: true}}
	for _, o := range opts {
		o(&c)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var (
		qs   cgraph.QuadStore
		bulk *sql.DB
		bdb  *boltStore
		err  error
	)
	switch backend {
	case Memory, "memstore":
		if address != "" {
			return nil, fmt.Errorf("open memory store: takes no address (got %q)", address)
		}
		backend = Memory
		qs, err = cgraph.NewQuadStore("memstore", "", c.cayley)
	case Bolt:
		if address == "" {
			address = DefaultPath
		}
		qs, bdb, err = openBolt(address, c)
	case Postgres, Cockroach:
		qs, bulk, err = openSQL(backend, address, c)
	default:
		if !cgraph.IsRegistered(backend) {
			return nil, fmt.Errorf("open %s: unknown backend %q (want memory, bolt, postgres, cockroach, or a Cayley backend)", address, backend)
		}
		qs, err = openCayley(backend, address, address, c)
	}
	if err != nil {
		return nil, err
	}
	bulkBolt := false
	var dmg *damage
	if bdb != nil {
		dmg = bdb.damage
		if k, ok := qs.(*kv.QuadStore); ok {
			qs = prefixStore{QuadStore: k, indexes: bdb.indexes}
		}
		// Cayley's existence filters would not see quads written past its
		// writer, so the bulk path needs them off (the default here).
		noBloom, _ := c.cayley.BoolKey(kv.OptNoBloom, false)
		bulkBolt = noBloom && !c.readOnly
	}
	w, err := writer.NewSingle(qs, cgraph.IgnoreOpts{})
	if err != nil {
		qs.Close()
		if bulk != nil {
			bulk.Close()
		}
		return nil, fmt.Errorf("open %s %s: %w", backend, redact(address), err)
	}
	g := &Graph{
		backend:  backend,
		address:  address,
		cfg:      c,
		pg:       bulk,
		bolt:     bdb,
		bulkBolt: bulkBolt,
		damage:   dmg,
		mixedTx:  backend == Memory || backend == Postgres || backend == Cockroach,
	}
	g.h = &cgraph.Handle{QuadStore: qs, QuadWriter: w}
	return g, nil
}

// openCayley opens any registered Cayley backend, initialising it first when
// it is new.
func openCayley(backend, address, shown string, c config) (cgraph.QuadStore, error) {
	if !c.readOnly && cgraph.IsPersistent(backend) {
		err := withLabelIndex(func() error { return cgraph.InitQuadStore(backend, address, c.cayley) })
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return nil, fmt.Errorf("open %s %s: %w", backend, shown, err)
		}
	}
	qs, err := cgraph.NewQuadStore(backend, address, c.cayley)
	if err != nil {
		return nil, fmt.Errorf("open %s %s: %w", backend, shown, err)
	}
	return qs, nil
}

// openSQL connects to PostgreSQL or CockroachDB, creating Cayley's tables on
// first use. A server that does not answer fails after the open timeout. For
// a writable PostgreSQL store it also returns a connection pool of its own
// for bulk loads (Cayley's is private).
func openSQL(backend, address string, c config) (cgraph.QuadStore, *sql.DB, error) {
	u, err := url.Parse(address)
	if err != nil || u.Host == "" {
		return nil, nil, fmt.Errorf("open %s: %q is not a database URL (postgres://user:password@host:port/db)", backend, redact(address))
	}
	// lib/pq and pgx read connect_timeout in whole seconds.
	q := u.Query()
	if q.Get("connect_timeout") == "" && c.openTimeout > 0 {
		q.Set("connect_timeout", fmt.Sprint(max(1, int(c.openTimeout.Round(time.Second)/time.Second))))
		u.RawQuery = q.Encode()
	}
	qs, err := openCayley(backend, u.String(), redact(address), c)
	if err != nil || c.readOnly {
		return qs, nil, err
	}
	if err := indexLabels(backend, u.String()); err != nil {
		qs.Close()
		return nil, nil, fmt.Errorf("open %s %s: index labels: %w", backend, redact(address), err)
	}
	if backend != Postgres {
		return qs, nil, nil
	}
	bulk, err := sql.Open("postgres", u.String())
	if err != nil {
		qs.Close()
		return nil, nil, fmt.Errorf("open %s %s: %w", backend, redact(address), err)
	}
	bulk.SetMaxOpenConns(2)
	return qs, bulk, nil
}

// indexLabels adds an index on the quads' labels to Cayley's SQL tables,
// which have none: finding an article's quads (Load, Delete) would read the
// whole table. Stock Cayley ignores the extra index.
func indexLabels(backend, address string) error {
	driver := "postgres"
	if backend == Cockroach {
		driver = "pgx"
	}
	db, err := sql.Open(driver, address)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(`CREATE INDEX IF NOT EXISTS quads_label_hash_idx ON quads (label_hash)`)
	return err
}

// redact hides the password of a database URL in messages.
func redact(address string) string {
	u, err := url.Parse(address)
	if err != nil || u.User == nil {
		return address
	}
	if _, ok := u.User.Password(); !ok {
		return address
	}
	u.User = url.UserPassword(u.User.Username(), "xxxxx")
	return u.String()
}

// boltDir returns the directory a bolt --db names. A path to the
// indexes.bolt file inside it is accepted too.
func boltDir(path string) (string, error) {
	if filepath.Base(path) == boltFile {
		return filepath.Dir(path), nil
	}
	fi, err := os.Stat(path)
	if err == nil && !fi.IsDir() {
		return "", fmt.Errorf("open bolt %s: is a file, not a newsgraph database directory", path)
	}
	return path, nil
}
