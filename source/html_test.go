package source

import (
	"testing"
	"time"
)

const page = `<!DOCTYPE html>
<html><head>
<title>PCTs to go | Care Weekly</title>
<meta property="og:site_name" content="Care Weekly">
<meta property="og:url" content="https://care.example/pcts">
<meta property="article:published_time" content="2010-07-13T08:00:00Z">
<style>p { color: red }</style>
<script>document.write("<p>not text</p>")</script>
</head><body>
<header><h1>Care Weekly</h1><nav><ul><li>Home</li><li>News</li></ul></nav></header>
<main><article>
<header><h1>PCTs to go in&nbsp;shake-up</h1><p class="byline">By A Reporter</p></header>
<figure><img src="x.jpg"><figcaption>The minister (pictured)</figcaption></figure>
<p>Primary care trusts will be <a href="/x">abolished</a>,<br>the minister said.</p>
<div>Loose text.</div>
<h2>What changes</h2>
<ul><li>GP consortia take over commissioning.</li><li>Councils gain public health.</li></ul>
<blockquote><p>&ldquo;It is the right thing to do,&rdquo; he said.</p></blockquote>
<div hidden><p>Hidden text.</p></div>
<aside><h3>Most read</h3><p>Other story.</p></aside>
<form><p>Sign up to our newsletter</p></form>
<footer><p>Tags: NHS</p></footer>
</article></main>
<footer><p>&copy; Care Weekly</p></footer>
</body></html>`

func TestParseHTML(t *testing.T) {
	a, err := Parse("story.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := Article{
		ID:     "story",
		Path:   "story.html",
		Title:  "PCTs to go in shake-up",
		Body:   "Primary care trusts will be abolished, the minister said.\n\nWhat changes\n\nGP consortia take over commissioning.\n\nCouncils gain public health.\n\n“It is the right thing to do,” he said.",
		Date:   time.Date(2010, 7, 13, 8, 0, 0, 0, time.UTC),
		URL:    "https://care.example/pcts",
		Source: "Care Weekly",
		Author: "A Reporter",
		Hash:   a.Hash,
	}
	if a != want {
		t.Errorf("got  %+v\nwant %+v", a, want)
	}
}

func TestHTMLFallbacks(t *testing.T) {
	cases := []struct {
		name, html, title, url string
	}{
		{"title with site name", `<meta property="og:site_name" content="Site"><title>Story | Site</title><p>x</p>`, "Story", ""},
		{"title of unknown site kept whole", `<title>Story - Part two</title><p>x</p>`, "Story - Part two", ""},
		{"og:title before title", `<title>T | S</title><meta property="og:title" content="OG title"><p>x</p>`, "OG title", ""},
		{"canonical link", `<link rel="canonical" href="https://e.org/c"><h1>H</h1><p>x</p>`, "H", "https://e.org/c"},
		{"og:url beats canonical", `<link rel="canonical" href="https://e.org/c"><meta property="og:url" content="https://e.org/og"><h1>H</h1>`, "H", "https://e.org/og"},
		{"no title: first paragraph", `<p>Only a paragraph</p><p>And another.</p>`, "Only a paragraph", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Parse("x.htm", []byte(c.html))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != c.title || a.URL != c.url {
				t.Errorf("title %q url %q, want %q %q", a.Title, a.URL, c.title, c.url)
			}
		})
	}
	a, err := Parse("d.html", []byte(`<meta property="article:published_time" content="last week"><h1>H</h1>`))
	if err != nil || !a.Date.IsZero() {
		t.Errorf("unreadable page date: %v, %v; want zero date, no error", a.Date, err)
	}
	if _, err := Parse("e.html", []byte(`<script>x</script><nav><p>menu</p></nav>`)); err == nil {
		t.Error("a page with no story text must be ErrEmpty")
	}
}
