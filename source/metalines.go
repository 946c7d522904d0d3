package source

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/prose"
)

// maxMetaLines bounds how far into a plain-text file metadata lines are
// looked for: they head the file, around its headline, never further down.
const maxMetaLines = 8

// metaKeys maps the keys of plain-text metadata lines ("Source: https://…",
// "Date: 17 August 2020") to the metadata field they set.
var metaKeys = map[string]string{
	"source": "source", "url": "url", "link": "url", "permalink": "url",
	"date": "date", "published": "date", "updated": "date", "dateline": "date",
	"outlet": "source", "publisher": "source", "publication": "source",
	"by": "author", "byline": "author", "author": "author",
}

// splitMetaLines takes the metadata lines out of the top of a plain-text
// article: "Key: value" lines with a key of metaKeys, before or after the
// headline, up to the first line of the story. A "Source" that is a URL is
// the article's URL, and its host names the outlet unless another line
// does. A value that cannot be read (a date in an unknown form) drops the
// line all the same: it is metadata, never the story's text.
func splitMetaLines(text string) (metadata, string) {
	var m metadata
	var kept []string
	rest := text
	seen, story, took := 0, 0, 0
	for rest != "" && seen < maxMetaLines && story < 2 {
		line, after, _ := strings.Cut(rest, "\n")
		if t := strings.TrimSpace(line); t != "" {
			seen++
			if m.setLine(t) {
				took++
			} else {
				story++ // the headline, then the story's first line
				if story == 2 {
					break
				}
				kept = append(kept, line)
			}
		} else {
			kept = append(kept, line)
		}
		rest = after
	}
	if took == 0 {
		return m, text
	}
	return m, strings.Join(kept, "\n") + "\n" + rest
}

// setLine reads one "Key: value" metadata line into m, reporting whether
// it was one.
func (m *metadata) setLine(line string) bool {
	if name, ok := bylineName(line); ok {
		m.author = name
		return true
	}
	key, value, ok := strings.Cut(line, ":")
	if !ok || len(key) > 12 {
		return false
	}
	field, ok := metaKeys[strings.ToLower(strings.TrimSpace(key))]
	value = strings.TrimSpace(value)
	if !ok || value == "" || strings.HasPrefix(value, "//") {
		return false
	}
	switch field {
	case "source":
		if u, err := url.Parse(value); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			if m.url == "" {
				m.url = value
			}
			if m.source == "" {
				m.source = strings.TrimPrefix(u.Hostname(), "www.")
			}
			return true
		}
		if len(strings.Fields(value)) > 8 {
			return false // a sentence that happens to start "Source:"
		}
		m.source = prose.Line(value)
	case "url":
		u, err := url.Parse(value)
		if err != nil || u.Host == "" {
			return false
		}
		m.url = value
		if m.source == "" {
			m.source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	case "date":
		if len(strings.Fields(value)) > 6 {
			return false
		}
		if t, err := parseDate(value); err == nil {
			m.date = t
		}
	case "author":
		if len(strings.Fields(value)) > 8 {
			return false
		}
		m.author = prose.Line(value)
	}
	return true
}

// bylineName reads a byline written without a colon: "By Jane Roe",
// "By Jane Roe and John Doe". Each word of the names is capitalised, so "By
// the end of the year, …" is the story, not a byline.
func bylineName(line string) (string, bool) {
	rest, ok := strings.CutPrefix(line, "By ")
	if !ok {
		return "", false
	}
	f := strings.Fields(rest)
	if len(f) == 0 || len(f) > 7 {
		return "", false
	}
	for _, w := range f {
		if w != "and" && w != "&" && !startsUpper(w) {
			return "", false
		}
	}
	return strings.Join(f, " "), true
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
