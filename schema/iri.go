package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"
)

// Slug turns a name into the lower-case, hyphenated form used in IRIs:
// "Mee Ling Ng" → "mee-ling-ng", "Société Générale" → "societe-generale".
// Equal names give equal slugs, so IRIs minted in separate runs agree.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '\u2019' || r == '\u2018':
			continue // "children's" → "childrens"
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	s := b.String()
	if s == "" {
		s = "x"
	}
	if len(s) > 80 {
		s = s[:80] + "-" + shortHash(s)
	}
	return s
}

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:4])
}

// kindPrefix is the IRI path segment of each node type.
var kindPrefix = map[quad.IRI]string{
	Person:       "person",
	Organization: "org",
	Reform:       "reform",
	Quotation:    "quote",
	Topic:        "topic",
	Article:      "article",
}

// EntityIRI mints the IRI of an entity of the given type from its canonical
// name: EntityIRI(Person, "Paul Burstow") is <person/paul-burstow>.
func EntityIRI(t quad.IRI, name string) quad.IRI {
	p, ok := kindPrefix[t]
	if !ok {
		p = strings.ToLower(string(t))
	}
	return quad.IRI(p + "/" + Slug(name))
}

// ArticleIRI is the IRI of an article with the given ID.
func ArticleIRI(id string) quad.IRI { return quad.IRI("article/" + id) }

// SentenceIRI is the IRI of the n-th sentence (from 1) of an article; it is
// the label of the quads read from that sentence.
func SentenceIRI(articleID string, n int) quad.IRI {
	return quad.IRI("article/" + articleID + "#s" + itoa(n))
}

// QuotationIRI mints a quotation's IRI from its article and its words, so the
// same quotation in the same article always gets the same node.
func QuotationIRI(articleID, text string) quad.IRI {
	return quad.IRI("quote/" + articleID + "/" + shortHash(text))
}

// StatementIRI mints the IRI of a reported statement, like QuotationIRI.
func StatementIRI(articleID, text string) quad.IRI {
	return quad.IRI("statement/" + articleID + "/" + shortHash(text))
}

// ArticleOf returns the article IRI a provenance label belongs to: the label
// with its "#…" fragment removed.
func ArticleOf(label quad.IRI) quad.IRI {
	if i := strings.IndexByte(string(label), '#'); i >= 0 {
		return label[:i]
	}
	return label
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
