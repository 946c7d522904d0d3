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
		{
			name:    "a body's name that lists its fields",
			body:    "The Department of Rivers, Forests and Coastal Affairs said so. The Overseas, Trade and Development Office agreed. Officials of the Senate Committee on Fisheries, Ports, Labor and Pensions met the Foundation for Science, Research and Technology. The Ministry for Housing, Communities and Local Government wrote.",
			orgs:    []string{"Department of Rivers, Forests and Coastal Affairs", "Overseas, Trade and Development Office", "Senate Committee on Fisheries, Ports, Labor and Pensions", "Foundation for Science, Research and Technology", "Ministry for Housing, Communities and Local Government"},
			notOrgs: []string{"Department of Rivers", "Trade and Development Office", "Foundation for Science", "Senate Committee"},
		},
		{
			name:    "a list of bodies is not one name",
			body:    "The Department of Health, Unison and Unite said no. The Ministry of Justice, Home Office and Treasury agreed. The Department of Education, London, said nothing. Ministers met the Department of Health, Education Scotland and the BMA.",
			orgs:    []string{"Department of Health", "Unison", "Ministry of Justice", "Home Office", "Department of Education", "Education Scotland", "BMA"},
			notOrgs: []string{"Department of Health, Unison and Unite", "Ministry of Justice, Home Office and Treasury", "Department of Education, London"},
		},
		{
			name:    "a person's possessive before a body",
			body:    "Work began at billionaire Ezio Marrow's Office of Civic Renewal. Marrow's Office said so. The National Guardian's Office agreed.",
			orgs:    []string{"Office of Civic Renewal", "National Guardian's Office"},
			notOrgs: []string{"Ezio Marrow's Office of Civic Renewal", "Marrow's Office"},
			persons: []string{"Ezio Marrow"},
		},
		{
			name:       "a caption repeats a name",
			body:       "Keith Holt Keith Holt's career includes a spell at the Harbour Authority.",
			persons:    []string{"Keith Holt"},
			orgs:       []string{"Harbour Authority"},
			notPersons: []string{"Keith Holt Keith Holt"},
		},
		{
			name:       "adjectives, roles, laws and buildings glued to a body",
			body:       "Outgoing Commission for Rural Transport chair Nadia Osei signed off. The treaty needs Royal Assent under the Royal Charter and the Water Services Amendment Act. She met officials at the Union Buildings. The new secretary will be the current Fenland Republican Party Chair, Tobias Reed. The Maple Gift of Hope Network will close.",
			persons:    []string{"Nadia Osei", "Tobias Reed"},
			orgs:       []string{"Commission for Rural Transport", "Fenland Republican Party", "Maple Gift of Hope Network"},
			notOrgs:    []string{"Outgoing Commission for Rural Transport", "Royal Assent", "Royal Charter", "Water Services Amendment Act", "Union Buildings", "Fenland Republican Party Chair", "Hope Network"},
			notPersons: []string{"Royal Charter"},
		},
		{
			name:    "parties and unions the lexicon knows",
			title:   "Budget Cuts Will Impact Services",
			body:    "The DUP and Sinn Féin clashed over the plan while the SDLP abstained. A spokesman for Nipsa said members were angry. In Canberra, Labor and the Greens backed the bill, as did the CPSU. Fine Gael ministers met Te Whatu Ora officials.",
			orgs:    []string{"DUP", "Sinn Féin", "SDLP", "Nipsa", "Labor", "Greens", "CPSU", "Fine Gael", "Health New Zealand"},
			notOrgs: []string{"IMPACT", "Impact"},
			same:    [][]string{{"Te Whatu Ora", "Health New Zealand"}},
		},
		{
			name: "a known body written with a plural is one node",
			body: "Officers of the Directorate for Priority Crime Investigations met prosecutors. The Hawks said the cases would be reopened.",
			same: [][]string{{"Directorate for Priority Crime Investigations", "Hawks"}},
		},
		{
			name:    "a title-case headline",
			title:   "Coastal Waters Agency Launched as Minister Vows Reform",
			body:    "The government has launched the Coastal Waters Agency. Minister Ruth Okafor said it would start work in spring. Sentence case keeps names: the Fenmore Drainage Board met on Tuesday.",
			orgs:    []string{"Coastal Waters Agency", "Fenmore Drainage Board"},
			persons: []string{"Ruth Okafor"},
			notOrgs: []string{"Coastal Waters Agency Launched"},
		},
		{
			name:    "a title-case headline names no body the story does not",
			title:   "Budget Cuts Will Impact Services, Says Report",
			body:    "Funding will fall by a tenth, the report found.",
			notOrgs: []string{"Budget Cuts Will Impact Services", "Impact Services", "IMPACT"},
		},
		{
			name:       "surnames that are common words, and roles before names",
			body:       "Health Minister Andrea Little spoke first. Little says the plan is sound. President Bush signed the order. The scandal forced out former TDA director general Colm Brannock last year. She appeared on The Rowan Pike Show and told the Ohio Legislature so.",
			persons:    []string{"Andrea Little", "President Bush", "Colm Brannock"},
			orgs:       []string{"Ohio Legislature"},
			notPersons: []string{"Rowan Pike Show", "Ohio Legislature"},
			same:       [][]string{{"Andrea Little", "Little"}},
		},
		{
			name:    "prefixed names with and, campaigns against, and kinds written as acronyms",
			body:    "The NHS Track and Alert scheme and NHS Wessex and Improvement said so. Action against Medical Errors, the charity, warned. The number of local health boards (LHBs) will fall. The Cwm Dyffryn LHB and Ardal Teaching LHB will merge. Jane Roe OBE and Tom Hale CEO, who runs Single-handed GPs, said so.",
			orgs:    []string{"NHS Track and Alert", "NHS Wessex and Improvement", "Action against Medical Errors", "Cwm Dyffryn LHB", "Ardal Teaching LHB"},
			notOrgs: []string{"NHS Track", "against Medical Errors", "Jane Roe OBE", "Tom Hale CEO", "Single-handed GPs"},
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
