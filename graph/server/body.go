package server

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// body reads the request's body whole, within the read timeout and rule's
// limit (which holds after decompression: 508 KB of gzip can be 200,000
// quads), before next runs, so that next never waits on the client. A body
// over the limit answers 413; one not sent within the timeout 408.
func (s *Server) body(rule bodyRule, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		enc := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding")))
		switch {
		case enc == "" || enc == "identity":
		case enc == "gzip" && rule.gzip:
		default:
			writeError(w, http.StatusUnsupportedMediaType, "Content-Encoding "+strconv.Quote(enc)+" is not accepted here")
			return
		}
		if rule.limit > 0 && r.ContentLength > rule.limit && enc != "gzip" {
			writeError(w, http.StatusRequestEntityTooLarge, "request is too large")
			return
		}
		data, err := s.readBody(w, r, rule.limit, enc == "gzip")
		var tooLarge *http.MaxBytesError
		var nerr net.Error
		switch {
		case errors.As(err, &tooLarge) || errors.Is(err, errTooLarge):
			writeError(w, http.StatusRequestEntityTooLarge, "request is too large")
			return
		case errors.As(err, &nerr) && nerr.Timeout():
			w.Header().Set("Connection", "close")
			writeError(w, http.StatusRequestTimeout, fmt.Sprintf("request body not received within %v", s.cfg.readTimeout))
			return
		case err != nil:
			writeError(w, http.StatusBadRequest, "reading the request: "+err.Error())
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(data))
		r.ContentLength = int64(len(data))
		r.Header.Del("Content-Encoding")
		r.Header.Set("Content-Length", strconv.Itoa(len(data)))
		next.ServeHTTP(w, r)
	})
}

var errTooLarge = errors.New("request is too large")

// readBody reads r's body, gunzipping it when asked, up to limit bytes
// (0: no limit) and within the read timeout.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request, limit int64, gunzip bool) (data []byte, err error) {
	if s.cfg.readTimeout > 0 {
		// The deadline stays when the body is late: net/http reads what is
		// left of a body before it reuses the connection, and must not
		// wait on the client to do it.
		rc := http.NewResponseController(w)
		if rc.SetReadDeadline(time.Now().Add(s.cfg.readTimeout)) == nil {
			defer func() {
				if err == nil {
					_ = rc.SetReadDeadline(time.Time{})
				}
			}()
		}
	}
	var rd io.Reader = r.Body
	if limit > 0 {
		rd = http.MaxBytesReader(w, r.Body, limit)
	}
	if gunzip {
		zr, zerr := gzip.NewReader(rd)
		if zerr != nil {
			return nil, fmt.Errorf("gzip: %w", zerr)
		}
		defer zr.Close()
		rd = zr
		if limit > 0 {
			rd = io.LimitReader(zr, limit+1)
		}
	}
	if data, err = io.ReadAll(rd); err != nil {
		return nil, err
	}
	if limit > 0 && int64(len(data)) > limit {
		return nil, errTooLarge
	}
	return data, nil
}

// deadlineWriter gives a client the write timeout to take each part of an
// answer: before a write, the connection's write deadline is moved to the
// timeout from now (at most once a second). A client that stops reading,
// or reads a byte a second, is cut off instead of holding its handler —
// and the store, for /api/v2/read — for as long as it likes.
type deadlineWriter struct {
	http.ResponseWriter
	rc      *http.ResponseController
	timeout time.Duration
	set     time.Time
}

func (d *deadlineWriter) extend() {
	if now := time.Now(); now.Sub(d.set) > time.Second {
		d.set = now
		_ = d.rc.SetWriteDeadline(now.Add(d.timeout))
	}
}

func (d *deadlineWriter) WriteHeader(code int) {
	d.extend()
	d.ResponseWriter.WriteHeader(code)
}

func (d *deadlineWriter) Write(p []byte) (int, error) {
	d.extend()
	return d.ResponseWriter.Write(p)
}

// Flush and Unwrap let http.ResponseController reach the connection.
func (d *deadlineWriter) Flush() {
	d.extend()
	_ = d.rc.Flush()
}

func (d *deadlineWriter) Unwrap() http.ResponseWriter { return d.ResponseWriter }
