package export

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

func init() {
	Register("nquads", Format{
		Writer:    WriterFunc(writeNQuads),
		Ext:       ".nq",
		MediaType: "application/n-quads",
		Summary:   "N-Quads, every quad with its provenance label, optionally with absolute IRIs (--base)",
	})
}

// writeNQuads passes the quads through in the order src gives them, holding
// nothing; with a base, relative IRIs (subjects, predicates, objects,
// labels and datatypes) are made absolute.
func writeNQuads(ctx context.Context, w io.Writer, src quad.Reader, opts Options) error {
	nw := nquads.NewWriter(w)
	base := normBase(opts.Base)
	err := eachQuad(ctx, src, func(q quad.Quad) error {
		if base != "" {
			q = quad.Quad{
				Subject:   absValue(base, q.Subject),
				Predicate: absValue(base, q.Predicate),
				Object:    absValue(base, q.Object),
				Label:     absValue(base, q.Label),
			}
		}
		if err := nw.WriteQuad(q); err != nil {
			return fmt.Errorf("write %s: %w", q.NQuad(), err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("nquads: %w", err)
	}
	if err := nw.Close(); err != nil {
		return fmt.Errorf("nquads: write: %w", err)
	}
	return nil
}

// normBase makes sure a non-empty base ends a path segment, so that
// "https://example.org/g" + "person/x" does not glue the two together.
func normBase(base string) string {
	if base != "" && !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
		base += "/"
	}
	return base
}

// absIRI prefixes base to iri unless iri already has a scheme.
func absIRI(base string, iri quad.IRI) quad.IRI {
	if iri == "" || hasScheme(string(iri)) {
		return iri
	}
	return quad.IRI(base + string(iri))
}

func absValue(base string, v quad.Value) quad.Value {
	switch v := v.(type) {
	case quad.IRI:
		return absIRI(base, v)
	case quad.TypedString:
		v.Type = absIRI(base, v.Type)
		return v
	}
	return v
}

// hasScheme reports whether s starts with an RFC 3986 scheme and a colon.
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}
