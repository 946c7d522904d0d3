package fetch

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// maxRobots is how much of a robots.txt is read: RFC 9309 asks crawlers to
// parse at least 500 KiB, and anything longer is no set of rules.
const maxRobots = 500 << 10

// maxCrawlDelay bounds the Crawl-delay read.
const maxCrawlDelay = 24 * time.Hour

// robotsRules are the rules of one robots.txt that apply to one crawler:
// the groups naming its product token, or else the groups for "*".
// The zero value allows everything.
type robotsRules struct {
	rules []robotsRule
	delay time.Duration // Crawl-delay, 0 when none
}

type robotsRule struct {
	allow   bool
	pattern string
}

// parseRobots reads a robots.txt (RFC 9309) for the crawler whose product
// token is agent. It is lenient, as the RFC asks: lines it does not
// understand are ignored, never an error. Groups are started by
// User-agent lines; a group's rules follow them; several groups naming the
// same agent are combined. Agents match the product token ignoring case;
// when no group names it, the "*" groups apply. Crawl-delay (not in the
// RFC, but common) is read in seconds, fractions allowed.
func parseRobots(body []byte, agent string) robotsRules {
	agent = strings.ToLower(agent)
	var (
		mine, star     robotsRules
		haveMine       bool
		agents         []string // of the group being read
		inRules        bool     // the group's agent lines have ended
		forMe, forStar bool
	)
	sc := bufio.NewScanner(bytes.NewReader(body[:min(len(body), maxRobots)]))
	sc.Buffer(make([]byte, 0, 64<<10), maxRobots)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if inRules {
				agents, inRules = nil, false
			}
			agents = append(agents, strings.ToLower(value))
			forMe, forStar = false, false
			for _, a := range agents {
				forMe = forMe || a == agent
				forStar = forStar || a == "*"
			}
			haveMine = haveMine || forMe
		case "allow", "disallow", "crawl-delay":
			if len(agents) == 0 {
				continue // a rule before any group belongs to none
			}
			inRules = true
			for _, rs := range []*robotsRules{&mine, &star} {
				if rs == &mine && !forMe || rs == &star && !forStar {
					continue
				}
				switch {
				case key == "crawl-delay":
					if s, err := strconv.ParseFloat(value, 64); err == nil && s > 0 {
						// A day between requests is as good as never;
						// more would overflow a Duration.
						rs.delay = time.Duration(min(s, maxCrawlDelay.Seconds()) * float64(time.Second))
					}
				case value != "": // an empty Disallow allows everything
					rs.rules = append(rs.rules, robotsRule{allow: key == "allow", pattern: value})
				}
			}
		}
	}
	if haveMine {
		return mine
	}
	return star
}

// allows reports whether the rules let the crawler fetch the path (with
// its query, "/news/a?id=1"). The longest matching pattern decides; of
// an Allow and a Disallow as long, the Allow. /robots.txt is always
// allowed.
func (r robotsRules) allows(path string) bool {
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !matchPattern(rule.pattern, path) {
			continue
		}
		if n := len(rule.pattern); n > best || n == best && rule.allow {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// matchPattern matches a robots.txt path pattern: a prefix of the path,
// where * stands for any characters and a final $ for the path's end.
func matchPattern(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	pieces := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, pieces[0]) {
		return false
	}
	rest := path[len(pieces[0]):]
	if len(pieces) == 1 {
		return !anchored || rest == ""
	}
	for i, p := range pieces[1:] {
		last := i == len(pieces)-2
		switch {
		case last && anchored:
			return strings.HasSuffix(rest, p)
		case last:
			return strings.Contains(rest, p)
		}
		j := strings.Index(rest, p)
		if j < 0 {
			return false
		}
		rest = rest[j+len(p):]
	}
	return true
}
