package source

import (
	"strings"
	"testing"
	"time"
)

func TestMetaLines(t *testing.T) {
	day := time.Date(2021, 4, 8, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name, text          string
		title, body         string // body: how the body starts
		url, source, author string
		date                time.Time
	}{
		{
			name:  "source URL under the headline",
			text:  "Ferry operator to be wound up\nSource: https://www.example-news.co.uk/ferries/123\n\nThe island's ferry company will close.",
			title: "Ferry operator to be wound up", body: "The island's ferry company",
			url: "https://www.example-news.co.uk/ferries/123", source: "example-news.co.uk",
		},
		{
			name:  "several lines before the headline",
			text:  "URL: https://paper.example/a\nDate: 8 April 2021\nBy Jane Roe and Sam Poe\n\nCouncil merger agreed\n\nTwo councils will merge.",
			title: "Council merger agreed", body: "Two councils will merge.",
			url: "https://paper.example/a", source: "paper.example", author: "Jane Roe and Sam Poe", date: day,
		},
		{
			name:  "outlet named, date in another form",
			text:  "Water board abolished\nSource: The Valley Gazette\nPublished: 2021-04-08\n\nThe board is gone.",
			title: "Water board abolished", body: "The board is gone.", source: "The Valley Gazette", date: day,
		},
		{
			name:  "an unreadable date is dropped, not glued to the headline",
			text:  "Water board abolished\nDate: the eighth of April\n\nThe board is gone.",
			title: "Water board abolished", body: "The board is gone.",
		},
		{
			name:  "a story line that starts like a key stays",
			text:  "Water board abolished\n\nSource: a minister who asked not to be named, said the board would close within the year and its staff move.",
			title: "Water board abolished", body: "Source: a minister who asked",
		},
		{
			name:  "a sentence starting By is no byline",
			text:  "Water board abolished\n\nBy the end of the year the board will be gone.",
			title: "Water board abolished", body: "By the end of the year",
		},
		{
			name:  "metadata further down is the story's",
			text:  "Water board abolished\n\nThe board is gone.\n\nURL: https://example.org/x",
			title: "Water board abolished", body: "The board is gone.\n\nURL: https://example.org/x",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Parse("a.txt", []byte(c.text))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != c.title || !strings.HasPrefix(a.Body, c.body) {
				t.Errorf("title %q, body %q; want %q, body starting %q", a.Title, a.Body, c.title, c.body)
			}
			if a.URL != c.url || a.Source != c.source || a.Author != c.author || !a.Date.Equal(c.date) {
				t.Errorf("url %q source %q author %q date %v; want %q %q %q %v", a.URL, a.Source, a.Author, a.Date, c.url, c.source, c.author, c.date)
			}
		})
	}
}

// FuzzMetaLines checks that reading metadata lines never panics and only
// ever takes whole lines from the top of the text.
func FuzzMetaLines(f *testing.F) {
	for _, s := range []string{"T\nSource: https://e.org/x\n\nBody.", "By A B\nDate: 2020-01-02\n\nT", "Source:\n", ":\n:", "URL: http://[::1\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		_, rest := splitMetaLines(text)
		if rest != text && len(strings.Fields(rest)) >= len(strings.Fields(text)) {
			t.Fatalf("the text changed but lost no words: %q → %q", text, rest)
		}
		if len(rest) > len(text)+1 {
			t.Fatalf("rest grew: %q → %q", text, rest)
		}
	})
}
