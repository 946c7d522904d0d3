package canned

import (
	"context"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// samples find an argument each question has an answer for, starting from
// the node of the type it asks about.
var samples = map[string]func(qs graph.QuadStore) *path.Path{
	"who-said": func(qs graph.QuadStore) *path.Path {
		return path.StartPath(qs, schema.Topic).In(schema.Type).Tag("n").In(schema.About).Back("n").Out(schema.Name)
	},
	"roles": func(qs graph.QuadStore) *path.Path {
		return path.StartPath(qs, schema.Person).In(schema.Type).Tag("n").Out(schema.Role).Back("n").Out(schema.Name)
	},
	"reforms": func(qs graph.QuadStore) *path.Path {
		return path.StartPath(qs, schema.Reform).In(schema.Type).Out(schema.Affects).Out(schema.Name)
	},
}

// ExampleArg returns an argument q has answers for in qs, so a user shown
// the question can run it as it stands; q.Example when none is found.
func ExampleArg(ctx context.Context, qs graph.QuadStore, q Question) string {
	sample, ok := samples[q.Name]
	if !ok {
		return q.Example
	}
	arg := q.Example
	err := sample(qs).Limit(1).Iterate(ctx).EachValue(qs, func(v quad.Value) {
		if s, ok := v.(quad.String); ok {
			arg = string(s)
		}
	})
	if err != nil {
		return q.Example
	}
	return arg
}
