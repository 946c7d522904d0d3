package extract

import (
	"context"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// An Article is one news article as read from a file or stream.
type Article struct {
	ID     string    // stable identifier: the file's path below the root read, slugged
	Path   string    // where it was read from ("-" for stdin)
	Title  string    // headline: front matter title, or the first non-empty line
	Body   string    // the text after the headline, paragraphs separated by blank lines
	Date   time.Time // publication date, zero when unknown
	URL    string
	Source string // outlet name, when known
	Author string // byline, when known
	Hash   string // hex SHA-256 of the raw file, to skip unchanged articles
}

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
