package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/schema"
)

func init() {
	Register("jsonld", Format{
		Writer:    WriterFunc(writeJSONLD),
		Ext:       ".jsonld",
		MediaType: "application/ld+json",
		Summary:   "JSON-LD with a schema.org-based context, one named graph per provenance label",
	})
}

// jsonldTerms maps newsgraph's relative IRIs (predicates and types) to the
// schema.org terms that fit them, as listed in the schema package's doc; the
// rest expand through @vocab to the base. The <type> predicate is @type.
var jsonldTerms = map[string]string{
	// types
	string(schema.Person):       "schema:Person",
	string(schema.Organization): "schema:Organization",
	string(schema.Quotation):    "schema:Quotation",
	string(schema.Topic):        "schema:DefinedTerm",
	string(schema.Article):      "schema:NewsArticle",
	// predicates
	string(schema.Name):           "schema:name",
	string(schema.Alias):          "schema:alternateName",
	string(schema.Role):           "schema:jobTitle",
	string(schema.Text):           "schema:text",
	string(schema.About):          "schema:about",
	string(schema.AffiliatedWith): "schema:affiliation",
	"member_of":                   "schema:memberOf",
	string(schema.Headline):       "schema:headline",
	string(schema.Date):           "schema:datePublished",
	string(schema.URL):            "schema:url",
}

const schemaOrg = "http://schema.org/"

// writeJSONLD writes the quads as a JSON-LD dataset: each provenance label is
// a named graph holding node objects, one per subject, so reading the file
// back gives the same quads with absolute IRIs and schema.org terms. The
// quads are held once, as indices into a table of distinct values, sorted,
// and streamed out.
func writeJSONLD(ctx context.Context, w io.Writer, src quad.Reader, opts Options) error {
	base := normBase(opts.Base)
	if base == "" {
		base = schema.BaseIRI
	}
	t := newQuadTable()
	if err := eachQuad(ctx, src, t.add); err != nil {
		return fmt.Errorf("jsonld: %w", err)
	}
	t.sort()

	j := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10), base: base}
	j.raw("{\n  \"@context\": {\n    \"@vocab\": ")
	j.str(base)
	j.raw(",\n    \"schema\": ")
	j.str(schemaOrg)
	terms := make([]string, 0, len(jsonldTerms))
	for k := range jsonldTerms {
		terms = append(terms, k)
	}
	sort.Strings(terms)
	for _, k := range terms {
		j.raw(",\n    ")
		j.str(k)
		j.raw(": ")
		j.str(jsonldTerms[k])
	}
	j.raw("\n  },\n  \"@graph\": [")

	firstTop := true
	for i := 0; i < len(t.quads); {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("jsonld: %w", err)
		}
		label := t.quads[i][3]
		end := i
		for end < len(t.quads) && t.quads[end][3] == label {
			end++
		}
		indent := "\n    "
		if label != 0 {
			j.sep(&firstTop, "\n    {\n      \"@id\": ")
			j.id(t.vals[label])
			j.raw(",\n      \"@graph\": [")
			indent = "\n        "
			first := true
			for k := i; k < end; {
				k = j.node(t, k, end, indent, &first)
			}
			j.raw("\n      ]\n    }")
		} else {
			for k := i; k < end; {
				k = j.node(t, k, end, indent, &firstTop)
			}
		}
		i = end
	}
	j.raw("\n  ]\n}\n")
	if err := j.w.Flush(); err != nil {
		return fmt.Errorf("jsonld: write: %w", err)
	}
	return nil
}

// quadTable holds quads as four indices into a table of distinct values
// (index 0 is "no value", for quads without a label).
type quadTable struct {
	idx   interner[quad.Value]
	vals  []quad.Value
	quads [][4]uint32 // subject, predicate, object, label
	rank  []uint32    // by value index: position in sorted order
}

func newQuadTable() *quadTable {
	t := &quadTable{vals: []quad.Value{nil}}
	t.idx.id(nil) // number 0: no value
	return t
}

func (t *quadTable) value(v quad.Value) uint32 {
	if v == nil {
		return 0
	}
	switch v.(type) {
	case quad.IRI, quad.BNode, quad.String, quad.TypedString, quad.LangString,
		quad.Int, quad.Float, quad.Bool, quad.Time:
	default:
		// Other implementations may not be comparable map keys.
		v = quad.String(v.String())
	}
	i, isNew := t.idx.id(v)
	if isNew {
		t.vals = append(t.vals, v)
	}
	return i
}

func (t *quadTable) add(q quad.Quad) error {
	if !q.IsValid() {
		return nil
	}
	t.quads = append(t.quads, [4]uint32{t.value(q.Subject), t.value(q.Predicate), t.value(q.Object), t.value(q.Label)})
	return nil
}

// sort orders the quads by label, subject, predicate and object, dropping
// duplicates; the index is no longer needed after it.
func (t *quadTable) sort() {
	t.idx = interner[quad.Value]{}
	order := make([]uint32, len(t.vals))
	for i := range order {
		order[i] = uint32(i)
	}
	sort.Slice(order, func(a, b int) bool { return lessValue(t.vals[order[a]], t.vals[order[b]]) })
	t.rank = make([]uint32, len(t.vals))
	for r, i := range order {
		t.rank[i] = uint32(r)
	}
	rk := func(q [4]uint32) [4]uint32 {
		return [4]uint32{t.rank[q[3]], t.rank[q[0]], t.rank[q[1]], t.rank[q[2]]}
	}
	sort.Slice(t.quads, func(a, b int) bool {
		x, y := rk(t.quads[a]), rk(t.quads[b])
		for i := range x {
			if x[i] != y[i] {
				return x[i] < y[i]
			}
		}
		return false
	})
	out := t.quads[:0]
	for i, q := range t.quads {
		if i == 0 || q != t.quads[i-1] {
			out = append(out, q)
		}
	}
	t.quads = out
}

// lessValue orders values: nothing, IRIs, blank nodes, then literals, each
// by their text.
func lessValue(a, b quad.Value) bool {
	ka, sa, xa := sortKey(a)
	kb, sb, xb := sortKey(b)
	if ka != kb {
		return ka < kb
	}
	if sa != sb {
		return sa < sb
	}
	return xa < xb
}

func sortKey(v quad.Value) (int, string, string) {
	switch v := v.(type) {
	case nil:
		return 0, "", ""
	case quad.IRI:
		return 1, string(v), ""
	case quad.BNode:
		return 2, string(v), ""
	case quad.String:
		return 3, string(v), ""
	case quad.LangString:
		return 4, string(v.Value), v.Lang
	case quad.TypedString:
		return 5, string(v.Value), string(v.Type)
	}
	return 6, v.String(), ""
}

// jsonWriter writes JSON by hand onto a buffered writer; errors are sticky
// in bufio.Writer and surface at flush.
type jsonWriter struct {
	w    *bufio.Writer
	base string
}

func (j *jsonWriter) raw(s string) { j.w.WriteString(s) }

// sep writes s, preceded by a comma unless it is the first item of a list.
func (j *jsonWriter) sep(first *bool, s string) {
	if !*first {
		j.w.WriteByte(',')
	}
	*first = false
	j.raw(s)
}

// node writes the node object of the subject of quads[i] (all of its quads
// up to end, which share a label) and returns the index after them.
func (j *jsonWriter) node(t *quadTable, i, end int, indent string, first *bool) int {
	s := t.quads[i][0]
	stop := i
	for stop < end && t.quads[stop][0] == s {
		stop++
	}
	in := indent + "  "
	j.sep(first, indent+"{"+in+`"@id": `)
	j.id(t.vals[s])
	// @type first, then the other predicates in order.
	var types []quad.Value
	for k := i; k < stop; k++ {
		q := t.quads[k]
		if isTypePred(t.vals[q[1]]) && isIRI(t.vals[q[2]]) {
			types = append(types, t.vals[q[2]])
		}
	}
	if len(types) > 0 {
		j.raw("," + in + `"@type": `)
		if len(types) > 1 {
			j.raw("[")
		}
		for n, ty := range types {
			if n > 0 {
				j.raw(", ")
			}
			j.typeName(ty.(quad.IRI))
		}
		if len(types) > 1 {
			j.raw("]")
		}
	}
	for k := i; k < stop; {
		p := t.quads[k][1]
		pe := k
		for pe < stop && t.quads[pe][1] == p {
			pe++
		}
		var objs []quad.Value
		for n := k; n < pe; n++ {
			o := t.vals[t.quads[n][2]]
			if isTypePred(t.vals[p]) && isIRI(o) {
				continue
			}
			objs = append(objs, o)
		}
		if len(objs) > 0 {
			j.raw("," + in)
			j.property(t.vals[p], len(objs) > 0 && isTypePred(t.vals[p]))
			j.raw(": ")
			if len(objs) > 1 {
				j.raw("[")
			}
			for n, o := range objs {
				if n > 0 {
					j.raw(", ")
				}
				j.object(o)
			}
			if len(objs) > 1 {
				j.raw("]")
			}
		}
		k = pe
	}
	j.raw(indent + "}")
	return stop
}

func isTypePred(p quad.Value) bool { return p == quad.Value(schema.Type) }

func isIRI(v quad.Value) bool {
	_, ok := v.(quad.IRI)
	return ok
}

// property writes a predicate as a key: its schema.org term, or its
// relative name (expanded by @vocab) when that is a plain word, or its
// absolute IRI. literalType is set for a <type> with literal values, which
// cannot be @type and so is written as an absolute IRI.
func (j *jsonWriter) property(p quad.Value, literalType bool) {
	iri, ok := p.(quad.IRI)
	if !ok {
		j.str(p.String())
		return
	}
	if _, known := jsonldTerms[string(iri)]; known && !literalType {
		j.str(string(iri))
		return
	}
	if isPlainTerm(string(iri)) && !literalType {
		j.str(string(iri))
		return
	}
	j.str(string(absIRI(j.base, iri)))
}

// typeName writes a type IRI as a term when the context has one.
func (j *jsonWriter) typeName(iri quad.IRI) {
	if _, known := jsonldTerms[string(iri)]; known {
		j.str(string(iri))
		return
	}
	j.str(string(absIRI(j.base, iri)))
}

// isPlainTerm reports whether a relative IRI can be a JSON-LD key as it is:
// a word, which is neither a keyword ("@…") nor a compact IRI ("a:b").
func isPlainTerm(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '-')) {
			return false
		}
	}
	return true
}

func (j *jsonWriter) id(v quad.Value) {
	switch v := v.(type) {
	case quad.IRI:
		j.str(string(absIRI(j.base, v)))
	case quad.BNode:
		j.str("_:" + string(v))
	default:
		j.str(quad.StringOf(v))
	}
}

func (j *jsonWriter) object(v quad.Value) {
	switch v := v.(type) {
	case quad.IRI, quad.BNode:
		j.raw(`{"@id": `)
		j.id(v)
		j.raw("}")
	case quad.String:
		j.str(string(v))
	case quad.LangString:
		j.raw(`{"@value": `)
		j.str(string(v.Value))
		j.raw(`, "@language": `)
		j.str(v.Lang)
		j.raw("}")
	case quad.TypedString:
		j.typed(v)
	case quad.TypedStringer:
		j.typed(v.TypedString())
	default:
		j.str(v.String())
	}
}

func (j *jsonWriter) typed(v quad.TypedString) {
	j.raw(`{"@value": `)
	j.str(string(v.Value))
	j.raw(`, "@type": `)
	j.str(string(absIRI(j.base, v.Type)))
	j.raw("}")
}

// str writes s as a JSON string. Unlike encoding/json it leaves <, > and &
// alone (this is a data file, not HTML) but escapes U+2028 and U+2029 so
// the output is also valid JavaScript.
func (j *jsonWriter) str(s string) {
	w := j.w
	w.WriteByte('"')
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			w.WriteString(s[last:i])
			switch c {
			case '"':
				w.WriteString(`\"`)
			case '\\':
				w.WriteString(`\\`)
			case '\n':
				w.WriteString(`\n`)
			case '\r':
				w.WriteString(`\r`)
			case '\t':
				w.WriteString(`\t`)
			default:
				w.WriteString(`\u00`)
				w.WriteString(strconv.FormatUint(uint64(c)>>4, 16))
				w.WriteString(strconv.FormatUint(uint64(c)&0xF, 16))
			}
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			w.WriteString(s[last:i])
			if r == utf8.RuneError {
				w.WriteString(`\ufffd`)
			} else {
				w.WriteString(`\u202`)
				w.WriteString(strconv.FormatUint(uint64(r&0xF), 16))
			}
			i += size
			last = i
			continue
		}
		i += size
	}
	w.WriteString(s[last:])
	w.WriteByte('"')
}
