package server

import (
	"net/http"

	"github.com/newsgraph/newsgraph/graph/canned"
)

// cannedQuestion is a canned question as the explorer shows it: with an
// argument this graph has answers for, and its complete Gizmo program, which
// stops at the server's query limit rather than compute rows it would drop.
type cannedQuestion struct {
	canned.Question
	Arg   string `json:"arg"`
	Gizmo string `json:"gizmo"`
}

// serveCanned answers GET /api/canned: every canned question, rendered for
// an argument found in the graph; with ?name=N&arg=A, that one question
// rendered for A.
func (s *Server) serveCanned(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := s.queryContext(r)
	defer cancel()
	name, arg := r.URL.Query().Get("name"), r.URL.Query().Get("arg")
	if name != "" {
		q, ok := canned.Lookup(name)
		if !ok {
			writeError(w, http.StatusNotFound, "no canned question "+name)
			return
		}
		if arg == "" {
			arg = canned.ExampleArg(ctx, s.h.QuadStore, q)
		}
		writeJSON(w, cannedQuestion{q, arg, q.Gizmo(arg, canned.WithLimit(s.cfg.queryLimit))})
		return
	}
	var out []cannedQuestion
	for _, q := range canned.Questions() {
		a := canned.ExampleArg(ctx, s.h.QuadStore, q)
		out = append(out, cannedQuestion{q, a, q.Gizmo(a, canned.WithLimit(s.cfg.queryLimit))})
	}
	writeJSON(w, out)
}
