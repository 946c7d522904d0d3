package server

import "net/http"

func (s *Server) serveCanned(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, []any{})
}
