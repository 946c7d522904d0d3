package schema

import (
	"testing"

	"github.com/cayleygraph/quad"
)

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Paul Burstow":            "paul-burstow",
		"Mee Ling Ng":             "mee-ling-ng",
		"Société Générale":        "societe-generale",
		"Children's Society":      "childrens-society",
		"Children\u2019s Society": "childrens-society",
		"  NHS  Blackpool ":       "nhs-blackpool",
		"":                        "x",
		"!!!":                     "x",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRoleEdge(t *testing.T) {
	tests := map[string]quad.IRI{
		"care services minister":               "minister_of",
		"deputy director of policy":            "director_of",
		"strategic lead for adult social care": "lead_of",
		"chief executive":                      "chief_executive_of",
		"chair":                                "chair_of",
		"GP":                                   AffiliatedWith,
		"":                                     AffiliatedWith,
	}
	for role, want := range tests {
		if got := RoleEdge(role); got != want {
			t.Errorf("RoleEdge(%q) = %v, want %v", role, got, want)
		}
	}
}

func TestQuadsLabelsDedupesAndSorts(t *testing.T) {
	p := EntityIRI(Person, "Jane Roe")
	facts := []Fact{
		{Subject: p, Predicate: Name, Object: quad.String("Jane Roe"), Article: "b"},
		{Subject: p, Predicate: Type, Object: Person, Article: "a"},
		{Subject: p, Predicate: Type, Object: Person, Article: "a"},
		{Subject: p, Predicate: Role, Object: quad.String("chair"), Article: "a", Sentence: 3},
		{Subject: "", Predicate: Type, Object: Person, Article: "a"},
	}
	qs := Quads(facts)
	if len(qs) != 3 {
		t.Fatalf("got %d quads, want 3 (duplicate and empty subject dropped): %v", len(qs), qs)
	}
	wantLabels := []quad.Value{quad.IRI("article/a#s3"), quad.IRI("article/a"), quad.IRI("article/b")} // N-Quads order: "#" sorts before ">"
	for i, q := range qs {
		if q.Label != wantLabels[i] {
			t.Errorf("quad %d label %v, want %v", i, q.Label, wantLabels[i])
		}
	}
	if ArticleOf("article/a#s3") != "article/a" || ArticleOf("article/a") != "article/a" {
		t.Error("ArticleOf does not cut the sentence fragment")
	}
	if x1, x2 := QuotationIRI("a", "x"), QuotationIRI("a", "x"); x1 != x2 || x1 == QuotationIRI("a", "y") {
		t.Error("QuotationIRI is not a function of article and words")
	}
}

// RolePredicates lists every predicate RoleEdge can answer, once each.
func TestRolePredicates(t *testing.T) {
	preds := RolePredicates()
	has := map[quad.IRI]bool{}
	for _, p := range preds {
		if has[p] {
			t.Errorf("%s listed twice", p)
		}
		has[p] = true
	}
	for _, role := range []string{"care services minister", "chair of the board", "spokesman", "volunteer", "vice-chancellor"} {
		if p := RoleEdge(role); !has[p] {
			t.Errorf("RoleEdge(%q) = %s, not in RolePredicates", role, p)
		}
	}
}
