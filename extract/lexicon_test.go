package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLexiconReadFile(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		err        string // "" for none; else a part of the error
	}{
		{"section", "[bodies]\nOFWAT | Water Services Regulation Authority\n", ""},
		{"comments first", "# my additions\n\n[topics]\n# water\nwater: water bill, hosepipe ban\n", ""},
		{"line in the file", "# my additions\n\n[topics]\n# water\nwater | water bill\n", `line 5: want "topic: cue, cue"`},
		{"entry first", "OFWAT | Water Services Regulation Authority\n[bodies]\n", "entries before the first [section] line"},
		{"unknown section", "[people]\nAnn Smith\n", `line 1: unknown section "people"`},
		{"bad line", "[bodies]\nOFWAT\n", "line 2: want \"ACRONYM | Full name\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "mine.txt")
			if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			lex, err := DefaultLexicon()
			if err != nil {
				t.Fatal(err)
			}
			err = lex.ReadFile(path)
			switch {
			case tc.err == "" && err != nil:
				t.Errorf("ReadFile: %v", err)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), path)):
				t.Errorf("ReadFile: %v, want an error naming %s and saying %q", err, path, tc.err)
			}
		})
	}
}
