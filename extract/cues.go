package extract

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cues are furniture patterns, each compiled alone to match a whole line
// ignoring case. (One alternation of them all is slower: too large a
// program for the regexp package's fast matchers.)
//
// Trying some forty regexps on every line up to 400 bytes long, most
// paragraphs, was most of Clean's time: an anchored match that fails at the
// first byte still costs the backtracker a pass over the line. So each cue
// also keeps what any line it matches must have, read from the pattern's
// syntax tree when the Cleaner is made: the runes the line may start with,
// its greatest length, the ASCII it may start with, and a stretch of ASCII
// it must contain. These are necessary conditions, derived for any RE2
// pattern (an operator the analysis does not know allows anything, and a
// pattern whose match need not span the line gets no filter), so a line
// failing one is one the regexp would have rejected, and match gives what
// trying every regexp gives.
type cues struct {
	all []*cue
	// byFirst lists, for each ASCII byte, the cues a line starting with it
	// may match: most lines are tried against a handful.
	byFirst [utf8.RuneSelf][]*cue
}

type cue struct {
	re *regexp.Regexp
	// first holds the runes a non-empty match may start with, as lo-hi
	// pairs, before case folding.
	first []rune
	// maxLen is the longest line, in bytes, a match may span; noBound
	// when a repetition has no limit.
	maxLen int
	// prefixes are ASCII, in lower case: every match starts with one of
	// them, ignoring ASCII case, or is one of them if exact. Nil when
	// nothing is known.
	prefixes []string
	exact    bool
	// lit is ASCII, in lower case, that every match contains ignoring
	// ASCII case; empty when none is known.
	lit string
	// wide holds the non-ASCII runes that fold to a letter of lit or of
	// the prefixes (the Kelvin sign for k, the long s for s): (?i)k
	// matches them, an ASCII comparison does not, so a line holding one
	// skips those two tests.
	wide []string
}

// maxPrefixes bounds a cue's prefixes, which concatenated alternatives
// multiply: the prefixes stop growing there, a weaker test but a cheap one.
const maxPrefixes = 32

// noBound is cue.maxLen for patterns that match lines of any length.
const noBound = -1

func compileCues(patterns []string) (*cues, error) {
	cs := &cues{}
	for _, p := range patterns {
		expr := `(?i)^(?:` + p + `)$`
		re, err := regexp.Compile(expr)
		if err != nil {
			return nil, fmt.Errorf("furniture pattern %q: %w", p, err)
		}
		c := &cue{re: re, first: []rune{0, unicode.MaxRune}, maxLen: noBound}
		// regexp.Compile parsed expr with the same flags, so this parse
		// cannot fail; if it did, the cue would only go unfiltered.
		if tree, err := syntax.Parse(expr, syntax.Perl); err == nil {
			c.analyse(tree)
		}
		cs.all = append(cs.all, c)
	}
	for b := range cs.byFirst {
		for _, c := range cs.all {
			if c.mayStartWith(rune(b)) {
				cs.byFirst[b] = append(cs.byFirst[b], c)
			}
		}
	}
	return cs, nil
}

// analyse sets c's filters from the syntax tree of its whole expression,
// if a match must span the whole line: a pattern can close the group it is
// put in ("a)|(?:b" makes "^(?:a)|(?:b)$", which matches "abc"), and the
// filters do not hold for a match of part of the line.
func (c *cue) analyse(tree *syntax.Regexp) {
	if tree.Op != syntax.OpConcat || len(tree.Sub) < 2 ||
		tree.Sub[0].Op != syntax.OpBeginText || tree.Sub[len(tree.Sub)-1].Op != syntax.OpEndText {
		return
	}
	c.first, _ = firstRunes(tree)
	c.maxLen = maxBytes(tree)
	for _, s := range requiredASCII(tree, nil) {
		if len(s) > len(c.lit) {
			c.lit = s
		}
	}
	ps, exact := prefixes(tree)
	if !exact {
		// A prefix that starts with another adds nothing.
		ps = slices.DeleteFunc(slices.Clone(ps), func(p string) bool {
			return slices.ContainsFunc(ps, func(q string) bool { return q != p && strings.HasPrefix(p, q) })
		})
	}
	if !slices.Contains(ps, "") || exact {
		c.prefixes, c.exact = ps, exact
	}
	c.wide = wideFolds(c.lit + strings.Join(c.prefixes, ""))
}

// match reports whether key, a line's matchKey of at most limit bytes, is
// furniture.
func (cs *cues) match(key string, limit int) bool {
	if len(key) > limit {
		return false
	}
	if key == "" {
		return cs.matchEvery(key)
	}
	k := cueKey{key: key}
	if b := key[0]; b < utf8.RuneSelf {
		for _, c := range cs.byFirst[b] {
			if c.mayMatch(&k) && c.re.MatchString(key) {
				return true
			}
		}
		return false
	}
	r, _ := utf8.DecodeRuneInString(key) // RuneError for a bad byte, as the regexp reads it
	for _, c := range cs.all {
		if c.mayStartWith(r) && c.mayMatch(&k) && c.re.MatchString(key) {
			return true
		}
	}
	return false
}

// matchEvery tries every cue's regexp, without the filters.
func (cs *cues) matchEvery(key string) bool {
	for _, c := range cs.all {
		if c.re.MatchString(key) {
			return true
		}
	}
	return false
}

// cueKey is a key being matched, with what the filters learn of it.
type cueKey struct {
	key   string
	ascii int8 // 1: key is ASCII; -1: it is not; 0: not known yet
}

func (k *cueKey) isASCII() bool {
	if k.ascii == 0 {
		k.ascii = 1
		for i := 0; i < len(k.key); i++ {
			if k.key[i] >= utf8.RuneSelf {
				k.ascii = -1
				break
			}
		}
	}
	return k.ascii > 0
}

// mayMatch applies the length, prefix and literal tests to a non-empty key.
func (c *cue) mayMatch(k *cueKey) bool {
	if c.maxLen != noBound && len(k.key) > c.maxLen {
		return false
	}
	if c.hasPrefix(k.key) && containsFoldASCII(k.key, c.lit) {
		return true
	}
	if len(c.wide) == 0 || k.isASCII() {
		return false
	}
	for _, w := range c.wide {
		if strings.Contains(k.key, w) {
			return true
		}
	}
	return false
}

func (c *cue) hasPrefix(key string) bool {
	if c.prefixes == nil {
		return true
	}
	for _, p := range c.prefixes {
		if len(key) >= len(p) && (!c.exact || len(key) == len(p)) && hasPrefixFoldASCII(key, p) {
			return true
		}
	}
	return false
}

// mayStartWith reports whether a match may start with r: whether r or a
// rune it folds to is among the first runes. (The regexp matches a literal
// ignoring case when r is in the literal's fold orbit, which is the
// literal being in r's; a character class matches r itself.)
func (c *cue) mayStartWith(r rune) bool {
	f := r
	for {
		for i := 0; i+1 < len(c.first); i += 2 {
			if c.first[i] <= f && f <= c.first[i+1] {
				return true
			}
		}
		if f = unicode.SimpleFold(f); f == r {
			return false
		}
	}
}

// firstRunes returns the runes, as lo-hi pairs, that a non-empty match of
// re may start with (before case folding), and whether re can match
// without consuming anything. Empty-width assertions count as matching
// nothing; an unknown operator may start with anything.
func firstRunes(re *syntax.Regexp) (first []rune, nullable bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return nil, false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return nil, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, true
		}
		return []rune{re.Rune[0], re.Rune[0]}, false
	case syntax.OpCharClass:
		return re.Rune, false
	case syntax.OpAnyCharNotNL:
		return []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}, false
	case syntax.OpCapture, syntax.OpPlus:
		return firstRunes(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		first, _ = firstRunes(re.Sub[0])
		return first, true
	case syntax.OpRepeat:
		first, nullable = firstRunes(re.Sub[0])
		return first, nullable || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			f, n := firstRunes(sub)
			first = append(first, f...)
			if !n {
				return first, false
			}
		}
		return first, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			f, n := firstRunes(sub)
			first = append(first, f...)
			nullable = nullable || n
		}
		return first, nullable
	}
	return []rune{0, unicode.MaxRune}, true // OpAnyChar, and any operator added later
}

// maxBytes returns the most bytes a match of re may span, or noBound.
func maxBytes(re *syntax.Regexp) int {
	fold := re.Flags&syntax.FoldCase != 0
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += runeBytes(r, fold)
		}
		return n
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1] >= utf8.RuneSelf {
				return utf8.UTFMax
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				n = max(n, runeBytes(r, fold))
			}
		}
		return n
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return maxBytes(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		if maxBytes(re.Sub[0]) == 0 {
			return 0
		}
		return noBound
	case syntax.OpRepeat:
		n := maxBytes(re.Sub[0])
		switch {
		case n == 0:
			return 0
		case n == noBound || re.Max < 0:
			return noBound
		}
		return boundedSum(n * re.Max) // the parser keeps Max ≤ 1000
	case syntax.OpConcat:
		n := 0
		for _, sub := range re.Sub {
			m := maxBytes(sub)
			if m == noBound {
				return noBound
			}
			n = boundedSum(n + m)
		}
		return n
	case syntax.OpAlternate:
		n := 0
		for _, sub := range re.Sub {
			m := maxBytes(sub)
			if m == noBound {
				return noBound
			}
			n = max(n, m)
		}
		return n
	}
	return noBound // any operator added later
}

// boundedSum gives up on bounds no line comes near, so that nested
// repetitions cannot overflow.
func boundedSum(n int) int {
	if n < 0 || n > 1<<20 {
		return noBound
	}
	return n
}

// runeBytes is the longest UTF-8 encoding of a rune a literal r matches.
func runeBytes(r rune, fold bool) int {
	n := utf8.RuneLen(r)
	if n < 0 {
		n = utf8.UTFMax
	}
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			n = max(n, utf8.RuneLen(f))
		}
	}
	return n
}

// requiredASCII appends to out the stretches of ASCII, in lower case, that
// every match of re contains: the literals it cannot match without, split
// at non-ASCII runes.
func requiredASCII(re *syntax.Regexp, out []string) []string {
	switch re.Op {
	case syntax.OpLiteral:
		var b strings.Builder
		for _, r := range re.Rune {
			if r >= utf8.RuneSelf {
				if b.Len() > 0 {
					out = append(out, b.String())
				}
				b.Reset()
				continue
			}
			b.WriteByte(lowerASCII(byte(r)))
		}
		if b.Len() > 0 {
			out = append(out, b.String())
		}
	case syntax.OpCapture, syntax.OpPlus:
		out = requiredASCII(re.Sub[0], out)
	case syntax.OpRepeat:
		if re.Min > 0 {
			out = requiredASCII(re.Sub[0], out)
		}
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			out = requiredASCII(sub, out)
		}
	}
	return out
}

// prefixes returns ASCII strings, in lower case, one of which every match
// of re starts with, ignoring ASCII case, and whether every match is one of
// them: a literal's ASCII, a small ASCII class's bytes, their alternatives
// and concatenations (at most maxPrefixes). Of what it cannot tell it says
// [""], false: every match starts with "".
func prefixes(re *syntax.Regexp) (set []string, exact bool) {
	unknown := []string{""}
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpLiteral:
		var b []byte
		for _, r := range re.Rune {
			if r >= utf8.RuneSelf {
				return []string{string(b)}, false
			}
			b = append(b, lowerASCII(byte(r)))
		}
		return []string{string(b)}, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi >= utf8.RuneSelf || len(set)+int(hi-lo) >= maxPrefixes {
				return unknown, false
			}
			for r := lo; r <= hi; r++ {
				if s := string(rune(lowerASCII(byte(r)))); !slices.Contains(set, s) {
					set = append(set, s)
				}
			}
		}
		return set, true
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpQuest:
		set, exact = prefixes(re.Sub[0])
		return union(set, []string{""}), exact
	case syntax.OpPlus:
		set, _ = prefixes(re.Sub[0])
		return set, false
	case syntax.OpRepeat:
		if re.Min > 0 {
			set, _ = prefixes(re.Sub[0])
			return set, false
		}
	case syntax.OpAlternate:
		exact = true
		for _, sub := range re.Sub {
			s, e := prefixes(sub)
			if set = union(set, s); len(set) > maxPrefixes {
				return unknown, false
			}
			exact = exact && e
		}
		return set, exact
	case syntax.OpConcat:
		set, exact = []string{""}, true
		for _, sub := range re.Sub {
			s, e := prefixes(sub)
			if len(set)*len(s) > maxPrefixes {
				return set, false // every match still starts with one of set
			}
			var next []string
			for _, a := range set {
				for _, b := range s {
					next = union(next, []string{a + b})
				}
			}
			if set, exact = next, e; !exact {
				break
			}
		}
		return set, exact
	}
	return unknown, false // repetitions that may be empty, any character, operators added later
}

// union appends to set the strings of add it lacks.
func union(set, add []string) []string {
	for _, s := range add {
		if !slices.Contains(set, s) {
			set = append(set, s)
		}
	}
	return set
}

// wideFolds returns the non-ASCII runes that fold to a rune of the ASCII
// string s, each encoded.
func wideFolds(s string) []string {
	var wide []string
	for _, r := range s {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f >= utf8.RuneSelf {
				wide = union(wide, []string{string(f)})
			}
		}
	}
	return wide
}

// containsFoldASCII reports whether s contains lit, which is lower-case
// ASCII, ignoring the case of ASCII letters. It looks for lit's first
// letter (in either case) with strings.IndexByte, which is much faster
// than comparing at every byte, and tries lit where it may start.
func containsFoldASCII(s, lit string) bool {
	if len(lit) > len(s) {
		return false
	}
	a := strings.IndexFunc(lit, func(r rune) bool { return 'a' <= r && r <= 'z' })
	if a < 0 {
		return strings.Contains(s, lit) // no letter: no case to ignore
	}
	lo, up := lit[a], upperASCII(lit[a])
	end := len(s) - len(lit) + 1 + a // lit[a] is at s[q], q < end
	nextLo, nextUp := -1, -1         // the next of each at or after a, end for none
	next := func(c byte, from int) int {
		if k := strings.IndexByte(s[from:end], c); k >= 0 {
			return from + k
		}
		return end
	}
	for q := a; q < end; {
		if nextLo < q {
			nextLo = next(lo, q)
		}
		if nextUp < q {
			nextUp = next(up, q)
		}
		if q = min(nextLo, nextUp); q == end {
			return false
		}
		if hasPrefixFoldASCII(s[q-a:], lit) {
			return true
		}
		q++
	}
	return false
}

// hasPrefixFoldASCII reports whether s, at least as long as p, starts
// with p, which is lower-case ASCII, ignoring the case of ASCII letters.
func hasPrefixFoldASCII(s, p string) bool {
	for i := 0; i < len(p); i++ {
		if lowerASCII(s[i]) != p[i] {
			return false
		}
	}
	return true
}

func upperASCII(b byte) byte {
	if 'a' <= b && b <= 'z' {
		return b - ('a' - 'A')
	}
	return b
}

func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}
