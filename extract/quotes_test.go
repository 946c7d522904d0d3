package extract

import (
	"context"
	"strings"
	"testing"
)

// TestQuoteSpeakers holds table tests of the quotation and speaker rules:
// for each passage (invented people and bodies), the speaker each quoted
// stretch must be given, "" where it must be given no one (no quotation, or
// one the article cannot name); "~Name" where any speaker whose name holds
// Name will do (the name reader's business is how much of it is read).
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
			name: "a left quotation mark glued to the verb before it",
			body: "The Harbour Board will be scrapped.\n\n" +
				"Nigel Vane, chief executive of the Ports Trust, added\u2018The Government risks a misstep by dismantling its own board.\u2019",
			want: []want{{"The Government risks a misstep", "Nigel Vane"}},
		},
		{
			name: "a spokesman for a body described by a relative clause",
			body: "The Harbour Board will be abolished.\n\n" +
				"A spokesman for the trade union Unite, which represents many of the board's staff, said: \"It is absolutely disgraceful.\"",
			want: []want{{"It is absolutely disgraceful", "Unite the Union"}},
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
				"In a post that evening, the former mayor of Dunmore said Mr Okafor's plan would bring \"fewer buses and longer queues\".",
			want: []want{{"fewer buses and longer queues", ""}},
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
				"Dr Helen Morrow said she admired the outgoing chair Nadia Ferris, but warned that the new board \"will spend its first year on paperwork\".",
			want: []want{{"will spend its first year on paperwork", "Helen Morrow"}},
		},
		{
			name: "a name after a preposition is no subject",
			body: "Council leaders have written to Andrew Keel to warn that the plan is rushed.\n\n" +
				"\"Three counties cannot be run from one office without losing what works,\" the letter added.",
			want: []want{{"Three counties cannot be run from one office", ""}},
		},
		{
			name: "the person before 'of BODY' speaks",
			body: "But Deputy Chief Constable Morag Ellis of the Glenmore and Border Police warned: \"The merged force will need a decade to settle, not a year.\"",
			want: []want{{"The merged force will need a decade to settle", "Morag Ellis"}},
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
				"The health minister argued that the reforms would give the boards \"a clear purpose at last\".",
			want: []want{{"a clear purpose at last", "Edwina Marsh"}},
		},
		{
			name: "a quotation carried into a paragraph that closes it without a fresh mark",
			body: "\"Our trustees sit on Thursday and will decide then.\n\n" +
				"Until that meeting no school should sign anything,\" said Noel Byrne, vice-president of the Eastern School Boards Association.",
			want: []want{
				{"Our trustees sit on Thursday and will decide then", "Noel Byrne"},
				{"Until that meeting no school should sign anything", "Noel Byrne"},
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
			body: "\"Island clinics must be partners in this system,\" said Health Minister Andrew Ruatapu.\n\n" +
				"The new authority will \"take charge of every clinic's budget from July\".",
			want: []want{{"take charge of every clinic's budget from July", "Andrew Ruatapu"}},
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
				"\"Half the depots will close before the winter,\" stated Quibb-Vardy.\n\n" +
				"\"Drivers will be offered places at the other half.\"",
			want: []want{
				{"We will fight this in court", "Ama Owusu"},
				{"Half the depots will close before the winter", ""},
				{"Drivers will be offered places at the other half", ""},
			},
		},
		{
			name: "a name and its role after the quotation, no verb",
			body: "\"Every bus will carry the same ticket by spring,\" Ines Cole, Minister of Transport.",
			want: []want{{"Every bus will carry the same ticket by spring", "Ines Cole"}},
		},
		{
			name: "the report said: the writing's author speaks",
			body: "Rivers should be run by five regional bodies, according to a report by the Public Audit Office.\n\n" +
				"The trusts were \"too small to hire the engineers they need\", the report said.",
			want: []want{{"too small to hire the engineers they need", "Public Audit Office"}},
		},
		{
			name: "a letter speaks for its signatories",
			body: "The letter's lead signatories are Professor Ingrid Hallam and Dr Kofi Mensah.\n\n" +
				"\"Long datasets cannot be traded for quick wins,\" the letter says.",
			want: []want{{"Long datasets cannot be traded for quick wins", "Ingrid Hallam, Kofi Mensah"}},
		},
		{
			name: "X praised it as a '…' but said '…'",
			body: "Mark Hollis, the council's chief executive, praised the scheme as a \"model for every county\" - but said that \"models wear out\".",
			want: []want{
				{"model for every county", "Mark Hollis"},
				{"models wear out", "Mark Hollis"},
			},
		},
		{
			name: "a writing's subject is no person in its appositive",
			body: "Finance Minister Ruth Adeyemi announced the plan at a briefing on Tuesday.\n\n" +
				"The 2015 review, commissioned by former Premier Daniel Okoro, had called for the closure of eleven agencies.\n\n" +
				"\"We are finally acting on it. Eleven agencies will become four within the year.\"",
			want: []want{{"We are finally acting on it", "Ruth Adeyemi"}},
		},
		{
			name: "according to X narrates",
			body: "According to Ruth Adeyemi, the eleven agencies will become four within the year.\n\n" +
				"\"We are finally acting on a review that gathered dust for a decade.\"",
			want: []want{{"We are finally acting on a review", "Ruth Adeyemi"}},
		},
		{
			name: "a participial clause's object is not the speaker",
			body: "Shadow Transport Secretary Gareth Pryce set out his party's plans on Monday.\n\n" +
				"Announcing the plans to abolish the Coastal Heritage Agency, he said:\n\n" +
				"\"The agency has lost the public's trust and it must go.\"",
			want: []want{{"The agency has lost the public's trust", "Gareth Pryce"}},
		},
		{
			name: "a cue with an object after a long appositive",
			body: "\"We will vote on Friday,\" said Marcus Venter, the college's registrar.\n\n" +
				"\"It is the best of a bad bargain,\" Professor Lindiwe Khumalo, a member of the Eastvale College council, its governing body, told the Harbour Courier. " +
				"\"Nobody I know thinks the merger is wise.\"",
			want: []want{
				{"We will vote on Friday", "Marcus Venter"},
				{"It is the best of a bad bargain", "Lindiwe Khumalo"},
				{"Nobody I know thinks the merger is wise", "Lindiwe Khumalo"},
			},
		},
		{
			name: "a middle initial in the speaker's name",
			body: "Press Secretary Dana Whitfield said the office would close.\n\n" +
				"\"These are belt-tightening measures and nothing more,\" Zeni Ruth T. Okonjo, who teaches law at the Riverside Institute of Technology, said in a telephone interview.",
			want: []want{{"These are belt-tightening measures", "~Okonjo"}},
		},
		{
			name: "a less common reporting verb before a fragment",
			body: "\"We will fight this in court,\" said Ama Owusu.\n\n" +
				"The opposition leader, Tom Hargreaves, joked that the minister should be \"charged with wasting everyone's time\".",
			want: []want{{"charged with wasting everyone's time", "Tom Hargreaves"}},
		},
		{
			name: "a body in the subject's appositive is not the speaker",
			body: "\"We will fight this in court,\" said Ama Owusu.\n\n" +
				"The Harbour Union, the largest union in the Port Authority, described the plan as a \"slow-motion closure\".",
			want: []want{{"slow-motion closure", "Harbour Union"}},
		},
		{
			name: "a comma closing the subject's appositive is no inverted cue",
			body: "Westfolk, the main opposition party in the Harbour Assembly, described First Minister Alan Rourke's plan as a \"damp squib\".",
			want: []want{{"damp squib", "Westfolk"}},
		},
		{
			name: "a participle's subject after an opening phrase",
			body: "\"We will fight this in court,\" said Ama Owusu.\n\n" +
				"By contrast, college principal Professor Ruth Ndlovu has backed the merger from the start, saying she \"sees real merit in one strong institution\".",
			want: []want{{"sees real merit in one strong institution", "Ruth Ndlovu"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Article{ID: "t", Title: "Test", Body: tc.body}
			r, _ := New()
			d := newDoc(a, r.lex)
			d.analyse(context.Background())
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
				case strings.HasPrefix(w.speaker, "~"):
					if len(got) != 1 || !strings.Contains(got[0], w.speaker[1:]) {
						t.Errorf("%q: speaker %v, want one named %s", w.stretch, got, w.speaker[1:])
					}
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

// TestReportedSpeech holds table tests of reported (indirect) speech: the
// clause each speaker is given.
func TestReportedSpeech(t *testing.T) {
	type want struct{ clause, speaker string }
	tests := []struct {
		name, body string
		want       []want
	}{
		{
			name: "according to X, clause",
			body: "According to Mayor Janelle Okoro, the new office will open in the spring.",
			want: []want{{"the new office will open in the spring", "Janelle Okoro"}},
		},
		{
			name: "clause, according to X",
			body: "The grant cut will leave hundreds of pensioners without a bus, according to the Westland Pensioners Trust.",
			want: []want{{"will leave hundreds of pensioners without a bus", "Westland Pensioners Trust"}},
		},
		{
			name: "a participle with the sentence's subject",
			body: "Andrea Kell, chief officer of the Hartmoor Fire Service, backed the cut, saying her service already shared a control room.",
			want: []want{{"her service already shared a control room", "Andrea Kell"}},
		},
		{
			name: "the clause stops at a colon opening a quotation",
			body: "Ian Petrie, director of services at Tamesbury Council, said the deal was about trust: \"For too long we worked apart.\"",
			want: []want{{"the deal was about trust", "Ian Petrie"}},
		},
		{
			name: "a body with its acronym in brackets before the verb",
			body: "But the Harbour Workers' Union (HWU) warned that three hundred jobs could go by the spring.",
			want: []want{{"three hundred jobs could go", "Harbour Workers' Union"}},
		},
		{
			name: "the cue after a quotation is no reported clause",
			body: "\"The reform will serve passengers for decades,\" said the Ministry of Transport in a statement.",
			want: []want{{"Ministry of Transport in a statement", ""}},
		},
		{
			name: "a participial clause before the cue is no reported clause",
			body: "Shadow Transport Secretary Gareth Pryce set out his party's plans on Monday.\n\n" +
				"Announcing the plans to abolish the Coastal Heritage Agency, he said:\n\n" +
				"\"The agency has lost the public's trust and it must go.\"",
			want: []want{{"Announcing the plans", ""}},
		},
		{
			name: "a role and name before a short clause are no fronted clause",
			body: "Minister for Rivers and Canals, Ann Lee, said it would work.",
			want: []want{{"Minister for Rivers and Canals", ""}},
		},
		{
			name: "a clause before the subject's role and name",
			body: "The depot will close in the spring, the council's transport chief, Ann Lee, said on Tuesday.",
			want: []want{{"The depot will close in the spring", "Ann Lee"}},
		},
		{
			name: "a less common reporting verb with that",
			body: "The opposition leader, Tom Hargreaves, lamented that the ferry service had been left to decline for years.",
			want: []want{{"the ferry service had been left to decline", "Tom Hargreaves"}},
		},
		{
			name: "an object after a preposition is not the subject",
			body: "Council leaders have written to Andrew Keel to warn that the timetable is far too short for anyone.",
			want: []want{{"the timetable is far too short", ""}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := New()
			d := newDoc(Article{ID: "t", Title: "Test", Body: tc.body}, r.lex)
			d.analyse(context.Background())
			for _, w := range tc.want {
				var got []string
				found := false
				for _, st := range d.statements {
					if !strings.Contains(st.text, w.clause) {
						continue
					}
					found = true
					for _, e := range st.speakers {
						got = append(got, e.name)
					}
				}
				switch {
				case w.speaker == "" && found:
					t.Errorf("%q: want no speaker, got %v", w.clause, got)
				case w.speaker != "" && !found:
					t.Errorf("%q: no reported speech found, want %s", w.clause, w.speaker)
				case w.speaker != "" && strings.Join(got, ", ") != w.speaker:
					t.Errorf("%q: speaker %v, want %s", w.clause, got, w.speaker)
				}
			}
		})
	}
}

// TestReportingVerbs checks that the common reporting verbs cue a quotation
// that follows them or that they follow, so that the words are not given to
// the speaker before.
func TestReportingVerbs(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	verbs := []string{"said", "joked", "quipped", "insisted", "conceded", "cautioned", "argued", "noted", "observed",
		"remarked", "recalled", "added", "explained", "declared", "stressed", "maintained", "contended", "lamented",
		"tweeted", "wrote", "retorted", "replied", "reiterated", "asserted", "admitted", "complained", "warned",
		"acknowledged", "mused", "quipped", "boasted", "countered", "continued", "exclaimed", "pleaded", "protested"}
	for _, v := range verbs {
		for _, body := range []string{
			"\"We will fight this in court,\" said Ama Owusu.\n\n\"The plan is a shambles from start to finish,\" Tom Hargreaves " + v + ".",
			"\"We will fight this in court,\" said Ama Owusu.\n\nTom Hargreaves " + v + ": \"The plan is a shambles from start to finish.\"",
		} {
			d := newDoc(Article{ID: "t", Title: "Test", Body: body}, r.lex)
			d.analyse(context.Background())
			var got []string
			for _, q := range d.quotes {
				if strings.Contains(q.text, "shambles") {
					for _, e := range q.speakers {
						got = append(got, e.name)
					}
				}
			}
			if strings.Join(got, ", ") != "Tom Hargreaves" {
				t.Errorf("%s: speaker %v, want Tom Hargreaves (%q)", v, got, body)
			}
		}
	}
}
