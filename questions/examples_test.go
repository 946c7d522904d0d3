package questions_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/graph/canned"
	"github.com/newsgraph/newsgraph/questions"
)

// On the example articles the questions agree with the canned questions
// where both answer: a person's roles, who said what about a topic.
func TestExamplesAgreeWithCanned(t *testing.T) {
	ctx := context.Background()
	g := examplesGraph(t)
	s := questions.New(g)
	roles, _ := canned.Lookup("roles")
	for _, person := range []string{"Andrew Cozens", "Paul Burstow", "Richard Jones"} {
		rows, err := canned.Run(ctx, g.QuadStore(), roles, person)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, r := range rows {
			want = append(want, fmt.Sprintf("%s|%s|%s|%s", r["role"], r["organisation"], r["relation"], r["source"]))
		}
		p, err := s.Roles(ctx, person)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range p.Roles {
			org, rel := "", ""
			if r.Organisation != nil {
				org, rel = r.Organisation.ID, "<"+r.Relation+">"
			}
			got = append(got, fmt.Sprintf("%s|%s|%s|%s", r.Role, org, rel, r.Source.Sentence))
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) || len(got) == 0 {
			t.Errorf("roles of %s:\n got %q\nwant %q", person, got, want)
		}
	}
	whoSaid, _ := canned.Lookup("who-said")
	rows, err := canned.Run(ctx, g.QuadStore(), whoSaid, "integration")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range rows {
		want = append(want, r["speaker"]+"|"+r["quote"])
	}
	p, err := s.WhoSaid(ctx, "integration", questions.WithLimit(0))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, st := range p.Statements {
		for _, sp := range st.Speakers {
			got = append(got, sp.ID+"|"+st.ID)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) || !p.Complete {
		t.Errorf("who said about integration:\n got %q\nwant %q", got, want)
	}
}

// A name the graph lacks says so and suggests the nearest; a surname
// alone finds its person. (A person with statements and no role is an
// empty RolesPage: TestRoles, Bob Jones.)
func TestExamplesNames(t *testing.T) {
	ctx := context.Background()
	s := examplesService(t)
	_, err := s.Said(ctx, "Paul Burstoe")
	var nf *questions.NotFoundError
	if !errors.As(err, &nf) || len(nf.Suggestions) == 0 || nf.Suggestions[0].Name != "Paul Burstow" {
		t.Errorf("Said(Paul Burstoe): %v", err)
	}
	said, err := s.Said(ctx, "burstow")
	if err != nil || said.Total != 11 || said.Speaker.Name != "Paul Burstow" {
		t.Errorf("Said(burstow): %+v, %v", said, err)
	}
}
