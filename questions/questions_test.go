package questions_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/questions"
)

var backends = []string{graph.Memory, graph.Bolt}

func ids(hits []questions.Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	return out
}

// Search finds names by their start or a later word's, case and accents
// aside, best match first, then most mentioned.
func TestSearch(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		query string
		kinds []questions.Kind
		want  []string // the hits' IDs, in order
		match string   // the first hit's match
	}{
		// Every word starts a word of Anne Smithers' name too.
		{"Ann Smith", nil, []string{"<person/ann-smith>", "<person/anne-smithers>"}, "exact"},
		{"ann", nil, []string{"<person/ann-smith>", "<person/anne-smithers>"}, "prefix"},
		{"smith", nil, []string{"<person/ann-smith>", "<person/anne-smithers>"}, "exact"}, // Ann Smith's alias
		{"SMITHERS", nil, []string{"<person/anne-smithers>"}, "word"},
		{"societe generale", nil, []string{"<org/societe-generale-des-tests>"}, "prefix"},
		{"  Société-Générale  ", nil, []string{"<org/societe-generale-des-tests>"}, "prefix"},
		{"tests des", nil, []string{"<org/societe-generale-des-tests>"}, "words"},
		{"wb", nil, []string{"<org/widget-board>"}, "exact"},
		// Most mentioned first (the reform in three sentences), then by name.
		{"widget", nil, []string{"<reform/abolition-of-widget-board>", "<topic/widgets>", "<org/widget-board>", "<org/ministry-of-widgets>"}, "word"},
		{"widget", []questions.Kind{questions.KindReform}, []string{"<reform/abolition-of-widget-board>"}, "word"},
		{"widgets", []questions.Kind{questions.KindTopic}, []string{"<topic/widgets>"}, "exact"},
		{"zebra", nil, []string{}, ""},
		{"", nil, []string{}, ""},
		{"--", nil, []string{}, ""},
	}
	for _, backend := range backends {
		s, _ := worldService(t, backend)
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/%s", backend, tt.query), func(t *testing.T) {
				hits, err := s.Search(ctx, tt.query, questions.WithKinds(tt.kinds...))
				if err != nil {
					t.Fatal(err)
				}
				if got := ids(hits); !slices.Equal(got, tt.want) {
					t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
				}
				if len(hits) > 0 && hits[0].Match != tt.match {
					t.Errorf("Search(%q) first match %q, want %q", tt.query, hits[0].Match, tt.match)
				}
			})
		}
	}
}

// Hits say how many articles mention them (a reform's counted by article,
// not by sentence) and page with WithLimit and WithOffset.
func TestSearchCountsAndPages(t *testing.T) {
	ctx := context.Background()
	s, _ := worldService(t, graph.Bolt)
	hits, err := s.Search(ctx, "widget")
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, h := range hits {
		counts[h.ID] = h.Articles
	}
	want := map[string]int{"<org/widget-board>": 2, "<topic/widgets>": 3, "<org/ministry-of-widgets>": 1, "<reform/abolition-of-widget-board>": 2}
	if !reflect.DeepEqual(counts, want) {
		t.Errorf("articles %v, want %v", counts, want)
	}
	second, err := s.Search(ctx, "widget", questions.WithLimit(2), questions.WithOffset(1))
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(second); !slices.Equal(got, ids(hits)[1:3]) {
		t.Errorf("page 2 = %v, want %v", got, ids(hits)[1:3])
	}
}

// A name that matches nothing is a NotFoundError with the nearest names;
// one that matches several equally, an AmbiguousError listing them.
func TestNames(t *testing.T) {
	ctx := context.Background()
	s, _ := worldService(t, graph.Memory)
	tests := []struct {
		name    string
		want    string   // the speaker found
		notIn   []string // or the suggestions of a NotFoundError
		several []string // or the candidates of an AmbiguousError
	}{
		{name: "Ann Smith", want: "<person/ann-smith>"},
		{name: "ann smith", want: "<person/ann-smith>"},
		{name: "<person/ann-smith>", want: "<person/ann-smith>"},
		{name: "person/ann-smith", want: "<person/ann-smith>"},
		{name: "Smith", want: "<person/ann-smith>"},        // an alias, exactly
		{name: "smithers", want: "<person/anne-smithers>"}, // the one name with that word
		{name: "bob", want: "<person/bob-jones>"},
		{name: "SGT", want: "<org/societe-generale-des-tests>"},
		{name: "Ann Smiht", notIn: []string{"<person/ann-smith>"}},
		{name: "Bob Jnoes", notIn: []string{"<person/bob-jones>"}},
		{name: "Zebedee", notIn: []string{}},
		{name: "<person/nobody>", notIn: []string{}},
		{name: "widgets", want: "<org/ministry-of-widgets>"},           // the one speaker with that word
		{name: "Widget Weekly", notIn: []string{"<org/widget-board>"}}, // an outlet is no speaker
		{name: "an", several: []string{"<person/ann-smith>", "<person/anne-smithers>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Said(ctx, tt.name)
			var nf *questions.NotFoundError
			var amb *questions.AmbiguousError
			switch {
			case tt.want != "":
				if err != nil || p.Speaker.ID != tt.want {
					t.Fatalf("Said(%q) = %v, %v; want %s", tt.name, p, err, tt.want)
				}
			case tt.notIn != nil:
				if !errors.As(err, &nf) || !errors.Is(err, questions.ErrNotFound) {
					t.Fatalf("Said(%q) error %v, want a NotFoundError", tt.name, err)
				}
				var got []string
				for _, e := range nf.Suggestions {
					got = append(got, e.ID)
				}
				for _, w := range tt.notIn {
					if !slices.Contains(got, w) {
						t.Errorf("Said(%q) suggests %v, want %s among them", tt.name, got, w)
					}
				}
				if len(tt.notIn) == 0 && strings.Contains(err.Error(), "did you mean") {
					t.Errorf("Said(%q): %v; want no suggestion", tt.name, err)
				}
			default:
				if !errors.As(err, &amb) || !errors.Is(err, questions.ErrAmbiguous) {
					t.Fatalf("Said(%q) error %v, want an AmbiguousError", tt.name, err)
				}
				var got []string
				for _, e := range amb.Candidates {
					got = append(got, e.ID)
				}
				if !slices.Equal(got, tt.several) {
					t.Errorf("Said(%q) candidates %v, want %v", tt.name, got, tt.several)
				}
				if !strings.Contains(err.Error(), "which one?") {
					t.Errorf("error %q does not ask which", err)
				}
			}
		})
	}
}

// Said lists a speaker's statements, newest article first, each with its
// topics and source; reported speech is told from quotations.
func TestSaid(t *testing.T) {
	ctx := context.Background()
	for _, backend := range backends {
		t.Run(backend, func(t *testing.T) {
			s, _ := worldService(t, backend)
			p, err := s.Said(ctx, "Bob Jones")
			if err != nil {
				t.Fatal(err)
			}
			type row struct{ kind, text, topics, sentence, date, outlet, sentenceText string }
			var got []row
			for _, st := range p.Statements {
				var topics []string
				for _, t := range st.Topics {
					topics = append(topics, t.Name)
				}
				if len(st.Speakers) != 1 || st.Speakers[0].ID != "<person/bob-jones>" {
					t.Errorf("%s: speakers %v", st.ID, st.Speakers)
				}
				got = append(got, row{st.Kind, st.Text, strings.Join(topics, ","), st.Source.Sentence,
					st.Source.Article.Date, st.Source.Article.Outlet, st.Source.Text})
			}
			want := []row{
				{"reported", "the abolition of the Widget Board was a mistake", "", "<article/a2#s1>", "2012-07-15", "Widget Weekly",
					"Bob Jones said the abolition of the Widget Board was a mistake."},
				{"quotation", "Ann Smith is wrong about widgets.", "widgets", "<article/a2#s2>", "2012-07-15", "Widget Weekly",
					"“Ann Smith is wrong about widgets,” he said."},
			}
			if !reflect.DeepEqual(got, want) || p.Total != 2 {
				t.Errorf("Said(Bob Jones) = %d: %+v\nwant %+v", p.Total, got, want)
			}
			if h := p.Statements[0].Source.Article; h.Headline != "Critics round on widget plan" || h.URL != "https://news.test/a2" || h.ID != "<article/a2>" {
				t.Errorf("article %+v", h)
			}
		})
	}
}

// Roles pairs a role with the body named in the same sentence; a body's
// roles are its people's.
func TestRoles(t *testing.T) {
	ctx := context.Background()
	s, _ := worldService(t, graph.Memory)
	tests := []struct {
		name string
		want []string // person: role @ organisation (relation) source
	}{
		{"Ann Smith", []string{"Ann Smith: chair @ Widget Board (chair_of) <article/a1#s2>"}},
		{"Widget Board", []string{"Ann Smith: chair @ Widget Board (chair_of) <article/a1#s2>"}},
		{"Anne Smithers", []string{"Anne Smithers:  @ Société Générale des Tests (affiliated_with) <article/a3#s1>"}},
		{"Bob Jones", nil},
	}
	for _, tt := range tests {
		p, err := s.Roles(ctx, tt.name)
		if err != nil {
			t.Fatalf("Roles(%q): %v", tt.name, err)
		}
		var got []string
		for _, r := range p.Roles {
			org := ""
			if r.Organisation != nil {
				org = r.Organisation.Name
			}
			got = append(got, fmt.Sprintf("%s: %s @ %s (%s) %s", r.Person.Name, r.Role, org, r.Relation, r.Source.Sentence))
		}
		if !slices.Equal(got, tt.want) || p.Total != len(tt.want) {
			t.Errorf("Roles(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A profile gathers a person's roles, topics, stances, companions and
// timeline; a body's gathers the reforms that change it.
func TestProfile(t *testing.T) {
	ctx := context.Background()
	for _, backend := range backends {
		t.Run(backend, func(t *testing.T) {
			s, _ := worldService(t, backend)
			p, err := s.Profile(ctx, "Ann Smith")
			if err != nil {
				t.Fatal(err)
			}
			if p.Entity.Articles != 2 || p.Statements != 1 || p.RolesTotal != 1 {
				t.Errorf("articles %d, statements %d, roles %d; want 2, 1, 1", p.Entity.Articles, p.Statements, p.RolesTotal)
			}
			if len(p.Topics) != 1 || p.Topics[0].Topic.Name != "widgets" || p.Topics[0].Statements != 1 {
				t.Errorf("topics %+v", p.Topics)
			}
			if len(p.Stances) != 1 || p.Stances[0].Stance != "supports" || p.Stances[0].ID != "<reform/abolition-of-widget-board>" ||
				p.Stances[0].Sources[0].Sentence != "<article/a1#s2>" {
				t.Errorf("stances %+v", p.Stances)
			}
			want := []questions.Period{{Month: "2011-03", Articles: 1}, {Month: "2012-07", Articles: 1}}
			if !reflect.DeepEqual(p.Timeline, want) {
				t.Errorf("timeline %+v, want %+v", p.Timeline, want)
			}
			if len(p.Articles) != 2 || p.Articles[0].ID != "<article/a2>" {
				t.Errorf("articles %+v, want a2 then a1", p.Articles)
			}
			var with []string
			for _, c := range p.AppearsWith {
				with = append(with, fmt.Sprintf("%s %d", c.Name, c.Articles))
			}
			if w := []string{"Widget Board 2", "Bob Jones 1", "Ministry of Widgets 1"}; !slices.Equal(with, w) {
				t.Errorf("appears with %v, want %v", with, w)
			}

			board, err := s.Profile(ctx, "Widget Board")
			if err != nil {
				t.Fatal(err)
			}
			if len(board.AffectedBy) != 1 || board.AffectedBy[0].ID != "<reform/abolition-of-widget-board>" || board.AffectedBy[0].Count != 3 {
				t.Errorf("affected by %+v", board.AffectedBy)
			}
			ministry, err := s.Profile(ctx, "Ministry of Widgets")
			if err != nil {
				t.Fatal(err)
			}
			if len(ministry.Drives) != 1 || ministry.Drives[0].Name != "abolition of Widget Board" {
				t.Errorf("drives %+v", ministry.Drives)
			}
		})
	}
}

// A reform page says what changes, who gains, who stands where and in
// what words.
func TestReform(t *testing.T) {
	ctx := context.Background()
	for _, backend := range backends {
		t.Run(backend, func(t *testing.T) {
			s, _ := worldService(t, backend)
			for _, name := range []string{"abolition of Widget Board", "<reform/abolition-of-widget-board>", "widget board"} {
				r, err := s.Reform(ctx, name)
				if err != nil {
					t.Fatalf("Reform(%q): %v", name, err)
				}
				if r.Reform.Articles != 2 || !slices.Equal(r.Kinds, []string{"abolition"}) {
					t.Errorf("articles %d, kinds %v", r.Reform.Articles, r.Kinds)
				}
				if len(r.Affects) != 1 || r.Affects[0].ID != "<org/widget-board>" || r.Affects[0].Count != 3 || len(r.Affects[0].Sources) != 3 {
					t.Errorf("affects %+v", r.Affects)
				}
				if len(r.Agents) != 1 || r.Agents[0].ID != "<org/ministry-of-widgets>" {
					t.Errorf("agents %+v", r.Agents)
				}
				if len(r.Changes) != 1 || r.Changes[0].How != "replaced by" || r.Changes[0].To.ID != "<org/ministry-of-widgets>" {
					t.Errorf("changes %+v", r.Changes)
				}
				if len(r.Supporters) != 1 || r.Supporters[0].ID != "<person/ann-smith>" ||
					len(r.Supporters[0].Words) != 1 || r.Supporters[0].Words[0].Text != "It is time." {
					t.Errorf("supporters %+v", r.Supporters)
				}
				if len(r.Opponents) != 1 || r.Opponents[0].ID != "<person/bob-jones>" || len(r.Opponents[0].Words) != 2 {
					t.Errorf("opponents %+v", r.Opponents)
				}
				if len(r.Timeline) != 2 || r.Articles[0].ID != "<article/a2>" {
					t.Errorf("timeline %+v, articles %+v", r.Timeline, r.Articles)
				}
			}
			_, err := s.Reform(ctx, "Ann Smith")
			if !errors.Is(err, questions.ErrNotFound) {
				t.Errorf("Reform(Ann Smith) error %v, want not found", err)
			}
		})
	}
}

// WhoSaid reads its argument as a topic, an entity or a phrase.
func TestWhoSaid(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		about string
		mode  string
		want  []string // speaker: text
	}{
		{"widgets", "topic", []string{"Anne Smithers: Widgets matter.", "Bob Jones: Ann Smith is wrong about widgets.", "Ann Smith: It is time."}},
		{"<topic/widgets>", "topic", []string{"Anne Smithers: Widgets matter.", "Bob Jones: Ann Smith is wrong about widgets.", "Ann Smith: It is time."}},
		// Ann's own words name the board only in her sentence; Bob's name it.
		{"Widget Board", "entity", []string{"Bob Jones: the abolition of the Widget Board was a mistake", "Ann Smith: It is time."}},
		{"Ann Smith", "entity", []string{"Bob Jones: Ann Smith is wrong about widgets."}},
		{"WRONG about", "phrase", []string{"Bob Jones: Ann Smith is wrong about widgets."}},
		{"it is", "phrase", []string{"Ann Smith: It is time."}},
		{"nothing like this", "phrase", nil},
	}
	for _, backend := range backends {
		s, _ := worldService(t, backend)
		for _, tt := range tests {
			t.Run(backend+"/"+tt.about, func(t *testing.T) {
				p, err := s.WhoSaid(ctx, tt.about)
				if err != nil {
					t.Fatal(err)
				}
				mode := "phrase"
				if p.About.Topic != nil {
					mode = "topic"
				} else if p.About.Entity != nil {
					mode = "entity"
				}
				var got []string
				for _, st := range p.Statements {
					got = append(got, st.Speakers[0].Name+": "+st.Text)
				}
				if mode != tt.mode || !slices.Equal(got, tt.want) || !p.Complete || p.Total != len(tt.want) {
					t.Errorf("WhoSaid(%q) = %s %v (total %d, complete %v), want %s %v", tt.about, mode, got, p.Total, p.Complete, tt.mode, tt.want)
				}
			})
		}
	}
}

// WhoSaid stops reading articles once it has its page, and says so.
func TestWhoSaidStops(t *testing.T) {
	ctx := context.Background()
	s, _ := worldService(t, graph.Memory)
	p, err := s.WhoSaid(ctx, "widgets", questions.WithLimit(1))
	if err != nil {
		t.Fatal(err)
	}
	if p.Complete || p.Scanned != 1 || len(p.Statements) != 1 || p.Statements[0].Text != "Widgets matter." {
		t.Errorf("limit 1: %+v", p)
	}
	p, err = s.WhoSaid(ctx, "widgets", questions.WithScan(2))
	if err != nil {
		t.Fatal(err)
	}
	if p.Complete || p.Scanned != 2 || p.Total != 2 {
		t.Errorf("scan 2: scanned %d, total %d, complete %v", p.Scanned, p.Total, p.Complete)
	}
}

// Articles filters by date, outlet and entity, and counts by month and
// outlet.
func TestArticles(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		f       questions.ArticleFilter
		want    []string
		outlets string
	}{
		{questions.ArticleFilter{}, []string{"a3", "a2", "a1"}, "The Daily Test 2, Widget Weekly 1"},
		{questions.ArticleFilter{From: "2012"}, []string{"a3", "a2"}, "The Daily Test 1, Widget Weekly 1"},
		{questions.ArticleFilter{To: "2012-07"}, []string{"a2", "a1"}, "The Daily Test 1, Widget Weekly 1"},
		{questions.ArticleFilter{From: "2012-07-16", To: "2012-08-01"}, []string{"a3"}, "The Daily Test 1"},
		{questions.ArticleFilter{Outlet: "the daily TEST"}, []string{"a3", "a1"}, "The Daily Test 2"},
		{questions.ArticleFilter{Entity: "Bob Jones"}, []string{"a2"}, "Widget Weekly 1"},
		{questions.ArticleFilter{Entity: "widgets", From: "2012"}, []string{"a3", "a2"}, "The Daily Test 1, Widget Weekly 1"},
		{questions.ArticleFilter{Outlet: "Nobody's Gazette"}, nil, ""},
	}
	for _, backend := range backends {
		s, _ := worldService(t, backend)
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/%+v", backend, tt.f), func(t *testing.T) {
				p, err := s.Articles(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				var got, outlets []string
				for _, a := range p.Articles {
					got = append(got, strings.TrimSuffix(strings.TrimPrefix(a.ID, "<article/"), ">"))
				}
				for _, o := range p.Outlets {
					outlets = append(outlets, fmt.Sprintf("%s %d", o.Outlet, o.Articles))
				}
				if !slices.Equal(got, tt.want) || p.Total != len(tt.want) || strings.Join(outlets, ", ") != tt.outlets {
					t.Errorf("Articles(%+v) = %v (%d), outlets %v; want %v, %s", tt.f, got, p.Total, outlets, tt.want, tt.outlets)
				}
			})
		}
	}
	s, _ := worldService(t, graph.Memory)
	for _, f := range []questions.ArticleFilter{{From: "yesterday"}, {To: "2012-13"}, {From: "2013", To: "2012"}} {
		if _, err := s.Articles(ctx, f); err == nil {
			t.Errorf("Articles(%+v): no error", f)
		}
	}
}

// The index follows the Graph's loads and deletes: a new article's people
// are found at once, a deleted article's are gone, and a replaced one's
// counts change.
func TestIndexFollowsChanges(t *testing.T) {
	ctx := context.Background()
	for _, backend := range backends {
		t.Run(backend, func(t *testing.T) {
			s, g := worldService(t, backend)
			if err := s.Warm(ctx); err != nil {
				t.Fatal(err)
			}
			search := func(q string) []string {
				t.Helper()
				hits, err := s.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				var out []string
				for _, h := range hits {
					out = append(out, fmt.Sprintf("%s %d", h.Name, h.Articles))
				}
				return out
			}
			a4 := newArt("a4", "Newcomer speaks", "2013-01-01", "Widget Weekly")
			a4.entity("Person", "Carol Newcomer", "Newcomer")
			a4.entity("Person", "Bob Jones", "Bobby")
			load(t, g, a4)
			if got := search("newcomer"); !slices.Equal(got, []string{"Carol Newcomer 1"}) {
				t.Errorf("after load: %v", got)
			}
			if got := search("bobby"); !slices.Equal(got, []string{"Bob Jones 2"}) {
				t.Errorf("new alias after load: %v", got)
			}
			// The new article replaced: Carol gone, Dan in.
			a4b := newArt("a4", "Newcomer speaks", "2013-01-01", "Widget Weekly")
			a4b.entity("Person", "Dan Later")
			load(t, g, a4b)
			if got := search("newcomer"); len(got) != 0 {
				t.Errorf("after replace: %v", got)
			}
			if got := search("dan"); !slices.Equal(got, []string{"Dan Later 1"}) {
				t.Errorf("after replace: %v", got)
			}
			if got := search("bob jones"); !slices.Equal(got, []string{"Bob Jones 1"}) {
				t.Errorf("after replace: %v", got)
			}
			// An article the index was built with, deleted.
			if _, err := g.Delete(ctx, "a3"); err != nil {
				t.Fatal(err)
			}
			if got := search("smithers"); len(got) != 0 {
				t.Errorf("after delete: %v", got)
			}
			if got := search("widgets"); !slices.Equal(got, []string{"widgets 2", "Ministry of Widgets 1"}) {
				t.Errorf("after delete: %v", got)
			}
			p, err := s.Articles(ctx, questions.ArticleFilter{})
			if err != nil || p.Total != 3 {
				t.Errorf("articles after delete: %v, %v", p, err)
			}
		})
	}
}

// Answers with nothing in a list say [] in JSON, never null: a page reads
// them without checking.
func TestNoNullLists(t *testing.T) {
	ctx := context.Background()
	s, _ := worldService(t, graph.Memory)
	var answers []any
	add := func(v any, err error) {
		if err != nil {
			t.Fatal(err)
		}
		answers = append(answers, v)
	}
	add(s.Search(ctx, "zebra"))
	add(s.Said(ctx, "Ministry of Widgets"))
	add(s.Roles(ctx, "Bob Jones"))
	add(s.Profile(ctx, "widgets"))
	add(s.Profile(ctx, "Ministry of Widgets"))
	add(s.Reform(ctx, "abolition of Widget Board"))
	add(s.WhoSaid(ctx, "nothing at all"))
	add(s.Articles(ctx, questions.ArticleFilter{Outlet: "nobody"}))
	for _, a := range answers {
		data, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "null") {
			t.Errorf("%T: %s", a, data)
		}
	}
}

// Resolve reads a name as the questions do.
func TestResolve(t *testing.T) {
	ctx := context.Background()
	s, _ := worldService(t, graph.Memory)
	e, err := s.Resolve(ctx, "WB")
	if err != nil || e.ID != "<org/widget-board>" || e.Articles != 2 {
		t.Errorf("Resolve(WB) = %+v, %v", e, err)
	}
	e, err = s.Resolve(ctx, "abolition of widget board")
	if err != nil || e.Articles != 2 {
		t.Errorf("Resolve(reform) = %+v, %v; want 2 articles", e, err)
	}
	if _, err := s.Resolve(ctx, "Ann Smith", questions.WithKinds(questions.KindTopic)); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("Resolve(Ann Smith as a topic): %v", err)
	}
}

// Top lists the most mentioned first, by kind when asked.
func TestTop(t *testing.T) {
	ctx := context.Background()
	s, _ := worldService(t, graph.Bolt)
	tests := []struct {
		kinds []questions.Kind
		want  []string
	}{
		{nil, []string{"abolition of Widget Board 2", "widgets 3", "Ann Smith 2", "Widget Board 2"}}, // a reform's 3 sentences rank it
		{[]questions.Kind{questions.KindPerson}, []string{"Ann Smith 2", "Anne Smithers 1", "Bob Jones 1"}},
		{[]questions.Kind{questions.KindOrganisation, questions.KindTopic}, []string{"widgets 3", "Widget Board 2", "Ministry of Widgets 1", "Société Générale des Tests 1"}},
	}
	for _, tt := range tests {
		top, err := s.Top(ctx, questions.WithKinds(tt.kinds...), questions.WithLimit(4))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range top {
			got = append(got, fmt.Sprintf("%s %d", e.Name, e.Articles))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Top(%v) = %q, want %q", tt.kinds, got, tt.want)
		}
	}
}

// A Service that reads the kept index answers as the one that built it.
func TestKeptIndexAnswersAlike(t *testing.T) {
	ctx := context.Background()
	s, g := worldService(t, graph.Bolt)
	queries := []string{"a", "ann", "smith", "widget", "wb", "société", "tests des", "zebra", "abolition"}
	ask := func(s *questions.Service) string {
		var b strings.Builder
		for _, q := range queries {
			hits, err := s.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := json.Marshal(hits)
			b.Write(data)
		}
		top, err := s.Top(ctx)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := json.Marshal(top)
		b.Write(data)
		return b.String()
	}
	built := ask(s)
	dir := g.CacheDir()
	if _, err := os.Stat(filepath.Join(dir, "questions-index.gob")); err != nil {
		t.Fatalf("no index kept: %v", err)
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
	g2, err := graph.Open(ctx, graph.Bolt, dir, graph.WithReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer g2.Close()
	if read := ask(questions.New(g2)); read != built {
		t.Errorf("read back:\n%s\nbuilt:\n%s", read, built)
	}
}

// Questions asked while articles load see either side of each load, never
// a torn index (run with -race).
func TestQuestionsWhileLoading(t *testing.T) {
	ctx := context.Background()
	for _, backend := range backends {
		t.Run(backend, func(t *testing.T) {
			s, g := worldService(t, backend)
			done := make(chan struct{})
			errs := make(chan error, 8)
			for w := range 4 {
				go func() {
					for {
						select {
						case <-done:
							errs <- nil
							return
						default:
						}
						var err error
						switch w {
						case 0:
							_, err = s.Search(ctx, "new")
						case 1:
							_, err = s.Profile(ctx, "Ann Smith")
						case 2:
							_, err = s.WhoSaid(ctx, "widgets")
						default:
							_, err = s.Articles(ctx, questions.ArticleFilter{From: "2012"})
						}
						if err != nil {
							errs <- err
							return
						}
					}
				}()
			}
			for i := range 20 {
				a := newArt(fmt.Sprint("n", i), "New", "2013-01-01", "Widget Weekly")
				a.entity("Person", fmt.Sprintf("Newton Number%d", i))
				load(t, g, a)
			}
			close(done)
			for range 4 {
				if err := <-errs; err != nil {
					t.Fatal(err)
				}
			}
			hits, err := s.Search(ctx, "newton", questions.WithLimit(0))
			if err != nil || len(hits) != 20 {
				t.Errorf("after the loads: %d hits, %v; want 20", len(hits), err)
			}
		})
	}
}

// On PostgreSQL, where every read goes through Cayley's generic iterators
// (no bolt index keys, no kept index), the questions answer as on bolt.
func TestPostgresAnswersAsBolt(t *testing.T) {
	pg := graphtest.PostgresURL(t)
	if pg == "" {
		t.Skip("no PostgreSQL")
	}
	ctx := context.Background()
	backend, address := graph.ParseDB(pg)
	gp, err := graph.Open(ctx, backend, address)
	if err != nil {
		t.Fatal(err)
	}
	defer gp.Close()
	load(t, gp, world()...)
	sb, _ := worldService(t, graph.Bolt)
	sp := questions.New(gp)
	ask := func(s *questions.Service) string {
		var b strings.Builder
		add := func(v any, err error) {
			if err != nil {
				t.Fatal(err)
			}
			data, _ := json.Marshal(v)
			b.Write(data)
			b.WriteByte('\n')
		}
		add(s.Search(ctx, "widget"))
		add(s.Top(ctx))
		add(s.Said(ctx, "Bob Jones"))
		add(s.Profile(ctx, "Ann Smith"))
		add(s.Profile(ctx, "Widget Board"))
		add(s.Reform(ctx, "abolition of Widget Board"))
		add(s.WhoSaid(ctx, "widgets"))
		add(s.WhoSaid(ctx, "Ann Smith"))
		add(s.Roles(ctx, "Widget Board"))
		add(s.Articles(ctx, questions.ArticleFilter{From: "2012"}))
		return b.String()
	}
	if got, want := ask(sp), ask(sb); got != want {
		t.Errorf("PostgreSQL:\n%s\nbolt:\n%s", got, want)
	}
}

// An article page gives the sentences facts were read from, each with its
// facts, statements by their words.
func TestArticle(t *testing.T) {
	ctx := context.Background()
	for _, backend := range backends {
		t.Run(backend, func(t *testing.T) {
			s, _ := worldService(t, backend)
			for _, id := range []string{"<article/a2>", "article/a2", "a2", "<article/a2#s2>"} {
				p, err := s.Article(ctx, id)
				if err != nil {
					t.Fatalf("Article(%q): %v", id, err)
				}
				var got []string
				for _, sen := range p.Sentences {
					for _, f := range sen.Facts {
						obj := f.Value
						if f.Object != nil {
							obj = f.Object.Name
						}
						got = append(got, fmt.Sprintf("s%d %s %s %s", sen.N, f.Subject.Name, f.Predicate, obj))
					}
				}
				want := []string{
					"s1 Bob Jones opposes abolition of Widget Board",
					"s1 Bob Jones said the abolition of the Widget Board was a mistake",
					"s1 abolition of Widget Board affects Widget Board",
					"s1 abolition of Widget Board kind abolition",
					"s2 Bob Jones said Ann Smith is wrong about widgets.",
					"s2 Ann Smith is wrong about widgets. about widgets",
				}
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) || p.Article.Headline != "Critics round on widget plan" || len(p.Sentences) != 2 ||
					p.Sentences[1].Text != "“Ann Smith is wrong about widgets,” he said." {
					t.Errorf("Article(%q): %q\nwant %q", id, got, want)
				}
				var ents []string
				for _, e := range p.Entities {
					ents = append(ents, e.Name)
				}
				if w := []string{"Widget Board", "Ann Smith", "Bob Jones", "abolition of Widget Board", "widgets"}; !slices.Equal(ents, w) {
					t.Errorf("entities %v, want %v", ents, w)
				}
			}
			if _, err := s.Article(ctx, "a9"); !errors.Is(err, questions.ErrNotFound) {
				t.Errorf("Article(a9): %v, want not found", err)
			}
		})
	}
}
