package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The query command holds a query to the limits serve holds it to.
func TestQueryLimits(t *testing.T) {
	db := filepath.Join(t.TempDir(), "newsgraph.db")
	if _, errOut, err := run(t, "build", "--db", db); err != nil {
		t.Fatalf("build: %v\n%s", err, errOut)
	}
	tests := []struct {
		name string
		args []string
		rows int    // results printed, when no error
		err  string // in the error
	}{
		{"recursion", []string{`function f(n){return f(n+1)+1};f(0)`}, 0, "call stack is deeper"},
		{"huge join", []string{`new Array(1.5e8).join("ab")`}, 0, "RangeError: array length"},
		{"GetLimit past --limit", []string{"--limit", "5", `g.V().GetLimit(1e9)`}, 5, ""},
		{"ToArray held to --array-limit", []string{"--array-limit", "7", `g.V().ToArray().forEach(function (v) { g.Emit(v) })`}, 7, ""},
		{"answer past --max-answer", []string{"--limit", "0", "--max-answer", "1KiB", `g.V().All()`}, 0, "answer is over this server's limit of 1024 bytes"},
		{"GraphQL held to --limit", []string{"--lang", "graphql", "--limit", "3", `{ nodes { id } }`}, 1, ""},
		{"endless loop", []string{"--timeout", "200ms", `while (true) {}`}, 0, "context deadline exceeded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := run(t, append([]string{"query", "--db", db}, tt.args...)...)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var rows []any
			if err := json.Unmarshal([]byte(out), &rows); err != nil {
				t.Fatalf("%v in %.300s", err, out)
			}
			if len(rows) != tt.rows {
				t.Errorf("%d rows, want %d", len(rows), tt.rows)
			}
			if tt.name == "GraphQL held to --limit" {
				nodes, _ := rows[0].(map[string]any)["nodes"].([]any)
				if len(nodes) != 3 {
					t.Errorf("%d nodes, want 3: %.300s", len(nodes), out)
				}
			}
		})
	}
}

// A writable server beyond loopback needs a token, and refuses to start
// without one before it opens the store or listens.
func TestServeWritableNeedsToken(t *testing.T) {
	dir := t.TempDir()
	short := filepath.Join(dir, "short")
	os.WriteFile(short, []byte("abc\n"), 0o600)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--writable", "--addr", "0.0.0.0:0"}, "needs --token-file"},
		{[]string{"--writable", "--addr", "192.0.2.1:64210"}, "needs --token-file"},
		{[]string{"--writable", "--addr", "0.0.0.0:0", "--token-file", short}, "no token of 16 characters"},
		{[]string{"--token-file", filepath.Join(dir, "missing")}, "token:"},
	} {
		_, _, err := run(t, append([]string{"serve", "--db", filepath.Join(dir, "db")}, tt.args...)...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("serve %v: %v, want %q", tt.args, err, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "db")); !os.IsNotExist(err) {
		t.Errorf("the store was opened: %v", err)
	}
}

func TestLoopbackAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:64210": true, "localhost:1": true, "[::1]:80": true, "127.1.2.3:0": true,
		"0.0.0.0:64210": false, ":64210": false, "192.0.2.1:80": false, "example.org:80": false, "nonsense": false,
	} {
		if got := loopbackAddr(addr); got != want {
			t.Errorf("loopbackAddr(%q) = %v", addr, got)
		}
	}
}
