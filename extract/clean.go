package extract

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/prose"
)

// Furniture describes one kind of page furniture: the text a web page puts
// around a story (related links, sign-up boxes, share buttons) that a copy
// of the page carries along. Pattern is a regular expression (RE2 syntax)
// matched, ignoring case, against a whole line with its quotes straightened,
// its spaces collapsed and any final ":", ".", "!" or "?" removed. Only
// lines of up to 400 bytes are tried (headers: 120), so a pattern such as
// "register to .*" cannot swallow a long paragraph.
//
// A Section cue is a header ("Related stories", "Most read"): the header
// and the headline-like lines after it (short, no closing full stop, or
// teasers ending in "…") are dropped, up to the next real paragraph. Other
// cues drop just the line they match.
type Furniture struct {
	Pattern string
	Section bool
}

// DefaultFurniture returns the cues Clean uses, a fresh copy each time so a
// caller may edit it. They are written for English-language news sites in
// general; add an outlet's own with WithFurniture.
//
//	group                 examples
//	section headers       Related stories · More from X · Other articles on X ·
//	                      Read more · Most read · Just published · You may also like ·
//	                      Recommended · Latest news · See also · Explore more on these topics
//	comments              Comments are closed · Leave a comment · 12 comments
//	sign-up prompts       Sign in · Register now to … · Already registered? ·
//	                      Have you registered with us yet? · Sign up to our … ·
//	                      Subscribe … · Keep up to date … sign up … · Follow us:
//	                      What do you think? Join the debate … · Have your say
//	sharing               Share · Share this article · Share on X · Tweet · Email · Copy link
//	cookies, ads          We use cookies … · Cookie policy · Advertisement ·
//	                      Story continues below
//	credits, captions     Image caption: … · Photograph: … · Getty Images
//	navigation            Back to top · Skip to content · "X is not responsible for
//	                      the content of external sites"
func DefaultFurniture() []Furniture {
	sections := []string{
		`related( stories| articles| content| links| coverage| topics| reading| posts| news| items)?`,
		`other (articles|stories|news|coverage) (on|about|from|in) .+`,
		`more (from|on|in|about|by) .+`,
		`more (stories|news|articles|headlines|coverage)( .*)?`,
		`read (more|next|also)(:? .*)?`,
		`(just|recently) published`,
		`most (read|popular|viewed|shared|commented|recent)( .*)?`,
		`(you|we think you) (may|might|could|will) (also )?(like|enjoy|be interested in)( .*)?`,
		`recommended( for you| stories| articles| reading)?`,
		`trending( now| stories| articles)?`,
		`(top|latest|popular) (stories|news|headlines|articles)`,
		`latest`,
		`see also`,
		`also (read|see|on .+)`,
		`explore more( on these topics)?`,
		`editor'?s'? (picks|choice)`,
		`don'?t miss`,
		`in other news`,
		`what to read next`,
		`(topics|tags|filed under|categories)(: .*)?`,
	}
	lines := []string{
		// comments
		`comments are (now )?closed`,
		`comments?( \(\d+\))?`,
		`\d+ comments?`,
		`(leave|add|post|view|show|read|load) (a |the |all )?(comment|comments|reply)( .*)?`,
		// sign-up and registration prompts
		`(sign|log) ?(in|out)( to .*| here| now)?`,
		`register( now| here| for free| today)?( to .*| for .*)?`,
		`already (registered|a subscriber|a member|have an account)( .*)?`,
		`have you registered( with us)?( yet)?`,
		`not (registered|a subscriber|a member)( yet)?( .*)?`,
		`sign up( now| here| for free| today)?( to .*| for .*)?`,
		`subscribe( now| here| today)?( to .*| for .*)?`,
		`.*\bsign up (to|for) our .*`,
		`keep up (to date|with) .*\b(sign up|subscribe|register)\b.*`,
		`(get|receive) (our|the) .*\b(newsletters?|bulletins?|e-?mails?|alerts)\b.*`,
		`follow us( on .*)?(:.*)?`,
		`what do you think\? .*\b(join|comment|debate|discussion|tell us|let us know|have your say)\b.*`,
		`(join|have your say in) the (debate|discussion|conversation)( .*)?`,
		`have your say( .*)?`,
		`click here( .*)?`,
		// sharing
		`share( this( article| story| page| post)?)?`,
		`share( this( article| story| page| post)?)? (on|via|with|to)( .*)?`,
		`(tweet|email|e-mail|print|facebook|twitter|linkedin|whatsapp|pinterest|reddit|messenger|copy link|copy this link|reuse this content)`,
		// cookies and advertising
		`(we|this (site|website)) uses? cookies.*`,
		`by (continuing|using) (to (use|browse) )?(this|our) (site|website).*`,
		`cookie (policy|settings|preferences)( .*)?`,
		`advertisement|advert|sponsored( content)?`,
		`story continues (below|after).*`,
		// credits and captions on a line of their own
		`(image|photo|picture|video) (caption|copyright|source|credit)(: .*)?`,
		`(photograph|photo|picture|image|illustration)( credit)?: .*`,
		`getty images|shutterstock|alamy( stock photo)?`,
		// link disclaimers and navigation
		`.* (is|are) not responsible for the content of external (sites|websites|internet sites|links)`,
		`back to top|skip to (main )?content|advertise with us|contact us`,
	}
	var fs []Furniture
	for _, p := range sections {
		fs = append(fs, Furniture{Pattern: p, Section: true})
	}
	for _, p := range lines {
		fs = append(fs, Furniture{Pattern: p})
	}
	return fs
}

// A Cleaner removes page furniture from articles. Make one with
// NewCleaner; it is safe for concurrent use.
type Cleaner struct {
	furniture []Furniture
	noDefault bool
	section   *cues
	line      *cues
}

// A CleanOption configures a Cleaner.
type CleanOption func(*Cleaner) error

// WithFurniture adds cues to those the Cleaner recognises.
func WithFurniture(f ...Furniture) CleanOption {
	return func(c *Cleaner) error {
		c.furniture = append(c.furniture, f...)
		return nil
	}
}

// WithoutDefaultFurniture drops DefaultFurniture, leaving only the cues
// given by WithFurniture. The structural rules (repeated lines, repeated
// standfirst, trailing headlines) still apply.
func WithoutDefaultFurniture() CleanOption {
	return func(c *Cleaner) error { c.noDefault = true; return nil }
}

// NewCleaner returns a Cleaner with DefaultFurniture and the options' cues.
func NewCleaner(opts ...CleanOption) (*Cleaner, error) {
	c := &Cleaner{}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	if !c.noDefault {
		c.furniture = append(DefaultFurniture(), c.furniture...)
	}
	var sections, lines []string
	for _, f := range c.furniture {
		if f.Section {
			sections = append(sections, f.Pattern)
		} else {
			lines = append(lines, f.Pattern)
		}
	}
	var err error
	if c.section, err = compileCues(sections); err != nil {
		return nil, err
	}
	if c.line, err = compileCues(lines); err != nil {
		return nil, err
	}
	return c, nil
}

var defaultCleaner = sync.OnceValue(func() *Cleaner {
	c, err := NewCleaner()
	if err != nil { // the defaults are constants, checked by the tests
		panic(err)
	}
	return c
})

// Clean returns a with its body cleaned by a Cleaner with the default
// furniture cues. See Cleaner.Clean.
func Clean(a Article) Article { return defaultCleaner().Clean(a) }

// Clean returns a with page furniture removed from its body:
//
//   - lines matching a furniture cue, and the headline lists after section
//     headers such as "Related stories";
//   - a line that repeats the line before it (teasers repeat headlines);
//   - a standfirst repeated as the first paragraph (the two first paragraphs
//     equal once quotes, spacing and captions are ignored): one is kept;
//   - photo captions such as "(pictured)" inside a paragraph;
//   - a run of short headline-like lines (capitalised, no closing full
//     stop) after the story's last real paragraph: other stories' headlines.
//
// Paragraphs that end like sentences are kept however short, so one-line
// quotations survive. The body's paragraphs are separated by blank lines.
func (c *Cleaner) Clean(a Article) Article {
	var kept []string
	section := false
	prev := ""
	for line := range strings.Lines(a.Body) {
		line = normalisedPiece(line)
		if line == "" {
			continue
		}
		repeat := line == prev
		prev = line
		key := matchKey(line)
		switch {
		case repeat:
			continue
		case !endsSentence(line) && c.section.match(key, maxSectionCue):
			section = true
			continue
		case c.line.match(key, maxLineCue):
			continue
		case section && (headlineLike(line) || isTeaser(line)):
			continue
		}
		section = false
		if line = removeCaptions(line); line != "" {
			kept = append(kept, line)
		}
	}
	kept = dropStandfirst(kept)
	kept = dropTrailingHeadlines(kept)
	a.Title = removeCaptions(a.Title)
	// A page copied from the top can open with furniture (a cookie
	// banner), which Read then took for the headline.
	if c.line.match(matchKey(a.Title), maxLineCue) && len(kept) > 0 {
		a.Title = strings.Clone(kept[0]) // not a piece of the old body
		if !isLeadParagraph(a.Title) {
			kept = kept[1:]
		}
	}
	a.Body = strings.Join(kept, "\n\n")
	return a
}

// Cues are tried only on lines up to these lengths (in bytes): headers are
// short, and a prompt or a cookie notice is a sentence or two, so a long
// paragraph is never taken for furniture whatever it starts with.
const (
	maxSectionCue = 120
	maxLineCue    = 400
)

// closers may follow a sentence's final punctuation.
const closers = prose.Closers

// matchKey is the form of a line furniture patterns are matched against.
func matchKey(s string) string {
	return strings.TrimRight(foldKeyRunes(s), ":.!? ")
}

// keyFold returns the ASCII for the typographic quotes, dashes and
// ellipsis matchKey folds.
func keyFold(r rune) (string, bool) {
	switch r {
	case '‘', '’', '‚', '‛', '′':
		return "'", true
	case '“', '”', '„', '‟', '«', '»':
		return `"`, true
	case '–', '—':
		return "-", true
	case '…':
		return "...", true
	}
	return "", false
}

// foldKeyRunes replaces the runes keyFold folds, copying s only when it
// has one (a strings.Replacer copied every line).
func foldKeyRunes(s string) string {
	var b []byte
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if f, ok := keyFold(r); ok {
			b = append(append(b, s[done:i]...), f...)
			done = i + n
		}
		i += n
	}
	if b == nil {
		return s
	}
	return string(append(b, s[done:]...))
}

// endsSentence reports a line ending with sentence punctuation (an
// ellipsis does not count: teasers end with one).
func endsSentence(s string) bool {
	s = strings.TrimRight(s, closers)
	if strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?;,", r)
}

// headlineLike reports a line that reads as a headline rather than prose:
// at most 20 words, starting with a capital or a digit, not ending like a
// sentence.
func headlineLike(s string) bool {
	n := len(strings.Fields(s))
	if n == 0 || n > 20 || endsSentence(s) {
		return false
	}
	i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if i < 0 {
		return true // punctuation only: a divider
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isTeaser reports the truncated summary of another story: a line of up to
// 40 words ending with an ellipsis.
func isTeaser(s string) bool {
	s = strings.TrimRight(s, closers)
	return (strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…")) && len(strings.Fields(s)) <= 40
}

// captions are parenthesised pointers at a picture, which make no sense
// without it: "(pictured)", "(left)", "(pictured right)".
var captions = regexp.MustCompile(`(?i)\s*\((?:(?:pictured|picture|photo|photographed|main picture|main photo)(?: (?:left|right|above|below|top|bottom|centre|center|inset|here))?|(?:far |second |top |bottom |centre )?(?:left|right)|above|below|inset|centre|center)\)`)

func removeCaptions(s string) string {
	// Most lines have no parenthesis, and the regexp cannot match
	// without one: it would still scan the line for where its leading
	// spaces start.
	if strings.IndexByte(s, '(') < 0 {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(captions.ReplaceAllString(s, ""))
}

// compareKey reduces a line to its lower-case words, so that copies that
// differ in quotes, dashes, spacing or captions compare equal.
func compareKey(s string) string {
	s = removeCaptions(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	word := func(r rune) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	for i := 0; i < len(s); {
		// ASCII, most of the text, without the unicode tables.
		if c := s[i]; c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				word(rune(c))
			case 'A' <= c && c <= 'Z':
				word(rune(c + 'a' - 'A'))
			case c != '\'':
				space = true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			word(r)
		} else if r != '’' {
			space = true
		}
		i += n
	}
	return b.String()
}

// dropStandfirst removes a standfirst repeated as the first paragraph,
// keeping the fuller copy (the second, the story's own, when they are
// equally long).
func dropStandfirst(paras []string) []string {
	if len(paras) < 2 || !nearEqual(paras[0], paras[1]) {
		return paras
	}
	if len(compareKey(paras[0])) > len(compareKey(paras[1])) {
		return append(paras[:1:1], paras[2:]...)
	}
	return paras[1:]
}

// nearEqual reports two paragraphs that are copies of each other: equal
// words, one a truncation of the other, or sharing nine words in ten.
func nearEqual(a, b string) bool {
	ka, kb := compareKey(a), compareKey(b)
	if ka == kb {
		return ka != ""
	}
	wa, wb := strings.Fields(ka), strings.Fields(kb)
	if min(len(wa), len(wb)) < 8 {
		return false
	}
	if strings.HasPrefix(ka, kb) || strings.HasPrefix(kb, ka) {
		return true
	}
	count := map[string]int{}
	for _, w := range wa {
		count[w]++
	}
	common := 0
	for _, w := range wb {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return common*20 >= (len(wa)+len(wb))*9
}

// dropTrailingHeadlines removes the headline-like lines after the last real
// paragraph: the other stories a page lists below this one. A body with no
// real paragraph is left alone, having nothing to tell furniture from.
func dropTrailingHeadlines(paras []string) []string {
	for i := len(paras) - 1; i >= 0; i-- {
		if !headlineLike(paras[i]) && !isTeaser(paras[i]) {
			return paras[:i+1]
		}
	}
	return paras
}
