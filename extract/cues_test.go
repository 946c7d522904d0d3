package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The filters of cues.match must only ever skip regexps that would fail:
// these tests compare match with trying every regexp (matchEvery).

// noLimit lets match try keys of any length, so that only its filters
// can tell it from matchEvery.
const noLimit = 1 << 30

// cueKeys are lines to try every pattern on: furniture, prose, and the
// runes that fold to ASCII letters (U+212A KELVIN SIGN to k, U+017F LATIN
// SMALL LETTER LONG S to s), which an ASCII comparison would miss.
var cueKeys = []string{
	"", " ", "Related stories", "RELATED STORIES", "related", "Read more", "Share", "share this article",
	"Sign up to our daily newsletter for the latest news", "Please sign up for our emails today",
	"\u017fign up", "Please \u017fign up for our e-mails", "\u212aeep up to date: sign up now",
	"We use cookies", "This site uses coo\u212aies to help", "Most read", "Mo\u017ft read",
	"Comments (12)", "12 comments", "Image caption: the minister", "Getty Images",
	"The BBC is not responsible for the content of external sites",
	"Councils welcomed the plans, which ministers say will save money.",
	"The council said: 'We will sign up to the scheme when it is ready.'",
	"\xff", "\xffRelated", "Related\xff", "\ufffd", "é", "Élan", "£5m", "x", "ab", "abc", "a\nb",
}

func TestCuesAgreeWithRegexps(t *testing.T) {
	patterns := []string{
		`keep up .*`, `sign up`, `.*\bsign up (to|for) our .*`, `mo(st|re) read`,
		`\d+ comments?`, `comments?( \(\d+\))?`, `x*`, `(x)?`, `[a-c]+`, `[^a]`, `.`, `(?s).`,
		`\x{212A}eep.*`, `(?-i)Related`, `(?-i:related) stories`, `é.*`, `\x{FFFD}`, `\x{FFFD}Related`,
		`[[:^alpha:]]`, `\pL+`, `(?:a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|v|w|x|y|z){2}`,
		`a{0}b`, `(ab){2,}`, `(?m)a$`, `\bx\b`, `\B`, `^x`, `x$`,
		// Patterns that close the group they are put in: a match need not span the line.
		`a)|(?:b`, `x)(?m)(?:b`, `b)|(?:.*c`, `)|(?:`,
	}
	for _, f := range DefaultFurniture() {
		patterns = append(patterns, f.Pattern)
	}
	for _, p := range patterns {
		cs, err := compileCues([]string{p})
		if err != nil {
			t.Errorf("%q: %v", p, err)
			continue
		}
		for _, key := range cueKeys {
			if got, want := cs.match(key, noLimit), cs.matchEvery(key); got != want {
				t.Errorf("pattern %q, key %q: match = %v, the regexp says %v", p, key, got, want)
			}
		}
	}
}

// TestCueFilters checks what the filters make of some patterns, and that
// they filter: a pattern analysed too cautiously would pass the tests
// above and save nothing.
func TestCueFilters(t *testing.T) {
	cases := []struct {
		pattern  string
		maxLen   int
		lit      string
		prefixes []string
		exact    bool
		starts   string // ASCII bytes a match may start with, in lower case; "" for any
	}{
		// s folds to U+017F, 2 bytes long.
		{`latest`, 7, "latest", []string{"latest"}, true, "l"},
		{`(top|latest) news`, 13, " news", []string{"top news", "latest news"}, true, "lt"},
		{`more (from|on) .+`, noBound, "more ", []string{"more from ", "more on "}, false, "m"},
		{`.*\bsign up (to|for) our .*`, noBound, "sign up ", nil, false, ""},
		{`\d+ comments?`, noBound, " comment", []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, false, "0123456789"},
		{`(we|this (site|website)) uses? cookies.*`, noBound, " cookies", []string{
			"we use cookies", "we uses cookies", "this site use cookies", "this site uses cookies",
			"this website use cookies", "this website uses cookies"}, false, "tw"},
		// The parser factors alternatives; \w has 63 bytes, too many to list.
		{`[a-z]\w*`, noBound, "", nil, false, "abcdefghijklmnopqrstuvwxyz"},
		// Not anchored at both ends: no filter.
		{`a)|(?:b`, noBound, "", nil, false, ""},
	}
	for _, c := range cases {
		cs, err := compileCues([]string{c.pattern})
		if err != nil {
			t.Fatal(err)
		}
		q := cs.all[0]
		if q.maxLen != c.maxLen || q.lit != c.lit || q.exact != c.exact || !sameStrings(q.prefixes, c.prefixes) {
			t.Errorf("%q: maxLen %d, lit %q, prefixes %q (exact %v); want %d, %q, %q (%v)",
				c.pattern, q.maxLen, q.lit, q.prefixes, q.exact, c.maxLen, c.lit, c.prefixes, c.exact)
		}
		var starts, any strings.Builder
		for b := byte(0); b < 128; b++ {
			if unicode.IsUpper(rune(b)) || b == '\n' { // keys are single lines
				continue
			}
			any.WriteByte(b)
			if len(cs.byFirst[b]) > 0 {
				starts.WriteByte(b)
			}
		}
		if c.starts == "" {
			c.starts = any.String()
		}
		if starts.String() != c.starts {
			t.Errorf("%q: starts with %q, want %q", c.pattern, starts.String(), c.starts)
		}
	}

	// An ordinary paragraph needs none of the default cues' regexps.
	c, err := NewCleaner()
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{
		"The council said it would sign the agreement next week, after a consultation",
		"Councils welcomed the plans, which ministers say will save money",
		"Most councils have read the report",
	} {
		k := cueKey{key: key}
		for _, cs := range []*cues{c.section, c.line} {
			for _, q := range cs.byFirst[key[0]] {
				if q.mayMatch(&k) {
					t.Errorf("%q passes the filters of %s", key, q.re)
				}
			}
		}
	}
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, s := range a {
		found := false
		for _, t := range b {
			found = found || s == t
		}
		if !found {
			return false
		}
	}
	return true
}

// FuzzCues tries a pattern (the fuzzer mutates the default cues and the
// patterns of TestCuesAgreeWithRegexps) on a line, and the default cues on
// the line, with the filters and without.
func FuzzCues(f *testing.F) {
	for i, fu := range DefaultFurniture() {
		f.Add(fu.Pattern, cueKeys[i%len(cueKeys)])
	}
	f.Add(`a)|(?:b`, "abc")
	f.Add(`\x{212A}eep.*`, "keep")
	def, err := NewCleaner()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, pattern, key string) {
		for _, cs := range []*cues{def.section, def.line} {
			if got, want := cs.match(key, noLimit), cs.matchEvery(key); got != want {
				t.Errorf("default cues, key %q: match = %v, the regexps say %v", key, got, want)
			}
		}
		if len(pattern) > 200 {
			return // long patterns make slow regexps, not new cases
		}
		cs, err := compileCues([]string{pattern})
		if err != nil {
			return
		}
		if got, want := cs.match(key, noLimit), cs.matchEvery(key); got != want {
			t.Errorf("pattern %q, key %q: match = %v, the regexp says %v", pattern, key, got, want)
		}
	})
}

func TestContainsFoldASCII(t *testing.T) {
	cases := []struct {
		s, lit string
		want   bool
	}{
		{"", "", true},
		{"abc", "", true},
		{"", "a", false},
		{"Sign Up now", "sign up", true},
		{"SIGN UP", "sign up", true},
		{"sign u", "sign up", false},
		{"a sign, a sign up", "sign up", true},
		{"x sigN UP", " sign up", true},
		{"12 comments", " comment", true},
		{"\u017fign up", "sign up", false}, // the caller checks wide runes
		{"--- ", "- ", true},
		{"---", "- ", false},
	}
	for _, c := range cases {
		if got := containsFoldASCII(c.s, c.lit); got != c.want {
			t.Errorf("containsFoldASCII(%q, %q) = %v, want %v", c.s, c.lit, got, c.want)
		}
	}
}

func FuzzContainsFoldASCII(f *testing.F) {
	f.Add("Sign Up now", "sign up")
	f.Add("x sigN UP", " sign up")
	f.Fuzz(func(t *testing.T, s, lit string) {
		lit = strings.Map(func(r rune) rune {
			if r >= 0x80 {
				return -1
			}
			return unicode.ToLower(r)
		}, lit)
		want := strings.Contains(asciiLower(s), lit)
		if got := containsFoldASCII(s, lit); got != want {
			t.Errorf("containsFoldASCII(%q, %q) = %v, want %v", s, lit, got, want)
		}
	})
}

func asciiLower(s string) string {
	b := []byte(s)
	for i := range b {
		b[i] = lowerASCII(b[i])
	}
	return string(b)
}

// TestWideFolds checks the premise of cue.wide: the only runes outside
// ASCII that fold to an ASCII letter are the Kelvin sign and the long s,
// which wideFolds finds.
func TestWideFolds(t *testing.T) {
	var wide []rune
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < utf8.RuneSelf {
				wide = append(wide, r)
				break
			}
		}
	}
	if string(wide) != "\u017f\u212a" {
		t.Errorf("runes folding to ASCII: %q", string(wide))
	}
	if got := strings.Join(wideFolds("keep sign"), ""); got != "\u212a\u017f" {
		t.Errorf("wideFolds = %q", got)
	}
}
