package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// run runs the newsgraph command line and returns its stdout and stderr.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(&stdout)
	root.SetErr(&stderr)
	err := root.ExecuteContext(context.Background())
	return stdout.String(), stderr.String(), err
}

var graphHolds = regexp.MustCompile(`the graph holds (\d+) quads`)

func TestBuildThenQuery(t *testing.T) {
	db := filepath.Join(t.TempDir(), "newsgraph.db")
	out, errOut, err := run(t, "build", "--db", db)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, errOut)
	}
	if !strings.Contains(out, "5 read, 5 loaded") || !strings.Contains(out, "found:") {
		t.Errorf("build output:\n%s", out)
	}
	first := graphHolds.FindStringSubmatch(out)

	out, _, err = run(t, "build", "--db", db, "--workers", "2")
	if err != nil {
		t.Fatalf("second build: %v", err)
	}
	if !strings.Contains(out, "0 loaded (0 replaced), 5 unchanged") {
		t.Errorf("second build output:\n%s", out)
	}
	if second := graphHolds.FindStringSubmatch(out); first == nil || second == nil || first[1] != second[1] {
		t.Errorf("quad count changed between builds: %v then %v", first, second)
	}

	out, errOut, err = run(t, "query", "--db", db, `g.Emit(g.V().Has("<type>", "<Article>").Count())`)
	if err != nil {
		t.Fatalf("query: %v\n%s", err, errOut)
	}
	var res []any
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res) != 1 || res[0] != 5.0 {
		t.Errorf("article count = %s (%v), want [5]", out, err)
	}

	out, _, err = run(t, "query", "--db", db, "--limit", "3", `g.V().Has("<type>", "<Person>").Out("<name>").All()`)
	if err != nil {
		t.Fatalf("query: %v", err)
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res) != 3 {
		t.Errorf("--limit 3 gave %s", out)
	}
	if strings.Contains(out, `\u003c`) {
		t.Errorf("query output escapes <: %s", out)
	}
}

// TestBuildLexiconExtractsAgain: a build with another lexicon extracts the
// unchanged articles again; one with the same lexicon skips them.
func TestBuildLexiconExtractsAgain(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "newsgraph.db")
	lexicon := filepath.Join(dir, "mine.txt")
	if err := os.WriteFile(lexicon, []byte("# a regulator\n[bodies]\nOFWAT | Water Services Regulation Authority\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		args []string
		want string
	}{
		{nil, "5 read, 5 loaded (0 replaced), 0 unchanged"},
		{[]string{"--lexicon", lexicon}, "5 read, 5 loaded (5 replaced), 0 unchanged"},
		{[]string{"--lexicon", lexicon}, "5 read, 0 loaded (0 replaced), 5 unchanged"},
		{nil, "5 read, 5 loaded (5 replaced), 0 unchanged"},
	} {
		out, errOut, err := run(t, append([]string{"build", "--db", db}, step.args...)...)
		if err != nil {
			t.Fatalf("build %v: %v\n%s", step.args, err, errOut)
		}
		if !strings.Contains(out, step.want) {
			t.Errorf("build %v said:\n%s\nwant %q", step.args, out, step.want)
		}
	}
	_, errOut, err := run(t, "build", "--db", db, "--lexicon", filepath.Join(dir, "missing.txt"))
	if err == nil || !strings.Contains(err.Error()+errOut, "missing.txt") {
		t.Errorf("build with a missing lexicon: %v %s, want an error naming the file", err, errOut)
	}
}

func TestBuildReportsBadFilesAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"good.txt":  "Reform plan\n\nThe plan was published on Monday.\n",
		"bad.txt":   "\xff\xfe not text",
		"empty.txt": "",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "db")
	out, errOut, err := run(t, "build", dir, "--db", db)
	if err == nil {
		t.Fatalf("build with bad files succeeded:\n%s", out)
	}
	for _, name := range []string{"bad.txt", "empty.txt"} {
		if !strings.Contains(errOut, name) {
			t.Errorf("stderr does not name %s:\n%s", name, errOut)
		}
	}
	if !strings.Contains(out, "1 read, 1 loaded") || !strings.Contains(out, "2 failed") {
		t.Errorf("build output:\n%s", out)
	}
}

func TestBuildInUse(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	g, err := graph.Open(context.Background(), graph.Bolt, db)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	for _, args := range [][]string{{"build", "--db", db}, {"query", "--db", db, "g.V().All()"}} {
		_, _, err := run(t, args...)
		if err == nil || !strings.Contains(err.Error(), "is in use by another newsgraph") {
			t.Errorf("%s on a store in use: %v", args[0], err)
		}
	}
}

func TestQueryErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	if _, _, err := run(t, "query", "--db", db, "g.V().All()"); err == nil || !strings.Contains(err.Error(), "no newsgraph database") {
		t.Errorf("query on a missing store: %v", err)
	}
	if _, _, err := run(t, "build", "--db", db); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, "query", "--db", db, "g.V(.All("); err == nil {
		t.Errorf("a syntax error gave no error")
	}
	if _, _, err := run(t, "query", "--db", db, "  "); err == nil {
		t.Errorf("an empty query gave no error")
	}
}
