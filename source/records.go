package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/prose"
)

// A field is what a dataset's column or key holds.
type field int

const (
	fieldNone field = iota
	fieldTitle
	fieldText
	fieldSummary
	fieldURL
	fieldDate
	fieldSource
	fieldAuthor
	fieldLanguage
	fieldID
)

// fieldNames are the column and key names datasets of news articles use,
// lower-cased: newsgraph's own, schema.org's, NewsAPI's, news-please's and
// the common CSV exports'.
var fieldNames = map[string]field{
	"title": fieldTitle, "headline": fieldTitle,
	"text": fieldText, "body": fieldText, "content": fieldText, "maintext": fieldText, "articlebody": fieldText, "article": fieldText,
	"summary": fieldSummary, "description": fieldSummary,
	"url": fieldURL, "link": fieldURL,
	"date": fieldDate, "published": fieldDate, "publishedat": fieldDate, "published_at": fieldDate,
	"datepublished": fieldDate, "date_publish": fieldDate, "pubdate": fieldDate,
	"source": fieldSource, "outlet": fieldSource, "publisher": fieldSource, "source_domain": fieldSource,
	"author": fieldAuthor, "authors": fieldAuthor, "byline": fieldAuthor,
	"language": fieldLanguage, "lang": fieldLanguage,
	"id": fieldID, "guid": fieldID,
}

// fields collects one record's values by field.
type fields struct {
	title, text, summary, url, source, author, language, id string
	date                                                    string
}

func (f *fields) set(name, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	switch fieldNames[strings.ToLower(strings.TrimSpace(name))] {
	case fieldTitle:
		f.title = value
	case fieldText:
		if len(value) > len(f.text) {
			f.text = value
		}
	case fieldSummary:
		f.summary = value
	case fieldURL:
		f.url = value
	case fieldDate:
		f.date = value
	case fieldSource:
		f.source = value
	case fieldAuthor:
		f.author = value
	case fieldLanguage:
		f.language = value
	case fieldID:
		f.id = value
	}
}

// record makes a record of the fields. A date that cannot be read is an
// error: a dataset's dates are its own, and a timeline silently missing
// some would mislead.
func (f fields) record(label string) (record, error) {
	r := record{label: label, key: f.id, title: prose.Line(f.title), url: f.url,
		source: prose.Line(f.source), author: prose.Line(f.author), language: f.language}
	text := f.text
	if text == "" {
		text = f.summary
	}
	r.body = bodyParagraphs(text)
	if f.date != "" {
		t, err := parseRecordDate(f.date)
		if err != nil {
			return record{}, fmt.Errorf("field date: %w", err)
		}
		r.date = t
	}
	if r.source == "" {
		r.source = hostOf(r.url)
	}
	if len(r.body) == 0 {
		// A headline alone holds nothing to extract; and a lone sidecar
		// ({"title": …}) beside no article is not taken for a dataset.
		return record{}, fmt.Errorf("%w: no text/body/content (or summary/description) field", ErrNoText)
	}
	return r, nil
}

// bodyParagraphs splits a record's text into paragraphs: HTML (a feed's
// or a scrape's markup) is read as a page fragment, anything else as plain
// text.
func bodyParagraphs(text string) []string {
	if looksMarkup(text) {
		return fragmentParagraphs(text)
	}
	return textParagraphs(strings.ReplaceAll(text, "\r\n", "\n"), false)
}

// looksMarkup reports text holding HTML block or break tags.
func looksMarkup(s string) bool {
	l := strings.ToLower(s[:min(len(s), 4096)])
	for _, t := range []string{"<p>", "<p ", "<br", "<div", "</p>", "<li>", "<h2", "<blockquote"} {
		if strings.Contains(l, t) {
			return true
		}
	}
	return false
}

// parseRecordDate reads the dates datasets hold: the metadata forms, RFC
// 1123 (feeds, HTTP), and Unix seconds or milliseconds.
func parseRecordDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := parseDate(s); err == nil {
		return t, nil
	}
	for _, l := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, "2006-01-02T15:04:05.000Z0700", "2006-01-02T15:04:05.999999999", "2006/01/02", "02/01/2006 15:04"} {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
		if n > 1e11 {
			return time.UnixMilli(n).UTC(), nil
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Time{}, fmt.Errorf("cannot read %q as a date", s)
}

// decodeJSON reads JSON Lines (one object a line), a JSON array of
// objects, or one object. A bad line of JSON Lines is one bad record; a
// syntax error in an array ends the file, as nothing after it can be
// trusted to be where it seems.
func decodeJSON(ctx context.Context, in *bufio.Reader, s sink, cfg readConfig) error {
	head, _ := in.Peek(sniffLen)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	if len(head) > 0 && head[0] == '[' {
		return decodeJSONArray(ctx, in, s)
	}
	if first, _, ok := bytes.Cut(head, []byte("\n")); ok && !json.Valid(first) {
		// One object over many lines, or concatenated objects.
		return decodeJSONStream(ctx, in, s)
	}
	line := 0
	for {
		b, err := in.ReadBytes('\n')
		if len(b) > 0 {
			line++
			b = bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\ufeff")))
			if len(b) > 0 && !jsonRecord(s, fmt.Sprintf("line %d", line), b, cfg) {
				return nil
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}

func jsonRecord(s sink, label string, b []byte, cfg readConfig) bool {
	if cfg.maxSize > 0 && int64(len(b)) > cfg.maxSize {
		return s.fail(label, tooLarge(int64(len(b)), cfg.maxSize))
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return s.fail(label, fmt.Errorf("not a JSON object: %w", err))
	}
	return objectRecord(s, label, obj)
}

func objectRecord(s sink, label string, obj map[string]json.RawMessage) bool {
	var f fields
	for k, v := range obj {
		if fieldNames[strings.ToLower(k)] == fieldNone {
			continue
		}
		f.set(k, jsonString(v))
	}
	r, err := f.record(label)
	if err != nil {
		return s.fail(label, err)
	}
	return s.article(r)
}

// jsonString is a JSON value as the text of a field: a string, a number,
// an object's name (NewsAPI's "source": {"name": …}), or a list of those
// joined as a byline.
func jsonString(v json.RawMessage) string {
	var x any
	if err := json.Unmarshal(v, &x); err != nil {
		return ""
	}
	switch t := x.(type) {
	case string:
		return t
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case map[string]any:
		return nameOf(t)
	case []any:
		return nameOf(t)
	}
	return ""
}

func decodeJSONArray(ctx context.Context, in *bufio.Reader, s sink) error {
	dec := json.NewDecoder(in)
	if _, err := dec.Token(); err != nil {
		return err
	}
	for i := 1; dec.More(); i++ {
		label := fmt.Sprintf("element %d", i)
		var obj map[string]json.RawMessage
		if err := dec.Decode(&obj); err != nil {
			var typeErr *json.UnmarshalTypeError
			if errors.As(err, &typeErr) {
				if !s.fail(label, fmt.Errorf("not a JSON object")) {
					return nil
				}
				continue
			}
			return fmt.Errorf("%s: %w", label, err)
		}
		if !objectRecord(s, label, obj) {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return nil
}

func decodeJSONStream(ctx context.Context, in *bufio.Reader, s sink) error {
	dec := json.NewDecoder(in)
	for i := 1; ; i++ {
		label := fmt.Sprintf("object %d", i)
		var obj map[string]json.RawMessage
		err := dec.Decode(&obj)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", label, err)
		}
		if !objectRecord(s, label, obj) {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}

// decodeCSV reads a CSV (or TSV, or semicolon-separated) file whose
// header row names the columns with fieldNames. A malformed row is one bad
// record.
func decodeCSV(ctx context.Context, in *bufio.Reader, s sink, cfg readConfig) error {
	head, _ := in.Peek(sniffLen)
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	first, _, _ := bytes.Cut(head, []byte("\n"))
	if bytes.HasPrefix(head, []byte("\ufeff")) {
		_, _ = in.Discard(3)
	}
	r := csv.NewReader(in)
	r.Comma = csvSeparator(string(first))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("header: %w", err)
	}
	cols := make([]string, len(header))
	var text, title bool
	for i, h := range header {
		cols[i] = strings.ToLower(strings.TrimSpace(h))
		switch fieldNames[cols[i]] {
		case fieldText, fieldSummary:
			text = true
		case fieldTitle:
			title = true
		}
	}
	if !text && !title {
		return fmt.Errorf("%w: the header (%s) names no title/headline or text/body/content column", ErrNoText, strings.Join(header, ", "))
	}
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		line, _ := r.FieldPos(0)
		label := fmt.Sprintf("line %d", line)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if !s.fail(fmt.Sprintf("line %d", pe.StartLine), err) {
					return nil
				}
				continue
			}
			return err
		}
		var f fields
		for i, v := range row {
			if i < len(cols) {
				f.set(cols[i], v)
			}
		}
		rec, err := f.record(label)
		if err != nil {
			if !s.fail(label, err) {
				return nil
			}
			continue
		}
		if !s.article(rec) {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}

func init() {
	decoders[JSON] = decodeJSON
	decoders[CSV] = decodeCSV
}
