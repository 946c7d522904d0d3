package fetch

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// site is a web site on 127.0.0.1 for the tests: routes by path, and a log
// of every request it was sent.
type site struct {
	*httptest.Server
	mu     sync.Mutex
	routes map[string]http.HandlerFunc
	log    []seen
}

// seen is one request as the site received it.
type seen struct {
	path   string
	at     time.Time
	header http.Header
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{routes: map[string]http.HandlerFunc{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.log = append(s.log, seen{path: r.URL.RequestURI(), at: time.Now(), header: r.Header.Clone()})
		h, ok := s.routes[r.URL.Path]
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// handle serves path with h (replacing an earlier handler).
func (s *site) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[path] = h
}

// serve serves path with a fixed body, Content-Type and headers
// ("ETag", "W/\"1\"", …); a request whose If-None-Match is the ETag, or
// whose If-Modified-Since is the Last-Modified, gets a 304.
func (s *site) serve(path, contentType, body string, header ...string) {
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		etag, lm := w.Header().Get("ETag"), w.Header().Get("Last-Modified")
		if etag != "" && r.Header.Get("If-None-Match") == etag || lm != "" && r.Header.Get("If-Modified-Since") == lm {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", contentType)
		w.Write([]byte(body))
	})
}

// requests returns the requests received so far, for path ("" for all).
func (s *site) requests(path string) []seen {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []seen
	for _, r := range s.log {
		if path == "" || r.path == path {
			out = append(out, r)
		}
	}
	return out
}
