package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/questions"
)

// maxCell bounds a table cell, so one long quotation does not push every
// other column off the screen (--json has the whole text).
const maxCell = 80

// A table is an aligned table of cells, each on one line and at most
// maxCell characters.
type table struct {
	tw *tabwriter.Writer
}

// newTable starts a table; empty headers print no header line.
func newTable(w io.Writer, headers ...string) *table {
	t := &table{tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
	if strings.Join(headers, "") != "" {
		fmt.Fprintln(t.tw, strings.Join(headers, "\t"))
	}
	return t
}

func (t *table) row(cells ...string) {
	for i, c := range cells {
		cells[i] = cell(c)
	}
	fmt.Fprintln(t.tw, strings.Join(cells, "\t"))
}

func (t *table) flush() error { return t.tw.Flush() }

// cell makes a value safe for one tabwriter cell.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ") // no tabs or newlines
	if s == "" {
		return "-"
	}
	return shorten(s, maxCell)
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// sourceCell reads `article/ID#s3 2010-07-14 "Headline"`.
func sourceCell(s questions.Source) string {
	out := strings.Trim(s.Sentence, "<>")
	if d := s.Article.Date; d != "" {
		out += " " + d
	}
	if h := s.Article.Headline; h != "" {
		out += fmt.Sprintf(" %q", shorten(h, 50))
	}
	return out
}

// section prints a section's title, with a blank line before all but the
// first.
type sections struct {
	w     io.Writer
	first bool
}

func (s *sections) title(format string, args ...any) {
	if !s.first {
		fmt.Fprintln(s.w)
	}
	s.first = false
	fmt.Fprintf(s.w, format+"\n", args...)
}

func entityLine(e questions.Entity) string {
	line := fmt.Sprintf("%s — %s, %s, %s", e.Name, e.Kind, plural(e.Articles, "article"), e.ID)
	if len(e.Aliases) > 0 {
		line += "; also " + strings.Join(e.Aliases, ", ")
	}
	return line
}

func writeMentions(w io.Writer, head string, ms []questions.Mention) {
	t := newTable(w, head, "KIND", "SENTENCES", "NEWEST SOURCE")
	for _, m := range ms {
		src := ""
		if len(m.Sources) > 0 {
			src = sourceCell(m.Sources[0])
		}
		t.row(m.Name, string(m.Kind), fmt.Sprint(m.Count), src)
	}
	t.flush()
}

func writeTimeline(w io.Writer, ps []questions.Period) {
	most := 1
	for _, p := range ps {
		most = max(most, p.Articles)
	}
	t := newTable(w, "MONTH", "ARTICLES", "")
	for _, p := range ps {
		month := p.Month
		if month == "" {
			month = "(undated)"
		}
		bar := strings.Repeat("█", max(1, p.Articles*40/most))
		t.row(month, fmt.Sprint(p.Articles), bar)
	}
	t.flush()
}

func writeArticles(w io.Writer, as []questions.Article) {
	t := newTable(w, "DATE", "OUTLET", "HEADLINE", "ID")
	for _, a := range as {
		t.row(a.Date, a.Outlet, a.Headline, a.ID)
	}
	t.flush()
}

// writeProfile prints a profile's sections, those with anything in them.
func writeProfile(out, _ io.Writer, p *questions.Profile) error {
	s := &sections{w: out, first: true}
	s.title("%s", entityLine(p.Entity))
	if len(p.Roles) > 0 {
		s.title("ROLES (%d)", p.RolesTotal)
		if err := roleTable(out, p.Roles); err != nil {
			return err
		}
	}
	if p.Statements > 0 {
		var topics []string
		for _, t := range p.Topics {
			topics = append(topics, fmt.Sprintf("%s %d", t.Topic.Name, t.Statements))
		}
		s.title("SAID %s; by topic: %s", plural(p.Statements, "statement"), strings.Join(topics, ", "))
		if err := statementTable(out, p.Latest, false); err != nil {
			return err
		}
	}
	if len(p.Stances) > 0 {
		s.title("STANCES")
		t := newTable(out, "STANCE", "REFORM", "SENTENCES", "NEWEST SOURCE")
		for _, st := range p.Stances {
			t.row(st.Stance, st.Name, fmt.Sprint(st.Count), sourceCell(st.Sources[0]))
		}
		t.flush()
	}
	for _, part := range []struct {
		title string
		ms    []questions.Mention
	}{{"CARRIES OUT", p.Drives}, {"CHANGED BY", p.AffectedBy}, {"GAINS FUNCTIONS FROM", p.GainsFrom}} {
		if len(part.ms) > 0 {
			s.title("%s", part.title)
			writeMentions(out, "REFORM", part.ms)
		}
	}
	if len(p.AppearsWith) > 0 {
		s.title("APPEARS WITH (in %s)", plural(p.AppearsWithin, "article"))
		t := newTable(out, "NAME", "KIND", "ARTICLES", "ID")
		for _, c := range p.AppearsWith[:min(len(p.AppearsWith), 10)] {
			t.row(c.Name, string(c.Kind), fmt.Sprint(c.Articles), c.ID)
		}
		t.flush()
	}
	if len(p.Timeline) > 0 {
		s.title("ARTICLES BY MONTH")
		writeTimeline(out, p.Timeline)
		s.title("NEWEST ARTICLES")
		writeArticles(out, p.Articles)
	}
	return nil
}

// writeReform prints a reform page's sections.
func writeReform(out, _ io.Writer, r *questions.ReformPage) error {
	s := &sections{w: out, first: true}
	s.title("%s (%s)", entityLine(r.Reform), strings.Join(r.Kinds, ", "))
	for _, part := range []struct {
		title string
		ms    []questions.Mention
	}{{"AFFECTS", r.Affects}, {"GAINS FUNCTIONS", r.Gains}, {"CARRIED OUT BY", r.Agents}} {
		if len(part.ms) > 0 {
			s.title("%s", part.title)
			writeMentions(out, "NAME", part.ms)
		}
	}
	if len(r.Changes) > 0 {
		s.title("CHANGES")
		t := newTable(out, "FROM", "HOW", "TO", "SENTENCES", "NEWEST SOURCE")
		for _, c := range r.Changes {
			t.row(c.From.Name, c.How, c.To.Name, fmt.Sprint(c.Count), sourceCell(c.Sources[0]))
		}
		t.flush()
	}
	for _, side := range []struct {
		title string
		ps    []questions.Position
	}{{"SUPPORTED BY", r.Supporters}, {"OPPOSED BY", r.Opponents}} {
		if len(side.ps) == 0 {
			continue
		}
		s.title("%s", side.title)
		t := newTable(out, "NAME", "KIND", "WHERE OR IN THEIR WORDS", "SOURCE")
		for _, p := range side.ps {
			t.row(p.Name, string(p.Kind), p.Sources[0].Text, sourceCell(p.Sources[0]))
			for _, w := range p.Words {
				words := "“" + w.Text + "”"
				if w.Kind == questions.Reported {
					words = "(reported) " + w.Text
				}
				t.row("", "", words, sourceCell(w.Source))
			}
		}
		t.flush()
	}
	if len(r.Timeline) > 0 {
		s.title("ARTICLES BY MONTH")
		writeTimeline(out, r.Timeline)
		s.title("NEWEST ARTICLES")
		writeArticles(out, r.Articles)
	}
	return nil
}
