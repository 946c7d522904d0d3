package canned

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// maxCell bounds a table cell, so one long quotation does not push every
// other column off the screen.
const maxCell = 80

// WriteTable prints rows as an aligned table with q's columns, the source
// column reading `article/ID#s3 "Headline"`.
func WriteTable(w io.Writer, q Question, rows []Row) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	headers := make([]string, len(q.Columns))
	for i, c := range q.Columns {
		headers[i] = c.Header
	}
	fmt.Fprintln(tw, strings.Join(headers, "\t"))
	for _, r := range rows {
		cells := make([]string, len(q.Columns))
		for i, c := range q.Columns {
			v := r[c.Key]
			if c.Key == sourceColumn.Key {
				v = sourceCell(r)
			}
			cells[i] = cell(v)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

func sourceCell(r Row) string {
	s := strings.TrimSuffix(strings.TrimPrefix(r["source"], "<"), ">")
	if h := r["headline"]; h != "" {
		s += fmt.Sprintf(" %q", shorten(h, 50))
	}
	return s
}

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
