package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// newsSite is a news site on 127.0.0.1: a robots.txt closing /private/,
// an RSS feed of summaries linking to pages, and a log of requests. Its
// feed grows by an item each time grow is called.
type newsSite struct {
	*httptest.Server
	mu    sync.Mutex
	items int // in the feed
	log   []*http.Request
}

var storyText = []string{
	`Councillors voted on Monday to add bus lanes to the high street. "This will make buses faster," said Sam Patel, the council's transport lead.`,
	`The library on Mill Road will reopen in the spring. "Readers have waited long enough," said Ann Lee, the chair of the Friends of Mill Road Library.`,
	`The bus depot will stay open until March, the operator said. "We listened to the drivers," said Tom Reid, the company's managing director.`,
}

func newNewsSite(t *testing.T, items int) *newsSite {
	t.Helper()
	s := &newsSite{items: items}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *newsSite) grow() {
	s.mu.Lock()
	s.items++
	s.mu.Unlock()
}

func (s *newsSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.log = append(s.log, r)
	items := s.items
	s.mu.Unlock()
	n := -1
	fmt.Sscanf(r.URL.Path, "/news/%d", &n)
	switch {
	case r.URL.Path == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	case r.URL.Path == "/feed.xml":
		etag := fmt.Sprintf(`"items-%d"`, items)
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Gazette</title>`)
		for i := range items {
			fmt.Fprintf(w, `<item><title>Story %d</title><link>%s/news/%d</link><guid>story-%d</guid>`+
				`<pubDate>Tue, %02d Jul 2026 09:00:00 GMT</pubDate><description>A summary of story %d.</description></item>`,
				i, "http://"+r.Host, i, i, 10+i, i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	case n >= 0 && n < len(storyText):
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", fmt.Sprintf(`"story-%d"`, n))
		if r.Header.Get("If-None-Match") == fmt.Sprintf(`"story-%d"`, n) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprintf(w, `<html><head><meta property="og:site_name" content="The Example Gazette"></head><body>`+
			`<article><h1>Story %d</h1><p>%s</p></article></body></html>`, n, storyText[n])
	default:
		http.NotFound(w, r)
	}
}

// requests counts the requests for path, and those of them that were
// conditional.
func (s *newsSite) requests(path string) (all, conditional int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.log {
		if r.URL.Path == path {
			all++
			if r.Header.Get("If-None-Match") != "" {
				conditional++
			}
		}
	}
	return all, conditional
}

var articlesHeld = regexp.MustCompile(`the graph holds \d+ quads, \d+ nodes, (\d+) articles`)

// TestBuildURLs: build fetches a feed's items from their pages, names the
// URLs that fail and builds the rest, fetches nothing new a second time,
// and loses nothing when the site is gone.
func TestBuildURLs(t *testing.T) {
	s := newNewsSite(t, 2)
	db := filepath.Join(t.TempDir(), "news.db")
	args := []string{"build", s.URL + "/feed.xml", s.URL + "/gone", s.URL + "/private/x", "--db", db, "--progress=never", "--rate-limit=0"}

	out, errOut, err := run(t, args...)
	if err == nil {
		t.Error("build with a 404 and a disallowed URL exited 0")
	}
	for _, want := range []string{s.URL + "/gone: HTTP 404 Not Found", s.URL + "/private/x: robots.txt disallows it"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, "2 read, 2 loaded (0 replaced), 0 unchanged, 2 failed") || !strings.Contains(out, "fetched:  ") ||
		!strings.Contains(out, filepath.Join(db, "fetch-cache")) {
		t.Errorf("first build:\n%s", out)
	}
	if m := articlesHeld.FindStringSubmatch(out); m == nil || m[1] != "2" {
		t.Errorf("first build holds %v articles, want 2", m)
	}

	out, _, _ = run(t, args...)
	if !strings.Contains(out, "2 read, 0 loaded (0 replaced), 2 unchanged") || !strings.Contains(out, "(1 not modified), 2 pages from the cache") {
		t.Errorf("second build:\n%s", out)
	}
	if all, cond := s.requests("/feed.xml"); all != 2 || cond != 1 {
		t.Errorf("feed asked for %d times, %d conditionally; want twice, the second conditionally", all, cond)
	}
	if all, _ := s.requests("/news/0"); all != 1 {
		t.Errorf("the page of an unchanged item was asked for %d times, want once", all)
	}

	// The site goes away: the build fails, naming it, and the store keeps
	// what it had.
	s.Close()
	out, errOut, err = run(t, "build", s.URL+"/feed.xml", "--db", db, "--progress=never", "--cache=none")
	if err == nil || !strings.Contains(errOut, s.URL+"/feed.xml: robots.txt: ") {
		t.Errorf("build from a site that is gone: %v\n%s", err, errOut)
	}
	if m := articlesHeld.FindStringSubmatch(out); m == nil || m[1] != "2" {
		t.Errorf("after a failed fetch the store holds %v articles, want 2:\n%s", m, out)
	}

	out, _, err = run(t, "rm", s.URL+"/news/1", "--db", db)
	if err != nil || !strings.Contains(out, "removed article/") {
		t.Errorf("rm by URL: %v\n%s", err, out)
	}
}

// TestWatch: watch picks up an item added to the feed between rounds, and
// a restarted watch loads nothing twice and downloads nothing.
func TestWatch(t *testing.T) {
	s := newNewsSite(t, 1)
	db := filepath.Join(t.TempDir(), "news.db")
	feed := s.URL + "/feed.xml"
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	// The feed grows once round 1 has logged its line.
	out := &watchOutput{onLine: func(line string) {
		if strings.Contains(line, "round 1:") {
			s.grow()
		}
	}}
	err := runCtx(ctx, out, "watch", feed, "--db", db, "--every", "100ms", "--rounds", "2", "--rate-limit", "0")
	if err != nil {
		t.Fatalf("watch: %v\n%s", err, out)
	}
	for _, want := range []string{
		"round 1: 1 read, 1 loaded (0 replaced), 0 unchanged, 0 failed",
		"round 2: 2 read, 1 loaded (0 replaced), 1 unchanged, 0 failed; 2 requests, 1 page from the cache",
		"done",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("watch output lacks %q:\n%s", want, out)
		}
	}

	// Killed and started again: nothing new is fetched or loaded.
	out = &watchOutput{}
	if err := runCtx(ctx, out, "watch", feed, "--db", db, "--every", "100ms", "--rounds", "1", "--rate-limit", "0"); err != nil {
		t.Fatalf("watch again: %v\n%s", err, out)
	}
	if !strings.Contains(out.String(), "round 1: 2 read, 0 loaded (0 replaced), 2 unchanged, 0 failed; 2 requests (1 not modified), 2 pages from the cache, ") {
		t.Errorf("restarted watch:\n%s", out)
	}
	qout, _, err := run(t, "query", "--db", db, `g.Emit(g.V().Has("<type>", "<Article>").Count())`)
	if err != nil || strings.TrimSpace(qout) != "[2]" && !strings.Contains(qout, "2") {
		t.Errorf("articles in the store: %s %v", qout, err)
	}
}

// TestWatchStops: a watch stopped between rounds ends cleanly, at once.
func TestWatchStops(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Depot to close\n\nThe bus depot will close in March, the operator said on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &watchOutput{onLine: func(line string) {
		if strings.Contains(line, "round 1:") {
			cancel()
		}
	}}
	start := time.Now()
	err := runCtx(ctx, out, "watch", dir, "--db", filepath.Join(t.TempDir(), "db"), "--every", "1h")
	if err != nil || !strings.Contains(out.String(), "round 1: 1 read, 1 loaded") || !strings.Contains(out.String(), "stopped after 1 round(s)") {
		t.Errorf("watch stopped: %v\n%s", err, out)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("watch took %v to stop", d)
	}
}

// TestWatchSIGTERM stops the real binary with SIGTERM between rounds, and
// watch with a URL that fails exits non-zero.
func TestWatchSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary (-short)")
	}
	s := newNewsSite(t, 1)
	bin := buildBinary(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "watch", s.URL+"/feed.xml", "--db", filepath.Join(dir, "db"), "--every", "1h", "--rate-limit", "0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	var lines []string
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines = append(lines, sc.Text())
			if strings.Contains(sc.Text(), "round 1:") {
				cmd.Process.Signal(syscall.SIGTERM)
			}
		}
		done <- cmd.Wait()
	}()
	select {
	case err := <-done:
		if err != nil || !strings.Contains(strings.Join(lines, "\n"), "stopped after 1 round(s)") {
			t.Errorf("watch after SIGTERM: %v\n%s\n%s", err, strings.Join(lines, "\n"), stderr.String())
		}
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatalf("watch did not stop within a minute of SIGTERM:\n%s", strings.Join(lines, "\n"))
	}

	out, err := exec.Command(bin, "watch", s.URL+"/gone", "--db", filepath.Join(dir, "db"), "--rounds", "1", "--rate-limit", "0").CombinedOutput()
	if err == nil || !strings.Contains(string(out), s.URL+"/gone: HTTP 404") || !strings.Contains(string(out), "the last round had 1 failure(s)") {
		t.Errorf("watch of a missing URL: %v\n%s", err, out)
	}
}

// watchOutput collects a command's output, calling onLine for each line as
// it is written.
type watchOutput struct {
	mu     sync.Mutex
	b      strings.Builder
	onLine func(string)
}

func (w *watchOutput) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.b.Write(p)
	w.mu.Unlock()
	if w.onLine != nil {
		for _, line := range strings.Split(string(p), "\n") {
			if line != "" {
				w.onLine(line)
			}
		}
	}
	return len(p), nil
}

func (w *watchOutput) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// runCtx runs the command line with ctx, stdout and stderr both to out.
func runCtx(ctx context.Context, out *watchOutput, args ...string) error {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(out)
	root.SetErr(out)
	return root.ExecuteContext(ctx)
}

// TestWatchMemoryStore: a memory store is kept open between rounds, so the
// second round finds the first's articles unchanged.
func TestWatchMemoryStore(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Depot to close\n\nThe bus depot will close in March, the operator said on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out := &watchOutput{}
	if err := runCtx(ctx, out, "watch", dir, "--db", "memory", "--every", "10ms", "--rounds", "2"); err != nil {
		t.Fatalf("watch: %v\n%s", err, out)
	}
	if !strings.Contains(out.String(), "round 2: 1 read, 0 loaded (0 replaced), 1 unchanged, 0 failed; done") {
		t.Errorf("watch --db memory:\n%s", out)
	}
	if err := runCtx(ctx, &watchOutput{}, "watch", filepath.Join(dir, "nope"), "--db", filepath.Join(dir, "db")); err == nil {
		t.Error("watch of a missing directory started")
	} else if _, serr := os.Stat(filepath.Join(dir, "db")); serr == nil {
		t.Error("watch of a missing directory made a store")
	}
}
