package server

import (
	"crypto/subtle"
	"mime"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
)

// Who may change the store. A browser lets any page send a POST to any
// address with a "simple" body (text/plain, a form) and no questions asked,
// so a page on another site could write through a server on a reader's own
// machine. The calls that change the store therefore refuse:
//
//   - a request from a page on another origin (its Origin header, or
//     Sec-Fetch-Site), unless WithCORSOrigins names that origin;
//   - a body whose Content-Type a page may send without asking the server
//     first: none, text/plain, a form or multipart. Quads must name their
//     format (application/n-quads, application/ld+json …); an article any
//     other type (text/markdown, text/html, application/octet-stream);
//   - without the token, when the server has one (WithToken): 401.
//
// And every request must name the server by its address, localhost or a
// name WithAllowedHosts gives: a page whose own name an attacker points at
// 127.0.0.1 (DNS rebinding) is same-origin with itself, not with us.

// contentTypes says whether a write route takes a media type.
type contentTypes func(mediaType string) bool

// quadTypes: the media types of quad formats Cayley reads.
func quadTypes(mt string) bool {
	f := quad.FormatByMime(mt)
	return f != nil && (f.Reader != nil || f.UnmarshalValue != nil)
}

// articleTypes: any type a page could not send without asking.
func articleTypes(mt string) bool {
	switch mt {
	case "", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data":
		return false
	}
	return true
}

// writes guards a route that changes the store.
func (s *Server) writes(types contentTypes, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.cfg.writable {
			writeError(w, http.StatusForbidden, "database is read-only")
			return
		}
		if !s.sameSite(r) {
			writeError(w, http.StatusForbidden, "cross-origin writes are refused (see --cors-origin)")
			return
		}
		if s.cfg.token != "" && !s.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
			writeError(w, http.StatusUnauthorized, "this server needs its access token: Authorization: Bearer TOKEN")
			return
		}
		mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if !types(strings.ToLower(mt)) {
			msg := "Content-Type must name a quad format, such as application/n-quads"
			if r.URL.Path == "/api/v2/articles" {
				msg = "Content-Type must name the article's type, such as text/markdown, text/html or application/octet-stream (text/plain and forms are refused: any web page can send them)"
			}
			writeError(w, http.StatusUnsupportedMediaType, msg)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// sameSite: the request does not come from a page on another origin, or
// comes from one WithCORSOrigins allows.
func (s *Server) sameSite(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		// Browsers send Origin with every POST; a client that sends none
		// is not a page. Sec-Fetch-Site, where sent, says the same.
		site := r.Header.Get("Sec-Fetch-Site")
		return site == "" || site == "same-origin" || site == "none"
	}
	if s.corsAllowed(origin) {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, r.Host)
}

func (s *Server) corsAllowed(origin string) bool {
	return origin != "" && origin != "null" && slices.ContainsFunc(s.cfg.corsOrigins, func(o string) bool {
		return o == "*" || strings.EqualFold(strings.TrimSuffix(o, "/"), origin)
	})
}

func (s *Server) authorized(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.token)) == 1
}

// hostAllowed: host (the Host header) names this server: an IP address,
// localhost, or a name WithAllowedHosts gives. No Host (HTTP/1.0) is no
// browser's.
func (s *Server) hostAllowed(host string) bool {
	if host == "" {
		return true
	}
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	name = strings.TrimSuffix(strings.Trim(name, "[]"), ".")
	if net.ParseIP(name) != nil || strings.EqualFold(name, "localhost") {
		return true
	}
	return slices.ContainsFunc(s.cfg.hosts, func(h string) bool {
		if hn, _, err := net.SplitHostPort(h); err == nil {
			h = hn
		}
		return strings.EqualFold(h, name)
	})
}

// cors adds CORS headers for an origin WithCORSOrigins names, and answers
// its preflight; it reports whether it answered. Other origins get no
// headers, so a browser keeps their pages from reading the answers.
func (s *Server) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if !s.corsAllowed(origin) {
		return false
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", origin)
	h.Add("Vary", "Origin")
	if r.Method != http.MethodOptions || r.Header.Get("Access-Control-Request-Method") == "" {
		return false
	}
	h.Set("Access-Control-Allow-Methods", "GET, POST")
	h.Set("Access-Control-Allow-Headers", "Content-Type, Content-Encoding, Authorization, Accept")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
	return true
}
