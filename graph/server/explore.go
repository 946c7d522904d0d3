package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"sort"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// The explorer draws nodes and edges; Gizmo answers rows. These routes give
// it what Gizmo does not easily give: the label (provenance) of each edge and
// the words of the sentence it names, so hovering an edge can show them.

// Node is a node as the explorer draws it.
type Node struct {
	ID    string              `json:"id"`             // "<person/paul-burstow>"
	Type  string              `json:"type,omitempty"` // "Person"
	Name  string              `json:"name,omitempty"`
	Props map[string][]string `json:"props,omitempty"` // literal values by predicate
}

// Edge is one quad between two nodes.
type Edge struct {
	Source    string `json:"source"`
	Target    string `json:"target"`
	Predicate string `json:"predicate"`
	Label     string `json:"label,omitempty"`
}

// Source tells where an edge was read: its label, the label's article and,
// for a sentence label, the sentence's words when the store holds them.
type Source struct {
	Article  string `json:"article"`
	Headline string `json:"headline,omitempty"`
	Sentence string `json:"sentence,omitempty"`
}

// Neighbourhood is the explorer's answer: nodes, the edges among them, and
// the sources of those edges by label.
type Neighbourhood struct {
	Nodes     []Node            `json:"nodes"`
	Edges     []Edge            `json:"edges"`
	Sources   map[string]Source `json:"sources"`
	Truncated bool              `json:"truncated,omitempty"`
}

// serveNode answers GET /api/node?id=<iri>: the node, its literal
// properties, its neighbours and the edges to them.
func (s *Server) serveNode(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	if id == "" {
		writeError(w, http.StatusBadRequest, "missing id")
		return
	}
	ctx, cancel := s.queryContext(r)
	defer cancel()
	nb, err := s.neighbours(ctx, quad.StringToValue(id), neighbourLimit)
	if err != nil {
		writeQueryError(w, err)
		return
	}
	writeJSON(w, nb)
}

// serveSubgraph answers POST /api/subgraph {"ids": [...]}: those nodes and
// the edges among them.
func (s *Server) serveSubgraph(w http.ResponseWriter, r *http.Request) {
	var req struct {
		IDs []string `json:"ids"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "bad request: "+err.Error())
		return
	}
	if len(req.IDs) > subgraphLimit {
		writeError(w, http.StatusBadRequest, "too many ids")
		return
	}
	ctx, cancel := s.queryContext(r)
	defer cancel()
	vals := make([]quad.Value, 0, len(req.IDs))
	for _, id := range req.IDs {
		if v := quad.StringToValue(id); v != nil {
			vals = append(vals, v)
		}
	}
	nb, err := s.subgraph(ctx, vals)
	if err != nil {
		writeQueryError(w, err)
		return
	}
	writeJSON(w, nb)
}

var errNoNode = errors.New("no such node")

func writeQueryError(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, errNoNode):
		writeError(w, http.StatusNotFound, err.Error())
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		writeError(w, http.StatusServiceUnavailable, err.Error())
	default:
		writeError(w, http.StatusInternalServerError, err.Error())
	}
}

func (s *Server) neighbours(ctx context.Context, id quad.Value, limit int) (*Neighbourhood, error) {
	qs := s.h.QuadStore
	ref := qs.ValueOf(id)
	if ref == nil {
		return nil, errNoNode
	}
	nb := &Neighbourhood{Sources: map[string]Source{}}
	focus := Node{ID: quad.StringOf(id), Props: map[string][]string{}}
	others := map[string]quad.Value{}
	n := 0
	for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
		err := eachQuad(ctx, qs, dir, ref, func(q quad.Quad) bool {
			other := q.Object
			if dir == quad.Object {
				other = q.Subject
			}
			if dir == quad.Subject && q.Predicate == schema.Type {
				// Types colour the node; drawn as edges they would tie
				// every person to one hub.
				if focus.Type == "" {
					focus.Type = localName(q.Object)
				}
				return true
			}
			if !isNode(other) {
				p := localName(q.Predicate)
				focus.Props[p] = appendUnique(focus.Props[p], quad.ToString(other))
				return true
			}
			if n >= limit {
				nb.Truncated = true
				return false
			}
			n++
			nb.Edges = append(nb.Edges, edgeOf(q))
			others[quad.StringOf(other)] = other
			return true
		})
		if err != nil {
			return nil, err
		}
	}
	if v := focus.Props[localName(schema.Name)]; len(v) > 0 {
		focus.Name = v[0]
	}
	nb.Nodes = append(nb.Nodes, focus)
	vals := make([]quad.Value, 0, len(others))
	for k, v := range others {
		if k != focus.ID {
			vals = append(vals, v)
		}
	}
	nodes, err := s.describe(ctx, vals)
	if err != nil {
		return nil, err
	}
	nb.Nodes = append(nb.Nodes, nodes...)
	nb.Edges = uniqueEdges(nb.Edges)
	return nb, s.addSources(ctx, nb)
}

func (s *Server) subgraph(ctx context.Context, ids []quad.Value) (*Neighbourhood, error) {
	qs := s.h.QuadStore
	nb := &Neighbourhood{Sources: map[string]Source{}}
	in := map[string]bool{}
	for _, v := range ids {
		in[quad.StringOf(v)] = true
	}
	// A label (a sentence IRI) is a value of the store but no node of the
	// graph unless a quad has it as subject or object.
	ids = slices.DeleteFunc(ids, func(v quad.Value) bool { return !s.isNode(ctx, v) })
	nodes, err := s.describe(ctx, ids)
	if err != nil {
		return nil, err
	}
	nb.Nodes = nodes
	for _, v := range ids {
		ref := qs.ValueOf(v)
		if ref == nil {
			continue
		}
		n := 0
		err := eachQuad(ctx, qs, quad.Subject, ref, func(q quad.Quad) bool {
			if n++; n > neighbourLimit {
				nb.Truncated = true
				return false
			}
			if isNode(q.Object) && in[quad.StringOf(q.Object)] {
				nb.Edges = append(nb.Edges, edgeOf(q))
			}
			return true
		})
		if err != nil {
			return nil, err
		}
	}
	nb.Edges = uniqueEdges(nb.Edges)
	return nb, s.addSources(ctx, nb)
}

// isNode reports whether v is the subject or object of a quad.
func (s *Server) isNode(ctx context.Context, v quad.Value) bool {
	qs := s.h.QuadStore
	ref := qs.ValueOf(v)
	if ref == nil {
		return false
	}
	for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
		found := false
		_ = eachQuad(ctx, qs, dir, ref, func(quad.Quad) bool { found = true; return false })
		if found {
			return true
		}
	}
	return false
}

// describe finds the type and name of nodes in two indexed steps each,
// starting from the nodes themselves.
func (s *Server) describe(ctx context.Context, vals []quad.Value) ([]Node, error) {
	if len(vals) == 0 {
		return nil, nil
	}
	qs := s.h.QuadStore
	byID := make(map[string]*Node, len(vals))
	out := make([]Node, len(vals))
	for i, v := range vals {
		out[i] = Node{ID: quad.StringOf(v)}
		byID[out[i].ID] = &out[i]
	}
	// Besides type and name, the words that label a node without a name:
	// a quotation's text, an article's headline.
	for _, pred := range []quad.IRI{schema.Type, schema.Name, schema.Text, schema.Headline} {
		p := path.StartPath(qs, vals...).Tag("node").Out(pred).Tag("value")
		err := p.Iterate(ctx).TagValues(qs, func(tags map[string]quad.Value) {
			n := byID[quad.StringOf(tags["node"])]
			if n == nil {
				return
			}
			val := tags["value"]
			if val == nil {
				return
			}
			switch {
			case pred == schema.Type:
				if n.Type == "" {
					n.Type = localName(val)
				}
			case pred == schema.Name:
				if n.Name == "" {
					n.Name = quad.ToString(val)
				}
			default:
				p := localName(pred)
				if n.Props == nil {
					n.Props = map[string][]string{}
				}
				if len(n.Props[p]) == 0 {
					n.Props[p] = []string{quad.ToString(val)}
				}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// addSources names the article of every edge label, with the article's
// headline and the sentence's words where the store has them.
func (s *Server) addSources(ctx context.Context, nb *Neighbourhood) error {
	qs := s.h.QuadStore
	for _, e := range nb.Edges {
		if e.Label == "" {
			continue
		}
		if _, ok := nb.Sources[e.Label]; ok {
			continue
		}
		label := quad.StringToValue(e.Label)
		iri, _ := label.(quad.IRI)
		art := schema.ArticleOf(iri)
		src := Source{Article: quad.StringOf(art)}
		var err error
		if src.Headline, err = firstString(ctx, qs, art, schema.Headline); err != nil {
			return err
		}
		if art != iri {
			if src.Sentence, err = firstString(ctx, qs, iri, schema.Text); err != nil {
				return err
			}
		}
		nb.Sources[e.Label] = src
	}
	return nil
}

func firstString(ctx context.Context, qs graph.QuadStore, node quad.Value, pred quad.IRI) (string, error) {
	var out string
	err := path.StartPath(qs, node).Out(pred).Limit(1).Iterate(ctx).EachValue(qs, func(v quad.Value) {
		out = quad.ToString(v)
	})
	return out, err
}

// eachQuad calls f with the quads whose dir is ref until f returns false.
func eachQuad(ctx context.Context, qs graph.QuadStore, dir quad.Direction, ref graph.Ref, f func(quad.Quad) bool) error {
	it := qs.QuadIterator(dir, ref)
	defer it.Close()
	for it.Next(ctx) {
		if !f(qs.Quad(it.Result())) {
			return nil
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

func edgeOf(q quad.Quad) Edge {
	e := Edge{Source: quad.StringOf(q.Subject), Target: quad.StringOf(q.Object), Predicate: localName(q.Predicate)}
	if q.Label != nil {
		e.Label = quad.StringOf(q.Label)
	}
	return e
}

func uniqueEdges(es []Edge) []Edge {
	seen := make(map[Edge]bool, len(es))
	out := es[:0]
	for _, e := range es {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		if a.Target != b.Target {
			return a.Target < b.Target
		}
		return a.Label < b.Label
	})
	return out
}

func isNode(v quad.Value) bool {
	switch v.(type) {
	case quad.IRI, quad.BNode:
		return true
	}
	return false
}

// localName is an IRI's last segment, as the evaluation reads predicates
// and types: <http://schema.org/name> and <name> are both "name".
func localName(v quad.Value) string {
	s := quad.ToString(v)
	if iri, ok := v.(quad.IRI); ok {
		s = string(iri)
	}
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case '/', '#', ':':
			return s[i+1:]
		}
	}
	return s
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
