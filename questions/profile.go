package questions

import (
	"cmp"
	"context"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// A Profile is what the graph knows of one person, body, reform or topic.
// Lists a kind of thing has none of are empty.
type Profile struct {
	Entity Entity `json:"entity"`
	// Roles are a person's roles and bodies, or a body's people, newest
	// first (the first MaxProfileRows; RolesTotal counts them all).
	Roles      []Role `json:"roles"`
	RolesTotal int    `json:"roles_total"`
	// Statements counts what they said; Topics what it was about, most
	// first (in the newest MaxTopicsFrom); Latest is the newest few.
	Statements int          `json:"statements"`
	Topics     []TopicCount `json:"topics"`
	Latest     []Statement  `json:"latest"`
	// Stances are the reforms they support or oppose. These lists, as the
	// reforms below, show the MaxProfileRows most reported.
	Stances []Stance `json:"stances"`
	// Drives are the reforms they carry out (<agent>); AffectedBy the
	// reforms that change a body (<affects>); GainsFrom those that give it
	// functions (<gains>).
	Drives     []Mention `json:"drives"`
	AffectedBy []Mention `json:"affected_by"`
	GainsFrom  []Mention `json:"gains_from"`
	// AppearsWith are the people and bodies named in the same articles,
	// most articles first, counted over the newest AppearsWithin articles.
	AppearsWith   []CoMention `json:"appears_with"`
	AppearsWithin int         `json:"appears_within"`
	// Timeline counts the articles that mention it by month; Articles are
	// the newest of them.
	Timeline []Period  `json:"timeline"`
	Articles []Article `json:"articles"`
}

// A TopicCount is how many statements were about a topic.
type TopicCount struct {
	Topic      Ref `json:"topic"`
	Statements int `json:"statements"`
}

// A Stance is support for or opposition to a reform, with the sentences
// that report it.
type Stance struct {
	Stance string `json:"stance"` // "supports" or "opposes"
	Mention
}

// A CoMention is someone named in the same articles, and in how many.
type CoMention struct {
	Ref
	Articles int `json:"articles"`
}

// Profile limits: how many of each list a profile shows.
const (
	MaxProfileRows   = 20  // roles, stances, reforms, people appearing with
	MaxLatest        = 5   // newest statements
	MaxNewest        = 10  // newest articles
	MaxAppearsWithin = 100 // newest articles read for AppearsWith
	MaxTopicsFrom    = 500 // newest statements read for Topics
)

// Profile answers what the graph knows of a person, body, reform or topic:
// roles and organisations with sources, what they said by topic, stances,
// the reforms they drive, support or oppose (or, for a body, that change
// it), who appears with them, and their articles over time. name is a
// name, alias or node ID; WithKinds narrows what it may name.
func (s *Service) Profile(ctx context.Context, name string, opts ...Option) (*Profile, error) {
	o := newOptions(opts, DefaultRows)
	var out *Profile
	err := s.withIndex(ctx, func(st *store, ix *index) error {
		e, err := ix.resolve(name, o.kinds)
		if err != nil {
			return err
		}
		out, err = newAsker(st, ix).profile(e)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (a *asker) profile(e int32) (*Profile, error) {
	p := &Profile{Entity: a.ix.entityOf(e), Roles: []Role{}, Topics: []TopicCount{}, Latest: []Statement{},
		Stances: []Stance{}, Drives: []Mention{}, AffectedBy: []Mention{}, GainsFrom: []Mention{},
		AppearsWith: []CoMention{}, Timeline: []Period{}, Articles: []Article{}}
	node := a.entityRef(e)
	kind := a.ix.ents[e].kind
	arts, err := a.articlesOf(e)
	if err != nil {
		return nil, err
	}
	p.Entity.Articles = len(arts)
	p.Timeline = a.timeline(arts)
	for _, ai := range arts[:min(len(arts), MaxNewest)] {
		art, err := a.article(a.ix.arts[ai].iri)
		if err != nil {
			return nil, err
		}
		p.Articles = append(p.Articles, art)
	}
	if p.AppearsWith, p.AppearsWithin, err = a.appearsWith(e, arts); err != nil {
		return nil, err
	}
	if kind == KindPerson || kind == KindOrganisation {
		roles, total, err := a.roles(e, options{limit: MaxProfileRows})
		if err != nil {
			return nil, err
		}
		p.RolesTotal, p.Roles = total, roles
		list, err := a.saidBy(e)
		if err != nil {
			return nil, err
		}
		p.Statements = len(list)
		if p.Latest, err = a.statements(list[:min(len(list), MaxLatest)]); err != nil {
			return nil, err
		}
		if p.Topics, err = a.topicsOf(list[:min(len(list), MaxTopicsFrom)]); err != nil {
			return nil, err
		}
		for _, stance := range []quad.IRI{schema.Supports, schema.Opposes} {
			es, err := a.collect(node, stance, false)
			if err != nil {
				return nil, err
			}
			ms, err := a.mentions(es, nil, MaxProfileRows)
			if err != nil {
				return nil, err
			}
			for _, m := range ms {
				p.Stances = append(p.Stances, Stance{Stance: string(stance), Mention: m})
			}
		}
		p.Stances = p.Stances[:min(len(p.Stances), MaxProfileRows)]
	}
	isReform := func(r Ref) bool { return r.Kind == KindReform }
	for _, part := range []struct {
		pred quad.IRI
		to   *[]Mention
	}{{schema.Agent, &p.Drives}, {schema.Affects, &p.AffectedBy}, {schema.Gains, &p.GainsFrom}} {
		var err error
		if *part.to, err = a.mentionsInto(node, part.pred, isReform, MaxProfileRows); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// articlesOf returns the live articles that declare entity e (its <type>
// quads' labels' articles), newest first. Long lists are kept for the
// next question (a topic's tens of thousands take a second to read).
// The caller must not change the list.
func (a *asker) articlesOf(e int32) ([]int32, error) {
	if l, ok := a.st.lists.get(e); ok {
		return l, nil
	}
	var labels []cgraph.Ref
	err := a.st.out(a.entityRef(e), schema.Type, func(ed edge) bool { labels = append(labels, ed.label); return true })
	if err != nil {
		return nil, err
	}
	if err := a.st.values(labels); err != nil {
		return nil, err
	}
	seen := map[int32]bool{}
	var out []int32
	for _, l := range labels {
		ai, ok := a.ix.artByIRI[string(schema.ArticleOf(quad.IRI(a.st.text(l))))]
		if ok && !seen[ai] && !a.ix.arts[ai].gone {
			seen[ai] = true
			out = append(out, ai)
		}
	}
	slices.SortFunc(out, a.ix.newerFirst)
	a.st.lists.put(e, out)
	return out, nil
}

// timeline counts articles by month, oldest first; undated ones last,
// under "".
func (a *asker) timeline(arts []int32) []Period {
	counts := map[string]int{}
	for _, ai := range arts {
		d := a.ix.arts[ai].date
		counts[d[:min(len(d), 7)]]++
	}
	out := make([]Period, 0, len(counts))
	for m, n := range counts {
		out = append(out, Period{Month: m, Articles: n})
	}
	slices.SortFunc(out, func(x, y Period) int {
		if (x.Month == "") != (y.Month == "") {
			if x.Month == "" {
				return 1
			}
			return -1
		}
		return strings.Compare(x.Month, y.Month)
	})
	return out
}

// appearsWith counts the people and bodies named (<mentioned_in>) in the
// newest MaxAppearsWithin of arts, other than e.
func (a *asker) appearsWith(e int32, arts []int32) ([]CoMention, int, error) {
	arts = arts[:min(len(arts), MaxAppearsWithin)]
	within := len(arts)
	counts := map[int32]int{}
	self := a.ix.ents[e].iri
	if a.keyed() {
		// The index's keys name who is mentioned in each article: no
		// quad or value read but for nodes the index has no ID of.
		mentioned := rawID(a.st.ref(schema.MentionedIn))
		for _, ai := range arts {
			seen := map[int32]bool{}
			err := a.st.raw.InKeys(a.artID(ai), mentioned, func(s uint64, _ []uint64) bool {
				o, ok := a.entOfID(s)
				if !ok || o == e || seen[o] {
					return true
				}
				if k := a.ix.ents[o].kind; k == KindPerson || k == KindOrganisation {
					seen[o] = true
					counts[o]++
				}
				return true
			})
			if err != nil {
				return nil, 0, err
			}
		}
		arts = nil // read
	}
	for _, ai := range arts {
		var subjects []cgraph.Ref
		err := a.st.in(a.st.ref(quad.IRI(a.ix.arts[ai].iri)), schema.MentionedIn, func(ed edge) bool {
			subjects = append(subjects, ed.node)
			return true
		})
		if err != nil {
			return nil, 0, err
		}
		if err := a.st.values(subjects); err != nil {
			return nil, 0, err
		}
		seen := map[int32]bool{}
		for _, s := range subjects {
			iri := a.st.text(s)
			o, ok := a.ix.byIRI[iri]
			if !ok || iri == self || seen[o] {
				continue
			}
			if k := a.ix.ents[o].kind; k == KindPerson || k == KindOrganisation {
				seen[o] = true
				counts[o]++
			}
		}
	}
	out := make([]CoMention, 0, len(counts))
	for o, n := range counts {
		out = append(out, CoMention{Ref: a.ix.ref(o), Articles: n})
	}
	slices.SortFunc(out, func(x, y CoMention) int {
		return cmp.Or(cmp.Compare(y.Articles, x.Articles), strings.Compare(x.Name, y.Name), strings.Compare(x.ID, y.ID))
	})
	return out[:min(len(out), MaxProfileRows)], within, nil
}

// topicsOf counts the topics of statements, most first.
func (a *asker) topicsOf(list []said) ([]TopicCount, error) {
	counts := map[string]int{}
	refs := map[string]cgraph.Ref{}
	for _, s := range list {
		topics, err := a.st.distinct(s.node, schema.About)
		if err != nil {
			return nil, err
		}
		for _, t := range topics {
			k := a.st.text(t)
			counts[k]++
			refs[k] = t
		}
	}
	out := make([]TopicCount, 0, len(counts))
	for k, n := range counts {
		out = append(out, TopicCount{Topic: a.refOf(refs[k]), Statements: n})
	}
	slices.SortFunc(out, func(x, y TopicCount) int {
		return cmp.Or(cmp.Compare(y.Statements, x.Statements), strings.Compare(x.Topic.Name, y.Topic.Name))
	})
	return out, nil
}
