package extract

import (
	"strings"
	"testing"
)

// topicTextSlow is what topicText does, in the steps it replaces.
func topicTextSlow(text string) string {
	lt := " " + strings.Join(strings.Fields(strings.ToLower(foldQuotes(text))), " ")
	return strings.NewReplacer(",", " ", ".", " ", ";", " ", ":", " ", "\"", " ", "'", " ", "[", " ", "]", " ", "(", " ", ")", " ").Replace(lt)
}

func TestTopicText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", " "},
		{"Joint  Working,\tnow", " joint working  now"},
		{"  \u201cIntegration\u201d (of care).", "  integration   of care  "},
		{"the council\u2019s plans", " the council s plans"},
		{"\u00c9COLE\u00a0publique", " \u00e9cole publique"},
	} {
		if got := topicText(tc.in); got != tc.want {
			t.Errorf("topicText(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := topicTextSlow(tc.in); got != tc.want {
			t.Errorf("topicTextSlow(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzTopicText(f *testing.F) {
	for _, s := range []string{"", "Joint working, now", " \u201cA\u201d (b). ", "\xff\u2019x\t\n y", "\u0130stanbul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := topicText(s), topicTextSlow(s); got != want {
			t.Errorf("topicText(%q) = %q, want %q", s, got, want)
		}
	})
}
