package server

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"go.uber.org/goleak"
)

const aQuad = `<person/new-person> <name> "New Person" <article/x1> .` + "\n"

// send makes a request with headers and returns the status and answer.
func send(t *testing.T, method, url, body string, headers ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i] == "Host" {
			req.Host = headers[i+1]
			continue
		}
		req.Header.Set(headers[i], headers[i+1])
	}
	return do(t, http.DefaultClient, req)
}

func nopIngest(ctx context.Context, name string, body []byte) (LoadFunc, error) {
	return func(context.Context) (Summary, error) { return Summary{Article: "article/x", Quads: 1}, nil }, nil
}

// A page on another site cannot write: not with the simple requests a
// browser sends without asking (text/plain, forms, no type), and not with
// any other type from an origin the server does not name. A page that
// takes the server's address for its own name (DNS rebinding) cannot even
// read.
func TestCrossSiteWritesRefused(t *testing.T) {
	base := startServer(t, WithWritable(true), WithIngest(nopIngest))
	self := base // the server's own origin: http://127.0.0.1:PORT
	tests := []struct {
		name, path, body string
		headers          []string
		code             int
		want             string
	}{
		{"no-cors text/plain from another origin", "/api/v2/write", aQuad,
			[]string{"Content-Type", "text/plain;charset=UTF-8", "Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors"}, 403, "cross-origin"},
		{"text/plain with no origin", "/api/v2/write", aQuad, []string{"Content-Type", "text/plain"}, 415, "quad format"},
		{"a form", "/api/v2/write", aQuad, []string{"Content-Type", "application/x-www-form-urlencoded"}, 415, "quad format"},
		{"no content type", "/api/v2/delete", aQuad, nil, 415, "quad format"},
		{"n-quads from another origin", "/api/v2/write", aQuad, []string{"Content-Type", "application/n-quads", "Origin", "http://evil.example"}, 403, "cross-origin"},
		{"cross-site fetch without origin", "/api/v2/write", aQuad, []string{"Content-Type", "application/n-quads", "Sec-Fetch-Site", "cross-site"}, 403, "cross-origin"},
		{"null origin", "/api/v2/delete", aQuad, []string{"Content-Type", "application/n-quads", "Origin", "null"}, 403, "cross-origin"},
		{"node delete from another origin", "/api/v2/node/delete", `<person/tom-hale>`, []string{"Content-Type", "application/n-quads", "Origin", "http://evil.example"}, 403, "cross-origin"},
		{"article as text/plain", "/api/v2/articles?name=a.txt", "Headline\n\nBody.", []string{"Content-Type", "text/plain"}, 415, "text/markdown"},
		{"article from another origin", "/api/v2/articles?name=a.md", "Headline\n\nBody.", []string{"Content-Type", "text/markdown", "Origin", "http://evil.example"}, 403, "cross-origin"},
		{"rebinding host, write", "/api/v2/write", aQuad, []string{"Content-Type", "application/n-quads", "Host", "evil.example:64210"}, 403, "not a name of this server"},
		{"n-quads, no origin (curl)", "/api/v2/write", aQuad, []string{"Content-Type", "application/n-quads"}, 200, `"count": 1`},
		{"n-quads, same origin", "/api/v2/delete", aQuad, []string{"Content-Type", "application/n-quads", "Origin", self, "Sec-Fetch-Site", "same-origin"}, 200, `"count": 1`},
		{"article, same origin", "/api/v2/articles?name=a.md", "Headline\n\nBody.", []string{"Content-Type", "text/markdown", "Origin", self}, 200, `"count":1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := send(t, "POST", base+tt.path, tt.body, tt.headers...)
			if code != tt.code || !strings.Contains(body, tt.want) {
				t.Errorf("%d %s; want %d and %q", code, body, tt.code, tt.want)
			}
		})
	}
	// Reads too check the host.
	code, body := send(t, "GET", base+"/api/v2/read?format=nquads", "", "Host", "attacker.example")
	if code != 403 || !strings.Contains(body, `{"error": `) {
		t.Errorf("read by a rebound name: %d %.200s", code, body)
	}
	for _, host := range []string{"localhost:1", "127.0.0.1", "[::1]:64210"} {
		if code, body := send(t, "GET", base+"/api/v2/formats", "", "Host", host); code != 200 {
			t.Errorf("host %s: %d %.100s", host, code, body)
		}
	}
	// No CORS headers for anyone by default.
	req, _ := http.NewRequest("OPTIONS", base+"/api/v2/write", nil)
	req.Header.Set("Origin", "http://evil.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if h := resp.Header.Get("Access-Control-Allow-Origin"); h != "" {
		t.Errorf("CORS for an origin nobody named: %q", h)
	}
}

// Origins named by WithCORSOrigins may call the API from a browser, and
// write; with a token, only with the token.
func TestCORSOrigins(t *testing.T) {
	const token = "0123456789abcdef-test-token"
	base := startServer(t, WithWritable(true), WithCORSOrigins("https://ok.example"), WithToken(token), WithAllowedHosts("graph.example"))
	req, _ := http.NewRequest("OPTIONS", base+"/api/v2/write", nil)
	req.Header.Set("Origin", "https://ok.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	req.Header.Set("Access-Control-Request-Headers", "content-type, authorization")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 204 || resp.Header.Get("Access-Control-Allow-Origin") != "https://ok.example" ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Errorf("preflight: %d %v", resp.StatusCode, resp.Header)
	}
	code, body := send(t, "POST", base+"/api/v2/write", aQuad, "Content-Type", "application/n-quads", "Origin", "https://ok.example", "Authorization", "Bearer "+token)
	if code != 200 {
		t.Errorf("write from a named origin: %d %s", code, body)
	}
	code, body = send(t, "POST", base+"/api/v2/write", aQuad, "Content-Type", "application/n-quads", "Origin", "https://ok.example")
	if code != 401 {
		t.Errorf("write from a named origin without the token: %d %s", code, body)
	}
	if code, body := send(t, "GET", base+"/api/v2/formats", "", "Host", "graph.example:443"); code != 200 {
		t.Errorf("an allowed host: %d %.100s", code, body)
	}
}

// With a token, writes need it (401 without); a writable server will not
// serve beyond loopback without one.
func TestTokenRule(t *testing.T) {
	const token = "0123456789abcdef-test-token"
	base := startServer(t, WithWritable(true), WithToken(token), WithIngest(nopIngest))
	for _, tt := range []struct {
		name, path, ct, auth string
		code                 int
	}{
		{"no token", "/api/v2/write", "application/n-quads", "", 401},
		{"wrong token", "/api/v2/write", "application/n-quads", "Bearer nope", 401},
		{"not bearer", "/api/v2/delete", "application/n-quads", "Basic " + token, 401},
		{"article without token", "/api/v2/articles?name=a.md", "text/markdown", "", 401},
		{"token", "/api/v2/write", "application/n-quads", "Bearer " + token, 200},
		{"article with token", "/api/v2/articles?name=a.md", "text/markdown", "Bearer " + token, 200},
	} {
		t.Run(tt.name, func(t *testing.T) {
			headers := []string{"Content-Type", tt.ct}
			if tt.auth != "" {
				headers = append(headers, "Authorization", tt.auth)
			}
			code, body := send(t, "POST", base+tt.path, aQuad, headers...)
			if code != tt.code {
				t.Errorf("%d %s, want %d", code, body, tt.code)
			}
		})
	}
	// Queries need no token.
	if rows := gizmo(t, base, `g.V("<person/tom-hale>").Out("<name>").All()`); len(rows) != 1 {
		t.Errorf("query: %v", rows)
	}

	// Beyond loopback: refused without a token, served with one. (The
	// listener is on loopback, as tests must be; it names another address.)
	for _, tc := range []struct {
		token string
		ok    bool
	}{{"", false}, {token, true}} {
		s, err := New(fixtureHandle(t), WithWritable(true), WithToken(tc.token))
		if err != nil {
			t.Fatal(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		if tc.ok {
			cancel() // served, and shut down at once
		}
		err = s.Serve(ctx, elsewhere{ln})
		cancel()
		if (err == nil) != tc.ok || (!tc.ok && !strings.Contains(err.Error(), "needs an access token")) {
			t.Errorf("token %q beyond loopback: %v", tc.token, err)
		}
	}
}

// elsewhere is a listener that says it listens on a public address.
type elsewhere struct{ net.Listener }

func (elsewhere) Addr() net.Addr { return &net.TCPAddr{IP: net.ParseIP("192.0.2.1"), Port: 64210} }

// A gzip body is held to --max-body once decompressed.
func TestGzipBombRefused(t *testing.T) {
	base := startServer(t, WithWritable(true), WithMaxBodyBytes(1<<20))
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	line := []byte(aQuad)
	for written := 0; written < 64<<20; written += len(line) {
		zw.Write(line)
	}
	zw.Close()
	if bomb.Len() > 1<<20 {
		t.Fatalf("the bomb is %d bytes compressed", bomb.Len())
	}
	code, body := send(t, "POST", base+"/api/v2/write", bomb.String(), "Content-Type", "application/n-quads", "Content-Encoding", "gzip")
	if code != http.StatusRequestEntityTooLarge || body != `{"error": "request is too large"}` {
		t.Errorf("%d KB of gzip: %d %s", bomb.Len()>>10, code, body)
	}
	// A gzip body within the limit is read.
	var small bytes.Buffer
	zw = gzip.NewWriter(&small)
	zw.Write([]byte(aQuad))
	zw.Close()
	code, body = send(t, "POST", base+"/api/v2/write", small.String(), "Content-Type", "application/n-quads", "Content-Encoding", "gzip")
	if code != 200 || !strings.Contains(body, `"count": 1`) {
		t.Errorf("small gzip: %d %s", code, body)
	}
	// Queries and articles take no encoding.
	code, _ = send(t, "POST", base+"/api/v2/query?lang=gizmo", small.String(), "Content-Encoding", "gzip")
	if code != http.StatusUnsupportedMediaType {
		t.Errorf("gzip query: %d", code)
	}
}

// A client that sends its body a byte at a time holds only its own
// connection: queries and writes go on, and it is cut off at the read
// timeout.
func TestSlowBodyCutOff(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	s, base, stop := startServerOn(t, fixtureHandle(t), WithWritable(true), WithReadTimeout(time.Second), WithMaxConcurrent(2))
	defer stop()
	c := newClient()
	defer c.CloseIdleConnections()

	// Four slow writers: more than the server's slots.
	var cut atomic.Int32
	done := make(chan struct{})
	for range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
			if err != nil {
				t.Error(err)
				return
			}
			defer conn.Close()
			fmt.Fprintf(conn, "POST /api/v2/write HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/n-quads\r\nContent-Length: 1000\r\n\r\n")
			for i := 0; i < 1000; i++ {
				if _, err := conn.Write([]byte{'#'}); err != nil {
					cut.Add(1) // the server closed the connection
					return
				}
				time.Sleep(50 * time.Millisecond)
			}
		}()
	}
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	for i := range 5 {
		if code, body := post(t, c, base+"/api/v2/query?lang=gizmo", "", `g.V("<person/tom-hale>").Out("<name>").All()`); code != 200 {
			t.Fatalf("query %d while bodies trickle: %d %s", i, code, body)
		}
		if code, body := post(t, c, base+"/api/v2/write", "application/n-quads", aQuad); code != 200 {
			t.Fatalf("write %d while bodies trickle: %d %s", i, code, body)
		}
	}
	if took := time.Since(start); took > 900*time.Millisecond {
		t.Errorf("queries and writes took %v beside slow bodies", took)
	}
	for range 4 {
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatal("a slow body was not cut off")
		}
	}
	if n := cut.Load(); n != 4 {
		t.Errorf("%d of 4 slow bodies cut off", n)
	}
	if n := s.slots.inUse(); n != 0 {
		t.Errorf("%d slots held", n)
	}
}

// A client that stops reading /api/v2/read holds the store shared for no
// longer than the write timeout: queries answer meanwhile, a write waiting
// for the store gets it once the reader is cut off, and the reader's
// connection ends there, short of the whole store.
func TestStalledReaderCutOff(t *testing.T) {
	// 120,000 quads: megabytes of N-Quads, more than the sockets buffer.
	s, base, stop := startServerOn(t, bigHandle(t, 60_000), WithWritable(true),
		WithWriteTimeout(time.Second), WithQueryTimeout(20*time.Second))
	defer stop()
	c := newClient()
	defer c.CloseIdleConnections()

	dialer := net.Dialer{Control: func(network, address string, rc syscall.RawConn) error {
		return rc.Control(func(fd uintptr) {
			syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096)
		})
	}}
	conn, err := dialer.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET /api/v2/read?format=nquads HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
	br := bufio.NewReader(conn)
	if status, err := br.ReadString('\n'); err != nil || !strings.Contains(status, "200") {
		t.Fatalf("read: %q %v", status, err)
	}
	// ...and read no more. Queries answer while the reader stalls.
	stalled := time.Now()
	for i := range 5 {
		start := time.Now()
		if code, body := post(t, c, base+"/api/v2/query?lang=gizmo", "", `g.Emit(1)`); code != 200 {
			t.Fatalf("query %d beside a stalled reader: %d %s", i, code, body)
		}
		if took := time.Since(start); took > 500*time.Millisecond {
			t.Errorf("query %d took %v beside a stalled reader", i, took)
		}
	}
	// A write waits for the store until the reader is cut off.
	code, body := post(t, c, base+"/api/v2/write", "application/n-quads", aQuad)
	if took := time.Since(stalled); code != 200 || took > 10*time.Second {
		t.Errorf("write behind a stalled reader: %d %s after %v", code, body, took)
	}
	if code, body := post(t, c, base+"/api/v2/query?lang=gizmo", "", `g.Emit(2)`); code != 200 {
		t.Errorf("query after: %d %s", code, body)
	}
	// The reader's connection has ended, short of the store.
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	n, err := io.Copy(io.Discard, br)
	if err != nil || n > 4<<20 {
		t.Errorf("after the stall: read %d bytes more, %v; want the connection cut off", n, err)
	}
	waitIdle(t, s)
}

// Reading an article takes no lock: writes and queries go on while a slow
// extraction runs, the client gets 503 at the timeout, and the slot stays
// taken until the extraction returns.
func TestIngestHonoursTimeout(t *testing.T) {
	release := make(chan struct{})
	slow := func(ctx context.Context, name string, body []byte) (LoadFunc, error) {
		<-release // an extractor that does not look at ctx
		return nil, ctx.Err()
	}
	s, base, stop := startServerOn(t, fixtureHandle(t), WithWritable(true), WithIngest(slow), WithQueryTimeout(300*time.Millisecond))
	defer stop()
	c := newClient()
	defer c.CloseIdleConnections()
	answered := make(chan string, 1)
	go func() {
		start := time.Now()
		code, body := post(t, c, base+"/api/v2/articles?name=a.md", "text/markdown", "Headline\n\nBody.")
		answered <- fmt.Sprintf("%d %s after %v", code, body, time.Since(start).Round(time.Millisecond))
	}()
	time.Sleep(50 * time.Millisecond)
	if code, body := post(t, c, base+"/api/v2/write", "application/n-quads", aQuad); code != 200 {
		t.Errorf("write during an extraction: %d %s", code, body)
	}
	select {
	case a := <-answered:
		if !strings.HasPrefix(a, "503 ") || !strings.Contains(a, "article not loaded") {
			t.Errorf("ingest past its timeout: %s", a)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ingest did not answer at its timeout")
	}
	if n := s.slots.inUse(); n != 1 {
		t.Errorf("%d slots held while the extraction runs, want 1", n)
	}
	close(release)
	waitIdle(t, s)
}

// Waiting for the store counts against a write's time: a write behind a
// long one answers 503 at its timeout.
func TestWriteWaitIsBounded(t *testing.T) {
	release := make(chan struct{})
	holding := make(chan struct{})
	slowLoad := func(ctx context.Context, name string, body []byte) (LoadFunc, error) {
		return func(context.Context) (Summary, error) {
			close(holding)
			<-release
			return Summary{Article: "article/x"}, nil
		}, nil
	}
	_, base, stop := startServerOn(t, fixtureHandle(t), WithWritable(true), WithIngest(slowLoad), WithQueryTimeout(time.Second))
	defer stop()
	defer close(release)
	c := newClient()
	defer c.CloseIdleConnections()
	go func() {
		if resp, err := c.Post(base+"/api/v2/articles?name=a.md", "text/markdown", strings.NewReader("Headline\n\nBody.")); err == nil {
			resp.Body.Close()
		}
	}()
	<-holding
	start := time.Now()
	code, body := post(t, c, base+"/api/v2/write", "application/n-quads", aQuad)
	if code != http.StatusServiceUnavailable || time.Since(start) > 5*time.Second {
		t.Errorf("write behind a held store: %d %s after %v", code, body, time.Since(start))
	}
}
