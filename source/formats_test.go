package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// want is what a test expects of one article.
type want struct {
	title, start, url, source, author string
	date                              time.Time
}

func day(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

// TestFormats reads each fixture of testdata/formats and checks every
// article (headline, body start, date, URL, outlet, byline), every bad
// record (an error naming the file and the record) and every skipped one.
func TestFormats(t *testing.T) {
	cases := []struct {
		file     string
		articles []want
		errs     []string // substrings of the errors, in order
		skips    []string // substrings of the skip reasons, in order
	}{
		{"news.rss", []want{
			{"Council approves new bus lanes on the ring road", "Kelby city council has approved bus lanes", "https://kelbypost.example/news/bus-lanes-approved", "Kelby Evening Post", "Aisha Patel", day(2025, 6, 3, 16, 45)},
			{"Lifeboat crew rescue two walkers cut off by tide", "Two walkers were rescued by the Kelby lifeboat", "https://kelbypost.example/news/lifeboat-rescue", "Kelby Evening Post", "", day(2025, 6, 2, 8, 10)},
		}, []string{`news.rss (item 3): bad record: cannot read the date "sometime next week"`}, nil},
		{"news.atom", []want{
			{"Regulator to be merged into the Competition Office", "The Energy Markets Regulator will be abolished", "https://policywatch.example/2025/06/regulator-merger", "Policy Watch", "Jon Okafor and Lena Fischer", day(2025, 6, 10, 8, 0)},
			{"Ombudsman's annual report published", "The ombudsman upheld 38% of complaints", "https://policywatch.example/2025/06/ombudsman-report", "Policy Watch", "", day(2025, 6, 9, 15, 0)},
		}, nil, nil},
		{"articles.jsonl", []want{
			{"Water company fined £3m for sewage spills", "A water company has been fined £3m", "https://ruralnews.example/2025/02/sewage-fine", "Rural News", "Kim Lee and Sam Ortiz", day(2025, 2, 14, 10, 0)},
			{"Hospital trust appoints new chief executive", "Northfield Hospitals Trust has appointed Dr Grace Mwangi", "https://healthbrief.example/northfield-ceo", "Health Brief", "", day(2025, 2, 15, 0, 0)},
			{"Rail franchise to return to public ownership", "The Eastern rail franchise will return", "https://www.transporttoday.example/rail-franchise", "transporttoday.example", "", day(2025, 2, 18, 10, 0)},
		}, []string{"articles.jsonl (line 3): bad record: not a JSON object", "articles.jsonl (line 4): bad record: no text"}, nil},
		{"articles.json", []want{
			{"Museum receives £1m grant for new gallery", "The Kelby Museum has been awarded £1m", "https://kelbypost.example/news/museum-grant", "Kelby Evening Post", "", day(2025, 3, 1, 9, 0)},
			{"School meals contract goes to local supplier", "A local catering firm has won the contract", "https://kelbypost.example/news/school-meals", "Kelby Evening Post", "", day(2025, 3, 4, 0, 0)},
		}, nil, nil},
		{"articles.csv", []want{
			{"Ferry fares to rise by 8%", "Ferry fares between Kelby and the islands", "https://islandtimes.example/ferry-fares", "Island Times", "Ruth Mackay", day(2025, 4, 1, 0, 0)},
			{"New GP surgery opens in Skerry", "A new GP surgery has opened in Skerry", "https://islandtimes.example/gp-surgery", "Island Times", "Ruth Mackay", day(2025, 4, 3, 0, 0)},
		}, []string{`articles.csv (line 5): bad record: field date: cannot read "not a date"`}, nil},
		{"crawl.warc.gz", []want{
			{"Dock workers vote to strike over pay", "Dock workers at the port of Kelby have voted", "https://news.example/2025/05/01/port-strike", "Example News", "", day(2025, 5, 1, 16, 20)},
			{"Library hours cut at three branches", "Opening hours at three branches", "https://news.example/2025/05/02/library-hours", "Example News", "", day(2025, 5, 2, 8, 30)},
		}, nil, []string{"a request record", "not HTML (image/png)", "status 404"}},
		{"release.pdf", []want{
			{"Harbour Authority announces ferry service review", "The Harbour Authority today announced an independent review of the island ferry service", "", "", "Harbour Authority Press Office", day(2025, 6, 12, 9, 30)},
		}, nil, nil},
		{"scan.pdf", nil, []string{"scan.pdf: no text: the PDF has no text layer"}, nil},
		{"metalines.txt", []want{
			{"Minister scraps Rural Roads Agency", "Critics say ministers made a scapegoat", "https://www.example-news.co.uk/story/50953", "example-news.co.uk", "Jane Roe", day(2020, 8, 17, 0, 0)},
		}, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			var got []Article
			var errs []error
			var skips []Skip
			path := filepath.Join("testdata", "formats", c.file)
			for a, err := range Read(context.Background(), []string{path}, WithSkipped(func(s Skip) { skips = append(skips, s) })) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				got = append(got, a)
			}
			if len(got) != len(c.articles) {
				t.Fatalf("got %d articles, want %d (errors %v)", len(got), len(c.articles), errs)
			}
			for i, w := range c.articles {
				a := got[i]
				if a.Title != w.title || !strings.HasPrefix(a.Body, w.start) || a.URL != w.url || a.Source != w.source || a.Author != w.author || !a.Date.Equal(w.date) {
					t.Errorf("article %d:\ngot  %q | %.70q… | %q | %q | %q | %v\nwant %q | %q… | %q | %q | %q | %v", i,
						a.Title, a.Body, a.URL, a.Source, a.Author, a.Date, w.title, w.start, w.url, w.source, w.author, w.date)
				}
				if a.ID == "" || len(a.Hash) != 64 || !strings.HasPrefix(a.Path, path) {
					t.Errorf("article %d: ID %q hash %q path %q", i, a.ID, a.Hash, a.Path)
				}
			}
			if len(errs) != len(c.errs) {
				t.Fatalf("errors %v, want %d", errs, len(c.errs))
			}
			for i, e := range c.errs {
				var fe *FileError
				if !errors.As(errs[i], &fe) || !strings.Contains(errs[i].Error(), e) {
					t.Errorf("error %d = %v, want a *FileError containing %q", i, errs[i], e)
				}
			}
			if len(skips) != len(c.skips) {
				t.Fatalf("skips %v, want %d", skips, len(c.skips))
			}
			for i, s := range c.skips {
				if !strings.Contains(skips[i].Reason, s) || skips[i].Record == "" {
					t.Errorf("skip %d = %+v, want a record skipped for %q", i, skips[i], s)
				}
			}
		})
	}
}

// TestRecordIDsStable checks that a record keeps its ID and hash when the
// records around it change, so a re-read feed replaces nothing it need not.
func TestRecordIDsStable(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "formats", "news.rss"))
	if err != nil {
		t.Fatal(err)
	}
	read := func(b []byte) map[string]string {
		out := map[string]string{}
		for a, err := range ReadBytes(context.Background(), "feeds/news.rss", b) {
			if err == nil {
				out[a.ID] = a.Hash
			}
		}
		return out
	}
	before := read(raw)
	// A new item at the top, as a feed grows.
	grown := strings.Replace(string(raw), "<item>", "<item><title>Newest story</title><link>https://kelbypost.example/new</link><description>Something new happened today in Kelby.</description></item>\n<item>", 1)
	after := read([]byte(grown))
	if len(after) != len(before)+1 {
		t.Fatalf("after = %v, want one more than %v", after, before)
	}
	for id, h := range before {
		if after[id] != h {
			t.Errorf("%s: hash %q after the feed grew, was %q", id, after[id], h)
		}
		if !strings.HasPrefix(id, "feeds/news/") {
			t.Errorf("ID %q should start with the feed's own ID", id)
		}
	}
}

// TestUnknownFormats checks that a PDF is never read as text, and that a
// file in no known format is named, never silently passed over.
func TestUnknownFormats(t *testing.T) {
	dir := t.TempDir()
	pdf, err := os.ReadFile(filepath.Join("testdata", "formats", "release.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		"saved-as.txt": string(pdf),
		"picture.jpg":  "\xff\xd8\xff\xe0\x00\x10JFIF",
		"data.gz":      "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
		"notes.docx":   "PK\x03\x04\x14\x00",
	})
	var titles []string
	var skips []string
	for a, err := range Read(context.Background(), []string{dir}, WithSkipped(func(s Skip) { skips = append(skips, filepath.Base(s.Path)+": "+s.Reason) })) {
		if err != nil {
			t.Errorf("unexpected error %v", err)
			continue
		}
		titles = append(titles, a.Title)
	}
	if len(titles) != 1 || titles[0] != "Harbour Authority announces ferry service review" {
		t.Errorf("titles = %q: a PDF saved as .txt is still a PDF", titles)
	}
	if len(skips) != 3 {
		t.Errorf("skips = %q, want data.gz, notes.docx and picture.jpg named", skips)
	}
	for _, name := range []string{"picture.jpg", "notes.docx"} {
		_, err := Parse(name, []byte("\x00\x01binary"))
		if !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s named directly: error %v, want ErrUnknownFormat naming it", name, err)
		}
	}
}
