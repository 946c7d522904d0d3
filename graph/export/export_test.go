package export

import (
	"bytes"
	"context"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestRegistry(t *testing.T) {
	if got, want := Formats(), []string{"csv", "gexf", "graphml", "jsonld", "nquads"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Formats() = %v, want %v", got, want)
	}
	for _, c := range []struct{ ext, name string }{{".gexf", "gexf"}, {".GraphML", "graphml"}, {".nq", "nquads"}, {".jsonld", "jsonld"}, {".zip", "csv"}} {
		if got, ok := ForExt(c.ext); !ok || got != c.name {
			t.Errorf("ForExt(%q) = %q, %v; want %q", c.ext, got, ok, c.name)
		}
	}
	if _, ok := ForExt(".txt"); ok {
		t.Error("ForExt(.txt) found a format")
	}
	if f, ok := Lookup("GEXF"); !ok || f.MediaType != "application/gexf+xml" {
		t.Errorf("Lookup(GEXF) = %+v, %v", f, ok)
	}
	err := Write(context.Background(), "dot", io.Discard, quad.NewReader(nil))
	if !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), "gexf") {
		t.Errorf("Write(dot) error %v, want ErrUnknownFormat listing the formats", err)
	}
	if _, ok := Lookup("csv"); ok {
		if _, isDir := mustLookup(t, "csv").Writer.(DirWriter); !isDir {
			t.Error("csv cannot write a directory")
		}
	}
}

func mustLookup(t *testing.T, name string) Format {
	f, ok := Lookup(name)
	if !ok {
		t.Fatalf("no format %q", name)
	}
	return f
}

func TestRegisterMisuse(t *testing.T) {
	for _, c := range []struct {
		name string
		f    Format
	}{
		{"gexf", Format{Writer: WriterFunc(writeGEXF)}}, // taken
		{"", Format{Writer: WriterFunc(writeGEXF)}},
		{"nowriter", Format{}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Register(%q) did not panic", c.name)
				}
			}()
			Register(c.name, c.f)
		}()
	}
}

// TestEmpty checks every format on an empty graph: well-formed, and no
// node or edge conjured up.
func TestEmpty(t *testing.T) {
	for _, name := range Formats() {
		out := export(t, name, nil)
		switch name {
		case "nquads":
			if len(out) != 0 {
				t.Errorf("nquads: %q for no quads", out)
			}
		case "gexf":
			if !bytes.Contains(out, []byte(`<nodes count="0">`)) || !bytes.Contains(out, []byte(`mode="static"`)) {
				t.Errorf("gexf for no quads:\n%s", out)
			}
		}
		checkWellFormed(t, name, out)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, name := range Formats() {
		err := Write(ctx, name, io.Discard, quad.NewReader(readFixture(t)))
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: error %v on a cancelled context", name, err)
		}
	}
}

type failingReader struct{ n int }

func (r *failingReader) ReadQuad() (quad.Quad, error) {
	if r.n == 0 {
		return quad.Quad{}, errors.New("disk on fire")
	}
	r.n--
	return quad.MakeIRI("a", "b", "c", "article/x"), nil
}

func TestReadError(t *testing.T) {
	for _, name := range Formats() {
		err := Write(context.Background(), name, io.Discard, &failingReader{n: 3})
		if err == nil || !strings.Contains(err.Error(), "disk on fire") || !strings.HasPrefix(err.Error(), name+":") {
			t.Errorf("%s: error %v, want the reader's error prefixed by the format", name, err)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	for _, name := range Formats() {
		err := Write(context.Background(), name, failingWriter{}, quad.NewReader(readFixture(t)))
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s: error %v, want the writer's error", name, err)
		}
	}
}

func TestNQuadsBase(t *testing.T) {
	in := []quad.Quad{
		quad.MakeIRI("person/x", "said", "http://example.com/q", "article/a#s1"),
		{Subject: quad.IRI("article/a"), Predicate: quad.IRI("date"), Object: quad.TypedString{Value: "2011-01-01", Type: "xsd-date"}},
		{Subject: quad.BNode("b"), Predicate: quad.IRI("urn:x:p"), Object: quad.String("text")},
	}
	got := string(export(t, "nquads", in, WithBaseIRI("https://n.example/g")))
	want := `<https://n.example/g/person/x> <https://n.example/g/said> <http://example.com/q> <https://n.example/g/article/a#s1> .
<https://n.example/g/article/a> <https://n.example/g/date> "2011-01-01"^^<https://n.example/g/xsd-date> .
_:b <urn:x:p> "text" .
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
