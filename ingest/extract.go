package ingest

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/extract"
)

// Extract runs the pipeline without a store: the quads of each article src
// yields are written to w, in input order, each article's sorted as
// schema.Quads sorts them, so the same input gives byte-identical output.
// Failures are collected in the Summary as Run collects them; Loaded counts
// the articles written.
func Extract(ctx context.Context, ex extract.Extractor, src iter.Seq2[extract.Article, error], w quad.Writer, opts ...Option) (Summary, error) {
	c := newConfig(opts)
	start := time.Now()
	var sum Summary
	process := func(ctx context.Context, a extract.Article) outcome {
		doc, err := NewDoc(ctx, ex, a)
		return outcome{doc: doc, err: err}
	}
	handle := func(o outcome) error {
		switch {
		case o.readErr != nil:
			sum.Errors = append(sum.Errors, o.readErr)
		case o.err != nil:
			sum.Articles++
			sum.Errors = append(sum.Errors, o.err)
		default:
			sum.Articles++
			if _, err := w.WriteQuads(o.doc.Quads); err != nil {
				return fmt.Errorf("write quads of article %s: %w", o.doc.ArticleID, err)
			}
			sum.Loaded++
			sum.Quads += len(o.doc.Quads)
		}
		reportProgress(c, sum, start)
		return nil
	}
	err := pipeline(ctx, src, c.workers, process, handle)
	return sum, err
}
