package export

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/newsgraph/newsgraph/schema"
)

// TestJSONLDRoundTrip reads the JSON-LD export back with a JSON-LD
// processor (json-gold, through cayley's quad/jsonld) and checks it gives
// the fixture's quads: absolute IRIs, schema.org terms where the context
// maps them, <type> as rdf:type, and every label as a named graph.
func TestJSONLDRoundTrip(t *testing.T) {
	qs := readFixture(t)
	const base = "https://example.org/news/"
	out := export(t, "jsonld", qs, WithBaseIRI(base))
	if !json.Valid(out) {
		t.Fatal("export is not valid JSON")
	}
	got, err := quad.ReadAll(jsonld.NewReader(bytes.NewReader(out)))
	if err != nil {
		t.Fatal(err)
	}

	term := func(iri quad.IRI) quad.IRI {
		if s, ok := jsonldTerms[string(iri)]; ok {
			return quad.IRI(schemaOrg + strings.TrimPrefix(s, "schema:"))
		}
		return quad.IRI(base + string(iri))
	}
	abs := func(v quad.Value) quad.Value {
		if iri, ok := v.(quad.IRI); ok {
			return quad.IRI(base + string(iri))
		}
		return v
	}
	want := map[string]bool{}
	for _, q := range qs {
		w := quad.Quad{Subject: abs(q.Subject), Predicate: term(q.Predicate.(quad.IRI)), Object: abs(q.Object), Label: abs(q.Label)}
		if q.Predicate == schema.Type {
			w.Predicate = quad.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
			w.Object = term(q.Object.(quad.IRI))
		}
		want[w.NQuad()] = true
	}
	gotSet := map[string]bool{}
	for _, q := range got {
		gotSet[q.NQuad()] = true
	}
	if len(got) != len(qs) || len(gotSet) != len(want) {
		t.Errorf("read back %d quads (%d distinct), want %d", len(got), len(gotSet), len(qs))
	}
	var missing, extra []string
	for k := range want {
		if !gotSet[k] {
			missing = append(missing, k)
		}
	}
	for k := range gotSet {
		if !want[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing)+len(extra) > 0 {
		t.Errorf("JSON-LD round trip: %d quads missing, %d extra\nmissing: %s\nextra: %s",
			len(missing), len(extra), strings.Join(first(missing, 5), "\n  "), strings.Join(first(extra, 5), "\n  "))
	}
}

func first(ss []string, n int) []string {
	if len(ss) > n {
		return ss[:n]
	}
	return ss
}
