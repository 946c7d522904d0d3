package extract

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/schema"
	"golang.org/x/text/unicode/norm"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// A Lexicon holds the general knowledge the rule-based extractor reads text
// with: titles, given names, role words, reporting verbs, organisation words,
// well-known bodies, topics, stance cues and reform cues. The defaults are embedded from
// extract/lexicon/*.txt (each file documents its format); a user extends them
// with WithLexiconFile. A Lexicon is read-only once built, so one can serve
// many goroutines.
type Lexicon struct {
	titles      map[string]string // "mr" → "male"; "dr" → ""
	given       map[string]string // "paul" → "male"; "jo" → "" when both
	common      map[string]bool   // common lower-case words
	roleHeads   map[string]bool
	roleMods    map[string]bool
	verbs       map[string]bool // every reporting-verb form
	orgHeads    map[string]bool // lower-cased
	orgPrefix   map[string]bool
	orgClass    map[string]bool
	orgTail     map[string]bool
	orgSector   map[string]bool // lower-cased: "health", "transport"
	orgDocument map[string]bool // lower-cased: "act", "charter"
	nations     map[string]bool // lower-cased adjectives of nations and regions: "welsh", "scottish"
	generic     map[string]bool
	bodies      map[string][]string            // "dh" → ["Department of Health", "DoH", ...]; key is lower-cased acronym
	bodyNames   map[string]string              // lower-cased full name or alias → canonical full name
	bodyCaps    map[string]bool                // bodies whose key is written in capitals: "impact"
	bodyLoose   map[string]string              // looseKey of a full name or alias → canonical full name
	bodyFirst   map[string]bool                // lower-cased first words of bodies' names: a cheap test first
	places      map[string]bool                // lower-cased place names: "ontario", "new zealand"
	placeFirst  map[string]bool                // lower-cased first words of places' names
	topics      []string                       // topic names, one a "topics" line
	topicsAt    [256][]topicRef                // the topics' cues by their first byte
	supportAt   [256][]string                  // support cues of a holder's words, by their first byte
	opposeAt    [256][]string                  // opposition cues, likewise
	stanceAt    map[string][]stanceRef         // stance verbs and nouns, by their first word
	reformCues  []reformCue                    // lexicon/reforms.txt
	reformAt    map[string][]cueRef            // each written form of reformCues, by its first word
	units       map[string]bool                // nouns for units a reform counts: "stations", "campuses"
	reformNouns map[schema.ReformKind][]string // the reform nouns of five letters or more, by kind

	entries hash.Hash // every entry added, with its section: Fingerprint's digest
}

// A topicRef is one cue of l.topics[topic]: lower case, after a space, so
// that it matches at a word's start.
type topicRef struct {
	topic int
	cue   string
}

// lexiconFiles lists the sections of a lexicon, in the order they are read.
var lexiconFiles = []string{"titles", "given_female", "given_male", "common_words", "roles", "verbs", "orgs", "bodies", "places", "topics", "stance", "reforms"}

// DefaultLexicon returns the embedded lexicon.
func DefaultLexicon() (*Lexicon, error) {
	l := newLexicon()
	for _, name := range lexiconFiles {
		f, err := lexiconFS.Open("lexicon/" + name + ".txt")
		if err != nil {
			return nil, fmt.Errorf("lexicon %s: %w", name, err)
		}
		err = l.read(name, f, 1)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("lexicon %s: %w", name, err)
		}
	}
	return l, nil
}

func newLexicon() *Lexicon {
	return &Lexicon{
		titles: map[string]string{}, given: map[string]string{}, common: map[string]bool{},
		roleHeads: map[string]bool{}, roleMods: map[string]bool{}, verbs: map[string]bool{},
		orgHeads: map[string]bool{}, orgPrefix: map[string]bool{}, orgClass: map[string]bool{}, orgTail: map[string]bool{}, orgSector: map[string]bool{}, orgDocument: map[string]bool{}, nations: map[string]bool{},
		generic: map[string]bool{}, bodies: map[string][]string{}, bodyNames: map[string]string{}, bodyCaps: map[string]bool{}, bodyLoose: map[string]string{}, bodyFirst: map[string]bool{}, places: map[string]bool{}, placeFirst: map[string]bool{},
		entries: sha256.New(),
	}
}

// Fingerprint is a digest of the lexicon's entries, in the order they were
// read: lexicons with the same entries have the same fingerprint, whatever
// their comments and blank lines.
func (l *Lexicon) Fingerprint() string {
	return hex.EncodeToString(l.entries.Sum(nil))[:16]
}

// ReadFile adds the entries of a user lexicon file to l. The file is split
// into sections by lines "[name]", where name is one of the embedded files'
// names (titles, given_female, given_male, common_words, roles, verbs, orgs,
// bodies, places, topics, stance, reforms); each section's lines have that file's format.
func (l *Lexicon) ReadFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	if err := l.readSections(f); err != nil {
		return fmt.Errorf("lexicon %s: %w", path, err)
	}
	return nil
}

func (l *Lexicon) readSections(r io.Reader) error {
	sc := bufio.NewScanner(r)
	section, first := "", 1 // first: the file's line number of buf's first line
	var buf strings.Builder
	flush := func() error {
		if section == "" {
			// Comments may head the file.
			for _, l := range strings.Split(buf.String(), "\n") {
				if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
					return fmt.Errorf("entries before the first [section] line")
				}
			}
			buf.Reset()
			return nil
		}
		err := l.read(section, strings.NewReader(buf.String()), first)
		buf.Reset()
		return err
	}
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			if err := flush(); err != nil {
				return err
			}
			section, first = strings.TrimSpace(t[1:len(t)-1]), line+1
			if !knownSection(section) {
				return fmt.Errorf("line %d: unknown section %q", line, section)
			}
			continue
		}
		buf.WriteString(sc.Text())
		buf.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return flush()
}

func knownSection(s string) bool {
	for _, n := range lexiconFiles {
		if n == s {
			return true
		}
	}
	return false
}

// read adds a section's entries from r, whose first line is line first of
// its file.
func (l *Lexicon) read(section string, r io.Reader, first int) error {
	sc := bufio.NewScanner(r)
	n := first - 1
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := l.add(section, line); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

func (l *Lexicon) add(section, line string) error {
	fmt.Fprintf(l.entries, "%s\t%s\n", section, line)
	switch section {
	case "titles":
		f := strings.Split(line, "\t")
		g := ""
		if len(f) > 1 {
			g = strings.TrimSpace(f[1])
		}
		l.titles[strings.ToLower(strings.TrimSpace(f[0]))] = g
	case "given_female", "given_male":
		g := strings.TrimPrefix(section, "given_")
		k := strings.ToLower(line)
		if old, ok := l.given[k]; ok && old != g {
			g = ""
		}
		l.given[k] = g
	case "common_words":
		l.common[strings.ToLower(line)] = true
	case "roles":
		kind, word, ok := strings.Cut(line, " ")
		if !ok {
			return fmt.Errorf("want \"head WORD\" or \"mod WORD\": %q", line)
		}
		word = strings.ToLower(strings.TrimSpace(word))
		switch kind {
		case "head":
			l.roleHeads[word] = true
		case "mod":
			l.roleMods[word] = true
		default:
			return fmt.Errorf("unknown role kind %q", kind)
		}
	case "verbs":
		for _, w := range strings.Fields(line) {
			l.verbs[strings.ToLower(w)] = true
		}
	case "orgs":
		kind, word, ok := strings.Cut(line, " ")
		if !ok {
			return fmt.Errorf("want \"KIND WORDS\": %q", line)
		}
		word = strings.TrimSpace(word)
		switch kind {
		case "head":
			l.orgHeads[strings.ToLower(word)] = true
		case "prefix":
			l.orgPrefix[word] = true
		case "class":
			l.orgClass[strings.ToLower(word)] = true
		case "tail":
			l.orgTail[strings.ToLower(word)] = true
		case "sector":
			l.orgSector[strings.ToLower(word)] = true
		case "document":
			l.orgDocument[strings.ToLower(word)] = true
		case "generic":
			l.generic[strings.ToLower(word)] = true
		case "nation":
			l.nations[strings.ToLower(word)] = true
		default:
			return fmt.Errorf("unknown organisation word kind %q", kind)
		}
	case "bodies":
		parts := strings.Split(line, "|")
		if len(parts) < 2 {
			return fmt.Errorf("want \"ACRONYM | Full name\": %q", line)
		}
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		key := strings.ToLower(parts[0])
		l.bodies[key] = parts[1:]
		if strings.ToUpper(parts[0]) == parts[0] && strings.ToLower(parts[0]) != parts[0] {
			l.bodyCaps[key] = true // "GMB", "SIPTU": the name only as written in capitals
		}
		for _, p := range parts {
			if _, ok := l.bodyNames[strings.ToLower(p)]; !ok {
				l.bodyNames[strings.ToLower(p)] = parts[1]
			}
			if f := strings.Fields(strings.ToLower(p)); len(f) > 0 {
				l.bodyFirst[f[0]] = true
			}
			if _, ok := l.bodyLoose[looseKey(p)]; !ok && strings.Contains(p, " ") {
				l.bodyLoose[looseKey(p)] = parts[1]
			}
		}
	case "places":
		f := strings.Fields(strings.ToLower(line))
		l.places[strings.Join(f, " ")] = true
		l.placeFirst[f[0]] = true
	case "topics":
		name, cues, ok := strings.Cut(line, ":")
		if !ok {
			return fmt.Errorf("want \"topic: cue, cue\": %q", line)
		}
		for _, c := range strings.Split(cues, ",") {
			if c = strings.ToLower(strings.TrimSpace(c)); c != "" {
				l.topicsAt[c[0]] = append(l.topicsAt[c[0]], topicRef{len(l.topics), " " + c})
			}
		}
		l.topics = append(l.topics, strings.TrimSpace(name))
	case "stance":
		kind, cues, ok := strings.Cut(line, ":")
		if !ok {
			return fmt.Errorf("want \"supports: cue, ...\": %q", line)
		}
		var list []string
		for _, c := range strings.Split(cues, ",") {
			if c = strings.ToLower(strings.TrimSpace(c)); c != "" {
				list = append(list, c)
			}
		}
		switch kind = strings.TrimSpace(kind); kind {
		case "supports":
			for _, c := range list {
				l.supportAt[c[0]] = append(l.supportAt[c[0]], c)
			}
		case "opposes":
			for _, c := range list {
				l.opposeAt[c[0]] = append(l.opposeAt[c[0]], c)
			}
		case "supports verb", "opposes verb", "announces verb", "evaluates verb", "supports noun", "opposes noun":
			return l.addStanceWords(kind, cues)
		default:
			return fmt.Errorf("unknown stance %q", kind)
		}
	case "reforms":
		return l.addReformCue(line)
	default:
		return fmt.Errorf("unknown section %q", section)
	}
	return nil
}

// bodyName returns the canonical name of the well-known body a name names,
// or "": case, spacing and, in names of two or more words, a final plural do
// not matter ("Public Service Associations").
func (l *Lexicon) bodyName(name string) string {
	name = strings.TrimSpace(name)
	first := name
	if sp := strings.IndexByte(name, ' '); sp >= 0 {
		first = name[:sp]
	}
	if !l.bodyFirst[strings.ToLower(first)] {
		return "" // no body's name begins with this word: the cheap test first
	}
	lower := strings.ToLower(name)
	if full, ok := l.bodyNames[lower]; ok {
		return full
	}
	sp := strings.LastIndexByte(lower, ' ')
	if sp < 0 || sp == len(lower)-1 {
		return "" // "National" is not "Nationals"
	}
	return l.bodyLoose[looseKey(name)]
}

// isGiven reports whether a lower-cased word is a given name; a name
// written with accents the list spells without is one ("renée" is
// "renee").
func (l *Lexicon) isGiven(w string) bool {
	_, ok := l.given[w]
	if !ok && !isASCII(w) {
		_, ok = l.given[foldAccents(w)]
	}
	return ok
}

// givenGender returns the gender of a given name ("male", "female"), or ""
// when it has none or is no given name; accents are folded as in isGiven.
func (l *Lexicon) givenGender(w string) string {
	g, ok := l.given[w]
	if !ok && !isASCII(w) {
		g = l.given[foldAccents(w)]
	}
	return g
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldAccents drops the accents of a word's letters: "renée" → "renee",
// "zoë" → "zoe".
func foldAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Topics lists the topic names the lexicon knows, sorted.
func (l *Lexicon) Topics() []string {
	out := slices.Clone(l.topics)
	sort.Strings(out)
	return out
}
