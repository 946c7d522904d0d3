package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"testing"

	"github.com/cayleygraph/quad/nquads"
)

// checkWellFormed parses an export with the standard library's XML, JSON or
// zip reader.
func checkWellFormed(t *testing.T, format string, out []byte) {
	t.Helper()
	switch format {
	case "gexf", "graphml":
		d := xml.NewDecoder(bytes.NewReader(out))
		for {
			_, err := d.Token()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				t.Fatalf("%s: not well-formed XML: %v\n%s", format, err, out)
			}
		}
	case "jsonld":
		if !json.Valid(out) {
			t.Fatalf("jsonld: not valid JSON:\n%s", out)
		}
	case "csv":
		if _, err := zip.NewReader(bytes.NewReader(out), int64(len(out))); err != nil {
			t.Fatalf("csv: not a zip archive: %v", err)
		}
	}
}

// FuzzExport feeds arbitrary N-Quads to every format: whatever the quads
// say, the writers must not panic and must write well-formed files.
func FuzzExport(f *testing.F) {
	fixture, err := os.ReadFile(fixturePath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(fixture)
	f.Add([]byte(`<a> <type> <Article> <a> .` + "\n" + `<a> <date> "2011-13-45" <a> .` + "\n" + `<x> <p> <a> <a#s1> .`))
	f.Add([]byte(`_:b <said> <q> .` + "\n" + `<q> <type> <Quotation> .` + "\n" + `<q> <text> "\u0000\u0007<&>\"'\u2028\uFFFE" .` + "\n" + `<q> <about> <q> .`))
	f.Add([]byte(`<@id> <a:b> "x"@en <l> .` + "\n" + `<s> <type> "literal type" .` + "\n" + `<s> <label> "reserved" .`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range Formats() {
			var buf bytes.Buffer
			err := Write(context.Background(), name, &buf, nquads.NewReader(bytes.NewReader(data), false), WithFoldQuotes(len(data)%2 == 0))
			if err != nil {
				return // a parse error of the input, reported, is fine
			}
			checkWellFormed(t, name, buf.Bytes())
		}
	})
}
