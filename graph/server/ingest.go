package server

import (
	"errors"
	"fmt"
	"io"
	"net/http"
)

// serveArticles ingests one article: POST /api/v2/articles?name=FILE with the
// article's raw text as the body. The answer follows Cayley's write answers:
// {"result": "...", "count": N} plus the article it loaded.
func (s *Server) serveArticles(w http.ResponseWriter, r *http.Request) {
	if !s.cfg.writable {
		writeError(w, http.StatusForbidden, "database is read-only")
		return
	}
	if s.cfg.ingest == nil {
		writeError(w, http.StatusNotImplemented, "article ingestion is not configured on this server")
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeError(w, http.StatusRequestEntityTooLarge, "request is too large")
			return
		}
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if len(body) == 0 {
		writeError(w, http.StatusBadRequest, "article is empty")
		return
	}
	name := r.URL.Query().Get("name")
	ctx, cancel := s.queryContext(r)
	defer cancel()
	sum, err := s.cfg.ingest(ctx, name, body)
	if err != nil {
		s.cfg.log.Warn("ingest failed", "name", name, "err", err)
		writeError(w, http.StatusUnprocessableEntity, err.Error())
		return
	}
	writeJSON(w, struct {
		Result string `json:"result"`
		Count  int    `json:"count"`
		Summary
	}{ingestResult(sum), sum.Quads, sum})
}

func ingestResult(sum Summary) string {
	if sum.Message != "" {
		return fmt.Sprintf("Successfully loaded article %s (%d quads, %s).", sum.Article, sum.Quads, sum.Message)
	}
	return fmt.Sprintf("Successfully loaded article %s (%d quads).", sum.Article, sum.Quads)
}
