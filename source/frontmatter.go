package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/prose"
)

// metadata is what front matter, a sidecar file or HTML meta tags say about
// an article.
type metadata struct {
	title, url, source, author, language string
	date                                 time.Time
}

// override returns m with the fields that o sets replaced.
func (m metadata) override(o metadata) metadata {
	if o.title != "" {
		m.title = o.title
	}
	if o.url != "" {
		m.url = o.url
	}
	if o.source != "" {
		m.source = o.source
	}
	if !o.date.IsZero() {
		m.date = o.date
	}
	if o.author != "" {
		m.author = o.author
	}
	if o.language != "" {
		m.language = o.language
	}
	return m
}

// set stores one field. Unknown keys are ignored, so front matter written
// for other tools (tags, author, layout…) does no harm.
func (m *metadata) set(key, value string) error {
	switch strings.ToLower(key) {
	case "title":
		m.title = prose.Line(value)
	case "url":
		m.url = strings.TrimSpace(value)
	case "source":
		m.source = prose.Line(value)
	case "author", "byline":
		m.author = prose.Line(value)
	case "language", "lang":
		m.language = strings.TrimSpace(value)
	case "date":
		if strings.TrimSpace(value) == "" {
			return nil
		}
		t, err := parseDate(value)
		if err != nil {
			return fmt.Errorf("%w: field %q: %w", ErrFrontMatter, "date", err)
		}
		m.date = t
	}
	return nil
}

// dateLayouts are the date forms accepted in metadata, tried in order.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05Z0700",
	"2 January 2006",
	"2 Jan 2006",
	"January 2, 2006",
	"Jan 2, 2006",
}

// parseDate reads a publication date in one of dateLayouts. Dates without
// a zone are UTC.
func parseDate(s string) (time.Time, error) {
	s = prose.Line(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read %q as a date (use 2006-01-02, RFC 3339, \"2 January 2006\" or \"January 2, 2006\")", s)
}

// splitFrontMatter cuts a front matter block ("---" line, "key: value"
// lines, "---" or "..." line) off the top of text and parses it. Text
// without one is returned whole.
func splitFrontMatter(text string) (metadata, string, error) {
	body := strings.TrimLeft(text, " \t\n")
	first, rest, _ := strings.Cut(body, "\n")
	// The opening line is "---" itself, with at most trailing blanks (or a
	// CRLF's CR): "\r---" or "\v---" opens nothing.
	if strings.TrimRight(first, " \t\r") != "---" {
		return metadata{}, text, nil
	}
	var lines []string
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		if t := strings.TrimSpace(line); t == "---" || t == "..." {
			m, err := parseMetaLines(lines)
			return m, after, err
		}
		lines = append(lines, line)
		rest = after
	}
	return metadata{}, "", fmt.Errorf("%w: front matter opened with --- is never closed", ErrFrontMatter)
}

// parseMetaLines reads the simple "key: value" subset of YAML that front
// matter needs. Comments, indented lines (nested values of keys we do not
// know) and lines without a colon are skipped.
func parseMetaLines(lines []string) (metadata, error) {
	var m metadata
	for _, line := range lines {
		if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		if err := m.set(strings.TrimSpace(key), yamlScalar(value)); err != nil {
			return metadata{}, err
		}
	}
	return m, nil
}

// yamlScalar unquotes a one-line YAML scalar.
func yamlScalar(v string) string {
	v = strings.TrimSpace(v)
	switch {
	case len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"':
		if u, err := strconv.Unquote(v); err == nil {
			return u
		}
		return v[1 : len(v)-1]
	case len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'':
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	if v == "~" || v == "null" {
		return ""
	}
	return v
}

// maxSidecar bounds a sidecar file: it holds four short fields.
const maxSidecar = 1 << 20

// readSidecar finds and parses the metadata file beside an article:
// NAME.meta or NAME.json, where NAME is the article's file name with or
// without its extension. It returns nil when there is none.
func readSidecar(fsys fs.FS, name string) (*metadata, error) {
	base := strings.TrimSuffix(name, path.Ext(name))
	candidates := []string{base + ".meta", base + ".json"}
	if base != name {
		candidates = append(candidates, name+".meta", name+".json")
	}
	for _, c := range candidates {
		raw, err := readFSFile(fsys, c, maxSidecar)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("sidecar %s: %w", path.Base(c), err)
		}
		m, err := parseSidecar(raw)
		if err != nil {
			return nil, fmt.Errorf("sidecar %s: %w", path.Base(c), err)
		}
		return &m, nil
	}
	return nil, nil
}

// parseSidecar reads a sidecar: a JSON object with the front matter keys,
// or the same "key: value" lines front matter holds.
func parseSidecar(raw []byte) (metadata, error) {
	raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		return parseMetaLines(strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n"))
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return metadata{}, fmt.Errorf("%w: %w", ErrFrontMatter, err)
	}
	var m metadata
	for _, key := range []string{"title", "date", "url", "source"} {
		v, ok := fields[key]
		if !ok || string(v) == "null" {
			continue
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return metadata{}, fmt.Errorf("%w: field %q: want a string, got %s", ErrFrontMatter, key, v)
		}
		if err := m.set(key, s); err != nil {
			return metadata{}, err
		}
	}
	return m, nil
}
