package export

import (
	"archive/zip"
	"bytes"
	"context"
	"flag"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

const fixturePath = "testdata/fixture.nq"

// readFixture returns the fixture's quads.
func readFixture(t testing.TB) []quad.Quad {
	t.Helper()
	f, err := os.Open(fixturePath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, err := quad.ReadAll(nquads.NewReader(f, false))
	if err != nil {
		t.Fatalf("%s: %v", fixturePath, err)
	}
	if len(qs) < 100 {
		t.Fatalf("%s: only %d quads", fixturePath, len(qs))
	}
	return qs
}

// goldenCases are the exports checked against testdata/golden.
var goldenCases = []struct {
	name, format string
	opts         []Option
}{
	{"fixture.gexf", "gexf", nil},
	{"fixture.folded.gexf", "gexf", []Option{WithFoldQuotes(true)}},
	{"fixture.static.gexf", "gexf", []Option{WithTimeline(false)}},
	{"fixture.graphml", "graphml", nil},
	{"fixture.jsonld", "jsonld", nil},
	{"fixture.csv.zip", "csv", nil},
	{"fixture.nq", "nquads", nil},
	{"fixture.base.nq", "nquads", []Option{WithBaseIRI("https://example.org/news")}},
}

func export(t testing.TB, format string, qs []quad.Quad, opts ...Option) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), format, &buf, quad.NewReader(append([]quad.Quad(nil), qs...)), opts...); err != nil {
		t.Fatalf("export %s: %v", format, err)
	}
	return buf.Bytes()
}

// goldenFiles turns an export into the files compared: a zip becomes its
// members, so that the golden CSV tables are readable in a diff.
func goldenFiles(t *testing.T, name string, out []byte) map[string][]byte {
	t.Helper()
	if filepath.Ext(name) != ".zip" {
		return map[string][]byte{name: out}
	}
	z, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	files := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[name[:len(name)-len(".zip")]+"."+f.Name] = b
	}
	if len(files) != 2 {
		t.Errorf("%s: %d files in the archive, want nodes.csv and edges.csv", name, len(files))
	}
	return files
}

func TestGolden(t *testing.T) {
	qs := readFixture(t)
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			for name, got := range goldenFiles(t, c.name, export(t, c.format, qs, c.opts...)) {
				path := filepath.Join("testdata", "golden", name)
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the golden file; diff it with go test -update and git diff\n%s", path, firstDiff(got, want))
				}
			}
		})
	}
}

// TestOrderIndependent checks that the sorted formats give the same bytes
// whatever order the store hands the quads over in.
func TestOrderIndependent(t *testing.T) {
	qs := readFixture(t)
	shuffled := append([]quad.Quad(nil), qs...)
	rand.New(rand.NewSource(1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	doubled := append(append([]quad.Quad(nil), shuffled...), qs...) // duplicates must not count twice
	for _, c := range goldenCases {
		if c.format == "nquads" {
			continue // a pass-through keeps the source's order by design
		}
		want := export(t, c.format, qs, c.opts...)
		for _, in := range [][]quad.Quad{shuffled, doubled} {
			if got := export(t, c.format, in, c.opts...); !bytes.Equal(got, want) {
				t.Errorf("%s: output depends on the order of the input quads\n%s", c.name, firstDiff(got, want))
			}
		}
	}
}

func firstDiff(got, want []byte) string {
	gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w []byte
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if !bytes.Equal(g, w) {
			return "line " + itoa(i+1) + ":\n got: " + string(g) + "\nwant: " + string(w)
		}
	}
	return ""
}
