package canned

import (
	"strings"

	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
)

// The Go form of each question: the same look-ups as its Gizmo program, in
// the same order, giving the same rows (TestGoMatchesGizmo). Run uses it:
// without a JavaScript interpreter between them, and with the key-value
// stores' object+predicate index for incoming edges, a question reads a
// few dozen index entries per row instead of every edge of a hub.
var natives = map[string]func(r *reader, arg string){
	"who-said": (*reader).whoSaid,
	"roles":    (*reader).roles,
	"reforms":  (*reader).reforms,
}

func (r *reader) whoSaid(arg string) {
	for _, topic := range r.find(arg, "<Topic>", "topic") {
		if r.full() {
			return
		}
		topicName := r.nameOf(topic)
		seen := map[string]bool{}
		r.edges(topic, "about", true, false, func(e edge) bool {
			quote := e.id
			if seen[quote] {
				return true
			}
			seen[quote] = true
			said := byNode(r.edgeList(quote, "said", true), nil)
			if len(said) == 0 {
				return !r.full()
			}
			text, _ := r.value(path.StartPath(r.qs, node(quote)).Out(quad.IRI("text")))
			sortLinked(said, func(x, y linked) int {
				if c := jsCompare(r.nameOf(x.id), r.nameOf(y.id)); c != 0 {
					return c
				}
				return jsCompare(x.id, y.id)
			})
			for _, s := range said {
				r.emit(r.withSource(Row{
					"topic": topic, "topic_name": topicName,
					"speaker": s.id, "speaker_name": r.nameOf(s.id),
					"quote": quote, "text": text,
				}, s.labels[0]))
			}
			return !r.full()
		})
	}
}

// notAffiliations are the predicates from a person that name no
// organisation they belong to.
var notAffiliations = []string{"<type>", "<name>", "<alias>", "<role>", "<said>", "<mentioned_in>",
	"<supports>", "<opposes>", "<text>", "<about>"}

func (r *reader) roles(arg string) {
	var rows []Row
	for _, person := range r.find(arg, "<Person>", "person") {
		name := r.nameOf(person)
		type org struct{ id, relation string }
		type sentence struct {
			titles []string
			orgs   []org
		}
		byLabel := map[string]*sentence{}
		var labels []string
		at := func(l string) *sentence {
			if byLabel[l] == nil {
				byLabel[l] = &sentence{}
				labels = append(labels, l)
			}
			return byLabel[l]
		}
		for _, e := range r.edgeList(person, "role", false) {
			at(e.source).titles = append(at(e.source).titles, e.id)
		}
		for _, pred := range uniqStrings(r.values(path.StartPath(r.qs, node(person)).OutPredicates(), -1)) {
			if contains(notAffiliations, pred) {
				continue
			}
			for _, e := range r.edgeList(person, iri(pred), false) {
				if r.isA(e.id, "<Organization>") {
					at(e.source).orgs = append(at(e.source).orgs, org{e.id, pred})
				}
			}
		}
		for _, label := range labels {
			s := byLabel[label]
			row := func(title string, o *org) Row {
				row := Row{"person": person, "person_name": name, "role": title,
					"organisation": "", "organisation_name": "", "relation": "",
					"source": label, "article": articleOf(label)}
				if o != nil {
					row["organisation"], row["organisation_name"], row["relation"] = o.id, r.nameOf(o.id), o.relation
				}
				return row
			}
			// One role and one organisation in a sentence belong together;
			// with several of each, which goes with which is not known.
			if len(s.titles) <= 1 || len(s.orgs) <= 1 {
				titles := s.titles
				if len(titles) == 0 {
					titles = []string{""}
				}
				for _, t := range titles {
					if len(s.orgs) == 0 {
						rows = append(rows, row(t, nil))
					}
					for i := range s.orgs {
						rows = append(rows, row(t, &s.orgs[i]))
					}
				}
			} else {
				for _, t := range s.titles {
					rows = append(rows, row(t, nil))
				}
				for i := range s.orgs {
					rows = append(rows, row("", &s.orgs[i]))
				}
			}
		}
	}
	r.emitSorted(rows, []string{"person_name", "article", "source", "role", "organisation_name", "relation", "person", "organisation"},
		func(row Row) Row { return r.withSource(row, row["source"]) })
}

// direct are the edges between organisations that report a reform, with
// how each reads from its subject and from its object.
var direct = []struct{ pred, out, in string }{
	{"<replaced_by>", "replaced by", "replaces"},
	{"<transfers_to>", "functions move to", "takes functions from"},
	{"<merges_into>", "merges into", "absorbs"},
}

// reformRoles are the edges from a reform node to the organisations it
// names, and what each makes of the organisation.
var reformRoles = []struct{ pred, how string }{
	{"<affects>", "affected"}, {"<gains>", "gains functions"}, {"<agent>", "carries it out"},
}

func (r *reader) reforms(arg string) {
	var rows []Row
	kinds := map[string]string{}
	kindOf := func(reform string) string {
		if k, ok := kinds[reform]; ok {
			return k
		}
		k := strings.Join(uniqStrings(r.values(path.StartPath(r.qs, node(reform)).Out(quad.IRI("kind")), -1)), ", ")
		kinds[reform] = k
		return k
	}
	perArticle := func(row Row, labels []string) {
		seen := map[string]bool{}
		for _, l := range labels {
			a := articleOf(l)
			if seen[a] {
				continue
			}
			seen[a] = true
			c := make(Row, len(row)+2)
			for k, v := range row {
				c[k] = v
			}
			c["source"], c["article"] = l, a
			rows = append(rows, c)
		}
	}
	isReform := func(n string) bool { return r.isA(n, "<Reform>") }
	for _, org := range r.find(arg, "<Organization>", "org") {
		orgName := r.nameOf(org)
		for _, rel := range reformRoles {
			for _, e := range byNode(r.edgeList(org, iri(rel.pred), true), isReform) {
				perArticle(Row{
					"organisation": org, "organisation_name": orgName, "reform": e.id, "reform_name": r.nameOf(e.id),
					"kind": kindOf(e.id), "relation": rel.pred, "how": rel.how, "detail": "",
				}, e.labels)
			}
		}
		for _, d := range direct {
			for _, inward := range []bool{false, true} {
				how := d.out
				if inward {
					how = d.in
				}
				for _, e := range byNode(r.edgeList(org, iri(d.pred), inward), nil) {
					perArticle(Row{
						"organisation": org, "organisation_name": orgName, "reform": "", "reform_name": "",
						"kind": strings.Trim(d.pred, "<>"), "relation": d.pred, "how": how, "detail": how + " " + r.nameOf(e.id),
					}, e.labels)
				}
			}
		}
	}
	details := map[string]string{}
	r.emitSorted(rows, []string{"organisation_name", "reform_name", "kind", "article", "detail", "reform", "how", "organisation", "source"},
		func(row Row) Row {
			if reform := row["reform"]; reform != "" {
				d, ok := details[reform]
				if !ok {
					d = r.reformDetail(reform)
					details[reform] = d
				}
				row["detail"] = d
			}
			return r.withSource(row, row["source"])
		})
}

// shown is how many nodes a reform's detail names in each list.
const shown = 3

// reformDetail says what else a reform does and who stands where on it,
// naming the first few of each, as the reforms program's detailOf does.
func (r *reader) reformDetail(reform string) string {
	var detail []string
	for _, part := range []struct {
		say    string
		pred   quad.IRI
		inward bool
	}{
		{"gains: ", "gains", false}, {"by: ", "agent", false},
		{"supported by: ", "supports", true}, {"opposed by: ", "opposes", true},
	} {
		var nodes []string
		r.edges(reform, part.pred, part.inward, false, func(e edge) bool {
			if !contains(nodes, e.id) {
				nodes = append(nodes, e.id)
			}
			return len(nodes) <= shown
		})
		if len(nodes) == 0 {
			continue
		}
		names := make([]string, 0, shown)
		for _, n := range nodes[:min(len(nodes), shown)] {
			names = append(names, r.nameOf(n))
		}
		say := part.say + strings.Join(names, ", ")
		if len(nodes) > shown {
			say += " and others"
		}
		detail = append(detail, say)
	}
	return strings.Join(detail, "; ")
}

// emitSorted emits rows ordered by keys, finishing each emitted row, as the
// Prelude's emitSorted does.
func (r *reader) emitSorted(rows []Row, keys []string, finish func(Row) Row) {
	sortRows(rows, func(x, y Row) int {
		for _, k := range keys {
			if c := jsCompare(x[k], y[k]); c != 0 {
				return c
			}
		}
		return 0
	})
	for _, row := range rows {
		if r.full() {
			return
		}
		r.emit(finish(row))
	}
}

// iri is the IRI a Gizmo predicate names: "<said>" → said.
func iri(s string) quad.IRI { return quad.IRI(strings.Trim(s, "<>")) }
