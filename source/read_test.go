package source

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/newsgraph/newsgraph/examples"
)

// writeFiles creates files (slash-separated names) below dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// result is one item of a Read iteration.
type result struct {
	a   Article
	err error
}

func collect(seq func(func(Article, error) bool)) []result {
	var out []result
	for a, err := range seq {
		out = append(out, result{a, err})
	}
	return out
}

const goodText = "A headline\n\nThe first paragraph, which is a sentence.\n"

func TestReadBadInputs(t *testing.T) {
	cases := []struct {
		name    string // file name below the batch directory
		content string
		want    error  // sentinel the FileError wraps
		inMsg   string // and a word its message must hold
	}{
		{"empty.txt", "", ErrEmpty, "empty"},
		{"blank.txt", " \n\t\n\u00a0\n", ErrEmpty, "empty"},
		{"binary.txt", "PK\x03\x04\x00\x00binary", ErrBinary, "binary"},
		{"latin1.txt", "Caf\xe9 society\n\nIt was a sentence.", ErrInvalidUTF8, "byte 3"},
		{"huge.txt", strings.Repeat("A sentence that goes on. ", 20), ErrTooLarge, "limit 300"},
		{"baddate.md", "---\ntitle: T\ndate: last Tuesday\n---\nBody.", ErrFrontMatter, `"date"`},
		{"unclosed.md", "---\ntitle: T\n\nBody.", ErrFrontMatter, "never closed"},
		{"badsidecar.txt", goodText, ErrFrontMatter, "badsidecar.json"},
	}
	dir := t.TempDir()
	files := map[string]string{
		"a_good.txt":      goodText,
		"z_good.md":       "# Markdown headline\n\nA *paragraph*.",
		"badsidecar.json": `{"title": 42}`,
	}
	for _, c := range cases {
		files[c.name] = c.content
	}
	writeFiles(t, dir, files)
	missing := filepath.Join(dir, "no-such-file.txt")
	got := collect(Read(context.Background(), []string{dir, missing}, WithMaxSize(300)))

	errs := map[string]error{}
	var ids []string
	for _, r := range got {
		if r.err == nil {
			ids = append(ids, r.a.ID)
			continue
		}
		var fe *FileError
		if !errors.As(r.err, &fe) {
			t.Fatalf("error %v is not a *FileError", r.err)
		}
		if !strings.HasPrefix(fe.Error(), fe.Path+": ") {
			t.Errorf("error %q does not start with its path", fe)
		}
		errs[filepath.Base(fe.Path)] = fe
	}
	if want := []string{"a_good", "z_good"}; !slices.Equal(ids, want) {
		t.Errorf("articles = %v, want %v (the batch must go on past bad files)", ids, want)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := errs[c.name]
			if !errors.Is(err, c.want) {
				t.Fatalf("error = %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.inMsg) || !strings.Contains(err.Error(), c.name) {
				t.Errorf("error %q should name the file and mention %q", err, c.inMsg)
			}
		})
	}
	if err := errs["no-such-file.txt"]; !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing path: error = %v, want fs.ErrNotExist", err)
	}
	if len(got) != len(cases)+3 {
		t.Errorf("got %d results, want %d", len(got), len(cases)+3)
	}
}

// errFS fails to open one file, as an unreadable file would.
type errFS struct {
	fs.FS
	bad string
}

func (e errFS) Open(name string) (fs.File, error) {
	if name == e.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return e.FS.Open(name)
}

func TestReadFSUnreadable(t *testing.T) {
	fsys := errFS{FS: fstest.MapFS{
		"a.txt": {Data: []byte(goodText)},
		"b.txt": {Data: []byte(goodText)},
		"c.txt": {Data: []byte(goodText)},
	}, bad: "b.txt"}
	got := collect(ReadFS(context.Background(), fsys, "."))
	if len(got) != 3 || got[0].err != nil || got[2].err != nil {
		t.Fatalf("results = %+v, want a, error, c", got)
	}
	var fe *FileError
	if !errors.As(got[1].err, &fe) || fe.Path != "b.txt" || !errors.Is(fe, fs.ErrPermission) {
		t.Errorf("error = %v, want a FileError for b.txt wrapping fs.ErrPermission", got[1].err)
	}
}

func TestReadWalk(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"2010/July/PCTs Scrapped.txt":  goodText,
		"2010/July/notes.log":          "skipped: not an article extension",
		"2010/July/PCTs Scrapped.json": `{"source": "Community Care"}`,
		"2010/b.html":                  "<h1>H</h1><p>Text.</p>",
		"2010/a.md":                    goodText,
		"README":                       goodText,
		".git/config.txt":              goodText,
		".hidden.txt":                  goodText,
		"x/.draft.md":                  goodText,
		"Z.HTM":                        "<title>Upper case extension</title><p>P.</p>",
	})
	explicit := filepath.Join(dir, "2010", "July", "notes.log")
	var ids, paths []string
	var skips []Skip
	var errs []error
	for a, err := range Read(context.Background(), []string{dir, explicit}, WithSkipped(func(s Skip) { skips = append(skips, s) })) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, a.ID)
		paths = append(paths, a.Path)
		if a.ID == "2010/july/pcts-scrapped" && a.Source != "Community Care" {
			t.Errorf("sidecar not applied: source = %q", a.Source)
		}
	}
	want := []string{"2010/july/pcts-scrapped", "2010/a", "2010/b", "readme", "z"}
	if !slices.Equal(ids, want) {
		t.Errorf("IDs = %q\nwant   %q", ids, want)
	}
	if paths[0] != filepath.Join(dir, "2010", "July", "PCTs Scrapped.txt") {
		t.Errorf("paths = %q", paths)
	}
	// In a walk, a file in no known format is passed over, but named; named
	// directly, it is an error.
	if len(skips) != 1 || skips[0].Path != explicit || !strings.Contains(skips[0].Reason, ".log") {
		t.Errorf("skips = %+v, want notes.log (unknown format)", skips)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrUnknownFormat) || !strings.Contains(errs[0].Error(), "notes.log") {
		t.Errorf("errors = %v, want ErrUnknownFormat for the file named directly", errs)
	}
}

func TestReadStdinAndDuplicates(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"one/story.txt": goodText, "two/story.txt": goodText})
	in := "Headline from a pipe\n\nA paragraph."
	got := collect(Read(context.Background(),
		[]string{"-", filepath.Join(dir, "one", "story.txt"), filepath.Join(dir, "two", "story.txt")},
		WithStdin(strings.NewReader(in))))
	if len(got) != 3 {
		t.Fatalf("got %d results, want 3", len(got))
	}
	a := got[0].a
	if got[0].err != nil || a.Path != "-" || a.ID != "stdin-"+a.Hash[:12] || a.Title != "Headline from a pipe" {
		t.Errorf("stdin article = %+v, %v", a, got[0].err)
	}
	if got[1].err != nil || got[1].a.ID != "story" {
		t.Errorf("first story = %+v, %v", got[1].a, got[1].err)
	}
	if !errors.Is(got[2].err, ErrDuplicateID) || !strings.Contains(got[2].err.Error(), "one") {
		t.Errorf("second story: error = %v, want ErrDuplicateID naming the first", got[2].err)
	}
}

func TestReadStops(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": goodText, "b.txt": goodText, "c.txt": goodText})

	n := 0
	for range Read(context.Background(), []string{dir, dir}) {
		n++
		if n == 2 {
			break // must not make the iterator call yield again (that panics)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ids []string
	var last error
	for a, err := range Read(ctx, []string{dir}) {
		if err != nil {
			last = err
			continue
		}
		ids = append(ids, a.ID)
		cancel()
	}
	if len(ids) != 1 || !errors.Is(last, context.Canceled) {
		t.Errorf("after cancel: ids = %v, last error = %v; want one article then context.Canceled", ids, last)
	}
}

func TestReadFSExamples(t *testing.T) {
	var ids []string
	for a, err := range ReadFS(context.Background(), examples.Articles, ".") {
		if err != nil {
			t.Fatal(err)
		}
		if a.Title == "" || a.Body == "" || len(a.Hash) != 64 {
			t.Errorf("%s: incomplete article %+v", a.ID, a)
		}
		ids = append(ids, a.ID)
	}
	want := []string{"000_bd6ab526a9c92c91", "001_b849ec624c882d4f", "002_e7e95ca66bf86d20", "003_32d5ccce7895cf79", "004_4210c9aa06b7c491"}
	if !slices.Equal(ids, want) {
		t.Errorf("IDs = %v, want %v", ids, want)
	}
	for a, err := range ReadFS(context.Background(), fstest.MapFS{"corpus/x/a.txt": {Data: []byte(goodText)}}, "corpus/") {
		if err != nil || a.ID != "x/a" || a.Path != "corpus/x/a.txt" {
			t.Errorf("root with a trailing slash: %q %q, %v", a.ID, a.Path, err)
		}
	}
	// A single file as root: its base name.
	for a, err := range ReadFS(context.Background(), examples.Articles, "001_b849ec624c882d4f.txt") {
		if err != nil || a.ID != "001_b849ec624c882d4f" {
			t.Errorf("file root: %q, %v", a.ID, err)
		}
	}
}

func TestParse(t *testing.T) {
	date := func(s string) time.Time {
		d, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	cases := []struct {
		name, path, raw string
		want            Article
	}{
		{
			name: "headline and paragraphs, CRLF, no-break spaces, trailing space",
			path: "a.txt",
			raw:  "\ufeffHeadline here  \r\n\r\nFirst\u00a0para.\u00a0\u00a0\r\n\r\n\r\nSecond   para.\t\r\n",
			want: Article{ID: "a", Title: "Headline here", Body: "First para.\n\nSecond para."},
		},
		{
			name: "one paragraph per line",
			path: "dir/Lines.txt",
			raw:  "Title\nA first paragraph that runs on well beyond a hundred characters so that it is clearly not hard-wrapped text at all.\nShort second one.\n",
			want: Article{ID: "dir/lines", Title: "Title", Body: "A first paragraph that runs on well beyond a hundred characters so that it is clearly not hard-wrapped text at all.\n\nShort second one."},
		},
		{
			name: "hard-wrapped text is joined",
			path: "w.txt",
			raw:  "Title\n\nThis paragraph was wrapped at sixty columns by an editor so\nits lines must be joined back into one, with the well-\nbeing hyphen kept.\nA short line.\n\nNext.",
			want: Article{ID: "w", Title: "Title", Body: "This paragraph was wrapped at sixty columns by an editor so its lines must be joined back into one, with the well-being hyphen kept.\n\nA short line.\n\nNext."},
		},
		{
			name: "lead paragraph without a headline stays in the body",
			path: "lead.txt",
			raw:  "Councils are backing the plans that could give them a much greater role in commissioning health care.\nSecond.",
			want: Article{ID: "lead", Title: "Councils are backing the plans that could give them a much greater role in commissioning health care.",
				Body: "Councils are backing the plans that could give them a much greater role in commissioning health care.\n\nSecond."},
		},
		{
			name: "front matter",
			path: "fm.md",
			raw:  "---\ntitle: \"Front: matter title\"\ndate: 2010-07-13\nurl: https://example.org/a # a comment\nsource: 'Community Care'\ntags:\n  - nhs\nlayout: post\n---\n# Front: matter title\n\nBody **text** with a [link](https://x.org) and ![img](i.png)an image.\n\n- item one\n- item two\n",
			want: Article{ID: "fm", Title: "Front: matter title", Body: "Body text with a link and an image.\n\nitem one\n\nitem two",
				Date: date("2010-07-13T00:00:00Z"), URL: "https://example.org/a", Source: "Community Care"},
		},
		{
			name: "markdown headings and setext",
			path: "h.markdown",
			raw:  "Setext title\n============\n\nPara one.\n\n## A crosshead\nPara two.\n\n---\n\n> Quoted para.",
			want: Article{ID: "h", Title: "Setext title", Body: "Para one.\n\nA crosshead\n\nPara two.\n\nQuoted para."},
		},
		{
			name: "plain text heading mark",
			path: "p.txt",
			raw:  "# Hash title\n\nBody.",
			want: Article{ID: "p", Title: "Hash title", Body: "Body."},
		},
		{
			name: "html sniffed without an extension",
			path: "-",
			raw:  "<!DOCTYPE html><html><head><title>T | Site</title></head><body><h1>Sniffed</h1><p>Text.</p></body></html>",
			want: Article{ID: "stdin-", Title: "Sniffed", Body: "Text."},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Parse(c.path, []byte(c.raw))
			if err != nil {
				t.Fatal(err)
			}
			if c.want.ID == "stdin-" {
				c.want.ID += a.Hash[:12]
			}
			c.want.Path, c.want.Hash = c.path, hashOf([]byte(c.raw))
			if a != c.want {
				t.Errorf("got  %+v\nwant %+v", a, c.want)
			}
		})
	}
}

func TestParseTooLarge(t *testing.T) {
	_, err := Parse("big.txt", []byte(goodText), WithMaxSize(10))
	if !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "big.txt: ") {
		t.Errorf("error = %v, want ErrTooLarge naming big.txt", err)
	}
}

func TestFileIDs(t *testing.T) {
	for in, want := range map[string]string{
		"000_bd6ab526a9c92c91.txt": "000_bd6ab526a9c92c91",
		"a/B c/Story One.HTML":     "a/b-c/story-one",
		"./x/../y.md":              "x/y",
		"_lead_.txt":               "lead",
		"Société Générale.txt":     "societe-generale",
		"data.v2":                  "data-v2",
		"___":                      "x",
	} {
		if got := fileID(in); got != want {
			t.Errorf("fileID(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParse checks that no input makes Parse panic, and that what it
// accepts is well formed.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		goodText, "", "\x00", "\xff", "---\ndate: x\n---\n", "---\ntitle: t\n---\n",
		"<html><p>x</p>", "<!doctype html><h1>a</h1><script>x</script><p>b",
		"# T\n\n* a\n* b\n\n[x](y) ![i](j) **b** _e_ `c`", "T\r\nb\rc", "A\n====\n---\n",
	} {
		f.Add("f.txt", []byte(s))
		f.Add("f.md", []byte(s))
		f.Add("f.html", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, raw []byte) {
		a, err := Parse(name, raw)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *FileError", err)
			}
			return
		}
		if a.Title == "" && a.Body == "" {
			t.Fatal("accepted an article with no text")
		}
		if strings.Contains(a.Body, "\n\n\n") || strings.Contains(a.Body, "\r") || strings.Contains(a.Title, "\n") {
			t.Fatalf("badly normalised: %q / %q", a.Title, a.Body)
		}
	})
}

func ExampleRead() {
	ctx := context.Background()
	for a, err := range Read(ctx, []string{"../examples/articles"}) {
		if err != nil {
			fmt.Println("skipped:", err) // a bad file; the others still come
			continue
		}
		fmt.Println(a.ID, "|", a.Title)
	}
	// Output:
	// 000_bd6ab526a9c92c91 | Burstow: PCTs scrapped to aid health and social care links
	// 001_b849ec624c882d4f | Coalition plans could test health and social care links
	// 002_e7e95ca66bf86d20 | PCT mergers threaten joint working, warn social care leaders
	// 003_32d5ccce7895cf79 | Local authorities are supporting coalition government plans that could see them having a greater role in health commissioning.
	// 004_4210c9aa06b7c491 | Exclusive: PCT reform delays social care merger
}

func BenchmarkReadFS(b *testing.B) {
	for b.Loop() {
		for _, err := range ReadFS(context.Background(), examples.Articles, ".") {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkParseHTML(b *testing.B) {
	raw := []byte(page)
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := Parse("p.html", raw); err != nil {
			b.Fatal(err)
		}
	}
}

// TestReadBytesOrigin: bytes fetched from a URL are named by it in paths
// and errors, give a page without a URL of its own that URL, and are
// decoded with the charset their HTTP header declared.
func TestReadBytesOrigin(t *testing.T) {
	const origin = "https://news.example.org/story/7"
	page := "<html><head><title>T</title></head><body><h1>Council votes</h1><p>The council voted on Tuesday to close the depot.</p></body></html>"
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>` +
		`<item><title>One</title><link>https://news.example.org/one</link><description>The first item.</description></item></channel></rss>`
	// "Мэр города" and a sentence, in KOI8-R: without the header's charset
	// it would be read as Windows-1252, HTML's fallback.
	koi8 := []byte("<html><body><h1>\xed\xdc\xd2 \xc7\xcf\xd2\xcf\xc4\xc1</h1><p>\xed\xdc\xd2 \xc7\xcf\xd2\xcf\xc4\xc1 \xda\xc1\xcb\xd2\xd9\xcc \xd2\xd9\xce\xcf\xcb \xd7 \xd0\xcf\xce\xc5\xc4\xc5\xcc\xd8\xce\xc9\xcb.</p></body></html>")
	tests := []struct {
		name, file string
		raw        []byte
		opts       []ReadOption
		wantPath   string
		wantURL    string
		wantTitle  string
		wantErr    bool
	}{
		{name: "page", file: "news.example.org/story/7.html", raw: []byte(page), wantPath: origin, wantURL: origin, wantTitle: "Council votes"},
		{name: "feed item", file: "news.example.org/feed.xml", raw: []byte(feed), wantPath: origin + "#item-1", wantURL: "https://news.example.org/one", wantTitle: "One"},
		{name: "KOI8-R page", file: "x.html", raw: koi8, opts: []ReadOption{WithCharset("koi8-r")}, wantPath: origin, wantURL: origin, wantTitle: "Мэр города"},
		{name: "KOI8-R page, no charset", file: "x.html", raw: koi8, wantPath: origin, wantURL: origin, wantTitle: "íÜÒ ÇÏÒÏÄÁ"},
		{name: "empty", file: "x.html", raw: nil, wantPath: origin, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := append([]ReadOption{WithOrigin(origin)}, tt.opts...)
			n := 0
			for a, err := range ReadBytes(context.Background(), tt.file, tt.raw, opts...) {
				n++
				if tt.wantErr {
					var fe *FileError
					if !errors.As(err, &fe) || fe.Path != tt.wantPath {
						t.Errorf("error = %v, want a FileError naming %s", err, tt.wantPath)
					}
					continue
				}
				if err != nil {
					t.Fatalf("error: %v", err)
				}
				if a.Path != tt.wantPath || a.URL != tt.wantURL || a.Title != tt.wantTitle {
					t.Errorf("got Path %q URL %q Title %q, want %q %q %q", a.Path, a.URL, a.Title, tt.wantPath, tt.wantURL, tt.wantTitle)
				}
			}
			if n != 1 {
				t.Errorf("%d results, want 1", n)
			}
		})
	}
	// Read names files by their paths whatever the options say.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	for a, err := range Read(context.Background(), []string{filepath.Join(dir, "a.html")}, WithOrigin(origin)) {
		if err != nil || a.URL != "" || a.Path != filepath.Join(dir, "a.html") {
			t.Errorf("Read with WithOrigin: %+v, %v", a, err)
		}
	}
}
