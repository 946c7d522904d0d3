package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
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

// TestExportOutputAsRedirection: -o writes where "> FILE" would: through a
// symbolic link to its target, leaving the link, and into a device as it is.
func TestExportOutputAsRedirection(t *testing.T) {
	dir := t.TempDir()
	want, _, err := run(t, "export", "--in", exportFixture, "-f", "nquads")
	if err != nil || want == "" {
		t.Fatalf("export to stdout: %q, %v", want, err)
	}
	export := func(out string) error {
		_, errOut, err := run(t, "export", "--in", exportFixture, "-f", "nquads", "-o", out)
		if err != nil {
			return fmt.Errorf("%w\n%s", err, errOut)
		}
		return nil
	}
	isLink := func(path, to string) {
		t.Helper()
		if got, err := os.Readlink(path); err != nil || got != to {
			t.Errorf("%s: link to %q (%v), want a link to %q", path, got, err, to)
		}
	}
	holds := func(path string) {
		t.Helper()
		if got, err := os.ReadFile(path); err != nil || string(got) != want {
			t.Errorf("%s holds %d bytes (%v), want the export's %d", path, len(got), err, len(want))
		}
	}

	// A link to an existing file, kept with its permissions.
	target := filepath.Join(dir, "target.nq")
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.nq")
	os.Symlink("target.nq", link)
	if err := export(link); err != nil {
		t.Fatal(err)
	}
	isLink(link, "target.nq")
	holds(target)
	if info, err := os.Stat(target); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("target's mode is %v (%v), want 0600 kept", info.Mode(), err)
	}

	// A chain of links, the last dangling: the file is made where it points.
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	os.Symlink(filepath.Join(sub, "new.nq"), filepath.Join(dir, "b.nq"))
	os.Symlink("b.nq", filepath.Join(dir, "a.nq"))
	if err := export(filepath.Join(dir, "a.nq")); err != nil {
		t.Fatal(err)
	}
	isLink(filepath.Join(dir, "a.nq"), "b.nq")
	holds(filepath.Join(sub, "new.nq"))

	// A loop is an error naming it.
	os.Symlink("loop2.nq", filepath.Join(dir, "loop1.nq"))
	os.Symlink("loop1.nq", filepath.Join(dir, "loop2.nq"))
	if err := export(filepath.Join(dir, "loop1.nq")); err == nil || !strings.Contains(err.Error(), "symbolic links") {
		t.Errorf("export onto a link loop: %v", err)
	}

	// A device stays a device, directly and through a link.
	os.Symlink("/dev/null", filepath.Join(dir, "null.nq"))
	for _, out := range []string{"/dev/null", filepath.Join(dir, "null.nq")} {
		if err := export(out); err != nil {
			t.Fatalf("-o %s: %v", out, err)
		}
		if info, err := os.Stat("/dev/null"); err != nil || info.Mode()&os.ModeCharDevice == 0 {
			t.Fatalf("after -o %s, /dev/null is %v (%v), not a character device", out, info.Mode(), err)
		}
	}
	isLink(filepath.Join(dir, "null.nq"), "/dev/null")
	if m, _ := filepath.Glob(filepath.Join("/dev", ".null*")); len(m) > 0 {
		t.Errorf("temporary files left in /dev: %v", m)
	}
}
