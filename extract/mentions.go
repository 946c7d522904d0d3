package extract

import (
	"iter"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/schema"
)

// Mentions are kept with their sentence once sortMentions has put them in
// text order, so that adding one, reading a sentence's and walking back
// from a place cost what they touch, never the article's length: one
// article of ten thousand quotations must cost ten times one of a
// thousand.

// lookBack bounds, in mentions and in sentences, how far back the rules look for what a word
// refers to ("the board", "its", "he") and which body an article is about:
// a referent further back than this is no referent, and a long article
// costs no more per look than a short one. News articles name a few
// hundred things at most.
const lookBack = 1000

// addMention records m. Before sortMentions the mentions are a list in the
// order the rules find them; after, m goes into its sentence in text order.
func (d *doc) addMention(m *mention) {
	if m.ent != nil {
		m.ent.sents[m.sent.n] = true
	}
	if !d.sorted {
		d.mentions = append(d.mentions, m)
		return
	}
	// A new list, never the old one changed in place: a rule may be
	// ranging over the sentence's mentions as it adds one.
	ms := m.sent.ments
	at := sort.Search(len(ms), func(i int) bool { return ms[i].from > m.from })
	grown := make([]*mention, 0, len(ms)+1)
	m.sent.ments = append(append(append(grown, ms[:at]...), m), ms[at:]...)
}

// sortMentions puts the mentions found so far in text order and files them
// with their sentences; from here on a sentence's mentions are s.ments.
func (d *doc) sortMentions() {
	sort.SliceStable(d.mentions, func(i, j int) bool {
		a, b := d.mentions[i], d.mentions[j]
		if a.sent.n != b.sent.n {
			return a.sent.n < b.sent.n
		}
		return a.from < b.from
	})
	for _, m := range d.mentions {
		m.sent.ments = append(m.sent.ments, m)
	}
	d.mentions, d.sorted = nil, true
}

// in returns the mentions of sentence s in text order.
func (d *doc) in(s *sentence) []*mention {
	if d.sorted {
		return s.ments
	}
	var ms []*mention
	for _, m := range d.mentions {
		if m.sent == s {
			ms = append(ms, m)
		}
	}
	return ms
}

// back yields the mentions before token k of s, nearest first, then those
// of the sentences before s, last first, up to lookBack of them (or of
// sentences). With k at
// s.to it starts from s's last mention.
func (d *doc) back(s *sentence, k int) iter.Seq[*mention] {
	return func(yield func(*mention) bool) {
		seen := 0
		for n := s.n; n >= 1 && n > s.n-lookBack && seen < lookBack; n-- {
			cur := d.sentence(n)
			if cur == nil {
				continue
			}
			ms := cur.ments
			for i := len(ms) - 1; i >= 0 && seen < lookBack; i-- {
				if cur == s && ms[i].from >= k {
					continue
				}
				seen++
				if !yield(ms[i]) {
					return
				}
			}
		}
	}
}

// through returns the mentions up to the end of sentence s in text order,
// the last lookBack of them: what "the article so far" means to rules that
// count.
func (d *doc) through(s *sentence) []*mention {
	var ms []*mention
	for m := range d.back(s, s.to) {
		ms = append(ms, m)
	}
	slices.Reverse(ms)
	return ms
}

// after yields the mentions of the sentences after s, in text order, up to
// lookBack of them.
func (d *doc) after(s *sentence) iter.Seq[*mention] {
	return func(yield func(*mention) bool) {
		seen := 0
		for n := s.n + 1; n <= len(d.sents) && n <= s.n+lookBack && seen < lookBack; n++ {
			cur := d.sentence(n)
			if cur == nil {
				continue
			}
			for _, m := range cur.ments {
				if seen++; seen > lookBack || !yield(m) {
					return
				}
			}
		}
	}
}

// window returns, in text order, the mentions of the span sentences before
// s and those of s before token k.
func (d *doc) window(s *sentence, span, k int) []*mention {
	var ms []*mention
	for n := max(1, s.n-span); n <= s.n; n++ {
		cur := d.sentence(n)
		if cur == nil {
			continue
		}
		for _, m := range cur.ments {
			if cur == s && m.from >= k {
				break
			}
			ms = append(ms, m)
		}
	}
	return ms
}

// hasWord reports whether name holds the lower-case word w.
func hasWord(name, w string) bool {
	for f := range strings.FieldsSeq(name) {
		if strings.ToLower(f) == w {
			return true
		}
	}
	return false
}

// hasWordOrSingular reports whether name holds the lower-case word w, in
// the singular or as written.
func hasWordOrSingular(name, w string) bool {
	for f := range strings.FieldsSeq(name) {
		if f = strings.ToLower(f); f == w || singular(f) == w {
			return true
		}
	}
	return false
}

// A peopleIndex finds the article's people by the one word a mention names
// them by, and how near a sentence each was named, for resolveSingles: one
// look per mention, not a walk over every person and every sentence each
// was named in.
type peopleIndex struct {
	indexed int                  // how many of the article's entities are indexed
	by      map[string][]*entity // folded surname, and folded first name, → people in order
	near    map[*entity][]int    // the sentences each was named in, in order; built when first asked
}

func newPeopleIndex() *peopleIndex {
	return &peopleIndex{by: map[string][]*entity{}, near: map[*entity][]int{}}
}

// named returns the people whose surname, or (knighted) first name, folds
// to word's, in the order they were first named, indexing the entities of
// ents it has not seen.
func (p *peopleIndex) named(ents []*entity, word string, knighted bool) []*entity {
	for _, e := range ents[p.indexed:] {
		if e.kind == schema.Person {
			p.by["s:"+foldKey(e.surname)] = append(p.by["s:"+foldKey(e.surname)], e)
			p.by["f:"+foldKey(firstWord(e.name))] = append(p.by["f:"+foldKey(firstWord(e.name))], e)
		}
	}
	p.indexed = len(ents)
	found := p.by["s:"+foldKey(word)]
	if knighted {
		if first := p.by["f:"+foldKey(word)]; len(first) > 0 {
			found = append(slices.Clip(found), first...)
			slices.SortFunc(found, func(a, b *entity) int { return a.id - b.id })
			found = slices.Compact(found)
		}
	}
	return found
}

// distance says how near sentence n e was named: the sentences back to the
// last time before (or at) n, or else 1000 and the sentences on to the
// first time after; 1<<20 when never.
func (p *peopleIndex) distance(e *entity, n int) int {
	ns, ok := p.near[e]
	if !ok {
		ns = slices.Sorted(maps.Keys(e.sents))
		p.near[e] = ns
	}
	dist := 1 << 20
	i, _ := slices.BinarySearch(ns, n+1) // the first after n
	if i > 0 {
		dist = n - ns[i-1]
	}
	if i < len(ns) {
		dist = min(dist, ns[i]-n+1000)
	}
	return dist
}

// mentioned records that e was named in sentence n.
func (p *peopleIndex) mentioned(e *entity, n int) {
	ns, ok := p.near[e]
	if !ok {
		return // built from e.sents when first asked
	}
	if i, found := slices.BinarySearch(ns, n); !found {
		p.near[e] = slices.Insert(ns, i, n)
	}
}

// firstWord returns s up to its first space.
func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// foldKey maps s to one spelling for all the strings strings.EqualFold
// takes for it: each letter becomes the least of its case-folding orbit.
func foldKey(s string) string {
	return strings.Map(func(r rune) rune {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}, s)
}

// lastWord returns s after its last space.
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}
