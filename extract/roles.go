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
}

// sentenceWords are capitalised at a sentence's start without being names.
var sentenceWords = map[string]bool{"the": true, "but": true, "and": true, "however": true, "meanwhile": true, "a": true, "an": true, "as": true, "former": true, "new": true, "yesterday": true, "today": true, "now": true, "then": true, "also": true, "so": true, "while": true, "when": true, "after": true, "before": true, "in": true, "on": true, "at": true, "by": true, "for": true, "with": true, "of": true}

// titleRoles are titles that are also offices: "Governor Linda Hayes".
var titleRoles = map[string]bool{"governor": true, "mayor": true, "senator": true, "president": true, "chancellor": true,
	"commissioner": true, "minister": true, "secretary": true, "superintendent": true, "judge": true, "prime minister": true, "chief constable": true}

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

// contextOrg finds the body a role with no body of its own belongs to: the
// kind of body the role words name ("council member" → the council the
// article spoke of), or the body the sentence or the one before it is about.
func (d *doc) contextOrg(s *sentence, role string) *entity {
	words := strings.Fields(strings.ToLower(role))
	for _, w := range words {
		for _, head := range roleBodies[w] {
			var best *entity
			for _, m := range d.mentions {
				if m.sent.n > s.n {
					break
				}
				if m.ent != nil && m.ent.kind == schema.Organization && !m.ent.class && !m.ent.portfolio {
					for _, f := range strings.Fields(strings.ToLower(m.ent.name)) {
						if f == head || singular(f) == head {
							best = m.ent
						}
					}
				}
			}
			if best != nil {
				return best
			}
		}
	}
	head := roleHeadWord(strings.ToLower(role))
	if head == "minister" || head == "mp" || head == "secretary" && len(words) == 1 || head == "" || len(portfolioWords(role)) > 0 {
		return nil // a minister's body is a department (see portfolio), never the one the sentence is about
	}
	// The body that opens this sentence or the one before: "The FBU said it
	// would fight the plan. Regional secretary Kevin Amankwah said …".
	for _, n := range []int{s.n, s.n - 1} {
		for _, m := range d.mentions {
			if m.sent.n == n && m.ent != nil && !m.sent.para.head {
				if m.ent.kind == schema.Organization && !m.ent.class && !m.ent.generic && !m.ent.portfolio && m.from <= m.sent.from+1 {
					return m.ent
				}
				break
			}
		}
	}
	return nil
}

// findRoles reads the roles of the people mentioned in s.
func (d *doc) findRoles(s *sentence) {
	defer func() {
		for i := range d.roles {
			r := &d.roles[i]
			if r.org == nil && r.role != "" && r.sent == s {
				r.org = d.contextOrg(s, r.role)
			}
		}
	}()
	for _, m := range d.in(s) {
		if m.sent != s || m.ent == nil || m.ent.kind != schema.Person {
			continue
		}
		if d.prefixRole(s, m) {
			continue
		}
		if d.premodifierRole(s, m) {
			continue
		}
		if d.appositiveRole(s, m) {
			continue
		}
		if d.relativeRole(s, m) {
			continue
		}
		d.precedingRole(s, m)
	}
}

// prefixRole reads a capitalised role written in one run with the name:
// "Commissioner for the Oceans Katrin Vesterlund", "Island MP Catriona MacAulay".
func (d *doc) prefixRole(s *sentence, m *mention) bool {
	t := s.para.toks
	for _, pr := range d.prefixRoles {
		if pr.sent != s || pr.to != m.from {
			continue
		}
		// The role begins at its first role word: "Island MP" → "MP".
		from := pr.from
		for k := pr.from; k < pr.to; k++ {
			if d.lex.roleHeads[t[k].lower] || roleAbbrev[t[k].lower] || d.lex.roleMods[t[k].lower] {
				from = k
				break
			}
		}
		role := s.para.text[t[from].start:t[pr.to-1].end]
		var org *entity
		for _, om := range d.in(s) {
			if om.sent == s && om.from >= pr.from && om.to <= pr.to && om.ent != nil && om.ent.kind == schema.Organization {
				org = om.ent
			}
		}
		d.roles = append(d.roles, roleFact{person: m.ent, role: role, org: org, sent: s})
		return true
	}
	return false
}

// premodifierRole reads "care services minister Paul Burstow" and
// "Association of Directors of Adult Social Services president Richard Jones".
func (d *doc) premodifierRole(s *sentence, m *mention) bool {
	t := s.para.toks
	k := m.from - 1
	if title, at := d.titleBefore(s, m.from); at < m.from {
		if lt := strings.ToLower(title); titleRoles[lt] {
			// "Governor Linda Hayes": the title is her role; "Police Minister
			// Aaron Kellett": with the words of its portfolio.
			start := at
			for start-1 >= s.from && t[start-1].word && d.lex.roleMods[t[start-1].lower] && !t[start-1].poss && at-start < 3 {
				start--
			}
			if !(start-1 >= s.from && d.lex.roleHeads[t[start-1].lower]) {
				role := strings.ToLower(s.para.text[t[start].start:t[at].end])
				if words := strings.Fields(title); len(words) > 1 {
					role = strings.ToLower(s.para.text[t[start].start:t[at+len(words)-1].end])
				}
				d.roles = append(d.roles, roleFact{person: m.ent, role: role, org: d.portfolio(role, s, start, at+1), sent: s})
				return true
			}
		}
		k = at - 1
	}
	if k < s.from || !t[k].word || !d.lex.roleHeads[t[k].lower] || (t[k].cap && k != s.from && !d.lex.roleHeads[t[k].lower]) {
		return false
	}
	end := k + 1
	start := k
	for start-1 >= s.from && len(t[start-1].text) > 0 && t[start-1].word && !t[start-1].poss && (!t[start-1].cap || start-1 == s.from && d.lex.roleMods[t[start-1].lower]) &&
		!classStop[t[start-1].lower] && d.mentionAt(s, start-1) == nil && k-start < 4 {
		start--
	}
	role := strings.ToLower(s.para.text[t[start].start:t[end-1].end])
	var org *entity
	if start-1 >= s.from {
		if om := d.orgEndingAt(s, start-1); om != nil {
			org = om.ent
		}
	}
	if org == nil && start-1 >= s.from && t[start-1].word && t[start-1].cap && !t[start-1].poss && !sentenceWords[t[start-1].lower] && d.mentionAt(s, start-1) == nil {
		// "Unison general secretary Dave Prentis": a one-word body before a
		// role made only of role words (not "Lakemont school board president").
		onlyRoleWords := true
		for _, tk := range t[start:end] {
			if !d.lex.roleMods[tk.lower] && !d.lex.roleHeads[tk.lower] {
				onlyRoleWords = false
			}
		}
		_, known := d.lex.bodies[t[start-1].lower]
		if _, isTitle := d.lex.titles[t[start-1].lower]; !isTitle && onlyRoleWords && (!d.lex.common[t[start-1].lower] || known) && !d.lex.orgHeads[t[start-1].lower] {
			org = d.addOrg(s, start-1, start, t[start-1].text, false)
		}
	}
	if org == nil {
		org = d.portfolio(role, s, start, end)
	}
	d.roles = append(d.roles, roleFact{person: m.ent, role: role, org: org, sent: s})
	return true
}

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
	var best *entity
	bestDist := 1 << 30
	for _, m := range d.mentions {
		e := m.ent
		if e == nil || e.kind != schema.Organization || e.class || e.generic || !isDepartment(e.name) {
			continue
		}
		if !holdsWords(e.name, words) {
			continue
		}
		dist := s.n - m.sent.n
		if dist < 0 {
			dist = 1000 - dist // a department named later in the article
		}
		if dist < bestDist {
			best, bestDist = e, dist
		}
	}
	return best
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

// appositiveRole reads "Jo Webber, deputy director of policy at the NHS
// Confederation," and "Andrew Cozens, the Local Government Association's
// strategic lead for adult social care," and list items "Roy Fisher, chair of
// NHS Blackpool;".
func (d *doc) appositiveRole(s *sentence, m *mention) bool {
	t := s.para.toks
	if m.to >= s.to || t[m.to].text != "," {
		return false
	}
	i := m.to + 1
	list := d.inSignatories(s, m.from)
	// The appositive ends at the first organisation that closes it, before
	// any reporting verb, quotation or another person.
	limit := s.to
	for k := i; k < s.to && k < i+30; k++ {
		if t[k].quote >= 0 || d.lex.verbs[t[k].lower] && k > i || t[k].text == ";" || t[k].text == "(" {
			limit = k
			break
		}
		if pm := d.mentionAt(s, k); pm != nil && pm.ent != nil && pm.ent.kind == schema.Person {
			limit = k
			break
		}
	}
	// Possessive: "the Local Government Association's strategic lead for X,".
	k := i
	if k < limit && t[k].lower == "the" {
		k++
	}
	if om := d.mentionAt(s, k); om != nil && om.ent != nil && om.ent.kind == schema.Organization && om.from == k && t[om.to-1].poss {
		end := om.to
		for end < limit && t[end].text != "," {
			end++
		}
		if end > om.to {
			role := strings.TrimSpace(s.para.text[t[om.to].start:t[end-1].end])
			if d.lex.roleHeads[roleHeadWord(strings.ToLower(role))] || d.roleAt(s, om.to) > om.to {
				d.roles = append(d.roles, roleFact{person: m.ent, role: role, org: om.ent, sent: s})
				return true
			}
		}
	}
	roleEnd := d.roleAt(s, i)
	if roleEnd == i && !list {
		// "strategic adviser on children, ..." starts with words the role lexicon may lack;
		// accept a lower-case phrase whose head word is a role.
		j := i
		if j < limit && (t[j].lower == "a" || t[j].lower == "an" || t[j].lower == "the") {
			j++
		}
		for j < limit && t[j].word && !t[j].cap && !classStop[t[j].lower] && !d.lex.verbs[t[j].lower] {
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
	// Find the organisation that ends the appositive.
	var org *mention
	for _, om := range d.in(s) {
		if om.sent == s && om.from >= roleEnd && om.to <= limit && om.ent != nil && om.ent.kind == schema.Organization {
			org = om
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
			oe := d.addOrg(s, j, e, name, false)
			org = &mention{sent: s, from: j, to: e, ent: oe}
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
		if roleEnd == i && !list && !d.lex.roleHeads[roleHeadWord(strings.ToLower(role))] {
			return false
		}
	}
	role = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(role, "the "), "a "))
	for _, adv := range []string{"currently ", "now ", "also ", "then "} {
		role = strings.TrimPrefix(role, adv) // "currently chief executive of X"
	}
	if role == "" && org == nil {
		return false
	}
	d.roles = append(d.roles, roleFact{person: m.ent, role: role, org: entOf(org), sent: s})
	return true
}

func entOf(m *mention) *entity {
	if m == nil {
		return nil
	}
	return m.ent
}

// roleVerbs turn "who chairs X" into a role.
var roleVerbs = map[string]string{"chairs": "chair", "chaired": "chair", "heads": "head", "headed": "head",
	"leads": "leader", "led": "leader", "runs": "head", "directs": "director", "founded": "founder",
	"co-founded": "co-founder", "manages": "manager", "represents": "representative"}

// relativeRole reads "Sen. Mike Crapo, R-Idaho, who chairs the Senate
// Banking Committee," and "Jane Roe, who leads the union,".
func (d *doc) relativeRole(s *sentence, m *mention) bool {
	t := s.para.toks
	for k := m.to; k+2 < s.to && k < m.to+8; k++ {
		if t[k].quote >= 0 || t[k].text == ";" {
			return false
		}
		if t[k].lower != "who" || t[k-1].text != "," {
			continue
		}
		if w := t[k+1].lower; w == "is" || w == "was" || w == "has" && k+2 < s.to && t[k+2].lower == "been" {
			// "Jane Roe, who is chief executive of the Water Forum,": read the
			// role as an appositive starting after the verb.
			j := k + 2
			if t[k+1].lower == "has" {
				j++
			}
			if end := d.roleAt(s, j); end > j {
				role := strings.TrimPrefix(strings.TrimPrefix(s.para.text[t[j].start:t[end-1].end], "the "), "a ")
				var org *entity
				for _, om := range d.in(s) {
					if om.from >= end && om.from <= end+4 && om.ent != nil && om.ent.kind == schema.Organization {
						org = om.ent
						break
					}
				}
				d.roles = append(d.roles, roleFact{person: m.ent, role: role, org: org, sent: s})
				return true
			}
			return false
		}
		role, ok := roleVerbs[t[k+1].lower]
		if !ok {
			return false
		}
		for _, om := range d.in(s) {
			if om.sent == s && om.from > k+1 && om.from <= k+4 && om.ent != nil && om.ent.kind == schema.Organization {
				d.roles = append(d.roles, roleFact{person: m.ent, role: role, org: om.ent, sent: s})
				return true
			}
		}
		if w := t[k+2].lower; w == "the" && k+3 < s.to {
			if e := d.shortForm(s, singular(t[k+3].lower)); e != nil {
				d.roles = append(d.roles, roleFact{person: m.ent, role: role, org: e, sent: s})
				return true
			}
		}
		return false
	}
	return false
}

// precedingRole reads "the chair of the Local Government Association's
// improvement board, David Parsons," and "the LGA's chief executive, Jane Roe,".
func (d *doc) precedingRole(s *sentence, m *mention) bool {
	t := s.para.toks
	from := m.from
	if _, at := d.titleBefore(s, m.from); at < m.from {
		from = at // "the board's chair, Dr Winston Mensah"
	}
	if from-1 < s.from || t[from-1].text != "," {
		return false
	}
	if m.to < s.to && t[m.to].text != "," && t[m.to].text != "." && !d.lex.verbs[t[m.to].lower] && t[m.to].lower != "who" {
		return false
	}
	end := from - 1
	// Walk back to a role head within a short window.
	for k := end - 1; k >= s.from && k >= end-12; k-- {
		if t[k].text == "," || t[k].quote >= 0 || t[k].text == ";" {
			return false
		}
		if !d.lex.roleHeads[t[k].lower] || t[k].cap && k != s.from {
			continue
		}
		start := k
		for start-1 >= s.from && t[start-1].word && !t[start-1].cap && (d.lex.roleMods[t[start-1].lower] || !t[start-1].poss && !classStop[t[start-1].lower] && k-start < 2 && start-2 >= s.from && t[start-2].poss) {
			start-- // "the BMA's council chair": "council" belongs to the role
		}
		var org *entity
		for _, om := range d.in(s) {
			if om.sent == s && om.from > k && om.to <= end && om.ent != nil && om.ent.kind == schema.Organization {
				org = om.ent
				break
			}
		}
		if org == nil && start-1 >= s.from {
			if om := d.orgEndingAt(s, start-1); om != nil && t[om.to-1].poss {
				org = om.ent
			} else if t[start-1].poss && t[start-1].cap && d.mentionAt(s, start-1) == nil && d.lex.orgHeads[t[start-1].lower] {
				org = d.shortForm(s, singular(t[start-1].lower)) // "The Commission's executive director"
			} else if t[start-1].poss && t[start-1].cap && d.mentionAt(s, start-1) == nil {
				// "Shelterline's chief executive, Bronwen Carys": the owner is a body.
				b := start - 1
				for b-1 >= s.from && t[b-1].word && t[b-1].cap && !sentenceWords[t[b-1].lower] && !t[b-1].poss {
					b--
				}
				name := s.para.text[t[b].start:t[start-1].start] + t[start-1].text
				org = d.addOrg(s, b, start, name, false)
			} else if t[start-1].poss && !t[start-1].cap && start-2 >= s.from && t[start-2].lower == "the" {
				// "The trust's chief executive": the body that word points back to.
				org = d.shortForm(s, singular(t[start-1].lower))
			} else if w := t[start-1].lower; w == "its" || w == "their" {
				// "Its president, Carla Mendes,": the body spoken of last.
				org = d.lastOrgBefore(s)
				if org == nil {
					for _, om := range d.in(s) {
						if om.sent == s && om.to <= start && om.ent != nil && om.ent.kind == schema.Organization && !om.ent.generic {
							org = om.ent
						}
					}
				}
			}
		}
		role := s.para.text[t[start].start:t[end-1].end]
		d.roles = append(d.roles, roleFact{person: m.ent, role: role, org: org, sent: s})
		return true
	}
	return false
}
