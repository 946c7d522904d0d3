package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/schema"
)

// A Doc is one article's quads, ready to load.
type Doc struct {
	// ArticleID is the article's ID: its IRI is <article/ID>.
	ArticleID string
	// Hash fingerprints the article's content. Load skips an article whose
	// stored hash equals it. When empty, the value of the quads'
	// <article/ID> <content_hash> "…" is used, or else a hash of the quads.
	Hash string
	// Quads are the article's quads, each labelled <article/ID> or
	// <article/ID#…>.
	Quads []quad.Quad
}

// Validate reports what makes the doc unloadable: an empty or malformed
// article ID, a quad missing a term, a label that is not the article's.
func (d Doc) Validate() error {
	_, err := prepare(d)
	return err
}

// prepared is a validated Doc in write order.
type prepared struct {
	id    string
	art   quad.IRI
	hash  string
	quads []quad.Quad // article-labelled, then sentence-labelled, then the hash
}

// prepare validates d and puts its quads in the order they are written: the
// quads labelled with the article (including the sentence declarations)
// first, then the sentences' quads, and the content hash last. A load cut
// short therefore leaves either no trace of the article, or its IRI with its
// sentence declarations — enough for the next load to find and replace what
// was written — and an article with a content hash is complete.
func prepare(d Doc) (*prepared, error) {
	if err := checkID(d.ArticleID); err != nil {
		return nil, err
	}
	art := schema.ArticleIRI(d.ArticleID)
	p := &prepared{id: d.ArticleID, art: art}

	seen := make(map[quad.Quad]struct{}, len(d.Quads))
	declared := make(map[quad.IRI]bool)
	var (
		artQuads, sentQuads []quad.Quad
		sentences           []quad.IRI // in order of first use
		quadHash            string
	)
	for i, q := range d.Quads {
		if err := checkQuad(q, art); err != nil {
			return nil, fmt.Errorf("article %s: quad %d (%s): %w", d.ArticleID, i, q.NQuad(), err)
		}
		if _, dup := seen[q]; dup {
			continue
		}
		seen[q] = struct{}{}
		label := q.Label.(quad.IRI)
		if q.Subject == art && q.Predicate == schema.ContentHash {
			if quadHash == "" {
				quadHash = valueText(q.Object)
			}
			continue // written last, once, from p.hash
		}
		if label == art {
			if s, ok := q.Subject.(quad.IRI); ok && q.Predicate == schema.SentenceOf && q.Object == art && schema.ArticleOf(s) == art && s != art {
				declared[s] = true
			}
			artQuads = append(artQuads, q)
			continue
		}
		if _, ok := declared[label]; !ok {
			declared[label] = false
			sentences = append(sentences, label)
		}
		sentQuads = append(sentQuads, q)
	}
	for _, s := range sentences {
		if !declared[s] {
			artQuads = append(artQuads, quad.Quad{Subject: s, Predicate: schema.SentenceOf, Object: art, Label: art})
		}
	}

	p.hash = d.Hash
	if p.hash == "" {
		p.hash = quadHash
	}
	if p.hash == "" {
		p.hash = hashQuads(artQuads, sentQuads)
	}
	p.quads = make([]quad.Quad, 0, len(artQuads)+len(sentQuads)+1)
	p.quads = append(p.quads, artQuads...)
	p.quads = append(p.quads, sentQuads...)
	p.quads = append(p.quads, quad.Quad{Subject: art, Predicate: schema.ContentHash, Object: quad.String(p.hash), Label: art})
	return p, nil
}

// checkID rejects IDs that would not make one well-formed article IRI: a
// "#" would be read as a sentence fragment, and the rest are not allowed in
// an N-Quads IRI.
func checkID(id string) error {
	if id == "" {
		return fmt.Errorf("doc has no article ID")
	}
	if i := strings.IndexFunc(id, func(r rune) bool {
		return r <= ' ' || r == 0x7f || strings.ContainsRune("#<>\"{}|^`\\", r)
	}); i >= 0 {
		return fmt.Errorf("article ID %q: character %q not allowed", id, id[i])
	}
	return nil
}

func checkQuad(q quad.Quad, art quad.IRI) error {
	if !q.IsValid() {
		return fmt.Errorf("missing subject, predicate or object")
	}
	for _, d := range quad.Directions {
		if v := q.Get(d); v != nil && !knownValue(v) {
			return fmt.Errorf("%s: unsupported value type %T", d, v)
		}
	}
	switch l := q.Label.(type) {
	case nil:
		return fmt.Errorf("no label (want %s or a sentence of it)", art)
	case quad.IRI:
		if schema.ArticleOf(l) != art {
			return fmt.Errorf("label %s is not %s or a sentence of it", l, art)
		}
		if l != art && len(l) == len(art)+1 {
			return fmt.Errorf("label %s has an empty sentence fragment", l)
		}
	default:
		return fmt.Errorf("label %s is not an IRI", q.Label)
	}
	return nil
}

// knownValue accepts quad's own value types. They compare with ==, which
// the duplicate check relies on.
func knownValue(v quad.Value) bool {
	switch v.(type) {
	case quad.IRI, quad.BNode, quad.String, quad.TypedString, quad.LangString,
		quad.Int, quad.Float, quad.Bool, quad.Time:
		return true
	}
	return false
}

func valueText(v quad.Value) string {
	if s, ok := v.(quad.String); ok {
		return string(s)
	}
	return quad.StringOf(v)
}

// hashQuads fingerprints quads independently of their order.
func hashQuads(parts ...[]quad.Quad) string {
	var lines []string
	for _, qs := range parts {
		for _, q := range qs {
			lines = append(lines, q.NQuad())
		}
	}
	sort.Strings(lines)
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	return "quads:" + hex.EncodeToString(h.Sum(nil))
}
