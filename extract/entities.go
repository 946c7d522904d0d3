package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/schema"
)

// An entity is a person or organisation of one article, with every name the
// article gives it.
type entity struct {
	kind    quad.IRI // schema.Person or schema.Organization
	name    string   // canonical name: the fullest form the article gives
	key     string   // organisations: the name's key (Lexicon.orgKey), for the IRI
	aliases map[string]bool
	surname string // persons: last word of the name
	gender  string // "male", "female" or ""
	class   bool   // organisations: a class of bodies ("primary care trusts")
	generic bool   // organisations spoken of in general ("the government")
	sents   map[int]bool
	id      int
}

// iri mints the entity's IRI. A body's IRI is made from its key (see
// orgKey), so "Regional Water Boards" in one article and "regional water
// board" in another are one node.
func (e *entity) iri() quad.IRI {
	if e.kind == schema.Organization {
		return schema.EntityIRI(e.kind, e.key)
	}
	return schema.EntityIRI(e.kind, e.name)
}

// looseKey is the form of a body's name that look-ups within an article
// use: lower case, single spaces, the last word singular whatever it is
// ("Arcas" and "Arca" are one body).
func looseKey(name string) string {
	lower := strings.ToLower(name)
	if strings.TrimSpace(lower) == lower && !strings.Contains(lower, "  ") && !strings.ContainsAny(lower, "\t\n") {
		// Single spaces already: only the last word may change.
		sp := strings.LastIndexByte(lower, ' ')
		last := lower[sp+1:]
		if one := singular(last); one != last {
			return lower[:sp+1] + one
		}
		return lower
	}
	f := strings.Fields(lower)
	if n := len(f); n > 0 {
		f[n-1] = singular(f[n-1])
	}
	return strings.Join(f, " ")
}

// orgKey is the form of a body's name that IRIs and look-ups use: lower
// case, the last word singular when it is a body's head or class word in
// the plural ("Regional Water Boards", "primary care trusts") or the name is
// a lower-case class. Other plurals are part of the name: "Sky News",
// "Department for Work and Pensions", and so is a head word after "of",
// "for" or "on", which ends what the body deals with, not what it is:
// "Department of Human Services" is not "Department of Human Service".
func (l *Lexicon) orgKey(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if n := len(f); n > 1 {
		if one := singular(f[n-1]); one != f[n-1] && (l.orgHeads[one] || l.orgClass[one] || isLower(name)) && !complementEnd(f) {
			f[n-1] = one
		}
	}
	return strings.Join(f, " ")
}

// complementEnd reports whether the last of a name's lower-cased words
// ends the phrase after its "of", "for" or "on": "department of human
// services", "association of regional water boards".
func complementEnd(f []string) bool {
	for _, w := range f[1 : len(f)-1] {
		if w == "of" || w == "for" || w == "on" {
			return true
		}
	}
	return false
}

func (e *entity) addAlias(a string) {
	a = strings.TrimSpace(a)
	if a == "" || a == e.name {
		return
	}
	if e.aliases == nil {
		e.aliases = map[string]bool{}
	}
	e.aliases[a] = true
}

func (e *entity) sortedAliases() []string {
	out := make([]string, 0, len(e.aliases))
	for a := range e.aliases {
		if a != e.name {
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

// mentionKind says how a mention names its entity.
type mentionKind int

const (
	mFull     mentionKind = iota // "Paul Burstow", "Local Government Association"
	mSurname                     // "Burstow", "Mr Cozens"
	mAcronym                     // "LGA"
	mPronoun                     // "he", "she"
	mShort                       // "the confederation"
	mSpeaker                     // "a DH spokesperson": speaks for an organisation
	mDocument                    // "the letter": speaks for its signatories
)

// A mention is a stretch of tokens in a sentence that names an entity.
type mention struct {
	sent     *sentence
	from, to int // token indexes in the paragraph
	kind     mentionKind
	ent      *entity
	title    string // "Mr", when written
}

// singular turns a plural noun into its singular form ("trusts" → "trust",
// "authorities" → "authority", "consortia" → "consortium").
func singular(w string) string {
	lw := strings.ToLower(w)
	switch {
	case strings.HasSuffix(lw, "consortia"):
		return w[:len(w)-1] + "um"
	case strings.HasSuffix(lw, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(lw, "sses"), strings.HasSuffix(lw, "ches"), strings.HasSuffix(lw, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(lw, "ss"), strings.HasSuffix(lw, "us"), strings.HasSuffix(lw, "is"):
		return w
	case strings.HasSuffix(lw, "s") && len(w) > 2:
		return w[:len(w)-1]
	}
	return w
}

// initials returns the upper-case initials of a name's significant words:
// "primary care trust" → "PCT", "Local Government Association" → "LGA".
func initials(name string) string {
	var b strings.Builder
	for rest := name; rest != ""; {
		k := strings.IndexAny(rest, " -")
		w := rest
		if k >= 0 {
			w, rest = rest[:k], rest[k+1:]
		} else {
			rest = ""
		}
		if w == "" {
			continue
		}
		if initialsSkip(w) {
			continue
		}
		if isAllCaps(w) {
			b.WriteString(strings.TrimSuffix(w, "s"))
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// initialsSkip reports whether a word of a name has no initial in its
// acronym: "of", "and", "the" …
func initialsSkip(w string) bool {
	for _, s := range [...]string{"of", "and", "for", "the", "&", "with", "on", "in"} {
		if strings.EqualFold(w, s) {
			return true
		}
	}
	return false
}

func isAllCaps(w string) bool {
	up := 0
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			if r == 's' {
				continue
			}
			return false
		}
		if r >= 'A' && r <= 'Z' {
			up++
		}
	}
	return up >= 2
}

// acronymKey folds an acronym for comparison: "PCTs" → "PCT", "IDeA" → "IDEA".
func acronymKey(a string) string {
	a = strings.TrimSuffix(a, "s")
	return strings.ToUpper(a)
}
