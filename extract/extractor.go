package extract

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/schema"
)

// Rules is newsgraph's rule-based extractor: it reads people, organisations,
// roles, quotations, topics, reforms and stances with hand-written rules over
// a Lexicon of general knowledge. Its zero value is not usable; make one with
// New. A Rules is safe for concurrent use.
type Rules struct {
	lex         *Lexicon
	fingerprint string
}

// RulesVersion names the rules' behaviour: it changes whenever a change to
// the rules changes what they extract (TestExamplesGolden fails until it
// does), so that stores built before extract their articles again.
const RulesVersion = "rules-2026-12-05-roles.55"

// Option configures an extractor made by New.
type Option func(*Rules) error

// WithLexicon makes the extractor read with lex instead of the embedded lexicon.
func WithLexicon(lex *Lexicon) Option {
	return func(r *Rules) error {
		if lex == nil {
			return fmt.Errorf("extract: nil lexicon")
		}
		r.lex = lex
		return nil
	}
}

// WithLexiconFile extends the lexicon with a user's file (see Lexicon.ReadFile).
func WithLexiconFile(path string) Option {
	return func(r *Rules) error { return r.lex.ReadFile(path) }
}

// New returns the rule-based extractor with the embedded lexicons.
func New(opts ...Option) (*Rules, error) {
	lex, err := DefaultLexicon()
	if err != nil {
		return nil, err
	}
	r := &Rules{lex: lex}
	for _, o := range opts {
		if err := o(r); err != nil {
			return nil, err
		}
	}
	r.fingerprint = RulesVersion + "+lexicon-" + r.lex.Fingerprint()
	return r, nil
}

// Fingerprint names the rules and the lexicon r extracts with (see
// Fingerprinter): RulesVersion and a digest of the lexicon's entries.
func (r *Rules) Fingerprint() string { return r.fingerprint }

// Extract returns the facts found in a. Article-wide facts (types, names,
// mentions) are labelled with the article; the rest with their sentence.
func (r *Rules) Extract(ctx context.Context, a Article) (facts []schema.Fact, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if a.ID == "" {
		return nil, fmt.Errorf("extract: article has no ID")
	}
	defer func() {
		// The rules index tokens heavily; a bug on odd input must cost one
		// article, never the batch.
		if p := recover(); p != nil {
			facts, err = nil, fmt.Errorf("extract %s: internal error: %v", a.ID, p)
		}
	}()
	d := newDoc(a, r.lex)
	if !d.analyse(ctx) {
		return nil, fmt.Errorf("extract %s: %w", a.ID, ctx.Err())
	}
	return d.emit(), nil
}
