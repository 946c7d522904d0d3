package source

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestFrontMatter(t *testing.T) {
	day := time.Date(2010, 7, 13, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name, text string
		want       metadata
		rest       string
		err        string // part of the error message; "" for none
	}{
		{name: "none", text: "Title\n\nBody.", rest: "Title\n\nBody."},
		{name: "rule later is not front matter", text: "Title\n---\nBody.", rest: "Title\n---\nBody."},
		{
			name: "all keys",
			text: "---\ntitle: A title\ndate: 2010-07-13\nurl: https://example.org/x\nsource: Community Care\n---\nBody.",
			want: metadata{title: "A title", date: day, url: "https://example.org/x", source: "Community Care"},
			rest: "Body.",
		},
		{
			name: "quotes, comments, unknown and nested keys, dots to close",
			text: "\n---\n# a comment\nTitle: \"Say \\\"no\\\": a title\"\nsource: 'O''Brien Weekly'\nauthor: Someone\ntags:\n  - a\n  - b\nurl: https://e.org/#frag # note\nnot a key value line\n...\nBody.",
			want: metadata{title: `Say "no": a title`, source: "O'Brien Weekly", url: "https://e.org/#frag"},
			rest: "Body.",
		},
		{name: "empty values", text: "---\ntitle:\ndate: ''\nurl: ~\n---\n", rest: ""},
		{name: "RFC 3339", text: "---\ndate: 2010-07-13T09:30:00+01:00\n---\n",
			want: metadata{date: time.Date(2010, 7, 13, 9, 30, 0, 0, time.FixedZone("", 3600))}},
		{name: "day month year", text: "---\ndate: 13 July 2010\n---\n", want: metadata{date: day}},
		{name: "month day, year", text: "---\ndate: July 13, 2010\n---\n", want: metadata{date: day}},
		{name: "bad date", text: "---\ndate: 13/07/2010\n---\n", err: `field "date": cannot read "13/07/2010"`},
		{name: "unclosed", text: "---\ntitle: x\n", err: "never closed"},
		// Fuzzing found these (testdata/fuzz/FuzzFrontMatter): a line that
		// is "---" only once a CR or another space is trimmed from its
		// front opens nothing, and the body is kept whole.
		{name: "CR before the opener", text: "\r---\n", rest: "\r---\n"},
		{name: "CR before a closed block", text: "\r---\ntitle: t\n---\nbody", rest: "\r---\ntitle: t\n---\nbody"},
		{name: "VT before the opener", text: "\v---\n---", rest: "\v---\n---"},
		{name: "CRLF front matter", text: "---\r\ntitle: A title\r\n---\r\nBody.", want: metadata{title: "A title"}, rest: "Body."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, rest, err := splitFrontMatter(c.text)
			if c.err != "" {
				if !errors.Is(err, ErrFrontMatter) || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error = %v, want ErrFrontMatter with %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if m.title != c.want.title || m.url != c.want.url || m.source != c.want.source || !m.date.Equal(c.want.date) {
				t.Errorf("metadata = %+v, want %+v", m, c.want)
			}
			if strings.TrimSpace(rest) != strings.TrimSpace(c.rest) {
				t.Errorf("rest = %q, want %q", rest, c.rest)
			}
		})
	}
}

func TestSidecars(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":      "Title in file\n\nBody.",
		"a.json":     `{"title": "Sidecar title", "date": "2 January 2011", "url": "https://e.org/a", "source": "JSON Times", "extra": [1, 2]}`,
		"b.md":       "---\nsource: Front Matter Weekly\nurl: https://e.org/fm\n---\nB title\n\nBody.",
		"b.md.meta":  "source: Meta Weekly\n",
		"c.txt":      "C title\n\nBody.",
		"c.meta":     `{"date": "soon"}`,
		"d.txt":      "D title\n\nBody.",
		"d.json":     `{"title": ["not", "a", "string"]}`,
		"e.html":     `<meta property="og:site_name" content="Page Site"><h1>E</h1><p>Body.</p>`,
		"e.meta":     "{\"source\": \"Sidecar Site\"}",
		"f.txt":      "F title\n\nBody.",
		"f.json":     "{not json",
		"notes.json": `{"title": "a sidecar with no article is a dataset with no text"}`,
	})
	got := map[string]result{}
	for a, err := range Read(context.Background(), []string{dir}) {
		var fe *FileError
		if errors.As(err, &fe) {
			got[fe.Path[len(dir)+1:]] = result{err: err}
			continue
		}
		got[a.ID] = result{a: a}
	}
	if a := got["a"].a; a.Title != "Sidecar title" || a.Source != "JSON Times" || a.URL != "https://e.org/a" ||
		!a.Date.Equal(time.Date(2011, 1, 2, 0, 0, 0, 0, time.UTC)) || a.Body != "Title in file\n\nBody." {
		t.Errorf("a: %+v", a)
	}
	if b := got["b"].a; b.Source != "Meta Weekly" || b.URL != "https://e.org/fm" || b.Title != "B title" {
		t.Errorf("b: sidecar must override front matter field by field: %+v", b)
	}
	if e := got["e"].a; e.Source != "Sidecar Site" || e.Title != "E" {
		t.Errorf("e: %+v", e)
	}
	for name, want := range map[string]string{
		"c.txt": `sidecar c.meta: malformed metadata: field "date"`,
		"d.txt": `sidecar d.json: malformed metadata: field "title": want a string`,
		"f.txt": `sidecar f.json: malformed metadata`,
	} {
		if err := got[name].err; !errors.Is(err, ErrFrontMatter) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error = %v, want %q", name, err, want)
		}
	}
	if err := got["notes.json"].err; !errors.Is(err, ErrNoText) || !strings.Contains(err.Error(), "(line 1)") {
		t.Errorf("notes.json: error = %v, want ErrNoText naming the record", err)
	}
	if len(got) != 7 {
		t.Errorf("got %d results, want 7: %v", len(got), got)
	}
}

// FuzzFrontMatter checks that splitFrontMatter never panics, leaves text
// without front matter alone, and fails only with ErrFrontMatter.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: t\n---\nbody", "---\ndate: 2010-01-02\n...\n", "---\n", "---\ndate: x\n---",
		"---\ntitle: \"unterminated\n---\n", "---\nurl: 'a''b'\n---\n", "no front matter", "\n\n---\n:\n---\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		_, rest, err := splitFrontMatter(text)
		if err != nil {
			if !errors.Is(err, ErrFrontMatter) {
				t.Fatalf("error %v is not ErrFrontMatter", err)
			}
			return
		}
		if !strings.HasPrefix(strings.TrimLeft(text, " \t\n"), "---") && rest != text {
			t.Fatalf("text without front matter changed: %q → %q", text, rest)
		}
		if _, err := parseSidecar([]byte(text)); err != nil && !errors.Is(err, ErrFrontMatter) {
			t.Fatalf("sidecar error %v is not ErrFrontMatter", err)
		}
	})
}
