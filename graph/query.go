package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/cayleygraph/cayley/query"
)

// Query defaults, as Cayley's HTTP API has them.
const (
	DefaultQueryLimit   = 100
	DefaultQueryTimeout = 30 * time.Second
)

type queryConfig struct {
	limit   int
	timeout time.Duration
}

// A QueryOption configures Query.
type QueryOption func(*queryConfig)

// WithLimit caps the number of results (default DefaultQueryLimit); zero or
// less means no cap.
func WithLimit(n int) QueryOption {
	return func(c *queryConfig) { c.limit = n }
}

// WithTimeout bounds a query's run time (default DefaultQueryTimeout); zero
// or less means only ctx bounds it.
func WithTimeout(d time.Duration) QueryOption {
	return func(c *queryConfig) { c.timeout = d }
}

// Query runs a query in a Cayley query language ("gizmo" when lang is
// empty) and returns its results collated as JSON values: the "result" array
// Cayley's HTTP API v2 answers with, except that no results is an empty
// slice rather than null.
func (g *Graph) Query(ctx context.Context, lang, q string, opts ...QueryOption) ([]any, error) {
	c := queryConfig{limit: DefaultQueryLimit, timeout: DefaultQueryTimeout}
	for _, o := range opts {
		o(&c)
	}
	if lang == "" {
		lang = "gizmo"
	}
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil {
		return nil, fmt.Errorf("query: unknown language %q", lang)
	}
	if c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
		defer cancel()
	}
	defer g.readLock()()
	limit := c.limit
	if limit <= 0 {
		limit = -1
	}
	it, err := l.Session(g.h.QuadStore).Execute(ctx, q, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	defer it.Close()
	out := []any{}
	for it.Next(ctx) {
		out = append(out, it.Result())
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	return out, nil
}

// QueryInto runs a query as Query does and decodes each result into a T,
// through its JSON form: a struct whose fields' JSON names are the query's
// tags, for instance. Query's []any is the HTTP API's "result" array, for
// a query whose answers have no one shape; package questions has typed
// answers to the questions asked most.
func QueryInto[T any](ctx context.Context, g *Graph, lang, q string, opts ...QueryOption) ([]T, error) {
	res, err := g.Query(ctx, lang, q, opts...)
	if err != nil {
		return nil, err
	}
	out := make([]T, len(res))
	for i, r := range res {
		data, err := json.Marshal(r)
		if err != nil {
			return nil, fmt.Errorf("query: result %d: %w", i, err)
		}
		if err := json.Unmarshal(data, &out[i]); err != nil {
			return nil, fmt.Errorf("query: result %d into %T: %w", i, out[i], err)
		}
	}
	return out, nil
}
