package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/source"
)

// quick is a Client for tests that are not about the rate limit.
func quick(opts ...Option) *Client {
	return New(append([]Option{WithRateLimit(0), WithTimeout(5 * time.Second)}, opts...)...)
}

// wantFileError checks that err is a *source.FileError naming url and
// wrapping target.
func wantFileError(t *testing.T, err error, url string, target error) {
	t.Helper()
	var fe *source.FileError
	if !errors.As(err, &fe) || fe.Path != url {
		t.Fatalf("error = %v, want a *source.FileError naming %s", err, url)
	}
	if target != nil && !errors.Is(err, target) {
		t.Errorf("error = %v, want %v", err, target)
	}
}

func TestUserAgent(t *testing.T) {
	s := newSite(t)
	s.serve("/a", "text/plain", "hello")
	tests := []struct {
		opts []Option
		want string
	}{
		{nil, "newsgraph/" + moduleVersion() + " (+" + DefaultContact + ")"},
		{[]Option{WithUserAgent("", "", "mailto:desk@example.org")}, "newsgraph/" + moduleVersion() + " (+mailto:desk@example.org)"},
		{[]Option{WithUserAgent("unibot", "2.1", "https://example.org/bot")}, "unibot/2.1 (+https://example.org/bot)"},
	}
	for _, tt := range tests {
		c := quick(tt.opts...)
		if _, err := c.Get(context.Background(), s.URL+"/a"); err != nil {
			t.Fatal(err)
		}
		reqs := s.requests("/a")
		if got := reqs[len(reqs)-1].header.Get("User-Agent"); got != tt.want || c.UserAgent() != tt.want {
			t.Errorf("User-Agent = %q (UserAgent() %q), want %q", got, c.UserAgent(), tt.want)
		}
	}
}

func TestRobots(t *testing.T) {
	tests := []struct {
		name   string
		robots func(w http.ResponseWriter, r *http.Request)
		path   string
		agent  string
		err    error // nil: fetched
	}{
		{name: "disallowed path", robots: text("User-agent: *\nDisallow: /private/\n"), path: "/private/a", err: ErrDisallowed},
		{name: "allowed path", robots: text("User-agent: *\nDisallow: /private/\n"), path: "/public/a"},
		{name: "own group", robots: text("User-agent: *\nDisallow: /\n\nUser-agent: unibot\nAllow: /\n"), path: "/public/a", agent: "unibot"},
		{name: "own group disallows", robots: text("User-agent: unibot\nDisallow: /public\n"), path: "/public/a", agent: "unibot", err: ErrDisallowed},
		{name: "no robots.txt", robots: nil, path: "/private/a"},
		{name: "robots.txt server error", robots: status(http.StatusServiceUnavailable), path: "/public/a", err: ErrDisallowed},
		{name: "redirect into a disallowed path", robots: text("User-agent: *\nDisallow: /private/\n"), path: "/moved", err: ErrDisallowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t)
			if tt.robots != nil {
				s.handle("/robots.txt", tt.robots)
			}
			s.serve("/private/a", "text/plain", "secret")
			s.serve("/public/a", "text/plain", "open")
			s.handle("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/private/a", http.StatusFound) })
			c := quick(WithUserAgent(tt.agent, "", ""))
			for range 2 { // robots.txt is asked for once
				_, err := c.Get(context.Background(), s.URL+tt.path)
				if tt.err == nil && err != nil {
					t.Fatalf("Get: %v", err)
				}
				if tt.err != nil {
					wantFileError(t, err, s.URL+tt.path, tt.err)
				}
			}
			if n := len(s.requests("/robots.txt")); n != 1 {
				t.Errorf("robots.txt asked for %d times, want 1", n)
			}
			if tt.err != nil && len(s.requests("/private/a")) > 0 {
				t.Errorf("a disallowed page was requested")
			}
		})
	}
}

func text(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, body)
	}
}

func status(code int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(code) }
}

// TestRateLimit: requests to one host are spaced by the rate limit, or by
// the robots.txt Crawl-delay when that is longer. The spacing is measured
// where the limiter lets a request go, in the transport, and only as lower
// bounds: a slow machine makes gaps longer, never shorter.
func TestRateLimit(t *testing.T) {
	tests := []struct {
		name   string
		limit  time.Duration
		robots string
		want   time.Duration
	}{
		{"rate limit", 150 * time.Millisecond, "", 150 * time.Millisecond},
		{"crawl-delay is longer", 10 * time.Millisecond, "User-agent: *\nCrawl-delay: 0.2\n", 200 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t)
			if tt.robots != "" {
				s.handle("/robots.txt", text(tt.robots))
			}
			for i := range 3 {
				s.serve(fmt.Sprintf("/p%d", i), "text/plain", "page")
			}
			rec := &recorder{next: http.DefaultTransport}
			c := New(WithRateLimit(tt.limit), WithTransport(rec))
			for i := range 3 {
				if _, err := c.Get(context.Background(), fmt.Sprintf("%s/p%d", s.URL, i)); err != nil {
					t.Fatal(err)
				}
			}
			sent := rec.sent()
			if len(sent) != 4 || sent[0].path != "/robots.txt" || len(s.requests("")) != 4 {
				t.Fatalf("requests: %v", sent)
			}
			// The robots.txt answer sets a Crawl-delay after its own
			// request: count the gaps between pages.
			for i := 2; i < len(sent); i++ {
				if gap := sent[i].at.Sub(sent[i-1].at); gap < tt.want*8/10 {
					t.Errorf("%s went %v after %s, want at least %v", sent[i].path, gap, sent[i-1].path, tt.want)
				}
			}
		})
	}
}

// recorder is a transport that notes when each request is sent.
type recorder struct {
	next http.RoundTripper
	mu   sync.Mutex
	log  []seen
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.log = append(r.log, seen{path: req.URL.Path, at: time.Now()})
	r.mu.Unlock()
	return r.next.RoundTrip(req)
}

func (r *recorder) sent() []seen {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]seen(nil), r.log...)
}

// TestConditional: a second run (a new Client on the same cache directory)
// asks with the validators it kept, gets a 304 and reuses the copy.
func TestConditional(t *testing.T) {
	tests := []struct {
		name      string
		header    []string
		condition string
		want      string
	}{
		{"etag", []string{"ETag", `"v1"`}, "If-None-Match", `"v1"`},
		{"last-modified", []string{"Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT"}, "If-Modified-Since", "Mon, 02 Jan 2006 15:04:05 GMT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t)
			s.serve("/story", "text/html", "<html><body><p>The story.</p></body></html>", tt.header...)
			dir := t.TempDir()
			first, err := quick(WithCache(NewDirCache(dir))).Get(context.Background(), s.URL+"/story")
			if err != nil || first.NotModified {
				t.Fatalf("first Get: %+v, %v", first, err)
			}
			c := quick(WithCache(NewDirCache(dir)))
			second, err := c.Get(context.Background(), s.URL+"/story")
			if err != nil {
				t.Fatal(err)
			}
			reqs := s.requests("/story")
			if got := reqs[len(reqs)-1].header.Get(tt.condition); got != tt.want {
				t.Errorf("second request's %s = %q, want %q", tt.condition, got, tt.want)
			}
			if !second.NotModified || !bytes.Equal(second.Body, first.Body) {
				t.Errorf("second Get: NotModified %v, body %q", second.NotModified, second.Body)
			}
			if st := c.Stats(); st.NotModified != 1 || st.Bytes != 0 {
				t.Errorf("second client's stats: %+v, want one 304 and no bytes", st)
			}
		})
	}
}

func TestGetFailures(t *testing.T) {
	s := newSite(t)
	s.handle("/slow-headers", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	s.handle("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>The start"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	for i := range 4 {
		s.handle(fmt.Sprintf("/hop%d", i), func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, fmt.Sprintf("/hop%d", i+1), http.StatusMovedPermanently)
		})
	}
	s.serve("/hop4", "text/plain", "arrived")
	s.serve("/big", "text/plain", strings.Repeat("x", 2048))
	s.handle("/away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/x", http.StatusFound)
	})
	s.handle("/error", status(http.StatusInternalServerError))
	s.handle("/stale", status(http.StatusNotModified)) // a 304 with nothing asked

	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()

	tests := []struct {
		name string
		url  string
		opts []Option
		err  error
	}{
		{"404", s.URL + "/missing", nil, &StatusError{Code: 404}},
		{"500", s.URL + "/error", nil, &StatusError{Code: 500}},
		{"304 with no copy", s.URL + "/stale", nil, &StatusError{Code: 304}},
		{"timeout before the headers", s.URL + "/slow-headers", []Option{WithTimeout(200 * time.Millisecond)}, ErrTimeout},
		{"timeout in the body", s.URL + "/slow-body", []Option{WithTimeout(200 * time.Millisecond)}, ErrTimeout},
		{"too many redirects", s.URL + "/hop0", []Option{WithMaxRedirects(3)}, ErrTooManyRedirects},
		{"redirects within bounds", s.URL + "/hop0", []Option{WithMaxRedirects(4)}, nil},
		{"redirect to ftp", s.URL + "/away", nil, ErrUnsupportedScheme},
		{"too large", s.URL + "/big", []Option{WithMaxBody(1024)}, ErrTooLarge},
		{"not http", "file:///etc/passwd", nil, ErrUnsupportedScheme},
		{"nobody there", closed.URL + "/a", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := quick(tt.opts...).Get(context.Background(), tt.url)
			if tt.name == "redirects within bounds" {
				if err != nil || string(p.Body) != "arrived" || p.FinalURL != s.URL+"/hop4" {
					t.Fatalf("Get: %+v, %v", p, err)
				}
				return
			}
			wantFileError(t, err, tt.url, nil)
			var se *StatusError
			switch want := tt.err.(type) {
			case nil:
			case *StatusError:
				if !errors.As(err, &se) || se.Code != want.Code {
					t.Errorf("error = %v, want HTTP %d", err, want.Code)
				}
			default:
				if !errors.Is(err, want) {
					t.Errorf("error = %v, want %v", err, want)
				}
			}
		})
	}
}

// TestGetCancelled: a cancelled context is the caller's, not the URL's
// failure.
func TestGetCancelled(t *testing.T) {
	s := newSite(t)
	s.serve("/a", "text/plain", "a")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := quick().Get(ctx, s.URL+"/a"); !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
}

// roundTrip is a transport with no network: a map of canned bodies.
type roundTrip map[string]string

func (rt roundTrip) RoundTrip(r *http.Request) (*http.Response, error) {
	body, ok := rt[r.URL.String()]
	code := http.StatusOK
	if !ok {
		code, body = http.StatusNotFound, "not found"
	}
	return &http.Response{StatusCode: code, Status: fmt.Sprintf("%d %s", code, http.StatusText(code)),
		Header: http.Header{"Content-Type": {"text/html"}}, Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

func TestWithTransport(t *testing.T) {
	c := quick(WithTransport(roundTrip{
		"https://news.example.org/robots.txt": "User-agent: *\nDisallow: /members/\n",
		"https://news.example.org/a":          "<html><body><h1>A</h1><p>The council met on Tuesday to vote on the budget for next year.</p></body></html>",
	}))
	p, err := c.Get(context.Background(), "https://news.example.org/a")
	if err != nil || !strings.Contains(string(p.Body), "council") {
		t.Fatalf("Get: %v", err)
	}
	_, err = c.Get(context.Background(), "https://news.example.org/members/b")
	wantFileError(t, err, "https://news.example.org/members/b", ErrDisallowed)
}

func TestDirCache(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c := NewDirCache(dir)
	if p, err := c.Get(ctx, "https://a.example/x"); p != nil || err != nil {
		t.Fatalf("empty cache: %v, %v", p, err)
	}
	in := &Page{URL: "https://a.example/x", ContentType: "text/html", ETag: `"e"`, Fetched: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Item: "h", Body: []byte("body\nwith lines\n")}
	if err := c.Put(ctx, in); err != nil {
		t.Fatal(err)
	}
	out, err := c.Get(ctx, in.URL)
	if err != nil || out == nil || string(out.Body) != string(in.Body) || out.ETag != in.ETag || !out.Fetched.Equal(in.Fetched) || out.Item != "h" {
		t.Fatalf("Get after Put: %+v, %v", out, err)
	}
	// A damaged file is no copy, not an error.
	file := c.file(in.URL)
	if err := os.WriteFile(file, []byte(`{"url":"https://a.example/x","size":99}`+"\nshort"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p, err := c.Get(ctx, in.URL); p != nil || err != nil {
		t.Errorf("damaged entry: %+v, %v", p, err)
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, "*", ".page-*")); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}
