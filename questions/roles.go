package questions

import (
	"cmp"
	"context"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"

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
// each with its source; for an organisation, the people given a role in
// it. A role and the one organisation named in the same sentence are one
// row; with several of each, which goes with which is not known, so each is
// a row of its own. A person the graph holds but gives no role is an empty
// page, not an error. WithLimit (default 100) and WithOffset page.
func (s *Service) Roles(ctx context.Context, name string, opts ...Option) (*RolesPage, error) {
	o := newOptions(opts, DefaultRows)
	var out *RolesPage
	err := s.withIndex(ctx, func(st *store, ix *index) error {
		e, err := ix.resolve(name, speakerKinds(o))
		if err != nil {
			return err
		}
		a := newAsker(st, ix)
		roles, err := a.roles(e)
		if err != nil {
			return err
		}
		out = &RolesPage{Entity: ix.entityOf(e), Total: len(roles), Roles: append([]Role{}, page(roles, o)...)}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// roles returns a person's roles, or an organisation's people's.
func (a *asker) roles(e int32) ([]Role, error) {
	type sentence struct {
		titles []string
		orgs   []cgraph.Ref
		rels   []string
	}
	type key struct{ person, label string }
	var (
		keys    []key
		byKey   = map[key]*sentence{}
		persons = map[string]cgraph.Ref{}
	)
	at := func(person cgraph.Ref, label string) *sentence {
		k := key{a.st.text(person), label}
		if byKey[k] == nil {
			byKey[k] = &sentence{}
			keys = append(keys, k)
			persons[k.person] = person
		}
		return byKey[k]
	}
	node := a.entityRef(e)
	if a.ix.ents[e].kind == KindOrganisation {
		// The people: each role edge into the body, and their role titles
		// in the same sentences.
		for _, pred := range schema.RolePredicates() {
			es, err := a.collect(node, pred, true)
			if err != nil {
				return nil, err
			}
			if err := a.st.values(labelsOf(es)); err != nil {
				return nil, err
			}
			for _, ed := range es {
				if a.refOf(ed.node).Kind != KindPerson {
					continue
				}
				s := at(ed.node, a.st.text(ed.label))
				s.orgs, s.rels = append(s.orgs, node), append(s.rels, string(pred))
			}
		}
		for _, k := range keys {
			titles, err := a.collect(persons[k.person], schema.Role, false)
			if err != nil {
				return nil, err
			}
			if err := a.st.values(labelsOf(titles)); err != nil {
				return nil, err
			}
			for _, t := range titles {
				if a.st.text(t.label) == k.label {
					byKey[k].titles = append(byKey[k].titles, a.st.text(t.node))
				}
			}
		}
	} else {
		titles, err := a.collect(node, schema.Role, false)
		if err != nil {
			return nil, err
		}
		if err := a.st.values(labelsOf(titles)); err != nil {
			return nil, err
		}
		for _, t := range titles {
			s := at(node, a.st.text(t.label))
			s.titles = append(s.titles, a.st.text(t.node))
		}
		for _, pred := range schema.RolePredicates() {
			es, err := a.collect(node, pred, false)
			if err != nil {
				return nil, err
			}
			if err := a.st.values(labelsOf(es)); err != nil {
				return nil, err
			}
			for _, ed := range es {
				if a.refOf(ed.node).Kind != KindOrganisation {
					continue
				}
				s := at(node, a.st.text(ed.label))
				s.orgs, s.rels = append(s.orgs, ed.node), append(s.rels, string(pred))
			}
		}
	}
	var out []Role
	for _, k := range keys {
		s := byKey[k]
		src, err := a.source(k.label)
		if err != nil {
			return nil, err
		}
		person := a.refOf(persons[k.person])
		row := func(title string, i int) Role {
			r := Role{Person: person, Role: title, Source: src}
			if i >= 0 {
				org := a.refOf(s.orgs[i])
				r.Organisation, r.Relation = &org, s.rels[i]
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
		} else {
			for _, t := range titles {
				out = append(out, row(t, -1))
			}
			for i := range s.orgs {
				out = append(out, row("", i))
			}
		}
	}
	sortBySource(a, out, func(r Role) Source { return r.Source }, func(x, y Role) int {
		return cmp.Or(strings.Compare(x.Person.Name, y.Person.Name), strings.Compare(x.Role, y.Role),
			strings.Compare(orgName(x), orgName(y)), strings.Compare(x.Relation, y.Relation))
	})
	return out, nil
}

func orgName(r Role) string {
	if r.Organisation == nil {
		return ""
	}
	return r.Organisation.Name
}

func labelsOf(es []labelled) []cgraph.Ref {
	out := make([]cgraph.Ref, len(es))
	for i, e := range es {
		out[i] = e.label
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

// sortBySource sorts rows newest article first, then by sentence, then by
// then.
func sortBySource[T any](a *asker, rows []T, src func(T) Source, then func(x, y T) int) {
	type keyed struct {
		s   said
		row T
	}
	ks := make([]keyed, len(rows))
	for i, r := range rows {
		ks[i] = keyed{said{label: strings.Trim(src(r).Sentence, "<>")}, r}
	}
	list := make([]said, len(ks))
	for i := range ks {
		list[i] = ks[i].s
	}
	a.locateText(list)
	for i := range ks {
		ks[i].s = list[i]
	}
	slices.SortStableFunc(ks, func(x, y keyed) int {
		if c := a.compareSaid(x.s, y.s); c != 0 {
			return c
		}
		return then(x.row, y.row)
	})
	for i := range ks {
		rows[i] = ks[i].row
	}
}
