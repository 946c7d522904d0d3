package extract

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// The line helpers of Clean have fast paths; these tests compare them with
// the plain versions they replaced, kept here as references. (prose.Line's
// fast path is tested in internal/prose.)

var quoteFolderRef = strings.NewReplacer(
	"‘", "'", "’", "'", "‚", "'", "‛", "'", "′", "'",
	"“", `"`, "”", `"`, "„", `"`, "‟", `"`, "«", `"`, "»", `"`,
	"–", "-", "—", "-", "…", "...",
)

func matchKeyRef(s string) string {
	return strings.TrimRight(quoteFolderRef.Replace(s), ":.!? ")
}

var captionsRef = regexp.MustCompile(captions.String())

func removeCaptionsRef(s string) string {
	return strings.TrimSpace(captionsRef.ReplaceAllString(s, ""))
}

func compareKeyRef(s string) string {
	s = removeCaptionsRef(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		} else if r != '\'' && r != '’' {
			space = true
		}
	}
	return b.String()
}

// checkLineHelpers compares the helpers with their references on s.
func checkLineHelpers(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		name      string
		fast, ref func(string) string
	}{
		{"matchKey", matchKey, matchKeyRef},
		{"removeCaptions", removeCaptions, removeCaptionsRef},
		{"compareKey", compareKey, compareKeyRef},
	} {
		if got, want := c.fast(s), c.ref(s); got != want {
			t.Errorf("%s(%q) = %q, want %q", c.name, s, got, want)
		}
	}
}

var lineHelperCases = []string{
	"", " ", "\n", "plain line", "  padded \t line \n", "two  spaces", "tab\there", "line\r\n",
	"no\u00a0break", "zero\u200bwidth", "soft\u00adhyphen", " \u200b ", "\ufeffBOM", "x\u200b y", "x \u200by",
	"nel\u0085end", "del\x7fchar", "\x00nul", "bad\xffbyte", "\xff", "\ufffd", "\xe2\x80", "\xe2\xe2\x80\x99",
	"“Quoted” — ‘and’ – dashed…", "«Guillemets»", "′prime‛", "Related stories:", "Read more...", "Why? ",
	"Lansley (pictured) wrote", "Lansley (Pictured Left) wrote", "(left)", " (right) ", "a (far left) b",
	"(NHS)", "((pictured))", "x\t(above)", "Ünïcödé Letters and ٣ digits", "don't won’t",
	"İstanbul KELVIN \u212a long \u017f",
}

func TestLineHelpers(t *testing.T) {
	for _, s := range lineHelperCases {
		checkLineHelpers(t, s)
	}
}

func FuzzLineHelpers(f *testing.F) {
	for _, s := range lineHelperCases {
		f.Add(s)
	}
	f.Fuzz(checkLineHelpers)
}
