package graph_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph"
)

func ExampleOpen() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "newsgraph-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	// A bolt store is a directory, created on first use.
	g, err := graph.Open(ctx, graph.Bolt, filepath.Join(dir, "newsgraph.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer g.Close()

	// While it is open, nobody else may open it.
	_, err = graph.OpenURL(ctx, filepath.Join(dir, "newsgraph.db"))
	fmt.Println(errors.Is(err, graph.ErrInUse))
	// Output: true
}

func ExampleGraph_Load() {
	ctx := context.Background()
	g, err := graph.Open(ctx, graph.Memory, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer g.Close()

	doc := graph.Doc{ArticleID: "a1", Hash: "v1", Quads: []quad.Quad{
		quad.MakeIRI("person/ann-smith", "type", "Person", "article/a1"),
		{Subject: quad.IRI("person/ann-smith"), Predicate: quad.IRI("name"), Object: quad.String("Ann Smith"), Label: quad.IRI("article/a1")},
		{Subject: quad.IRI("person/ann-smith"), Predicate: quad.IRI("role"), Object: quad.String("health minister"), Label: quad.IRI("article/a1#s2")},
	}}
	for range 2 {
		res, err := g.Load(ctx, doc)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(res.Status, res.Quads)
	}
	doc.Hash = "v2"
	doc.Quads = doc.Quads[:2]
	res, _ := g.Load(ctx, doc)
	fmt.Println(res.Status, res.Quads, res.Removed)
	// Output:
	// added 5
	// skipped 5
	// replaced 3 3
}

func ExampleGraph_Query() {
	ctx := context.Background()
	g, _ := graph.Open(ctx, graph.Memory, "")
	defer g.Close()
	_, err := g.Load(ctx, graph.Doc{ArticleID: "a1", Quads: []quad.Quad{
		quad.MakeIRI("person/ann-smith", "said", "quote/a1/1", "article/a1#s3"),
		{Subject: quad.IRI("quote/a1/1"), Predicate: quad.IRI("text"), Object: quad.String("We will act."), Label: quad.IRI("article/a1#s3")},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := g.Query(ctx, "gizmo", `g.V().Tag("speaker").Out("<said>").Out("<text>").All()`)
	fmt.Println(res, err)
	// Output: [map[id:We will act. speaker:<person/ann-smith>]] <nil>
}

func ExampleQueryInto() {
	ctx := context.Background()
	g, _ := graph.Open(ctx, graph.Memory, "")
	defer g.Close()
	_, err := g.Load(ctx, graph.Doc{ArticleID: "a1", Quads: []quad.Quad{
		quad.MakeIRI("person/ann-smith", "said", "quote/a1/1", "article/a1#s3"),
		{Subject: quad.IRI("quote/a1/1"), Predicate: quad.IRI("text"), Object: quad.String("We will act."), Label: quad.IRI("article/a1#s3")},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	type said struct {
		Speaker string `json:"speaker"`
		Text    string `json:"id"`
	}
	rows, err := graph.QueryInto[said](ctx, g, "gizmo", `g.V().Tag("speaker").Out("<said>").Out("<text>").All()`)
	fmt.Printf("%+v %v\n", rows, err)
	// Output: [{Speaker:<person/ann-smith> Text:We will act.}] <nil>
}
