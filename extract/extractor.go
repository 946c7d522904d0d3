package extract

import (
	"context"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/schema"
)

// Rules is newsgraph's rule-based extractor. Its zero value is not usable;
// make one with New.
type Rules struct{}

// Option configures an extractor made by New.
type Option func(*Rules) error

// New returns the rule-based extractor with the embedded lexicons.
func New(opts ...Option) (*Rules, error) {
	r := &Rules{}
	for _, o := range opts {
		if err := o(r); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Extract returns the facts found in a.
func (r *Rules) Extract(ctx context.Context, a Article) ([]schema.Fact, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	art := schema.ArticleIRI(a.ID)
	facts := []schema.Fact{
		{Subject: art, Predicate: schema.Type, Object: schema.Article, Article: a.ID},
		{Subject: art, Predicate: schema.Headline, Object: quad.String(a.Title), Article: a.ID},
	}
	if a.Hash != "" {
		facts = append(facts, schema.Fact{Subject: art, Predicate: schema.ContentHash, Object: quad.String(a.Hash), Article: a.ID})
	}
	return facts, nil
}
