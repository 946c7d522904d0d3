package questions

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/newsgraph/newsgraph/schema"
)

// A SaidPage is what a person or body said.
type SaidPage struct {
	Speaker    Entity      `json:"speaker"`
	Total      int         `json:"total"`      // statements in all
	Statements []Statement `json:"statements"` // the page asked for, newest article first
}

// DefaultRows is how many statements or articles a page lists unless
// WithLimit says otherwise.
const DefaultRows = 100

// Said answers what a person or body said: their quotations and reported
// speech, newest article first (then in the article's order), each with
// its topics, the sentence it was read from and the article. name is a
// name, an alias or a node ID (see Search); a name that matches no person
// or body is a *NotFoundError with the nearest names, one that matches
// several an *AmbiguousError. WithLimit (default 100) and WithOffset page.
func (s *Service) Said(ctx context.Context, name string, opts ...Option) (*SaidPage, error) {
	o := newOptions(opts, DefaultRows)
	var out *SaidPage
	err := s.withIndex(ctx, func(st *store, ix *index) error {
		e, err := ix.resolve(name, speakerKinds(o))
		if err != nil {
			return err
		}
		a := newAsker(st, ix)
		list, err := a.saidBy(e)
		if err != nil {
			return err
		}
		rows, err := a.statements(page(list, o))
		if err != nil {
			return err
		}
		out = &SaidPage{Speaker: ix.entityOf(e), Total: len(list), Statements: rows}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// speakerKinds are the kinds that say things, narrowed by WithKinds.
func speakerKinds(o options) []Kind {
	if len(o.kinds) > 0 {
		return o.kinds
	}
	return []Kind{KindPerson, KindOrganisation}
}

// saidBy returns what e said, each statement once (with the first label
// found), newest first.
func (a *asker) saidBy(e int32) ([]said, error) {
	var (
		list   []said
		labels []cgraph.Ref
		seen   = map[any]bool{}
	)
	err := a.st.out(a.entityRef(e), schema.Said, func(ed edge) bool {
		if k := key(ed.node); !seen[k] {
			seen[k] = true
			list = append(list, said{node: ed.node})
			labels = append(labels, ed.label)
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if err := a.locate(list, labels); err != nil {
		return nil, err
	}
	a.byDate(list)
	return list, nil
}
