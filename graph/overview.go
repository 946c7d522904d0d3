package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
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
// quotation count, ties in name order. It starts from the five type nodes
// and the quotations, reading the object index (every backend has one; no
// Cayley key-value store indexes predicates, so reading "every <type> quad"
// would scan the whole store), and names only the speakers that can make the
// top. Its cost grows with the typed nodes and the quotations' edges.
func (g *Graph) Overview(ctx context.Context, top int) (_ Overview, err error) {
	defer g.damage.catchAll(&err, g.damage.faults())
	defer g.readLock()()
	qs := g.h.QuadStore
	var o Overview
	typeRef := qs.ValueOf(schema.Type)
	if typeRef == nil {
		return o, nil
	}
	kinds := []quad.IRI{schema.Person, schema.Organization, schema.Quotation, schema.Reform, schema.Topic}
	counts := []*int{&o.People, &o.Organizations, &o.Quotations, &o.Reforms, &o.Topics}
	perSpeaker := make(map[any]int)
	speakerRef := make(map[any]cgraph.Ref)
	fast := false
	if g.bolt != nil {
		n, speakers, err := boltOverview(g.bolt.db, kinds)
		switch {
		case err == nil:
			fast = true
			for i := range kinds {
				*counts[i] = n[i]
			}
			for id, c := range speakers {
				ref := kv.Int64Value(id)
				perSpeaker[cgraph.ToKey(ref)] = c
				speakerRef[cgraph.ToKey(ref)] = ref
			}
		case !errors.Is(err, errNoBoltIndex):
			return o, fmt.Errorf("overview: %w", err)
		}
	}
	var quotes []cgraph.Ref
	for i, kind := range kinds {
		if fast {
			break
		}
		subjects, err := linked(ctx, qs, typeRef, kind, quad.Subject)
		if err != nil {
			return o, fmt.Errorf("overview: %w", err)
		}
		*counts[i] = len(subjects)
		if kind == schema.Quotation {
			quotes = subjects
		}
	}
	if saidRef := qs.ValueOf(schema.Said); saidRef != nil && !fast {
		for _, q := range quotes {
			if err := ctx.Err(); err != nil {
				return o, fmt.Errorf("overview: %w", err)
			}
			speakers, err := linkedRef(ctx, qs, saidRef, q, quad.Subject)
			if err != nil {
				return o, fmt.Errorf("overview: %w", err)
			}
			for _, s := range speakers {
				k := cgraph.ToKey(s)
				perSpeaker[k]++
				speakerRef[k] = s
			}
		}
	}
	// Only speakers with at least the top-th count can be listed; names
	// (which break ties) are read for those alone.
	ns := make([]int, 0, len(perSpeaker))
	for _, n := range perSpeaker {
		ns = append(ns, n)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ns)))
	floor := 1
	if top > 0 && top <= len(ns) {
		floor = ns[top-1]
	}
	var speakers []Speaker
	for k, n := range perSpeaker {
		if n < floor || top <= 0 {
			continue
		}
		iri, ok := qs.NameOf(speakerRef[k]).(quad.IRI)
		if !ok {
			continue
		}
		speakers = append(speakers, Speaker{IRI: iri, Name: nameOf(ctx, qs, iri), Quotations: n})
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

// linked returns the distinct nodes at direction d of the quads
// (? pred obj), whatever their labels, read from obj's quads.
func linked(ctx context.Context, qs cgraph.QuadStore, pred cgraph.Ref, obj quad.Value, d quad.Direction) ([]cgraph.Ref, error) {
	ref := qs.ValueOf(obj)
	if ref == nil {
		return nil, nil
	}
	return linkedRef(ctx, qs, pred, ref, d)
}

func linkedRef(ctx context.Context, qs cgraph.QuadStore, pred, obj cgraph.Ref, d quad.Direction) ([]cgraph.Ref, error) {
	it := qs.QuadIterator(quad.Object, obj)
	defer it.Close()
	predKey, objKey := cgraph.ToKey(pred), cgraph.ToKey(obj)
	seen := make(map[any]bool)
	var out []cgraph.Ref
	for it.Next(ctx) {
		r := it.Result()
		// SQL stores answer for any ref: check both ends.
		if cgraph.ToKey(qs.QuadDirection(r, quad.Predicate)) != predKey || cgraph.ToKey(qs.QuadDirection(r, quad.Object)) != objKey {
			continue
		}
		v := qs.QuadDirection(r, d)
		if k := cgraph.ToKey(v); !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
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
