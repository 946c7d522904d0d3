package export

import (
	"bytes"
	"encoding/xml"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/schema"
)

// expectedEdgeDates works out, straight from the quads and independently of
// the view, the dates each edge of the node-link view must carry: for every
// quad linking two content nodes, the date of the article its label belongs
// to. Keys are "source predicate target".
func expectedEdgeDates(qs []quad.Quad) map[string][]string {
	dates := map[quad.IRI]string{}
	provenance := map[quad.Value]bool{}
	for _, q := range qs {
		switch q.Predicate {
		case schema.Date:
			if d, ok := dateOf(q.Object); ok {
				dates[q.Subject.(quad.IRI)] = d
			}
		case schema.Type:
			if q.Object == schema.Article || q.Object == schema.Sentence {
				provenance[q.Subject] = true
			}
		}
	}
	meta := map[quad.IRI]bool{schema.Type: true, schema.MentionedIn: true, schema.SentenceOf: true}
	out := map[string][]string{}
	for _, q := range qs {
		if _, isIRI := q.Object.(quad.IRI); !isIRI || meta[q.Predicate.(quad.IRI)] {
			continue
		}
		if provenance[q.Subject] || provenance[q.Object] {
			continue
		}
		k := string(q.Subject.(quad.IRI)) + " " + string(q.Predicate.(quad.IRI)) + " " + string(q.Object.(quad.IRI))
		set := out[k]
		if d := dates[schema.ArticleOf(q.Label.(quad.IRI))]; d != "" && !contains(set, d) {
			set = append(set, d)
			sort.Strings(set)
		}
		out[k] = set
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// gexfDoc is the part of a GEXF file the timeline check reads.
type gexfDoc struct {
	Graph struct {
		Mode       string `xml:"mode,attr"`
		TimeFormat string `xml:"timeformat,attr"`
		Edges      []struct {
			Source string      `xml:"source,attr"`
			Target string      `xml:"target,attr"`
			Kind   string      `xml:"kind,attr"`
			Spells []gexfSpell `xml:"spells>spell"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

type gexfSpell struct {
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}

// TestTimeline checks the dynamic GEXF: it is dynamic with date times, and
// every edge's spells are exactly the dates of the articles supporting it,
// each a single day (undated articles add none).
func TestTimeline(t *testing.T) {
	qs := readFixture(t)
	want := expectedEdgeDates(qs)
	var doc gexfDoc
	if err := xml.NewDecoder(bytes.NewReader(export(t, "gexf", qs))).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if doc.Graph.Mode != "dynamic" || doc.Graph.TimeFormat != "date" {
		t.Fatalf(`graph mode=%q timeformat=%q, want "dynamic" and "date"`, doc.Graph.Mode, doc.Graph.TimeFormat)
	}
	if len(doc.Graph.Edges) != len(want) {
		t.Errorf("%d edges, want %d", len(doc.Graph.Edges), len(want))
	}
	spanned := 0
	for _, e := range doc.Graph.Edges {
		k := e.Source + " " + e.Kind + " " + e.Target
		exp, ok := want[k]
		if !ok {
			t.Errorf("unexpected edge %s", k)
			continue
		}
		var got []string
		for _, s := range e.Spells {
			if s.Start != s.End {
				t.Errorf("%s: spell %s..%s spans more than the article's day", k, s.Start, s.End)
			}
			got = append(got, s.Start)
		}
		if !reflect.DeepEqual(got, exp) {
			t.Errorf("%s: spells on %v, supporting articles dated %v", k, got, exp)
		}
		if len(got) > 1 {
			spanned++
		}
	}
	if spanned == 0 {
		t.Error("no edge is supported by articles of several dates: the fixture no longer tests the timeline")
	}

	// Without a timeline the same graph is static and has no spells.
	static := export(t, "gexf", qs, WithTimeline(false))
	if !bytes.Contains(static, []byte(`mode="static"`)) || bytes.Contains(static, []byte("<spell")) {
		t.Error("WithTimeline(false) still writes a dynamic graph")
	}
}

func TestDateOf(t *testing.T) {
	for _, c := range []struct {
		in   quad.Value
		want string
	}{
		{quad.String("2011-03-14"), "2011-03-14"},
		{quad.String("2011-03-14T09:30:00Z"), "2011-03-14"},
		{quad.TypedString{Value: "2011-06-20", Type: "http://www.w3.org/2001/XMLSchema#date"}, "2011-06-20"},
		{quad.LangString{Value: "2011-06-20", Lang: "en"}, "2011-06-20"},
		{quad.Time(mustTime(t, "2012-01-02T23:00:00Z")), "2012-01-02"},
		{quad.String("14 March 2011"), ""},
		{quad.String("2011-02-30"), ""},
		{quad.String("2011"), ""},
		{quad.IRI("2011-03-14"), ""},
		{quad.Int(20110314), ""},
		{nil, ""},
	} {
		got, ok := dateOf(c.in)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("dateOf(%#v) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
