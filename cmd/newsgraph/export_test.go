package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const exportFixture = "../../graph/export/testdata/fixture.nq"

func TestExportFromFile(t *testing.T) {
	dir := t.TempDir()
	golden := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("../../graph/export/testdata/golden", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, c := range []struct {
		args   []string
		file   string // output file, "" for stdout
		golden string
	}{
		{[]string{"--format", "gexf"}, "", "fixture.gexf"},
		{[]string{"-o", filepath.Join(dir, "g.gexf"), "--fold-quotes"}, filepath.Join(dir, "g.gexf"), "fixture.folded.gexf"},
		{[]string{"-o", filepath.Join(dir, "g.graphml")}, filepath.Join(dir, "g.graphml"), "fixture.graphml"},
		{[]string{"-f", "GEXF", "--no-timeline"}, "", "fixture.static.gexf"},
		{[]string{"-f", "jsonld"}, "", "fixture.jsonld"},
		{[]string{"-f", "nquads", "--base", "https://example.org/news"}, "", "fixture.base.nq"},
		{[]string{"-f", "csv", "-o", filepath.Join(dir, "tables")}, filepath.Join(dir, "tables", "edges.csv"), "fixture.csv.edges.csv"},
	} {
		args := append([]string{"export", "--in", exportFixture}, c.args...)
		out, errOut, err := run(t, args...)
		if err != nil {
			t.Errorf("%v: %v\n%s", args, err, errOut)
			continue
		}
		got := []byte(out)
		if c.file != "" {
			if got, err = os.ReadFile(c.file); err != nil {
				t.Errorf("%v: %v", args, err)
				continue
			}
		}
		if !bytes.Equal(got, golden(c.golden)) {
			t.Errorf("%v: output differs from graph/export/testdata/golden/%s", args, c.golden)
		}
	}

	// CSV to a .zip file holds both tables.
	zipPath := filepath.Join(dir, "tables.zip")
	if _, errOut, err := run(t, "export", "--in", exportFixture, "-o", zipPath); err != nil {
		t.Fatalf("csv zip: %v\n%s", err, errOut)
	}
	z, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	if len(z.File) != 2 || z.File[0].Name != "nodes.csv" || z.File[1].Name != "edges.csv" {
		t.Errorf("zip holds %v", z.File)
	}
}

func TestExportErrors(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "g.gexf")
	bad := filepath.Join(dir, "bad.nq")
	if err := os.WriteFile(bad, []byte("<a> <b> <c> .\nthis is not n-quads\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "dot"}, `unknown format "dot"`},
		{[]string{"--in", exportFixture, "-o", filepath.Join(dir, "g.dot")}, "no format writes .dot files"},
		{[]string{"--in", exportFixture, "-o", filepath.Join(dir, "g.csv")}, "give -o DIR or -o FILE.zip"},
		{[]string{"--in", exportFixture, "--db", "memory"}, "give one"},
		{[]string{"--in", filepath.Join(dir, "missing.nq")}, "missing.nq"},
		{[]string{"--in", bad, "-o", target}, "bad.nq"},
	} {
		_, _, err := run(t, append([]string{"export"}, c.args...)...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want one mentioning %q", c.args, err, c.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a failed export left files behind: %v", entries)
	}
}

// TestExportFromStore builds the example articles into a bolt store and
// exports it: the store's quads come out whole as N-Quads, and as GEXF they
// make a well-formed graph of people and organisations.
func TestExportFromStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "newsgraph.db")
	if _, errOut, err := run(t, "build", "--db", db); err != nil {
		t.Fatalf("build: %v\n%s", err, errOut)
	}
	nq, errOut, err := run(t, "export", "--db", db, "--format", "nquads")
	if err != nil {
		t.Fatalf("export nquads: %v\n%s", err, errOut)
	}
	if n := strings.Count(nq, " .\n"); n < 100 || !strings.Contains(nq, "<type> <Article>") {
		t.Errorf("nquads export of the store: %d quads", n)
	}
	gexf, errOut, err := run(t, "export", "--db", db, "--fold-quotes")
	if err != nil {
		t.Fatalf("export gexf: %v\n%s", err, errOut)
	}
	var doc struct {
		Nodes []struct {
			Label string `xml:"label,attr"`
		} `xml:"graph>nodes>node"`
	}
	if err := xml.Unmarshal([]byte(gexf), &doc); err != nil {
		t.Fatalf("gexf from the store: %v", err)
	}
	if len(doc.Nodes) < 10 || !strings.Contains(gexf, `value="Person"`) || strings.Contains(gexf, `value="Article"`) {
		t.Errorf("gexf from the store has %d nodes", len(doc.Nodes))
	}
}
