package graph

import (
	"context"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/schema"
)

// An Overview says what a graph found: how many entities of each kind, and
// who was quoted most.
type Overview struct {
	People        int
	Organizations int
	Quotations    int
	Reforms       int
	Topics        int
	TopSpeakers   []Speaker // most quotations first
}

// A Speaker is a person or organisation and the number of distinct
// quotations (nodes of type <Quotation>) they <said>.
type Speaker struct {
	IRI        quad.IRI
	Name       string // their <name>, or the IRI when they have none
	Quotations int
}

// Overview counts the graph's people, organisations, quotations, reforms and
// topics (distinct nodes with that <type>), and returns the top speakers by
// quotation count, ties in name order. It reads every <type> and <said>
// quad once, so its cost grows with the graph, not with a query plan.
func (g *Graph) Overview(ctx context.Context, top int) (Overview, error) {
	defer g.readLock()()
	qs := g.h.QuadStore
	var o Overview
	types, err := pairs(ctx, qs, schema.Type)
	if err != nil {
		return o, fmt.Errorf("overview: %w", err)
	}
	counts := make(map[quad.Value]int)
	for p := range types {
		counts[p.object]++
	}
	o.People = counts[schema.Person]
	o.Organizations = counts[schema.Organization]
	o.Quotations = counts[schema.Quotation]
	o.Reforms = counts[schema.Reform]
	o.Topics = counts[schema.Topic]

	said, err := pairs(ctx, qs, schema.Said)
	if err != nil {
		return o, fmt.Errorf("overview: %w", err)
	}
	perSpeaker := make(map[quad.Value]int)
	for p := range said {
		// <said> also links speakers to reported statements; count quotations.
		if types[pair{p.object, schema.Quotation}] {
			perSpeaker[p.subject]++
		}
	}
	speakers := make([]Speaker, 0, len(perSpeaker))
	for v, n := range perSpeaker {
		iri, ok := v.(quad.IRI)
		if !ok {
			continue
		}
		speakers = append(speakers, Speaker{IRI: iri, Name: nameOf(ctx, qs, v), Quotations: n})
	}
	sort.Slice(speakers, func(i, j int) bool {
		a, b := speakers[i], speakers[j]
		if a.Quotations != b.Quotations {
			return a.Quotations > b.Quotations
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.IRI < b.IRI
	})
	o.TopSpeakers = speakers[:min(max(top, 0), len(speakers))]
	return o, nil
}

type pair struct{ subject, object quad.Value }

// pairs returns the distinct (subject, object) pairs of a predicate's quads,
// whatever their labels.
func pairs(ctx context.Context, qs cgraph.QuadStore, pred quad.IRI) (map[pair]bool, error) {
	out := make(map[pair]bool)
	ref := qs.ValueOf(pred)
	if ref == nil {
		return out, nil
	}
	it := qs.QuadIterator(quad.Predicate, ref)
	defer it.Close()
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		if q.Predicate != pred { // SQL stores answer for any ref
			continue
		}
		out[pair{q.Subject, q.Object}] = true
	}
	return out, it.Err()
}

// nameOf returns a node's smallest <name>, or its IRI.
func nameOf(ctx context.Context, qs cgraph.QuadStore, v quad.Value) string {
	name := ""
	ref := qs.ValueOf(v)
	if ref != nil {
		it := qs.QuadIterator(quad.Subject, ref)
		for it.Next(ctx) {
			q := qs.Quad(it.Result())
			if q.Predicate != schema.Name {
				continue
			}
			if s := valueText(q.Object); name == "" || s < name {
				name = s
			}
		}
		it.Close()
	}
	if name == "" {
		name = quad.StringOf(v)
	}
	return name
}
