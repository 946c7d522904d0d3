package ingest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// A Summary counts what a run did.
type Summary struct {
	Articles int     // articles read (files that failed to read are in Errors only)
	Loaded   int     // articles written: new ones and changed ones
	Replaced int     // of Loaded, those that replaced an earlier version
	Skipped  int     // articles whose content the store already held
	Quads    int     // quads of the articles loaded (for Extract: written)
	Errors   []error // one per file or article that failed, in input order
}

// Failed is the number of files and articles that failed.
func (s Summary) Failed() int { return len(s.Errors) }

// Progress is a snapshot of a run, passed to the WithProgress callback.
type Progress struct {
	Articles, Loaded, Skipped, Failed, Quads int // as in Summary
	Elapsed                                  time.Duration
}

// An ArticleError is an article that was read but could not be extracted or
// loaded.
type ArticleError struct {
	Path      string // the file it was read from
	ArticleID string
	Err       error
}

func (e *ArticleError) Error() string {
	name := e.Path
	if name == "" {
		name = "article " + e.ArticleID
	}
	return name + ": " + e.Err.Error()
}

func (e *ArticleError) Unwrap() error { return e.Err }

type config struct {
	workers    int
	batchQuads int
	progress   func(Progress)
}

// An Option configures Run and Extract.
type Option func(*config)

// WithWorkers sets how many articles are extracted at once (default 1).
// Output order does not depend on it.
func WithWorkers(n int) Option {
	return func(c *config) { c.workers = max(1, n) }
}

// DefaultBatchQuads is how many quads Run gathers, by default, before
// loading them in one batch (one transaction on bolt). Each commit rewrites
// the index entries and node counts of every value the batch touches, all
// over the store: loading 100,000 synthetic articles (16.3 M quads) into
// bolt wrote 45 GB for a 5.6 GB store in batches of 200,000 quads
// (bench/README.md). A batch of a million quads holds ~150 MB.
const DefaultBatchQuads = 1_000_000

// WithBatchQuads sets how many quads Run gathers before loading them in one
// batch (default DefaultBatchQuads); one article's quads are never split.
func WithBatchQuads(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.batchQuads = n
		}
	}
}

// WithProgress calls f, from the goroutine that called Run or Extract, after
// each article is handled (extracted, skipped or failed) and after each batch
// is written. f should be quick: it holds up the run.
func WithProgress(f func(Progress)) Option {
	return func(c *config) { c.progress = f }
}

func newConfig(opts []Option) config {
	c := config{workers: 1, batchQuads: DefaultBatchQuads}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// Run extracts the articles src yields and loads them into g. See the
// package comment for how failures are handled; the Summary is valid even
// when an error is returned.
func Run(ctx context.Context, g *graph.Graph, ex extract.Extractor, src iter.Seq2[extract.Article, error], opts ...Option) (Summary, error) {
	c := newConfig(opts)
	r := newRunner(ctx, c, g)
	process := func(ctx context.Context, a extract.Article) outcome {
		if h := docHash(ex, a); h != "" {
			stored, ok, err := g.ArticleHash(ctx, a.ID)
			if err != nil {
				return outcome{err: err, fatal: true}
			}
			if ok && stored == h {
				return outcome{skipped: true}
			}
		}
		doc, err := NewDoc(ctx, ex, a)
		if err != nil {
			return outcome{err: err}
		}
		return outcome{doc: doc}
	}
	err := pipeline(ctx, src, c.workers, process, r.handle)
	if err == nil {
		err = r.flush()
	}
	if ferr := r.finish(); err == nil {
		err = ferr
	}
	r.report()
	return r.sum, err
}

// NewDoc turns an article into the Doc a graph loads: cleaned, extracted,
// its facts made into sorted, labelled quads, checked.
func NewDoc(ctx context.Context, ex extract.Extractor, a extract.Article) (doc graph.Doc, err error) {
	defer func() {
		// Extractors promise not to panic; one article must not end a batch
		// of a hundred thousand if one does.
		if p := recover(); p != nil {
			err = &ArticleError{Path: a.Path, ArticleID: a.ID, Err: fmt.Errorf("extract: panic: %v", p)}
		}
	}()
	facts, err := ex.Extract(ctx, extract.Clean(a))
	if err != nil {
		return graph.Doc{}, &ArticleError{Path: a.Path, ArticleID: a.ID, Err: fmt.Errorf("extract: %w", err)}
	}
	doc = graph.Doc{ArticleID: a.ID, Hash: docHash(ex, a), Quads: schema.Quads(facts)}
	if err := doc.Validate(); err != nil {
		return graph.Doc{}, &ArticleError{Path: a.Path, ArticleID: a.ID, Err: err}
	}
	return doc, nil
}

// docHash is the hash a store records for the article: its content hash,
// followed by the extractor's fingerprint when it has one, so that a build
// with other rules or another lexicon extracts the article again instead of
// skipping it. It is empty when the article has no content hash.
func docHash(ex extract.Extractor, a extract.Article) string {
	if a.Hash == "" {
		return ""
	}
	if f, ok := ex.(extract.Fingerprinter); ok {
		return a.Hash + " " + f.Fingerprint()
	}
	return a.Hash
}

// runner is Run's state, touched only from the caller's goroutine, but for
// the loader goroutine, which loads the batches flush hands it while the
// workers extract the next: loading and extracting each take about half of
// a large build, and one after the other they took the sum.
type runner struct {
	ctx     context.Context
	cfg     config
	g       *graph.Graph
	start   time.Time
	sum     Summary
	pending []graph.Doc
	quads   int

	batches  chan []graph.Doc // to the loader
	loaded   chan loadedBatch // from it
	inFlight int              // batches handed over and not yet reported
	loadErr  error            // the first failed batch's error
}

type loadedBatch struct {
	res []graph.LoadResult
	err error
}

// maxInFlight is how many batches may be handed to the loader at once: one
// loads while the next gathers, so memory holds two batches.
const maxInFlight = 1

func newRunner(ctx context.Context, c config, g *graph.Graph) *runner {
	r := &runner{ctx: ctx, cfg: c, g: g, start: time.Now(),
		batches: make(chan []graph.Doc, maxInFlight), loaded: make(chan loadedBatch, maxInFlight)}
	go func() {
		failed := false
		for docs := range r.batches {
			if failed {
				r.loaded <- loadedBatch{err: errors.New("not loaded: an earlier batch failed")}
				continue
			}
			res, err := g.LoadBatch(ctx, docs)
			failed = err != nil
			r.loaded <- loadedBatch{res: res, err: err}
		}
		close(r.loaded)
	}()
	return r
}

func (r *runner) handle(o outcome) error {
	if err := r.collect(false); err != nil {
		return err
	}
	if o.readErr != nil {
		r.sum.Errors = append(r.sum.Errors, o.readErr)
		r.report()
		return nil
	}
	r.sum.Articles++
	switch {
	case o.err != nil:
		r.sum.Errors = append(r.sum.Errors, o.err)
		r.report()
	case o.skipped:
		r.sum.Skipped++
		r.report()
	default:
		r.pending = append(r.pending, o.doc)
		r.quads += len(o.doc.Quads)
		if r.quads >= r.cfg.batchQuads {
			return r.flush()
		}
		r.report()
	}
	return nil
}

// flush hands the pending docs to the loader, waiting for a batch to finish
// first when maxInFlight are out.
func (r *runner) flush() error {
	if len(r.pending) == 0 {
		return r.loadErr
	}
	for r.inFlight >= maxInFlight {
		if err := r.collect(true); err != nil {
			return err
		}
	}
	if r.loadErr != nil {
		return r.loadErr
	}
	r.batches <- r.pending
	r.inFlight++
	r.pending, r.quads = nil, 0
	return nil
}

// collect records the batches the loader has finished: one, waiting for it,
// if wait is set, else those already done. It returns the first load error.
func (r *runner) collect(wait bool) error {
	for r.inFlight > 0 {
		var b loadedBatch
		if wait {
			b = <-r.loaded
		} else {
			select {
			case b = <-r.loaded:
			default:
				return r.loadErr
			}
		}
		r.inFlight--
		wait = false
		if b.err != nil {
			if r.loadErr == nil {
				r.loadErr = b.err
			}
			continue
		}
		for _, lr := range b.res {
			switch lr.Status {
			case graph.Skipped:
				r.sum.Skipped++
			case graph.Replaced:
				r.sum.Replaced++
				fallthrough
			default:
				r.sum.Loaded++
				r.sum.Quads += lr.Quads
			}
		}
		r.report()
	}
	return r.loadErr
}

// finish waits for the loader to load what it was handed, and stops it.
func (r *runner) finish() error {
	close(r.batches)
	for r.inFlight > 0 {
		r.collect(true)
	}
	for range r.loaded {
	}
	return r.loadErr
}

func (r *runner) report() { reportProgress(r.cfg, r.sum, r.start) }

func reportProgress(c config, s Summary, start time.Time) {
	if c.progress != nil {
		c.progress(Progress{
			Articles: s.Articles, Loaded: s.Loaded, Skipped: s.Skipped, Failed: len(s.Errors), Quads: s.Quads,
			Elapsed: time.Since(start),
		})
	}
}
