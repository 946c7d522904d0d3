package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// A roleFact says a person holds a role, in an organisation when one is named.
type roleFact struct {
	person *entity
	role   string
	org    *entity
	sent   *sentence
	title  bool // read from a title ("Sen.", "Governor"): takes no body from the context
}

// sentenceWords are capitalised at a sentence's start without being names.
var sentenceWords = map[string]bool{"the": true, "but": true, "and": true, "however": true, "meanwhile": true, "a": true, "an": true, "as": true, "former": true, "new": true, "yesterday": true, "today": true, "now": true, "then": true, "also": true, "so": true, "while": true, "when": true, "after": true, "before": true, "in": true, "on": true, "at": true, "by": true, "for": true, "with": true, "of": true,
	"all": true, "every": true, "both": true, "some": true, "many": true, "most": true, "other": true, "several": true}

// portfolioStop are role modifiers that say nothing of a minister's portfolio.
var portfolioStop = map[string]bool{
	"shadow": true, "former": true, "junior": true, "deputy": true, "acting": true, "interim": true,
	"assistant": true, "senior": true, "chief": true, "cabinet": true, "first": true,
	"prime": true, "permanent": true, "new": true, "then": true, "ex": true, "minister": true, "secretary": true,
	"regional": true, "national": true, "local": true, "general": true, "executive": true, "managing": true,
	"strategic": true, "principal": true, "associate": true, "joint": true, "co": true, "lead": true, "head": true,
	"programme": true, "program": true, "operations": true, "finance": true, "financial": true, "press": true,
	"communications": true, "corporate": true, "commercial": true, "technical": true, "research": true,
	"political": true, "legal": true, "non-executive": true, "second": true, "vice": true, "policy": true,
	"parliamentary": true, "private": true, "branch": true, "outgoing": true, "incoming": true, "newly": true,
	"current": true, "sworn-in": true, "appointed": true, "elected": true, "designate": true, "under": true,
}

// mentionAt returns the resolved mention covering token k of s's paragraph.
func (d *doc) mentionAt(s *sentence, k int) *mention {
	for _, m := range d.in(s) {
		if m.sent == s && m.from <= k && k < m.to {
			return m
		}
	}
	return nil
}

// mentionEndingAt returns the organisation mention of s whose last token is k.
func (d *doc) orgEndingAt(s *sentence, k int) *mention {
	for _, m := range d.in(s) {
		if m.sent == s && m.to-1 == k && m.ent != nil && m.ent.kind == schema.Organization {
			return m
		}
	}
	return nil
}

// roleBodies maps role words to the head word of the kind of body they serve:
// a "council member" sits on a council, a "chief constable" leads a police force.
var roleBodies = map[string][]string{
	"councillor": {"council"}, "council": {"council"}, "cabinet": {"council", "government"}, "constable": {"police", "constabulary"},
	"headteacher": {"school", "academy"}, "headmaster": {"school"}, "headmistress": {"school"}, "principal": {"school", "college", "academy"},
	"vice-chancellor": {"university"}, "chancellor": {"university", "college"}, "provost": {"university", "college"}, "dean": {"university", "college", "school"},
	"mep": {"parliament"}, "msp": {"parliament"}, "governor": {"school", "bank", "prison"}, "regent": {"regents", "university"},
	"trustee": {"trust", "foundation", "charity"}, "superintendent": {"district", "police", "schools"}, "commissioner": {"commission"},
	"ombudsman": {"ombudsman"}, "organiser": {"union"}, "organizer": {"union"}, "steward": {"union"},
}

// staffWords are the people a body employs: "a memo to Home Office staff".
var staffWords = map[string]bool{"staff": true, "employees": true, "workers": true, "colleagues": true, "officials": true, "officers": true, "personnel": true}

// contextOrg finds the body a role with no body of its own belongs to: the
// kind of body the role words name ("council member" → the council the
// article spoke of), or the body the sentence or the one before it is about.
func (d *doc) contextOrg(s *sentence, role string) *entity {
	words := strings.Fields(strings.ToLower(role))
	for _, w := range words {
		for _, head := range roleBodies[w] {
			for m := range d.back(s, s.to) {
				if m.ent != nil && m.ent.kind == schema.Organization && !m.ent.class && hasWordOrSingular(m.ent.name, head) {
					return m.ent
				}
			}
		}
	}
	head := roleHeadWord(strings.ToLower(role))
	if head == "minister" || head == "mp" || head == "secretary" && len(words) == 1 || head == "" || len(portfolioWords(role)) > 0 {
		return nil // a minister's body is a department (see portfolio), never the one the sentence is about
	}
	if len(words) > 0 && (words[0] == "opposition" || words[0] == "shadow") {
		return nil // an opposition critic's body is a party the role does not name
	}
	// "In an email to Water Forum staff, chief executive Jo Roe said": the
	// body whose staff the role holder writes to.
	for _, m := range d.in(s) {
		if m.sent == s && m.ent != nil && m.ent.kind == schema.Organization && !m.ent.class && !m.ent.generic && m.from-1 >= s.from && m.to < s.to {
			t := s.para.toks
			if t[m.from-1].lower == "to" && staffWords[t[m.to].lower] {
				return m.ent
			}
		}
	}
	// The body that opens this sentence or the one before: "The FBU said it
	// would fight the plan. Regional secretary Kevin Amankwah said …".
	for _, n := range []int{s.n, s.n - 1} {
		cur := d.sentence(n)
		if cur == nil {
			continue
		}
		for _, m := range cur.ments {
			if m.ent != nil && !m.sent.para.head {
				if m.ent.kind == schema.Organization && !m.ent.class && !m.ent.generic && m.from <= m.sent.from+1 {
					return m.ent
				}
				break
			}
		}
	}
	return nil
}

// roleOrg makes a body of the words [i, j) of s that a role names, as
// addOrg does, or returns nil for an acronym that would be taken for the
// longer name it begins: "ANC" is not the "ANC Youth League" named before.
func (d *doc) roleOrg(s *sentence, i, j int, name string) *entity {
	name = normaliseOrgName(name)
	if t := s.para.toks; j-i == 1 && t[i].acronym && d.lex.bodyNames[strings.ToLower(name)] == "" && d.orgNamed(name) == nil {
		for _, e := range d.ents {
			if e.kind == schema.Organization && !e.class && strings.HasPrefix(e.name, name+" ") {
				return nil
			}
		}
	}
	e := d.org(name, false)
	d.addMention(&mention{sent: s, from: i, to: j, kind: mFull, ent: e})
	return e
}

// orgNamed returns the article's body of that name or alias, or nil.
func (d *doc) orgNamed(name string) *entity {
	for _, e := range d.ents {
		if e.kind == schema.Organization && !e.class && (strings.EqualFold(e.name, name) || e.aliases[name]) {
			return e
		}
	}
	return nil
}

// findRoles reads the roles of the people mentioned in s.
func (d *doc) findRoles(s *sentence) {
	first := len(d.roles)
	defer func() {
		for i := first; i < len(d.roles); i++ {
			r := &d.roles[i]
			if r.org == nil && r.role != "" && !r.title {
				r.org = d.contextOrg(s, r.role)
			}
		}
	}()
	for _, m := range d.in(s) {
		if m.sent != s || m.ent == nil || m.ent.kind != schema.Person {
			continue
		}
		d.asRole(s, m)
		before := len(d.roles)
		// A title that is an office ("Sen.", "Governor") leaves room for an
		// appositive: "Sen. Tom Hale (R-Ohio), chair of the Senate Banking Committee,".
		titled := d.prefixRole(s, m) || d.titleRole(s, m)
		if !titled {
			if at := d.premodifierRole(s, m); at >= 0 {
				// "ANC secretary general Jo Dube, who chairs X,": one role
				// before the name, another after it; "The administrator,
				// former superintendent Jo Dube,": one more before that.
				titled = true
				d.precedingRoleAt(s, m, at)
			}
		}
		d.partyTag(s, m)
		d.copulaRole(s, m)
		d.verbRole(s, m)
		if !d.appositiveRole(s, m) {
			d.relativeRole(s, m)
		}
		if !titled {
			// "Its chairman, Neil Tulloch, a former watch manager, said": a
			// role before the name as well as one after it.
			d.precedingRole(s, m)
		}
		if e := d.bodyAfterName(s, m); e != nil {
			// "Deputy Commissioner Jo Roe of the Water Commission", "union
			// president Tom Hale, of the Teachers' Federation,": the body
			// written after the name is the role's.
			found := false
			for x := before; x < len(d.roles); x++ {
				if r := &d.roles[x]; r.person == m.ent && r.org == nil && r.role != "" {
					r.org, found = e, true
				}
			}
			if !found {
				d.addRole(s, m.ent, "", e)
			}
		}
		d.parenBody(s, m)
	}
	if d.hasPerson(s) {
		d.copularRoles(s)
		d.appointedRoles(s)
		d.coordinatedRoles(s)
		d.memberList(s)
	}
	d.pastRoles(s)
	d.listRoles(s)
	d.dashListRoles(s)
}

// bodyAfterName returns the body written right after a name with "of",
// alone or between commas: "Jo Roe of the Water Forum said", "Tom Hale, of
// the Teachers' Federation, backed". The phrase must end there (a comma, a
// verb, the sentence's end), so "Jo Roe of the Water Forum's board" is not it.
func (d *doc) bodyAfterName(s *sentence, m *mention) *entity {
	t := s.para.toks
	k := m.to
	if k < s.to && t[k].text == "," {
		k++
	}
	if k+1 >= s.to || t[k].lower != "of" {
		return nil
	}
	k++
	if t[k].lower == "the" {
		k++
	}
	om := d.mentionAt(s, k)
	if om == nil || om.from != k || om.ent == nil || om.ent.kind != schema.Organization || om.ent.class || t[om.to-1].poss {
		return nil
	}
	end := om.to
	if end+2 < s.to && t[end].text == "(" && t[end+2].text == ")" {
		end += 3
	}
	if end < s.to && t[end].word && !d.lex.verbs[t[end].lower] {
		return nil
	}
	return om.ent
}

// parenBody reads a body, or a role and a body, in brackets after a name,
// as lists of signatories and panels write them: "Prof Jo Roe (University
// of Tromsdale)", "Dr Tom Hale (director, Atlantic Observatory)".
func (d *doc) parenBody(s *sentence, m *mention) {
	t := s.para.toks
	k := m.to
	if k+2 >= s.to || t[k].text != "(" {
		return
	}
	closeAt := -1
	for j := k + 1; j < s.to && j <= k+10; j++ {
		if t[j].text == ")" {
			closeAt = j
			break
		}
	}
	if closeAt < 0 {
		return
	}
	var org *entity
	from := closeAt
	for _, om := range d.in(s) {
		if om.sent == s && om.from > k && om.to == closeAt && om.ent != nil && om.ent.kind == schema.Organization && !om.ent.class {
			org, from = om.ent, om.from
		}
	}
	if org == nil {
		return
	}
	role := ""
	if from > k+1 {
		// "(director, Atlantic Observatory)", "(director of the observatory)".
		end := d.roleEnd(s, k+1)
		if end == k+1 {
			return // words that make no role: "(pictured with the Water Forum)"
		}
		role = s.para.text[t[k+1].start:t[end-1].end]
	}
	d.addRole(s, m.ent, role, org)
}

// hasPerson reports whether a person is named in s.
func (d *doc) hasPerson(s *sentence) bool {
	for _, m := range d.in(s) {
		if m.sent == s && m.ent != nil && m.ent.kind == schema.Person {
			return true
		}
	}
	return false
}

// addRole records a role.
func (d *doc) addRole(s *sentence, p *entity, role string, org *entity) {
	d.roles = append(d.roles, roleFact{person: p, role: strings.TrimSpace(role), org: org, sent: s})
}

// headAt returns where the role head ending at token k begins: k for one
// word ("director"), k-1 for a two-word head ("secretary general",
// "director general"), or -1 when no role head ends at k.
func (d *doc) headAt(s *sentence, k int) int {
	t := s.para.toks
	if k < s.from || k >= s.to || !t[k].word {
		return -1
	}
	if k-1 >= s.from && t[k-1].word && !complementWords[t[k].lower] && d.lex.roleHeads[t[k-1].lower+" "+t[k].lower] {
		return k - 1 // not "minister for": its complement follows (complementEnd)
	}
	if d.lex.roleHeads[t[k].lower] {
		return k
	}
	return -1
}

// pluralHead reports whether token k is a role head in the plural: "CEOs",
// "chief executives", "board members".
func (d *doc) pluralHead(s *sentence, k int) bool {
	t := s.para.toks
	if k < s.from || k >= s.to || !t[k].word || !strings.HasSuffix(t[k].lower, "s") {
		return false
	}
	one := singular(t[k].lower)
	return one != t[k].lower && d.lex.roleHeads[one]
}

// roleEnd returns the end of the role phrase starting at token i ("deputy
// director", "HM chief inspector", "secretary general"), skipping an
// article, or i when none starts there.
func (d *doc) roleEnd(s *sentence, i int) int {
	t := s.para.toks
	k := i
	if k < s.to && (t[k].lower == "the" || t[k].lower == "a" || t[k].lower == "an") {
		k++
	}
	end := i
	for k < s.to && t[k].word && (d.lex.roleMods[t[k].lower] || d.lex.roleHeads[t[k].lower] || d.headAt(s, k) >= 0 || d.headAt(s, k+1) == k) {
		if d.headAt(s, k) >= 0 {
			end = k + 1
		}
		k++
	}
	return end
}

// complementEnd extends a role that names no body by the "of"/"for" phrase
// that completes it, up to the comma or clause end: "HM chief inspector" +
// "of probation", "Minister" + "of Health", "secretary" + "of tourism".
func (d *doc) complementEnd(s *sentence, end int) int {
	t := s.para.toks
	if end >= s.to || t[end].lower != "of" && t[end].lower != "for" {
		return end
	}
	j := end + 1
	if j < s.to && t[j].lower == "the" {
		j++
	}
	k := j
	for k < s.to && k < j+4 && t[k].word && !d.lex.verbs[t[k].lower] && !classStop[t[k].lower] {
		if m := d.mentionAt(s, k); m != nil && m.ent != nil {
			return end // a named body: the caller links it
		}
		k++
	}
	if k == j {
		return end
	}
	return k
}

// roleText returns the words [i, j) of s as a role: role and common words
// in lower case, names and acronyms as written ("former FAS director
// general", "Public Safety Minister" → "public safety minister").
func (d *doc) roleText(s *sentence, i, j int) string {
	t := s.para.toks
	if i >= j {
		return ""
	}
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteString(s.para.text[t[k-1].end:t[k].start])
		}
		w := t[k].text
		// A body's name keeps its capitals: "former Conservative prime minister".
		om := d.mentionAt(s, k)
		body := om != nil && om.ent != nil && om.ent.kind == schema.Organization && !d.portfolioRun(s, om.from, om.to)
		if !body && t[k].cap && !t[k].acronym && (d.lex.roleMods[t[k].lower] || d.lex.roleHeads[t[k].lower] || d.lex.common[t[k].lower] || sentenceWords[t[k].lower]) &&
			!(k+1 < j && t[k+1].text == ".") {
			w = t[k].lower
		}
		b.WriteString(w)
		if t[k].poss && k < j-1 {
			b.WriteString("'s")
		}
	}
	return strings.TrimSpace(b.String())
}

// knownBody returns the body the capitalised words [i, j) of s name when no
// mention covers them: an acronym the article defines, a body the article
// names so or whose party this is ("Ulster Unionist" → "Ulster Unionist
// Party"), or a well-known body of the lexicon; nil otherwise.
func (d *doc) knownBody(s *sentence, i, j int) *entity {
	t := s.para.toks
	if i < s.from || i >= j || j > s.to || !t[i].cap {
		return nil
	}
	for k := i; k < j; k++ {
		if !t[k].word || t[k].poss && k < j-1 {
			return nil
		}
	}
	name := s.para.text[t[i].start:t[j-1].end]
	if t[j-1].poss {
		name = normaliseOrgName(name)
	}
	var e *entity
	if j-i == 1 && t[i].acronym {
		e = d.acr[acronymKey(t[i].text)]
	}
	if e == nil {
		e = d.orgNamed(name)
	}
	if e == nil {
		for _, c := range d.ents {
			if c.kind == schema.Organization && !c.class && (c.aliases[name] || strings.EqualFold(c.name, name+" Party") || t[i].acronym && j-i == 1 && endsWithWord(c, name)) {
				e = c // "TDA" after "NHS TDA"
				break
			}
		}
	}
	if e == nil {
		low := strings.ToLower(name)
		if b, ok := d.lex.bodies[low]; ok {
			e = d.org(b[0], isLower(b[0]))
		} else if full, ok := d.lex.bodyNames[low]; ok {
			e = d.org(full, false)
		} else if full, ok := d.lex.bodyNames[low+" party"]; ok {
			e = d.org(full, false) // "Democratic" → Democratic Party
		}
	}
	if e != nil {
		d.addMention(&mention{sent: s, from: i, to: j, kind: mFull, ent: e})
	}
	return e
}

// bodyFirstWord returns the body the article has named whose name is the
// capitalised word at token k of s and one word more that says what kind
// of body it is ("Continental" → "Continental Airlines", "Summit" → "Summit
// Bank"), when only one such body was named before s; nil otherwise. The
// caller reads the word right before a role and its holder's name.
func (d *doc) bodyFirstWord(s *sentence, k int) *entity {
	t := s.para.toks
	if k < s.from || !t[k].word || !t[k].cap || t[k].poss || t[k].acronym || d.mentionAt(s, k) != nil {
		return nil
	}
	var found *entity
	for _, c := range d.ents {
		if c.kind != schema.Organization || c.class {
			continue
		}
		first, rest, ok := strings.Cut(c.name, " ")
		if !ok || first != t[k].text || strings.Contains(rest, " ") {
			continue
		}
		if r := strings.ToLower(rest); !d.lex.orgHeads[r] && !d.lex.orgTail[r] && !d.lex.orgSector[r] {
			continue
		}
		before := false
		for n := range c.sents {
			if n < s.n {
				before = true
			}
		}
		if !before {
			continue
		}
		if found != nil && found != c {
			return nil // two bodies begin so: no telling which
		}
		found = c
	}
	if found != nil {
		d.addMention(&mention{sent: s, from: k, to: k + 1, kind: mFull, ent: found})
	}
	return found
}

// endsWithWord reports whether a body's name or an alias ends with the word w.
func endsWithWord(e *entity, w string) bool {
	if strings.HasSuffix(e.name, " "+w) {
		return true
	}
	for a := range e.aliases {
		if strings.HasSuffix(a, " "+w) {
			return true
		}
	}
	return false
}

// orgAt returns the body named at token j of s, a mention or a known body
// no mention covers, and the token after it.
func (d *doc) orgAt(s *sentence, j int) (*entity, int) {
	if om := d.mentionAt(s, j); om != nil {
		if om.from == j && om.ent != nil && om.ent.kind == schema.Organization {
			return om.ent, om.to
		}
		return nil, j
	}
	if e := d.knownBody(s, j, j+1); e != nil {
		return e, j + 1
	}
	return nil, j
}

// chamberWords name a legislature's houses: "Liberal Senate leader" is the
// Liberals' leader in the Senate, not an office of a body "Liberal Senate".
var chamberWords = map[string]bool{"senate": true, "house": true, "assembly": true, "caucus": true, "lords": true, "commons": true}

// chamberQualifiers make a chamber's own name, not a party's: "National Assembly".
var chamberQualifiers = map[string]bool{"national": true, "federal": true, "state": true, "upper": true, "lower": true,
	"general": true, "legislative": true, "provincial": true, "regional": true, "european": true, "the": true, "us": true, "u.s.": true}

// partyOf returns the party a capitalised adjective before a role names
// ("Liberal Senate leader", "a Democratic senator"): one the article or the
// lexicon knows, or else "<Adjective> Party" for a common English adjective
// that is no chamber's own qualifier. It returns nil for other words.
func (d *doc) partyOf(s *sentence, k int) *entity {
	t := s.para.toks
	if k < s.from || k >= s.to || !t[k].word || !t[k].cap || t[k].acronym || chamberQualifiers[t[k].lower] {
		return nil
	}
	if e := d.knownBody(s, k, k+1); e != nil {
		return e
	}
	if !d.lex.common[t[k].lower] || d.lex.roleMods[t[k].lower] || d.lex.roleHeads[t[k].lower] || sentenceWords[t[k].lower] {
		return nil
	}
	e := d.org(t[k].text+" Party", false)
	d.addMention(&mention{sent: s, from: k, to: k + 1, kind: mFull, ent: e})
	return e
}

// prefixRole reads a capitalised role written in one run with the name:
// "Commissioner for the Oceans Katrin Vesterlund", "Island MP Catriona
// MacAulay", "NDP Leader Jo Tremblay", and, across "of/for", "Secretary of
// State for Transport Ann Blake", "Federal Member for Hume Tom Quill".
func (d *doc) prefixRole(s *sentence, m *mention) bool {
	t := s.para.toks
	for _, pr := range d.prefixRoles {
		if pr.sent != s || pr.to != m.from {
			continue
		}
		// The role begins at its first role word: "Island MP" → "MP".
		from := -1
		for k := pr.from; k < pr.to; k++ {
			if d.lex.roleHeads[t[k].lower] || roleAbbrev[t[k].lower] || d.lex.roleMods[t[k].lower] {
				from = k
				break
			}
		}
		if h := pr.from - 2; h >= s.from && (t[h+1].lower == "for" || t[h+1].lower == "of") && d.lex.roleHeads[t[h].lower] && (!t[h].cap || h == s.from) && d.mentionAt(s, h) == nil {
			// "opposition spokesperson for Health and Social Services Jo
			// Roe": the run is the portfolio of a role written in lower
			// case before it.
			from = h
			for from-1 >= s.from && (d.lex.roleMods[t[from-1].lower] || d.lex.roleHeads[t[from-1].lower]) && (!t[from-1].cap || from-1 == s.from) && d.mentionAt(s, from-1) == nil {
				from--
			}
		}
		// "Secretary of State" + "Marco …": the run before "of/for" that
		// holds the office is part of the role; so are the portfolio's
		// words before "and" ("Minister for Roads and Ports Jo Roe"), when
		// an office's head stands further back.
		for b := pr.from; b-2 >= s.from && (t[b-1].lower == "of" || t[b-1].lower == "for" || t[b-1].lower == "and" && from < 0 || t[b-1].lower == "the" && b-3 >= s.from && (t[b-2].lower == "for" || t[b-2].lower == "of")); {
			c := b - 1
			if t[c].lower == "the" {
				c--
			}
			r := c
			head := -1 // the office's title or head word
			for r-1 >= s.from && t[r-1].word && t[r-1].cap && !sentenceWords[t[r-1].lower] && d.mentionAt(s, r-1) == nil && c-r < 4 {
				r--
				if _, title := d.lex.titles[t[r].lower]; title || d.lex.roleHeads[t[r].lower] {
					head = r
				}
			}
			if r == c {
				break
			}
			b = r
			if head >= 0 {
				// "Federal Member for …" from the run's start; but "Canadian
				// Press Minister of Health …" from the office's word: the
				// words before it name something else.
				from = head
				for from > r && (d.lex.roleMods[t[from-1].lower] || d.lex.common[t[from-1].lower]) {
					from--
				}
				if from > r {
					from = head
				}
			}
		}
		if from < 0 {
			return false // no role word: "West Virginia Legislature" is no office
		}
		if from == pr.from && from-2 >= s.from && t[from-1].lower == "and" && d.headAt(s, from-2) >= 0 {
			return false // "chairman, president and CEO Jo Roe": stacked titles, read as a pre-modifier
		}
		office := from < pr.from
		dated := ""
		if f := from - 1; f >= s.from && f < pr.from+1 && formerWords[t[f].lower] && t[f].lower != "then" && (!t[f].cap || f == s.from || t[f-1].lower == "and") && d.mentionAt(s, f) == nil {
			from, dated = f, t[f].lower+" " // "former Treasurer Mike Nahan": the word that dates the office is its own
		}
		role := s.para.text[t[from].start:t[pr.to-1].end]
		if dated != "" {
			role = dated + s.para.text[t[from+1].start:t[pr.to-1].end]
		}
		if a := from - 1; a-1 >= s.from && t[a].lower == "and" {
			// "Opposition Leader and former Treasurer X": an office before
			// "and" is X's too.
			h := a - 1
			if _, title := d.lex.titles[t[h].lower]; (title || d.lex.roleHeads[t[h].lower]) && t[h].cap && d.mentionAt(s, h) == nil {
				b := h
				for b-1 >= s.from && b > h-3 && t[b-1].word && t[b-1].cap && !sentenceWords[t[b-1].lower] && d.mentionAt(s, b-1) == nil {
					b--
				}
				d.roles = append(d.roles, roleFact{person: m.ent, role: s.para.text[t[b].start:t[h].end], sent: s, title: true})
			}
		}
		var org *entity
		for _, om := range d.in(s) {
			if om.sent == s && om.from >= pr.from && om.to <= pr.to && om.ent != nil && om.ent.kind == schema.Organization {
				org = om.ent
			}
		}
		if org == nil && from > pr.from {
			// "NDP Leader", "UUP MLA": the words before the role name a body.
			org = d.knownBody(s, pr.from, from)
			if org == nil && from == pr.from+1 && t[pr.from].acronym && !placeOffices[roleHeadWord(strings.ToLower(role))] {
				org = d.roleOrg(s, pr.from, from, t[pr.from].text)
			}
		}
		if org == nil {
			org = d.portfolio(role, s, from, pr.to)
		}
		// An office written out in capitals across "of/for" ("State
		// Superintendent of Public Instruction") is no body's post the
		// context could supply.
		d.roles = append(d.roles, roleFact{person: m.ent, role: role, org: org, sent: s, title: office})
		return true
	}
	return false
}

// titleRoles are titles that are also offices: "Governor Linda Hayes".
var titleRoles = map[string]bool{"governor": true, "mayor": true, "senator": true, "president": true, "chancellor": true,
	"commissioner": true, "minister": true, "secretary": true, "superintendent": true, "judge": true, "prime minister": true,
	"chief constable": true, "sen": true, "rep": true, "gov": true, "representative": true, "premier": true}

// titleOffices are the offices abbreviated titles stand for.
var titleOffices = map[string]string{"sen": "senator", "rep": "representative", "gov": "governor"}

// titleRole reads a title that is an office: "Governor Linda Hayes", "Sen.
// Tom Hale", "Police Minister Aaron Kellett" and "Public Safety Minister Jo
// Kerr" with the words of the portfolio, "Labor Health Minister Ann Lee"
// with the party written before them.
func (d *doc) titleRole(s *sentence, m *mention) bool {
	t := s.para.toks
	title, at := d.titleBefore(s, m.from)
	if at >= m.from || !titleRoles[strings.ToLower(title)] {
		return false
	}
	end := at + len(strings.Fields(title))
	if end < m.from && t[end].text == "." {
		end++ // "Sen."
	}
	start := at
	var org *entity
	for start-1 >= s.from && at-start < 3 {
		p := t[start-1]
		if !p.word || p.poss {
			break
		}
		if om := d.mentionAt(s, start-1); om != nil {
			if om.ent != nil && om.ent.kind == schema.Organization && om.to == start && d.portfolioRun(s, om.from, om.to) && at-om.from <= 3 {
				start = om.from // "State Services Minister": a portfolio, not a body
				continue
			}
			if om.ent != nil && om.ent.kind == schema.Person && om.to == start && d.onlyRoleWords(s, om.from, om.to) {
				start = om.from // "Health" taken for a surname: no name stands before a title
				continue
			}
			if om.ent != nil && om.ent.kind == schema.Organization && om.to == start {
				org = om.ent
			}
			break
		}
		given := d.lex.isGiven(p.lower)
		// At a sentence's start any word is capitalised: "Calling Minister X's plan …".
		opener := start-1 == s.from && (strings.HasSuffix(p.lower, "ing") || strings.HasSuffix(p.lower, "ly") || strings.HasSuffix(p.lower, "ed"))
		if d.lex.roleMods[p.lower] || p.cap && !p.acronym && d.lex.common[p.lower] && !sentenceWords[p.lower] && !given && !opener {
			start--
			continue
		}
		org = d.knownBody(s, start-1, start)
		break
	}
	if start-1 >= s.from && d.lex.roleHeads[t[start-1].lower] {
		return false // "chief executive Minister …": not a title run
	}
	role := d.roleText(s, start, end)
	if full := titleOffices[strings.ToLower(title)]; full != "" {
		// "Sen. Tom Hale": the office, not its abbreviation.
		role = strings.TrimSpace(d.roleText(s, start, at) + " " + full)
	}
	if org == nil {
		org = d.portfolio(role, s, start, end)
	}
	d.roles = append(d.roles, roleFact{person: m.ent, role: role, org: org, sent: s, title: true})
	return true
}

// premodifierRole reads "care services minister Paul Burstow",
// "Association of Directors of Adult Social Services president Richard
// Jones", "Water Forum (WF) chair Jo Roe", "ANC secretary general Lulu
// Dube", and "Liberal Senate leader Ann Roy" (the party's leader there).
func (d *doc) premodifierRole(s *sentence, m *mention) int {
	t := s.para.toks
	k := m.from - 1
	if _, at := d.titleBefore(s, m.from); at < m.from {
		k = at - 1
	}
	end := k + 1
	hs := d.headAt(s, k)
	if hs < 0 {
		// "Cabinet member for adult social care Cllr Jo Roe": the role's
		// complement stands between its head and the name.
		for c := k; c >= s.from && c > k-5; c-- {
			if !t[c].word || t[c].cap && c != s.from || d.lex.verbs[t[c].lower] || classStop[t[c].lower] && t[c].lower != "for" && t[c].lower != "of" {
				break
			}
			if (t[c].lower == "for" || t[c].lower == "of") && c < k {
				if h := d.headAt(s, c-1); h >= 0 {
					hs = h
				}
				break
			}
		}
		if hs < 0 {
			return -1
		}
	}
	start := hs
	for start-1 >= s.from && len(t[start-1].text) > 0 && t[start-1].word && !t[start-1].poss && (!t[start-1].cap || start-1 == s.from && d.sentenceInitialWord(s)) &&
		(!classStop[t[start-1].lower] || formerWords[t[start-1].lower]) && t[start-1].lower != "and" && t[start-1].lower != "or" && d.mentionAt(s, start-1) == nil && k-start < 4 {
		start--
	}
	// "chairman, president and CEO Jo Roe": titles stacked before one
	// name, the last joined by "and", the others by commas.
	stacked := false
	for link := "and"; start-2 >= s.from && t[start-1].lower == link && d.mentionAt(s, start-2) == nil; link = "," {
		h := d.headAt(s, start-2)
		if h < 0 {
			break
		}
		start, stacked = h, true
		for start-1 >= s.from && t[start-1].word && !t[start-1].cap && d.lex.roleMods[t[start-1].lower] {
			start--
		}
	}
	role := strings.ToLower(s.para.text[t[start].start:t[end-1].end])
	if stacked {
		role = d.roleText(s, start, end) // "chairman, president and CEO"
	}
	var org *entity
	bodyFrom := -1 // where the body written before the role begins
	b := start - 1
	if b-2 >= s.from && t[b].text == ")" && t[b-1].acronym && t[b-2].text == "(" {
		b -= 3 // "Rail Workers Union (RWU) branch secretary"
	}
	if b >= s.from {
		if om := d.orgEndingAt(s, b); om != nil {
			org, bodyFrom = om.ent, om.from
			if om.to-om.from == 2 && chamberWords[t[om.to-1].lower] {
				if p := d.partyOf(s, om.from); p != nil {
					org = p
					role = strings.ToLower(t[om.to-1].text) + " " + role
				}
			}
		}
	}
	if org == nil && start-2 >= s.from && chamberWords[t[start-1].lower] && t[start-1].cap && d.mentionAt(s, start-1) == nil {
		// "Liberal Senate leader X" where the party alone is the body named.
		if om := d.orgEndingAt(s, start-2); om != nil {
			org, bodyFrom = om.ent, om.from
			role = strings.ToLower(t[start-1].text) + " " + role
		}
	}
	if org == nil && start-2 >= s.from && t[start-1].poss && !t[start-1].cap && t[start-2].lower == "the" {
		// "the agency's acting director Jo Roe": the body the word points back to.
		org = d.bodyCalled(s, singular(t[start-1].lower))
	}
	if org == nil && start-1 >= s.from && t[start-1].word && t[start-1].cap && !t[start-1].acronym && d.lex.orgHeads[t[start-1].lower] &&
		d.mentionAt(s, start-1) == nil && (start-2 < s.from || !t[start-2].cap) {
		// "Commission executive director X", "Council member X": the body
		// named before by its head word, which stays in the role.
		if e := d.bodyCalled(s, t[start-1].lower); e != nil {
			org = e
			role = t[start-1].lower + " " + role
		} else if start-1 == s.from {
			role = t[start-1].lower + " " + role // "Cabinet member for …": the kind of body is the role's
		}
	}
	if org == nil && start-1 >= s.from && t[start-1].word && t[start-1].cap && !t[start-1].poss && !sentenceWords[t[start-1].lower] && d.mentionAt(s, start-1) == nil {
		// "Unison general secretary Dave Prentis": a one-word body before a
		// role made only of role words (not "Lakemont school board president").
		onlyRoleWords := true
		for _, tk := range t[start:end] {
			if !d.lex.roleMods[tk.lower] && !d.lex.roleHeads[tk.lower] && tk.text != "," && tk.lower != "and" {
				onlyRoleWords = false
			}
		}
		if e := d.knownBody(s, start-1, start); e != nil && onlyRoleWords {
			org, bodyFrom = e, start-1
		} else if e := d.bodyFirstWord(s, start-1); e != nil && onlyRoleWords {
			// "Continental chairman X" after "Continental Airlines".
			org, bodyFrom = e, start-1
		} else {
			_, known := d.lex.bodies[t[start-1].lower]
			if _, isTitle := d.lex.titles[t[start-1].lower]; !isTitle && onlyRoleWords && (!d.lex.common[t[start-1].lower] || known) && !d.lex.orgHeads[t[start-1].lower] &&
				(known || !t[start-1].acronym || !placeOffices[roleHeadWord(role)]) {
				if org = d.roleOrg(s, start-1, start, t[start-1].text); org != nil {
					bodyFrom = start - 1
				}
			}
		}
	}
	if bodyFrom > s.from && formerWords[t[bodyFrom-1].lower] && (!t[bodyFrom-1].cap || bodyFrom-1 == s.from) {
		// "former Pennsylvania governor": the word that dates the role is its own.
		role = d.roleText(s, bodyFrom-1, end)
	}
	if org == nil {
		org = d.portfolio(role, s, start, end)
	}
	if org == nil && start-1 >= s.from {
		switch w := t[start-1].lower; {
		case w == "its" || w == "their":
			// "its newly elected president Jo Roe": the body spoken of lately.
			org = d.itsBody(s, start-1)
		case w == "and" && start-2 >= s.from:
			// "the chair Jo Roe and chief executive Tom Hale": the body of
			// the role before.
			if pm := d.personEndingAt(s, start-2); pm != nil {
				for x := len(d.roles) - 1; x >= 0 && d.roles[x].sent == s; x-- {
					if d.roles[x].person == pm.ent {
						org = d.roles[x].org
						break
					}
				}
			}
		case w == "the" && len(portfolioWords(role)) == 0:
			// "the chair Jo Roe", a role with no body of its own: the body the
			// story is about.
			if org = d.contextOrg(s, role); org == nil {
				org = d.mainOrg(s)
			}
		}
	}
	d.addRole(s, m.ent, role, org)
	return start
}

// mainOrg returns the body the article has named most often up to s (and
// at least twice), or nil.
func (d *doc) mainOrg(s *sentence) *entity {
	if best, n, _ := d.mostNamed(s); n >= 2 {
		return best
	}
	return nil
}

// portfolioRun reports whether a capitalised run before a minister's title
// is a portfolio that names took for a body because it ends in a word such
// as "Services": common words ending in a role word ("State Services").
func (d *doc) portfolioRun(s *sentence, i, j int) bool {
	t := s.para.toks
	if j-i < 2 || !d.lex.roleMods[t[j-1].lower] {
		return false
	}
	for k := i; k < j; k++ {
		if t[k].acronym || !d.lex.roleMods[t[k].lower] && !d.lex.common[t[k].lower] {
			return false
		}
	}
	return true
}

// onlyRoleWords reports whether tokens [i, j) of s are all role words.
func (d *doc) onlyRoleWords(s *sentence, i, j int) bool {
	t := s.para.toks
	for k := i; k < j; k++ {
		if !d.lex.roleMods[t[k].lower] && !d.lex.roleHeads[t[k].lower] {
			return false
		}
	}
	return i < j
}

// placeOffices are offices of a place: an unknown acronym before them ("WA
// Premier", "NSW premier") abbreviates a state, not a body's name.
var placeOffices = map[string]bool{"premier": true, "governor": true, "mayor": true, "president": true, "minister": true,
	"treasurer": true, "senator": true, "judge": true}

// sentenceInitialWord reports whether the capitalised first word of s is a
// common word capitalised only for its place ("Rural affairs minister X"),
// not a name or a body.
func (d *doc) sentenceInitialWord(s *sentence) bool {
	w := s.para.toks[s.from]
	if d.lex.roleMods[w.lower] {
		return true
	}
	given := d.lex.isGiven(w.lower)
	_, body := d.lex.bodies[w.lower] // "Labour leader X": a party
	return !w.acronym && d.lex.common[w.lower] && !given && !body && d.lex.bodyNames[w.lower] == "" && !sentenceWords[w.lower] &&
		!d.lex.orgHeads[w.lower] && d.mentionAt(s, s.from) == nil // "Commission executive director X": the body
}

// itsBody returns the body "its" at token k of s stands for. At a
// sentence's start it is the subject of the sentence before ("Carrow Skies
// welcomed the plan. Its secretary, …"); otherwise, or when that sentence
// opens with no body, the body named last within the two sentences before.
func (d *doc) itsBody(s *sentence, k int) *entity {
	if prev := d.sentence(s.n - 1); k <= s.from+1 && prev != nil {
		for _, m := range prev.ments {
			if m.from <= m.sent.from+4 {
				if e := m.ent; e != nil && e.kind == schema.Organization && !e.class && !e.generic {
					return e
				}
			}
		}
	}
	if e := d.lastOrgBefore(s); e != nil && (e.sents[s.n-1] || e.sents[s.n-2]) {
		return e
	}
	return nil
}

// bodyCalled returns the body a role's "the council's", "the trust's"
// points back to: the one the sentence before opens with, if its name holds
// the word (the body the story is following), else the one named last.
func (d *doc) bodyCalled(s *sentence, w string) *entity {
	var before []*mention
	if prev := d.sentence(s.n - 1); prev != nil {
		before = prev.ments
	}
	for _, m := range before {
		if m.from <= m.sent.from+1 {
			if e := m.ent; e != nil && e.kind == schema.Organization && !e.class && !e.generic {
				for _, f := range strings.Fields(strings.ToLower(e.name)) {
					if singular(f) == w {
						return e
					}
				}
			}
		}
	}
	if e := d.shortForm(s, w); e != nil {
		return e
	}
	// "the city's mayor": the city's own body, named by its head word.
	for _, head := range placeBodies[w] {
		if e := d.shortForm(s, head); e != nil {
			return e
		}
	}
	return nil
}

// placeBodies are the heads of the bodies that govern a place: "the city's
// mayoral committee member" serves the municipality or council.
var placeBodies = map[string][]string{"city": {"council", "municipality", "corporation"}, "town": {"council"},
	"county": {"council"}, "borough": {"council"}, "district": {"council", "municipality"}, "municipality": {"council"}}

// formerWords date a role: "former FAS director general", "then justice secretary".
var formerWords = map[string]bool{"former": true, "then": true, "ex": true, "outgoing": true, "acting": true, "interim": true, "incoming": true}

// portfolio returns the department a minister's or secretary's role points
// to: the body the article itself names whose name holds the portfolio's
// words ("transport secretary" → "Department for Transport", "home
// secretary" → "Home Office", "Minister of Health" → "Ministry of Health").
// A portfolio the article names no department for stays in the role's text:
// "education" is no organisation, and one "education" node would tie every
// country's education ministers together.
func (d *doc) portfolio(role string, s *sentence, start, end int) *entity {
	words := portfolioWords(role)
	if len(words) == 0 {
		return nil
	}
	holds := func(m *mention) bool {
		e := m.ent
		return e != nil && e.kind == schema.Organization && !e.class && !e.generic && isDepartment(e.name) && holdsWords(e.name, words)
	}
	// The nearest before, or else the first after; within a sentence the
	// first named.
	for m := range d.back(s, s.to) {
		if holds(m) {
			for _, o := range m.sent.ments {
				if holds(o) {
					return o.ent
				}
			}
		}
	}
	for m := range d.after(s) {
		if holds(m) {
			return m.ent
		}
	}
	return nil
}

// departmentWords name the bodies that carry a minister's portfolio.
var departmentWords = map[string]bool{"department": true, "ministry": true, "office": true, "dept": true, "departments": true}

// isDepartment reports whether a body's name is a government department's:
// "Department for Transport", "Ministry of Justice", "Home Office" — but not
// "Office for National Statistics", a body that answers to one.
func isDepartment(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	for i, w := range f {
		w = strings.Trim(w, ".,")
		if departmentWords[w] && (w != "office" || i == len(f)-1 && i > 0) {
			return true
		}
	}
	return false
}

// holdsWords reports whether every word of want is a word of name, plurals
// folded ("schools minister" → "Department for Children, Schools and Families").
func holdsWords(name string, want []string) bool {
	have := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == ',' || r == '-' }) {
		have[singular(w)] = true
	}
	for _, w := range want {
		if !have[singular(w)] {
			return false
		}
	}
	return true
}

// portfolioWords returns the words of a minister's or secretary's role that
// name the portfolio: "care services minister" → care, services; "Secretary
// of State for Transport" → transport; "Minister of Health" → health. A
// shadow or opposition role has none: its holder runs no department.
func portfolioWords(role string) []string {
	f := strings.Fields(strings.ToLower(role))
	head := roleHeadWord(strings.ToLower(role))
	if head != "minister" && head != "secretary" {
		return nil
	}
	var words []string
	after := false
	for i, w := range f {
		w = strings.Trim(w, ".,")
		switch {
		case w == "shadow" || w == "opposition":
			return nil
		case w == head && !after:
			after = true
		case after && (w == "of" || w == "for" || w == "and" || w == "the"):
		case after && w == "state" && i+1 < len(f) && f[i+1] == "for":
			// "Secretary of State for Transport": the portfolio follows.
		case portfolioStop[w] && !(w == "state" && after):
		default:
			words = append(words, w)
		}
	}
	return words
}

func roleHeadWord(role string) string {
	f := strings.Fields(role)
	for i, w := range f {
		if i > 0 && (w == "of" || w == "for" || w == "at" || w == "on" || w == "to") {
			f = f[:i]
			break
		}
	}
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// roleNoun resolves "the director", "the Europol director", "the
// minister" ending just before token k of s to the person the article gave
// that role last, in this sentence or before: a role named again stands for
// its holder. A body named among the words must be the role's.
func (d *doc) roleNoun(s *sentence, k int) *entity {
	t := s.para.toks
	j := k - 1
	if j <= s.from || !t[j].word || t[j].cap && j != s.from || !d.lex.roleHeads[t[j].lower] {
		return nil
	}
	start := j
	for start > s.from && start >= j-4 && t[start-1].lower != "the" && t[start-1].word {
		start--
	}
	if start-1 < s.from || t[start-1].lower != "the" {
		return nil
	}
	var org *entity
	for _, m := range d.in(s) {
		if m.from >= start && m.to <= j && m.ent != nil && m.ent.kind == schema.Organization {
			org = m.ent
		}
	}
	for i := len(d.roles) - 1; i >= 0; i-- {
		r := d.roles[i]
		if r.sent.n > s.n || r.person == nil || roleHeadWord(strings.ToLower(r.role)) != t[j].lower {
			continue
		}
		if org == nil || r.org == org {
			return r.person
		}
	}
	return nil
}

// appositiveAdverbs may open an appositive or relative role without
// belonging to it: "Jane Roe, currently the administrator of …".
var appositiveAdverbs = map[string]bool{"currently": true, "now": true, "also": true, "still": true, "formerly": true,
	"previously": true, "once": true, "later": true, "already": true, "recently": true}

// skipParen returns the token after a short parenthesis at i ("(pictured)",
// "(R-La.)"), or i when none opens there.
func skipParen(s *sentence, i int) int {
	t := s.para.toks
	if i >= s.to || t[i].text != "(" {
		return i
	}
	for k := i + 1; k < s.to && k <= i+6; k++ {
		if t[k].text == ")" {
			return k + 1
		}
	}
	return i
}

// appositiveRole reads "Jo Webber, deputy director of policy at the NHS
// Confederation," and "Andrew Cozens, the Local Government Association's
// strategic lead for adult social care," and list items "Roy Fisher, chair of
// NHS Blackpool;", and also "Jo Roe, Water Forum chief operating officer,",
// "Tom Hale, the trust's chief executive," and "Ann Diaz, a Democratic
// senator from Ohio,".
func (d *doc) appositiveRole(s *sentence, m *mention) bool {
	t := s.para.toks
	i := skipParen(s, m.to)
	if i >= s.to || t[i].text != "," {
		return false
	}
	if i+2 < s.to && partyFromTag(t[i+1].text) != "" {
		// "Sen. Tom Hale, R-Ohio, chair of …": past the party tag.
		j := i + 2
		if j < s.to && t[j].text == "." {
			j++
		}
		if j >= s.to || t[j].text != "," {
			return false
		}
		i = j
	}
	i++
	list := d.inSignatories(s, m.from)
	// The appositive ends at the first organisation that closes it, before
	// any reporting verb, quotation or another person.
	limit := s.to
	for k := i; k < s.to && k < i+30; k++ {
		// A verb's form after an article or a role word is a noun: "a former state treasurer".
		verb := d.lex.verbs[t[k].lower] && k > i && !d.lex.roleMods[t[k-1].lower] && !formerWords[t[k-1].lower] && t[k-1].lower != "the" && t[k-1].lower != "a"
		if t[k].quote >= 0 || verb || t[k].text == ";" || t[k].text == "(" {
			limit = k
			break
		}
		if pm := d.mentionAt(s, k); pm != nil && pm.ent != nil && pm.ent.kind == schema.Person {
			limit = k
			break
		}
	}
	for i < limit && appositiveAdverbs[t[i].lower] {
		i++
	}
	if i >= limit {
		return false
	}
	k := i
	if k < limit && t[k].lower == "the" {
		k++
	}
	if om := d.mentionAt(s, k); om != nil && om.ent != nil && om.ent.kind == schema.Organization && om.from == k {
		if t[om.to-1].poss {
			// Possessive: "the Local Government Association's strategic lead for X,".
			end := om.to
			for end < limit && t[end].text != "," {
				end++
			}
			if end > om.to {
				role := strings.TrimSpace(s.para.text[t[om.to].start:t[end-1].end])
				if d.lex.roleHeads[roleHeadWord(strings.ToLower(role))] || d.roleEnd(s, om.to) > om.to {
					d.addRole(s, m.ent, role, om.ent)
					return true
				}
			}
		} else if re := d.roleEnd(s, om.to); re > om.to && (re >= limit || !t[re].word) {
			// "Water Forum chief operating officer,": the body, then the role.
			d.addRole(s, m.ent, d.roleText(s, om.to, re), om.ent)
			return true
		}
	}
	if k+1 < limit && k > i && !t[k].cap && t[k+1].poss && !t[k+1].cap && t[k].word {
		// "the skills council's chief executive": the body the article named, by its head word.
		if re := d.roleEnd(s, k+2); re > k+2 {
			if owner := d.bodyCalled(s, singular(t[k+1].lower)); owner != nil {
				d.addRole(s, m.ent, d.roleText(s, k+2, re), owner)
				return true
			}
		}
	} else if k < limit && t[k].poss && !t[k].cap && k > i && t[k].word {
		if re := d.roleEnd(s, k+1); re > k+1 {
			if owner := d.bodyCalled(s, singular(t[k].lower)); owner != nil {
				d.addRole(s, m.ent, d.roleText(s, k+1, re), owner) // "the trust's chief executive"
				return true
			}
		}
	}
	j := k // "a Democratic senator", "the Labour leader"
	if t[i].lower == "a" || t[i].lower == "an" {
		j = i + 1
	}
	if j < limit && t[j].cap && !t[j].acronym && d.mentionAt(s, j) == nil {
		// "a Democratic senator from Ohio": a party's member.
		if re := d.roleEnd(s, j+1); re > j+1 && !d.lex.roleMods[t[j].lower] && !d.lex.roleHeads[t[j].lower] {
			if p := d.partyOf(s, j); p != nil {
				d.addRole(s, m.ent, t[j].text+" "+d.roleText(s, j+1, re), p)
				return true
			}
		}
	}
	if w := t[i].lower; (w == "the" || w == "a" || w == "an") && !list {
		// "the U.S. education secretary", "the Scottish justice secretary":
		// a place before the role.
		p := i + 1
		for p < limit && (t[p].text == "." || t[p].word && t[p].cap && len(t[p].text) == 1) {
			p++
		}
		if p == i+1 && p < limit && t[p].word && t[p].cap && !t[p].acronym && d.mentionAt(s, p) == nil && !d.lex.roleMods[t[p].lower] && !d.lex.roleHeads[t[p].lower] {
			p++
		}
		if re := d.roleEnd(s, p); p > i+1 && re > p {
			if ce := d.complementEnd(s, re); ce <= limit {
				re = ce
			}
			role := d.roleText(s, i+1, re)
			d.addRole(s, m.ent, role, d.portfolio(role, s, i+1, re))
			return true
		}
	}
	roleEnd := d.roleEnd(s, i)
	if roleEnd == i && !list {
		// "strategic adviser on children, ..." starts with words the role lexicon may lack;
		// accept a lower-case phrase whose head word is a role.
		j := i
		if j < limit && (t[j].lower == "a" || t[j].lower == "an" || t[j].lower == "the") {
			j++
		}
		for j < limit && t[j].word && !t[j].cap && (!classStop[t[j].lower] || formerWords[t[j].lower]) && (!d.lex.verbs[t[j].lower] || j > i && formerWords[t[j-1].lower]) {
			j++
			if d.lex.roleHeads[t[j-1].lower] && (j >= limit || !t[j].word || classStop[t[j].lower]) {
				break
			}
		}
		if j == i || !d.lex.roleHeads[t[j-1].lower] {
			return false
		}
		roleEnd = j
	}
	// Find the organisation that ends the appositive. A comma before it must
	// be one of an enumeration inside the role ("adviser on children, adult
	// and health services at X"), not the one that closes the appositive.
	var org *mention
	for _, om := range d.in(s) {
		if om.sent == s && om.from >= roleEnd && om.to <= limit && om.ent != nil && om.ent.kind == schema.Organization {
			if list || !closedBefore(t, roleEnd, om.from) {
				org = om
			}
			break
		}
	}
	if org == nil && list {
		// In a list of signatories the body follows the role: "deputy leader, Bath and North East Somerset".
		j := roleEnd
		for j < limit && (t[j].text == "," || t[j].lower == "of" || t[j].lower == "the" || t[j].lower == "at") {
			j++
		}
		e := j
		for e < limit && t[e].text != "," && t[e].text != ";" && t[e].text != "." {
			e++
		}
		if e > j && t[j].cap {
			name := s.para.text[t[j].start:t[e-1].end]
			if oe := d.roleOrg(s, j, e, name); oe != nil {
				org = &mention{sent: s, from: j, to: e, ent: oe}
			}
		}
	}
	role := ""
	if roleEnd > i {
		role = s.para.text[t[i].start:t[roleEnd-1].end]
	}
	if org != nil {
		// The role runs on to the preposition before the organisation:
		// "deputy director of policy at the NHS Confederation".
		j := org.from
		for j > roleEnd && (t[j-1].lower == "the" || t[j-1].lower == "at" || t[j-1].lower == "of" || t[j-1].lower == "for" || t[j-1].lower == "with" || t[j-1].text == "," || t[j-1].poss || t[j-1].lower == "government" || t[j-1].lower == "council") {
			j--
		}
		if j > roleEnd && j-i < 20 {
			role = s.para.text[t[i].start:t[j-1].end]
		}
		if t[org.to-1].poss && org.to < limit && t[org.to].word && !t[org.to].cap && (d.lex.orgHeads[t[org.to].lower] || d.lex.orgClass[t[org.to].lower]) &&
			(org.to+1 >= s.to || !t[org.to+1].word) {
			// "a member of the university's council": the body's part is
			// the role's.
			role = s.para.text[t[i].start:t[org.to].end]
		}
		if roleEnd == i && !list && !d.lex.roleHeads[roleHeadWord(strings.ToLower(role))] {
			return false
		}
	} else if roleEnd > i && !list {
		// "HM chief inspector of probation", "Minister of Health": a role
		// that names no body keeps the words that complete it.
		if ce := d.complementEnd(s, roleEnd); ce > roleEnd && ce <= limit {
			role = s.para.text[t[i].start:t[ce-1].end]
		}
	}
	role = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(role, "the "), "a "))
	for _, adv := range []string{"then "} {
		role = strings.TrimPrefix(role, adv) // "then chief executive of X"
	}
	if role == "" && org == nil {
		return false
	}
	o := entOf(org)
	if o == nil && role != "" {
		o = d.portfolio(role, s, i, roleEnd)
	}
	if o == nil && roleEnd+1 <= limit && roleEnd+1 < s.to && (t[roleEnd].lower == "at" || t[roleEnd].lower == "of" || t[roleEnd].lower == "for") && t[roleEnd+1].cap {
		// "a former watch manager at Stornoway": the role names its own
		// place, one the context cannot stand in for (even when the name
		// reader took it for a person's, where the appositive stops).
		d.roles = append(d.roles, roleFact{person: m.ent, role: role, sent: s, title: true})
		return true
	}
	d.addRole(s, m.ent, role, o)
	// "…, at present the director of X and once a state senator from
	// Ohio,": a second role joined to the first.
	after := roleEnd
	if org != nil {
		after = org.to
	}
	if after+2 < limit && t[after].lower == "and" {
		p := after + 1
		for p < limit && appositiveAdverbs[t[p].lower] {
			p++
		}
		if p < limit && (t[p].lower == "a" || t[p].lower == "an" || t[p].lower == "the") {
			p++
		}
		q := p
		if q < limit && t[q].cap && t[q].word && !t[q].acronym && d.mentionAt(s, q) == nil && !d.lex.roleHeads[t[q].lower] {
			q++ // "a House member", "a Senate aide"
		}
		if end := d.roleEnd(s, q); end > q && p > after+1 {
			d.roles = append(d.roles, roleFact{person: m.ent, role: d.roleText(s, p, end), sent: s, title: true})
		}
	}
	return true
}

// closedBefore reports whether a comma between tokens from and to closes a
// phrase rather than separating the items of an enumeration: no "and"/"or"
// follows it before to.
func closedBefore(t []token, from, to int) bool {
	for k := from; k < to; k++ {
		if t[k].text != "," {
			continue
		}
		enum := false
		for j := k + 1; j < to; j++ {
			if t[j].lower == "and" || t[j].lower == "or" {
				enum = true
				break
			}
			if t[j].text == "," {
				break
			}
		}
		if !enum {
			return true
		}
	}
	return false
}

func entOf(m *mention) *entity {
	if m == nil {
		return nil
	}
	return m.ent
}

// orgAfterRole returns the body a role's words lead to within [from, to):
// "… of the Water Forum", "heads the White House's Office of Management and
// Budget" (the possessed body, not its owner). The body must follow closely.
func (d *doc) orgAfterRole(s *sentence, from, to int) *entity {
	t := s.para.toks
	ms := d.in(s)
	for x, om := range ms {
		if om.sent != s || om.from < from || om.ent == nil {
			continue
		}
		if om.to > to || om.from-from > 5 || om.ent.kind != schema.Organization {
			return nil
		}
		for k := from; k < om.from; k++ {
			if t[k].quote >= 0 || t[k].text == "," || d.lex.verbs[t[k].lower] {
				return nil
			}
		}
		if t[om.to-1].poss && x+1 < len(ms) {
			if next := ms[x+1]; next.from == om.to && next.ent != nil && next.ent.kind == schema.Organization && next.to <= to {
				return next.ent
			}
		}
		return om.ent
	}
	return nil
}

// roleVerbs turn "who chairs X" into a role.
var roleVerbs = map[string]string{"chairs": "chair", "chaired": "chair", "heads": "head", "headed": "head",
	"leads": "leader", "led": "leader", "runs": "head", "directs": "director", "founded": "founder",
	"co-founded": "co-founder", "manages": "manager", "represents": "representative", "co-chairs": "co-chair"}

// futureRoleVerbs take a body as the office their subject will hold:
// "X will chair the Growth Council", "X to head new body".
var futureRoleVerbs = map[string]string{"chair": "chair", "head": "head", "lead": "leader", "run": "head", "co-chair": "co-chair"}

// verbRole reads "X will chair Y", "X to head new body", "X heads Y": the
// person holds the office over the body the verb takes (a new body: the
// one the article reports made).
func (d *doc) verbRole(s *sentence, m *mention) {
	t := s.para.toks
	j := m.to
	for j < s.to && j < m.to+3 && (classOf(t, j) == wModal || t[j].lower == "to" || t[j].lower == "is" || t[j].lower == "set") {
		j++
	}
	if j >= s.to || j+1 >= s.to {
		return
	}
	role, ok := futureRoleVerbs[t[j].lower]
	if !ok || j == m.to {
		role, ok = roleVerbs[t[j].lower] // "X heads Y", "X chaired Y"
	}
	if !ok {
		return
	}
	clause := clauseEnd(s, j+1)
	org := d.orgAfterRole(s, j+1, clause)
	if org == nil {
		if n := d.npAfter(s, j+1); len(n.ents) == 1 && n.ents[0].kind == schema.Organization && n.from <= j+3 {
			org = n.ents[0] // "the new body"
		}
	}
	if org != nil {
		d.addRole(s, m.ent, role, org)
	}
}

// branchWords name a part of a body: "who chairs the Devon branch" chairs a
// branch of the body the story is about.
var branchWords = map[string]bool{"branch": true, "chapter": true, "division": true, "wing": true, "arm": true, "section": true}

// relativeRole reads "Sen. Mike Crapo, R-Idaho, who chairs the Senate
// Banking Committee," and "Jane Roe, who leads the union,", "Tom Hale, who
// also heads the Treasury's Budget Office,", "Ann Lee, who used to be deputy
// head of the Water Forum,", "Jo Roe, who advised the mayor as head of X,".
func (d *doc) relativeRole(s *sentence, m *mention) bool {
	t := s.para.toks
	for k := m.to; k+2 < s.to && k < m.to+8; k++ {
		if t[k].quote >= 0 || t[k].text == ";" {
			return false
		}
		if t[k].lower != "who" || t[k-1].text != "," {
			continue
		}
		j := k + 1
		for j < s.to && appositiveAdverbs[t[j].lower] {
			j++
		}
		if j+1 >= s.to {
			return false
		}
		clause := j
		for clause < s.to && t[clause].text != "," && t[clause].text != ";" && t[clause].quote < 0 {
			clause++
		}
		r := -1
		switch w := t[j].lower; {
		case w == "is" || w == "was" || w == "became" || w == "becomes" || w == "remains" || w == "remained":
			r = j + 1
		case (w == "has" || w == "had") && t[j+1].lower == "been":
			r = j + 2
		case w == "used" && j+2 < s.to && t[j+1].lower == "to" && t[j+2].lower == "be":
			r = j + 3
		case (w == "serves" || w == "served" || w == "acts" || w == "acted") && t[j+1].lower == "as":
			r = j + 2
		}
		if r >= 0 {
			// "Jane Roe, who is chief executive of the Water Forum,": read the
			// role as an appositive starting after the verb.
			for r < clause && appositiveAdverbs[t[r].lower] {
				r++
			}
			end := d.roleEnd(s, r)
			if end == r {
				return false
			}
			org := d.orgAfterRole(s, end, clause)
			if org == nil {
				end = d.complementEnd(s, end)
			}
			role := strings.TrimPrefix(strings.TrimPrefix(s.para.text[t[r].start:t[end-1].end], "the "), "a ")
			if org == nil {
				org = d.portfolio(role, s, r, end)
			}
			d.addRole(s, m.ent, role, org)
			return true
		}
		if role, ok := roleVerbs[t[j].lower]; ok {
			if org := d.orgAfterRole(s, j+1, clause); org != nil {
				// "who chairs the governors at X": the role is over what the
				// verb takes, "chair of the governors".
				if obj := d.roleObject(s, j+1, clause); obj != "" {
					role += " of " + obj
				}
				d.addRole(s, m.ent, role, org)
				return true
			}
			if t[j+1].lower == "the" && j+2 < s.to {
				// "who chairs the union's northern branch": a branch of the
				// body the story is about.
				for b := j + 2; b < clause && b <= j+5; b++ {
					if branchWords[t[b].lower] {
						if e := d.lastOrgBefore(s); e != nil {
							d.addRole(s, m.ent, role, e)
							return true
						}
						break
					}
				}
				if !t[j+2].poss && (j+3 >= s.to || !t[j+3].word) {
					// "who leads the union,"; not "who chairs the board's finance committee".
					if e := d.bodyCalled(s, singular(t[j+2].lower)); e != nil {
						d.addRole(s, m.ent, role, e)
						return true
					}
				}
			}
		}
		// "who has advised the mayor for a year as head of X": the role "as"
		// the clause gives, with its body; "who … when she chaired X".
		for a := j; a < clause; a++ {
			if w := t[a].lower; (w == "he" || w == "she") && a+2 < clause {
				if role, ok := roleVerbs[t[a+1].lower]; ok {
					if org := d.orgAfterRole(s, a+2, clause); org != nil {
						d.addRole(s, m.ent, role, org)
						return true
					}
				}
			}
			if t[a].lower != "as" {
				continue
			}
			if end := d.roleEnd(s, a+1); end > a+1 {
				if org := d.orgAfterRole(s, end, clause); org != nil {
					role := strings.TrimPrefix(strings.TrimPrefix(s.para.text[t[a+1].start:t[end-1].end], "the "), "a ")
					d.addRole(s, m.ent, role, org)
					return true
				}
			}
		}
		return false
	}
	return false
}

// capitalComplement reports whether tokens [i, end) complete a capitalised
// office: "for Marine Affairs", "of Health".
func (d *doc) capitalComplement(s *sentence, i, end int) bool {
	t := s.para.toks
	if t[i].lower != "for" && t[i].lower != "of" && t[i].lower != "on" || i+1 >= end {
		return false // "Minister for …", "Special Adviser on …"
	}
	for k := i + 1; k < end; k++ {
		if !t[k].word || !t[k].cap && t[k].lower != "and" && t[k].lower != "the" {
			return false
		}
	}
	return true
}

// timeAfterBody date a role after its body: "director of X since May".
var timeAfterBody = map[string]bool{"since": true, "until": true, "from": true, "between": true}

// roleObject returns what a role verb takes when that is not the body
// itself: "the governors" in "chairs the governors at X", "the regional
// branch" in "chairs the regional branch of X"; "" when the body follows the
// verb ("heads the Water Forum").
func (d *doc) roleObject(s *sentence, from, to int) string {
	t := s.para.toks
	k := from
	if k < to && t[k].lower == "the" {
		k++
	}
	j := k
	for j < to && j < k+3 && t[j].word && !t[j].cap && !t[j].poss && !complementWords[t[j].lower] && !classStop[t[j].lower] {
		j++
	}
	if j == k || j >= to || !complementWords[t[j].lower] {
		return ""
	}
	return s.para.text[t[from].start:t[j-1].end]
}

// auxWords may follow a name that a preceding role introduces: "the chief
// executive, Jane Roe, has said".
var auxWords = map[string]bool{"has": true, "had": true, "is": true, "was": true, "will": true, "would": true,
	"can": true, "could": true, "may": true, "might": true, "must": true, "should": true, "did": true, "does": true}

// complementWords may follow a role's head before the body it names: "chair
// of", "director at", "adviser to".
var complementWords = map[string]bool{"of": true, "at": true, "for": true, "to": true, "on": true, "with": true, "in": true, "since": true}

// precedingRole reads "the chair of the Local Government Association's
// improvement board, David Parsons," and "the LGA's chief executive, Jane
// Roe,", and titles written in capitals: "Transport Secretary, Jo Roe, said".
func (d *doc) precedingRole(s *sentence, m *mention) bool {
	from := m.from
	if _, at := d.titleBefore(s, m.from); at < m.from {
		from = at // "the board's chair, Dr Winston Mensah"
	}
	return d.precedingRoleAt(s, m, from)
}

// precedingRoleAt reads a role ending with the comma before token from.
func (d *doc) precedingRoleAt(s *sentence, m *mention, from int) bool {
	t := s.para.toks
	if from-1 < s.from || t[from-1].text != "," {
		return false
	}
	if m.to < s.to && t[m.to].text != "," && t[m.to].text != "." && !d.lex.verbs[t[m.to].lower] && t[m.to].lower != "who" && !auxWords[t[m.to].lower] {
		return false
	}
	end := from - 1
	// Walk back to a role head within a short window.
	for k := end - 1; k >= s.from && k >= end-12; k-- {
		if t[k].text == "," || t[k].quote >= 0 || t[k].text == ";" {
			return false
		}
		hs := d.headAt(s, k)
		if hs < 0 {
			continue
		}
		start := hs
		if t[hs].cap && hs != s.from {
			// A title in capitals stands alone before the comma: "Prime
			// Minister, Jo Roe", "Transport Secretary, Jo Roe".
			for start-1 >= s.from && t[start-1].word && t[start-1].cap && !t[start-1].poss && d.mentionAt(s, start-1) == nil &&
				(d.lex.roleMods[t[start-1].lower] || d.lex.common[t[start-1].lower]) && !sentenceWords[t[start-1].lower] && k-start < 3 &&
				!strings.HasSuffix(d.lex.bodyName(t[start-1].text+" Party"), "Party") { // "Green Member for X": the party's
				start--
			}
			if k+1 != end && !d.capitalComplement(s, k+1, end) ||
				start-1 >= s.from && t[start-1].text != "," && t[start-1].text != ":" && t[start-1].lower != "the" && !t[start-1].poss && d.orgEndingAt(s, start-1) == nil &&
					!(t[start-1].cap && d.knownBody(s, start-1, start) != nil) { // "NDP Member for X, Jo Roe"
				continue
			}
		} else {
			for start-1 >= s.from && t[start-1].word && (!t[start-1].cap || start-1 == s.from && d.lex.roleMods[t[start-1].lower]) &&
				(d.lex.roleMods[t[start-1].lower] || !t[start-1].poss && !classStop[t[start-1].lower] && k-start < 2 && start-2 >= s.from && t[start-2].poss) {
				start-- // "the BMA's council chair": "council" belongs to the role
			}
			// "The police and crime commissioner for Westmarch, …": plain
			// words between "the" and the head belong to the role.
			b := start
			for b-1 >= s.from && b > k-4 && t[b-1].word && !t[b-1].cap && !t[b-1].poss && !classStop[t[b-1].lower] && !d.lex.verbs[t[b-1].lower] {
				b--
			}
			if b < start && b-1 >= s.from && ((t[b-1].lower == "the" || t[b-1].lower == "a") && (b-1 == s.from || t[b-2].text == "," || prepositions[t[b-2].lower]) ||
				t[b-1].poss && !t[b-1].cap && b-2 >= s.from && t[b-2].lower == "the") {
				start = b // "the city's mayoral committee member for water, …" too
			}
		}
		// The words between the head and the comma complete the role ("of
		// the Water Forum"), or the head is no role's: "at executive board level".
		if k+1 < end && !complementWords[t[k+1].lower] && t[k+1].text != "(" {
			continue
		}
		// "Anwa Dube, head of the unit, Tom Hale": the role is the name's before.
		if start-2 >= s.from && t[start-1].text == "," {
			if pm := d.mentionAt(s, start-2); pm != nil && pm.ent != nil && pm.ent.kind == schema.Person {
				return false
			}
		}
		var org *entity
		roleTo := end
		for _, om := range d.in(s) {
			if om.sent == s && om.from > k && om.to <= end && om.ent != nil && om.ent.kind == schema.Organization {
				org = om.ent
				// The role ends with its body: "acting director of the Water
				// Forum (WF) since May" → "acting director of the Water Forum (WF)".
				roleTo = om.to
				if roleTo+2 < end && t[roleTo].text == "(" && t[roleTo+2].text == ")" {
					roleTo += 3
				}
				if roleTo < end && !timeAfterBody[t[roleTo].lower] {
					roleTo = end
				}
				break
			}
		}
		if org == nil && start-1 >= s.from {
			if om := d.orgEndingAt(s, start-1); om != nil {
				org = om.ent // "the LGA's chief executive, X", "the Green Party chair, X"
			} else if t[start-1].poss && t[start-1].cap && d.mentionAt(s, start-1) == nil && d.lex.orgHeads[t[start-1].lower] {
				org = d.bodyCalled(s, singular(t[start-1].lower)) // "The Commission's executive director"
			} else if t[start-1].poss && t[start-1].cap && d.mentionAt(s, start-1) == nil {
				// "Shelterline's chief executive, Bronwen Carys": the owner is a body.
				b := start - 1
				for b-1 >= s.from && t[b-1].word && t[b-1].cap && !sentenceWords[t[b-1].lower] && !t[b-1].poss {
					b--
				}
				name := s.para.text[t[b].start:t[start-1].start] + t[start-1].text
				org = d.roleOrg(s, b, start, name)
			} else if t[start-1].poss && !t[start-1].cap && start-2 >= s.from && t[start-2].lower == "the" {
				// "The trust's chief executive": the body that word points back to.
				org = d.bodyCalled(s, singular(t[start-1].lower))
			} else if w := t[start-1].lower; w == "its" || w == "their" {
				// "Its president, Carla Mendes,": the body spoken of last.
				org = d.itsBody(s, start-1)
				if org == nil {
					for _, om := range d.in(s) {
						if om.sent == s && om.to <= start && om.ent != nil && om.ent.kind == schema.Organization && !om.ent.generic {
							org = om.ent
						}
					}
				}
			}
		}
		role := s.para.text[t[start].start:t[roleTo-1].end]
		if t[hs].cap && hs != s.from {
			role = d.roleText(s, start, roleTo)
		}
		if org == nil {
			org = d.portfolio(role, s, start, end)
		}
		// "The entity's former chairperson, X": an owner the rules could not
		// resolve is no licence to take another body from the context.
		owned := start-1 >= s.from && (t[start-1].poss || t[start-1].lower == "its" || t[start-1].lower == "their")
		d.roles = append(d.roles, roleFact{person: m.ent, role: role, org: org, sent: s, title: owned && org == nil})
		// "Critic for Health, and NDP Member for Coldwater, Jo Roe": a
		// role before this one, joined by ", and", is the name's too.
		rs := start
		if om := d.orgEndingAt(s, start-1); om != nil {
			rs = om.from
		}
		if rs-2 > s.from && t[rs-1].lower == "and" && t[rs-2].text == "," {
			d.precedingRoleAt(s, m, rs-1)
		}
		return true
	}
	return false
}

// tenureWords are what a name holds "as" a role: "Jo Roe's term as mayor".
var tenureWords = map[string]bool{"term": true, "tenure": true, "time": true, "stint": true, "spell": true, "years": true, "days": true}

// asRole reads a role given with "as" right after a name: "nominated Tom
// Hale as its secretary", "confirmed Jane Roe as chief executive of the
// Water Forum", "Jo Roe's term as mayor".
func (d *doc) asRole(s *sentence, m *mention) {
	t := s.para.toks
	k := m.to
	if t[m.to-1].poss && k+2 < s.to {
		// "Jo Roe once served as director of the Water Forum".
		c := k
		for c < s.to && c < k+2 && (t[c].lower == "past" || t[c].lower == "previous" || t[c].lower == "former" || t[c].lower == "earlier" || t[c].lower == "other") {
			c++
		}
		if c+1 < s.to && (t[c].lower == "roles" || t[c].lower == "posts" || t[c].lower == "jobs" || t[c].lower == "positions") &&
			(t[c+1].lower == "include" || t[c+1].lower == "included") {
			r := c + 2
			if end := d.roleEnd(s, r); end > r {
				clause := end
				for clause < s.to && t[clause].text != "," && t[clause].text != ";" && t[clause].quote < 0 {
					clause++
				}
				org := d.orgAfterRole(s, end, clause)
				if org == nil {
					end = d.complementEnd(s, end)
				}
				d.addRole(s, m.ent, strings.TrimPrefix(s.para.text[t[r].start:t[end-1].end], "the "), org)
			}
			return
		}
	}
	if t[m.to-1].poss {
		if k >= s.to || !tenureWords[t[k].lower] {
			return
		}
		k++
	}
	j := k + 1
	switch {
	case k+1 < s.to && t[k].lower == "as":
	case k+2 < s.to && t[k].lower == "to" && t[k+1].lower == "be" && !t[m.to-1].poss:
		j = k + 2 // "named Tom Hale to be her deputy"
	default:
		return
	}
	var org *entity
	owned := false
	if pm := d.mentionAt(s, j); pm != nil && pm.from == j && pm.ent != nil && pm.ent.kind == schema.Person && t[pm.to-1].poss {
		// "Ann Lee to be Tom Hale's deputy secretary": the body of the
		// possessor's own role.
		owned = true
		j = pm.to
		head := roleHeadWord(strings.ToLower(s.para.text[t[j].start:t[max(j, d.roleEnd(s, j))-1].end]))
		for x := len(d.roles) - 1; x >= 0; x-- {
			// "Y's deputy secretary" serves where Y is secretary; else Y's last body.
			if r := d.roles[x]; r.person == pm.ent && r.org != nil && (org == nil || roleHeadWord(strings.ToLower(r.role)) == head) {
				org = r.org
				if roleHeadWord(strings.ToLower(r.role)) == head {
					break
				}
			}
		}
	} else if w := t[j].lower; w == "its" || w == "their" {
		// "as its secretary": the body the sentence named before.
		owned = true
		for _, om := range d.in(s) {
			if om.sent == s && om.to <= k && om.ent != nil && om.ent.kind == schema.Organization && !om.ent.class && !om.ent.generic {
				org = om.ent
			}
		}
		if org == nil {
			org = d.lastOrgBefore(s)
		}
		j++
	} else if w == "the" || w == "a" || w == "an" {
		j++
	}
	end := d.roleEnd(s, j)
	if end == j {
		return
	}
	clause := end
	for clause < s.to && t[clause].text != "," && t[clause].text != ";" && t[clause].quote < 0 {
		clause++
	}
	if !owned {
		org = d.orgAfterRole(s, end, clause)
		if org == nil {
			end = d.complementEnd(s, end)
		}
	}
	role := s.para.text[t[j].start:t[end-1].end]
	if org == nil && !owned {
		org = d.portfolio(role, s, j, end)
	}
	d.addRole(s, m.ent, role, org)
}

// partyFromTag returns the party an American party-state tag names: "R-La."
// → Republican Party, "D-Mass." → Democratic Party; "" for anything else.
func partyFromTag(w string) string {
	if len(w) < 3 || w[1] != '-' || w[2] < 'A' || w[2] > 'Z' {
		return ""
	}
	switch w[0] {
	case 'R':
		return "Republican Party"
	case 'D':
		return "Democratic Party"
	}
	return ""
}

// partyTag reads the party and state tag American copy writes after a
// legislator's name: "Sen. Tom Hale (R-Ohio)", "Rep. Ann Diaz, D-Calif.,".
func (d *doc) partyTag(s *sentence, m *mention) {
	t := s.para.toks
	k := m.to
	if k+2 >= s.to || t[k].text != "(" && t[k].text != "," {
		return
	}
	p := partyFromTag(t[k+1].text)
	if p == "" {
		return
	}
	// The tag is no mention of the party: the rules that read a sentence's
	// bodies (reforms, speakers) should not take it for one.
	d.addRole(s, m.ent, "", d.org(p, false))
}

// copulaRole reads a role a copula gives the name before it, past an
// appositive: "Jo Roe is chief executive of the Water Forum", "Ann Diaz, a
// senator from Ohio, was the principal author of the act".
func (d *doc) copulaRole(s *sentence, m *mention) {
	t := s.para.toks
	j := m.to
	if j < s.to && t[j].text == "," {
		for k := j + 1; k < s.to && k <= j+12; k++ {
			if t[k].quote >= 0 || t[k].text == ";" {
				return
			}
			if t[k].text == "," {
				j = k + 1
				break
			}
		}
	}
	if j+1 >= s.to {
		return
	}
	r := -1
	switch w := t[j].lower; {
	case w == "is" || w == "was" || w == "remains" || w == "remained":
		r = j + 1
	case (w == "has" || w == "had") && t[j+1].lower == "been":
		r = j + 2
	}
	if r < 0 || r >= s.to {
		return
	}
	// "the primary architect": up to two plain words before the head.
	h := r
	if t[h].lower == "the" || t[h].lower == "a" || t[h].lower == "an" {
		h++
	}
	end := d.roleEnd(s, r)
	if end == r {
		for k := h; k < s.to && k <= h+2 && t[k].word && !t[k].cap && !classStop[t[k].lower] && !d.lex.verbs[t[k].lower]; k++ {
			if d.headAt(s, k) >= 0 {
				end = k + 1
				break
			}
		}
	}
	if end == r || end < s.to && t[end].word && !t[end].cap && !complementWords[t[end].lower] && !classStop[t[end].lower] && !d.lex.verbs[t[end].lower] {
		return // "was the principal author": the head word was an adjective
	}
	clause := end
	for clause < s.to && t[clause].text != "," && t[clause].text != ";" && t[clause].quote < 0 {
		clause++
	}
	org := d.orgAfterRole(s, end, clause)
	if org == nil {
		end = d.complementEnd(s, end)
	}
	role := s.para.text[t[h].start:t[end-1].end]
	if org == nil {
		org = d.portfolio(role, s, h, end)
	}
	d.addRole(s, m.ent, role, org)
}

// roleTimeWords open a clause that dates a role: "when he was attorney general".
var roleTimeWords = map[string]bool{"when": true, "while": true, "after": true, "before": true, "since": true, "until": true, "whilst": true}

// pastRoles reads a role a clause of time gives a pronoun: "…, when she was
// attorney general of Nova Scotia", "since she became chair of the trust". The
// pronoun is the person last named before it (not one named only as an
// owner, "Roe's plan"), of its gender.
func (d *doc) pastRoles(s *sentence) {
	t := s.para.toks
	for k := s.from; k+3 < s.to; k++ {
		if t[k+1].lower != "he" && t[k+1].lower != "she" || !roleTimeWords[t[k].lower] {
			continue
		}
		r := -1
		switch w := t[k+2].lower; {
		case w == "was" || w == "became":
			r = k + 3
		case (w == "served" || w == "acted") && t[k+3].lower == "as":
			r = k + 4
		case w == "had" && t[k+3].lower == "been":
			r = k + 4
		}
		if r < 0 || r >= s.to {
			continue
		}
		end := d.roleEnd(s, r)
		if end == r {
			continue
		}
		clause := end
		for clause < s.to && t[clause].text != "," && t[clause].text != ";" && t[clause].quote < 0 {
			clause++
		}
		who := d.antecedent(s, k+1, t[k+1].lower)
		if who == nil {
			continue
		}
		org := d.orgAfterRole(s, end, clause)
		if org == nil {
			end = d.complementEnd(s, end)
		}
		role := strings.TrimPrefix(strings.TrimPrefix(s.para.text[t[r].start:t[end-1].end], "the "), "a ")
		if org == nil {
			org = d.portfolio(role, s, r, end)
		}
		d.roles = append(d.roles, roleFact{person: who, role: role, org: org, sent: s, title: true})
	}
}

// antecedent returns the person a pronoun at token k of s stands for: the
// one last named before it, of its gender, leaving out names written as
// owners ("Roe's plan").
func (d *doc) antecedent(s *sentence, k int, w string) *entity {
	want := "male"
	if w == "she" {
		want = "female"
	}
	var best *entity
	for _, m := range d.window(s, 2, k) {
		if m.ent == nil || m.ent.kind != schema.Person || m.sent.para.toks[m.to-1].poss {
			continue
		}
		if m.ent.gender == "" || m.ent.gender == want {
			best = m.ent
		}
	}
	return best
}

// subjectOpeners may stand before the role that is a sentence's subject.
var subjectOpeners = map[string]bool{"the": true, "a": true, "its": true, "their": true, "new": true, "next": true,
	"current": true, "incoming": true, "first": true}

// copularRoles reads a role whose holder is named after a copula: "The new
// chief executive of the Water Forum will be Jane Roe", "The first head of
// the agency is to be Tom Hale", and in headlines "Water Forum chief to be
// Jane Roe".
func (d *doc) copularRoles(s *sentence) {
	t := s.para.toks
	for c := s.from + 1; c < s.to; c++ {
		after := -1
		switch t[c].lower {
		case "is", "was":
			after = c + 1
			if after+1 < s.to && t[after].lower == "to" && t[after+1].lower == "be" {
				after += 2
			}
		case "will", "would", "shall", "to":
			if c+1 < s.to && t[c+1].lower == "be" {
				after = c + 2
			}
		}
		if after < 0 || after >= s.to {
			continue
		}
		role, org, rs := d.subjectRole(s, c)
		if role == "" {
			return
		}
		for k := s.from; k < rs; k++ {
			if !subjectOpeners[t[k].lower] {
				return
			}
		}
		// The holder: the first person named after the copula, before any
		// verb or quotation.
		for _, pm := range d.in(s) {
			if pm.sent != s || pm.from < after || pm.ent == nil {
				continue
			}
			if pm.from-after > 12 {
				return
			}
			if pm.ent.kind == schema.Person {
				for k := after; k < pm.from; k++ {
					if t[k].quote >= 0 || d.lex.verbs[t[k].lower] {
						return
					}
				}
				d.addRole(s, pm.ent, role, org)
				return
			}
		}
		return
	}
}

// subjectRole reads the role of a body that ends just before token c: "the
// first head of the UK's new Crime Agency (NCA)" or "Crime Agency head". It
// returns the role, its body and where the phrase begins, or "" when none.
func (d *doc) subjectRole(s *sentence, c int) (string, *entity, int) {
	t := s.para.toks
	k := c - 1
	if k-2 >= s.from && t[k].text == ")" && t[k-1].acronym && t[k-2].text == "(" {
		k -= 3
	}
	if om := d.orgEndingAt(s, k); om != nil {
		p := om.from - 1
		for p >= s.from && om.from-p <= 5 && t[p].lower != "of" && t[p].lower != "at" && t[p].lower != "for" {
			if !t[p].word || d.lex.verbs[t[p].lower] {
				return "", nil, 0
			}
			p--
		}
		if p < s.from || om.from-p > 5 {
			return "", nil, 0
		}
		h := p - 1
		hs := d.headAt(s, h)
		if hs < 0 {
			return "", nil, 0
		}
		rs := hs
		for rs-1 >= s.from && t[rs-1].word && d.lex.roleMods[t[rs-1].lower] && (!t[rs-1].cap || rs-1 == s.from) {
			rs--
		}
		return d.roleText(s, rs, h+1), om.ent, rs
	}
	hs := d.headAt(s, k)
	if hs < 0 {
		return "", nil, 0
	}
	rs := hs
	for rs-1 >= s.from && t[rs-1].word && !t[rs-1].cap && d.lex.roleMods[t[rs-1].lower] {
		rs--
	}
	if om := d.orgEndingAt(s, rs-1); om != nil && !t[om.to-1].poss {
		return d.roleText(s, rs, k+1), om.ent, om.from
	}
	return "", nil, 0
}

// appointVerbs put people into an office: "Jane Roe was appointed chief
// executive of X", "Tom Hale is tipped to be chair of X", "A, B and C were
// appointed to the board of X", "Ann Lee became head of X".
var appointVerbs = map[string]bool{"appointed": true, "named": true, "elected": true, "confirmed": true, "installed": true,
	"nominated": true, "chosen": true, "promoted": true, "reappointed": true, "re-appointed": true, "re-elected": true,
	"hired": true, "tipped": true, "set": true, "expected": true, "poised": true, "due": true, "became": true,
	"becomes": true, "selected": true, "picked": true, "made": true}

// appointAux stand between the appointed and the verb.
var appointAux = map[string]bool{"has": true, "have": true, "had": true, "been": true, "was": true, "were": true, "is": true,
	"are": true, "will": true, "would": true, "be": true, "being": true, "also": true, "now": true, "formally": true,
	"officially": true, "yesterday": true, "today": true, "since": true, "later": true, "then": true, "just": true, "recently": true}

// appointedRoles reads the roles of people a sentence says were put into
// them (see appointVerbs).
func (d *doc) appointedRoles(s *sentence) {
	t := s.para.toks
	for v := s.from + 1; v+1 < s.to; v++ {
		if t[v].cap || len(t[v].lower) < 3 || !appointVerbs[t[v].lower] {
			continue
		}
		k := v - 1
		for k >= s.from && appointAux[t[k].lower] {
			k--
		}
		var people []*entity
		for k >= s.from {
			pm := d.personEndingAt(s, k)
			if pm == nil {
				break
			}
			people = append([]*entity{pm.ent}, people...)
			k = pm.from - 1
			if k >= s.from && t[k].lower == "and" {
				k--
			} else if k >= s.from && t[k].text == "," {
				k--
				if k >= s.from && t[k].lower == "and" {
					k--
				}
			} else {
				break
			}
		}
		if len(people) == 0 {
			continue
		}
		j := v + 1
		for j+1 < s.to {
			if t[j].lower == "as" {
				j++
			} else if t[j].lower == "to" && (t[j+1].lower == "be" || t[j+1].lower == "become") {
				j += 2
			} else {
				break
			}
		}
		role, org := "", (*entity)(nil)
		if j+2 < s.to && t[j].lower == "to" {
			role, org = d.boardOf(s, j+1)
		} else if end := d.roleEnd(s, j); end > j {
			clause := end
			for clause < s.to && t[clause].text != "," && t[clause].text != ";" && t[clause].quote < 0 {
				clause++
			}
			org = d.orgAfterRole(s, end, clause)
			if org == nil {
				end = d.complementEnd(s, end)
			}
			role = strings.TrimPrefix(strings.TrimPrefix(s.para.text[t[j].start:t[end-1].end], "the "), "a ")
			if org == nil {
				org = d.portfolio(role, s, j, end)
			}
		}
		if role == "" {
			continue
		}
		for _, p := range people {
			d.addRole(s, p, role, org)
		}
	}
}

// boardOf reads "the board of X", "the X board", "its board" at token j:
// the seat is a board member's of X.
func (d *doc) boardOf(s *sentence, j int) (string, *entity) {
	t := s.para.toks
	if t[j].lower == "its" || t[j].lower == "their" {
		if j+1 < s.to && t[j+1].lower == "board" {
			if e := d.lastOrgBefore(s); e != nil {
				return "board member", e
			}
		}
		return "", nil
	}
	if t[j].lower == "the" {
		j++
	}
	if j+2 < s.to && t[j].lower == "board" && t[j+1].lower == "of" {
		if e := d.orgAfterRole(s, j+2, s.to); e != nil {
			return "board member", e
		}
		if j+3 < s.to && t[j+2].lower == "the" && t[j+3].word && !t[j+3].cap {
			if e := d.bodyCalled(s, singular(t[j+3].lower)); e != nil {
				return "board member", e // "the board of the authority"
			}
		}
	}
	if om := d.mentionAt(s, j); om != nil && om.from == j && om.ent != nil && om.ent.kind == schema.Organization && om.to < s.to && t[om.to].lower == "board" {
		return "board member", om.ent
	}
	return "", nil
}

// personEndingAt returns the person mention of s whose last token is k.
func (d *doc) personEndingAt(s *sentence, k int) *mention {
	for _, m := range d.in(s) {
		if m.sent == s && m.to-1 == k && m.ent != nil && m.ent.kind == schema.Person {
			return m
		}
	}
	return nil
}

// pluralRole returns the role a plural head at k names in the singular,
// with its modifiers ("current CEOs" → "CEO", "board members" → "board
// member"), and where it begins.
func (d *doc) pluralRole(s *sentence, k int) (string, int) {
	t := s.para.toks
	rs := k
	if k-1 >= s.from && t[k-1].word && !t[k-1].cap && d.lex.roleHeads[t[k-1].lower+" "+strings.ToLower(singular(t[k].text))] {
		rs-- // "board members"
	}
	for rs-1 >= s.from && t[rs-1].word && !t[rs-1].cap && d.lex.roleMods[t[rs-1].lower] {
		rs--
	}
	role := singular(t[k].text)
	if t[k].cap && !t[k].acronym {
		role = strings.ToLower(role)
	}
	if rs < k {
		role = d.roleText(s, rs, k) + " " + role
	}
	return role, rs
}

// coordinatedRoles reads roles given to several people at once, in order:
// "the chief executives of the Water Forum and the River Trust, Jane Roe
// and Tom Hale,".
func (d *doc) coordinatedRoles(s *sentence) {
	t := s.para.toks
	for k := s.from; k+3 < s.to; k++ {
		if t[k+1].lower != "of" || !d.pluralHead(s, k) {
			continue
		}
		role, _ := d.pluralRole(s, k)
		var orgs []*entity
		j := k + 2
		for j < s.to {
			if t[j].lower == "the" {
				j++
			}
			e, next := d.orgAt(s, j)
			if e == nil && j > k+2 && t[j-1].lower == "the" {
				// "the foundation and the data service": short forms.
				w := j
				for w < s.to && t[w].word && !t[w].cap && t[w].lower != "and" && w < j+3 {
					w++
				}
				if w > j {
					e, next = d.shortForm(s, singular(t[w-1].lower)), w
				}
			}
			if e == nil {
				break
			}
			orgs = append(orgs, e)
			j = next
			if j+1 < s.to && (t[j].lower == "and" || t[j].text == "," && t[j+1].lower != "and" && d.orgStartsAt(s, j+1)) {
				j++
				continue
			}
			break
		}
		if len(orgs) == 0 || j >= s.to || t[j].text != "," {
			continue
		}
		var people []*entity
		j++
		for j < s.to {
			pm := d.mentionAt(s, j)
			if pm == nil || pm.from != j || pm.ent == nil || pm.ent.kind != schema.Person {
				break
			}
			people = append(people, pm.ent)
			j = pm.to
			if j < s.to && (t[j].lower == "and" || t[j].text == "," && j+1 < s.to && t[j+1].lower != "and" && d.personStartsAt(s, j+1)) {
				j++
				continue
			}
			if j+1 < s.to && t[j].text == "," && t[j+1].lower == "and" {
				j += 2
				continue
			}
			break
		}
		switch {
		case len(people) >= 2 && len(people) == len(orgs):
			for x, p := range people {
				d.addRole(s, p, role, orgs[x])
			}
		case len(people) >= 2 && len(orgs) == 1:
			for _, p := range people {
				d.addRole(s, p, role, orgs[0])
			}
		}
	}
}

// memberList reads the people a body's members are named as, right after
// it: "two maverick New Democrats — Jo Roe and Tom Hale", "the Greens: Ann
// Lee, Jo Roe and Sam Hill". They belong to it; no role is given.
func (d *doc) memberList(s *sentence) {
	t := s.para.toks
	ms := d.in(s)
	for x, om := range ms {
		if om.sent != s || om.ent == nil || om.ent.kind != schema.Organization || om.ent.class || om.to+1 >= s.to {
			continue
		}
		if !strings.HasSuffix(t[om.to-1].lower, "s") || t[om.to-1].poss {
			continue // the members of a party named in the plural: "Democrats", "Greens"
		}
		if p := t[om.to].text; p != "—" && p != "–" && p != ":" {
			continue
		}
		var people []*entity
		j := om.to + 1
		for _, pm := range ms[x+1:] {
			if pm.from != j || pm.ent == nil || pm.ent.kind != schema.Person {
				break
			}
			people = append(people, pm.ent)
			j = pm.to
			if j < s.to && (t[j].lower == "and" || t[j].text == ",") {
				j++
				if j < s.to && t[j].lower == "and" {
					j++
				}
				continue
			}
			break
		}
		if j < s.to && t[j].word || len(people) == 0 {
			continue // the list must end the clause
		}
		for _, p := range people {
			d.addRole(s, p, "", om.ent)
		}
	}
}

func (d *doc) orgStartsAt(s *sentence, k int) bool {
	if k < s.to && s.para.toks[k].lower == "the" {
		k++
	}
	m := d.mentionAt(s, k)
	return m != nil && m.from == k && m.ent != nil && m.ent.kind == schema.Organization
}

func (d *doc) personStartsAt(s *sentence, k int) bool {
	m := d.mentionAt(s, k)
	return m != nil && m.from == k && m.ent != nil && m.ent.kind == schema.Person
}

// listRoles reads a list of people given a common role: "The Water
// Forum's new trustees are Jane Roe, Tom Hale and Ann Lee", "The new AWF
// board members include:" followed by one name a line.
// bodyBeforePluralRole returns the body written right before a plural role that
// starts at token rs: "the AWF board members", "the union's negotiators".
func (d *doc) bodyBeforePluralRole(s *sentence, rs int) *entity {
	t := s.para.toks
	if rs-1 < s.from {
		return nil
	}
	if om := d.orgEndingAt(s, rs-1); om != nil {
		return om.ent
	}
	if rs-2 >= s.from && t[rs-1].poss && !t[rs-1].cap && t[rs-2].lower == "the" {
		return d.bodyCalled(s, singular(t[rs-1].lower))
	}
	return nil
}

func (d *doc) listRoles(s *sentence) {
	t := s.para.toks
	for k := s.from; k+1 < s.to; k++ {
		if n := t[k+1].lower; n != "of" && n != "are" && n != "were" && n != "include" && n != ":" || !d.pluralHead(s, k) || t[k].cap && k != s.from {
			continue
		}
		role, rs := d.pluralRole(s, k)
		org := d.bodyBeforePluralRole(s, rs)
		j := k + 1
		if org == nil && j+1 < s.to && t[j].lower == "of" {
			if om := d.mentionAt(s, j+1); om != nil && om.from == j+1 && om.ent != nil && om.ent.kind == schema.Organization {
				org, j = om.ent, om.to
			} else if j+2 < s.to {
				if om := d.mentionAt(s, j+2); om != nil && om.from == j+2 && t[j+1].lower == "the" && om.ent != nil && om.ent.kind == schema.Organization {
					org, j = om.ent, om.to
				}
			}
		}
		if org == nil || j >= s.to || t[j].lower != "include" && t[j].lower != "are" && t[j].lower != "were" && t[j].text != ":" {
			continue
		}
		if t[j].text != ":" {
			j++
		}
		if j < s.to && t[j].text == ":" {
			j++
		}
		if j >= s.to {
			// The names follow, one a line.
			for p := s.para.index + 1; p < len(d.paras); p++ {
				e, ps := d.loneName(d.paras[p])
				if e == nil {
					break
				}
				d.addRole(ps, e, role, org)
			}
			return
		}
		for _, pm := range d.in(s) {
			if pm.sent == s && pm.from >= j && pm.ent != nil && pm.ent.kind == schema.Person {
				d.addRole(s, pm.ent, role, org)
			}
		}
		return
	}
}

// dashListRoles reads the people a plural role is spelt out as after a dash
// or colon, the list ending the clause: "five departmental secretaries —
// Jo Roe, Ann Lee and Dr Tom Hale", "the union's two negotiators: Jo Roe
// and Ann Lee". Each holds the role, in the body written before it if any.
func (d *doc) dashListRoles(s *sentence) {
	t := s.para.toks
	for k := s.from; k+2 < s.to; k++ {
		if n := t[k+1].text; !isDash(n) && n != ":" || !d.pluralHead(s, k) || t[k].cap && k != s.from {
			continue
		}
		role, rs := d.pluralRole(s, k)
		org := d.bodyBeforePluralRole(s, rs)
		var people []*entity
		j := k + 2
		for j < s.to {
			if d.isTitle(t[j].lower) && d.mentionAt(s, j) == nil {
				j++ // "Dr" before a name the mention does not hold
				if j < s.to && t[j].text == "." {
					j++
				}
			}
			pm := d.mentionAt(s, j)
			switch {
			case pm != nil && pm.from == j && pm.ent != nil && pm.ent.kind == schema.Person:
				people = append(people, pm.ent)
				j = pm.to
			case pm == nil && j+1 < s.to && t[j].cap && t[j].word && t[j+1].cap && t[j+1].word && d.mentionAt(s, j+1) == nil:
				// A name the name reader did not take: the list goes on.
				for j < s.to && t[j].cap && t[j].word && d.mentionAt(s, j) == nil {
					j++
				}
			default:
				j = -1
			}
			if j < 0 {
				break
			}
			if j < s.to && (t[j].lower == "and" || t[j].text == ",") {
				j++
				if j < s.to && t[j].lower == "and" {
					j++
				}
				continue
			}
			break
		}
		if len(people) < 2 || j < 0 || j < s.to && t[j].word {
			continue // a list of two or more, ending the clause
		}
		for _, p := range people {
			d.addRole(s, p, role, org)
		}
	}
}

// loneName returns the person a paragraph holds and nothing else (a list
// item: "• Dr Jane Roe"), with its sentence.
func (d *doc) loneName(p *paragraph) (*entity, *sentence) {
	if len(p.sents) != 1 {
		return nil, nil
	}
	s := p.sents[0]
	var who *mention
	for _, m := range d.in(s) {
		if m.sent == s && m.ent != nil && m.ent.kind == schema.Person {
			if who != nil {
				return nil, nil
			}
			who = m
		}
	}
	if who == nil {
		return nil, nil
	}
	t := p.toks
	for k := s.from; k < s.to; k++ {
		if k >= who.from && k < who.to || !t[k].word {
			continue
		}
		if _, title := d.lex.titles[t[k].lower]; !title {
			return nil, nil
		}
	}
	return who.ent, s
}
