package canned

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// TestGoMatchesGizmo: Run's Go form answers what the Gizmo program (which
// the HTTP API and the explorer run) answers, row for row and in order, on
// memstore and on bolt, where the Go form reads incoming edges from the
// object+predicate index instead of Gizmo's In.
func TestGoMatchesGizmo(t *testing.T) {
	args := map[string][]string{
		"who-said": {"integration", "water", "topic 0", "topic 7", "TOPIC 4 ", "nothing"},
		"roles":    {"Maria Okafor", "Okafor", "Tom Hale", "Person 0", "Person 42", "person 4", "Nobody Atall"},
		"reforms": {"regional water boards", "RWB", "national water agency", "Department of Environment",
			"Org 0", "org 17", "org 18", "org 1"},
	}
	stores := map[string]cgraph.QuadStore{"fixture": fixtureStore(t)}
	for _, backend := range []string{graph.Memory, graph.Bolt} {
		qs, err := openBench(t, backend, "", 300)
		if err != nil {
			t.Fatal(err)
		}
		stores[backend] = qs
	}
	if pg := graphtest.PostgresURL(t); pg != "" {
		qs, err := openBench(t, graph.Postgres, pg, 100) // SQL answers path by path: slower
		if err != nil {
			t.Fatal(err)
		}
		stores[graph.Postgres] = qs
	}
	if r := newReader(context.Background(), stores[graph.Bolt], 0); r.inIndex == nil {
		t.Error("bolt: no object+predicate index found; the Go form reads incoming edges as Gizmo does")
	}
	ctx := context.Background()
	for name, qs := range stores {
		for _, q := range Questions() {
			for _, arg := range args[q.Name] {
				for _, limit := range []int{0, 1, 7, 100} {
					t.Run(fmt.Sprintf("%s/%s/%s/%d", name, q.Name, arg, limit), func(t *testing.T) {
						want, err := Run(ctx, qs, q, arg, WithLimit(limit), WithGizmo())
						if err != nil {
							t.Fatal(err)
						}
						got, err := Run(ctx, qs, q, arg, WithLimit(limit))
						if err != nil {
							t.Fatal(err)
						}
						if limit > 0 && len(want) > limit {
							t.Errorf("Gizmo: %d rows past the limit", len(want))
						}
						if len(got) != len(want) {
							t.Fatalf("Go %d rows, Gizmo %d", len(got), len(want))
						}
						for i := range want {
							if !reflect.DeepEqual(got[i], want[i]) {
								t.Fatalf("row %d:\n Go    %v\n Gizmo %v", i, got[i], want[i])
							}
						}
					})
				}
			}
		}
	}
}
