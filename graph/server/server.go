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
	cayleyhttp "github.com/cayleygraph/cayley/server/http"

	// The query languages and quad formats Cayley's handler offers exist
	// only when registered: these are the ones `cayley http` registers, so
	// /api/v2/formats and the languages answer the same.
	_ "github.com/cayleygraph/cayley/query/gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql"
	_ "github.com/cayleygraph/cayley/query/mql"
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
	h   *graph.Handle
	cfg config
	api *cayleyhttp.APIv2
	mux *http.ServeMux

	// slots bounds the queries and writes running at once.
	slots chan struct{}
	// store lets queries share the store and gives writes it alone: not
	// every backend (memstore) is safe to read while it is written.
	store sync.RWMutex
	// running counts the handlers in flight, so shutdown can wait for them.
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

	s := &Server{h: h, cfg: cfg, api: api, slots: make(chan struct{}, cfg.maxConcurrent)}
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	m := http.NewServeMux()
	query := s.limitBody(s.gate(s.reading(s.api)))
	write := s.limitBody(s.gate(s.writing(s.api)))
	m.Handle("/api/v2/query", query)
	m.Handle("/api/v2/read", s.reading(s.api))
	m.Handle("/api/v2/formats", s.api)
	m.Handle("/api/v2/write", write)
	m.Handle("/api/v2/delete", write)
	m.Handle("/api/v2/node/delete", write)
	m.Handle("POST /api/v2/articles", s.limitBody(s.gate(s.writing(http.HandlerFunc(s.serveArticles)))))
	m.Handle("/api/v2/", s.api) // Cayley's own 404 and 405 answers
	m.Handle("GET /api/canned", s.gate(s.reading(http.HandlerFunc(s.serveCanned))))
	m.Handle("GET /api/node", s.gate(s.reading(http.HandlerFunc(s.serveNode))))
	m.Handle("POST /api/subgraph", s.limitBody(s.gate(s.reading(http.HandlerFunc(s.serveSubgraph)))))
	s.questionRoutes(m) // GET /api/questions/…, questions.go
	m.Handle("/", uiHandler())
	s.mux = m
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.running.Add(1)
	defer s.running.Done()
	s.mux.ServeHTTP(w, r)
}

// Serve answers requests on ln until ctx ends, then shuts down: it stops
// accepting, lets running requests finish for the shutdown grace, interrupts
// those still running (queries are cancelled through their contexts), waits
// for every handler to return and closes ln. It returns nil after a shutdown
// asked for by ctx.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	// Requests get a context of their own that outlives ctx by the grace
	// period, so a shutdown lets them finish before it interrupts them.
	base, interrupt := context.WithCancel(context.WithoutCancel(ctx))
	defer interrupt()
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
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

// limitBody bounds the request body: a reader of a larger body gets an
// error instead of the rest of it.
func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.maxBodyBytes > 0 && r.Body != nil {
			if r.ContentLength > s.cfg.maxBodyBytes {
				writeError(w, http.StatusRequestEntityTooLarge, "request is too large")
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, s.cfg.maxBodyBytes)
		}
		next.ServeHTTP(w, r)
	})
}

// gate lets at most maxConcurrent requests through at once. The others wait
// their turn for at most the query timeout, so a burst of clients is served
// in order while the ones running keep their CPU, and a server saturated
// with slow queries says so (503) instead of piling up work.
func (s *Server) gate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var expired <-chan time.Time
		if s.cfg.queryTimeout > 0 {
			t := time.NewTimer(s.cfg.queryTimeout)
			defer t.Stop()
			expired = t.C
		}
		select {
		case s.slots <- struct{}{}:
		case <-expired:
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusServiceUnavailable, "server busy: too many queries running, try again")
			return
		case <-r.Context().Done():
			writeError(w, http.StatusServiceUnavailable, r.Context().Err().Error())
			return
		}
		defer func() { <-s.slots }()
		next.ServeHTTP(w, r)
	})
}

func (s *Server) reading(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.store.RLock()
		defer s.store.RUnlock()
		next.ServeHTTP(w, r)
	})
}

func (s *Server) writing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.cfg.writable {
			next.ServeHTTP(w, r) // Cayley's handler answers 403 itself
			return
		}
		s.store.Lock()
		defer s.store.Unlock()
		next.ServeHTTP(w, r)
	})
}

// queryContext bounds the work of one of the server's own handlers as
// Cayley's handler bounds a query.
func (s *Server) queryContext(r *http.Request) (context.Context, context.CancelFunc) {
	if s.cfg.queryTimeout > 0 {
		return context.WithTimeout(r.Context(), s.cfg.queryTimeout)
	}
	return context.WithCancel(r.Context())
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
