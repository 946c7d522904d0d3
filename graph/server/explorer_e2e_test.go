package server

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cayleygraph/quad"

	examplearticles "github.com/newsgraph/newsgraph/examples"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/questions"
	"github.com/newsgraph/newsgraph/source"
)

// The explorer in a real browser: e2e/explorer.mjs drives Debian's
// chromium through playwright-core over a server holding the examples
// (dated, from three outlets) and a hostile article whose headline,
// outlet, author, URL, quotations and a person's name carry <script>,
// <img onerror=…>, <svg onload=…>, javascript: links and HTML entities.
// The script walks search → person → quotation → its sentence → back, a
// reform's supporters and opponents, the date filter, the graph view and
// every page with the hostile text, and saves a screenshot of each page
// under $NEWSGRAPH_ARTIFACTS. .ci/setup.d/45-playwright.sh installs
// playwright-core into e2e/node_modules.
func TestExplorerE2E(t *testing.T) {
	node, script := e2eTools(t)
	base := startExplorerServer(t)

	dir := os.Getenv("NEWSGRAPH_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	dir = filepath.Join(dir, "explorer")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, script)
	cmd.Dir = filepath.Dir(script)
	cmd.Env = append(os.Environ(), "EXPLORER_URL="+base, "EXPLORER_SHOTS="+dir, "EXPLORER_PROFILE="+t.TempDir())
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	t.Logf("node %s (%v):\n%s", filepath.Base(script), time.Since(start).Round(time.Millisecond), out.String())
	if err != nil {
		t.Fatalf("explorer end-to-end: %v", err)
	}
	t.Logf("screenshots in %s", dir)
}

// e2eTools finds node, chromium and the installed playwright-core; without
// them the test skips, except under NEWSGRAPH_CI=1.
func e2eTools(t *testing.T) (node, script string) {
	t.Helper()
	missing := func(what string) {
		if os.Getenv("NEWSGRAPH_CI") == "1" {
			t.Fatalf("%s (see .ci/setup.d/45-playwright.sh)", what)
		}
		t.Skipf("%s; .ci/setup.d/45-playwright.sh installs it", what)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node not installed")
	}
	if _, err := os.Stat("/usr/bin/chromium"); err != nil {
		missing("/usr/bin/chromium not installed")
	}
	script, err = filepath.Abs(filepath.Join("e2e", "explorer.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join("e2e", "node_modules", "playwright-core", "package.json")); err != nil {
		missing("playwright-core not installed in graph/server/e2e (npm ci there)")
	}
	return node, script
}

// hostileArticle puts markup and entities everywhere an article's text
// reaches the page.
const hostileArticle = `---
title: <script>window.__pwned="headline"</script> Council &amp; <img src=x onerror="window.__pwned='img-headline'"> shake-up
url: javascript:window.__pwned='url'
source: Evil &lt;Gazette&gt; <b>Daily</b>
author: <img src=x onerror="window.__pwned='author'">
date: 2011-03-02
---
Council <script>window.__pwned="body"</script> shake-up

Health secretary Andrew Lansley said the plan was "<img src=x onerror=window.__pwned='quote'> a &amp; safe <script>window.__pwned='q2'</script> reform" for primary care trusts.

Dr Mallory <Script> Vane, chair of the King's Fund, opposed the abolition of primary care trusts, saying it was "a <svg onload=window.__pwned='svg'> mistake".
`

// hostileName is a person's name no extractor would read, added as quads:
// the explorer must show it as these characters wherever it appears.
const hostileName = `Jane <img src=x onerror="window.__pwned='name'"> &amp; O'Brien`

// The examples' dates and outlets, so that the timeline and the filters
// have something to show.
var exampleDates = []struct{ date, outlet string }{
	{"2010-07-14", "Community Care"}, {"2010-09-02", "Guardian"}, {"2010-11-20", "Community Care"},
	{"2011-01-10", "Health Service Journal"}, {"2011-02-05", "Guardian"},
}

// startExplorerServer serves the examples, dated, and the hostile article
// with the questions, and returns the base URL.
func startExplorerServer(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	files := fstest.MapFS{"hostile.txt": {Data: []byte(hostileArticle)}}
	names, err := fs.Glob(examplearticles.Articles, "*.txt")
	if err != nil || len(names) != len(exampleDates) {
		t.Fatalf("examples: %v %v", names, err)
	}
	for i, name := range names {
		body, err := fs.ReadFile(examplearticles.Articles, name)
		if err != nil {
			t.Fatal(err)
		}
		front := "---\ndate: " + exampleDates[i].date + "\nsource: " + exampleDates[i].outlet +
			"\nurl: https://example.org/" + strings.TrimSuffix(name, ".txt") + "\n---\n"
		files[name] = &fstest.MapFile{Data: append([]byte(front), body...)}
	}
	g, err := graph.Open(ctx, graph.Memory, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(ctx, g, ex, source.ReadFS(ctx, files, ".")); err != nil {
		t.Fatal(err)
	}
	// A person with a hostile name, who said the hostile quotation.
	person, art, label := quad.IRI("person/jane-obrien"), quad.IRI("article/hostile"), quad.IRI("article/hostile#s3")
	quote := quad.IRI("quote/hostile/ffff0001")
	err = g.Handle().QuadWriter.AddQuadSet([]quad.Quad{
		quad.Make(person, quad.IRI("type"), quad.IRI("Person"), art),
		quad.Make(person, quad.IRI("name"), quad.String(hostileName), art),
		quad.Make(person, quad.IRI("alias"), quad.String(`<script>window.__pwned="alias"</script>`), art),
		quad.Make(person, quad.IRI("role"), quad.String(`chief <b>executive</b> &lt;acting&gt;`), label),
		quad.Make(person, quad.IRI("mentioned_in"), art, art),
		quad.Make(person, quad.IRI("said"), quote, label),
		quad.Make(quote, quad.IRI("type"), quad.IRI("Quotation"), label),
		quad.Make(quote, quad.IRI("text"), quad.String(`<img src=x onerror=window.__pwned='said'> &lt;b&gt; <a href="javascript:window.__pwned='a'">click</a>`), label),
		quad.Make(quote, quad.IRI("about"), quad.IRI("topic/reorganisation"), label),
	})
	if err != nil {
		t.Fatal(err)
	}
	_, url, stop := startServerOn(t, g.Handle(), WithQuestions(questions.New(g)))
	t.Cleanup(stop)
	return url
}
