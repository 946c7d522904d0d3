package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// The canned commands over the example articles: each prints a table whose
// rows name their source, for an argument taken from the graph itself (so
// the test does not depend on what the extractor finds).
func TestCannedCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "newsgraph.db")
	if _, errOut, err := run(t, "build", "--db", db); err != nil {
		t.Fatalf("build: %v\n%s", err, errOut)
	}
	first := func(q string) string {
		out, errOut, err := run(t, "query", "--db", db, q)
		if err != nil {
			t.Fatalf("query %s: %v\n%s", q, err, errOut)
		}
		var res []string
		if err := json.Unmarshal([]byte(out), &res); err != nil || len(res) == 0 {
			t.Fatalf("query %s: %s (%v)", q, out, err)
		}
		return res[0]
	}
	tests := []struct {
		args   []string
		header string
	}{
		{[]string{"who-said", "--about", first(`g.Emit(g.V("<Topic>").In("<type>").Tag("t").In("<about>").Back("t").Out("<name>").ToValue())`)}, "SPEAKER"},
		{[]string{"roles", first(`g.Emit(g.V("<Person>").In("<type>").Tag("p").Out("<role>").Back("p").Out("<name>").ToValue())`)}, "PERSON"},
		{[]string{"reforms", "--affecting", first(`g.Emit(g.V("<Reform>").In("<type>").Out("<affects>").Out("<name>").ToValue())`)}, "ORGANISATION"},
	}
	for _, tt := range tests {
		out, errOut, err := run(t, append(tt.args, "--db", db)...)
		if err != nil {
			t.Errorf("%v: %v\n%s", tt.args, err, errOut)
			continue
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if !strings.HasPrefix(lines[0], tt.header) || !strings.HasSuffix(strings.TrimSpace(lines[0]), "SOURCE") || len(lines) < 2 {
			t.Errorf("%v: table\n%s", tt.args, out)
		}
		for _, l := range lines[1:] {
			if !strings.Contains(l, "article/") {
				t.Errorf("%v: row without a source: %s", tt.args, l)
			}
		}
	}

	out, _, err := run(t, "roles", "Nobody At All", "--db", db)
	if err == nil || out != "" {
		t.Errorf("roles of nobody: %q, %v; want an error", out, err)
	}
	out, _, err = run(t, "who-said", "--about", `"); while(true){} ("`, "--gizmo")
	if err != nil || !strings.Contains(out, `var ARG = "\"); while(true){} (\"";`) {
		t.Errorf("--gizmo: %v\n%.500s", err, out)
	}
	if _, _, err := run(t, "who-said", "--db", db); err == nil {
		t.Error("who-said without --about ran")
	}
}
