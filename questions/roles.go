package questions

import (
	"cmp"
	"context"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// A Role is one role a person was given in one sentence: the role as
// written, the organisation named with it, or both.
type Role struct {
	Person       Ref    `json:"person"`
	Role         string `json:"role"`                   // "care services minister"; "" when only the body was named
	Organisation *Ref   `json:"organisation,omitempty"` // nil when only the role was named
	Relation     string `json:"relation,omitempty"`     // the edge to the body: "minister_of", "affiliated_with" …
	Source       Source `json:"source"`
}

// A RolesPage is a person's roles, or the people with a role in a body.
type RolesPage struct {
	Entity Entity `json:"entity"`
	Total  int    `json:"total"`
	Roles  []Role `json:"roles"` // newest article first
}

// Roles answers a person's roles and organisations, sentence by sentence,
// each with its source: a role and the one organisation named in the same
// sentence are one row; with several of each, which goes with which is not
// known, so each is a row of its own. For an organisation it answers its
// people: a row for each role edge into it, with the person's role as the
// same sentence gives it ("; " between several). A person the graph holds
// but gives no role is an empty page, not an error. Newest article first;
// WithLimit (default 100) and WithOffset page.
func (s *Service) Roles(ctx context.Context, name string, opts ...Option) (*RolesPage, error) {
	o := newOptions(opts, DefaultRows)
	var out *RolesPage
	err := s.withIndex(ctx, func(st *store, ix *index) error {
		e, err := ix.resolve(name, speakerKinds(o))
		if err != nil {
			return err
		}
		roles, total, err := newAsker(st, ix).roles(e, o)
		if err != nil {
			return err
		}
		out = &RolesPage{Entity: ix.entityOf(e), Total: total, Roles: roles}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// A roleRow is a Role before its source is read: its label as text.
type roleRow struct {
	person   cgraph.Ref
	title    string
	org      cgraph.Ref // nil for none
	relation string
	label    string
}

// roles returns the page o asks for of a person's roles, or a body's
// people's, and how many there are. Sources (and a body's people's titles)
// are read for the page's rows only: a council named in 5,000 articles has
// thousands.
func (a *asker) roles(e int32, o options) ([]Role, int, error) {
	node := a.entityRef(e)
	var rows []roleRow
	var err error
	total := -1
	if a.ix.ents[e].kind == KindOrganisation {
		if rows, total, err = a.newestPeopleOf(e, node, o); err == nil && total < 0 {
			rows, err = a.peopleOf(node)
		}
	} else {
		rows, err = a.rolesOf(node)
	}
	if err != nil {
		return nil, 0, err
	}
	if total < 0 {
		total = len(rows)
	}
	keyed := make([]said, len(rows))
	for i, r := range rows {
		keyed[i] = said{label: r.label}
	}
	a.locateText(keyed)
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	names := func(r roleRow) (string, string) {
		org := ""
		if r.org != nil {
			org = a.refOf(r.org).Name
		}
		return a.refOf(r.person).Name, org
	}
	slices.SortStableFunc(order, func(x, y int) int {
		if c := a.compareSaid(keyed[x], keyed[y]); c != 0 {
			return c
		}
		px, ox := names(rows[x])
		py, oy := names(rows[y])
		return cmp.Or(strings.Compare(px, py), strings.Compare(rows[x].title, rows[y].title), strings.Compare(ox, oy),
			strings.Compare(rows[x].relation, rows[y].relation))
	})
	out := []Role{}
	for _, i := range page(order, o) {
		r := rows[i]
		if r.title == "\x00" { // a body's person: the title is read now
			if r.title, err = a.titleIn(r.person, r.label); err != nil {
				return nil, 0, err
			}
		}
		src, err := a.source(r.label)
		if err != nil {
			return nil, 0, err
		}
		role := Role{Person: a.refOf(r.person), Role: r.title, Relation: r.relation, Source: src}
		if r.org != nil {
			org := a.refOf(r.org)
			role.Organisation = &org
		}
		out = append(out, role)
	}
	return out, total, nil
}

// rolesOf reads a person's role titles and role edges to bodies, and pairs
// them sentence by sentence.
func (a *asker) rolesOf(person cgraph.Ref) ([]roleRow, error) {
	type sentence struct {
		titles []string
		orgs   []cgraph.Ref
		rels   []string
	}
	var labels []string
	byLabel := map[string]*sentence{}
	at := func(label string) *sentence {
		if byLabel[label] == nil {
			byLabel[label] = &sentence{}
			labels = append(labels, label)
		}
		return byLabel[label]
	}
	titles, err := a.collect(person, schema.Role, false)
	if err != nil {
		return nil, err
	}
	if err := a.st.values(append(labelsOf(titles), nodesOf(titles)...)); err != nil {
		return nil, err
	}
	for _, t := range titles {
		s := at(a.st.text(t.label))
		s.titles = append(s.titles, a.st.text(t.node))
	}
	for _, pred := range schema.RolePredicates() {
		es, err := a.collect(person, pred, false)
		if err != nil {
			return nil, err
		}
		if err := a.st.values(append(labelsOf(es), nodesOf(es)...)); err != nil {
			return nil, err
		}
		for _, ed := range es {
			if a.refOf(ed.node).Kind != KindOrganisation {
				continue
			}
			s := at(a.st.text(ed.label))
			s.orgs, s.rels = append(s.orgs, ed.node), append(s.rels, string(pred))
		}
	}
	var out []roleRow
	for _, label := range labels {
		s := byLabel[label]
		row := func(title string, i int) roleRow {
			r := roleRow{person: person, title: title, label: label}
			if i >= 0 {
				r.org, r.relation = s.orgs[i], s.rels[i]
			}
			return r
		}
		titles := uniq(s.titles)
		// One role and one body in a sentence belong together; with
		// several of each, which goes with which is not known.
		if len(titles) <= 1 || len(s.orgs) <= 1 {
			if len(titles) == 0 {
				titles = []string{""}
			}
			for _, t := range titles {
				if len(s.orgs) == 0 {
					out = append(out, row(t, -1))
				}
				for i := range s.orgs {
					out = append(out, row(t, i))
				}
			}
			continue
		}
		for _, t := range titles {
			out = append(out, row(t, -1))
		}
		for i := range s.orgs {
			out = append(out, row("", i))
		}
	}
	return out, nil
}

// peopleOf reads the role edges into a body: a row each, its title to be
// read (titleIn).
func (a *asker) peopleOf(body cgraph.Ref) ([]roleRow, error) {
	var out []roleRow
	for _, pred := range schema.RolePredicates() {
		es, err := a.collect(body, pred, true)
		if err != nil {
			return nil, err
		}
		if err := a.st.values(append(labelsOf(es), nodesOf(es)...)); err != nil {
			return nil, err
		}
		for _, ed := range es {
			if a.refOf(ed.node).Kind == KindPerson {
				out = append(out, roleRow{person: ed.node, title: "\x00", org: body, relation: string(pred), label: a.st.text(ed.label)})
			}
		}
	}
	return out, nil
}

// newestPeopleOf is peopleOf for the rows the options ask for, and how
// many rows there are, where the store's keys list its quads (keyed): the
// role edges into the body are the object+predicate index's keys and
// lists, and the newest rows are found through the label index's lists of
// the body's newest articles' sentences, until there are enough, reading
// only the rows' sentences' values: a council's 3,000 role edges lie in
// as many places of the store. It relies on a role edge's article
// declaring the body, as an extracted article declares all it names. A
// total of -1 says peopleOf would read less (edges few among many
// articles), or that rows lie outside the body's articles.
func (a *asker) newestPeopleOf(e int32, body cgraph.Ref, o options) ([]roleRow, int, error) {
	want := o.offset + o.limit
	if !a.keyed() || o.limit <= 0 || body == nil {
		return nil, -1, nil
	}
	bodyID := rawID(body)
	preds := schema.RolePredicates()
	type edgeAt struct {
		pred   int
		person uint64
	}
	edges := map[uint64]edgeAt{} // by quad ID
	for i, pred := range preds {
		err := a.st.raw.InKeys(bodyID, rawID(a.st.ref(pred)), func(s uint64, quads []uint64) bool {
			if x, ok := a.entOfID(s); ok && a.ix.ents[x].kind == KindPerson {
				for _, q := range quads {
					edges[q] = edgeAt{pred: i, person: s}
				}
			}
			return true
		})
		if err != nil {
			return nil, 0, err
		}
	}
	total := len(edges)
	arts, err := a.articlesOf(e)
	if err != nil || total == 0 {
		return nil, total, err
	}
	// An article costs some 20 look-ups (its sentences' lists), an edge
	// read from the store 2 or 3.
	if 20*want*len(arts) > 2*total*total {
		return nil, -1, nil
	}
	sentenceOf := rawID(a.st.ref(schema.SentenceOf))
	var rows []roleRow
	for _, ai := range arts {
		if len(rows) >= want {
			break
		}
		artID := a.artID(ai)
		labels := []uint64{artID}
		err := a.st.raw.InKeys(artID, sentenceOf, func(s uint64, _ []uint64) bool { labels = append(labels, s); return true })
		if err != nil {
			return nil, 0, err
		}
		type found struct {
			edgeAt
			quad uint64
			row  roleRow
		}
		var in []found
		for _, l := range labels {
			quads, err := a.st.raw.LabelledIDs(l)
			if err != nil {
				return nil, 0, err
			}
			for _, q := range quads {
				if ed, ok := edges[q]; ok {
					in = append(in, found{edgeAt: ed, quad: q, row: roleRow{person: rawRef(ed.person), title: "\x00", org: body,
						relation: string(preds[ed.pred]), label: a.st.text(rawRef(l))}})
				}
			}
		}
		// In peopleOf's order, which roles' sort keeps for rows alike.
		slices.SortFunc(in, func(x, y found) int {
			return cmp.Or(cmp.Compare(x.pred, y.pred), cmp.Compare(x.person, y.person), cmp.Compare(x.quad, y.quad))
		})
		for _, f := range in {
			rows = append(rows, f.row)
		}
	}
	if len(rows) < want && len(rows) < total {
		return nil, -1, nil // rows outside the body's articles
	}
	return rows, total, nil
}

// titleIn is a person's role titles in one sentence.
func (a *asker) titleIn(person cgraph.Ref, label string) (string, error) {
	if a.st.raw != nil {
		// The sentence's few quads, rather than all the person's roles.
		var in []string
		role, p := rawID(a.st.ref(schema.Role)), rawID(person)
		err := a.st.raw.Labelled(rawID(a.st.ref(quad.IRI(label))), func(q graph.RawQuad) bool {
			if q.Subject == p && q.Predicate == role {
				in = append(in, a.st.text(rawRef(q.Object)))
			}
			return true
		})
		if err != nil {
			return "", err
		}
		return strings.Join(uniq(in), "; "), nil
	}
	titles, err := a.collect(person, schema.Role, false)
	if err != nil {
		return "", err
	}
	if err := a.st.values(append(labelsOf(titles), nodesOf(titles)...)); err != nil {
		return "", err
	}
	var in []string
	for _, t := range titles {
		if a.st.text(t.label) == label {
			in = append(in, a.st.text(t.node))
		}
	}
	return strings.Join(uniq(in), "; "), nil
}

func labelsOf(es []labelled) []cgraph.Ref {
	out := make([]cgraph.Ref, len(es))
	for i, e := range es {
		out[i] = e.label
	}
	return out
}

func nodesOf(es []labelled) []cgraph.Ref {
	out := make([]cgraph.Ref, len(es))
	for i, e := range es {
		out[i] = e.node
	}
	return out
}

func uniq(list []string) []string {
	var out []string
	for _, s := range list {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
