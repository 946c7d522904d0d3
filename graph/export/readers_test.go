package export

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"
)

// The tests in this file hand newsgraph's files to the readers analysts use:
// networkx (read_gexf, read_graphml), graphology-gexf (the GEXF parser of
// sigma.js and Gephi Lite) and the official GEXF 1.3 RELAX NG grammar via
// xmllint. .ci/setup.d/30-readers.sh installs them; without them the tests
// skip, except under NEWSGRAPH_CI=1, where a missing reader is a failure.

const readersDir = "testdata/readers"

// needReader skips the test, or fails it in CI, when a reader is missing.
func needReader(t *testing.T, what string, err error) {
	t.Helper()
	if os.Getenv("NEWSGRAPH_CI") == "1" {
		t.Fatalf("%s is missing (.ci/setup.d/30-readers.sh installs it): %v", what, err)
	}
	t.Skipf("%s is missing, skipping (run .ci/setup.d/30-readers.sh): %v", what, err)
}

// pythonsWithNetworkx returns the Python interpreters that can import
// networkx: Debian's (what CI installs) and the first python3 on PATH.
func pythonsWithNetworkx() ([]string, error) {
	var found []string
	errs := []error{}
	seen := map[string]bool{}
	for _, name := range []string{"/usr/bin/python3", "python3"} {
		path, err := exec.LookPath(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if seen[path] {
			continue
		}
		seen[path] = true
		if out, err := exec.Command(path, "-c", "import networkx").CombinedOutput(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %v: %s", path, err, out))
			continue
		}
		found = append(found, path)
	}
	if len(found) == 0 {
		return nil, errors.Join(errs...)
	}
	return found, nil
}

// readerSummary is what the reader scripts print.
type readerSummary struct {
	Networkx string `json:"networkx"`
	Directed bool   `json:"directed"`
	Mode     string `json:"mode"`
	Type     string `json:"type"`  // graphology
	Multi    bool   `json:"multi"` // graphology
	Nodes    map[string]struct {
		Label  string      `json:"label"`
		Type   string      `json:"type"`
		Spells [][2]string `json:"spells"`
		Color  string      `json:"color"`
	} `json:"nodes"`
	Edges []struct {
		Source string      `json:"source"`
		Target string      `json:"target"`
		Label  string      `json:"label"`
		Kind   *string     `json:"kind"`
		Weight float64     `json:"weight"`
		Spells [][2]string `json:"spells"`
	} `json:"edges"`
}

func runReader(t *testing.T, name string, args ...string) readerSummary {
	t.Helper()
	var s readerSummary
	runCommandJSON(t, &s, name, args...)
	return s
}

func runCommandJSON(t *testing.T, v any, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	var stderr []byte
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		stderr = ee.Stderr
	}
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, stderr)
	}
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
}

// exportFiles writes the fixture's exports into a temporary directory and
// returns their paths and the view they were written from.
func exportFiles(t *testing.T, opts ...Option) (gexf, graphml string, v *view) {
	t.Helper()
	qs := readFixture(t)
	dir := t.TempDir()
	gexf = filepath.Join(dir, "fixture.gexf")
	graphml = filepath.Join(dir, "fixture.graphml")
	if err := os.WriteFile(gexf, export(t, "gexf", qs, opts...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(graphml, export(t, "graphml", qs, opts...), 0o644); err != nil {
		t.Fatal(err)
	}
	v, err := readView(context.Background(), quad.NewReader(qs), NewOptions(opts...))
	if err != nil {
		t.Fatal(err)
	}
	return gexf, graphml, v
}

// checkSummary compares what a reader saw with the view the file was
// written from: the same nodes with the same labels and types, the same
// edges (as a multiset of source, target, label) with the same weights, and,
// when the reader reports them, the same kinds.
func checkSummary(t *testing.T, reader string, got readerSummary, v *view) {
	t.Helper()
	if len(got.Nodes) != len(v.nodes) {
		t.Errorf("%s: %d nodes, export wrote %d", reader, len(got.Nodes), len(v.nodes))
	}
	for _, n := range v.allNodes() {
		g, ok := got.Nodes[n.id]
		switch {
		case !ok:
			t.Errorf("%s: node %s missing", reader, n.id)
		case g.Label != n.label || g.Type != n.typ:
			t.Errorf("%s: node %s has label %q type %q, want %q %q", reader, n.id, g.Label, g.Type, n.label, n.typ)
		}
	}
	if len(got.Edges) != len(v.edges) {
		t.Errorf("%s: %d edges, export wrote %d", reader, len(got.Edges), len(v.edges))
	}
	key := func(source, target, label string, kind *string, weight float64) string {
		k := "-"
		if kind != nil {
			k = *kind
		}
		return fmt.Sprintf("%s -%s/%s-> %s (%g)", source, label, k, target, weight)
	}
	var gotEdges, wantEdges []string
	kinds := len(got.Edges) > 0 && got.Edges[0].Kind != nil
	for _, e := range got.Edges {
		gotEdges = append(gotEdges, key(e.Source, e.Target, e.Label, e.Kind, e.Weight))
	}
	for _, e := range v.allEdges() {
		var kind *string
		if kinds {
			kind = &e.pred
		}
		wantEdges = append(wantEdges, key(e.source, e.target, e.label, kind, float64(len(e.articles))))
	}
	sort.Strings(gotEdges)
	sort.Strings(wantEdges)
	if !reflect.DeepEqual(gotEdges, wantEdges) {
		t.Errorf("%s: edges differ\n got %q\nwant %q", reader, gotEdges, wantEdges)
	}
}

func TestNetworkxReads(t *testing.T) {
	pythons, err := pythonsWithNetworkx()
	if err != nil {
		needReader(t, "python3 with networkx (Debian python3-networkx)", err)
	}
	script := filepath.Join(readersDir, "read_networkx.py")
	wantDates := expectedEdgeDates(readFixture(t))
	gexf, graphml, v := exportFiles(t)
	gexfFolded, graphmlFolded, vFolded := exportFiles(t, WithFoldQuotes(true), WithTimeline(false))
	for _, py := range pythons {
		t.Run(py, func(t *testing.T) {
			var got []readerSummary
			runCommandJSON(t, &got, py, script, "gexf:"+gexf, "graphml:"+graphml, "gexf:"+gexfFolded, "graphml:"+graphmlFolded)
			if len(got) != 4 {
				t.Fatalf("%d summaries for 4 files", len(got))
			}
			s := got[0]
			t.Logf("networkx %s", s.Networkx)
			if !s.Directed || s.Mode != "dynamic" {
				t.Errorf("gexf read as directed=%v mode=%q, want a directed dynamic graph", s.Directed, s.Mode)
			}
			checkSummary(t, "networkx read_gexf", s, v)
			// The timeline as a reader sees it: every edge's spells are the
			// dates of its supporting articles, computed from the quads.
			for _, e := range s.Edges {
				var kind string
				for _, ve := range v.allEdges() {
					if ve.source == e.Source && ve.target == e.Target && ve.label == e.Label {
						kind = ve.pred
					}
				}
				var dates []string
				for _, sp := range e.Spells {
					if sp[0] != sp[1] {
						t.Errorf("%s -%s-> %s: spell %v is not one day", e.Source, e.Label, e.Target, sp)
					}
					dates = append(dates, sp[0])
				}
				want := wantDates[e.Source+" "+kind+" "+e.Target]
				if !reflect.DeepEqual(dates, want) {
					t.Errorf("networkx: %s -%s-> %s spells on %v, supporting articles dated %v", e.Source, e.Label, e.Target, dates, want)
				}
			}
			checkSummary(t, "networkx read_graphml", got[1], v)
			if got[2].Mode != "static" {
				t.Errorf("static gexf read as mode %q", got[2].Mode)
			}
			checkSummary(t, "networkx read_gexf (folded, static)", got[2], vFolded)
			checkSummary(t, "networkx read_graphml (folded, static)", got[3], vFolded)
		})
	}
}

func TestGraphologyReads(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		needReader(t, "node", err)
	}
	if _, err := os.Stat(filepath.Join(readersDir, "node_modules", "graphology-gexf", "package.json")); err != nil {
		needReader(t, "npm packages graphology and graphology-gexf", err)
	}
	script := filepath.Join(readersDir, "read_graphology.js")
	for _, opts := range [][]Option{nil, {WithFoldQuotes(true)}} {
		gexf, _, v := exportFiles(t, opts...)
		s := runReader(t, node, script, gexf)
		if s.Type != "directed" {
			t.Errorf("graphology read a %q graph, want directed", s.Type)
		}
		if !s.Multi {
			t.Error("graphology merged the parallel edges of different kinds")
		}
		checkSummary(t, "graphology-gexf", s, v)
		for _, n := range v.allNodes() {
			c := typeColor(n.typ)
			if want := fmt.Sprintf("rgb(%d,%d,%d)", c[0], c[1], c[2]); s.Nodes[n.id].Color != want {
				t.Errorf("graphology: node %s colour %q, want %q", n.id, s.Nodes[n.id].Color, want)
			}
		}
	}
}

// TestGEXFSchema validates the GEXF exports against the official GEXF 1.3
// RELAX NG grammar.
func TestGEXFSchema(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		needReader(t, "xmllint (Debian libxml2-utils)", err)
	}
	for _, opts := range [][]Option{nil, {WithFoldQuotes(true)}, {WithTimeline(false)}} {
		gexf, _, _ := exportFiles(t, opts...)
		out, err := exec.Command(xmllint, "--noout", "--relaxng", "testdata/gexf-1.3/gexf.rng", gexf).CombinedOutput()
		if err != nil {
			t.Errorf("%v: GEXF does not validate against the GEXF 1.3 grammar: %v\n%s", NewOptions(opts...), err, out)
		}
	}
}
