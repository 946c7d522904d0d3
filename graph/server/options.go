package server

import (
	"context"
	"io"
	"log/slog"
	"runtime"
	"time"

	"github.com/newsgraph/newsgraph/questions"
)

// Defaults, chosen so that a server started with no options is safe to leave
// running: read-only, loopback-only (see DefaultAddr), bounded in time, in
// answer size and in the work it accepts at once.
const (
	// DefaultAddr is where the server listens unless told otherwise:
	// loopback only, on Cayley's customary port.
	DefaultAddr = "127.0.0.1:64210"
	// DefaultQueryTimeout bounds every query.
	DefaultQueryTimeout = 30 * time.Second
	// DefaultQueryLimit is the most results a query returns through All()
	// or g.Emit; it is also Cayley's own default.
	DefaultQueryLimit = 100
	// DefaultMaxBodyBytes bounds request bodies (queries, quads, articles).
	DefaultMaxBodyBytes = 8 << 20
	// DefaultShutdownGrace is how long running requests may finish after a
	// shutdown starts before they are interrupted.
	DefaultShutdownGrace = 5 * time.Second
	// neighbourLimit bounds the edges the explorer's node view returns.
	neighbourLimit = 300
	// subgraphLimit bounds the nodes one subgraph request may name.
	subgraphLimit = 500
)

// Summary is what an ingest function reports about one article.
type Summary struct {
	Article string `json:"article"`           // the article's ID or IRI
	Quads   int    `json:"quads"`             // quads now held for it
	Message string `json:"message,omitempty"` // anything worth telling the client
}

// IngestFunc turns raw article text into quads and loads them into the store
// the server reads. name is the client's file name for the article (it may
// carry the format: ".md", ".txt"); it may be empty.
type IngestFunc func(ctx context.Context, name string, body []byte) (Summary, error)

type config struct {
	writable      bool
	queryTimeout  time.Duration
	queryLimit    int
	maxBodyBytes  int64
	maxConcurrent int
	shutdownGrace time.Duration
	ingest        IngestFunc
	log           *slog.Logger
	questions     *questions.Service // questions.go
}

func defaultConfig() config {
	return config{
		queryTimeout:  DefaultQueryTimeout,
		queryLimit:    DefaultQueryLimit,
		maxBodyBytes:  DefaultMaxBodyBytes,
		maxConcurrent: max(4, 2*runtime.GOMAXPROCS(0)),
		shutdownGrace: DefaultShutdownGrace,
		log:           slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
}

// An Option configures a Server.
type Option func(*config)

// WithWritable makes /api/v2/write, /api/v2/delete and /api/v2/articles
// change the store. Without it they answer 403.
func WithWritable(w bool) Option { return func(c *config) { c.writable = w } }

// WithQueryTimeout bounds each query's running time; a query still running
// then is interrupted and answers an error. Zero or less means no limit.
func WithQueryTimeout(d time.Duration) Option { return func(c *config) { c.queryTimeout = d } }

// WithQueryLimit bounds the results of a query's All() or g.Emit calls.
// Zero or less means no limit.
func WithQueryLimit(n int) Option { return func(c *config) { c.queryLimit = n } }

// WithMaxBodyBytes bounds the size of request bodies.
func WithMaxBodyBytes(n int64) Option { return func(c *config) { c.maxBodyBytes = n } }

// WithMaxConcurrent bounds the queries (and writes) running at once; the
// rest wait, for at most the query timeout, and then answer 503.
func WithMaxConcurrent(n int) Option { return func(c *config) { c.maxConcurrent = max(1, n) } }

// WithShutdownGrace sets how long running requests may finish once the
// server's context ends, before they are interrupted.
func WithShutdownGrace(d time.Duration) Option { return func(c *config) { c.shutdownGrace = d } }

// WithIngest enables POST /api/v2/articles on a writable server: each body is
// handed to f.
func WithIngest(f IngestFunc) Option { return func(c *config) { c.ingest = f } }

// WithLogger sets where the server logs; by default it logs nothing.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) {
		if l != nil {
			c.log = l
		}
	}
}

// Limits are the server's bounds as numbers, for a command line to bind to
// flags; Options turns them into options.
type Limits struct {
	QueryTimeout  time.Duration
	QueryLimit    int
	MaxBodyBytes  int64
	MaxConcurrent int
}

// DefaultLimits are the bounds a server has when given no options.
func DefaultLimits() Limits {
	c := defaultConfig()
	return Limits{QueryTimeout: c.queryTimeout, QueryLimit: c.queryLimit, MaxBodyBytes: c.maxBodyBytes, MaxConcurrent: c.maxConcurrent}
}

// Options returns the options that set these limits.
func (l Limits) Options() []Option {
	return []Option{
		WithQueryTimeout(l.QueryTimeout),
		WithQueryLimit(l.QueryLimit),
		WithMaxBodyBytes(l.MaxBodyBytes),
		WithMaxConcurrent(l.MaxConcurrent),
	}
}
