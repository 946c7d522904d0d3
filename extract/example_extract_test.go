package extract_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

func ExampleRules_Extract() {
	ex, err := extract.New()
	if err != nil {
		panic(err)
	}
	a := extract.Article{
		ID:    "water",
		Title: "Water boards to be scrapped",
		Body: `Regional water boards will be replaced by the National Water Authority, environment secretary Harriet Lomax said.

"The system is too fragmented," Ms Lomax said.`,
	}
	facts, err := ex.Extract(context.Background(), a)
	if err != nil {
		panic(err)
	}
	for _, q := range schema.Quads(facts) {
		switch {
		case q.Predicate == schema.Role, q.Predicate == schema.ReplacedBy, q.Predicate == schema.Said,
			q.Predicate == schema.Text && !strings.HasPrefix(q.Subject.String(), "<article/"):
			fmt.Println(q.Subject, q.Predicate, q.Object)
		}
	}
	// Output:
	// <org/regional-water-board> <replaced_by> <org/national-water-authority>
	// <person/harriet-lomax> <role> "environment secretary"
	// <person/harriet-lomax> <said> <statement/water/9c6f955e>
	// <statement/water/9c6f955e> <text> "Regional water boards will be replaced by the National Water Authority"
	// <person/harriet-lomax> <said> <quote/water/5c7f5549>
	// <quote/water/5c7f5549> <text> "The system is too fragmented"
}
