package extract

import (
	"context"
	"strings"
	"testing"
)

// TestQuoteSpeakers holds table tests of the quotation and speaker rules:
// for each passage (invented people and bodies), the speaker each quoted
// stretch must be given, "" where it must be given no one (no quotation, or
// one the article cannot name).
func TestQuoteSpeakers(t *testing.T) {
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ stretch, speaker string }
	tests := []struct {
		name, body string
		want       []want
	}{
		{
			name: "narration carries the speaker into an uncued quotation paragraph",
			body: "The harbour boards will close by March, says Rawiri Tane.\n\n" +
				"\"Every crossing will be run from one desk, and passengers will not notice the join.\"",
			want: []want{{"Every crossing will be run from one desk", "Rawiri Tane"}},
		},
		{
			name: "a later narration wins over an earlier quotation",
			body: "\"We were not consulted,\" said Ama Owusu of the Ferry Workers Union.\n\n" +
				"Harbour minister Tom Reilly said the plan would save money.\n\n" +
				"\"The savings will go straight into cheaper fares for island families.\"",
			want: []want{
				{"We were not consulted", "Ama Owusu"},
				{"The savings will go straight into cheaper fares", "Tom Reilly"},
			},
		},
		{
			name: "a common-word surname next to its cue",
			body: "Transport Minister Rawiri Stone announced the change on Monday.\n\n" +
				"Stone says the boards have failed. \"Three winters of cancellations is enough for anyone.\"",
			want: []want{{"Three winters of cancellations", "Rawiri Stone"}},
		},
		{
			name: "a capitalised verb form inside a name is no cue",
			body: "Marta Quist said the agency would close.\n\n" +
				"The State Department and the agency notified Congress of a plan \"that would move every remaining function by July\".",
			want: []want{{"that would move every remaining function", "Marta Quist"}},
		},
		{
			name: "the subject before the verb, not a name after it",
			body: "Paul Okafor spoke first.\n\n" +
				"In a post that evening, the former mayor of Dunmore said Mr Okafor's plan would bring \"less respect for the city\".",
			want: []want{{"less respect for the city", ""}},
		},
		{
			name: "a participle after a quotation shares the clause's subject",
			body: "Sadie Brandt said the bureau wanted to \"punish small lenders for the sins of big ones,\" saying it had \"lost its way\".",
			want: []want{
				{"punish small lenders for the sins of big ones", "Sadie Brandt"},
				{"lost its way", "Sadie Brandt"},
			},
		},
		{
			name: "but warned: the subject of the first verb, not the last name",
			body: "She was replaced by Nadia Ferris in May.\n\n" +
				"Dr Helen Morrow said she admired the chair Nadia Ferris, but warned that the merged body would struggle \"because every eye will be on the hospitals\".",
			want: []want{{"because every eye will be on the hospitals", "Helen Morrow"}},
		},
		{
			name: "a name after a preposition is no subject",
			body: "Council leaders have written to Andrew Keel to warn that the plan is rushed.\n\n" +
				"\"The attempt to force one arrangement on every county puts local services at risk,\" the letter added.",
			want: []want{{"The attempt to force one arrangement", ""}},
		},
		{
			name: "the person before 'of BODY' speaks",
			body: "But Deputy Chief Constable Morag Ellis of the Glenmore and Border Police warned: \"The merger will take five years to bed in, not one.\"",
			want: []want{{"The merger will take five years to bed in", "Morag Ellis"}},
		},
		{
			name: "role before name with a body in it",
			body: "But chief executive of the Dunmore Health Trust, Priya Rao, said: \"This is the wrong plan at the wrong time.\"",
			want: []want{{"This is the wrong plan at the wrong time", "Priya Rao"}},
		},
		{
			name: "the appositive name not governed by a preposition",
			body: "Handing the keys to Agnes Poole, the longest-serving volunteer, the librarian, Hamish Crane, said: \"This building will outlive us all.\"",
			want: []want{{"This building will outlive us all", "Hamish Crane"}},
		},
		{
			name: "a role written for the name",
			body: "Health Minister Edwina Marsh set out the plan.\n\n" +
				"The health minister said the changes would give the boards \"a clear purpose at last\".",
			want: []want{{"a clear purpose at last", "Edwina Marsh"}},
		},
		{
			name: "a quotation carried into a paragraph that closes it without a fresh mark",
			body: "\"We will meet our lawyers this week.\n\n" +
				"Every parent should worry about the precedent this sets,\" said Noel Byrne, vice-president of the Eastern School Boards Association.",
			want: []want{
				{"We will meet our lawyers this week", "Noel Byrne"},
				{"Every parent should worry about the precedent", "Noel Byrne"},
			},
		},
		{
			name: "a tweet",
			body: "Opposition leader Dale Whitcombe tweeted: \"A merger announced on a Friday afternoon with no consultation.\"",
			want: []want{{"A merger announced on a Friday afternoon", "Dale Whitcombe"}},
		},
		{
			name: "a statement speaks for its author, and 'it said' after it",
			body: "A statement from the Northern Ferry Board said it would co-operate.\n\n" +
				"\"Our priority remains safe sailings through the handover,\" it said.",
			want: []want{{"Our priority remains safe sailings", "Northern Ferry Board"}},
		},
		{
			name: "words given without marks after 'said:'",
			body: "But chair of the Archive Society, Lena Brooks, said: Archivists have asked for one budget for a decade.",
			want: []want{{"Archivists have asked for one budget for a decade", "Lena Brooks"}},
		},
		{
			name: "a fragment woven into an uncued sentence continues the speaker",
			body: "\"Maori must be partners in this system,\" said Health Minister Andrew Ruatapu.\n\n" +
				"The new authority will \"have the power to commission services directly\".",
			want: []want{{"have the power to commission services directly", "Andrew Ruatapu"}},
		},
		{
			name: "titles and so-called phrases are no fragments of speech",
			body: "\"We are proud of this library,\" said Hamish Crane.\n\n" +
				"Its exhibition, \"Voices From The Goldfields\", will tour, and the so-called \"single front door\" opens next year.",
			want: []want{{"Voices From The Goldfields", ""}, {"single front door", ""}},
		},
		{
			name: "a noun phrase after a determiner or possessive is a label",
			body: "\"We are proud of this library,\" said Hamish Crane.\n\n" +
				"The minister's \"modern records strategy\" will be published in May, along with a \"plan for every branch\".",
			want: []want{{"modern records strategy", ""}, {"plan for every branch", ""}},
		},
		{
			name: "a cue naming someone the article cannot name stops the last speaker",
			body: "\"We will fight this in court,\" said Ama Owusu.\n\n" +
				"\"This reduction reflects our commitment to efficiency,\" stated Quibb-Vardy.\n\n" +
				"\"I thank every public servant for their work.\"",
			want: []want{
				{"We will fight this in court", "Ama Owusu"},
				{"This reduction reflects our commitment", ""},
				{"I thank every public servant", ""},
			},
		},
		{
			name: "a name and its role after the quotation, no verb",
			body: "\"I look forward to working with the new board on shorter waits,\" Adriana Cole, Minister of Health.",
			want: []want{{"I look forward to working with the new board", "Adriana Cole"}},
		},
		{
			name: "X praised it as a '…' but said '…'",
			body: "Mark Hollis, the council's chief executive, praised the scheme as a \"remarkable success story\" - but said that the \"world does not stand still\".",
			want: []want{
				{"remarkable success story", "Mark Hollis"},
				{"world does not stand still", "Mark Hollis"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Article{ID: "t", Title: "Test", Body: tc.body}
			r, _ := New()
			d := newDoc(a, r.lex)
			d.analyse()
			for _, w := range tc.want {
				var got []string
				found := false
				for _, q := range d.quotes {
					if !strings.Contains(q.text, w.stretch) {
						continue
					}
					found = true
					for _, e := range q.speakers {
						got = append(got, e.name)
					}
				}
				switch {
				case w.speaker == "" && found:
					t.Errorf("%q: want no speaker, got %v", w.stretch, got)
				case w.speaker != "" && !found:
					t.Errorf("%q: no quotation found, want %s", w.stretch, w.speaker)
				case w.speaker != "" && strings.Join(got, ", ") != w.speaker:
					t.Errorf("%q: speaker %v, want %s", w.stretch, got, w.speaker)
				}
			}
			// The same through the public API: no panic, no error.
			if _, err := ex.Extract(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		})
	}
}
