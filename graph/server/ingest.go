package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

// serveArticles ingests one article: POST /api/v2/articles?name=FILE with the
// article's raw text as the body. The answer follows Cayley's write answers:
// {"result": "...", "count": N} plus the article it loaded.
//
// The article is read and extracted holding a slot but not the store, and
// loaded holding the store alone: a long extraction keeps no query or write
// waiting. Both are within the request's time (the query timeout, counted
// from when the body had arrived); past it the client gets 503, and the
// slot stays taken until the extraction has returned, however long it
// runs, so no more than maxConcurrent ever run.
func (s *Server) serveArticles(w http.ResponseWriter, r *http.Request) {
	if s.cfg.ingest == nil {
		writeError(w, http.StatusNotImplemented, "article ingestion is not configured on this server")
		return
	}
	body, err := io.ReadAll(r.Body) // read whole already (Server.body)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if len(body) == 0 {
		writeError(w, http.StatusBadRequest, "article is empty")
		return
	}
	name := r.URL.Query().Get("name")
	ctx := r.Context()

	var (
		load LoadFunc
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("internal error reading the article: %v", p)
			}
		}()
		load, err = s.cfg.ingest(ctx, name, body)
	}()
	select {
	case <-done:
	case <-ctx.Done():
		holdOf(ctx).keepUntil(done)
		s.cfg.log.Warn("ingest timed out", "name", name, "err", ctx.Err())
		writeError(w, http.StatusServiceUnavailable, fmt.Sprintf("article not loaded: reading it took longer than this server's %v (%v)", s.cfg.queryTimeout, ctx.Err()))
		return
	}
	if err == nil && load == nil {
		err = fmt.Errorf("nothing to load")
	}
	if err != nil {
		s.cfg.log.Warn("ingest failed", "name", name, "err", err)
		writeError(w, http.StatusUnprocessableEntity, err.Error())
		return
	}
	sum, err := s.load(ctx, load)
	if err != nil {
		s.cfg.log.Warn("ingest failed", "name", name, "err", err)
		if ctx.Err() != nil {
			busy(w, fmt.Sprintf("article not loaded: the store was busy for longer than this server's %v", s.cfg.queryTimeout))
			return
		}
		writeError(w, http.StatusUnprocessableEntity, err.Error())
		return
	}
	writeJSON(w, struct {
		Result string `json:"result"`
		Count  int    `json:"count"`
		Summary
	}{ingestResult(sum), sum.Quads, sum})
}

// load runs load holding the store alone.
func (s *Server) load(ctx context.Context, load LoadFunc) (Summary, error) {
	if err := s.store.Lock(ctx); err != nil {
		return Summary{}, err
	}
	defer s.store.Unlock()
	return load(ctx)
}

func ingestResult(sum Summary) string {
	if sum.Message != "" {
		return fmt.Sprintf("Successfully loaded article %s (%d quads, %s).", sum.Article, sum.Quads, sum.Message)
	}
	return fmt.Sprintf("Successfully loaded article %s (%d quads).", sum.Article, sum.Quads)
}
