package questions

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"
)

// An ArticleFilter says which articles Articles lists. Its zero value lists
// them all.
type ArticleFilter struct {
	// From and To bound the date, both inclusive, as a year ("2010"), a
	// month ("2010-07") or a day ("2010-07-14"): To "2010" is the end of
	// 2010. Articles without a date are left out when either is set.
	From, To string
	// Outlet is the publication, case and accents aside.
	Outlet string
	// Entity is a person, body, reform or topic (a name, alias or node
	// ID): only the articles that mention it.
	Entity string
}

// An ArticlesPage is a list of articles, with how many there are, by
// month and by outlet.
type ArticlesPage struct {
	Entity   *Entity       `json:"entity,omitempty"` // the entity filtered on
	Total    int           `json:"total"`
	Articles []Article     `json:"articles"` // newest first
	Timeline []Period      `json:"timeline"` // all the articles filtered, by month
	Outlets  []OutletCount `json:"outlets"`  // all the articles filtered, by outlet, most first
}

// An OutletCount is how many articles an outlet published.
type OutletCount struct {
	Outlet   string `json:"outlet"` // "" for articles that name none
	Articles int    `json:"articles"`
}

// Articles lists the articles the filter lets through, newest first (then
// by ID), with their count by month and by outlet. WithLimit (default
// 100) and WithOffset page.
func (s *Service) Articles(ctx context.Context, f ArticleFilter, opts ...Option) (*ArticlesPage, error) {
	o := newOptions(opts, DefaultRows)
	from, to, err := dateBounds(f.From, f.To)
	if err != nil {
		return nil, err
	}
	var out *ArticlesPage
	err = s.withIndex(ctx, func(st *store, ix *index) error {
		a := newAsker(st, ix)
		p := &ArticlesPage{Articles: []Article{}}
		arts := ix.newest()
		if f.Entity != "" {
			e, err := ix.resolve(f.Entity, o.kinds)
			if err != nil {
				return err
			}
			if arts, err = a.articlesOf(e); err != nil {
				return err
			}
			en := ix.entityOf(e)
			en.Articles = len(arts)
			p.Entity = &en
		}
		outlet := fold(f.Outlet)
		var kept []int32
		for _, ai := range arts {
			art := &ix.arts[ai]
			if from != "" && (art.date == "" || art.date < from) || to != "" && (art.date == "" || art.date > to) {
				continue
			}
			if outlet != "" && fold(art.outlet) != outlet {
				continue
			}
			kept = append(kept, ai)
		}
		p.Total, p.Timeline, p.Outlets = len(kept), a.timeline(kept), a.outlets(kept)
		for _, ai := range page(kept, o) {
			art, err := a.article(ix.arts[ai].iri)
			if err != nil {
				return err
			}
			p.Articles = append(p.Articles, art)
		}
		out = p
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// dateBounds turns From and To into the first and last day they allow
// ("" for no bound).
func dateBounds(from, to string) (string, string, error) {
	lo, err := datePrefix(from, "from")
	if err != nil {
		return "", "", err
	}
	hi, err := datePrefix(to, "to")
	if err != nil {
		return "", "", err
	}
	switch len(hi) {
	case 4:
		hi += "-12-31"
	case 7:
		hi += "-31" // no month has more; "2010-02-31" sorts after every day of it
	}
	if lo != "" && hi != "" && lo > hi {
		return "", "", invalid("articles: from %s is after to %s", from, to)
	}
	return lo, hi, nil
}

// datePrefix checks a year, month or day.
func datePrefix(s, field string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return s, nil
			}
		}
	}
	return "", invalid("articles: %s %q is not a year, month or day (2010, 2010-07, 2010-07-14)", field, s)
}

// outlets counts articles by outlet, most first.
func (a *asker) outlets(arts []int32) []OutletCount {
	counts := map[string]int{}
	for _, ai := range arts {
		counts[a.ix.arts[ai].outlet]++
	}
	out := make([]OutletCount, 0, len(counts))
	for o, n := range counts {
		out = append(out, OutletCount{Outlet: o, Articles: n})
	}
	slices.SortFunc(out, func(x, y OutletCount) int {
		return cmp.Or(cmp.Compare(y.Articles, x.Articles), strings.Compare(x.Outlet, y.Outlet))
	})
	return out
}
