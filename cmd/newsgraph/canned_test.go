package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// The canned commands over the example articles: each prints a table whose
// rows name their source, for an argument taken from the graph itself (so
// the test does not depend on what the extractor finds).
func TestCannedCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "newsgraph.db")
	if _, errOut, err := run(t, "build", "--db", db); err != nil {
		t.Fatalf("build: %v\n%s", err, errOut)
	}
	tests := cannedArgs(t, db)
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
	// A query starting from a name, not a node, answers [] and says why.
	out, errOut, err := run(t, "query", "--db", db, `g.V("Paul Burstow").Out("<said>").All()`)
	if err != nil || strings.TrimSpace(out) != "[]" || !strings.Contains(errOut, `g.V("<person/paul-burstow>")`) {
		t.Errorf("query from a name: %q, %q, %v; want [] and a hint naming the node", out, errOut, err)
	}
	out, _, err = run(t, "who-said", "--about", `"); while(true){} ("`, "--gizmo")
	if err != nil || !strings.Contains(out, `var ARG = "\"); while(true){} (\"";`) {
		t.Errorf("--gizmo: %v\n%.500s", err, out)
	}
	if _, _, err := run(t, "who-said", "--db", db); err == nil {
		t.Error("who-said without --about ran")
	}
}

// cannedArgs returns a command line for each canned question, with an
// argument the built store db answers, and the header of its table.
func cannedArgs(t *testing.T, db string) []struct {
	args   []string
	header string
} {
	t.Helper()
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
	return []struct {
		args   []string
		header string
	}{
		{[]string{"who-said", "--about", first(`g.Emit(g.V("<Topic>").In("<type>").Tag("t").In("<about>").Back("t").Out("<name>").ToValue())`)}, "SPEAKER"},
		{[]string{"roles", first(`g.Emit(g.V("<Person>").In("<type>").Tag("p").Out("<role>").Back("p").Out("<name>").ToValue())`)}, "PERSON"},
		{[]string{"reforms", "--affecting", first(`g.Emit(g.V("<Reform>").In("<type>").Out("<affects>").Out("<name>").ToValue())`)}, "ORGANISATION"},
	}
}

// On PostgreSQL the canned commands run the questions' Gizmo programs (one
// SQL query a path, where the Go form makes a round trip an index read);
// their rows must be bolt's.
func TestCannedCommandsPostgres(t *testing.T) {
	pg := graphtest.PostgresURL(t)
	if pg == "" {
		t.Skip("no PostgreSQL")
	}
	bolt := filepath.Join(t.TempDir(), "newsgraph.db")
	for _, db := range []string{bolt, pg} {
		if _, errOut, err := run(t, "build", "--db", db); err != nil {
			t.Fatalf("build %s: %v\n%s", db, err, errOut)
		}
	}
	for _, tt := range cannedArgs(t, bolt) {
		want, errOut, err := run(t, append(tt.args, "--db", bolt, "--json")...)
		if err != nil {
			t.Fatalf("%v on bolt: %v\n%s", tt.args, err, errOut)
		}
		got, errOut, err := run(t, append(tt.args, "--db", pg, "--json")...)
		if err != nil {
			t.Fatalf("%v on PostgreSQL: %v\n%s", tt.args, err, errOut)
		}
		if g, w := sameOrderDetail(t, got), sameOrderDetail(t, want); g != w || len(want) < 10 {
			t.Errorf("%v: PostgreSQL answers\n%.2000s\nbolt\n%.2000s", tt.args, g, w)
		}
	}
}

// sameOrderDetail returns the JSON rows out with the names in each part of
// a reform's detail ("gains: A, B; opposed by: C") sorted: a detail names a
// reform's first few, in the order the store lists them, and PostgreSQL's
// order is not bolt's.
func sameOrderDetail(t *testing.T, out string) string {
	t.Helper()
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		// who-said and roles answer as package questions does: one
		// object, compared whole.
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v: %.500s", err, out)
		}
		b, _ := json.MarshalIndent(v, "", "  ")
		return string(b)
	}
	for _, r := range rows {
		d, _ := r["detail"].(string)
		parts := strings.Split(d, "; ")
		for i, p := range parts {
			if say, names, ok := strings.Cut(p, ": "); ok {
				list := strings.Split(names, ", ")
				slices.Sort(list)
				parts[i] = say + ": " + strings.Join(list, ", ")
			}
		}
		r["detail"] = strings.Join(parts, "; ")
	}
	b, err := json.MarshalIndent(rows, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
