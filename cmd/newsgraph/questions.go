package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/canned"
	"github.com/newsgraph/newsgraph/internal/gctune"
	"github.com/newsgraph/newsgraph/questions"
)

// The questions (package questions) as commands: search, said, profile,
// reform, who-said, roles, articles. Each prints a table, or with --json
// the answer the HTTP API gives (/api/questions/…); a name that matches
// nothing says so and lists the nearest names, one that matches several
// lists them and asks which.

// askFlags are the flags every question takes.
type askFlags struct {
	db            string
	json          bool
	limit, offset int
	kinds         []string
}

func (f *askFlags) add(cmd *cobra.Command, limit int, paged bool) {
	fl := cmd.Flags()
	fl.StringVar(&f.db, "db", "", `store: a bolt directory (default ./newsgraph.db), "memory", or a postgres:// URL`)
	fl.BoolVar(&f.json, "json", false, "print the answer as JSON (as GET /api/questions/… answers it) instead of tables")
	if paged {
		fl.IntVar(&f.limit, "limit", limit, "list at most this many rows (0: all)")
		fl.IntVar(&f.offset, "offset", 0, "skip this many rows first (the next page)")
	}
}

func (f *askFlags) addKinds(cmd *cobra.Command, what string) {
	cmd.Flags().StringSliceVar(&f.kinds, "kind", nil, what+": person, organisation, reform, topic (comma-separated)")
}

// options are the questions' options the flags ask for.
func (f *askFlags) options() ([]questions.Option, error) {
	opts := []questions.Option{questions.WithLimit(f.limit), questions.WithOffset(f.offset)}
	if len(f.kinds) > 0 {
		var ks []questions.Kind
		for _, s := range f.kinds {
			k, err := questions.ParseKind(s)
			if err != nil {
				return nil, err
			}
			ks = append(ks, k)
		}
		opts = append(opts, questions.WithKinds(ks...))
	}
	return opts, nil
}

// ask opens the store read-only, asks, and prints the answer: as JSON, or
// through table.
func ask[T any](cmd *cobra.Command, f *askFlags, question func(context.Context, *questions.Service) (T, error), table func(io.Writer, io.Writer, T) error) error {
	gctune.SmallHeap()
	ctx := cmd.Context()
	g, err := graph.OpenURL(ctx, f.db, graph.WithReadOnly())
	if err != nil {
		return err
	}
	defer g.Close()
	answer, err := question(ctx, questions.New(g))
	if derr := g.Damaged(); derr != nil {
		return derr // the answer may lack what could not be read
	}
	if err != nil {
		return explain(err)
	}
	if f.json {
		return writeJSONTo(cmd.OutOrStdout(), answer)
	}
	return table(cmd.OutOrStdout(), cmd.ErrOrStderr(), answer)
}

func writeJSONTo(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // IDs read "<person/…>", not "\u003cperson/…\u003e"
	return enc.Encode(v)
}

// explain turns a name that matched nothing, or several things, into an
// error a person can act on: the nearest names, or the candidates, one a
// line.
func explain(err error) error {
	var (
		nf  *questions.NotFoundError
		amb *questions.AmbiguousError
	)
	switch {
	case errors.As(err, &amb):
		var b strings.Builder
		fmt.Fprintf(&b, "%q names %d %s; which one? (give its name in full, or its ID)\n", amb.Name, len(amb.Candidates)+amb.More, kindsPlural(amb.Kinds))
		writeEntities(&b, amb.Candidates)
		if amb.More > 0 {
			fmt.Fprintf(&b, "  … and %d more (newsgraph search %q lists them)\n", amb.More, amb.Name)
		}
		return errors.New(strings.TrimRight(b.String(), "\n"))
	case errors.As(err, &nf):
		what := "nothing"
		if len(nf.Kinds) > 0 && len(nf.Kinds) < 4 {
			var ks []string
			for _, k := range nf.Kinds {
				ks = append(ks, string(k))
			}
			what = "no " + strings.Join(ks, " or ")
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s named %q in the graph", what, nf.Name)
		if len(nf.Suggestions) == 0 {
			b.WriteString(` (newsgraph search TEXT finds names by their start)`)
			return errors.New(b.String())
		}
		b.WriteString("; the nearest names:\n")
		writeEntities(&b, nf.Suggestions)
		return errors.New(strings.TrimRight(b.String(), "\n"))
	}
	return err
}

// writeEntities lists entities one a line, indented.
func writeEntities(w io.Writer, es []questions.Entity) {
	var b strings.Builder
	t := newTable(&b)
	for _, e := range es {
		t.row(e.Name, string(e.Kind), plural(e.Articles, "article"), e.ID)
	}
	t.flush()
	for _, line := range strings.SplitAfter(b.String(), "\n") {
		if line != "" {
			fmt.Fprint(w, "  "+line)
		}
	}
}

func kindsPlural(ks []questions.Kind) string {
	if len(ks) == 0 || len(ks) == 4 {
		return "things"
	}
	var words []string
	for _, k := range ks {
		if k == questions.KindPerson {
			words = append(words, "people")
		} else {
			words = append(words, string(k)+"s")
		}
	}
	return strings.Join(words, " or ")
}

func newSearchCmd() *cobra.Command {
	var f askFlags
	cmd := &cobra.Command{
		Use:   "search TEXT",
		Short: "Find people, bodies, reforms and topics by name",
		Long: `Search finds people, bodies, reforms and topics whose name or alias begins
with TEXT, or has a word that does, case and accents aside ("burst" finds
Paul Burstow, "pct" the primary care trusts), best match first, then the
most mentioned. It prints each one's kind, articles and ID; any question
takes the name or the ID.`,
		Example: `  newsgraph search burstow
  newsgraph search "primary care" --kind organisation,reform`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := f.options()
			if err != nil {
				return err
			}
			return ask(cmd, &f, func(ctx context.Context, s *questions.Service) ([]questions.Hit, error) {
				return s.Search(ctx, args[0], opts...)
			}, func(out, errOut io.Writer, hits []questions.Hit) error {
				if len(hits) == 0 {
					return fmt.Errorf("search: no name begins %q, nor has a word that does", args[0])
				}
				t := newTable(out, "NAME", "KIND", "ARTICLES", "MATCHED", "ID")
				for _, h := range hits {
					matched := h.Matched
					if matched == h.Name {
						matched = "(name)"
					}
					t.row(h.Name, string(h.Kind), fmt.Sprint(h.Articles), matched, h.ID)
				}
				return t.flush()
			})
		},
	}
	f.add(cmd, questions.DefaultSearchLimit, true)
	f.addKinds(cmd, "only these kinds")
	return cmd
}

func newTopCmd() *cobra.Command {
	var f askFlags
	cmd := &cobra.Command{
		Use:   "top",
		Short: "The most mentioned people, bodies, reforms and topics",
		Long: `Top lists the people, bodies, reforms and topics the graph mentions most
(people, bodies and topics by articles, reforms by the sentences that report
them), with their IDs.`,
		Example: `  newsgraph top
  newsgraph top --kind person --limit 10`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := f.options()
			if err != nil {
				return err
			}
			return ask(cmd, &f, func(ctx context.Context, s *questions.Service) ([]questions.Entity, error) {
				return s.Top(ctx, opts...)
			}, func(out, errOut io.Writer, es []questions.Entity) error {
				if len(es) == 0 {
					return errors.New("top: the graph names nothing")
				}
				t := newTable(out, "NAME", "KIND", "ARTICLES", "ID")
				for _, e := range es {
					t.row(e.Name, string(e.Kind), fmt.Sprint(e.Articles), e.ID)
				}
				return t.flush()
			})
		},
	}
	f.add(cmd, questions.DefaultSearchLimit, true)
	f.addKinds(cmd, "only these kinds")
	return cmd
}

func newSaidCmd() *cobra.Command {
	var f askFlags
	cmd := &cobra.Command{
		Use:   "said NAME",
		Short: "What a person or body said: quotations and reported speech, with sources",
		Long: `Said lists what a person or body said, newest article first: quotations
(their words) and reported speech (the reporter's), each with its topics and
its source: the sentence it was read from and the article's date and
headline. NAME is a name, an alias or an ID (see newsgraph search).`,
		Example: `  newsgraph said "Paul Burstow"
  newsgraph said burstow --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := f.options()
			if err != nil {
				return err
			}
			return ask(cmd, &f, func(ctx context.Context, s *questions.Service) (*questions.SaidPage, error) {
				return s.Said(ctx, args[0], opts...)
			}, func(out, errOut io.Writer, p *questions.SaidPage) error {
				fmt.Fprintf(errOut, "%s (%s, %s): %s\n", p.Speaker.Name, p.Speaker.Kind, p.Speaker.ID, shown(p.Total, len(p.Statements), f.offset, "statement"))
				if len(p.Statements) == 0 {
					return nil
				}
				return statementTable(out, p.Statements, false)
			})
		},
	}
	f.add(cmd, questions.DefaultRows, true)
	return cmd
}

// shown says how many rows of how many a page shows.
func shown(total, rows, offset int, word string) string {
	switch {
	case rows == total:
		return plural(total, word)
	case rows == 0:
		return fmt.Sprintf("%s, none from %d", plural(total, word), offset+1)
	}
	return fmt.Sprintf("%s, %d–%d shown", plural(total, word), offset+1, offset+rows)
}

// statementTable prints statements; with speakers, a column names them.
func statementTable(out io.Writer, sts []questions.Statement, speakers bool) error {
	headers := []string{"DATE", "KIND", "WORDS", "TOPICS", "SOURCE"}
	if speakers {
		headers = []string{"SPEAKER", "QUOTE", "TOPIC", "SOURCE"}
	}
	t := newTable(out, headers...)
	for _, st := range sts {
		topics := names(st.Topics)
		if speakers {
			t.row(shorten(names(st.Speakers), 30), st.Text, topics, sourceCell(st.Source))
			continue
		}
		t.row(st.Source.Article.Date, st.Kind, st.Text, topics, sourceCell(st.Source))
	}
	return t.flush()
}

func names(refs []questions.Ref) string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.Name
	}
	return strings.Join(out, ", ")
}

func newProfileCmd() *cobra.Command {
	var f askFlags
	cmd := &cobra.Command{
		Use:   "profile NAME",
		Short: "Everything the graph knows of a person, body, reform or topic",
		Long: `Profile prints what the graph knows of a person, body, reform or topic: roles
and organisations (a body's people), what they said by topic and their
newest words, their stances on reforms, the reforms they carry out (or that
change a body), who appears with them, and their articles by month, each
with its source.`,
		Example: `  newsgraph profile "Andrew Cozens"
  newsgraph profile "primary care trust" --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := f.options()
			if err != nil {
				return err
			}
			return ask(cmd, &f, func(ctx context.Context, s *questions.Service) (*questions.Profile, error) {
				return s.Profile(ctx, args[0], opts...)
			}, writeProfile)
		},
	}
	f.add(cmd, 0, false)
	f.addKinds(cmd, "what NAME may name")
	return cmd
}

func newReformCmd() *cobra.Command {
	var f askFlags
	cmd := &cobra.Command{
		Use:   "reform NAME",
		Short: "A reform: what changes, who gains, who supports and opposes it in what words",
		Long: `Reform prints what a reform changes (its kind, the bodies it affects, who
takes functions on, who carries it out, and the direct changes its articles
report), who supports and who opposes it with their words, and its articles
by month. NAME is the reform's name ("abolition of primary care trust"),
the words an article used ("abolition of PCTs"), its ID, or words of its
name that name one reform.`,
		Example: `  newsgraph reform "abolition of PCTs"
  newsgraph reform "primary care trust"     # lists the reforms of PCTs and asks which`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return ask(cmd, &f, func(ctx context.Context, s *questions.Service) (*questions.ReformPage, error) {
				return s.Reform(ctx, args[0])
			}, writeReform)
		},
	}
	f.add(cmd, 0, false)
	return cmd
}

// newWhoSaidCmd is who-said: any topic, entity or phrase, with the canned
// question's table and its Gizmo program (--gizmo).
func newWhoSaidCmd() *cobra.Command {
	var (
		f       askFlags
		about   string
		scan    int
		program bool
	)
	q, _ := canned.Lookup("who-said")
	cmd := &cobra.Command{
		Use:   "who-said --about TEXT",
		Short: "Who said what about a topic, a person or body, or a phrase",
		Long: `Who-said lists who said what about TEXT, newest article first, with the
source of every row:

  - a topic ("integration"): the statements about it;
  - a person, body or reform named exactly ("NHS England", "Andrew
    Cozens"): the statements in its articles that name it, other than its
    own;
  - anything else: the statements whose words contain it.

It reads articles newest first until it has --limit rows or has read --scan
articles, and says on stderr whether it read them all. --gizmo prints the
canned Gizmo program for a topic, which runs as well against "newsgraph
serve" or "cayley http".`,
		Example: `  newsgraph who-said --about integration
  newsgraph who-said --about "NHS Confederation"
  newsgraph who-said --about "driving seat" --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(about) == "" {
				return errors.New("who-said: say what about (--about TEXT)")
			}
			if program {
				_, err := fmt.Fprint(cmd.OutOrStdout(), q.Gizmo(about, canned.WithLimit(f.limit)))
				return err
			}
			opts, err := f.options()
			if err != nil {
				return err
			}
			opts = append(opts, questions.WithScan(scan))
			return ask(cmd, &f, func(ctx context.Context, s *questions.Service) (*questions.WhoSaidPage, error) {
				return s.WhoSaid(ctx, about, opts...)
			}, func(out, errOut io.Writer, p *questions.WhoSaidPage) error {
				what := fmt.Sprintf("the phrase %q", p.About.Phrase)
				switch {
				case p.About.Topic != nil:
					what = "the topic " + p.About.Topic.Name
				case p.About.Entity != nil:
					what = fmt.Sprintf("%s (%s), by name", p.About.Entity.Name, p.About.Entity.Kind)
				}
				all := "every article read"
				if !p.Complete {
					all = fmt.Sprintf("the newest %d articles read; --scan or --limit for more", p.Scanned)
				}
				fmt.Fprintf(errOut, "about %s: %s (%s)\n", what, shown(p.Total, len(p.Statements), f.offset, "statement"), all)
				if len(p.Statements) == 0 {
					return fmt.Errorf("who-said: nothing said about %s found", what)
				}
				return statementTable(out, p.Statements, true)
			})
		},
	}
	cmd.Flags().StringVar(&about, "about", "", "a topic, a person, body or reform, or a phrase (required)")
	_ = cmd.MarkFlagRequired("about")
	cmd.Flags().IntVar(&scan, "scan", questions.DefaultScan, "read at most this many articles, newest first (0: all)")
	cmd.Flags().BoolVar(&program, "gizmo", false, "print the canned Gizmo program for a topic instead of answering")
	f.add(cmd, 100, true)
	return cmd
}

// newRolesCmd is roles, on package questions: a person's roles, or a
// body's people.
func newRolesCmd() *cobra.Command {
	var (
		f       askFlags
		program bool
	)
	q, _ := canned.Lookup("roles")
	cmd := &cobra.Command{
		Use:   "roles NAME",
		Short: "A person's roles and organisations (or a body's people), with sources",
		Long: `Roles lists a person's roles and organisations, sentence by sentence, newest
article first, each with its source: a role and the one organisation named
in the same sentence are one row. For a body it lists the people given a
role in it. A person the graph holds without a role says so.

--gizmo prints the canned Gizmo program, which runs as well against
"newsgraph serve" or "cayley http".`,
		Example: `  newsgraph roles "Andrew Cozens"
  newsgraph roles "Local Government Association"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(args[0]) == "" {
				return errors.New("roles: say whose")
			}
			if program {
				_, err := fmt.Fprint(cmd.OutOrStdout(), q.Gizmo(args[0], canned.WithLimit(f.limit)))
				return err
			}
			opts, err := f.options()
			if err != nil {
				return err
			}
			return ask(cmd, &f, func(ctx context.Context, s *questions.Service) (*questions.RolesPage, error) {
				return s.Roles(ctx, args[0], opts...)
			}, func(out, errOut io.Writer, p *questions.RolesPage) error {
				if p.Total == 0 {
					fmt.Fprintf(errOut, "%s (%s, %s) is in the graph, named in %s, but no role or organisation was read for them; newsgraph profile %q shows what is known\n",
						p.Entity.Name, p.Entity.Kind, p.Entity.ID, plural(p.Entity.Articles, "article"), p.Entity.Name)
					return nil
				}
				fmt.Fprintf(errOut, "%s (%s, %s): %s\n", p.Entity.Name, p.Entity.Kind, p.Entity.ID, shown(p.Total, len(p.Roles), f.offset, "role"))
				return roleTable(out, p.Roles)
			})
		},
	}
	cmd.Flags().BoolVar(&program, "gizmo", false, "print the canned Gizmo program instead of answering")
	f.add(cmd, 100, true)
	return cmd
}

func roleTable(out io.Writer, roles []questions.Role) error {
	t := newTable(out, "PERSON", "ROLE", "ORGANISATION", "RELATION", "SOURCE")
	for _, r := range roles {
		org := ""
		if r.Organisation != nil {
			org = r.Organisation.Name
		}
		t.row(r.Person.Name, r.Role, org, r.Relation, sourceCell(r.Source))
	}
	return t.flush()
}

func newArticleCmd() *cobra.Command {
	var f askFlags
	cmd := &cobra.Command{
		Use:   "article ID",
		Short: "One article: its sentences with the facts read from each",
		Long: `Article prints what the graph holds of one article: its headline, date, outlet
and URL, the people, bodies, reforms and topics it names, and each sentence
facts were read from, with those facts (the graph keeps those sentences'
words, not the whole text). ID is the article's ID, as other answers give it
(<article/ID>) or bare.`,
		Example: `  newsgraph article 000_bd6ab526a9c92c91`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return ask(cmd, &f, func(ctx context.Context, s *questions.Service) (*questions.ArticlePage, error) {
				return s.Article(ctx, args[0])
			}, func(out, _ io.Writer, p *questions.ArticlePage) error {
				a := p.Article
				fmt.Fprintf(out, "%s\n%s\n", a.Headline, strings.Join(strings.Fields(strings.Join([]string{a.ID, a.Date, a.Outlet, a.URL}, " ")), " "))
				fmt.Fprintf(out, "names: %s\n", names(p.Entities))
				for _, sen := range p.Sentences {
					fmt.Fprintf(out, "\ns%d  %s\n", sen.N, sen.Text)
					var b strings.Builder
					t := newTable(&b)
					for _, fact := range sen.Facts {
						obj := fact.Value
						if fact.Object != nil {
							obj = fact.Object.Name
						}
						t.row(fact.Subject.Name, fact.Predicate, obj)
					}
					t.flush()
					for _, line := range strings.SplitAfter(b.String(), "\n") {
						if line != "" {
							fmt.Fprint(out, "    "+line)
						}
					}
				}
				return nil
			})
		},
	}
	f.add(cmd, 0, false)
	return cmd
}

func newArticlesCmd() *cobra.Command {
	var (
		f      askFlags
		filter questions.ArticleFilter
	)
	cmd := &cobra.Command{
		Use:   "articles [--from DATE] [--to DATE] [--outlet NAME] [--entity NAME]",
		Short: "List articles by date, outlet and who or what they mention",
		Long: `Articles lists the articles the filters let through, newest first, and says
on stderr how many there are by outlet. Dates are a year (2010), a month
(2010-07) or a day (2010-07-14), both ends included; an article without a
date is left out when either is given.`,
		Example: `  newsgraph articles --entity "Paul Burstow"
  newsgraph articles --from 2012 --to 2012-06 --outlet "Community Care"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := f.options()
			if err != nil {
				return err
			}
			return ask(cmd, &f, func(ctx context.Context, s *questions.Service) (*questions.ArticlesPage, error) {
				return s.Articles(ctx, filter, opts...)
			}, func(out, errOut io.Writer, p *questions.ArticlesPage) error {
				var by []string
				for _, o := range p.Outlets[:min(len(p.Outlets), 5)] {
					name := o.Outlet
					if name == "" {
						name = "(no outlet)"
					}
					by = append(by, fmt.Sprintf("%s %d", name, o.Articles))
				}
				fmt.Fprintf(errOut, "%s; by outlet: %s\n", shown(p.Total, len(p.Articles), f.offset, "article"), strings.Join(by, ", "))
				if p.Total == 0 {
					return errors.New("articles: none match")
				}
				t := newTable(out, "DATE", "OUTLET", "HEADLINE", "ID")
				for _, a := range p.Articles {
					t.row(a.Date, a.Outlet, a.Headline, a.ID)
				}
				return t.flush()
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&filter.From, "from", "", "the earliest date: 2010, 2010-07 or 2010-07-14")
	fl.StringVar(&filter.To, "to", "", "the latest date, included")
	fl.StringVar(&filter.Outlet, "outlet", "", "the publication, case aside")
	fl.StringVar(&filter.Entity, "entity", "", "only articles that mention this person, body, reform or topic")
	f.add(cmd, questions.DefaultRows, true)
	return cmd
}
