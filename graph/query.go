package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/graph/sandbox"
)

// Query defaults: the row limit and timeout are Cayley's HTTP API's; the
// rest are newsgraph's server's (graph/server).
const (
	DefaultQueryLimit   = 100
	DefaultQueryTimeout = 30 * time.Second
	DefaultArrayLimit   = 100_000
	DefaultAnswerBytes  = 8 << 20
	DefaultQueryMemory  = 512 << 20
)

type queryConfig struct {
	lim sandbox.Limits
}

// A QueryOption configures Query.
type QueryOption func(*queryConfig)

// WithLimit caps the number of results (default DefaultQueryLimit); zero or
// less means no cap. It is the row limit of package sandbox: All(),
// GetLimit, g.Emit, GraphQL's objects at each level, MQL's results.
func WithLimit(n int) QueryOption {
	return func(c *queryConfig) { c.lim.Rows = n }
}

// WithTimeout bounds a query's run time (default DefaultQueryTimeout); zero
// or less means only ctx bounds it.
func WithTimeout(d time.Duration) QueryOption {
	return func(c *queryConfig) { c.lim.Timeout = d }
}

// WithArrayLimit bounds one Gizmo ToArray, TagArray, ForEach or Map call
// (default DefaultArrayLimit); zero or less means no bound.
func WithArrayLimit(n int) QueryOption {
	return func(c *queryConfig) { c.lim.Values = n }
}

// WithAnswerBytes bounds the JSON of the answer (default
// DefaultAnswerBytes); zero or less means no bound.
func WithAnswerBytes(n int64) QueryOption {
	return func(c *queryConfig) { c.lim.AnswerBytes = n }
}

// WithMemory bounds the heap the query may grow (default
// DefaultQueryMemory); zero or less means no bound.
func WithMemory(n int64) QueryOption {
	return func(c *queryConfig) { c.lim.Memory = n }
}

// Query runs a query in a Cayley query language ("gizmo" when lang is
// empty; "graphql" and "mql") and returns its results collated as JSON
// values: the "result" array Cayley's HTTP API v2 answers with (for
// GraphQL, one value: the "data" object), except that no results is an
// empty slice rather than null.
//
// The query runs in package sandbox, held to the options' limits as
// newsgraph's server holds it; a query stopped at one returns a
// *sandbox.LimitError. Query returns once the query's work has stopped.
func (g *Graph) Query(ctx context.Context, lang, q string, opts ...QueryOption) (_ []any, err error) {
	defer g.damage.catchAll(&err, g.damage.faults())
	c := queryConfig{lim: sandbox.Limits{
		Rows: DefaultQueryLimit, Timeout: DefaultQueryTimeout, Values: DefaultArrayLimit,
		AnswerBytes: DefaultAnswerBytes, Memory: DefaultQueryMemory,
	}}
	for _, o := range opts {
		o(&c)
	}
	if lang == "" {
		lang = "gizmo"
	}
	defer g.readLock()()
	ans, err := sandbox.New(c.lim).Run(ctx, g.h.QuadStore, lang, q)
	<-ans.Stopped
	if errors.Is(err, sandbox.ErrUnknownLanguage) {
		return nil, fmt.Errorf("query: unknown language %q", lang)
	}
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	if ans.Rows == nil {
		return []any{}, nil
	}
	return ans.Rows, nil
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
