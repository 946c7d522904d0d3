package questions

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

// A Service answers the questions about one graph. Its methods are safe
// for concurrent use. It keeps an index of names and articles in memory,
// built on the first question (or by Warm) and kept in step with the
// Graph's own loads and deletes.
type Service struct {
	g *graph.Graph

	mu sync.RWMutex // guards ix; held for reading while a question runs
	ix *index
}

// New returns a Service over g. g stays the caller's to close; the
// Service must not be used after it is.
func New(g *graph.Graph) *Service { return &Service{g: g} }

// Warm builds the index now rather than on the first question, so that
// question answers at once, and reads the topics' articles (a topic is in
// tens of thousands on a large store): a server calls it when it starts.
func (s *Service) Warm(ctx context.Context) error {
	if err := s.refresh(ctx); err != nil {
		return err
	}
	return s.withIndex(ctx, func(st *store, ix *index) error {
		a := newAsker(st, ix)
		for e := range ix.ents {
			if err := ctx.Err(); err != nil {
				return err
			}
			if ix.ents[e].kind == KindTopic && ix.ents[e].count > 0 {
				if _, err := a.articlesOf(int32(e)); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// refresh builds the index, or brings it up to the Graph's version.
func (s *Service) refresh(ctx context.Context) error {
	s.mu.RLock()
	current := s.ix != nil && s.ix.version == s.g.Version()
	s.mu.RUnlock()
	if current {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ix != nil {
		changes, now, ok := s.g.ChangedSince(s.ix.version)
		if now == s.ix.version {
			return nil
		}
		if ok {
			err := s.g.View(ctx, func(qs cgraph.QuadStore) error { return s.ix.update(newStore(ctx, qs), changes, now) })
			if err != nil {
				s.ix = nil // half updated: build it again next time
				return fmt.Errorf("update the name index: %w", err)
			}
			return nil
		}
	}
	// The version is read first: articles loaded while the index is
	// built are read again by the next refresh.
	version := s.g.Version()
	stamp, err := s.g.Stamp(ctx)
	if err != nil {
		return err
	}
	dir := s.g.CacheDir()
	if stamp != "" && dir != "" {
		if ix, err := loadIndex(filepath.Join(dir, indexFile), stamp, version); err == nil {
			s.ix = ix
			return nil
		}
	}
	ix, err := buildIndex(ctx, s.g, version)
	if err != nil {
		return fmt.Errorf("build the name index: %w", err)
	}
	s.ix = ix
	if stamp != "" && dir != "" {
		// Kept for the next process; where the directory is not ours to
		// write, not kept.
		_ = saveIndex(filepath.Join(dir, indexFile), stamp, ix)
	}
	return nil
}

// withIndex runs fn with a reader of the store and a current index.
func (s *Service) withIndex(ctx context.Context, fn func(*store, *index) error) error {
	if err := s.refresh(ctx); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	ask := func(st *store) error {
		st.lists = s.ix.lists
		err := fn(st, s.ix)
		// The names an error lists count a reform's articles, as answers do.
		var (
			nf  *NotFoundError
			amb *AmbiguousError
		)
		switch {
		case errors.As(err, &nf):
			if e := newAsker(st, s.ix).countReforms(nf.Suggestions); e != nil {
				return e
			}
		case errors.As(err, &amb):
			if e := newAsker(st, s.ix).countReforms(amb.Candidates); e != nil {
				return e
			}
		}
		return err
	}
	// On bolt, one read transaction reads the store by ID (graph.Raw).
	err := s.g.ViewRaw(ctx, func(raw *graph.Raw) error { return ask(newRawStore(ctx, raw)) })
	if !errors.Is(err, graph.ErrNoRaw) {
		return err
	}
	return s.g.View(ctx, func(qs cgraph.QuadStore) error {
		st := newStore(ctx, qs)
		if s.g.Backend() == graph.Bolt {
			st.incoming = func(node, pred quad.IRI, n int) ([]graph.Incoming, error) {
				return s.g.Incoming(ctx, node, pred, n)
			}
		}
		return ask(st)
	})
}

// countReforms sets the reforms' Articles to the articles that report
// them (the index counts their sentences).
func (a *asker) countReforms(es []Entity) error {
	for i := range es {
		if es[i].Kind != KindReform {
			continue
		}
		e, ok := a.ix.byIRI[plainIRI(es[i].ID)]
		if !ok {
			continue
		}
		arts, err := a.articlesOf(e)
		if err != nil {
			return err
		}
		es[i].Articles = len(arts)
	}
	return nil
}

// An Option shapes one question's answer.
type Option func(*options)

type options struct {
	limit, offset int
	kinds         []Kind
	scan          int
	scanSet       bool
}

func newOptions(opts []Option, limit int) options {
	o := options{limit: limit}
	for _, f := range opts {
		f(&o)
	}
	return o
}

// WithLimit bounds the rows (hits, statements, articles) an answer lists;
// zero or less lists all. Totals count them all regardless.
func WithLimit(n int) Option { return func(o *options) { o.limit = n } }

// WithOffset skips the first n rows, for the next page.
func WithOffset(n int) Option { return func(o *options) { o.offset = max(0, n) } }

// WithKinds narrows Search (and the names a question accepts, where it
// takes several kinds) to these kinds.
func WithKinds(ks ...Kind) Option { return func(o *options) { o.kinds = ks } }

// page returns the rows of list the options ask for.
func page[T any](list []T, o options) []T {
	if o.offset >= len(list) {
		return nil
	}
	list = list[o.offset:]
	if o.limit > 0 && len(list) > o.limit {
		list = list[:o.limit]
	}
	return list
}
