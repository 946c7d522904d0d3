package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/cayleygraph/cayley/graph"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/cayleygraph/quad"
)

// POST /api/v2/write and /api/v2/delete answer as Cayley's handlers do
// (the same routes, formats and answers), but not as they fail: Cayley
// answers a body it cannot read, a quad already there (write) or one not
// there (delete) with a 500, a server fault to the client, after writing
// the batches before the one that failed. Here the body is read whole
// before the store is locked, a body that cannot be read is a 400 naming
// what is wrong with nothing written, and the quads go in one transaction
// that passes over quads already there (write) or not there (delete), as
// writing a set would.

// quadsKey holds a write's quads, read by readQuads, in its context.
type quadsKey struct{}

// readQuads reads the body (read whole by body) as quads in the format
// Cayley's handler would pick, before next locks the store.
func (s *Server) readQuads(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var f *quad.Format
		if specs := cayleyhttp.ParseAccept(r.Header, "Content-Type"); len(specs) != 0 {
			f = quad.FormatByMime(specs[0].Value)
		}
		if f == nil {
			f = quad.FormatByName("nquads")
		}
		if f == nil || f.Reader == nil {
			writeError(w, http.StatusBadRequest, "format is not supported for reading quads")
			return
		}
		var data []byte
		if r.Body != nil {
			var err error
			if data, err = io.ReadAll(r.Body); err != nil { // in memory already
				writeError(w, http.StatusBadRequest, "reading the request: "+err.Error())
				return
			}
		}
		quads, err := readAllQuads(f, data)
		if err != nil {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("reading the quads (%s): %v", f.Name, err))
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), quadsKey{}, quads)))
	})
}

// readAllQuads reads every quad of data in format f; the first error or
// invalid quad is an error.
func readAllQuads(f *quad.Format, data []byte) ([]quad.Quad, error) {
	qr := f.Reader(bytes.NewReader(data))
	defer qr.Close()
	var quads []quad.Quad
	for {
		q, err := qr.ReadQuad()
		if err == io.EOF {
			return quads, nil
		} else if err != nil {
			return nil, err
		}
		if !q.IsValid() {
			return nil, fmt.Errorf("quad %d has no subject, predicate or object", len(quads)+1)
		}
		quads = append(quads, q)
	}
}

// writeQuads adds (or, del, removes) the quads readQuads read, holding the
// store alone (gated).
func (s *Server) writeQuads(del bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		quads, _ := r.Context().Value(quadsKey{}).([]quad.Quad)
		action, verb := graph.Add, "wrote"
		if del {
			action, verb = graph.Delete, "deleted"
		}
		seen := make(map[string]bool, len(quads)) // by N-Quad: not every quad.Value is comparable
		deltas := make([]graph.Delta, 0, len(quads))
		for _, q := range quads {
			if k := q.NQuad(); !seen[k] {
				seen[k] = true
				deltas = append(deltas, graph.Delta{Quad: q, Action: action})
			}
		}
		if len(deltas) > 0 {
			err := s.h.QuadStore.ApplyDeltas(deltas, graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
			if err != nil {
				writeError(w, http.StatusInternalServerError, err.Error())
				return
			}
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"result": "Successfully %s %d quads.", "count": %d}`+"\n", verb, len(quads), len(quads))
	})
}
