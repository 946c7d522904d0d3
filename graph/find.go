package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// ArticlesWhere returns the IDs of the articles whose pred (schema.URL,
// schema.ContentHash…) is a string for which match is true, in the order
// the store holds them. It reads every article's value of pred: a few
// hundred thousand at most, for commands such as "newsgraph rm".
func (g *Graph) ArticlesWhere(ctx context.Context, pred quad.IRI, match func(string) bool) (_ []string, err error) {
	defer g.damage.catchAll(&err, g.damage.faults())
	defer g.readLock()()
	qs := g.h.QuadStore
	p := qs.ValueOf(pred)
	if p == nil {
		return nil, nil
	}
	it := qs.QuadIterator(quad.Predicate, p)
	defer it.Close()
	var ids []string
	seen := map[string]bool{}
	for it.Next(ctx) {
		r := it.Result()
		subj, ok := qs.NameOf(qs.QuadDirection(r, quad.Subject)).(quad.IRI)
		if !ok || !match(valueText(qs.NameOf(qs.QuadDirection(r, quad.Object)))) {
			continue
		}
		id, ok := strings.CutPrefix(string(subj), string(schema.ArticleIRI("")))
		if !ok || strings.Contains(id, "#") || seen[id] {
			continue
		}
		seen[id] = true
		ids = append(ids, id)
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("find articles by %s: %w", pred, err)
	}
	return ids, nil
}
