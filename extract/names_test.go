package extract_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestNames holds table tests of entity names: which people and bodies a
// passage names, where each name starts and ends, and that one body or
// person is one node. The passages are invented.
func TestNames(t *testing.T) {
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, title, body string
		persons, orgs     []string   // each must be a name of some node of the kind
		notPersons        []string   // no Person node has this name
		notOrgs           []string   // no Organization node has this name
		same              [][]string // names of one node, and no second node of them
	}{
		{
			name:    "particle surnames are not acronyms",
			body:    "Fenella McArdle, chief executive of the Glenmore Trust, said the plan was sound. Dominic MacInnes and Rosa LaFontaine disagreed. Mr MacInnes said so twice.",
			persons: []string{"Fenella McArdle", "Dominic MacInnes", "Rosa LaFontaine"},
			same:    [][]string{{"Dominic MacInnes", "Mr MacInnes"}},
		},
		{
			name:       "a month that is a surname",
			body:       "Home Secretary Rosalind May said the agency would close in May. Mrs May said it had failed.",
			persons:    []string{"Rosalind May"},
			notPersons: []string{"Secretary Rosalind", "Rosalind"},
			same:       [][]string{{"Rosalind May", "Mrs May"}},
		},
		{
			name:       "a place after a given name is a surname",
			body:       "Navy Secretary Colin England will join the board. Kate Wales, who chairs it, agreed.",
			persons:    []string{"Colin England", "Kate Wales"},
			notOrgs:    []string{"Colin England", "Kate Wales"},
			notPersons: []string{"Secretary Colin"},
		},
		{
			name:       "bodies named after their place",
			body:       "Healthwatch Kernow says it is worried. Age Scotland and Cancer Care Manitoba agreed, as did Saskatchewan Health. Outside Manitoba, few noticed. The New Zealand Seed Authority was merged into Health NZ.",
			orgs:       []string{"Healthwatch Kernow", "Age Scotland", "Cancer Care Manitoba", "Saskatchewan Health", "New Zealand Seed Authority", "Health NZ"},
			notPersons: []string{"Healthwatch Kernow", "Kernow"},
			notOrgs:    []string{"Outside Manitoba", "Zealand Seed Authority"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			title := tc.title
			if title == "" {
				title = "Headline"
			}
			facts, err := ex.Extract(context.Background(), extract.Article{ID: "t", Title: title, Body: tc.body})
			if err != nil {
				t.Fatal(err)
			}
			v := newFactView(facts)
			// nodes returns the nodes of a kind with the name.
			nodes := func(kind, name string) []string {
				var out []string
				for _, id := range v.ofType(kind) {
					if v.keys(id)[normName(name)] {
						out = append(out, id)
					}
				}
				return out
			}
			for _, n := range tc.persons {
				if len(nodes("person", n)) == 0 {
					t.Errorf("no person %q", n)
				}
			}
			for _, n := range tc.orgs {
				if len(nodes("organization", n)) == 0 {
					t.Errorf("no organisation %q", n)
				}
			}
			for _, n := range tc.notPersons {
				if ids := nodes("person", n); len(ids) > 0 {
					t.Errorf("person %q: %v", n, ids)
				}
			}
			for _, n := range tc.notOrgs {
				if ids := nodes("organization", n); len(ids) > 0 {
					t.Errorf("organisation %q: %v", n, ids)
				}
			}
			for _, group := range tc.same {
				found := map[string]bool{}
				for _, n := range group {
					for _, id := range append(nodes("person", n), nodes("organization", n)...) {
						found[id] = true
					}
				}
				if len(found) != 1 {
					t.Errorf("%q: %d nodes %v, want one", group, len(found), found)
				}
			}
			if t.Failed() {
				var all []string
				for _, kind := range []string{"person", "organization"} {
					for _, id := range v.ofType(kind) {
						all = append(all, kind[:3]+" "+strings.Join(v.names(id), " | "))
					}
				}
				t.Log("entities:\n" + strings.Join(all, "\n"))
			}
		})
	}
}
