package extract

import (
	"context"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestReformClauses checks the reform reader's grammar on sentences
// written for it: each says who loses (target), who gains and who acts, in
// one of the ways news copy puts it. Names are invented.
func TestReformClauses(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		kind, target, gains, agents string // gains, agents: names joined by "; ", "" for none
	}
	cases := []struct {
		name, body string
		want       []want
	}{
		{"active verb, agent subject", "The minister will scrap the Rural Roads Agency.",
			[]want{{"abolition", "Rural Roads Agency", "", ""}}},
		{"passive with by-agent", "The Rural Roads Agency was abolished by the Northern Assembly.",
			[]want{{"abolition", "Rural Roads Agency", "", "Northern Assembly"}}},
		{"oversight of a body passes on with the closed body's work", "The review recommended that the Ports Trust be closed and regulatory oversight of the Harbour Company passed wholly to the Marine Agency.",
			[]want{{"abolition", "Ports Trust", "", ""}, {"transfer", "Ports Trust", "Marine Agency", ""}}},
		{"the number of bodies far before the verb", "The number of local water boards (LWBs) in the northern region will be cut from 22 to seven under plans unveiled by the assembly government.",
			[]want{{"reduction", "local water board", "", ""}}},
		{"a cull of a kind of body", "The minister today announced a cull of regulators to save money.",
			[]want{{"reduction", "regulator", "", ""}}},
		{"the closure of a kind of body", "The closure of rural courts was criticised.",
			[]want{{"abolition", "rural court", "", ""}}},
		{"services are work, not bodies", "The closure of probation services was criticised.", nil},
		{"a closing body's funds go with it", "The Learning Council is to be closed down - with most of the funds to be transferred to the Northern Assembly.",
			[]want{{"abolition", "Learning Council", "", ""}, {"transfer", "Learning Council", "Northern Assembly", ""}}},
		{"another company is no body", "The Rail Authority will close, with its contract being moved to another private company.",
			[]want{{"abolition", "Rail Authority", "", ""}}},
		{"mothballed", "The ministry will mothball the Rural Roads Agency.",
			[]want{{"abolition", "Rural Roads Agency", "", ""}}},
		{"scaled back", "The council scaled back the Parks Trust.",
			[]want{{"reduction", "Parks Trust", "", ""}}},
		{"headline participle", "Rural Roads Agency scrapped",
			[]want{{"abolition", "Rural Roads Agency", "", ""}}},
		{"control verb chain", "Premier Ann Vale has repeatedly vowed to abolish the Coastal Ports Board.",
			[]want{{"abolition", "Coastal Ports Board", "", "Ann Vale"}}},
		{"nominal owner", "The Northern Assembly's plans to abolish the Coastal Ports Board were leaked.",
			[]want{{"abolition", "Coastal Ports Board", "", "Northern Assembly"}}},
		{"decision by", "The decision by Health Minister Ann Vale to abolish the Coastal Ports Board angered staff.",
			[]want{{"abolition", "Coastal Ports Board", "", "Ann Vale"}}},
		{"noun with of", "Staff learned of the abolition of the Coastal Ports Board from the radio.",
			[]want{{"abolition", "Coastal Ports Board", "", ""}}},
		{"history is not news", "Ports have been busier since the creation of the Coastal Ports Board.",
			nil},
		{"coordinated passive shares its subject", "The Coastal Ports Board will be abolished and replaced by the National Harbours Authority.",
			[]want{{"abolition", "Coastal Ports Board", "", ""}, {"replacement", "Coastal Ports Board", "National Harbours Authority", ""}}},
		{"replace X with Y", "The council will replace the Parks Trust with a new Green Spaces Company.",
			[]want{{"replacement", "Parks Trust", "Green Spaces Company", ""}, {"creation", "Green Spaces Company", "", ""}}},
		{"Y replaces X (gains subject)", "The Green Spaces Company replaces the Parks Trust in April.",
			[]want{{"replacement", "Parks Trust", "Green Spaces Company", ""}}},
		{"merge A and B into C", "Ministers will merge the Parks Trust and the Rivers Board into a single Environment Agency.",
			[]want{{"creation", "Environment Agency", "", ""}, {"merger", "Parks Trust", "Environment Agency", ""}, {"merger", "Rivers Board", "Environment Agency", ""}}},
		{"A merges with B to form C", "The Parks Trust will merge with the Rivers Board to form a new body, the Land Trust.",
			[]want{{"creation", "Land Trust", "", ""}, {"merger", "Parks Trust", "Land Trust", ""}, {"merger", "Rivers Board", "Land Trust", ""}}},
		{"absorb (gains subject)", "The Rivers Board will absorb the Canal Office next year.",
			[]want{{"merger", "Canal Office", "Rivers Board", ""}}},
		{"phrasal verb around its object", "The state will fold the Canal Office and the Weirs Unit into the Rivers Board.",
			[]want{{"merger", "Canal Office", "Rivers Board", ""}, {"merger", "Weirs Unit", "Rivers Board", ""}}},
		{"transfer of functions", "The Canal Office's functions will transfer to the Rivers Board.",
			[]want{{"transfer", "Canal Office", "Rivers Board", ""}}},
		{"take over (gains subject, owner's work)", "The Rivers Board will take over the Canal Office's licensing work.",
			[]want{{"transfer", "Canal Office", "Rivers Board", ""}}},
		{"relative clause on an apposition", "Ministers created the Land Agency, a super-agency that will combine the Canal Office and the Weirs Unit.",
			[]want{{"creation", "Land Agency", "", ""}, {"merger", "Canal Office", "Land Agency", ""}, {"merger", "Weirs Unit", "Land Agency", ""}}},
		{"counted units", "The force will close six police stations by March.",
			[]want{{"abolition", "police station", "", ""}}},
		{"number of", "The number of health boards will be cut from 19 to eight.",
			[]want{{"reduction", "health board", "", ""}}},
		{"gapped second clause", "The Canal Office was merged into the Rivers Board, and the Weirs Unit and the Dam Office into the Land Agency.",
			[]want{{"merger", "Canal Office", "Rivers Board", ""}, {"merger", "Dam Office", "Land Agency", ""}, {"merger", "Weirs Unit", "Land Agency", ""}}},
		{"an object that is no body", "The council will cut administration costs by a third.",
			nil},
		{"privatised: no receiving body", "The Royal Mint will be privatised next year.",
			[]want{{"transfer", "Royal Mint", "", ""}}},
		{"stripped of its powers", "The Harbour Trust was stripped of its licensing powers.",
			[]want{{"transfer", "Harbour Trust", "", ""}}},
		{"brought in-house: the subject gains", "The council will bring the Leisure Trust in-house.",
			[]want{{"transfer", "Leisure Trust", "", ""}}},
		{"cut to a count of units", "The state will cut from 41 to 25 departments.",
			[]want{{"reduction", "department", "", ""}}},
		{"a gerund has no agent", "The union warned that merging the Canal Office with the Rivers Board would cost jobs.",
			[]want{{"merger", "Canal Office", "Rivers Board", ""}}},
		{"integrated into", "The Canal Office will be integrated into the Rivers Board.",
			[]want{{"merger", "Canal Office", "Rivers Board", ""}}},
		{"become part of", "The Canal Office will become part of the Rivers Board.",
			[]want{{"merger", "Canal Office", "Rivers Board", ""}}},
		{"a floating quantifier in the verb group", "The Canal Office and the Weirs Unit are all to be abolished.",
			[]want{{"abolition", "Canal Office", "", ""}, {"abolition", "Weirs Unit", "", ""}}},
		{"powers and functions of the owner", "The Canal Office's powers and functions shall be transferred to the Rivers Board.",
			[]want{{"transfer", "Canal Office", "Rivers Board", ""}}},
		{"voted by a margin to merge", "Members of the Dockers Union and the Crane Workers Union voted by more than three to one to merge.",
			[]want{{"merger", "Crane Workers Union", "Dockers Union", ""}, {"merger", "Dockers Union", "Crane Workers Union", ""}}},
		{"members of two bodies vote to merge", "Members of the Dockers Union and the Crane Workers Union voted to merge.",
			[]want{{"merger", "Crane Workers Union", "Dockers Union", ""}, {"merger", "Dockers Union", "Crane Workers Union", ""}}},
		{"the two bodies, by their kind", "Owners of Corvex Airlines and Baltra Airlines approved the merger of the two carriers.",
			[]want{{"merger", "Baltra Airlines", "Corvex Airlines", ""}, {"merger", "Corvex Airlines", "Baltra Airlines", ""}}},
		{"their after a pair", "Ministers want the staff at the Canal Office and the Weirs Unit to combine their skills, unlike the expensive staffing agencies.",
			[]want{{"merger", "Canal Office", "Weirs Unit", ""}, {"merger", "Weirs Unit", "Canal Office", ""}}},
		{"their after a pair with an acronym", "Ministers want the staff at the Canal Office and WRU to combine their skills, unlike the expensive staffing agencies.",
			[]want{{"merger", "Canal Office", "WRU", ""}, {"merger", "WRU", "Canal Office", ""}}},
		{"the two departments are departments", "The Home Office and the Labour Party gave evidence. The Department of Roads and the Rail Office face a merger. The Labour Party said the move to merge the two departments was wrong.",
			[]want{{"merger", "Department of Roads", "Rail Office", ""}, {"merger", "Rail Office", "Department of Roads", ""}}},
		{"the bodies' merger, by their kind", "Owners of Corvex Airlines and Baltra Airlines agreed to the carriers' merger.",
			[]want{{"merger", "Baltra Airlines", "Corvex Airlines", ""}, {"merger", "Corvex Airlines", "Baltra Airlines", ""}}},
		{"established to incorporate: the new body gains", "A Marine Authority is being established to incorporate the Canal Office and the Weirs Unit.",
			[]want{{"creation", "Marine Authority", "", ""}, {"merger", "Canal Office", "Marine Authority", ""}, {"merger", "Weirs Unit", "Marine Authority", ""}}},
		{"a creation in a relative clause describes the body", "The Canal Office, which was established in 1998, will be scrapped.",
			[]want{{"abolition", "Canal Office", "", ""}}},
		{"transferred later: to what the last merger made", "The six ports agencies will be consolidated into a new body called Ports Scotland. The Harbour Pilots Network, which trains pilots, will be transferred later.",
			[]want{{"merger", "ports agency", "Ports Scotland", ""}, {"creation", "Ports Scotland", "", ""}, {"transfer", "Harbour Pilots Network", "Ports Scotland", ""}}},
		{"a described body before a relative clause", "Minister Ann Vale will disestablish the Northern Skills Institute. The Northern Skills Institute has 9,000 staff. She wants to undo the sprawling institution which swallowed up Lakeside Polytechnic.",
			[]want{{"abolition", "Northern Skills Institute", "", "Ann Vale"}, {"merger", "Lakeside Polytechnic", "Northern Skills Institute", ""}}},
		{"a counted kind named through its 'of' phrase", "The Skills Authority was created through the merger of 12 colleges of further education and agriculture, and five industry training boards in 2019.",
			[]want{{"creation", "Skills Authority", "", ""}, {"merger", "college of further education and agriculture", "Skills Authority", ""}, {"merger", "industry training board", "Skills Authority", ""}}},
		{"N fewer jobs cut the subject's body", "The Rail Authority has 9,000 staff. In May, it announced a restructure which will lead to 200 fewer full-time roles.",
			[]want{{"reduction", "Rail Authority", "", ""}}},
		{"jobs in a body to go", "He said a fifth of jobs in the Harbour Service - the best paid officials in the state - were to go.",
			[]want{{"reduction", "Harbour Service", "", ""}}},
		{"jobs will go at a body", "Around 500 jobs will go at the Coastal Ports Board.",
			[]want{{"reduction", "Coastal Ports Board", "", ""}}},
		{"time to go is no cut", "He said it was time to go.", nil},
		{"a government's move to abolish: the government acts", "An MP has attacked the Federal Government's move to abolish the Rural Roads Agency.",
			[]want{{"abolition", "Rural Roads Agency", "", "Federal Government"}}},
		{"an unknown name joined to a body is a body", "The province will merge Cancer Care Ontario and eHealth into Ontario Health.",
			[]want{{"merger", "Cancer Care Ontario", "Ontario Health", ""}, {"merger", "eHealth", "Ontario Health", ""}}},
		{"bodies listed after 'into Y, including' go into Y too", "Coastal Rail will be absorbed into the Northern Rail Authority, including the Rail Users Group and the Department for Roads.",
			[]want{{"merger", "Coastal Rail", "Northern Rail Authority", ""}, {"transfer", "Rail Users Group", "Northern Rail Authority", ""}, {"transfer", "Department for Roads", "Northern Rail Authority", ""}}},
		{"merged into one: the body the article reported made", "Ministers will establish a new Northern Fire Service. It will take five years for the current eight brigades to be fully merged into one.",
			[]want{{"creation", "Northern Fire Service", "", ""}, {"merger", "brigade", "Northern Fire Service", ""}}},
		{"a creation in a clause of time is the body's past", "The Canal Office will be scrapped. It has struggled since it was formed in 2008.",
			[]want{{"abolition", "Canal Office", "", ""}}},
		{"the law establishing a body is no creation", "Parliament voted to repeal the law establishing the Canal Office.",
			nil},
		{"renamed", "The Canal Office was renamed the Waterways Agency.",
			[]want{{"replacement", "Canal Office", "Waterways Agency", ""}}},
		{"a new body in apposition merges others", "The bill calls for a new arts body, the Land Agency, merging the Canal Office and the Weirs Unit.",
			[]want{{"creation", "Land Agency", "", ""}, {"merger", "Canal Office", "Land Agency", ""}, {"merger", "Weirs Unit", "Land Agency", ""}}},
		{"a counted phrase names its bodies after it", "The report proposed merging the three harbour agencies, namely the Canal Office, the Weirs Unit and the Dam Office.",
			[]want{{"merger", "Canal Office", "", ""}, {"merger", "Dam Office", "", ""}, {"merger", "Weirs Unit", "", ""}}},
		{"their functions, in a coordinated clause, to a body named after a dash",
			"The Canal Office, the Weirs Unit and the Dam Office will cease to exist and their functions will be absorbed by the new water authority – to be called the Ashby Water Authority.",
			[]want{{"abolition", "Canal Office", "", ""}, {"abolition", "Dam Office", "", ""}, {"abolition", "Weirs Unit", "", ""},
				{"creation", "Ashby Water Authority", "", ""}, {"transfer", "Canal Office", "Ashby Water Authority", ""},
				{"transfer", "Dam Office", "Ashby Water Authority", ""}, {"transfer", "Weirs Unit", "Ashby Water Authority", ""}}},
		{"a clause after a prepositional object", "The Canal Office will be incorporated into the Rivers Board and the Weirs Unit will become part of the Land Agency.",
			[]want{{"merger", "Canal Office", "Rivers Board", ""}, {"merger", "Weirs Unit", "Land Agency", ""}}},
		{"this quango is the body the article is about", "The Harbour Agency has failed again, the Harbour Agency's critics say. Ministers would scrap this bloated and largely incompetent quango.",
			[]want{{"abolition", "Harbour Agency", "", ""}}},
		{"replaced with bodies of no name", "The Tories plan to replace the scandal-hit quango, the Harbour Agency, with two bodies.",
			[]want{{"replacement", "Harbour Agency", "", "Conservative Party"}}},
		{"a body combining others of its kind is made of them", "The Ministry of Land and Sea will combine the Ministry of Fisheries and the Ministry of Ports.",
			[]want{{"merger", "Ministry of Fisheries", "Ministry of Land and Sea", ""}, {"merger", "Ministry of Ports", "Ministry of Land and Sea", ""}}},
		{"combined to create: the parts are no agents", "The Department of Roads and the Department of Rail will be combined to create the Department of Transport.",
			[]want{{"creation", "Department of Transport", "", ""}, {"merger", "Department of Rail", "Department of Transport", ""}, {"merger", "Department of Roads", "Department of Transport", ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := newDoc(Article{ID: "t", Body: c.body}, lex)
			d.analyse(context.Background())
			var got []string
			for _, r := range d.reforms {
				got = append(got, string(r.kind)+" | "+r.target.name+" | "+names(r.gains)+" | "+names(r.agents))
			}
			var exp []string
			for _, w := range c.want {
				exp = append(exp, w.kind+" | "+w.target+" | "+w.gains+" | "+w.agents)
			}
			sort.Strings(got)
			sort.Strings(exp)
			if strings.Join(got, "\n") != strings.Join(exp, "\n") {
				t.Errorf("%s\n got:\n  %s\nwant:\n  %s", c.body, strings.Join(got, "\n  "), strings.Join(exp, "\n  "))
			}
		})
	}
}

func names(es []*entity) string {
	var out []string
	for _, e := range es {
		out = append(out, e.name)
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// TestStanceClauses checks who the stance reader finds backing or opposing
// a reform, in sentences written for it.
func TestStanceClauses(t *testing.T) {
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, body string
		want, not  []string // "holder supports|opposes"
	}{
		{"agent backs its reform", "Premier Ann Vale will abolish the Coastal Ports Board.",
			[]string{"Ann Vale supports"}, nil},
		{"announcer", "Transport Minister Ann Vale announced that the Coastal Ports Board will be abolished.",
			[]string{"Ann Vale supports"}, nil},
		{"announcer after the clause", "The Coastal Ports Board will be abolished, Transport Minister Ann Vale announced on Friday.",
			[]string{"Ann Vale supports"}, nil},
		{"announcer after the clause with an office across for and and", "The Coastal Ports Board will be abolished, Minister for Roads and Harbours Ann Vale announced on Friday.",
			[]string{"Ann Vale supports"}, nil},
		{"explicit verb on the move", "The Coastal Ports Board will be abolished. The Dockers' Union condemned the move.",
			[]string{"Dockers' Union opposes"}, nil},
		{"passive with a person in the by-phrase", "The plan to abolish the Coastal Ports Board was criticised by the chair of the Harbour Users Group, Tom Reyes.",
			[]string{"Tom Reyes opposes"}, []string{"Harbour Users Group opposes"}},
		{"evaluative verb", "The Coastal Ports Board will be abolished. Harbourmaster Tom Reyes called the decision a betrayal of coastal towns.",
			[]string{"Tom Reyes opposes"}, nil},
		{"first person in a quotation", "The Coastal Ports Board is to close. \"We will wind down the board by June,\" said Ann Vale.",
			[]string{"Ann Vale supports"}, nil},
		{"support noun with names in dashes", "The bill to abolish the Coastal Ports Board passed with the support of two Green MPs — Tom Reyes and Ann Vale.",
			[]string{"Tom Reyes supports", "Ann Vale supports"}, nil},
		{"members' parties vote against", "The Coastal Ports Board will be abolished. All Labour and Green Party MPs voted against it.",
			[]string{"Green Party opposes"}, nil},
		{"members named by their party's adjective", "The Coastal Ports Board will be abolished. All other Liberal Democrat and Green MPs voted against it.",
			[]string{"Liberal Democrats opposes", "Green Party opposes"}, []string{"Democratic Party opposes"}},
		{"a verb's object names the change late", "The Coastal Ports Board will be merged into the Marine Agency. The Dockers' Union decried the lack of public consultation on such a significant change.",
			[]string{"Dockers' Union opposes"}, nil},
		{"a surname that is a modal", "The Coastal Ports Board is to be abolished. Transport minister Theresa May has decided to pull the plug on the board.",
			[]string{"Theresa May supports"}, nil},
		{"a harm to be remedied argues for the change", "The Coastal Ports Board will be abolished. Senator Tom Reyes said: \"This action is aimed at addressing redundancy and inefficiency in the ports.\"",
			[]string{"Tom Reyes supports"}, []string{"Tom Reyes opposes"}},
		{"a long wait ended", "The Coastal Ports Board will be abolished. \"Many of us have waited for this day for a very long time,\" Ports Minister Tom Reyes told a news conference.",
			[]string{"Tom Reyes supports"}, nil},
		{"in support of, after a relative clause's verb", "Ministers will establish a new Northern Fire Service. Mr Tom Reyes, who spoke out in support of a single service during the debate, said the work would take years.",
			[]string{"Tom Reyes supports"}, nil},
		{"support outweighs a warning about timing", "Ministers will establish a new Northern Fire Service. Chief Officer Tom Reyes warned: \"The process will take three to five years.\" Mr Reyes, who spoke out in support of a single brigade during the debate, added that it was a chance.",
			[]string{"Tom Reyes supports"}, []string{"Tom Reyes opposes"}},
		{"a titled person of a body warns", "Ministers will establish a new Northern Fire Service. But Deputy Chief Officer Tom Reyes of Lakeside Fire Brigade warned: \"The process will take three to five years.\"",
			[]string{"Tom Reyes opposes"}, []string{"Lakeside Fire Brigade opposes"}},
		{"'it' after a statement from a body said", "The Coastal Ports Board will be abolished. A statement from the Harbour Users Group said it welcomed the certainty the decision brought.",
			[]string{"Harbour Users Group supports"}, nil},
		{"a person of the body warns", "The Coastal Ports Board will be abolished. Deputy Commissioner Tom Reyes of the Harbour Users Group warned that it would take years.",
			[]string{"Tom Reyes opposes"}, []string{"Harbour Users Group opposes"}},
		{"mooted the idea", "The Coastal Ports Board was replaced by a new body, the Marine Council. Premier Ann Vale, who had mooted the idea of replacing the board, spoke on Monday.",
			[]string{"Ann Vale supports"}, nil},
		{"the switch would reinvigorate", "The Learning Council is to be closed down, with its funds to be transferred to the Northern Assembly. Minister Bill Rowe said that the switch in funding would \"reinvigorate local democracy\".",
			[]string{"Bill Rowe supports"}, nil},
		{"urged to think again", "The Coastal Ports Board will be abolished. The Dockers' Union said ministers should think again and reverse the decision.",
			[]string{"Dockers' Union opposes"}, nil},
		{"a critic of the merger in apposition", "The Coastal Ports Board will be merged into the Marine Agency. Tom Reyes, a fierce critic of the merger, spoke on Monday.",
			[]string{"Tom Reyes opposes"}, nil},
		{"one of the critics", "The Coastal Ports Board will be merged into the Marine Agency. The Harbour Users Group, one of the critics of the plan, met on Monday.",
			[]string{"Harbour Users Group opposes"}, nil},
		{"supporters of the merger include", "The Coastal Ports Board will be merged into the Marine Agency. Supporters of the merger include the Harbour Users Group.",
			[]string{"Harbour Users Group supports"}, nil},
		{"is a supporter of", "The Coastal Ports Board will be merged into the Marine Agency. Tom Reyes is a long-time supporter of the merger.",
			[]string{"Tom Reyes supports"}, nil},
		{"welcomed the news", "The Coastal Ports Board will be merged into the Marine Agency. The Harbour Users Group welcomed the news.",
			[]string{"Harbour Users Group supports"}, nil},
		{"one member of each party", "The Coastal Ports Board will be abolished. Every Labour and Green councillor voted for it.",
			[]string{"Labour Party supports", "Green Party supports"}, nil},
		{"purpose clause holds nothing", "The Coastal Ports Board will be abolished. Dock workers wrote to Ann Vale to warn that jobs were at risk.",
			nil, []string{"Ann Vale opposes"}},
		{"a holder takes one side", "The Coastal Ports Board will be abolished. Ann Vale welcomed the move. \"It is a sad day,\" she said.",
			[]string{"Ann Vale supports"}, []string{"Ann Vale opposes"}},
		{"announcers coordinated after the clause", "The Coastal Ports Board will be abolished, Transport Minister Ann Vale and Treasurer Tom Reyes announced today.",
			[]string{"Ann Vale supports", "Tom Reyes supports"}, nil},
		{"ordered the abolition", "Premier Ann Vale has ordered the abolition of the Coastal Ports Board.",
			[]string{"Ann Vale supports"}, nil},
		{"a name ending with Jr.", "President Ferdinand Vale Jr. has ordered the abolition of the Coastal Ports Board.",
			[]string{"Ferdinand Vale Jr supports"}, nil},
		{"members of a body back its merger", "The Dockers Union will merge with the Crane Workers Union. Members of the Dockers Union backed the link-up by 70%.",
			[]string{"Dockers Union supports"}, nil},
		{"blessing given", "The Dockers Union will merge with the Crane Workers Union. The Competition Office gave its blessing to the merger.",
			[]string{"Competition Office supports"}, nil},
		{"voted in favour", "The Dockers Union will merge with the Crane Workers Union. Members of the Crane Workers Union voted in favour of the merger.",
			[]string{"Crane Workers Union supports"}, nil},
		{"voted by a margin in favour", "The Crane Union and the Dockers Union will merge. Members of the Crane Union voted by 86% in favour of the merger.",
			[]string{"Crane Union supports"}, nil},
		{"backed the link up", "The Crane Union and the Dockers Union will merge. Members of the Dockers Union backed the link up by 70%.",
			[]string{"Dockers Union supports"}, nil},
		{"the role holder by the role", "Tom Reyes is the director of the Harbour Users Group. The Coastal Ports Board will merge with the Rivers Board. The director opposes the merger.",
			[]string{"Tom Reyes opposes"}, nil},
		{"it after a report is the report", "The Dam Office reported a loss. The review suggested closing the Weirs Unit. It also proposed merging the Canal Office with the Rivers Board.",
			nil, []string{"Dam Office supports"}},
		{"what could be proposed is no stance yet", "The Harbour Commission could propose a merger of the Canal Office and the Rivers Board.",
			nil, []string{"Harbour Commission supports"}},
		{"a new body formed by merging is not its agent", "The bill calls for a new body, the Land Agency, merging the Canal Office and the Weirs Unit.",
			nil, []string{"Land Agency supports"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			facts, err := ex.Extract(context.Background(), Article{ID: "t", Title: "Headline", Body: c.body})
			if err != nil {
				t.Fatal(err)
			}
			name := map[string]string{}
			for _, f := range facts {
				if f.Predicate == "name" {
					name[string(f.Subject)] = strings.Trim(f.Object.String(), `"`)
				}
			}
			got := map[string]bool{}
			for _, f := range facts {
				if f.Predicate == "supports" || f.Predicate == "opposes" {
					got[name[string(f.Subject)]+" "+string(f.Predicate)] = true
				}
			}
			for _, w := range c.want {
				if !got[w] {
					t.Errorf("missing %q; got %v", w, got)
				}
			}
			for _, n := range c.not {
				if got[n] {
					t.Errorf("unexpected %q", n)
				}
			}
		})
	}
}

// TestUserReformCues checks that a user's lexicon file extends the reform
// and stance cues: a verb the embedded lexicon lacks, with its own forms.
func TestUserReformCues(t *testing.T) {
	path := t.TempDir() + "/extra.txt"
	body := "The Coastal Ports Board will be sunsetted next year. The Harbour Users Group panned the decision."
	if err := os.WriteFile(path, []byte("[reforms]\nabolition verb sunset / sunsets / sunsetted / sunsetting\n[stance]\nopposes verb: pan / pans / panned / panning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, user := range []bool{false, true} {
		var opts []Option
		if user {
			opts = append(opts, WithLexiconFile(path))
		}
		ex, err := New(opts...)
		if err != nil {
			t.Fatal(err)
		}
		facts, err := ex.Extract(context.Background(), Article{ID: "u", Title: "Headline", Body: body})
		if err != nil {
			t.Fatal(err)
		}
		var reform, stance bool
		for _, f := range facts {
			reform = reform || f.Subject == "reform/abolition-of-coastal-ports-board"
			stance = stance || f.Predicate == "opposes" && f.Subject == "org/harbour-users-group"
		}
		if reform != user || stance != user {
			t.Errorf("user lexicon %v: reform %v, stance %v; want both %v", user, reform, stance, user)
		}
	}
}
