package questions

import (
	"cmp"
	"context"
	"slices"
	"strings"
)

// A Hit is one answer to Search: an entity and the name of it that matched.
type Hit struct {
	Entity
	Matched string `json:"matched"` // the name or alias that matched, as written
	Match   string `json:"match"`   // how: "exact", "prefix", "word" or "words"
}

// How a name matches a query, best first.
const (
	matchExact  = iota // the whole name: "paul burstow"
	matchPrefix        // its start: "paul bur"
	matchWord          // from a later word on: "burstow", "care trust"
	matchWords         // every word starts one of its words, any order: "burstow paul"
)

var matchNames = []string{"exact", "prefix", "word", "words"}

// DefaultSearchLimit is how many hits Search returns unless WithLimit says.
const DefaultSearchLimit = 20

// Search finds people, bodies, reforms and topics by name or alias, as a
// search box does: case and accents do not matter, and a query matches a
// name it is the start of, or the start of a later word of ("burst" finds
// Paul Burstow), or whose words its words all begin ("burstow paul").
// Hits come best match first (an exact name or alias; the start of a word
// of a name; of an alias; all words somewhere), then by how often the
// graph mentions them (in how many articles; for a reform, in how many
// sentences). A hit's Articles counts articles. WithKinds narrows the
// kinds; WithLimit (default 20) and WithOffset page. An empty query, or one
// nothing matches, answers no hits and no error: a search box asks while
// the user types.
func (s *Service) Search(ctx context.Context, text string, opts ...Option) ([]Hit, error) {
	o := newOptions(opts, DefaultSearchLimit)
	var hits []Hit
	err := s.withIndex(ctx, func(st *store, ix *index) error {
		cands := ix.match(fold(text), o.kinds)
		hits = make([]Hit, 0, min(len(cands), o.limit))
		es := make([]Entity, 0, len(hits))
		for _, c := range page(cands, o) {
			h := ix.hit(c)
			hits = append(hits, h)
			es = append(es, h.Entity)
		}
		// The index counts a reform's sentences: count articles.
		if err := newAsker(st, ix).countReforms(es); err != nil {
			return err
		}
		for i := range hits {
			hits[i].Articles = es[i].Articles
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return hits, nil
}

type candidate struct {
	ent   int32
	class int
	alias bool
	full  string // the folded name that matched
}

// match returns the entities of the kinds (any when empty) whose names
// match the folded query, best first.
func (ix *index) match(q string, ks []Kind) []candidate {
	if q == "" {
		return nil
	}
	best := map[int32]candidate{}
	consider := func(k nameKey, class int) {
		if len(ks) > 0 && !slices.Contains(ks, ix.ents[k.ent].kind) {
			return
		}
		c := candidate{ent: k.ent, class: class, alias: k.alias, full: k.full}
		if old, seen := best[k.ent]; seen && (old.tier() < c.tier() || old.tier() == c.tier() && old.class <= c.class) {
			return
		}
		best[k.ent] = c
	}
	ix.eachKey(q, func(k nameKey) {
		switch {
		case k.text == k.full && k.text == q:
			consider(k, matchExact)
		case k.whole():
			consider(k, matchPrefix)
		default:
			consider(k, matchWord)
		}
	})
	if words := strings.Split(q, " "); len(words) > 1 {
		ix.eachKey(words[0], func(k nameKey) {
			if allWordsStart(k.full, words[1:]) {
				consider(k, matchWords)
			}
		})
	}
	out := make([]candidate, 0, len(best))
	for _, c := range best {
		out = append(out, c)
	}
	slices.SortFunc(out, ix.better)
	return out
}

// tier ranks a match: an exact name or alias; the start of a word of a
// name; of an alias; every word somewhere. Within a tier the most
// mentioned come first, so "council" lists the councils before the
// reforms whose aliases begin "council will be replaced".
func (c candidate) tier() int {
	switch {
	case c.class == matchExact:
		return 0
	case c.class == matchWords:
		return 3
	case c.alias:
		return 2
	}
	return 1
}

// better orders candidates: tier, most mentioned, name.
func (ix *index) better(a, b candidate) int {
	if c := cmp.Compare(a.tier(), b.tier()); c != 0 {
		return c
	}
	ea, eb := &ix.ents[a.ent], &ix.ents[b.ent]
	return cmp.Or(cmp.Compare(eb.count, ea.count), strings.Compare(ea.name, eb.name), strings.Compare(ea.iri, eb.iri))
}

// allWordsStart reports whether each word begins some word of full.
func allWordsStart(full string, words []string) bool {
	for _, w := range words {
		if !strings.HasPrefix(full, w) && !strings.Contains(full, " "+w) {
			return false
		}
	}
	return true
}

func (ix *index) hit(c candidate) Hit {
	en := &ix.ents[c.ent]
	matched := en.name
	if c.alias {
		for _, a := range en.aliases {
			if fold(a) == c.full {
				matched = a
				break
			}
		}
	}
	return Hit{Entity: ix.entityOf(c.ent), Matched: matched, Match: matchNames[c.class]}
}

// maxCandidates bounds the names an ambiguous answer lists.
const maxCandidates = 10

// resolve finds the one entity of the kinds that name means: a node ID
// ("<person/x>"), an exact name or alias (a name winning over aliases), or
// else the one entity the name matches at all. It fails with an
// AmbiguousError when several match equally, and a NotFoundError, with
// the nearest names, when none does.
func (ix *index) resolve(name string, ks []Kind) (int32, error) {
	if e, ok := ix.lookupIRI(name); ok && (len(ks) == 0 || slices.Contains(ks, ix.ents[e].kind)) {
		return e, nil
	}
	q := fold(name)
	cands := ix.match(q, ks)
	if len(cands) == 0 {
		return 0, &NotFoundError{Name: name, Kinds: ks, Suggestions: ix.suggest(q, ks, 5)}
	}
	if len(cands) == 1 {
		return cands[0].ent, nil
	}
	if cands[0].class == matchExact {
		exact := cands
		if i := slices.IndexFunc(cands, func(c candidate) bool { return c.class != matchExact }); i >= 0 {
			exact = cands[:i]
		}
		if len(exact) == 1 || !exact[0].alias && exact[1].alias {
			return exact[0].ent, nil
		}
		cands = exact
	}
	err := &AmbiguousError{Name: name, Kinds: ks}
	for _, c := range cands[:min(len(cands), maxCandidates)] {
		err.Candidates = append(err.Candidates, ix.entityOf(c.ent))
	}
	err.More = max(0, len(cands)-maxCandidates)
	return 0, err
}

// suggest returns up to n entities whose names are spelt nearest the folded
// query: names with a word that starts as one of its words does (the first
// three letters, else two), by edit distance, then by articles. When none
// is near in spelling, the names sharing a whole word of the query's are
// next best ("Widget Weekly" suggests the Widget Board).
func (ix *index) suggest(q string, ks []Kind, n int) []Entity {
	type near struct {
		ent  int32
		dist int
	}
	words := strings.Split(q, " ")
	close, sharing := map[int32]int{}, map[int32]int{}
	const maxKeys = 200_000
	read := 0
	for _, size := range []int{3, 2} {
		for _, w := range words {
			if len(w) < size {
				continue
			}
			ix.eachKey(w[:size], func(k nameKey) {
				if read++; read > maxKeys || len(ks) > 0 && !slices.Contains(ks, ix.ents[k.ent].kind) {
					return
				}
				d := min(editDistance(q, k.full), editDistance(q, k.text))
				if len(words) == 1 {
					// One word: compare it with the name's word.
					word, _, _ := strings.Cut(k.text, " ")
					d = min(d, editDistance(q, word))
				}
				if d <= max(2, len(q)/3) {
					if old, ok := close[k.ent]; !ok || d < old {
						close[k.ent] = d
					}
				} else if len(w) >= 3 && strings.HasPrefix(k.text, w) {
					if old, ok := sharing[k.ent]; !ok || d < old {
						sharing[k.ent] = d
					}
				}
			})
		}
		if len(close) > 0 {
			break
		}
	}
	best := close
	if len(best) == 0 {
		best = sharing
	}
	list := make([]near, 0, len(best))
	for e, d := range best {
		list = append(list, near{e, d})
	}
	slices.SortFunc(list, func(a, b near) int {
		ea, eb := &ix.ents[a.ent], &ix.ents[b.ent]
		return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(eb.count, ea.count), strings.Compare(ea.name, eb.name))
	})
	out := make([]Entity, 0, min(n, len(list)))
	for _, c := range list[:min(n, len(list))] {
		out = append(out, ix.entityOf(c.ent))
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Resolve says which person, body, reform or topic a name means, as every
// question reads its name: a node ID, an exact name or alias, or words that
// begin the words of one name only. It fails as the questions do: a
// *NotFoundError with the nearest names, an *AmbiguousError with the
// candidates. WithKinds narrows the kinds.
func (s *Service) Resolve(ctx context.Context, name string, opts ...Option) (Entity, error) {
	o := newOptions(opts, 0)
	var out Entity
	err := s.withIndex(ctx, func(st *store, ix *index) error {
		e, err := ix.resolve(name, o.kinds)
		if err != nil {
			return err
		}
		es := []Entity{ix.entityOf(e)}
		err = newAsker(st, ix).countReforms(es)
		out = es[0]
		return err
	})
	return out, err
}

// Top lists the most mentioned people, bodies, reforms and topics, most
// first (then by name): an explorer's first screen. WithKinds narrows the
// kinds; WithLimit (default 20) and WithOffset page.
func (s *Service) Top(ctx context.Context, opts ...Option) ([]Entity, error) {
	o := newOptions(opts, DefaultSearchLimit)
	var out []Entity
	err := s.withIndex(ctx, func(st *store, ix *index) error {
		list := st.lists.ranked(o.kinds, func() []int32 {
			var list []int32
			for e := range ix.ents {
				en := &ix.ents[e]
				if en.count > 0 && (len(o.kinds) == 0 || slices.Contains(o.kinds, en.kind)) {
					list = append(list, int32(e))
				}
			}
			slices.SortFunc(list, func(a, b int32) int {
				ea, eb := &ix.ents[a], &ix.ents[b]
				return cmp.Or(cmp.Compare(eb.count, ea.count), strings.Compare(ea.name, eb.name), strings.Compare(ea.iri, eb.iri))
			})
			return list
		})
		out = make([]Entity, 0, min(len(list), o.limit))
		for _, e := range page(list, o) {
			out = append(out, ix.entityOf(e))
		}
		return newAsker(st, ix).countReforms(out)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
