package source

import "time"

// An Article is one news article as read from a file, a record of a feed,
// archive or dataset, or a stream. Everything downstream (extract.Clean,
// the extractor, the store) sees an article only through these fields.
type Article struct {
	ID     string    // stable identifier: the file's path below the root read, slugged (see Read)
	Path   string    // where it was read from ("-" for stdin; "FILE#RECORD" for one of many)
	Title  string    // headline
	Body   string    // the text after the headline, paragraphs separated by blank lines
	Date   time.Time // publication date, zero when unknown
	URL    string
	Source string // outlet name, when known
	Author string // byline, when known
	// Language is the article's language as its page, feed or record
	// declares it ("en", "en-GB"), when it does. It is read for callers;
	// the graph does not record it yet.
	Language string
	Hash     string // hex SHA-256 of what the article was read from, to skip unchanged articles
}
