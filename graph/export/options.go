package export

// Options tune a writer. Make them with NewOptions and the WithXxx options;
// the zero value turns the timeline off.
type Options struct {
	// FoldQuotes turns each quotation node into "said" edges from its
	// speakers to what it is about (node-link formats only).
	FoldQuotes bool
	// Timeline adds the dates of the supporting articles to nodes and edges
	// (node-link formats only).
	Timeline bool
	// Base is prepended to relative IRIs: by N-Quads when set, by JSON-LD
	// always (schema.BaseIRI when empty).
	Base string
}

// An Option sets one of the Options.
type Option func(*Options)

// NewOptions returns the default options (timeline on) with opts applied.
func NewOptions(opts ...Option) Options {
	o := Options{Timeline: true}
	for _, f := range opts {
		f(&o)
	}
	return o
}

// WithFoldQuotes folds quotations into "said" edges carrying their words.
func WithFoldQuotes(fold bool) Option { return func(o *Options) { o.FoldQuotes = fold } }

// WithTimeline turns the article-date timeline on or off.
func WithTimeline(on bool) Option { return func(o *Options) { o.Timeline = on } }

// WithBaseIRI sets the base that makes relative IRIs absolute.
func WithBaseIRI(base string) Option { return func(o *Options) { o.Base = base } }
