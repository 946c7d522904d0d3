package graph_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph"
)

// benchDocs makes n articles of per quads each; their people recur across
// articles, as a corpus's do, and every quotation is new.
func benchDocs(n, per int, version string) []graph.Doc {
	docs := make([]graph.Doc, n)
	for i := range docs {
		id := fmt.Sprintf("bench-%06d", i)
		qs := make([]quad.Quad, 0, per)
		for j := range per {
			label := quad.IRI(fmt.Sprintf("article/%s#s%d", id, j%25+1))
			person := quad.IRI(fmt.Sprintf("person/p%d", (i*7+j)%5000))
			qs = append(qs, quad.Quad{Subject: person, Predicate: quad.IRI(fmt.Sprintf("pred%d", j%20)),
				Object: quad.String(fmt.Sprintf("%s words %d-%d", version, i, j)), Label: label})
		}
		docs[i] = graph.Doc{ArticleID: id, Hash: version, Quads: qs}
	}
	return docs
}

// BenchmarkLoadBatch loads 200 new articles of 100 quads, then replaces
// them all with changed versions.
func BenchmarkLoadBatch(b *testing.B) {
	v1, v2 := benchDocs(200, 100, "v1"), benchDocs(200, 100, "v2")
	for _, backend := range []string{graph.Memory, graph.Bolt} {
		for _, phase := range []string{"new", "replace"} {
			b.Run(backend+"/"+phase, func(b *testing.B) {
				ctx := context.Background()
				quads := 0
				for b.Loop() {
					b.StopTimer()
					addr := ""
					if backend == graph.Bolt {
						addr = filepath.Join(b.TempDir(), "db")
					}
					g, err := graph.Open(ctx, backend, addr)
					if err != nil {
						b.Fatal(err)
					}
					if phase == "replace" {
						if _, err := g.LoadBatch(ctx, v1); err != nil {
							b.Fatal(err)
						}
					}
					b.StartTimer()
					res, err := g.LoadBatch(ctx, v2)
					if err != nil {
						b.Fatal(err)
					}
					for _, r := range res {
						quads += r.Added + r.Removed
					}
					b.StopTimer()
					g.Close()
					b.StartTimer()
				}
				b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
			})
		}
	}
}
