package prose

import "testing"

var lineCases = []string{
	"", " ", "\n", "plain line", "  padded \t line \n", "two  spaces", "tab\there", "line\r\n",
	"no\u00a0break", "zero\u200bwidth", "soft\u00adhyphen", " \u200b ", "\ufeffBOM", "x\u200b y", "x \u200by",
	"nel\u0085end", "del\x7fchar", "\x00nul", "bad\xffbyte", "\xff", "\ufffd", "\xe2\x80", "\xe2\xe2\x80\x99",
	"“Quoted” — ‘and’ – dashed…", "İstanbul KELVIN \u212a long \u017f",
}

// checkLine holds Line and Piece to rebuildLine, the plain walk that
// their fast path (alreadyNormal) must agree with.
func checkLine(t *testing.T, s string) {
	t.Helper()
	want := rebuildLine(s)
	if got := Line(s); got != want {
		t.Errorf("Line(%q) = %q, want %q", s, got, want)
	}
	if got := Piece(s); got != want {
		t.Errorf("Piece(%q) = %q, want %q", s, got, want)
	}
}

func TestLineFastPath(t *testing.T) {
	for _, s := range lineCases {
		checkLine(t, s)
	}
}

func FuzzLine(f *testing.F) {
	for _, s := range lineCases {
		f.Add(s)
	}
	f.Fuzz(checkLine)
}
