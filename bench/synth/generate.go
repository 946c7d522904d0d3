package synth

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
)

// Defaults of the world and the articles.
const (
	DefaultPeople        = 40000
	DefaultOrganisations = 6000
	defaultMinWords      = 150
	defaultMaxWords      = 800 // with the minimum and the last paragraph's overshoot, a mean near 500 words
	defaultFrontMatter   = 60
)

type options struct {
	workers      int
	truth        func(name string, facts []Fact) error
	people, orgs int
	minWords     int
	maxWords     int
	frontMatter  int
}

// An Option configures Generate.
type Option func(*options)

// WithWorkers sets how many goroutines write articles; the output does not
// depend on it. The default is GOMAXPROCS.
func WithWorkers(n int) Option { return func(o *options) { o.workers = n } }

// WithTruth asks for each article's truth: f is called after emit with the
// same name and the facts the article states, in order, on the caller's
// goroutine.
func WithTruth(f func(name string, facts []Fact) error) Option {
	return func(o *options) { o.truth = f }
}

// WithWorld sets the number of distinct people and organisations the
// articles draw on (defaults DefaultPeople and DefaultOrganisations).
func WithWorld(people, organisations int) Option {
	return func(o *options) { o.people, o.orgs = people, organisations }
}

// WithWords sets the range of body lengths in words; lengths are uniform
// in it, so the mean is the midpoint (default 150–800).
func WithWords(min, max int) Option { return func(o *options) { o.minWords, o.maxWords = min, max } }

// WithFrontMatter sets the percentage of articles that open with YAML
// front matter (title, date, source, url) rather than a bare headline
// (default 60).
func WithFrontMatter(percent int) Option { return func(o *options) { o.frontMatter = percent } }

// Name is the relative path of article i: articles are sharded a thousand
// to a directory ("012/012345.txt") so no directory grows unwieldy.
func Name(i int) string { return fmt.Sprintf("%03d/%06d.txt", i/1000, i) }

// Generate writes n synthetic articles and calls emit with each one's name
// (see Name) and text, in order of i, on the caller's goroutine. The body
// is only valid during the call. The same seed, n and options always give
// byte-identical articles, whatever the number of workers, and the first k
// articles of a corpus are the k articles of a smaller one.
//
// Generate stops at the first error from emit or the truth callback, or
// when ctx is done, and returns it.
func Generate(ctx context.Context, seed int64, n int, emit func(name string, body []byte) error, opts ...Option) error {
	o := options{
		workers: runtime.GOMAXPROCS(0), people: DefaultPeople, orgs: DefaultOrganisations,
		minWords: defaultMinWords, maxWords: defaultMaxWords, frontMatter: defaultFrontMatter,
	}
	for _, opt := range opts {
		opt(&o)
	}
	switch {
	case n < 0:
		return fmt.Errorf("synth: negative article count %d", n)
	case o.minWords < 1 || o.maxWords < o.minWords:
		return fmt.Errorf("synth: bad word range %d–%d", o.minWords, o.maxWords)
	case o.people < 100 || o.orgs < 100:
		return errors.New("synth: a world needs at least 100 people and 100 organisations")
	case o.workers < 1:
		o.workers = 1
	}
	w := newWorld(seed, o.people, o.orgs)

	type result struct {
		name  string
		body  *[]byte
		facts []Fact
	}
	type job struct {
		i   int
		out chan<- result
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	window := 8 * o.workers
	jobs := make(chan job, window)
	pending := make(chan chan result, window)
	bufs := sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}

	var wg sync.WaitGroup
	for k := 0; k < o.workers; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				buf := bufs.Get().(*[]byte)
				name := Name(j.i)
				body, facts := w.write(seed, j.i, name, &o, (*buf)[:0])
				*buf = body
				if o.truth == nil {
					facts = nil
				}
				j.out <- result{name, buf, facts}
			}
		}()
	}
	go func() {
		defer close(pending)
		defer close(jobs)
		for i := 0; i < n; i++ {
			ch := make(chan result, 1)
			select {
			case pending <- ch:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{i, ch}:
			case <-ctx.Done():
				close(ch) // the emitter is waiting on it
				return
			}
		}
	}()

	var err error
	for ch := range pending {
		res, ok := <-ch
		if !ok || err != nil {
			continue // draining after an error
		}
		if err = emit(res.name, *res.body); err == nil && o.truth != nil {
			err = o.truth(res.name, res.facts)
		}
		bufs.Put(res.body)
		if err != nil {
			cancel()
		}
	}
	wg.Wait()
	if err == nil {
		err = ctx.Err()
	}
	return err
}
