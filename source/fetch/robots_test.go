package fetch

import (
	"testing"
	"time"
)

func TestParseRobots(t *testing.T) {
	const txt = `# a comment
User-agent: *
Disallow: /private/
Allow: /private/open$
Crawl-delay: 2

User-agent: otherbot
User-agent: NewsGraph
Disallow: /drafts   # trailing comment
Allow: /drafts/public
Disallow: /*.pdf$
Disallow: /search*q=
Crawl-delay: 0.5

User-agent: newsgraph
Disallow: /tmp/
Disallow:
nonsense line
Sitemap: https://example.org/sitemap.xml
`
	tests := []struct {
		agent, path string
		want        bool
	}{
		{"newsgraph", "/", true},
		{"newsgraph", "/drafts", false},
		{"newsgraph", "/drafts/x", false},
		{"newsgraph", "/drafts/public/x", true}, // the longer rule wins
		{"newsgraph", "/report.pdf", false},
		{"newsgraph", "/report.pdf?x=1", true}, // $ anchors at the end
		{"newsgraph", "/search?lang=en&q=x", false},
		{"newsgraph", "/search", true},
		{"newsgraph", "/tmp/a", false},    // a second group for the agent is combined
		{"newsgraph", "/private/a", true}, // the "*" group does not apply
		{"newsgraph", "/robots.txt", true},
		{"somebot", "/private/a", false},
		{"somebot", "/private/open", true},
		{"somebot", "/private/open/x", false},
		{"somebot", "/drafts", true},
	}
	for _, tt := range tests {
		if got := parseRobots([]byte(txt), tt.agent).allows(tt.path); got != tt.want {
			t.Errorf("%s %s: allowed = %v, want %v", tt.agent, tt.path, got, tt.want)
		}
	}
	if d := parseRobots([]byte(txt), "newsgraph").delay; d != 500*time.Millisecond {
		t.Errorf("newsgraph crawl delay = %v, want 500ms", d)
	}
	if d := parseRobots([]byte(txt), "somebot").delay; d != 2*time.Second {
		t.Errorf("somebot crawl delay = %v, want 2s", d)
	}
	for _, v := range []string{"1e300", "Inf"} {
		if d := parseRobots([]byte("User-agent: *\nCrawl-delay: "+v+"\n"), "newsgraph").delay; d != maxCrawlDelay {
			t.Errorf("Crawl-delay: %s read as %v, want %v", v, d, maxCrawlDelay)
		}
	}
}

func TestParseRobotsEdges(t *testing.T) {
	tests := []struct {
		name, txt, path string
		want            bool
	}{
		{"empty file", "", "/a", true},
		{"rule before any group", "Disallow: /\n", "/a", true},
		{"disallow all", "User-agent: *\nDisallow: /\n", "/a", false},
		{"empty disallow", "User-agent: *\nDisallow:\n", "/a", true},
		{"allow beats equal disallow", "User-agent: *\nDisallow: /a\nAllow: /a\n", "/a", true},
		{"case of keys", "USER-AGENT: *\nDISALLOW: /x\n", "/x", false},
		{"case of paths matters", "User-agent: *\nDisallow: /X\n", "/x", true},
		{"wildcard middle", "User-agent: *\nDisallow: /a*/b\n", "/a/c/b/d", false},
		{"wildcard no match", "User-agent: *\nDisallow: /a*/b\n", "/a/c/d", true},
		{"crlf", "User-agent: *\r\nDisallow: /x\r\n", "/x", false},
		{"binary junk", "\x00\xff\xfe: ::\n", "/x", true},
	}
	for _, tt := range tests {
		if got := parseRobots([]byte(tt.txt), "newsgraph").allows(tt.path); got != tt.want {
			t.Errorf("%s: %s allowed = %v, want %v", tt.name, tt.path, got, tt.want)
		}
	}
}

// FuzzParseRobots: no robots.txt makes the parser or the matcher fail.
func FuzzParseRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nAllow: /a/\nCrawl-delay: 1.5\n"), "/a/xb")
	f.Add([]byte("User-agent: newsgraph\nDisallow: *\n"), "/")
	f.Add([]byte("\x00\nUser-agent:\nDisallow: $\n"), "")
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		r := parseRobots(body, "newsgraph")
		r.allows(path)
		if r.delay < 0 {
			t.Errorf("negative crawl delay %v", r.delay)
		}
	})
}
