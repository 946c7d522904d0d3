package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// nameStop are capitalised words that never begin or make up a name.
var nameStop = map[string]bool{
	"i": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "exclusive": true, "update": true, "analysis": true,
	"comment": true, "opinion": true, "editorial": true, "interview": true, "breaking": true,
	"photograph": true, "picture": true, "photo": true, "image": true, "video": true, "watch": true,
	"read": true, "listen": true, "related": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// furniture are the words of nameStop that label a page's parts
// ("Related:", "Watch:"), not dates: inside a name they are its words.
var furniture = map[string]bool{"exclusive": true, "update": true, "analysis": true, "comment": true,
	"opinion": true, "editorial": true, "interview": true, "breaking": true, "photograph": true,
	"picture": true, "photo": true, "image": true, "video": true, "watch": true, "read": true,
	"listen": true, "related": true}

// connectors may join two capitalised runs into one organisation name.
var connectors = map[string]bool{"of": true, "for": true, "and": true, "&": true, "the": true, "with": true, "on": true, "in": true, "against": true, "upon": true}

// ofHeads begin a body's name before "of" though they head no name alone:
// "Port of Kelmouth", "Friends of the Earth".
var ofHeads = map[string]bool{"port": true, "friends": true}

// fieldHeads are head words that also name a body's field after "and"
// inside its name: "Department of Health and Social Services".
var fieldHeads = map[string]bool{"services": true, "service": true}

// compass words begin place names ("North East Somerset"), not people's.
var compass = map[string]bool{"north": true, "south": true, "east": true, "west": true, "central": true, "greater": true, "upper": true, "lower": true, "new": true, "port": true, "saint": true, "st": true, "mount": true, "lake": true, "fort": true}

// placeWords end the names of places, not people: "Victoria Park".
var placeWords = map[string]bool{"park": true, "street": true, "road": true, "square": true, "station": true,
	"hall": true, "house": true, "bridge": true, "lane": true, "avenue": true, "gardens": true, "green": true,
	"hill": true, "way": true, "place": true, "estate": true, "airport": true, "harbour": true, "island": true,
	"islands": true, "valley": true, "county": true, "city": true, "town": true, "village": true, "district": true,
	"ward": true, "borough": true, "shire": true, "river": true, "lake": true, "coast": true, "bay": true,
	"europe": true, "britain": true, "england": true, "scotland": true, "wales": true, "ireland": true,
	"america": true, "africa": true, "asia": true, "australia": true, "canada": true, "india": true}

// siteWords end the names of buildings and streets: "Harbour Buildings",
// "Council Street".
var siteWords = map[string]bool{"buildings": true, "building": true, "tower": true, "towers": true,
	"street": true, "road": true, "square": true, "avenue": true, "lane": true, "gardens": true}

// legislatures are chambers a party's members sit in: "Green Senate
// leader", "Labour Assembly members".
var legislatures = map[string]bool{"senate": true, "house": true, "assembly": true, "parliament": true,
	"caucus": true, "congress": true, "lords": true, "commons": true}

// workWords end the names of programmes, events and prizes, which may
// begin with a person's name: "The Rowan Pike Show", "Nell Adair Lecture".
var workWords = map[string]bool{"show": true, "podcast": true, "programme": true, "program": true,
	"festival": true, "awards": true, "award": true, "prize": true, "cup": true, "trophy": true,
	"lecture": true, "memorial": true, "stadium": true, "arena": true, "hour": true, "tour": true}

// personStop are capitalised words that do not belong in a person's name.
var personStop = map[string]bool{"the": true, "a": true, "an": true, "mp": true, "msp": true, "mep": true, "qc": true, "kc": true}

// findNames finds the capitalised names of a sentence and classifies them.
func (d *doc) findNames(s *sentence) {
	t := s.para.toks
	i := s.from
	for i < s.to {
		if !d.nameToken(s, i) {
			i++
			continue
		}
		j := i
		for j < s.to && d.nameToken(s, j) && !(j > i && d.possBreak(t[i:j], t[j])) && (j == i || t[j].start-t[j-1].end <= 1) {
			j++
		}
		// "Overseas, Trade and Development Office": words listed before a
		// head word name one body.
		if a := d.skipSentenceWords(s, i, j); j+1 < s.to && t[j].text == "," && t[j-1].quote == t[i].quote && j-a <= 2 && !t[j-1].poss && d.listWords(t[a:j]) && !d.hasHead(t[a:j]) {
			if k := d.listEnd(s, j, true); k > 0 {
				j = k
			}
		}
		// "Pieter van Wyk", "Ana de la Cruz": a given name, lower-case
		// particles, and the rest of the surname.
		if j-i <= 2 && j+1 < s.to && particles[t[j].lower] && !t[j].cap && d.givenFirst(t[i:j]) && !d.hasHead(t[i:j]) {
			k := j
			for k < s.to && k-j < 2 && particles[t[k].lower] && !t[k].cap {
				k++
			}
			if k < s.to && t[k].word && t[k].cap && !t[k].acronym && d.nameToken(s, k) {
				j = k + 1
				if j < s.to && t[j].word && t[j].cap && d.nameToken(s, j) && !d.lex.orgHeads[t[j].lower] {
					j++ // "Maria de Souza Lima"
				}
			}
		}
		// Join runs through connectors when the whole is an organisation's name.
		inner := false // the name already holds "of"/"for": "Department of Labor and Industry"
		for j+1 < s.to && connectors[t[j].lower] && !t[j-1].poss && t[j].quote == t[i].quote {
			// "the" only after "of"/"for", and only after a head word:
			// "Council of the EU", "Department for the Economy", "Port of
			// the North".
			b := j + 1
			if c := t[j].lower; (c == "of" || c == "for") && t[b].lower == "the" && b+1 < s.to {
				if !(d.hasHead(t[i:j]) || d.lex.orgHeads[t[j-1].lower] || ofHeads[t[j-1].lower]) {
					break
				}
				b++
			}
			if c := t[j].lower; (c == "and" || c == "&") && inner && t[b].lower == "the" {
				// "Department of Communications and the Arts": the last of
				// the body's fields, not another body ("… and the Treasury").
				if e := d.lastFields(s, b+1); e > 0 {
					j = e
				}
				break
			}
			if !d.nameToken(s, b) || t[j].lower == "the" {
				break
			}
			// "Department of Rivers, Forests and Coastal Affairs", "Committee
			// on Fisheries, Ports and Rural Affairs": a list of the body's fields.
			if c := t[j].lower; b == j+1 && (c == "of" || c == "for" || c == "on") && (d.hasHead(t[i:j]) || j-i == 1 && d.lex.orgHeads[t[i].lower]) && !d.roleEnds(t[i:j]) {
				if k := d.listEnd(s, j+1, false); k > 0 {
					j = k
					inner = true
					continue
				}
			}
			k := b
			for k < s.to && d.nameToken(s, k) && !(k > b && t[k-1].poss && !t[k-1].plural) {
				k++ // "Ministry of Overseas Workers' Affairs": a plural possessive is inside the name
			}
			conn := t[j].lower
			a := i
			for a < j-1 && sentenceWords[t[a].lower] && !t[a].acronym {
				a++ // "The NHS Track and Alert": the name begins after "The"
			}
			if b > j+1 || ofHeads[t[j-1].lower] && j-a == 1 && conn == "of" {
				// Checked above: "Council of the EU", "Port of Kelmouth".
			} else if !d.joinable(t[a:j], conn, t[j+1:k]) && !d.knownRun(s, i, k) && !(inner && (conn == "and" || conn == "&") && (!d.hasHead(t[j+1:k]) || fieldHeads[t[k-1].lower]) && !d.lex.orgPrefix[t[j+1].text] && k-(j+1) <= 3 && !d.looksPerson(t[j+1:k]) && !anyAcronym(t[j+1:k]) && !d.knownRun(s, j+1, k) && d.lex.bodies[t[j+1].lower] == nil) {
				break
			}
			if conn == "of" || conn == "for" {
				inner = true
			}
			j = k
		}
		j = d.lowerHead(s, i, j)
		if d.portfolioTail(s, i) {
			// "Secretary of State for Housing, Communities and Local
			// Government": the rest of a minister's portfolio, no body.
			i = j
			continue
		}
		if s.titleCase {
			d.classifyTitleRun(s, i, j)
		} else {
			d.classifyRun(s, i, j)
		}
		i = j
	}
}

// possBreak reports whether a capitalised run ends at its possessive last
// word, before next: "the Mayor's Office" and "the National Tenant
// Advocate's Office" are one name, "Aurelio Vance's Office of Civic Renewal" and
// "Vance's Office" are a person and a body.
func (d *doc) possBreak(run []token, next token) bool {
	last := run[len(run)-1]
	if !last.poss || last.plural {
		return false
	}
	if !d.lex.orgHeads[next.lower] {
		return true
	}
	for p := 0; p+1 < len(run); p++ {
		if d.looksPerson(run[p:]) {
			return true // "Aurelio Vance's Office"
		}
	}
	// Two or more words that are neither common words, places nor acronyms
	// are most likely a person: "Billionaire Ezio Marrow's Office".
	if n := len(run); n >= 2 && d.uncommonName(run[n-2]) && d.uncommonName(run[n-1]) {
		return true
	}
	return len(run) == 1 && d.knownSurname(last.text)
}

func (d *doc) uncommonName(tk token) bool {
	return tk.word && tk.cap && !tk.acronym && !d.lex.common[tk.lower] && !d.lex.places[tk.lower] && !d.lex.orgHeads[tk.lower] && !d.lex.orgPrefix[tk.text]
}

// knownSurname reports whether a person the article has named has this surname.
func (d *doc) knownSurname(w string) bool {
	return d.surnames[strings.ToLower(w)]
}

// headAhead reports whether the capitalised words right after token i
// (a title's word) hold an organisation's head word, and no given name
// comes first: "General Medical Council", not "General Ada Marsh".
func (d *doc) headAhead(s *sentence, i int) bool {
	t := s.para.toks
	for k := i + 1; k < s.to && k <= i+5 && t[k].word && t[k].cap; k++ {
		if d.lex.orgHeads[t[k].lower] {
			return true
		}
		if given := d.lex.isGiven(t[k].lower); given && !d.lex.common[t[k].lower] {
			return false
		}
		if _, title := d.lex.titles[t[k].lower]; title && k > i+1 {
			return false
		}
	}
	return false
}

// titleInName reports whether a title's word inside a run of a body's
// name is part of it, "Association of Youth Justice Managers": a word of
// the run comes before it and no given name after it ("Home Secretary Ada
// Marsh" keeps its title).
func (d *doc) titleInName(s *sentence, i int) bool {
	t := s.para.toks
	if i-2 >= s.from && i+1 < s.to && (t[i-1].lower == "of" || t[i-1].lower == "for") && d.lex.orgHeads[t[i-2].lower] && t[i-2].cap && t[i+1].word && t[i+1].cap && !d.lex.isGiven(t[i+1].lower) {
		return true // "Department of General Administration"
	}
	if i-1 <= s.from || i+1 >= s.to || !t[i-1].word || !t[i-1].cap || t[i-1].poss || t[i].start-t[i-1].end > 1 {
		return false
	}
	if given := d.lex.isGiven(t[i+1].lower); given || !t[i+1].word || t[i+1].acronym {
		return false
	}
	// Only in a name joined through "of" or "for" before it.
	for k := i - 1; k > s.from && k >= i-4; k-- {
		if t[k].lower == "of" || t[k].lower == "for" {
			return true
		}
		if !t[k].cap {
			return false
		}
	}
	return false
}

// startBody reports whether a common word that begins a sentence is a body
// the lexicon knows by that word, as what follows shows: "Labour and the
// Greens …", "Labour's spokesman", "Labour said".
func (d *doc) startBody(s *sentence, i int) bool {
	t := s.para.toks
	tk := t[i]
	if d.lex.bodies[tk.lower] == nil || d.lex.bodyCaps[tk.lower] || tk.acronym {
		return false
	}
	if tk.poss || i+1 < s.to && (d.lex.verbs[t[i+1].lower] || d.apposedBody(s, i+1)) {
		return true // "Labour said", "Labour, the main opposition party, …"
	}
	// "Labour and the Greens", not "Mind you,".
	return i+2 < s.to && t[i+1].lower == "and" && (t[i+2].cap || t[i+2].lower == "the" && i+3 < s.to && t[i+3].cap)
}

// monthSurnames are months that are also surnames: "Rosalind May", "Mrs June".
var monthSurnames = map[string]bool{"may": true, "june": true, "april": true, "august": true}

// monthSurname reports whether token i, a month's name, is a surname: it
// follows a given name ("Rosalind May") or a title ("Mrs June") directly.
func (d *doc) monthSurname(s *sentence, i int) bool {
	t := s.para.toks
	if !monthSurnames[t[i].lower] || t[i].acronym || i == s.from {
		return false
	}
	p := t[i-1]
	if !p.word || !p.cap || p.poss || t[i].start-p.end > 1 {
		return false
	}
	if _, title := d.lex.titles[p.lower]; title && p.lower != "president" && p.lower != "general" {
		return true
	}
	given := d.lex.isGiven(p.lower)
	return given && !d.lex.common[p.lower] && !nameStop[p.lower]
}

// nameToken reports whether token i can be part of a name.
func (d *doc) nameToken(s *sentence, i int) bool {
	tk := s.para.toks[i]
	if !tk.word || !tk.cap {
		return false
	}
	if tk.acronym && strings.HasSuffix(tk.text, "s") && i > s.from && !connectors[s.para.toks[i-1].lower] && (d.lex.roleHeads[strings.ToLower(strings.TrimSuffix(tk.text, "s"))] || roleAbbrev[strings.ToLower(strings.TrimSuffix(tk.text, "s"))]) {
		return false // "Green Party MPs", "LHIN CEOs": members, not part of a name (but "College of GPs")
	}
	if nameStop[tk.lower] && !d.monthSurname(s, i) && !(furniture[tk.lower] && i > s.from && s.para.toks[i-1].word && s.para.toks[i-1].cap && tk.start-s.para.toks[i-1].end <= 1) {
		return false // "Related", "Video" before a name; inside one they are its words ("… and Other Related Offences Commission")
	}
	if _, ok := d.lex.titles[tk.lower]; ok && !tk.acronym {
		// Titles are read by classifyRun from the token before the name,
		// unless the title's word is part of a body's name: "General
		// Regulatory Tribunal", "Tullagh General Hospital".
		if (i+1 < s.to && s.para.toks[i+1].cap || i+2 < s.to && s.para.toks[i+1].text == ".") && !d.headAhead(s, i) && !d.titleInName(s, i) {
			return false
		}
	}
	if i == s.from || i > 0 && (isQuoteMarkStr(s.para.toks[i-1].text) && s.para.toks[i-1].quote < 0 || s.para.toks[i-1].text == ":") {
		// A capitalised common word at the start of a sentence is not a name,
		// unless it is a known given name, acronym or organisation word, or
		// the surname of a person named before who speaks ("Baker says").
		if d.lex.common[tk.lower] && !tk.acronym && d.lex.givenGender(tk.lower) == "" && !d.lex.orgHeads[tk.lower] && !d.lex.orgPrefix[tk.text] && !(i+1 < s.to && (d.lex.verbs[s.para.toks[i+1].lower] || s.para.toks[i+1].text == ",") && d.knownSurname(tk.text)) {
			if isGiven := d.lex.isGiven(tk.lower); !isGiven {
				// "Health Protection Agency to be abolished": kept when a
				// capitalised word follows; classifyRun drops it again unless
				// the run names a body.
				next := i + 1
				if next+1 < s.to && s.para.toks[next].lower == "against" && s.para.toks[next+1].cap {
					return true // "Action against Medical Errors"
				}
				if next+1 < s.to && s.para.toks[next].lower == "for" && d.lex.orgSector[tk.lower] && s.para.toks[next+1].cap {
					return true // "Transport for Tayside"
				}
				if d.startBody(s, i) {
					return true // "Labour and the Greens …", "Labour's spokesman"
				}
				return next < s.to && s.para.toks[next].word && s.para.toks[next].cap && !d.lex.verbs[s.para.toks[next].lower] && s.para.toks[next].start-tk.end <= 1
			}
		}
	}
	return true
}

// listWord reports whether a capitalised word may be one of the fields a
// body's name lists ("Culture", "Fisheries", "Commonwealth"): not a person's
// given name, a place, a known body, an acronym or an organisation's head.
func (d *doc) listWord(tk token) bool {
	if !tk.word || !tk.cap || tk.acronym || tk.poss || nameStop[tk.lower] || d.lex.orgHeads[tk.lower] || d.lex.places[tk.lower] {
		return false
	}
	if d.lex.common[tk.lower] || d.lex.common[singular(tk.lower)] || d.lex.orgSector[tk.lower] {
		return true
	}
	given := d.lex.isGiven(tk.lower)
	return !given && d.lex.bodies[tk.lower] == nil && d.lex.bodyNames[tk.lower] == ""
}

func (d *doc) listWords(toks []token) bool {
	for _, tk := range toks {
		if !d.listWord(tk) {
			return false
		}
	}
	return len(toks) > 0
}

// listEnd reads a list of a body's fields from token at: ", Culture and
// History" (comma first) or "Arts, Culture and History". Items are one or
// two field words; the last follows "and". With head, the last item must end
// in a head word ("…, Trade and Development Office"); without, it must
// not hold one. It returns the end of the list, or 0 when none is there.
func (d *doc) listEnd(s *sentence, at int, head bool) int {
	t := s.para.toks
	if at >= s.to {
		return 0
	}
	k := at
	items := 0
	q := t[at].quote
	// item reads one or two field words from k.
	item := func(k int) int {
		e := k
		for e < s.to && e-k < 2 && d.listWord(t[e]) && t[e].quote == q && (e == k || t[e].start-t[e-1].end <= 1) {
			e++
		}
		return e
	}
	if t[k].text != "," {
		e := item(k)
		if e == k {
			return 0
		}
		k = e
		items++
	}
	for k+1 < s.to && t[k].text == "," {
		if t[k+1].lower == "and" {
			k++ // a serial comma: ", and"
			break
		}
		e := item(k + 1)
		if e == k+1 || e >= s.to || t[e].text != "," && t[e].lower != "and" {
			return 0
		}
		k = e
		items++
	}
	if items < 1 || k+1 >= s.to || t[k].lower != "and" || t[k+1].quote != q {
		return 0
	}
	if !head && t[k+1].lower == "the" {
		// "Department of Agriculture, Water and the Environment".
		return d.lastFields(s, k+2)
	}
	if !t[k+1].cap {
		return 0
	}
	// The last item: field words, then (with head) a run ending in a head word.
	e := k + 1
	for e < s.to && e-(k+1) < 4 && t[e].word && t[e].cap && !t[e].acronym && t[e].quote == q && (e == k+1 || t[e].start-t[e-1].end <= 1 && !t[e-1].poss) {
		e++
	}
	last := t[k+1 : e]
	switch {
	case head:
		for n := len(last); n >= 1; n-- {
			if d.lex.orgHeads[last[n-1].lower] && d.listWords(last[:n-1]) {
				return k + 1 + n
			}
		}
		return 0
	default:
		n := 0
		for n < len(last) && n < 3 && d.listWord(last[n]) {
			n++
		}
		if n == 0 || n < len(last) && d.lex.orgHeads[last[n].lower] {
			return 0 // "…, Health and Safety Executive" is another body
		}
		return k + 1 + n
	}
}

// lastFields returns the end of the one or two field words at token at
// that end a body's name after "and the" ("… and the Arts", "…, Water and
// the Environment"), or 0: common or sector words, no head word, place,
// acronym or body the lexicon knows ("… and the Treasury", "… and the
// Greens" are other bodies), and nothing capitalised after them.
func (d *doc) lastFields(s *sentence, at int) int {
	t := s.para.toks
	e := at
	for e < s.to && e-at < 2 && d.listWord(t[e]) && t[e].quote == t[at].quote && (e == at || t[e].start-t[e-1].end <= 1) {
		tk := t[e]
		if !d.lex.common[tk.lower] && !d.lex.common[singular(tk.lower)] && !d.lex.orgSector[tk.lower] || d.lex.bodies[tk.lower] != nil || d.lex.orgHeads[singular(tk.lower)] {
			return 0
		}
		e++
	}
	if e == at || e < s.to && t[e].word && t[e].cap {
		return 0
	}
	if e+1 < s.to && connectors[t[e].lower] && t[e+1].cap {
		return 0 // "… and the Port of Dunmere": another body's name
	}
	return e
}

func (d *doc) hasHead(toks []token) bool {
	for k, tk := range toks {
		if (d.lex.orgHeads[tk.lower] || d.lex.orgHeads[singular(tk.lower)] && k == len(toks)-1) && (k > 0 || len(toks) > 1) {
			return true // "Regional Water Boards" as well as "Board"
		}
	}
	n := len(toks)
	if n >= 2 && d.acronymHead(toks) {
		return true
	}
	if n >= 2 && d.lex.orgTail[toks[n-1].lower] && !(compass[toks[0].lower] && d.lex.places[toks[n-1].lower]) && (!toks[n-1].poss || governTails[toks[n-1].lower]) && !(d.givenFirst(toks) && d.placeAt(toks, 0) == 0 && !governTails[toks[n-1].lower]) {
		return true // "Dawson Water", "Washington Post", not "Colin England" or "Samantha Power"
	}
	return d.placeBody(toks)
}

// notBodyAcronyms are acronyms written after a name that are not a body's
// kind: honours, degrees and job titles ("Jane Roe OBE", "Tom Hale CEO").
var notBodyAcronyms = map[string]bool{"obe": true, "mbe": true, "cbe": true, "kbe": true, "dbe": true,
	"frs": true, "phd": true, "msc": true, "bsc": true, "ba": true, "ma": true, "jp": true, "dl": true,
	"vc": true, "gc": true, "rn": true, "ceo": true, "cfo": true, "coo": true, "cto": true, "md": true,
	"gp": true, "pm": true, "qc": true, "kc": true, "sc": true, "mp": true, "msp": true, "mla": true,
	"mpp": true, "mep": true, "td": true, "am": true, "ms": true, "mha": true, "mna": true, "mhk": true,
	"ii": true, "iii": true, "iv": true, "jr": true, "sr": true}

// acronymHead reports whether a run ends with an acronym naming a kind of
// body after the words that tell which one: "Cwm Dyffryn LHB", "Greater
// Fenland CCG", "Kelvin and Clyde NHS".
func (d *doc) acronymHead(toks []token) bool {
	n := len(toks)
	last := toks[n-1]
	one := strings.TrimSuffix(last.lower, "s")
	if !last.acronym || last.poss || len(last.text) > 6 || notBodyAcronyms[one] || roleAbbrev[one] || d.lex.places[last.lower] {
		return false
	}
	// Only an acronym of a kind of body, which the article defines after a
	// plural or lower-case name ("local health boards (LHBs)") or the
	// lexicon knows ("CCG": "clinical commissioning group").
	if !d.definedAcronym(last.text) && !d.lexiconKind(last.lower) && !d.lexiconKind(one) {
		return false
	}
	words := false
	for _, tk := range toks[:n-1] {
		words = words || !tk.acronym && tk.word
	}
	return words && n <= 5 // "NHS TQA": acronyms only, read elsewhere
}

// definedAcronym reports whether the article defines an acronym of a kind
// of body in brackets anywhere, after a plural or lower-case word: "local
// health boards (LHBs)" defines "LHB".
func (d *doc) definedAcronym(a string) bool {
	if d.defined == nil {
		d.defined = map[string]bool{}
		for _, p := range d.paras {
			for k := 1; k+1 < len(p.toks); k++ {
				if p.toks[k].acronym && p.toks[k-1].text == "(" && p.toks[k+1].text == ")" && k >= 2 && (!p.toks[k-2].cap || strings.HasSuffix(p.toks[k-2].lower, "s")) {
					d.defined[acronymKey(p.toks[k].text)] = true
				}
			}
		}
	}
	return d.defined[acronymKey(a)]
}

// lexiconKind reports whether the lexicon knows an acronym as a kind of
// body: its full name is written in lower case.
func (d *doc) lexiconKind(a string) bool {
	b := d.lex.bodies[a]
	return b != nil && isLower(b[0])
}

// governTails end a body's name whatever comes before: "Welsh Government"
// ("Welsh" is a given name too).
var governTails = map[string]bool{"government": true, "administration": true}

// givenFirst reports whether a run begins with a given name that is not
// also a common word: "Colin England" is a person, "Sport England" a body.
func (d *doc) givenFirst(toks []token) bool {
	given := d.lex.isGiven(toks[0].lower)
	return given && !d.lex.common[toks[0].lower] && !toks[0].acronym
}

// placeAt returns how many tokens from toks[k] name a place ("New
// Zealand", "Kent"), or 0.
func (d *doc) placeAt(toks []token, k int) int {
	if k >= len(toks) || !d.lex.placeFirst[toks[k].lower] {
		return 0 // no place's name begins with this word
	}
	for n := 3; n >= 1; n-- {
		if k+n > len(toks) {
			continue
		}
		if n == 1 {
			if d.lex.places[toks[k].lower] {
				return 1
			}
			continue
		}
		var b strings.Builder
		for m := k; m < k+n; m++ {
			if m > k {
				b.WriteByte(' ')
			}
			b.WriteString(toks[m].lower)
		}
		if d.lex.places[b.String()] {
			return n
		}
	}
	return 0
}

// placeEnd returns how many tokens at the end of toks name a place, or 0.
func (d *doc) placeEnd(toks []token) int {
	for n := 3; n >= 1; n-- {
		if n <= len(toks) && d.placeAt(toks, len(toks)-n) == n {
			return n
		}
	}
	return 0
}

// sectorFor reports whether a sector word and the name after its "for"
// are a body for a place: "Transport for Tayside", "Health for Kelmouth"
// (a place the lexicon lacks: one word that is neither common nor a given
// name).
func (d *doc) sectorFor(a, b []token) bool {
	if len(a) != 1 || !d.lex.orgSector[a[0].lower] || a[0].poss || len(b) == 0 || b[len(b)-1].poss {
		return false
	}
	return d.placeAt(b, 0) == len(b) || len(b) == 1 && !b[0].acronym && !d.lex.common[b[0].lower] && !d.lex.isGiven(b[0].lower)
}

// regionWords begin the names of a region's bodies before a sector word:
// "Eastern Health", "Central Health", "Northern Screen".
var regionWords = map[string]bool{"eastern": true, "western": true, "northern": true, "southern": true,
	"central": true, "north": true, "south": true, "east": true, "west": true, "mid": true,
	"north-east": true, "north-west": true, "south-east": true, "south-west": true, "northeast": true,
	"northwest": true, "southeast": true, "southwest": true}

// hyphenPlace reports whether a word joins two capitalised names none of
// which is a given name, as places' compounds do: "Lakeshore-Ardgour",
// not "Mary-Jane" or "Smith" alone.
func (d *doc) hyphenPlace(tk token) bool {
	a, b, ok := strings.Cut(tk.text, "-")
	if !ok || a == "" || b == "" || strings.Contains(b, "-") || !tk.cap || a[0] < 'A' || a[0] > 'Z' || b[0] < 'A' || b[0] > 'Z' {
		return false
	}
	return !d.lex.isGiven(strings.ToLower(a)) && !d.lex.isGiven(strings.ToLower(b))
}

// placeMods are words written before a place that say where in it, not
// which body: "Outside London", "Rural Ontario", "Across Scotland".
var placeMods = map[string]bool{"outside": true, "inside": true, "across": true, "throughout": true,
	"around": true, "beyond": true, "near": true, "rural": true, "urban": true, "inner": true, "outer": true,
	"suburban": true, "coastal": true, "downtown": true, "northern": true, "southern": true, "eastern": true,
	"western": true, "mid": true, "metropolitan": true, "regional": true, "post-war": true, "modern": true,
	"ancient": true, "global": true, "independent": true, "devolved": true, "brexit": true, "welcome": true,
	"visiting": true, "says": true, "said": true, "hits": true, "back": true, "home": true}

// placeBody reports whether a run names a body after its place: a known
// body's word, a common word or an acronym before a place ("Healthwatch
// Kernow", "Age Scotland", "Cancer Care Manitoba", "BBC Scotland"), or a
// place and a sector word ("Saskatchewan Health"). A run of unknown words before a place
// may be a person whose given name the lexicon lacks ("Denzel Washington").
func (d *doc) placeBody(toks []token) bool {
	n := len(toks)
	if n < 2 || toks[n-1].poss {
		return false
	}
	if n == 2 && !toks[0].poss && !toks[0].acronym {
		first, last := toks[0], toks[1]
		if d.lex.orgSector[last.lower] && (regionWords[first.lower] || d.lex.nations[first.lower] || d.hyphenPlace(first)) {
			return true // "Eastern Health", "Scottish Screen", "Lakeshore-Ardgour Health"
		}
		if (d.lex.nations[first.lower] || d.lex.places[first.lower]) && !last.acronym && strings.HasSuffix(d.lex.bodyName(last.text), " Party") {
			return true // "Welsh Conservatives", "Scottish Labour": a party's branch
		}
	}
	if n >= 3 && toks[1].lower == "for" && d.sectorFor(toks[:1], toks[2:]) {
		return true // "Transport for Tayside"
	}
	if n >= 3 && toks[1].lower == "of" && governTails[toks[0].lower] && d.placeAt(toks, 2) == n-2 {
		return true // "Government of Kerala"
	}
	if compass[toks[0].lower] {
		return false
	}
	if p := d.placeAt(toks, 0); p > 0 && p == n-1 && d.lex.orgSector[toks[n-1].lower] {
		return true
	}
	if b := d.lex.bodies[toks[0].lower]; b != nil && !d.lex.common[toks[0].lower] && !toks[0].acronym && !toks[0].poss && n <= 3 {
		// A body known by one word, with its branch: "Healthwatch Wirral", "Oxfam Ireland".
		return true
	}
	p := d.placeEnd(toks)
	if p == 0 || p == n || d.placeAt(toks, 0) > 0 || d.givenFirst(toks) {
		return false
	}
	for _, tk := range toks[:n-p] {
		if tk.poss || nameStop[tk.lower] || placeMods[tk.lower] || classStop[tk.lower] {
			return false
		}
	}
	for _, tk := range toks[:n-p] {
		if tk.acronym || d.lex.common[tk.lower] || d.lex.orgSector[tk.lower] || d.lex.bodies[tk.lower] != nil || tk.text[0] >= 'a' && tk.text[0] <= 'z' {
			return true // "eHealth Northland": no person's name starts small
		}
	}
	return false
}

func (d *doc) joinable(a []token, conn string, b []token) bool {
	switch conn {
	case "and", "&":
		if len(a) == 1 && !a[0].acronym && d.lex.bodies[a[0].lower] != nil {
			return false // "Labour and Green Party MPs": a body the lexicon knows by one word, then another
		}
		if len(a) >= 2 && d.lex.orgPrefix[a[0].text] && len(b) == 1 && d.listWord(b[0]) && !d.lex.orgSector[b[0].lower] {
			// "NHS Track and Alert", "NHS England and Improvement": one
			// word after "and" ends a prefixed body's name.
			return true
		}
		if len(b) >= 2 && b[len(b)-1].lower == "commissioner" && len(a) <= 3 && !d.looksPerson(a) && !anyAcronym(a) {
			return true // "Police Complaints and Standards Commissioner"
		}
		// "Overseas and Trade Office", not "Ofsted and NHS Trust Quality
		// Authority", two bodies.
		return !d.hasHead(a) && d.hasHead(b) && !d.endsWithPerson(a) && !(d.lex.bodyFirst[a[0].lower] && d.lex.bodyName(tokensText(a)) != "")
	case "upon":
		// "Northby upon Avon Hospitals NHS Foundation Trust": a place's name.
		return true
	case "against":
		// "Action against Medical Accidents", "Campaign Against Arms Trade".
		return len(a) <= 2 && len(b) >= 2 && !d.looksPerson(a) && !d.givenFirst(a) && d.placeAt(b, 0) == 0 && !d.lex.orgDocument[b[len(b)-1].lower]
	case "with":
		return len(a) >= 2 && d.lex.orgPrefix[a[0].text] && !d.hasHead(a)
	case "on", "in":
		// "Committee on Climate Change", not "Bus Company on Jan".
		return d.hasHead(a) && d.lex.orgHeads[a[len(a)-1].lower] && len(b) >= 2
	default: // of, for
		// "Association of …", "Department for …": a lone head word opens a name.
		single := len(a) == 1 && d.lex.orgHeads[a[0].lower] && (conn == "of" || conn == "for")
		if d.roleEnds(a) {
			return false // "Railway Board Members for Traffic …": the members' portfolios
		}
		if single || d.hasHead(a) || (len(a) >= 2 && d.lex.orgPrefix[a[0].text]) {
			return true
		}
		if len(a) == 1 && governTails[a[0].lower] && conn == "of" && d.placeAt(b, 0) == len(b) {
			return true // "Government of Kerala"
		}
		if conn == "for" && d.sectorFor(a, b) {
			return true // "Transport for Tayside"
		}
		// "Maple Gift of Hope Network": the name ends in a head word after
		// "of", and what comes before is neither a person nor a role
		// ("Minister of Health Services").
		l := a[len(a)-1]
		return conn == "of" && d.lex.orgHeads[b[len(b)-1].lower] && !d.looksPerson(a) && !d.endsInPerson(a) && !d.lex.roleHeads[l.lower] && !isTitle(d, l) && !roleAbbrev[l.lower] && !l.acronym
	}
}

// roleEnds reports whether a run of two or more words with no connector
// ends in a role word that is no head word: "Railway Board Members",
// "Fenland Party Chair", not "Association of Chief Officers".
func (d *doc) roleEnds(toks []token) bool {
	l := toks[len(toks)-1]
	if len(toks) < 2 || d.lex.orgHeads[l.lower] || l.poss || !d.lex.roleHeads[l.lower] && !d.lex.roleHeads[singular(l.lower)] {
		return false
	}
	for _, tk := range toks[1:] {
		if connectors[tk.lower] {
			return false // "The" may begin the run
		}
	}
	return true
}

func (d *doc) looksPerson(toks []token) bool {
	if len(toks) < 2 || compass[toks[0].lower] || placeWords[toks[len(toks)-1].lower] {
		return false
	}
	if last := toks[len(toks)-1]; d.lex.roleMods[toks[0].lower] && d.lex.common[toks[0].lower] && (isTitle(d, last) || d.lex.roleHeads[last.lower] || d.fieldWords(toks[1:])) {
		return false // "Shadow Rural Affairs Secretary", "Shadow Environment …": a role, though "Shadow" is a given name
	}
	ok := d.lex.isGiven(toks[0].lower)
	return ok && !toks[0].acronym
}

// endsInPerson reports whether a run ends in a given name and a surname
// after a title: "Deputy Chief Officer Tom Reyes" (of the X Authority).
func (d *doc) endsInPerson(toks []token) bool {
	n := len(toks)
	return n >= 3 && d.lex.isGiven(toks[n-2].lower) && !toks[n-2].acronym && !toks[n-1].acronym &&
		!d.lex.orgHeads[toks[n-1].lower] && (isTitle(d, toks[n-3]) || d.lex.roleHeads[toks[n-3].lower])
}

// titleBefore returns the title written just before token i ("Mr", "Dr."), if any.
func (d *doc) titleBefore(s *sentence, i int) (string, int) {
	t := s.para.toks
	k := i - 1
	if k >= s.from && t[k].text == "." {
		k--
	}
	if k >= s.from && t[k].word {
		if _, ok := d.lex.titles[t[k].lower]; ok && t[k].cap {
			// Two-word titles: "Prime Minister", "Chief Constable".
			if k-1 >= s.from && t[k-1].word && t[k-1].cap {
				if _, ok2 := d.lex.titles[t[k-1].lower+" "+t[k].lower]; ok2 {
					return t[k-1].text + " " + t[k].text, k - 1
				}
			}
			return t[k].text, k
		}
	}
	return "", i
}

// lowerHeads are head words that some writers put in lower case after a
// body's capitalised words: "the Labour party", "the National Tenant
// Advocate's office", "the Regional Fraud Intelligence service".
var lowerHeads = map[string]bool{"party": true, "office": true, "service": true, "agency": true,
	"commission": true, "authority": true, "union": true}

// lowerHead returns the end of the capitalised run [i, j) with a lower-case
// head word after it when the two are a body's name: one the lexicon knows
// ("Labour party"), or a run of two or more words or a possessive that
// names no person, place or body by itself ("National Tenant Advocate's office").
func (d *doc) lowerHead(s *sentence, i, j int) int {
	t := s.para.toks
	if j >= s.to || j == i || !t[j].word || t[j].cap || !lowerHeads[t[j].lower] || t[j].start-t[j-1].end > 1 || t[j].quote != t[j-1].quote {
		return j
	}
	for i < j-1 && sentenceWords[t[i].lower] && !t[i].acronym {
		i++ // "The Conservative party"
	}
	if d.knownRun(s, i, j+1) {
		return j + 1
	}
	run := t[i:j]
	if t[j].lower == "party" || t[j].lower == "union" || d.hasHead(run) || anyAcronym(run) || d.placeAt(run, 0) == len(run) || d.looksPerson(run) || d.givenFirst(run) {
		return j
	}
	if len(run) >= 2 && (!t[j-1].poss || !t[j-1].plural && !d.possBreak(run, t[j])) {
		return j + 1
	}
	return j
}

// isTitleCase reports whether a sentence capitalises the common words that
// are not name words: "Water Agency Launched", "Minister Vows to Scrap
// Board". A headline needs one such word, a subheading (a paragraph of one
// short sentence) three, and three in four of them capitalised.
func (d *doc) isTitleCase(s *sentence) bool {
	t := s.para.toks
	if !s.para.head && (len(s.para.sents) > 1 || s.to-s.from > 25) {
		return false // a headline, or a paragraph of one short sentence: a subheading
	}
	need := 3
	if s.para.head {
		need = 1
	}
	// Most sentences have too few capitalised words to be title case:
	// count them before looking anything up.
	capWords, lowWords := 0, 0
	for k := s.from + 1; k < s.to; k++ {
		if !t[k].word || len(t[k].lower) < 4 {
			continue
		}
		if !t[k].cap {
			lowWords++
		} else if !t[k].acronym {
			capWords++
		}
	}
	if capWords < need || lowWords > capWords {
		return false
	}
	caps, all := 0, 0
	for k := s.from + 1; k < s.to; k++ {
		tk := t[k]
		if !tk.word || tk.acronym || len(tk.lower) < 4 || !d.lex.common[tk.lower] || tk.quote >= 0 {
			continue
		}
		if !tk.cap {
			all++ // "head to be": a sentence's lower-case words
			continue
		}
		if d.lex.orgHeads[tk.lower] || d.lex.orgHeads[singular(tk.lower)] || d.lex.orgTail[tk.lower] || d.lex.orgSector[tk.lower] || d.lex.roleHeads[tk.lower] || d.lex.roleMods[tk.lower] || isTitle(d, tk) || d.lex.places[tk.lower] {
			continue // written capitalised in names anyway
		}
		if given := d.lex.isGiven(tk.lower); given {
			continue
		}
		if !s.para.head && k+1 < s.to && t[k+1].word && t[k+1].cap {
			continue // inside a name: "The Rural Roads Agency was abolished by the Northern Assembly"
		}
		all++
		if tk.cap {
			caps++
		}
	}
	return all >= need && caps*4 >= all*3
}

// knownName reports whether the article's body or the lexicon knows a name
// as a person's or body's.
func (d *doc) knownName(name string) bool {
	name = normaliseOrgName(name)
	if d.byKey["p:"+strings.ToLower(name)] != nil || d.byKey["o:"+looseKey(name)] != nil || d.lex.bodyName(name) != "" {
		return true
	}
	if d.aliasIndex == nil || d.aliasCount != len(d.ents) {
		// Built once the body has been read, again only if a name is added.
		d.aliasIndex = map[string]bool{}
		for _, e := range d.ents {
			for a := range e.aliases {
				d.aliasIndex[strings.ToLower(a)] = true
			}
		}
		d.aliasCount = len(d.ents)
	}
	return d.aliasIndex[strings.ToLower(name)]
}

// classifyTitleRun reads a capitalised run of a title-case sentence: the
// whole run, or failing that its longest parts, when they are names the
// article or the lexicon knows; acronyms and single words as anywhere else.
func (d *doc) classifyTitleRun(s *sentence, i, j int) {
	t := s.para.toks
	if j-i == 1 {
		d.classifyRun(s, i, j)
		return
	}
	for n := min(j-i, 8); n >= 2; n-- {
		for a := i; a+n <= j; a++ {
			if d.knownName(s.para.text[t[a].start:t[a+n-1].end]) {
				if a > i {
					d.classifyTitleRun(s, i, a)
				}
				d.classifyRun(s, a, a+n)
				if a+n < j {
					d.classifyTitleRun(s, a+n, j)
				}
				return
			}
		}
	}
	for k := i; k < j; k++ {
		d.classifyRun(s, k, k+1)
	}
}

// classifyRun decides what the capitalised run [i, j) of s names.
func (d *doc) classifyRun(s *sentence, i, j int) {
	t := s.para.toks
	toks := t[i:j]
	if sentenceWords[t[i].lower] && !t[i].acronym && !(t[i].lower == "new" && (d.placeAt(toks, 0) > 0 || i > s.from && !s.para.head)) {
		if j-i > 1 {
			d.classifyRun(s, i+1, j)
		}
		return
	}
	if d.inCredit(s, i, j) {
		// "(Metro News: Jane Roe)": a photographer's credit, no one in the story.
		return
	}
	if j-i > 1 && d.lex.bodyFirst[t[i].lower] && d.lex.bodyName(normaliseOrgName(s.para.text[t[i].start:t[j-1].end])) != "" {
		known := normaliseOrgName(s.para.text[t[i].start:t[j-1].end])
		// A name the lexicon knows as a body's: "Fianna Fáil", "Kāinga Ora".
		d.addOrg(s, i, j, known, false)
		return
	}
	if j-i == 2 && legislatures[t[j-1].lower] && !t[i].acronym && strings.Contains(d.lex.bodyName(t[i].text+" Party"), "Party") {
		// "Green Senate leader …", "Labour Assembly members": the party,
		// and a chamber that is no body of its own here.
		e := d.org(d.lex.bodyName(t[i].text+" Party"), false)
		e.addAlias(t[i].text)
		d.addMention(&mention{sent: s, from: i, to: i + 1, kind: mFull, ent: e})
		return
	}
	for half := 2; half <= 3 && 2*half <= j-i; half++ {
		// "Jo Roe Jo Roe's career": a caption repeating a name.
		if sameWords(toks[:half], toks[half:2*half]) {
			d.classifyRun(s, i, i+half)
			d.classifyRun(s, i+half, j)
			return
		}
	}
	if j-i > 1 && premods[t[i].lower] && !t[i].acronym && d.hasHead(toks[1:]) {
		// "Departing Commission for Rural Transport chair …": the adjective is not the name's.
		d.classifyRun(s, i+1, j)
		return
	}
	if n := j - i; n > 2 && (d.lex.roleHeads[t[j-1].lower] || d.roleEnds(toks) || isTitle(d, t[j-1])) && !d.lex.orgHeads[t[j-1].lower] && d.lex.orgHeads[t[j-2].lower] && !officeOfRole(toks) {
		// "the Fenland Republican Party Chair": the role is not the name's.
		d.classifyRun(s, i, j-1)
		return
	}
	if n := j - i; n >= 3 && t[j-1].acronym && !t[j-1].poss && (notBodyAcronyms[t[j-1].lower] || roleAbbrev[t[j-1].lower]) && d.personBefore(toks[:n-1]) {
		// "Nia Hale MP", "Gareth HL Morgan AM": letters after a person's
		// name are no part of it.
		title, _ := d.titleBefore(s, i)
		d.addPerson(s, i, j, s.para.text[t[i].start:t[j-2].end], title)
		return
	}
	if d.initialsName(toks) {
		// "Gareth HL Morgan": middle initials written as capitals.
		d.addPerson(s, i, j, s.para.text[t[i].start:t[j-1].end], "")
		return
	}
	titled, _ := d.titleBefore(s, i)
	if p := d.personSplit(toks, titled != "", d.constituency(s, i)); p > 0 {
		// "Commissioner for the Oceans Katrin Vesterlund", "Island MP
		// Catriona MacAulay", "Regent Dolores Whitfield": a role or body
		// written before the person's name in one capitalised run.
		d.prefixRoles = append(d.prefixRoles, prefixRole{sent: s, from: i, to: i + p})
		if known := d.prefixBody(s, i, i+p); known != "" && d.looksPerson(toks[p:]) {
			// "Liberal Democrat Sarah Quint": a party the lexicon knows.
			e := d.org(known, false)
			e.addAlias(s.para.text[t[i].start:t[i+p-1].end])
			d.addMention(&mention{sent: s, from: i, to: i + p, kind: mFull, ent: e})
		} else if b := d.bodyBeforeRole(toks[:p]); b > 0 {
			// "Cumbria Constabulary Chief Constable Jo Roe": the body, then
			// its officer's title.
			d.addOrg(s, i, i+b, normaliseOrgName(s.para.text[t[i].start:t[i+b-1].end]), false)
		}
		d.classifyRun(s, i+p, j)
		return
	}
	if j-i >= 3 && t[j-1].lower == "commissioner" && (j >= s.to || !t[j].cap) && !d.givenFirst(toks) && !anyAcronym(toks[:j-i-1]) {
		// "Consumer Utilities Commissioner", "the Children's Services
		// Commissioner": an office named by two or more words, with no
		// person's name after it ("Police Commissioner Jane Roe").
		d.addOrg(s, i, j, normaliseOrgName(s.para.text[t[i].start:t[j-1].end]), false)
		return
	}
	if j-i >= 3 && ofHeads[t[i].lower] && t[i+1].lower == "of" {
		// "Port of Kelmouth", "Friends of the Earth".
		d.addOrg(s, i, j, normaliseOrgName(s.para.text[t[i].start:t[j-1].end]), false)
		return
	}
	for k, tk := range toks {
		if tk.lower == "against" && k > 0 {
			// A run joined through "against" is a campaign's name.
			d.addOrg(s, i, j, normaliseOrgName(s.para.text[t[i].start:t[j-1].end]), false)
			return
		}
	}
	if i == s.from && d.lex.common[t[i].lower] && !d.lex.orgHeads[t[i].lower] && !d.lex.orgPrefix[t[i].text] && d.lex.givenGender(t[i].lower) == "" && !t[i].acronym && !(j-i == 1 && d.startBody(s, i)) {
		if given := d.lex.isGiven(t[i].lower); !given && !d.hasHead(toks) {
			// A common word that only begins the sentence.
			if j-i > 1 {
				d.classifyRun(s, i+1, j)
			}
			return
		}
	}
	title, _ := d.titleBefore(s, i)
	words := make([]string, 0, len(toks))
	for k, tk := range toks {
		w := tk.text
		if k < len(toks)-1 && tk.poss {
			w += "'s"
		}
		words = append(words, w)
	}
	name := strings.Join(words, " ")
	if t[i].start < t[j-1].end {
		name = s.para.text[t[i].start:t[j-1].end]
		if t[j-1].poss {
			name = name[:len(name)-(t[j-1].end-t[j-1].start-len(t[j-1].text))]
		}
	}
	name = strings.TrimSpace(name)
	if j < s.to && j-i >= 2 && d.lex.orgSector[t[j-1].lower] && portfolioTitles[t[j].lower] && t[j].cap && !d.lex.orgHeads[t[j-1].lower] {
		// "Welsh Health Minister Ada Lusk", "the Tasmania Health Minister":
		// the minister's portfolio, not a body.
		d.unknown = append(d.unknown, &mention{sent: s, from: i, to: j})
		return
	}
	if j-i == 1 && !t[i].acronym && !t[i].poss && d.oneWordBody(s, i) {
		// "Corvane, the engineering union,", "the Corvane union", "general
		// secretary of Corvane": a body named by one word.
		d.addOrg(s, i, j, name, false)
		return
	}
	if d.lex.orgDocument[t[j-1].lower] || siteWords[t[j-1].lower] && d.hasHead(toks) {
		// "Royal Warrant", "Water Services Amendment Act", "Harbour
		// Buildings": a document, a law or a place, not a body.
		d.unknown = append(d.unknown, &mention{sent: s, from: i, to: j})
		return
	}
	if d.portfolioAfterRole(s, i, j) {
		// "Critic for Health and Community Services": the office's
		// portfolio, not a body.
		d.unknown = append(d.unknown, &mention{sent: s, from: i, to: j})
		return
	}
	if workWords[t[j-1].lower] && !d.hasHead(toks) {
		// "The Rowan Pike Show": a programme or an event named after a person.
		d.unknown = append(d.unknown, &mention{sent: s, from: i, to: j})
		return
	}
	switch {
	case title != "" && !d.hasHead(toks):
		d.addPerson(s, i, j, name, title)
	case d.hasHead(toks) || len(toks) >= 2 && d.lex.orgPrefix[toks[0].text]:
		if len(toks) == 1 {
			return
		}
		d.addOrg(s, i, j, name, false)
	case len(toks) == 1 && toks[0].acronym:
		d.acronyms = append(d.acronyms, &mention{sent: s, from: i, to: j, kind: mAcronym})
	case len(toks) == 1:
		d.singles = append(d.singles, &mention{sent: s, from: i, to: j, kind: mSurname})
	case d.looksPerson(toks) && len(toks) <= 4 && !anyAcronym(toks):
		d.addPerson(s, i, j, name, "")
	case len(toks) <= 4 && !anyAcronym(toks) && !compass[toks[0].lower] && !d.allCommon(toks) && !d.constituency(s, i) && !d.namedThing(s, i) && d.personContext(s, i, j):
		d.addPerson(s, i, j, name, "")
	default:
		d.unknown = append(d.unknown, &mention{sent: s, from: i, to: j})
	}
}

// portfolioTitles are the titles written after a portfolio: "Health
// Minister", "Education Secretary".
var portfolioTitles = map[string]bool{"minister": true, "secretary": true, "spokesperson": true,
	"spokesman": true, "spokeswoman": true, "critic": true, "mec": true, "portfolio": true}

// oneWordBody reports whether the one capitalised word at token i is a
// body, as the words around it say: an appositive naming a kind of body
// after it ("Corvane, the engineering union,", "Labour, the main
// opposition party in the assembly,"), "union" after it ("the Corvane
// union"), or a role of it before ("general secretary of Corvane"). Not
// a place, a nation's adjective, a given name or a surname of the
// article's people.
func (d *doc) oneWordBody(s *sentence, i int) bool {
	t := s.para.toks
	tk := t[i]
	if d.lex.places[tk.lower] || d.lex.nations[tk.lower] || d.lex.isGiven(tk.lower) || d.knownSurname(tk.text) || isTitle(d, tk) || d.lex.roleHeads[tk.lower] {
		return false
	}
	if i+1 < s.to && d.apposedBody(s, i+1) {
		return true
	}
	if d.lex.common[tk.lower] || d.lex.bodies[tk.lower] != nil {
		return false // "the Labour union": a body the lexicon knows reads so already
	}
	if i+1 < s.to && t[i+1].lower == "union" && !t[i+1].poss && t[i+1].start-tk.end <= 1 && t[i+1].quote == tk.quote {
		return true
	}
	if i-2 < s.from || t[i-1].lower != "of" || t[i-2].poss || i+1 < s.to && t[i+1].cap {
		return false
	}
	r := t[i-2].lower
	return (d.lex.roleHeads[r] || d.lex.roleHeads[singular(r)]) && !placeRoles[singular(r)]
}

// placeRoles are roles held of places as often as of bodies: "mayor of
// Kelmouth", "member of Dunmere" (a seat) are no bodies.
var placeRoles = map[string]bool{"mayor": true, "governor": true, "premier": true, "bishop": true,
	"archbishop": true, "minister": true, "senator": true, "member": true, "mp": true, "leader": true,
	"councillor": true, "representative": true, "lord": true, "king": true, "queen": true,
	"prince": true, "princess": true, "duke": true, "earl": true, "chancellor": true, "provost": true,
	"sheriff": true, "commissioner": true, "citizen": true, "resident": true, "people": true}

// apposedBody reports whether an appositive that names a kind of body
// begins at the comma at token k: ", the engineering union,", ", a
// charity that …", ", the main opposition party in …"; not a person's
// role (", the party leader,", ", the union's president,").
func (d *doc) apposedBody(s *sentence, k int) bool {
	t := s.para.toks
	if k+2 >= s.to || t[k].text != "," {
		return false
	}
	k++
	if w := t[k].lower; w == "the" || w == "a" || w == "an" {
		k++
	}
	for n := 0; k < s.to && n < 5; k, n = k+1, n+1 {
		tk := t[k]
		if !tk.word || tk.cap || tk.poss || d.lex.verbs[tk.lower] {
			return false
		}
		if lowerHeads[tk.lower] || d.lex.orgHeads[tk.lower] || d.lex.orgClass[tk.lower] || tk.lower == "charity" || tk.lower == "watchdog" || tk.lower == "regulator" {
			if k+1 >= s.to {
				return true
			}
			next := t[k+1]
			return !next.word || next.lower == "in" || next.lower == "of" || next.lower == "for" || next.lower == "at" || next.lower == "which" || next.lower == "that" || next.lower == "with"
		}
		if d.lex.roleHeads[tk.lower] {
			return false
		}
	}
	return false
}

// officeOfRole reports whether a run is the office of a role's holder,
// whose role ends its name: "Office of the Cabinet Secretary".
func officeOfRole(toks []token) bool {
	return len(toks) >= 4 && toks[1].lower == "of" && toks[2].lower == "the"
}

// personBefore reports whether a run before a post-nominal ("MP", "OBE")
// reads as a person's name: two to four words, the first a given name or
// no common word, with no acronym, head word or place to begin it, or a
// name with middle initials in capitals ("Gareth HL Morgan").
func (d *doc) personBefore(toks []token) bool {
	if d.initialsName(toks) {
		return true
	}
	n := len(toks)
	if n < 2 || n > 4 || anyAcronym(toks) || d.hasHead(toks) || compass[toks[0].lower] || d.placeAt(toks, 0) > 0 || toks[n-1].poss {
		return false
	}
	return d.looksPerson(toks) || !d.lex.common[toks[0].lower] && !d.lex.bodyFirst[toks[0].lower] && !d.allCommon(toks)
}

// initialsName reports whether a run is a given name, one or two middle
// initials written as capitals with no full stops, and a surname:
// "Gareth HL Morgan", not "Jane NHS Trust" or an acronym the article
// defines.
func (d *doc) initialsName(toks []token) bool {
	n := len(toks)
	if n < 3 || n > 4 || !d.givenFirst(toks) || toks[0].poss {
		return false
	}
	last := toks[n-1]
	if !last.word || !last.cap || last.acronym || d.lex.orgHeads[last.lower] || d.lex.orgTail[last.lower] || d.lex.places[last.lower] {
		return false
	}
	for _, tk := range toks[1 : n-1] {
		if !tk.acronym || tk.poss || len(tk.text) > 3 || strings.ToUpper(tk.text) != tk.text || d.lex.bodies[tk.lower] != nil || d.definedAcronym(tk.text) || notBodyAcronyms[tk.lower] || roleAbbrev[tk.lower] {
			return false
		}
	}
	return true
}

// portfolioHeads are organisation head words that also name a field of
// work, as a portfolio does: "Health and Social Services", "Indigenous
// Affairs".
var portfolioHeads = map[string]bool{"services": true, "affairs": true}

// portfolioAfterRole reports whether the run [i, j) of s is the portfolio of
// the role written right before it across "for" or "of" ("Critic for Health
// and Community Services", "Minister of Indigenous Affairs", "director of
// Social Services"): a run whose only head word names a field of work.
func (d *doc) portfolioAfterRole(s *sentence, i, j int) bool {
	t := s.para.toks
	if i-2 < s.from || t[i-1].lower != "for" && t[i-1].lower != "of" || !d.lex.roleHeads[t[i-2].lower] || !portfolioHeads[t[j-1].lower] {
		return false
	}
	for _, tk := range t[i : j-1] {
		if d.lex.orgHeads[tk.lower] && !portfolioHeads[tk.lower] || tk.acronym {
			return false // "Minister for the Health Services Board", "… NHS Services"
		}
	}
	return true
}

// premods are adjectives written before a body's name that are not part
// of it: "Departing Commission for …", "the embattled Housing Agency".
var premods = map[string]bool{"outgoing": true, "incoming": true, "former": true, "embattled": true,
	"beleaguered": true, "troubled": true, "departing": true, "retiring": true, "defunct": true,
	"scrapped": true, "axed": true, "disgraced": true, "now-defunct": true, "under-fire": true,
	"cash-strapped": true, "controversial": true, "powerful": true, "influential": true, "then": true}

func isTitle(d *doc, tk token) bool {
	_, ok := d.lex.titles[tk.lower]
	return ok
}

// endsWithPerson reports whether a run ends with what looks like a
// person's name: "House Speaker Mike Johnson" is not the first half of a
// body's name joined through "and".
func (d *doc) endsWithPerson(toks []token) bool {
	for p := 0; p+1 < len(toks); p++ {
		if d.looksPerson(toks[p:]) {
			return true
		}
	}
	return false
}

// skipSentenceWords returns where a run [i, j) begins after the words that
// only begin a sentence ("The Rail, Tram and Bus Union").
func (d *doc) skipSentenceWords(s *sentence, i, j int) int {
	t := s.para.toks
	for i < j-1 && sentenceWords[t[i].lower] && !t[i].acronym {
		i++
	}
	return i
}

// knownRun reports whether the tokens [i, j) are a name the lexicon knows as
// a body's; the first word is tested first, which is cheap.
func (d *doc) knownRun(s *sentence, i, j int) bool {
	t := s.para.toks
	return i < j && d.lex.bodyFirst[t[i].lower] && d.lex.bodyName(s.para.text[t[i].start:t[j-1].end]) != ""
}

// tokensText joins the words of a run with single spaces.
func tokensText(toks []token) string {
	var b strings.Builder
	for k, tk := range toks {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tk.text)
	}
	return b.String()
}

func sameWords(a, b []token) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k].text != b[k].text {
			return false
		}
	}
	return true
}

// prefixBody returns the known body a capitalised prefix before a person's
// name names, if any: "Liberal Democrat Sarah Quint", "Liberal MP Fiona
// Wardle" (the party's name, with a role abbreviation after it).
func (d *doc) prefixBody(s *sentence, i, j int) string {
	t := s.para.toks
	for j > i+1 && (roleAbbrev[t[j-1].lower] || d.lex.roleHeads[t[j-1].lower]) {
		j--
	}
	if t[j-1].poss {
		return ""
	}
	text := s.para.text[t[i].start:t[j-1].end]
	if known := d.lex.bodyName(text); known != "" {
		return known
	}
	if known := d.lex.bodyName(text + " Party"); strings.HasSuffix(known, "Party") {
		return known
	}
	return ""
}

// bodyBeforeRole returns the length of a body's name that begins a
// prefix written before a person's name and ends before a title or role
// ("Cumbria Constabulary" of "Cumbria Constabulary Chief Constable"), or 0.
func (d *doc) bodyBeforeRole(toks []token) int {
	n := len(toks)
	for n > 0 && (isTitle(d, toks[n-1]) || d.lex.roleHeads[toks[n-1].lower] || rankWords[toks[n-1].lower] || roleAbbrev[toks[n-1].lower] || n >= 2 && toks[n-2].lower == "chief") {
		n-- // "… Chief Executive": the second word of "chief" titles may be a head word
	}
	if n < 2 || n == len(toks) || toks[n-1].poss || connectors[toks[n-1].lower] || !d.hasHead(toks[:n]) || d.looksPerson(toks[:n]) || anyAcronym(toks[:n]) {
		return 0
	}
	return n
}

// rankWords are written before a title: "Deputy Chief Constable".
var rankWords = map[string]bool{"deputy": true, "acting": true, "interim": true, "assistant": true,
	"vice": true, "senior": true, "joint": true}

// A prefixRole is a capitalised role or body written before a name in the
// same run: "Commissioner for the Oceans" before "Katrin Vesterlund".
type prefixRole struct {
	sent     *sentence
	from, to int
}

// roleAbbrev are role abbreviations written before a name: "Island MP Catriona MacAulay".
var roleAbbrev = map[string]bool{"mp": true, "msp": true, "mep": true, "td": true, "am": true, "ms": false, "mla": true, "mpp": true, "senator": true, "rep": true,
	"mec": true, "mha": true, "mna": true, "mhk": true, "mlc": true}

// personSplit returns where a person's name begins inside a run that starts
// with a role or body, or 0 when the run does not split so. A run whose
// first words the lexicons do not know is one person's name when a title
// stands before it ("President Kunle Samuel Fashola") or it holds a middle
// initial ("Zyra Mae T. Palad"), unless it follows a seat's "Member for";
// otherwise the unknown word may be a role ("Harbourmaster Tom Reyes").
func (d *doc) personSplit(toks []token, titled, seat bool) int {
	n := len(toks)
	if n < 3 {
		if n == 2 && (d.lex.roleHeads[toks[0].lower] || roleAbbrev[toks[0].lower]) && !d.lex.orgHeads[toks[0].lower] {
			return 0 // "Regent Whitfield": a titled surname, left to the single-word rules
		}
		return 0
	}
	if given := d.lex.isGiven(toks[0].lower); given && !d.lex.common[toks[0].lower] {
		return 0 // "Orla Nic Giolla", "Mee Ling Ng": one name
	}
	for p := n - 2; p >= 1 && p >= n-3; p-- {
		prev := toks[p-1]
		name := toks[p:]
		if !seat && (titled || hasInitial(name)) && d.bareNames(toks[:p]) {
			continue // "Zyra Mae T. Palad": a given name the lexicon lacks, then one it has
		}
		if anyAcronym(name) || d.hasHead(name) || !name[0].cap || !name[len(name)-1].cap || isTitle(d, name[len(name)-1]) || d.lex.roleHeads[name[len(name)-1].lower] {
			continue // "… of Agriculture and Forestry": no name begins with "and" or ends with a role
		}
		given := d.lex.isGiven(toks[p].lower)
		roleBefore := d.lex.roleHeads[prev.lower] || roleAbbrev[prev.lower] || d.lex.roleMods[prev.lower] && prev.cap
		if _, t := d.lex.titles[prev.lower]; t {
			roleBefore = true
		}
		if roleBefore && !(given && !d.lex.common[toks[p].lower]) && d.bodyJoined(toks[:p]) {
			continue // "Commission for Ferry Regulation and Public Quay Licensing": one body
		}
		if given && !d.lex.common[toks[p].lower] || roleBefore && !d.allCommon(name) {
			// Not when the whole run is a body ending in a head word.
			if d.hasHead(toks) && (d.lex.orgHeads[toks[n-1].lower] || d.lex.orgTail[toks[n-1].lower]) {
				return 0
			}
			return p
		}
	}
	return 0
}

// bareNames reports whether the words before a person's name in a run are
// names of nothing the lexicons know, no role, title, body, place or
// common word: a first given name the lexicon lacks ("Zyra" of "Zyra Mae
// Palad"), not a role or body written before the name ("Island MP",
// "Liberal Democrat", "Sinn Féin").
func (d *doc) bareNames(toks []token) bool {
	for _, tk := range toks {
		if !tk.word || !tk.cap || tk.acronym || tk.poss || d.lex.common[tk.lower] || d.lex.places[tk.lower] ||
			d.lex.orgHeads[tk.lower] || d.lex.orgPrefix[tk.text] || d.lex.orgTail[tk.lower] || d.lex.orgSector[tk.lower] ||
			d.lex.roleHeads[tk.lower] || d.lex.roleMods[tk.lower] || roleAbbrev[tk.lower] || isTitle(d, tk) ||
			d.lex.bodies[tk.lower] != nil || d.lex.bodyFirst[tk.lower] || nameStop[tk.lower] {
			return false
		}
	}
	return len(toks) > 0
}

// hasInitial reports whether a run holds a middle initial: "T." or "T".
func hasInitial(toks []token) bool {
	for _, tk := range toks[1:] {
		if w := strings.TrimSuffix(tk.text, "."); len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
			return true
		}
	}
	return false
}

// bodyJoined reports whether a run is a body's name joined through a
// connector after its head word ("Commission for Ferry Regulation and
// Public"), not a title's ("Commissioner for the Oceans").
func (d *doc) bodyJoined(toks []token) bool {
	if len(toks) < 3 || !d.lex.orgHeads[toks[0].lower] || isTitle(d, toks[0]) {
		return false
	}
	for _, tk := range toks[1:] {
		if connectors[tk.lower] {
			return true
		}
	}
	return false
}

// fieldWords reports whether every word of a run is a common word or a
// sector word, in the singular or the plural: a role's portfolio
// ("Environment", "Fisheries").
func (d *doc) fieldWords(toks []token) bool {
	for _, tk := range toks {
		if !d.lex.common[tk.lower] && !d.lex.common[singular(tk.lower)] && !d.lex.orgSector[tk.lower] && !d.lex.roleMods[tk.lower] {
			return false
		}
	}
	return len(toks) > 0
}

// allCommon reports whether every word of a run is a common lower-case word
// ("Public Health"): such a run is not a person's name without a given name.
func (d *doc) allCommon(toks []token) bool {
	for _, t := range toks {
		if !d.lex.common[t.lower] {
			return false
		}
	}
	return true
}

func anyAcronym(toks []token) bool {
	for _, t := range toks {
		if t.acronym || personStop[t.lower] {
			return true
		}
	}
	return false
}

// personContext reports whether the words around a capitalised run show it
// names a person: a reporting verb right after or before it, an appositive
// role after it, a role word before it, or a list of signatories.
func (d *doc) personContext(s *sentence, i, j int) bool {
	t := s.para.toks
	if j < s.to && d.lex.verbs[t[j].lower] {
		return true
	}
	if j+1 < s.to && t[j].text == "," && (d.roleAt(s, j+1) > j+1 || d.lex.verbs[t[j+1].lower]) {
		return true
	}
	if i-1 >= s.from && (d.lex.verbs[t[i-1].lower] || d.lex.roleHeads[t[i-1].lower]) {
		return true
	}
	// "director general Colm Brannock": a role whose last word is a modifier.
	if i-2 >= s.from && !t[i-1].cap && d.lex.roleMods[t[i-1].lower] && d.lex.roleHeads[t[i-2].lower] {
		return true
	}
	// "Labour's skills spokesperson, Morag Dalgleish," and "the Minister for
	// Health, Orla Nic Giolla,": a role phrase just before the comma.
	if i-2 >= s.from && t[i-1].text == "," && (j >= s.to || t[j].text == "," || t[j].text == "." || d.lex.verbs[t[j].lower] || t[j].lower == "who") {
		for k := i - 2; k >= s.from && k >= i-7; k-- {
			if t[k].text == "," || t[k].quote >= 0 {
				break
			}
			if d.lex.roleHeads[t[k].lower] {
				return true
			}
		}
	}
	// "Ezio Marrow's Office of Civic Renewal": a name of uncommon words
	// whose possessive owns a body.
	if j-i >= 2 && t[j-1].poss && !t[j-1].plural && j < s.to && t[j].cap && d.lex.orgHeads[t[j].lower] {
		all := true
		for _, tk := range t[i:j] {
			all = all && d.uncommonName(tk)
		}
		if all {
			return true
		}
	}
	// "Dolores Whitfield, who chairs …".
	if j+1 < s.to && t[j].text == "," && t[j+1].lower == "who" {
		return true
	}
	if d.inSignatories(s, i) {
		return true
	}
	return false
}

// inCredit reports whether the run [i, j) is the name after the colon of a
// bracketed picture credit: "(Metro News: Jane Roe)", "(Photo: Tom Hale/AAP)".
func (d *doc) inCredit(s *sentence, i, j int) bool {
	t := s.para.toks
	if i-1 < 0 || t[i-1].text != ":" || j >= len(t) || t[j].text != ")" && t[j].text != "/" {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-5; k-- {
		if t[k].text == "(" {
			return true
		}
		if !t[k].word {
			return false
		}
	}
	return false
}

// portfolioTail reports whether the run at token i continues, after a
// comma, the list of fields of a role written with its portfolio:
// "Minister for Housing, Communities …", "Secretary of State for Health,
// Education …".
func (d *doc) portfolioTail(s *sentence, i int) bool {
	t := s.para.toks
	if i-2 < s.from || t[i-1].text != "," || !d.listWord(t[i]) || !d.lex.common[t[i].lower] && !d.lex.common[singular(t[i].lower)] {
		return false // "the Minister for Health, Orla Nic Giolla,": a name
	}
	k := i - 2
	for k > s.from && (t[k].text == "," || d.listWord(t[k]) && t[k].start-t[k-1].end <= 1) {
		k--
	}
	if k <= s.from || t[k].lower != "for" && t[k].lower != "of" || !d.listWord(t[k+1]) {
		return false
	}
	r := t[k-1]
	if r.lower == "state" && k-3 >= s.from && t[k-2].lower == "of" {
		r = t[k-3] // "Secretary of State for …"
	}
	return r.cap && (isTitle(d, r) || d.lex.roleHeads[r.lower])
}

// namedThing reports whether the run at token i is what something new is
// "to be called" or "to be known as": a body's or a scheme's name, not a
// person's.
func (d *doc) namedThing(s *sentence, i int) bool {
	t := s.para.toks
	k := i - 1
	if k-1 >= s.from && t[k].lower == "as" && t[k-1].lower == "known" {
		k--
	}
	return k-2 >= s.from && (t[k].lower == "called" || t[k].lower == "named" || t[k].lower == "known") && t[k-1].lower == "be" && t[k-2].lower == "to"
}

// constituency reports whether the run at token i follows "Member for" or
// "MP for": a seat, not a person ("the Member for Sunbury Coast").
func (d *doc) constituency(s *sentence, i int) bool {
	t := s.para.toks
	return i-2 >= s.from && t[i-1].lower == "for" && (t[i-2].lower == "member" || roleAbbrev[t[i-2].lower])
}

// roleAt returns the end of a role phrase starting at token i ("deputy
// director", "chief executive"), or i when none starts there.
func (d *doc) roleAt(s *sentence, i int) int {
	t := s.para.toks
	k := i
	if k < s.to && (t[k].lower == "the" || t[k].lower == "a" || t[k].lower == "an") {
		k++
	}
	end := i
	for k < s.to && t[k].word && (d.lex.roleMods[t[k].lower] || d.lex.roleHeads[t[k].lower]) {
		if d.lex.roleHeads[t[k].lower] {
			end = k + 1
		}
		k++
	}
	return end
}

// inSignatories reports whether token i begins an item of a list of names
// separated by semicolons, as in "signed by A, chair of X; B, leader of Y".
func (d *doc) inSignatories(s *sentence, i int) bool {
	t := s.para.toks
	semis := 0
	for k := s.from; k < s.to; k++ {
		if t[k].text == ";" {
			semis++
		}
	}
	if semis < 1 {
		return false
	}
	if i == s.from {
		return false
	}
	p := t[i-1]
	return p.text == ";" || p.lower == "by" || (p.lower == "and" && i-2 >= s.from && t[i-2].text == ";")
}

func (d *doc) addPerson(s *sentence, i, j int, name, title string) {
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "\u2019s")
	fields := strings.Fields(name)
	// Drop a trailing role abbreviation ("MP") and leading particles.
	for len(fields) > 1 && personStop[strings.ToLower(fields[len(fields)-1])] {
		fields = fields[:len(fields)-1]
	}
	// "Oceans Katrin Vesterlund": a common word before the name is not part of it.
	for len(fields) > 2 && (d.lex.common[strings.ToLower(fields[0])] || d.lex.common[singular(strings.ToLower(fields[0]))]) && d.lex.givenGender(strings.ToLower(fields[0])) == "" {
		if given := d.lex.isGiven(strings.ToLower(fields[0])); given {
			break
		}
		fields = fields[1:]
	}
	if len(fields) == 0 {
		return
	}
	name = strings.Join(fields, " ")
	kind := mFull
	if len(fields) == 1 {
		kind = mSurname
	}
	m := &mention{sent: s, from: i, to: j, kind: kind, title: title}
	if kind == mSurname {
		d.singles = append(d.singles, m)
		return
	}
	e := d.knownTail(fields, title)
	if e == nil {
		e = d.person(name)
	}
	if title != "" && !officeTitles[strings.ToLower(title)] {
		e.addAlias(title + " " + name) // "Dr Jane Roe", "Brigadier Sipho Mthembu"
	}
	if e.gender == "" {
		e.gender = d.lex.titles[strings.ToLower(title)]
		if e.gender == "" {
			e.gender = d.lex.givenGender(strings.ToLower(fields[0]))
		}
	}
	m.ent = e
	d.addMention(m)
}

// officeTitles are titles of offices, not of address: "Finance Minister
// Jo Roe" is not called "Minister Jo Roe".
var officeTitles = map[string]bool{"minister": true, "prime minister": true, "secretary": true,
	"chancellor": true, "commissioner": true, "president": true, "premier": true, "governor": true,
	"mayor": true, "gov": true}

// particles begin surnames of more than one word: "Nic Giolla", "Van der
// Berg", "Delgado" is not one, "Ní Bhriain" is.
var particles = map[string]bool{"nic": true, "ní": true, "ni": true, "mac": true, "mc": true, "ó": true,
	"o": true, "van": true, "von": true, "de": true, "del": true, "della": true, "da": true, "di": true,
	"du": true, "le": true, "la": true, "bin": true, "binti": true, "al": true, "el": true, "ter": true,
	"ten": true, "dos": true, "das": true, "st": true}

// knownTail returns the article's person whose full name ends with a
// titled or particle-led name of two or more words: "Ms Nic Giolla" is
// "Orla Nic Giolla" named before.
func (d *doc) knownTail(fields []string, title string) *entity {
	if len(fields) < 2 || title == "" && !particles[strings.ToLower(fields[0])] {
		return nil
	}
	// nil when no one or two people have it: leave it alone then.
	return d.tails[strings.ToLower(strings.Join(fields, " "))]
}

// indexTails records the last two and three words of a person's name of
// more words, for knownTail; a tail two people share maps to nil.
func (d *doc) indexTails(e *entity) {
	f := strings.Fields(strings.ToLower(e.name))
	if d.tails == nil {
		d.tails = map[string]*entity{}
	}
	for n := 2; n <= 3 && n < len(f); n++ {
		k := strings.Join(f[len(f)-n:], " ")
		if old, ok := d.tails[k]; ok && old != e {
			d.tails[k] = nil
		} else {
			d.tails[k] = e
		}
	}
}

func (d *doc) person(name string) *entity {
	// "John A. Smith" is "John Smith" with a middle initial: one node across
	// articles whichever way they write it.
	written := name
	if f := strings.Fields(name); len(f) > 2 {
		kept := f[:1]
		for _, w := range f[1 : len(f)-1] {
			if !(len(strings.TrimSuffix(w, ".")) == 1 && strings.ToUpper(w) == w || middleCaps(w)) {
				kept = append(kept, w)
			}
		}
		name = strings.Join(append(kept, f[len(f)-1]), " ")
	}
	defer func() {
		if written != name {
			d.byKey["p:"+strings.ToLower(name)].addAlias(written)
		}
	}()
	key := "p:" + strings.ToLower(name)
	if e, ok := d.byKey[key]; ok {
		return e
	}
	f := strings.Fields(name)
	e := &entity{kind: schema.Person, name: name, surname: f[len(f)-1], sents: map[int]bool{}}
	if d.surnames == nil {
		d.surnames = map[string]bool{}
	}
	d.surnames[strings.ToLower(e.surname)] = true
	d.indexTails(e)
	d.newEntity(key, e)
	return e
}

// middleCaps reports whether a word inside a person's name is two or three
// middle initials written as capitals: "HL" of "Gareth HL Morgan".
func middleCaps(w string) bool {
	if len(w) < 2 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// mergeMiddleNames folds a person named by a given name and a surname into
// the one person of the article named with those and middle names between:
// "Kunle Fashola" is the "Kunle Musa Fashola" named before or after. The
// fuller name is kept.
func (d *doc) mergeMiddleNames() {
	full := map[string]*entity{} // "given surname" → the one person with middle names
	for _, e := range d.ents {
		if e.kind != schema.Person {
			continue
		}
		f := strings.Fields(strings.ToLower(e.name))
		if len(f) < 3 || len(f) > 4 || particles[f[len(f)-2]] {
			continue // "Ana de la Cruz": a surname of two words
		}
		k := f[0] + " " + f[len(f)-1]
		if old, ok := full[k]; ok && old != e {
			full[k] = nil // two people: leave both alone
		} else {
			full[k] = e
		}
	}
	if len(full) == 0 {
		return
	}
	into := map[*entity]*entity{}
	for _, e := range d.ents {
		if e.kind != schema.Person || strings.Count(e.name, " ") != 1 {
			continue
		}
		if to := full[strings.ToLower(e.name)]; to != nil {
			into[e] = to
			to.addAlias(e.name)
			for a := range e.aliases {
				to.addAlias(a)
			}
			if to.gender == "" {
				to.gender = e.gender
			}
		}
	}
	d.fold(into)
}

// resolveFirstWords links a one-word mention to the one university,
// college or school of the article whose name is that word and its head:
// "Tarnbrook" is "Tarnbrook University". Not a word that is a surname of
// the article's people, a place, a nation's adjective, a given or a
// common word, or a body the lexicon knows by itself; not a word that
// modifies a noun ("the Tarnbrook branch") or follows a preposition of
// place ("in Tarnbrook"), where it names the town.
func (d *doc) resolveFirstWords() {
	var bodies map[string]*entity // first word → the one body so named; nil when two are
	kept := d.singles[:0]
	for _, m := range d.singles {
		tk := m.sent.para.toks[m.from]
		t := m.sent.para.toks
		attributive := m.to < m.sent.to && t[m.to].word && !t[m.to].cap && !classFollow[t[m.to].lower] && !d.lex.verbs[t[m.to].lower]
		placed := m.from > m.sent.from && placePreps[t[m.from-1].lower]
		if m.title != "" || m.to-m.from != 1 || !tk.cap || tk.acronym || tk.poss || attributive || placed || d.lex.common[tk.lower] || d.lex.places[tk.lower] || d.lex.nations[tk.lower] ||
			d.lex.isGiven(tk.lower) || d.knownSurname(tk.text) || d.lex.bodies[tk.lower] != nil || nameStop[tk.lower] {
			kept = append(kept, m)
			continue
		}
		if bodies == nil {
			bodies = map[string]*entity{}
			for _, e := range d.ents {
				f := strings.Fields(e.name)
				if e.kind != schema.Organization || e.class || e.generic || len(f) != 2 || !schoolHeads[strings.ToLower(f[1])] {
					continue
				}
				if old, ok := bodies[f[0]]; ok && old != e {
					bodies[f[0]] = nil
				} else {
					bodies[f[0]] = e
				}
			}
		}
		e := bodies[tk.text]
		if e == nil {
			kept = append(kept, m)
			continue
		}
		e.addAlias(tk.text)
		m.ent = e
		d.addMention(m)
	}
	d.singles = kept
}

// schoolHeads end the names of bodies that are called by their first word
// alone: "Tarnbrook University" is "Tarnbrook".
var schoolHeads = map[string]bool{"university": true, "college": true, "polytechnic": true,
	"technikon": true, "institute": true, "academy": true, "school": true, "conservatoire": true}

// placePreps stand before the name of a place: "in Tarnbrook", "for Westmarch".
var placePreps = map[string]bool{"in": true, "for": true, "across": true, "throughout": true,
	"around": true, "near": true, "outside": true, "within": true, "of": true, "from": true}

func (d *doc) addOrg(s *sentence, i, j int, name string, class bool) *entity {
	name = normaliseOrgName(name)
	e := d.org(name, class)
	d.addMention(&mention{sent: s, from: i, to: j, kind: mFull, ent: e})
	return e
}

func normaliseOrgName(name string) string {
	name = strings.ReplaceAll(name, "\u2019", "'")
	name = strings.TrimSuffix(name, "'s")
	name = strings.TrimSuffix(name, "'")
	return strings.Join(strings.Fields(name), " ")
}

// org returns the article's organisation of that name, making it if needed.
// A well-known body's other names lead to its canonical name.
func (d *doc) org(name string, class bool) *entity {
	if full := d.lex.bodyName(name); full != "" {
		if full != name {
			e := d.org(full, class || isLower(full))
			e.addAlias(name)
			return e
		}
	}
	key := "o:" + looseKey(name)
	if e, ok := d.byKey[key]; ok {
		e.addAlias(name)
		return e
	}
	if !class && !strings.Contains(name, " ") && d.lex.bodyName(name) == "" {
		// "Lakeside's owner" after "the Lakeside Bus Company": the body's first word.
		for _, e := range d.ents {
			if e.kind == schema.Organization && !e.class && strings.HasPrefix(e.name, name+" ") {
				e.addAlias(name)
				return e
			}
		}
	}
	e := &entity{kind: schema.Organization, name: name, key: d.lex.orgKey(name), class: class, sents: map[int]bool{}}
	if d.lex.generic[strings.ToLower(name)] {
		e.generic = true
	}
	d.newEntity(key, e)
	return e
}

func isLower(s string) bool { return s == strings.ToLower(s) }

func (d *doc) newEntity(key string, e *entity) {
	e.id = len(d.ents)
	d.ents = append(d.ents, e)
	d.byKey[key] = e
}
