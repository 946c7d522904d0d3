package extract

import (
	"context"
	"strings"
	"testing"
)

// FuzzLexicon reads arbitrary text as a user's lexicon file: it is read or
// refused with an error, never a panic, and an extractor reading with what
// was read extracts from an article made of its entries without failing.
// The file is read into an empty lexicon (the embedded one takes 0.1 s to
// read: too slow to fuzz on top of).
func FuzzLexicon(f *testing.F) {
	for _, s := range []string{
		"[bodies]\nQQA | Quango Quality Agency\n[topics]\nhousing: tenants, landlord\n",
		"# comment\n[titles]\nDr\tdoctor\n[given_female]\nJo\n[roles]\nsecretary\n",
		"[verbs]\nsaid\n[orgs]\nBoard\n[places]\nLeeds\n[stance]\nsupport: back\n[reforms]\nabolish: abolished\n",
		"[common_words]\nthe\n[given_male]\nTom\n[unknown]\n",
		"entry before a section\n",
		"[bodies]\n|\n | \nA|B|C\n[topics]\n:\n::,\n[stance]\n:\n[reforms]\n\t\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		lex := newLexicon()
		if err := lex.readSections(strings.NewReader(data)); err != nil {
			return
		}
		ex := &Rules{lex: lex}
		// An article made of the entries' own words, so that they match.
		words := strings.NewReplacer("[", " ", "]", " ", "|", " ", "\t", " ", ":", " ", ",", " ").Replace(data)
		body := "The " + words + " will be abolished, said Jo Lane. \"" + words + " is wrong,\" said the secretary of " + words + "."
		if _, err := ex.Extract(context.Background(), Article{ID: "f", Title: words, Body: body}); err != nil {
			t.Fatal(err)
		}
	})
}
