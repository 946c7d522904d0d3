package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// resumeBatchQuads keeps the test's transactions small, so a 300-article
// build commits a few dozen times and the kills land all over it.
const resumeBatchQuads = "2000"

// TestBuildSurvivesSIGKILL builds a synthetic corpus into bolt with the real
// binary, SIGKILLs it after chosen commits (the kill-after hook counts them,
// so the points are exact, not timed), runs build again, and compares the
// store with one clean build: the same quads, byte for byte once sorted, and
// the same node count, so nothing is lost, duplicated or left behind. The
// second half does the same while changed articles are being replaced.
func TestBuildSurvivesSIGKILL(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a unix signal")
	}
	if testing.Short() {
		t.Skip("builds the binary and a corpus (-short)")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	runBin(t, bin, nil, "gen", "--n", "300", "--seed", "7", "-o", corpus)

	clean := filepath.Join(dir, "clean.db")
	runBin(t, bin, nil, "build", corpus, "--db", clean, "--progress=never", "--batch-quads", resumeBatchQuads)
	want := storeState(t, clean)
	if want.stats.Articles != 300 {
		t.Fatalf("clean build holds %d articles, want 300", want.stats.Articles)
	}

	// One store, killed three times in a row at different depths, then
	// finished; another killed at its very first commit.
	resumed := filepath.Join(dir, "resumed.db")
	for _, k := range []int{3, 5, 9} {
		killBuild(t, bin, k, corpus, resumed)
	}
	runBin(t, bin, nil, "build", corpus, "--db", resumed, "--progress=never", "--batch-quads", resumeBatchQuads)
	sameState(t, "killed after commits 3, 5, 9 and resumed", storeState(t, resumed), want)

	first := filepath.Join(dir, "first.db")
	killBuild(t, bin, 1, corpus, first)
	runBin(t, bin, nil, "build", corpus, "--db", first, "--progress=never", "--batch-quads", resumeBatchQuads)
	sameState(t, "killed after the first commit and resumed", storeState(t, first), want)

	// Change every third article (a paragraph dropped, another added), then
	// kill the rebuild while it replaces them: after the deletions of the
	// first replacement (commit 1), after its additions (2), and later.
	changed := 0
	for i := 0; i < 300; i += 3 {
		changeArticle(t, filepath.Join(corpus, fmt.Sprintf("%03d", i/1000), fmt.Sprintf("%06d.txt", i)), i)
		changed++
	}
	clean2 := filepath.Join(dir, "clean2.db")
	runBin(t, bin, nil, "build", corpus, "--db", clean2, "--progress=never", "--batch-quads", resumeBatchQuads)
	want2 := storeState(t, clean2)
	if want2.dump == want.dump {
		t.Fatal("changing articles did not change the graph")
	}
	for _, k := range []int{1, 2, 5} {
		killBuild(t, bin, k, corpus, resumed)
	}
	out := runBin(t, bin, nil, "build", corpus, "--db", resumed, "--progress=never", "--batch-quads", resumeBatchQuads)
	sameState(t, "changed articles, killed while replacing and resumed", storeState(t, resumed), want2)
	if !strings.Contains(out, "300 read") {
		t.Errorf("final build output:\n%s", out)
	}

	// A finished store builds to itself: nothing loaded.
	out = runBin(t, bin, nil, "build", corpus, "--db", resumed, "--progress=never")
	if !strings.Contains(out, "0 loaded (0 replaced), 300 unchanged") {
		t.Errorf("rebuild of a finished store:\n%s", out)
	}
	t.Logf("%d articles changed; kills after commits 3, 5, 9, 1 and 1, 2, 5 all resumed to the clean graph", changed)
}

// buildBinary compiles this package's newsgraph into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	// go test puts its own go first on the test's PATH.
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("no go command: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "newsgraph")
	cmd := exec.Command(goBin, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func runBin(t *testing.T, bin string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("newsgraph %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr.String())
	}
	return string(out)
}

// killBuild runs a build that SIGKILLs itself right after its k-th commit,
// and checks that it did die that way.
func killBuild(t *testing.T, bin string, k int, corpus, db string) {
	t.Helper()
	cmd := exec.Command(bin, "build", corpus, "--db", db, "--progress=never", "--batch-quads", resumeBatchQuads)
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d", killAfterEnv, k))
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != -1 || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("build with %s=%d: %v (want killed)\n%s", killAfterEnv, k, err, out)
	}
}

type state struct {
	dump  string
	stats graph.Stats
}

func storeState(t *testing.T, db string) state {
	t.Helper()
	g, err := graph.Open(context.Background(), graph.Bolt, db, graph.WithReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	st, err := g.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return state{dump: graphtest.Dump(t, g), stats: st}
}

func sameState(t *testing.T, what string, got, want state) {
	t.Helper()
	lines := strings.Split(got.dump, "\n")
	if !sort.StringsAreSorted(lines) {
		t.Fatalf("%s: dump is not sorted", what)
	}
	for i := 1; i < len(lines); i++ {
		if lines[i] == lines[i-1] {
			t.Errorf("%s: duplicate quad %s", what, lines[i])
		}
	}
	if got.stats != want.stats {
		t.Errorf("%s: Stats = %+v, want %+v (a clean build)", what, got.stats, want.stats)
	}
	if got.dump != want.dump {
		gl, wl := setOf(lines), setOf(strings.Split(want.dump, "\n"))
		var missing, extra []string
		for l := range wl {
			if !gl[l] {
				missing = append(missing, l)
			}
		}
		for l := range gl {
			if !wl[l] {
				extra = append(extra, l)
			}
		}
		sort.Strings(missing)
		sort.Strings(extra)
		t.Errorf("%s: store differs from a clean build: %d quads missing (first: %v), %d extra (first: %v)",
			what, len(missing), head(missing), len(extra), head(extra))
	}
}

func setOf(lines []string) map[string]bool {
	m := make(map[string]bool, len(lines))
	for _, l := range lines {
		m[l] = true
	}
	return m
}

func head(s []string) []string { return s[:min(3, len(s))] }

// changeArticle drops an article's last paragraph and adds a new one with a
// new speaker, so replacing it both removes and adds quads.
func changeArticle(t *testing.T, path string, i int) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.TrimRight(string(raw), "\n")
	if j := strings.LastIndex(body, "\n\n"); j > 0 {
		body = body[:j]
	}
	body += fmt.Sprintf("\n\nMorwenna Tregarthen-%d, chair of the Resume Test Authority, said: \"We will look again at article %d.\"\n", i, i)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
