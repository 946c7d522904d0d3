package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"golang.org/x/net/netutil"

	"github.com/newsgraph/newsgraph/graph/sandbox"

	// The quad formats Cayley's handler offers exist only when registered:
	// these are the ones `cayley http` registers, so /api/v2/formats
	// answers the same. (The query languages are package sandbox's.)
	_ "github.com/cayleygraph/quad/dot"
	_ "github.com/cayleygraph/quad/gml"
	_ "github.com/cayleygraph/quad/graphml"
	_ "github.com/cayleygraph/quad/json"
	_ "github.com/cayleygraph/quad/jsonld"
	_ "github.com/cayleygraph/quad/nquads"
	_ "github.com/cayleygraph/quad/pquads"
)

// Server answers Cayley's HTTP API v2 and the explorer over one store.
// It is an http.Handler; Serve runs it on a listener until a context ends.
type Server struct {
	h      *graph.Handle
	cfg    config
	api    *cayleyhttp.APIv2
	runner *sandbox.Runner
	mux    *http.ServeMux

	// slots bounds the queries and writes running at once.
	slots *slots
	// store gives writes the store alone, and lets queries share it where
	// the backend is not safe to read while it is written (readLocked).
	store      *storeLock
	readLocked bool
	// running counts the handlers in flight, and the work they left
	// running when they answered, so shutdown can wait for both.
	running sync.WaitGroup
}

// New returns a server over h. h stays the caller's: the server never
// closes it.
func New(h *graph.Handle, opts ...Option) (*Server, error) {
	if h == nil || h.QuadStore == nil {
		return nil, errors.New("server: no quad store")
	}
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.writable && h.QuadWriter == nil {
		return nil, errors.New("server: writable server needs a quad writer")
	}
	api := cayleyhttp.NewAPIv2(h)
	api.SetReadOnly(!cfg.writable)
	api.SetQueryTimeout(cfg.queryTimeout)
	api.SetQueryLimit(cfg.queryLimit)
	runner := sandbox.New(sandbox.Limits{
		Timeout:     cfg.queryTimeout,
		Rows:        cfg.queryLimit,
		Values:      cfg.arrayLimit,
		AnswerBytes: cfg.answerBytes,
		Memory:      cfg.queryMemory,
		QueryBytes:  cfg.queryBytes,
	})
	s := &Server{h: h, cfg: cfg, api: api, runner: runner, slots: newSlots(cfg.maxConcurrent), store: newStoreLock()}
	_, memory := h.QuadStore.(*memstore.QuadStore)
	s.readLocked = memory
	if cfg.sharedReads != nil {
		s.readLocked = !*cfg.sharedReads
	}
	s.routes()
	return s, nil
}

// How a handler uses the store.
type access int

const (
	shared   access = iota // reads it, beside others
	alone                  // writes it, alone
	slotOnly               // takes a slot and locks the store itself
)

// How a route's request body is read: bodies are read whole, before the
// route takes a slot or the store, so that a client sending slowly holds
// nothing but its own connection.
type bodyRule struct {
	limit int64 // bytes, after decompression
	gzip  bool  // Content-Encoding: gzip is decoded (Cayley's write routes take it)
}

func (s *Server) routes() {
	m := http.NewServeMux()
	queryBody := bodyRule{limit: min(s.cfg.maxBodyBytes, int64(s.cfg.queryBytes))}
	if s.cfg.maxBodyBytes <= 0 {
		queryBody.limit = int64(s.cfg.queryBytes)
	}
	quads := bodyRule{limit: s.cfg.maxBodyBytes, gzip: true}
	article := bodyRule{limit: s.cfg.maxBodyBytes}
	small := bodyRule{limit: min(s.cfg.maxBodyBytes, 1<<20)}
	if s.cfg.maxBodyBytes <= 0 {
		small.limit = 1 << 20
	}

	m.Handle("/api/v2/query", s.body(queryBody, s.gated(shared, http.HandlerFunc(s.serveQuery))))
	m.Handle("/api/v2/read", s.body(small, s.locked(s.api)))
	m.Handle("/api/v2/formats", s.api)
	m.Handle("POST /api/v2/write", s.writes(quadTypes, s.body(quads, s.readQuads(s.gated(alone, s.writeQuads(false))))))
	m.Handle("POST /api/v2/delete", s.writes(quadTypes, s.body(quads, s.readQuads(s.gated(alone, s.writeQuads(true))))))
	m.Handle("POST /api/v2/node/delete", s.writes(quadTypes, s.body(quads, s.gated(alone, s.api))))
	m.Handle("POST /api/v2/articles", s.writes(articleTypes, s.body(article, s.gated(slotOnly, http.HandlerFunc(s.serveArticles)))))
	m.Handle("/api/v2/", s.api) // Cayley's own 404 and 405 answers
	m.Handle("GET /api/canned", s.gated(shared, http.HandlerFunc(s.serveCanned)))
	m.Handle("GET /api/node", s.gated(shared, http.HandlerFunc(s.serveNode)))
	m.Handle("POST /api/subgraph", s.body(small, s.gated(shared, http.HandlerFunc(s.serveSubgraph))))
	s.questionRoutes(m) // GET /api/questions/…, questions.go
	m.Handle("/", uiHandler())
	s.mux = m
}

// ServeHTTP implements http.Handler. Every request must name this server
// as its host (see WithAllowedHosts); answers to a browser on another
// origin carry CORS headers only for the origins WithCORSOrigins names;
// and every answer must be read by the client within the write timeout.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.running.Add(1)
	defer s.running.Done()
	if !s.hostAllowed(r.Host) {
		writeError(w, http.StatusForbidden, fmt.Sprintf("host %q is not a name of this server (see --allow-host)", r.Host))
		return
	}
	if s.cors(w, r) {
		return // a preflight, answered
	}
	if s.cfg.writeTimeout > 0 {
		w = &deadlineWriter{ResponseWriter: w, rc: http.NewResponseController(w), timeout: s.cfg.writeTimeout}
	}
	s.mux.ServeHTTP(w, r)
}

// Serve answers requests on ln until ctx ends, then shuts down: it stops
// accepting, lets running requests finish for the shutdown grace, interrupts
// those still running (queries are cancelled through their contexts), waits
// for every handler, and for the work handlers left running, to return and
// closes ln. It returns nil after a shutdown asked for by ctx.
//
// A writable server without a token (WithToken) serves only on loopback.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	if s.cfg.writable && s.cfg.token == "" && !isLoopback(ln.Addr()) {
		ln.Close()
		return fmt.Errorf("serve %s: a writable server beyond loopback needs an access token (--token-file)", ln.Addr())
	}
	if s.cfg.maxConns > 0 {
		ln = netutil.LimitListener(ln, s.cfg.maxConns)
	}
	// Requests get a context of their own that outlives ctx by the grace
	// period, so a shutdown lets them finish before it interrupts them.
	base, interrupt := context.WithCancel(context.WithoutCancel(ctx))
	defer interrupt()
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return base },
		ErrorLog:          slog.NewLogLogger(s.cfg.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()

	select {
	case err := <-errc:
		interrupt()
		s.running.Wait()
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	s.cfg.log.Info("shutting down", "grace", s.cfg.shutdownGrace)
	grace, cancel := context.WithTimeout(context.Background(), s.cfg.shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(grace); err != nil {
		s.cfg.log.Warn("interrupting requests still running", "err", err)
		interrupt()
		hs.Close()
	}
	interrupt()
	<-errc // http.ErrServerClosed
	s.running.Wait()
	return nil
}

// ListenAndServe listens on addr (DefaultAddr when empty) and serves until
// ctx ends.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	if addr == "" {
		addr = DefaultAddr
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	return s.Serve(ctx, ln)
}

func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// gated runs next within the request's time (the query timeout, which
// starts when the body has been read), in one of maxConcurrent slots, and
// holding the store as a says. Waiting for a slot or for the store counts
// against that time; a request that cannot get them in it answers 503.
// next may keep the slot and the store past its answer (hold.until), while
// work it started winds down.
func (s *Server) gated(a access, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := s.requestContext(r)
		if err := s.slots.acquire(ctx); err != nil {
			cancel()
			busy(w, "server busy: too many queries running, try again")
			return
		}
		unlock := func() {}
		switch {
		case a == shared && s.readLocked:
			if err := s.store.RLock(ctx); err != nil {
				s.slots.release()
				cancel()
				busy(w, "server busy: the store is being written, try again")
				return
			}
			unlock = s.store.RUnlock
		case a == alone && s.cfg.writable:
			if err := s.store.Lock(ctx); err != nil {
				s.slots.release()
				cancel()
				busy(w, "server busy: the store is being read or written, try again")
				return
			}
			unlock = s.store.Unlock
		}
		h := &hold{release: func() {
			unlock()
			s.slots.release()
			cancel()
		}}
		next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, holdKey{}, h)))
		h.done(&s.running)
	})
}

// locked runs next holding the store shared where reads need it, for as
// long as it takes (the quads of /api/v2/read stream for as long as the
// client reads them, within the write timeout for each part); only the
// wait for the store is bounded.
func (s *Server) locked(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.readLocked {
			next.ServeHTTP(w, r)
			return
		}
		ctx, cancel := s.requestContext(r)
		err := s.store.RLock(ctx)
		cancel()
		if err != nil {
			busy(w, "server busy: the store is being written, try again")
			return
		}
		defer s.store.RUnlock()
		next.ServeHTTP(w, r)
	})
}

func (s *Server) requestContext(r *http.Request) (context.Context, context.CancelFunc) {
	if s.cfg.queryTimeout > 0 {
		return context.WithTimeout(r.Context(), s.cfg.queryTimeout)
	}
	return context.WithCancel(r.Context())
}

func busy(w http.ResponseWriter, msg string) {
	w.Header().Set("Retry-After", "1")
	writeError(w, http.StatusServiceUnavailable, msg)
}

// A hold is a request's slot and its hold on the store. A handler whose
// work may outlive its answer (a Gizmo program inside a built-in, an
// extraction) keeps them until that work is done, so the server never
// runs more than maxConcurrent of them.
type hold struct {
	release func()
	once    sync.Once
	until   []<-chan struct{}
}

type holdKey struct{}

// holdOf is the request's hold (nil outside gated).
func holdOf(ctx context.Context) *hold {
	h, _ := ctx.Value(holdKey{}).(*hold)
	return h
}

// keepUntil keeps the hold until c is closed.
func (h *hold) keepUntil(c <-chan struct{}) {
	if h != nil && c != nil {
		h.until = append(h.until, c)
	}
}

// releaseNow lets go of the slot and the store before the handler
// returns: to write a long answer without holding them while the client
// reads it. The work it was kept for must have stopped.
func (h *hold) releaseNow() {
	if h != nil {
		h.once.Do(h.release)
	}
}

func (h *hold) done(running *sync.WaitGroup) {
	if len(h.until) == 0 {
		h.once.Do(h.release)
		return
	}
	running.Go(func() {
		for _, c := range h.until {
			<-c
		}
		h.once.Do(h.release)
	})
}

// queryContext bounds the work of one of the server's own handlers as
// Cayley's handler bounds a query.
func (s *Server) queryContext(r *http.Request) (context.Context, context.CancelFunc) {
	return s.requestContext(r)
}

// writeError answers in the shape of Cayley's errors: {"error": "..."}.
func writeError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	data, _ := json.Marshal(msg)
	fmt.Fprintf(w, `{"error": %s}`, data)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client has gone if this fails
}
