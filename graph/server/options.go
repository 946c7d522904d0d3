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
	// DefaultQueryLimit is the most results a query returns through All(),
	// GetLimit, g.Emit, GraphQL's objects at each level and MQL; it is also
	// Cayley's own default for All().
	DefaultQueryLimit = 100
	// DefaultArrayLimit is the most values one Gizmo ToArray or TagArray
	// returns, and the most paths one ForEach or Map visits. It is larger
	// than the row limit because the canned questions read a node's whole
	// neighbourhood (a person's every role) before they emit their rows.
	DefaultArrayLimit = 100_000
	// DefaultQueryBytes bounds the text of a query.
	DefaultQueryBytes = 64 << 10
	// DefaultAnswerBytes bounds the JSON of a query's answer.
	DefaultAnswerBytes = 8 << 20
	// DefaultQueryMemory bounds the heap the running queries hold together.
	DefaultQueryMemory = 512 << 20
	// DefaultMaxBodyBytes bounds request bodies (quads, articles), after
	// decompression.
	DefaultMaxBodyBytes = 8 << 20
	// DefaultReadTimeout bounds reading a request's body; DefaultWriteTimeout
	// writing an answer (for /api/v2/read, each part of the stream: a
	// client must keep reading).
	DefaultReadTimeout  = 30 * time.Second
	DefaultWriteTimeout = 30 * time.Second
	// DefaultMaxConnections bounds the connections open at once.
	DefaultMaxConnections = 512
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

// IngestFunc reads one article from raw text: name is the client's file
// name for it (it may carry the format: ".md", ".txt"; it may be empty).
// It runs without the store's lock (extraction needs no store), and
// returns the load. It should end when ctx does; the server stops waiting
// for it then (answering 503), and keeps the request's slot until it
// returns.
type IngestFunc func(ctx context.Context, name string, body []byte) (LoadFunc, error)

// A LoadFunc loads what an IngestFunc read into the store. The server runs
// it holding the store alone, once it has the store within the request's
// time; it runs to its end (a load is a transaction, not to be left half
// done), so it should be short: the extraction, the long part, is done.
type LoadFunc func(ctx context.Context) (Summary, error)

type config struct {
	writable      bool
	queryTimeout  time.Duration
	queryLimit    int
	arrayLimit    int
	queryBytes    int
	answerBytes   int64
	queryMemory   int64
	maxBodyBytes  int64
	maxConcurrent int
	readTimeout   time.Duration
	writeTimeout  time.Duration
	maxConns      int
	shutdownGrace time.Duration
	token         string
	corsOrigins   []string
	hosts         []string
	sharedReads   *bool // nil: unless the store is Cayley's memstore
	ingest        IngestFunc
	log           *slog.Logger
	questions     *questions.Service // questions.go
}

func defaultConfig() config {
	return config{
		queryTimeout:  DefaultQueryTimeout,
		queryLimit:    DefaultQueryLimit,
		arrayLimit:    DefaultArrayLimit,
		queryBytes:    DefaultQueryBytes,
		answerBytes:   DefaultAnswerBytes,
		queryMemory:   DefaultQueryMemory,
		maxBodyBytes:  DefaultMaxBodyBytes,
		maxConcurrent: max(4, 2*runtime.GOMAXPROCS(0)),
		readTimeout:   DefaultReadTimeout,
		writeTimeout:  DefaultWriteTimeout,
		maxConns:      DefaultMaxConnections,
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

// WithQueryLimit bounds the results of a query: All(), GetLimit(n) and
// g.Emit in Gizmo, the objects at each level of a GraphQL query, MQL's
// results. Zero or less means no limit.
func WithQueryLimit(n int) Option { return func(c *config) { c.queryLimit = n } }

// WithArrayLimit bounds what one Gizmo ToArray, TagArray, ForEach or Map
// call reads, whatever count the query gives it. Zero or less means no
// limit.
func WithArrayLimit(n int) Option { return func(c *config) { c.arrayLimit = n } }

// WithQueryBytes bounds the text of a query (413 past it).
func WithQueryBytes(n int) Option { return func(c *config) { c.queryBytes = n } }

// WithAnswerBytes bounds the JSON of a query's answer: a query whose
// answer grows past it is stopped (422). Zero or less means no limit.
func WithAnswerBytes(n int64) Option { return func(c *config) { c.answerBytes = n } }

// WithQueryMemory bounds the heap the running queries hold together: over
// it, the oldest running query is stopped (422). Zero or less means no
// limit.
func WithQueryMemory(n int64) Option { return func(c *config) { c.queryMemory = n } }

// WithMaxBodyBytes bounds the size of request bodies, after decompression.
func WithMaxBodyBytes(n int64) Option { return func(c *config) { c.maxBodyBytes = n } }

// WithReadTimeout bounds the time a client may take to send a request's
// body; WithWriteTimeout the time it may take to read an answer (for
// /api/v2/read, each part of its stream). Past them the connection is
// closed.
func WithReadTimeout(d time.Duration) Option  { return func(c *config) { c.readTimeout = d } }
func WithWriteTimeout(d time.Duration) Option { return func(c *config) { c.writeTimeout = d } }

// WithMaxConnections bounds the connections open at once; more wait to be
// accepted.
func WithMaxConnections(n int) Option { return func(c *config) { c.maxConns = n } }

// WithToken requires "Authorization: Bearer TOKEN" on the calls that
// change the store (401 without it). A writable server on an address
// other than loopback will not serve without one.
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithCORSOrigins lets pages from these origins ("https://example.org")
// call the API from a browser: they get CORS headers and may write (with
// the token, when there is one). By default no origin but the server's own
// may.
func WithCORSOrigins(origins ...string) Option {
	return func(c *config) { c.corsOrigins = append(c.corsOrigins, origins...) }
}

// WithAllowedHosts adds names clients may reach the server by (the Host
// header), beyond IP addresses and localhost: the names a reverse proxy or
// DNS gives it. Requests naming any other host are refused, so that a web
// page whose name an attacker points at this machine (DNS rebinding) cannot
// read or change the graph.
func WithAllowedHosts(hosts ...string) Option {
	return func(c *config) { c.hosts = append(c.hosts, hosts...) }
}

// WithMaxConcurrent bounds the queries (and writes) running at once; the
// rest wait, for at most the query timeout, and then answer 503.
func WithMaxConcurrent(n int) Option { return func(c *config) { c.maxConcurrent = max(1, n) } }

// WithShutdownGrace sets how long running requests may finish once the
// server's context ends, before they are interrupted.
func WithShutdownGrace(d time.Duration) Option { return func(c *config) { c.shutdownGrace = d } }

// WithIngest enables POST /api/v2/articles on a writable server: each body is
// handed to f.
func WithIngest(f IngestFunc) Option { return func(c *config) { c.ingest = f } }

// WithConcurrentReads says whether the store may be read while it is
// written, as bolt and PostgreSQL may (each read is a transaction of its
// own): then queries take no lock, and a long query never holds up a
// write, nor the queries behind that write. By default it is true unless
// the store is Cayley's memstore, which is not safe to read while written;
// there a write waits for the queries running, and queries that come after
// it wait for it.
func WithConcurrentReads(ok bool) Option { return func(c *config) { c.sharedReads = &ok } }

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
	QueryTimeout   time.Duration
	QueryLimit     int
	ArrayLimit     int
	QueryBytes     int
	AnswerBytes    int64
	QueryMemory    int64
	MaxBodyBytes   int64
	MaxConcurrent  int
	ReadTimeout    time.Duration
	WriteTimeout   time.Duration
	MaxConnections int
}

// DefaultLimits are the bounds a server has when given no options.
func DefaultLimits() Limits {
	c := defaultConfig()
	return Limits{
		QueryTimeout: c.queryTimeout, QueryLimit: c.queryLimit, ArrayLimit: c.arrayLimit,
		QueryBytes: c.queryBytes, AnswerBytes: c.answerBytes, QueryMemory: c.queryMemory,
		MaxBodyBytes: c.maxBodyBytes, MaxConcurrent: c.maxConcurrent,
		ReadTimeout: c.readTimeout, WriteTimeout: c.writeTimeout, MaxConnections: c.maxConns,
	}
}

// Options returns the options that set these limits.
func (l Limits) Options() []Option {
	return []Option{
		WithQueryTimeout(l.QueryTimeout),
		WithQueryLimit(l.QueryLimit),
		WithArrayLimit(l.ArrayLimit),
		WithQueryBytes(l.QueryBytes),
		WithAnswerBytes(l.AnswerBytes),
		WithQueryMemory(l.QueryMemory),
		WithMaxBodyBytes(l.MaxBodyBytes),
		WithMaxConcurrent(l.MaxConcurrent),
		WithReadTimeout(l.ReadTimeout),
		WithWriteTimeout(l.WriteTimeout),
		WithMaxConnections(l.MaxConnections),
	}
}
