// Package prose holds the line canonicalisation that reading articles
// (package source) and cleaning them (extract.Clean) share: both must agree
// on what a line of text is, or a cleaner would miss the copies a reader
// made. It has no state and no dependencies beyond the standard library.
package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Closers may follow a sentence's final punctuation.
const Closers = "\"')]}»’”›"

// Line makes one line of prose canonical: the odd spaces of web
// pages (no-break, figure, narrow) become plain spaces, invisible
// characters go, runs of white space collapse and the ends are trimmed.
func Line(s string) string {
	if t, ok := alreadyNormal(s); ok {
		// Most lines. A copy still: a piece of s would keep all of s (a
		// whole file, for a title in front matter) alive.
		return strings.Clone(t)
	}
	return rebuildLine(s)
}

// Piece is Line for a caller that keeps no piece of what
// it returns (Clean joins its lines into a new body): most lines come back
// as a piece of s, uncopied.
func Piece(s string) string {
	if t, ok := alreadyNormal(s); ok {
		return t
	}
	return rebuildLine(s)
}

// rebuildLine is Line's work on a line that needs it.
func rebuildLine(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case invisible(r):
			continue
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// invisible reports the characters Line drops: zero-width spaces
// and joiners, byte-order marks, soft hyphens.
func invisible(r rune) bool {
	return r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad'
}

// alreadyNormal returns s without the ASCII white space and control
// characters at its ends, and true, when that is what Line makes
// of s: no other white space but single spaces, no control or invisible
// character, no invalid UTF-8 (which Line writes as U+FFFD).
func alreadyNormal(s string) (string, bool) {
	blank := func(b byte) bool { return b <= ' ' || b == 0x7f }
	for len(s) > 0 && blank(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && blank(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	space := false
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b == ' ' && space || b != ' ' && blank(b) {
				return "", false
			}
			space = b == ' '
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || invisible(r) || unicode.IsSpace(r) || unicode.IsControl(r) {
			return "", false
		}
		space = false
		i += n
	}
	return s, true
}

// IsLeadParagraph tells a sentence from a headline: headlines rarely end
// with a full stop, and are short.
func IsLeadParagraph(s string) bool {
	s = strings.TrimRight(s, Closers)
	return strings.HasSuffix(s, ".") && len(strings.Fields(s)) >= 12
}
