package questions

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold is the form names are compared in: accents dropped (NFKD, no marks),
// lower case, apostrophes gone ("Children's" → "childrens", as schema.Slug
// does), every other run of non-letters and non-digits one space, trimmed.
// "  Société  Générale's " → "societe generales".
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '\u2019' || r == '\u2018':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// wordStarts returns the byte offsets at which the words of a folded
// string begin.
func wordStarts(f string) []int {
	if f == "" {
		return nil
	}
	out := []int{0}
	for i := 0; i < len(f); i++ {
		if f[i] == ' ' {
			out = append(out, i+1)
		}
	}
	return out
}

// containsWords reports whether the folded text holds the folded phrase
// at word boundaries: "care trust" is in "primary care trusts"? No: the
// phrase's last word must end a word too, unless prefix, when it may be the
// start of one ("care trust" with prefix is in "primary care trusts").
func containsWords(text, phrase string, prefix bool) bool {
	if phrase == "" {
		return false
	}
	for i := 0; i+len(phrase) <= len(text); {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			return false
		}
		at := i + j
		end := at + len(phrase)
		if (at == 0 || text[at-1] == ' ') && (prefix || end == len(text) || text[end] == ' ') {
			return true
		}
		i = at + 1
	}
	return false
}
