package ingest

import (
	"context"
	"errors"
	"iter"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// An outcome is what became of one item the source yielded.
type outcome struct {
	readErr error     // the source could not read it
	err     error     // it was read but failed
	fatal   bool      // err ends the run (the store failed, ctx ended)
	skipped bool      // the store already holds it
	doc     graph.Doc // its quads, ready to load
}

// pipeline feeds each article src yields to process, on workers goroutines,
// and hands the outcomes to handle in input order, on the caller's
// goroutine. It returns the first error handle returns, a fatal outcome's
// error, or ctx's. At most 4×workers articles are in flight, so memory does
// not grow with the input. No goroutine outlives the call.
func pipeline(ctx context.Context, src iter.Seq2[extract.Article, error], workers int,
	process func(context.Context, extract.Article) outcome, handle func(outcome) error) error {
	if workers <= 1 {
		for a, err := range src {
			o := readOutcome(ctx, err)
			if o.readErr == nil && !o.fatal {
				if err := ctx.Err(); err != nil {
					return err
				}
				o = process(ctx, a)
			}
			if o.fatal {
				return o.err
			}
			if err := handle(o); err != nil {
				return err
			}
		}
		return ctx.Err()
	}

	type item struct {
		seq int
		a   extract.Article
		o   outcome
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan item)
	results := make(chan item, workers)
	slots := make(chan struct{}, 4*workers) // articles between reading and handling

	go func() {
		defer close(jobs)
		seq := 0
		for a, err := range src {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			it := item{seq: seq, a: a, o: readOutcome(parent, err)}
			seq++
			select {
			case jobs <- it:
			case <-ctx.Done():
				return
			}
		}
	}()
	done := make(chan struct{})
	for range workers {
		go func() {
			defer func() { done <- struct{}{} }()
			for it := range jobs {
				if it.o.readErr == nil && !it.o.fatal {
					it.o = process(ctx, it.a)
				}
				select {
				case results <- it:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		for range workers {
			<-done
		}
		close(results)
	}()

	stop := func(err error) error {
		cancel()
		for range results {
		}
		return err
	}
	waiting := make(map[int]item)
	next := 0
	for it := range results {
		waiting[it.seq] = it
		for {
			it, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			next++
			<-slots
			if it.o.fatal {
				return stop(it.o.err)
			}
			if err := handle(it.o); err != nil {
				return stop(err)
			}
		}
	}
	return parent.Err()
}

// readOutcome sorts an error from the source: ctx ending stops the run, any
// other error is one file that could not be read.
func readOutcome(ctx context.Context, err error) outcome {
	switch {
	case err == nil:
		return outcome{}
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		return outcome{err: err, fatal: true}
	}
	return outcome{readErr: err}
}
