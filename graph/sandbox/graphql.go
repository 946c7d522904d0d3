package sandbox

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	cayleygraphql "github.com/cayleygraph/cayley/query/graphql"
	"github.com/dennwc/graphql/language/ast"
	"github.com/dennwc/graphql/language/parser"

	"github.com/newsgraph/newsgraph/graph/sandbox/gizmo"
)

// graphql runs a GraphQL query with Cayley's own package, after limitFirst
// has held each of its object fields to Rows objects.
func (r *Runner) graphql(ctx context.Context, qs graph.QuadStore, text string) (map[string]any, error) {
	// The parser recurses on nesting, as goja's does.
	if err := gizmo.CheckSource(text, gizmo.Limits{SourceBytes: r.lim.QueryBytes}); err != nil {
		return nil, err
	}
	if r.lim.Rows > 0 {
		var err error
		if text, err = limitFirst(text, r.lim.Rows); err != nil {
			return nil, err
		}
	}
	q, err := cayleygraphql.Parse(strings.NewReader(text))
	if err != nil {
		return nil, err
	}
	return q.Execute(ctx, qs)
}

// limitFirst rewrites a GraphQL query so that every field Cayley iterates
// (a field with a selection set or arguments) takes at most n objects:
// it adds "first: n" to those without, and lowers those with more (or
// with a negative count, which Cayley reads as all). A leaf field with no
// arguments is a value of its parent and is left alone: an argument would
// make Cayley iterate it. The query is edited as text, at the positions
// the parser gives, so the rest is exactly what the client sent.
func limitFirst(text string, n int) (string, error) {
	doc, err := parser.Parse(parser.ParseParams{Source: text})
	if err != nil {
		return "", err
	}
	type edit struct {
		at, end int // the bytes replaced
		with    string
	}
	var edits []edit
	first := cayleygraphql.LimitKey
	var visit func(set *ast.SelectionSet)
	visit = func(set *ast.SelectionSet) {
		if set == nil {
			return
		}
		for _, s := range set.Selections {
			f, ok := s.(*ast.Field)
			if !ok {
				continue
			}
			visit(f.SelectionSet)
			if f.SelectionSet == nil && len(f.Arguments) == 0 {
				continue
			}
			var arg *ast.Argument
			for _, a := range f.Arguments {
				if a.Name != nil && a.Name.Value == first {
					arg = a
				}
			}
			switch {
			case arg == nil && len(f.Arguments) == 0:
				end := f.Name.Loc.End
				edits = append(edits, edit{end, end, fmt.Sprintf("(%s: %d)", first, n)})
			case arg == nil:
				end := f.Arguments[len(f.Arguments)-1].Loc.End
				edits = append(edits, edit{end, end, fmt.Sprintf(", %s: %d", first, n)})
			default:
				v, ok := arg.Value.(*ast.IntValue)
				if !ok {
					continue // Cayley refuses it
				}
				if k, err := strconv.Atoi(v.Value); err != nil || k < 0 || k > n {
					edits = append(edits, edit{v.Loc.Start, v.Loc.End, strconv.Itoa(n)})
				}
			}
		}
	}
	for _, d := range doc.Definitions {
		if op, ok := d.(*ast.OperationDefinition); ok {
			visit(op.SelectionSet)
		}
	}
	slices.SortFunc(edits, func(a, b edit) int { return b.at - a.at })
	for _, e := range edits {
		if e.at < 0 || e.end > len(text) || e.at > e.end {
			return "", fmt.Errorf("graphql: cannot limit the query")
		}
		text = text[:e.at] + e.with + text[e.end:]
	}
	return text, nil
}
