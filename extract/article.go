package extract

import (
	"context"

	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// An Article is one news article, as package source reads it. The alias
// lets the extractor's API read on its own (extract.Article, extract.Clean)
// while the type lives where articles are made, so data flows one way:
// source → extract → schema → graph.
type Article = source.Article

// An Extractor turns an article into facts. Implementations must be safe
// for concurrent use and must not panic on any input.
type Extractor interface {
	Extract(ctx context.Context, a Article) ([]schema.Fact, error)
}

// A Fingerprinter is an Extractor that can name what its output depends on
// besides the article: its rules and lexicon. Two extractors with the same
// fingerprint extract the same facts from every article, so a build skips
// an article stored with the same content and fingerprint, and extracts it
// again when either has changed.
type Fingerprinter interface {
	Fingerprint() string
}
