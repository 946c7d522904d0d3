package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"

	"github.com/cayleygraph/cayley/query"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/dennwc/graphql/gqlerrors"

	"github.com/newsgraph/newsgraph/graph/sandbox"
)

// serveQuery answers /api/v2/query as Cayley's handler does — the same
// parameters, answers and error JSON — but runs the query in package
// sandbox, held to the server's limits: Cayley's handler bounds only
// Gizmo's All() and time, and runs GraphQL unbounded.
//
// A query stopped at a limit answers 422 ({"error": "..."}, or GraphQL's
// errors), one whose text is too long 413; a timeout answers as Cayley's
// does: 400 {"error": "context deadline exceeded"}.
func (s *Server) serveQuery(w http.ResponseWriter, r *http.Request) {
	vals := r.URL.Query()
	lang := vals.Get("lang")
	switch {
	case lang == "":
		cayleyError(w, http.StatusBadRequest, "query language not specified")
		return
	case !slices.Contains(sandbox.Languages, lang):
		cayleyError(w, http.StatusBadRequest, "unknown query language")
		return
	}
	ctx := r.Context()
	text := vals.Get("qu")
	if r.Method != http.MethodGet {
		data, err := io.ReadAll(r.Body) // read whole already (Server.body)
		if err != nil {
			queryError(w, lang, http.StatusBadRequest, err)
			return
		}
		text = string(data)
	}
	if text == "" {
		cayleyError(w, http.StatusBadRequest, "query is empty")
		return
	}
	col := query.JSON
	if specs := cayleyhttp.ParseAccept(r.Header, "Accept"); len(specs) != 0 && specs[0].Value == "application/ld+json" {
		col = query.JSONLD
	}
	ans, err := s.runner.Run(ctx, s.h.QuadStore, lang, text, sandbox.WithCollation(col))
	holdOf(ctx).keepUntil(ans.Stopped)
	if err != nil {
		var limit *sandbox.LimitError
		switch {
		case errors.Is(err, sandbox.ErrQueryTooLarge):
			queryError(w, lang, http.StatusRequestEntityTooLarge, err)
		case errors.As(err, &limit):
			s.cfg.log.Warn("query stopped at a limit", "lang", lang, "err", err)
			queryError(w, lang, http.StatusUnprocessableEntity, err)
		case lang == "graphql":
			queryError(w, lang, http.StatusOK, err) // Cayley's GraphQL errors answer 200
		default:
			queryError(w, lang, http.StatusBadRequest, err)
		}
		return
	}
	// The answer is encoded whole, then written after the slot and the
	// store are let go, so that a client slow to read it holds neither.
	var buf bytes.Buffer
	var err2 error
	contentType := "application/json"
	if lang == "graphql" {
		err2 = json.NewEncoder(&buf).Encode(graphqlResult{Data: ans.Rows[0]})
	} else {
		if col == query.JSONLD {
			contentType = "application/ld+json"
		}
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		err2 = enc.Encode(map[string]any{"result": ans.Rows})
	}
	<-ans.Stopped // the query has answered: its program has returned
	holdOf(ctx).releaseNow()
	if err2 != nil {
		queryError(w, lang, http.StatusInternalServerError, fmt.Errorf("encoding the answer: %w", err2))
		return
	}
	w.Header().Set("Content-Type", contentType)
	_, _ = w.Write(buf.Bytes()) // the client has gone if this fails
}

// graphqlResult is Cayley's GraphQL answer.
type graphqlResult struct {
	Data   any                        `json:"data"`
	Errors []gqlerrors.FormattedError `json:"errors,omitempty"`
}

// queryError answers an error in the language's shape: Cayley's
// {"error": "..."} (with its newline), or GraphQL's errors.
func queryError(w http.ResponseWriter, lang string, code int, err error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	if lang == "graphql" {
		_ = json.NewEncoder(w).Encode(graphqlResult{Errors: []gqlerrors.FormattedError{{Message: err.Error()}}})
		return
	}
	data, _ := json.Marshal(err.Error())
	fmt.Fprintf(w, "{\"error\": %s}\n", data)
}

// cayleyError is Cayley's jsonResponse: {"error": "..."}, no newline.
func cayleyError(w http.ResponseWriter, code int, msg string) {
	writeError(w, code, msg)
}
