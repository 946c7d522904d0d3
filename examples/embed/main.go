// Embed shows the whole newsgraph pipeline inside another Go program: read
// the example articles, extract their facts into an in-memory Cayley graph,
// and ask it who said what about integration.
package main

import (
	"context"
	"fmt"
	"log"

	"github.com/newsgraph/newsgraph/examples"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/source"
)

func main() {
	ctx := context.Background()
	ex, err := extract.New()
	if err != nil {
		log.Fatal(err)
	}
	g, err := graph.Open(ctx, "memory", "")
	if err != nil {
		log.Fatal(err)
	}
	defer g.Close()
	sum, err := ingest.Run(ctx, g, ex, source.ReadFS(ctx, examples.Articles, "."))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d articles, %d quads\n", sum.Loaded, sum.Quads)
	rows, err := g.Query(ctx, "gizmo", `g.V("<topic/integration>").In("<about>").Tag("quote").
		Out("<text>").Tag("text").Back("quote").In("<said>").Out("<name>").Tag("speaker").All()`)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range rows {
		m := r.(map[string]any)
		fmt.Printf("%s: %.70s\n", m["speaker"], m["text"])
	}
}
