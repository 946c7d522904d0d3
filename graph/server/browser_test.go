package server

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// chromium finds Debian's chromium (.ci/setup.d/40-browser.sh installs it).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("NEWSGRAPH_CI") == "1" {
		t.Fatal("chromium not installed (see .ci/setup.d/40-browser.sh)")
	}
	t.Skip("chromium not installed; .ci/setup.d/40-browser.sh installs it")
	return ""
}

// headless runs chromium on page with extra flags and returns its stdout.
// The virtual time budget lets the page's fetches and rendering finish
// before the DOM is dumped or the screenshot taken.
func headless(t *testing.T, bin, page string, extra ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir(),
		"--virtual-time-budget=15000", "--window-size=1400,1000", "--hide-scrollbars",
	}
	args = append(append(args, extra...), page)
	cmd := exec.CommandContext(ctx, bin, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	out, err := cmd.Output()
	t.Logf("chromium %v", time.Since(start))
	if err != nil {
		t.Fatalf("chromium %s: %v\n%s", page, err, stderr.String())
	}
	return string(out)
}

func attr(t *testing.T, dom, element, name string) string {
	t.Helper()
	re := regexp.MustCompile(`<` + element + `[^>]*\s` + name + `="([^"]*)"`)
	m := re.FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("no %s[%s] in the page:\n%.2000s", element, name, dom)
	}
	return m[1]
}

func TestExplorerInBrowser(t *testing.T) {
	bin := chromium(t)
	base := startServer(t)

	// A canned question from the URL, then a click on one of its nodes.
	page := base + "/console.html?canned=who-said&arg=integration&expand=" + url.QueryEscape("<person/tom-hale>")
	dom := headless(t, bin, page, "--dump-dom")
	if state := attr(t, dom, "body", "data-state"); state != "done" {
		t.Fatalf("page state %q, want done:\n%.3000s", state, dom)
	}
	if rows := attr(t, dom, "div", "data-rows"); rows != "3" {
		t.Errorf("table rows %s, want the 3 quotations about integration", rows)
	}
	for _, want := range []string{"Samuel Reyes", "a leap in the dark", "&lt;article/b2#s1&gt;", "Tom Hale", "Water agency plan draws fire from boards"} {
		if !strings.Contains(dom, want) {
			t.Errorf("table lacks %q", want)
		}
	}
	// Three speakers, three quotations, the topic, the articles and
	// sentences the rows name; expanding Tom Hale adds his organisation.
	nodes, _ := strconv.Atoi(attr(t, dom, "div id=\"graph\"", "data-nodes"))
	edges, _ := strconv.Atoi(attr(t, dom, "div id=\"graph\"", "data-edges"))
	if nodes < 8 || edges < 7 {
		t.Errorf("graph drew %d nodes and %d edges, want at least 8 and 7", nodes, edges)
	}

	// A bad query shows Cayley's error.
	dom = headless(t, bin, base+"/console.html?q="+url.QueryEscape("g.V("), "--dump-dom")
	if state := attr(t, dom, "body", "data-state"); state != "error" {
		t.Errorf("bad query: page state %q, want error", state)
	}

	dir := os.Getenv("NEWSGRAPH_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "explorer.png")
	headless(t, bin, page, "--screenshot="+shot)
	info, err := os.Stat(shot)
	if err != nil || info.Size() < 10000 {
		t.Fatalf("screenshot %s: %v", shot, err)
	}
	t.Logf("screenshot: %s (%d bytes)", shot, info.Size())
}
