package questions_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/examples"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/questions"
	"github.com/newsgraph/newsgraph/source"
)

// examplesGraph is a memory graph of the example articles.
func examplesGraph(t testing.TB) *graph.Graph {
	t.Helper()
	ctx := context.Background()
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	g, err := graph.Open(ctx, graph.Memory, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	if _, err := ingest.Run(ctx, g, ex, source.ReadFS(ctx, examples.Articles, ".")); err != nil {
		t.Fatal(err)
	}
	return g
}

func examplesService(t testing.TB) *questions.Service {
	t.Helper()
	return questions.New(examplesGraph(t))
}
