package extract

import (
	"context"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/schema"
)

// doc is the working state of one article's analysis.
type doc struct {
	a            Article
	lex          *Lexicon
	paras        []*paragraph
	sents        []*sentence
	ents         []*entity
	byKey        map[string]*entity
	mentions     []*mention // resolved mentions, in text order once sorted
	singles      []*mention // one capitalised word: surnames, mostly
	acronyms     []*mention
	unknown      []*mention
	prefixRoles  []prefixRole
	sorted       bool               // the mentions are filed by sentence; see sortMentions
	prevVerb     prevVerb           // see reformVerb
	shifted      int                // see findReforms: where a phrasal verb's shifted particle starts
	reformSaid   []reformMention    // every cue that reported a reform, in text order
	acr          map[string]*entity // acronym key → entity, from the article's own definitions
	defined      map[string]bool    // acronym keys the article defines in brackets; see definedAcronym
	surnames     map[string]bool    // lower-cased surnames of the article's people so far
	tails        map[string]*entity // lower-cased last words of people's names; see knownTail
	acronymsSeen map[string]bool    // acronym keys written anywhere in the article; see hasAcronym
	aliasIndex   map[string]bool    // lower-cased aliases of d.ents; see knownName
	aliasCount   int                // len(d.ents) when aliasIndex was built
	quotes       []*quotation
	statements   []*statement
	reforms      []*reform
	reformOf     map[reformKey]*reform         // see addReform
	lastReform   map[schema.ReformKind]*reform // the last of each kind
	inReforms    map[*entity]bool              // the targets and gainers of reforms
	stances      []stance
	roles        []roleFact
	facts        []schema.Fact
}

func newDoc(a Article, lex *Lexicon) *doc {
	// Offsets are byte offsets into valid UTF-8 from here on.
	a.Title = strings.ToValidUTF8(a.Title, "\uFFFD")
	a.Body = strings.ToValidUTF8(a.Body, "\uFFFD")
	d := &doc{a: a, lex: lex, byKey: map[string]*entity{}, acr: map[string]*entity{},
		reformOf: map[reformKey]*reform{}, lastReform: map[schema.ReformKind]*reform{}, inReforms: map[*entity]bool{}}
	texts := []string{}
	if strings.TrimSpace(a.Title) != "" {
		texts = append(texts, strings.TrimSpace(a.Title))
	}
	for _, t := range splitParagraphs(a.Body) {
		if !isByline(t) {
			texts = append(texts, t)
		}
	}
	n := 1
	for i, t := range texts {
		p := &paragraph{index: i, text: t, head: i == 0 && strings.TrimSpace(a.Title) != ""}
		p.quotes = findQuotes(t)
		p.toks = tokenize(t, p.quotes)
		n = splitSentences(p, n)
		d.paras = append(d.paras, p)
		d.sents = append(d.sents, p.sents...)
	}
	return d
}

// isByline reports whether a paragraph credits a writer or photographer
// rather than telling the story: "By Jane Roe, Political Editor",
// "Photograph: John Doe/PA", "Additional reporting by …".
func isByline(p string) bool {
	lp := strings.ToLower(p)
	for _, pre := range []string{"by ", "photograph:", "photo:", "picture:", "image:", "illustration:", "words by", "reporting by", "additional reporting", "written by", "edited by", "pictured:", "credit:"} {
		if strings.HasPrefix(lp, pre) && len(strings.Fields(p)) <= 12 && !strings.ContainsAny(strings.TrimSuffix(p, "."), ".!?\u201c\u201d\"") {
			return true
		}
	}
	// "Jane Roe, Health Correspondent" alone on a line.
	if name, role, ok := strings.Cut(p, ","); ok && len(strings.Fields(p)) <= 7 && !strings.ContainsAny(p, ".!?\u201c\u201d\"") {
		lr := strings.ToLower(role)
		for _, w := range []string{"correspondent", "editor", "reporter", "writer", "journalist", "columnist"} {
			if strings.Contains(lr, w) && len(strings.Fields(name)) <= 3 {
				return true
			}
		}
	}
	return false
}

// analyse runs every step of extraction over the article, and reports
// false when ctx ended first: each step is linear in the article, and ctx
// is looked at between them, so a long article stops soon after its
// deadline.
func (d *doc) analyse(ctx context.Context) bool {
	steps := []func(){
		func() {
			// A title-case headline capitalises verbs and nouns alike
			// ("Water Agency Launched"), so its capitalised runs are read
			// after the body, as the names the body gives.
			for _, s := range d.sents {
				if s.titleCase = d.isTitleCase(s); !s.titleCase {
					d.findNames(s)
				}
			}
			for _, s := range d.sents {
				if s.titleCase {
					d.findNames(s)
				}
			}
		},
		d.mergeMiddleNames,
		func() {
			for _, s := range d.sents {
				d.findClassNames(s)
				d.findLowerDepartments(s)
				d.findLowerCommittees(s)
			}
		},
		d.mergeClasses, d.mergeCalled, d.mergeShortNames, d.mergeVariants,
		d.resolveAcronyms, d.resolveFirstWords, d.resolveSingles, d.sortMentions,
		func() {
			for _, s := range d.sents {
				d.findRoles(s)
			}
		},
		d.findQuotations, d.findStatements, d.findStatements,
		func() {
			for _, s := range d.sents {
				d.findReforms(s)
			}
		},
		d.findStances,
	}
	for _, step := range steps {
		if ctx.Err() != nil {
			return false
		}
		step()
	}
	return ctx.Err() == nil
}

// classStop are words that end the modifiers of a class of bodies going
// leftwards: determiners, quantifiers, verbs and adjectives of change.
var classStop = map[string]bool{
	"the": true, "a": true, "an": true, "all": true, "some": true, "of": true, "to": true, "for": true,
	"in": true, "on": true, "by": true, "with": true, "from": true, "or": true, "their": true, "its": true,
	"our": true, "his": true, "her": true, "these": true, "those": true, "this": true, "that": true,
	"new": true, "existing": true, "controversial": true, "troubled": true, "embattled": true, "beleaguered": true, "ailing": true, "defunct": true, "now-defunct": true, "outgoing": true, "ousted": true, "scandal-hit": true, "so-called": true, "separate": true, "individual": true, "current": true, "fewer": true, "larger": true,
	"smaller": true, "more": true, "most": true, "other": true, "another": true, "single": true, "such": true, "many": true,
	"several": true, "each": true, "every": true, "both": true, "same": true, "own": true, "between": true,
	"merge": true, "merged": true, "merging": true, "abolish": true, "abolished": true, "scrap": true,
	"scrapped": true, "create": true, "created": true, "replace": true, "replaced": true, "form": true,
	"formed": true, "join": true, "set": true, "establish": true, "established": true, "lead": true,
	"run": true, "fund": true, "support": true, "help": true, "allow": true, "make": true, "want": true,
	"wants": true, "include": true, "includes": true, "see": true, "cover": true, "become": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "will": true, "would": true,
	"could": true, "should": true, "may": true, "can": true, "has": true, "have": true, "had": true,
	"not": true, "no": true, "two": true, "three": true, "four": true, "five": true, "ten": true,
	"proposed": true, "planned": true, "future": true, "former": true, "remaining": true, "say": true,
	"said": true, "as": true, "at": true, "into": true, "across": true, "than": true, "where": true,
	"how": true, "why": true, "when": true, "what": true, "who": true, "which": true, "whose": true,
	"if": true, "but": true, "so": true, "because": true, "while": true, "although": true,
	"through": true, "about": true, "over": true, "under": true, "within": true, "among": true, "around": true,
	"against": true, "without": true, "towards": true, "upon": true, "via": true, "after": true, "before": true,
	"smart": true, "mutual": true, "big": true, "small": true, "large": true, "good": true, "bad": true,
	"strong": true, "weak": true, "major": true, "key": true, "main": true, "few": true, "different": true,
	"similar": true, "poor": true, "rich": true, "best": true, "worst": true, "better": true, "worse": true,
	"whole": true, "entire": true, "any": true, "only": true, "just": true, "even": true, "also": true,
	"still": true, "very": true, "successful": true, "failing": true, "struggling": true, "powerful": true,
	"they": true, "we": true, "you": true, "it": true, "there": true, "here": true, "up": true, "out": true,
	"local-": true, "integration": true, "work": true, "working": true, "come": true, "go": true,
}

// classFollow are words that may follow the head of a class of bodies.
var classFollow = map[string]bool{
	"that": true, "which": true, "who": true, "will": true, "would": true, "could": true, "should": true,
	"may": true, "might": true, "can": true, "are": true, "were": true, "is": true, "was": true, "have": true,
	"has": true, "had": true, "to": true, "in": true, "on": true, "of": true, "for": true, "from": true,
	"with": true, "by": true, "and": true, "or": true, "but": true, "as": true, "at": true, "into": true,
	"across": true, "under": true, "within": true, "between": true, "being": true, "been": true,
	"also": true, "still": true, "now": true, "must": true, "do": true, "did": true, "does": true,
	"than": true, "so": true, "if": true, "when": true, "while": true, "after": true, "before": true,
	"until": true, "by-": true, "themselves": true, "alone": true, "together": true,
}

// findClassNames finds lower-case names of classes of bodies: "primary care
// trusts", "GP consortia", "practice-based commissioning (PBC) consortia".
func (d *doc) findClassNames(s *sentence) {
	t := s.para.toks
	for k := s.from; k < s.to; k++ {
		weak := weakClass[t[k].lower]
		if !t[k].word || !d.lex.orgClass[t[k].lower] && !weak || (t[k].cap && k != s.from) {
			continue
		}
		if k+1 < s.to && t[k+1].word && !t[k+1].cap && !classFollow[t[k+1].lower] && !d.lex.verbs[t[k+1].lower] && !strings.HasSuffix(t[k+1].lower, "ed") {
			continue // "board members": the class word modifies another noun
		}
		var mods []string
		acr := ""
		first := k
		for m := k - 1; m >= s.from && len(mods) < 4; m-- {
			tk := t[m]
			if tk.text == ")" && m-2 >= s.from && t[m-1].acronym && t[m-2].text == "(" {
				acr = t[m-1].text
				m -= 2
				continue
			}
			if !tk.word || classStop[tk.lower] || tk.poss || hasDigit(tk.text) || numberWords[tk.lower] || d.lex.verbs[tk.lower] || d.lex.verbs[strings.TrimSuffix(tk.lower, "s")] || verbLike[tk.lower] {
				break
			}
			if tk.cap && !tk.acronym && m != s.from {
				break
			}
			if tk.cap && !tk.acronym && d.lex.givenGender(tk.lower) != "" {
				break
			}
			if tk.lower == "and" {
				// Only inside a name: "health and well-being boards", not
				// "PCTs and local authorities" or "public health and local
				// authorities", where what follows "and" is a kind of body
				// by itself.
				if len(mods) == 0 || m-1 < s.from || !t[m-1].word || classStop[t[m-1].lower] || t[m-1].acronym || strings.HasSuffix(t[m-1].lower, "s") {
					break
				}
				if after := strings.Join(mods, " ") + " " + t[k].lower; d.lex.generic[after] || d.lex.bodyName(after) != "" {
					break
				}
			}
			w := tk.lower
			if tk.acronym {
				w = strings.TrimSuffix(tk.text, "s")
			}
			mods = append([]string{w}, mods...)
			first = m
		}
		for len(mods) > 0 && mods[0] == "and" {
			mods = mods[1:]
			first++
		}
		if p := first - 1; len(mods) > 0 && p >= s.from && (t[p].lower == "this" || t[p].lower == "that") {
			continue // "this bloated quango": a body named before, not a kind of body
		}
		head := singular(t[k].lower)
		switch {
		case len(mods) == 0 && !weak && k+2 < s.to && t[k+1].lower == "of" && (t[k+2].acronym || t[k+2].word && !t[k+2].cap && !classStop[t[k+2].lower]) && !memberNouns[t[k+2].lower]:
			// "consortia of GP practices" → "GP consortium".
			mod := t[k+2].lower
			if t[k+2].acronym {
				mod = strings.TrimSuffix(t[k+2].text, "s")
			}
			name := mod + " " + head
			e := d.org(name, true)
			e.addAlias(s.para.text[t[k].start:t[k+2].end])
			if k+3 < s.to && t[k+3].word && !t[k+3].cap {
				e.addAlias(s.para.text[t[k].start:t[k+3].end])
			}
			d.addMention(&mention{sent: s, from: k, to: k + 3, kind: mFull, ent: e})
		case len(mods) > 0 && weak && d.lex.bodyNames[strings.Join(mods, " ")+" "+head] == "":
			// "patient groups": a weak class word names a body only when the
			// lexicon knows the whole name ("clinical commissioning groups").
		case len(mods) > 0 && mediumClass[t[k].lower] && genericMods[mods[0]] && !d.hasAcronym(strings.Join(mods, " ")+" "+head):
			// "voluntary organisations", "private companies", "energy companies":
			// kinds of organisation, not of public body, unless the article
			// gives them an acronym.
		case len(mods) > 0:
			name := strings.Join(mods, " ") + " " + head
			e := d.org(name, true)
			written := s.para.text[t[first].start:t[k].end]
			if acr != "" {
				written = strings.Join(mods, " ") + " " + t[k].lower
				e.addAlias(acr)
				e.addAlias(acr + " " + t[k].lower)
				e.addAlias(strings.Join(mods, " "))
				d.acr[acronymKey(acr)] = e
			}
			e.addAlias(strings.ToLower(written[:1]) + written[1:])
			d.addMention(&mention{sent: s, from: first, to: k + 1, kind: mFull, ent: e})
		}
	}
}

// memberNouns are the people a body is made of: "a board of directors" is
// no kind of board, as "consortia of GP practices" is a kind of consortium.
var memberNouns = map[string]bool{"directors": true, "governors": true, "trustees": true, "members": true,
	"management": true, "commissioners": true, "advisers": true, "advisors": true, "experts": true,
	"officials": true, "executives": true, "ministers": true, "inquiry": true, "enquiry": true,
	"representatives": true, "delegates": true, "officers": true, "judges": true, "peers": true,
	"mps": true, "councillors": true, "volunteers": true, "staff": true, "employees": true, "workers": true}

// chambers are legislatures whose committees are written in lower case
// after them: "the Commons fisheries select committee".
var chambers = map[string]bool{"commons": true, "lords": true, "senate": true, "house": true,
	"assembly": true, "parliament": true, "dáil": true, "dail": true, "seanad": true, "congress": true}

// findLowerCommittees finds a chamber's committees written in lower case:
// "the Commons fisheries select committee", "a Senate banking committee".
func (d *doc) findLowerCommittees(s *sentence) {
	t := s.para.toks
	for k := s.from; k+2 < s.to; k++ {
		if !t[k].cap || !chambers[t[k].lower] || t[k].poss {
			continue
		}
		end := k + 1
		for end < s.to && end-k <= 4 && t[end].word && !t[end].cap && !classStop[t[end].lower] && t[end].lower != "committee" && !d.lex.verbs[t[end].lower] {
			end++
		}
		if end == k+1 || end >= s.to || t[end].lower != "committee" {
			continue
		}
		name := s.para.text[t[k].start:t[end].end]
		e := d.org(name, false)
		d.addMention(&mention{sent: s, from: k, to: end + 1, kind: mFull, ent: e})
		k = end
	}
}

// findLowerDepartments finds government departments written in lower case
// after "the": "the department of human settlements", "the departments of
// water and sanitation". The name keeps the writer's case; a department
// the lexicon knows takes its own name.
func (d *doc) findLowerDepartments(s *sentence) {
	t := s.para.toks
	for k := s.from + 1; k+2 < s.to; k++ {
		w := t[k].lower
		if t[k].cap || t[k-1].lower != "the" || w != "department" && w != "departments" && w != "ministry" && w != "ministries" || t[k+1].lower != "of" && t[k+1].lower != "for" {
			continue
		}
		end := k + 2
		for end < s.to && end-(k+2) < 5 && t[end].word && !t[end].cap && !classStop[t[end].lower] && !d.lex.verbs[t[end].lower] && !verbLike[t[end].lower] {
			if t[end].lower == "and" && (end+1 >= s.to || !t[end+1].word || t[end+1].cap || classStop[t[end+1].lower]) {
				break
			}
			if classFollow[t[end].lower] && t[end].lower != "and" {
				break
			}
			end++
		}
		// "… and liaison briefed staff": a verb in the past ends the name.
		for end > k+2 && (t[end-1].lower == "and" || strings.HasSuffix(t[end-1].lower, "ed") && !d.lex.orgClass[t[end-1].lower]) {
			end--
		}
		if end == k+2 {
			continue
		}
		if (w == "departments" || w == "ministries") && end < s.to && t[end].text == "," {
			// "the ministries of environment, transport and housing": one
			// body for each field of the list.
			if last := d.lowerList(s, k, end); last > 0 {
				k = last - 1
				continue
			}
		}
		e := d.lowerDepartment(singular(w), t[k+1].lower, s.para.text[t[k+2].start:t[end-1].end])
		e.addAlias(s.para.text[t[k].start:t[end-1].end])
		d.addMention(&mention{sent: s, from: k, to: end, kind: mFull, ent: e})
		k = end - 1
	}
}

// lowerDepartment returns the body a department or ministry written in
// lower case names: the one the article names in capitals with of or for,
// with or without "the" ("the ministry of environment" is its "Ministry
// for the Environment"), or else a body of that name.
func (d *doc) lowerDepartment(head, prep, field string) *entity {
	for _, p := range [...]string{prep, "of", "for"} {
		for _, the := range [...]string{"", "the "} {
			if e := d.byKey["o:"+looseKey(head+" "+p+" "+the+field)]; e != nil && e.kind == schema.Organization && !e.class && !isLower(e.name) {
				e.addAlias(head + " " + prep + " " + field)
				return e
			}
		}
	}
	return d.org(head+" "+prep+" "+field, false)
}

// lowerList reads the list of fields after a plural department's or
// ministry's head at token k, whose first field ends at token at (a comma):
// "the ministries of environment, transport, housing and urban development
// (HUD)" names a ministry of environment, one of transport and one of
// housing and urban development (the last two are one when the acronym in
// brackets after them is their initials, two otherwise). It adds a body
// for each field and returns the end of the list, or 0 when the words after
// the comma are no list of fields.
func (d *doc) lowerList(s *sentence, k, at int) int {
	t := s.para.toks
	field := func(e int) bool {
		tk := t[e]
		return tk.word && !tk.cap && !tk.poss && !classStop[tk.lower] && !classFollow[tk.lower] && !d.lex.verbs[tk.lower] && !verbLike[tk.lower]
	}
	type span struct{ from, to int }
	items := []span{{k + 2, at}}
	e := at
	last := false
	for !last && e < s.to && (t[e].text == "," || t[e].lower == "and") {
		if t[e].text == "," && e+1 < s.to && t[e+1].lower == "and" {
			e++ // ", and": a serial comma
		}
		last = t[e].lower == "and"
		from := e + 1
		e = from
		for e < s.to && e-from < 3 && field(e) {
			e++
		}
		if e == from {
			return 0
		}
		items = append(items, span{from, e})
	}
	if !last || len(items) < 3 {
		return 0 // "the departments of water, …" with no "and": no list of fields
	}
	// "housing and urban development (HUD)": the last two are one field.
	if e+2 < s.to && t[e].text == "(" && t[e+1].acronym && t[e+2].text == ")" {
		a, b := items[len(items)-2], items[len(items)-1]
		if b.from == a.to+1 && initials(s.para.text[t[a.from].start:t[b.to-1].end]) == acronymKey(t[e+1].text) {
			items = append(items[:len(items)-2], span{a.from, b.to})
		}
	}
	for n, it := range items {
		e := d.lowerDepartment(singular(t[k].lower), t[k+1].lower, s.para.text[t[it.from].start:t[it.to-1].end])
		from := it.from
		if n == 0 {
			from = k
		}
		d.addMention(&mention{sent: s, from: from, to: it.to, kind: mFull, ent: e})
	}
	return items[len(items)-1].to
}

var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "dozen": true,
	"dozens": true, "hundred": true, "hundreds": true, "thousand": true, "thousands": true, "several": true}

// verbLike are common verbs that stand before the name of a class of bodies.
var verbLike = map[string]bool{"represents": true, "represent": true, "runs": true, "oversees": true, "oversee": true,
	"controls": true, "funds": true, "replaces": true, "creates": true, "merges": true, "abolishes": true,
	"scraps": true, "axes": true, "cuts": true, "joins": true, "becomes": true, "leads": true, "manages": true,
	"governs": true, "regulates": true, "inspects": true, "employs": true, "serves": true, "covers": true}

func hasDigit(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}

// mediumClass are nouns that end the names of kinds of public body
// ("primary health organisations", "community rehabilitation companies")
// and of many kinds of private one; see findClassNames. ("Centres" are
// mostly places: "training centres".)
var mediumClass = map[string]bool{"organisations": true, "organisation": true, "organizations": true,
	"organization": true, "companies": true, "company": true}

// genericMods begin names of kinds of organisation in general.
var genericMods = map[string]bool{"voluntary": true, "private": true, "charitable": true, "commercial": true,
	"independent": true, "non-profit": true, "not-for-profit": true, "third-sector": true, "partner": true,
	"member": true, "international": true, "global": true, "foreign": true, "big": true, "small": true,
	"large": true, "major": true, "leading": true, "umbrella": true, "grassroots": true,
	"city": true, "town": true,
	"research": true, "media": true, "tech": true, "technology": true, "energy": true, "insurance": true,
	"pharmaceutical": true, "drug": true, "oil": true, "mining": true, "construction": true, "security": true,
	"news": true, "sector": true, "consultancy": true, "accountancy": true, "law": true}

// hasAcronym reports whether the article writes the initials of a class's
// name as an acronym: "CRC" for "community rehabilitation company".
func (d *doc) hasAcronym(name string) bool {
	if d.acronymsSeen == nil {
		d.acronymsSeen = map[string]bool{}
		for _, p := range d.paras {
			for _, tk := range p.toks {
				if tk.acronym {
					d.acronymsSeen[acronymKey(tk.text)] = true
				}
			}
		}
	}
	return d.acronymsSeen[initials(name)]
}

// weakClass are nouns that end the names of some kinds of body but of many
// other things too; see findClassNames.
var weakClass = map[string]bool{"group": true, "groups": true, "unit": true, "units": true, "network": true,
	"networks": true, "team": true, "teams": true, "service": true, "services": true, "partnership": true,
	"partnerships": true, "system": true, "systems": true}

// mergeClasses folds a class written with more words into the one written
// with fewer when the fewer are acronyms it shares: "GP commissioning
// consortia" is "GP consortia".
func (d *doc) mergeClasses() {
	var classes []*entity
	for _, e := range d.ents {
		if e.class && e.kind == schema.Organization {
			classes = append(classes, e)
		}
	}
	sort.SliceStable(classes, func(i, j int) bool {
		return len(strings.Fields(classes[i].name)) < len(strings.Fields(classes[j].name))
	})
	into := map[*entity]*entity{}
	for i, short := range classes {
		sw := strings.Fields(short.name)
		if len(sw) < 2 || !allCapsWords(sw[:len(sw)-1]) {
			continue
		}
		for _, long := range classes[i+1:] {
			lw := strings.Fields(long.name)
			if into[long] != nil || lw[len(lw)-1] != sw[len(sw)-1] || len(lw) <= len(sw) || !subset(sw, lw) {
				continue
			}
			into[long] = short
			short.addAlias(long.name)
			for a := range long.aliases {
				short.addAlias(a)
			}
		}
	}
	d.fold(into)
}

// fold makes every mention of an entity in into's keys a mention of the
// entity it maps to, and drops the folded entities.
func (d *doc) fold(into map[*entity]*entity) {
	if len(into) == 0 {
		return
	}
	for _, m := range d.mentions {
		if to := into[m.ent]; to != nil {
			m.ent = to
			to.sents[m.sent.n] = true
		}
	}
	for k, e := range d.byKey {
		if to := into[e]; to != nil {
			d.byKey[k] = to
		}
	}
	kept := d.ents[:0]
	for _, e := range d.ents {
		if into[e] == nil {
			kept = append(kept, e)
		}
	}
	d.ents = kept
}

// mergeShortNames folds a body named without its prefix into the full name
// the article also gives: "Trust Development Authority" is "NHS Trust
// Development Authority".
func (d *doc) mergeShortNames() {
	into := map[*entity]*entity{}
	// Each body by the endings of its name after a space, so that a short
	// name finds its long ones in one look.
	endings := map[string][]*entity{}
	for _, long := range d.ents {
		if long.kind == schema.Organization && !long.class {
			for i := 0; i < len(long.name); i++ {
				// Not after a connector: "Indian Railways" is not the
				// "Committee on Indian Railways".
				if long.name[i] == ' ' && !connectors[strings.ToLower(lastWord(long.name[:i]))] {
					endings[long.name[i+1:]] = append(endings[long.name[i+1:]], long)
				}
			}
		}
	}
	for _, short := range d.ents {
		if short.kind != schema.Organization || short.class || len(strings.Fields(short.name)) < 2 {
			continue
		}
		for _, long := range endings[short.name] {
			if long != short && into[long] == nil {
				into[short] = long
				long.addAlias(short.name)
				break
			}
		}
	}
	d.fold(into)
}

// mergeVariants folds other ways of writing a body's name into the name
// the article gives in full: "Education Department" is "Department of
// Education", "NHS TQA" is "NHS Trust Quality Authority", and "the
// harbour agency", written in the singular, is the one "UK Harbour Agency"
// the article names.
func (d *doc) mergeVariants() {
	// What to look for, found without allocating: most articles need none.
	short, pairs, ofNames := false, false, false
	for _, e := range d.ents {
		if e.kind != schema.Organization {
			continue
		}
		switch {
		case e.class:
			pairs = pairs || strings.Count(e.name, " ") == 1
		case strings.Contains(e.name, " of ") || strings.Contains(e.name, " for "):
			ofNames = true
		case d.acronymName(e.name):
			short = true // "NHS TQA": acronyms only
		}
	}
	if !short && !pairs && !ofNames {
		return
	}
	named := map[string]*entity{}  // lower-cased name → body
	byInit := map[string]*entity{} // initials → body, when only one has them
	ends := map[string][]*entity{} // lower-cased last two words → bodies
	for _, e := range d.ents {
		if e.kind != schema.Organization || e.class {
			continue
		}
		if ofNames {
			named[strings.ToLower(e.name)] = e
		}
		if !short && !pairs {
			continue
		}
		f := strings.Fields(e.name)
		if len(f) > 1 && short && !allCapsWords(f) {
			in := initials(e.name)
			if _, dup := byInit[in]; dup {
				byInit[in] = nil
			} else {
				byInit[in] = e
			}
		}
		if len(f) >= 3 && pairs {
			k := strings.ToLower(f[len(f)-2] + " " + f[len(f)-1])
			ends[k] = append(ends[k], e)
		}
	}
	into := map[*entity]*entity{}
	for _, e := range d.ents {
		if e.kind != schema.Organization {
			continue
		}
		sp := strings.LastIndexByte(e.name, ' ')
		var to *entity
		switch {
		case e.class:
			// Only when the name adds no more than a place or an acronym:
			// "UK Harbour Agency", not "Rivers Funding Agency".
			if pairs && strings.Count(e.name, " ") == 1 && d.writtenSingular(e) {
				if c := ends[strings.ToLower(e.name)]; len(c) == 1 && d.onlyPlaceOrAcronym(c[0].name, 2) {
					to = c[0]
				}
			}
		case sp < 0:
		case short && d.acronymName(e.name):
			to = byInit[strings.Join(strings.Fields(e.name), "")]
		case ofNames && d.lex.orgHeads[strings.ToLower(e.name[sp+1:])]:
			head, rest := strings.ToLower(e.name[sp+1:]), strings.ToLower(strings.TrimSpace(e.name[:sp]))
			if to = named[head+" of "+rest]; to == nil {
				to = named[head+" for "+rest]
			}
		}
		if to != nil && to != e && into[to] == nil {
			into[e] = to
			to.addAlias(e.name)
			for a := range e.aliases {
				to.addAlias(a)
			}
		}
	}
	d.fold(into)
}

// mergeCalled folds a description into the name it is given: "a new
// regulatory agency called Water Standards Scotland", "a tertiary
// education authority, to be known as Kura" describe one body, not a class
// of bodies.
func (d *doc) mergeCalled() {
	type at struct {
		s    *sentence
		from int
	}
	named := map[at]*entity{}
	for _, m := range d.mentions {
		if m.ent != nil && m.ent.kind == schema.Organization && !m.ent.class {
			named[at{m.sent, m.from}] = m.ent
		}
	}
	into := map[*entity]*entity{}
	for _, m := range d.mentions {
		if m.ent == nil || !m.ent.class || into[m.ent] != nil {
			continue
		}
		t := m.sent.para.toks
		k := m.to
		if k < m.sent.to && t[k].text == "," {
			k++
		}
		if k+1 < m.sent.to && t[k].lower == "to" && t[k+1].lower == "be" {
			k += 2
		}
		switch {
		case k < m.sent.to && (t[k].lower == "called" || t[k].lower == "named" || t[k].lower == "dubbed"):
			k++
		case k+1 < m.sent.to && t[k].lower == "known" && t[k+1].lower == "as":
			k += 2
		default:
			continue
		}
		e := named[at{m.sent, k}]
		end := k
		for end < m.sent.to && end-k < 3 && t[end].word && t[end].cap && (end == k || t[end].start-t[end-1].end <= 1) {
			end++
		}
		if e == nil && end > k && end-k <= 2 && (end >= m.sent.to || !t[end].cap) && !d.givenFirst(t[k:end]) {
			// "… to be known as Kura", "… to be called Dúchas Nua": a name
			// of one or two words no rule reads alone.
			written := m.sent.para.text[t[k].start:t[end-1].end]
			name := written
			if end-k == 1 && t[k].acronym && d.lex.bodies[t[k].lower] != nil {
				name = d.lex.bodies[t[k].lower][0]
			}
			e = d.org(normaliseOrgName(name), false)
			e.addAlias(normaliseOrgName(written))
			d.addMention(&mention{sent: m.sent, from: k, to: end, kind: mFull, ent: e})
		}
		if e != nil {
			into[m.ent] = e
			e.addAlias(m.ent.name)
			for a := range m.ent.aliases {
				e.addAlias(a)
			}
		}
	}
	d.fold(into)
}

// onlyPlaceOrAcronym reports whether the words of name before its last n
// are acronyms or a place.
func (d *doc) onlyPlaceOrAcronym(name string, n int) bool {
	f := strings.Fields(name)
	rest := f[:len(f)-n]
	if d.lex.places[strings.ToLower(strings.Join(rest, " "))] {
		return true
	}
	for _, w := range rest {
		if !isAllCaps(w) && !scopeWords[strings.ToLower(w)] {
			return false
		}
	}
	return len(rest) > 0
}

// scopeWords say how far a body reaches, not which it is: "National
// Apprenticeship Board" is the one "apprenticeship board" of its story.
var scopeWords = map[string]bool{"national": true, "federal": true, "state": true, "provincial": true,
	"regional": true, "central": true, "new": true}

// acronymName reports whether a name of two or more words is written in
// acronyms only ("NHS TQA", "UK PCTs"); it allocates only when it may be.
func (d *doc) acronymName(name string) bool {
	if strings.IndexByte(name, ' ') < 0 {
		return false
	}
	for _, r := range name {
		if unicode.IsLower(r) && r != 's' {
			return false
		}
	}
	return allCapsWords(strings.Fields(name))
}

// writtenSingular reports whether every way the article wrote a class of
// bodies ends in its singular head: "the harbour agency", not "agencies".
func (d *doc) writtenSingular(e *entity) bool {
	head := e.name[strings.LastIndexByte(e.name, ' ')+1:]
	for a := range e.aliases {
		if !strings.HasSuffix(strings.ToLower(a), head) {
			return false
		}
	}
	return true
}

func allCapsWords(ws []string) bool {
	for _, w := range ws {
		if !isAllCaps(w) && !(len(w) >= 2 && strings.ToUpper(w) == w) {
			return false
		}
	}
	return len(ws) > 0
}

func subset(a, b []string) bool {
	in := map[string]bool{}
	for _, w := range b {
		in[w] = true
	}
	for _, w := range a {
		if !in[w] {
			return false
		}
	}
	return true
}

// resolveAcronyms links each acronym to its body: one the article defines
// ("Improvement and Development Agency (IDeA)"), one whose initials it is,
// or a well-known body from the lexicon.
func (d *doc) resolveAcronyms() {
	// Definitions written as "Name (ACR)" after a proper name.
	for _, m := range d.mentions {
		if m.ent == nil || m.ent.kind != schema.Organization {
			continue
		}
		t := m.sent.para.toks
		if m.to+2 < len(t) && t[m.to].text == "(" && t[m.to+1].acronym && t[m.to+2].text == ")" {
			m.ent.addAlias(t[m.to+1].text)
			d.acr[acronymKey(t[m.to+1].text)] = m.ent
		}
	}
	if len(d.acronyms) == 0 {
		return
	}
	// The initials of the bodies named so far, first named first.
	byInit := map[string]*entity{}
	for _, c := range d.ents {
		if c.kind == schema.Organization && strings.Contains(c.name, " ") {
			if _, ok := byInit[initials(c.name)]; !ok {
				byInit[initials(c.name)] = c
			}
		}
	}
	kindOf := map[string]*entity{} // a kind's lower-case name → the one body of that kind named
	for _, m := range d.acronyms {
		t := m.sent.para.toks[m.from]
		key := acronymKey(t.text)
		e := d.acr[key]
		if e == nil {
			e = byInit[key]
		}
		if e == nil {
			b, ok := d.lex.bodies[strings.ToLower(t.text)]
			if !ok {
				b, ok = d.lex.bodies[strings.ToLower(strings.TrimSuffix(t.text, "s"))]
			}
			if ok && isLower(b[0]) && !strings.HasSuffix(t.text, "s") {
				// "the CCG's budget" after "NHS Ashvale Clinical
				// Commissioning Group": the one body of that kind named.
				if named, seen := kindOf[b[0]]; seen {
					e = named
				} else {
					e = d.namedOfKind(b[0])
					kindOf[b[0]] = e
				}
			}
			if e == nil && ok {
				e = d.org(b[0], isLower(b[0]))
			}
		}
		if e == nil {
			continue
		}
		e.addAlias(t.text)
		d.acr[key] = e
		m.ent = e
		d.addMention(m)
	}
}

// honorifics are titles that only ever stand before a person's name, so
// that a common word after one is a surname: "President Reed", "Mr Baker".
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true,
	"sir": true, "dame": true, "lord": true, "lady": true, "baroness": true, "president": true,
	"senator": true, "sen": true, "rep": true, "gov": true, "governor": true, "premier": true,
	"mayor": true, "professor": true, "prof": true, "cllr": true, "councillor": true, "fr": true, "msgr": true}

// namedOfKind returns the one body the article names whose name ends with
// a kind's name ("… Clinical Commissioning Group" for "clinical
// commissioning group"), or nil when none or several do.
func (d *doc) namedOfKind(kind string) *entity {
	var found *entity
	for _, c := range d.ents {
		if c.kind != schema.Organization || c.class || !strings.HasSuffix(strings.ToLower(c.name), " "+kind) {
			continue
		}
		if found != nil {
			return nil
		}
		found = c
	}
	return found
}

// resolveSingles links one-word capitalised mentions to the article's
// people by surname ("Burstow", "Mr Cozens"), choosing the person mentioned
// most recently before, or else first after, and matching a title's gender.
func (d *doc) resolveSingles() {
	people := newPeopleIndex()
	for _, m := range d.singles {
		t := m.sent.para.toks[m.from]
		word := t.text
		var best *entity
		bestDist := 1 << 30
		knighted := strings.EqualFold(m.title, "sir") || strings.EqualFold(m.title, "dame")
		for _, e := range people.named(d.ents, word, knighted) {
			if !strings.EqualFold(e.surname, word) && !(knighted && strings.EqualFold(firstWord(e.name), word)) {
				continue
			}
			if g := d.lex.titles[strings.ToLower(m.title)]; g != "" && e.gender != "" && g != e.gender {
				continue
			}
			if dist := people.distance(e, m.sent.n); dist < bestDist {
				best, bestDist = e, dist
			}
		}
		if best == nil && m.title == "" && m.from > m.sent.from {
			// "Kent's Healthwatch" is the "Healthwatch Kent" the article names.
			if p := m.sent.para.toks[m.from-1]; p.poss && !p.plural && d.lex.places[p.lower] {
				if e := d.byKey["o:"+looseKey(word+" "+p.text)]; e != nil {
					e.addAlias(p.text + "'s " + word)
					m.ent = e
					d.addMention(m)
					continue
				}
			}
		}
		if best == nil && m.title == "" {
			// A body the lexicon knows by one word: "Labour".
			next := ""
			if m.to < m.sent.to {
				next = m.sent.para.toks[m.to].lower
			}
			spoken := next == "," || next == "said" || next == "says" || d.lex.verbs[next] || next == "chief" || next == "chair" || next == "and" || t.poss
			if b, ok := d.lex.bodies[t.lower]; ok && (!d.lex.bodyCaps[t.lower] || slices.Contains(b, word)) && (!d.lex.common[t.lower] || t.cap && m.from != m.sent.from || t.cap && spoken) {
				e := d.org(b[0], false)
				e.addAlias(word)
				m.ent = e
				d.addMention(m)
				continue
			}
			// A body the article names by this one word elsewhere: "the
			// Vipers" after "Ex-Vipers chief".
			if e := d.byKey["o:"+looseKey(word)]; e != nil && e.kind == schema.Organization && !e.class && !e.generic && t.cap && m.from != m.sent.from {
				m.ent = e
				d.addMention(m)
				continue
			}
		}
		if best == nil {
			// A titled surname with no full name in the article is still a person.
			if m.title != "" && !d.lex.roleHeads[singular(t.lower)] && !d.lex.roleHeads[t.lower] && (!d.lex.common[t.lower] || honorifics[strings.ToLower(m.title)] && t.cap && !d.lex.roleMods[t.lower] && !nameStop[t.lower]) {
				best = d.person(m.title + " " + word)
				best.surname = word
				best.gender = d.lex.titles[strings.ToLower(m.title)]
			} else {
				continue
			}
		}
		if m.title != "" {
			best.addAlias(m.title + " " + word)
		}
		best.addAlias(word)
		m.ent = best
		d.addMention(m)
		people.mentioned(best, m.sent.n)
	}
}
