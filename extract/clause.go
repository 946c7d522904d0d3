package extract

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// This file reads the structure around a word of a sentence: the verb group
// a verb stands in (auxiliaries, modals, "plans to", the passive), the noun
// phrase that is its subject, the one that is its object, and the phrases
// its prepositions open. The reform and stance readers use it; it knows
// English's closed classes of words and leans on the article's mentions for
// the rest, so a noun phrase ends where its name ends.

// wordClass is a coarse part of speech, for the closed classes of English
// and the words that end or open a clause.
type wordClass uint8

const (
	wOther wordClass = iota
	wDet             // the, a, this, its, their, all, both, two …
	wPron            // it, they, he, she, we …
	wBe              // is, was, been …
	wGet             // get, got …
	wHave            // has, have, had
	wModal           // will, would, could …
	wTo              // to
	wPrep            // of, in, into, by, from, with …
	wConj            // and, or, but
	wSub             // that, which, who, while, because …
	wAdv             // also, now, not, -ly …
	wNum             // 22, twenty
)

var wordClasses = func() map[string]wordClass {
	m := map[string]wordClass{}
	add := func(c wordClass, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = c
		}
	}
	add(wDet, "the a an this that these those all both some any each every its their his her our my your no another such several many few either neither whose")
	add(wPron, "it they he she we i you them him us itself themselves")
	add(wBe, "is are was were be been being am")
	add(wGet, "get gets got gotten getting")
	add(wHave, "has have had having")
	add(wModal, "will would shall should can could may might must")
	add(wTo, "to")
	add(wPrep, "of in into by from with for on at under over within between among across through towards toward onto upon via against without after before during since until as per alongside beside")
	add(wConj, "and or but nor &")
	add(wSub, "which who whom where when while because although though if unless whereas whether")
	add(wAdv, "also now then not never already soon later still just even again once instead only effectively finally formally eventually immediately ultimately largely partly fully quickly quietly gradually officially initially originally previously currently recently today yesterday tomorrow here there thereby subsequently essentially")
	add(wNum, "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred hundreds thousand thousands dozen dozens half")
	return m
}()

// classOf returns the word class of token k of t.
func classOf(t []token, k int) wordClass {
	tk := t[k]
	if !tk.word {
		return wOther
	}
	if c, ok := wordClasses[tk.lower]; ok {
		if c == wDet && tk.lower == "that" {
			return wSub // "that" is read as a subordinator; NP readers skip it
		}
		if c == wModal && surnameLike(t, k) {
			return wOther // "Theresa May has decided": a name
		}
		return c
	}
	if hasDigit(tk.text) {
		return wNum
	}
	if len(tk.lower) > 4 && strings.HasSuffix(tk.lower, "ly") && !tk.cap && !strings.HasSuffix(tk.lower, "ply") && !strings.HasSuffix(tk.lower, "ily") && tk.lower != "family" && tk.lower != "assembly" && tk.lower != "supply" && tk.lower != "italy" {
		return wAdv
	}
	return wOther
}

// surnameLike reports whether the capitalised token k follows a
// capitalised word, as the last word of a name does ("Theresa May",
// "Kim Will").
func surnameLike(t []token, k int) bool {
	return t[k].cap && k > 0 && t[k-1].word && t[k-1].cap && !t[k-1].poss
}

// timeWords are adverbs of time that may stand between a verb and "to".
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "yesterday": true, "today": true, "tonight": true, "overnight": true, "unanimously": true,
	"week": true, "month": true, "year": true, "last": true, "earlier": true, "this": true,
	"next": true, "later": true, "early": true, "soon": true, "months": true, "years": true, "weeks": true,
}

// controlWords stand before "to" and a verb without changing who does it:
// "plans to scrap", "vowed to kill", "is set to merge", "moved to abolish".
var controlWords = map[string]bool{
	"plan": true, "plans": true, "planned": true, "planning": true, "vow": true, "vows": true, "vowed": true,
	"pledge": true, "pledged": true, "pledges": true, "promise": true, "promised": true, "promises": true,
	"decide": true, "decided": true, "decides": true, "want": true, "wants": true, "wanted": true,
	"intend": true, "intends": true, "intended": true, "move": true, "moved": true, "moves": true,
	"agree": true, "agreed": true, "agrees": true, "vote": true, "voted": true, "votes": true,
	"propose": true, "proposed": true, "proposes": true, "seek": true, "seeks": true, "sought": true,
	"aim": true, "aims": true, "aimed": true, "hope": true, "hopes": true, "hoped": true, "try": true,
	"tried": true, "tries": true, "expect": true, "expected": true, "threaten": true, "threatened": true,
	"threatens": true, "prepare": true, "prepared": true, "preparing": true, "begin": true, "began": true,
	"begins": true, "start": true, "started": true, "continue": true, "continued": true, "set": true,
	"going": true, "need": true, "needs": true, "needed": true, "used": true, "likely": true, "due": true,
	"able": true, "ready": true, "poised": true, "urged": true, "ordered": true, "asked": true,
	"announced": true, "announces": true, "announce": true, "confirmed": true, "confirms": true,
	"opted": true, "chose": true, "chosen": true, "elected": true, "committed": true, "determined": true,
	"failed": true, "refused": true, "declined": true, "looking": true, "working": true,
	"bid": true, "decision": true, "proposal": true, "proposals": true, "drive": true, "push": true,
	"attempt": true, "attempts": true, "efforts": true, "effort": true, "intention": true, "order": true,
	"legislation": true, "bill": true, "law": true, "measure": true, "measures": true, "review": true,
	"approval": true, "power": true, "powers": true, "way": true, "step": true, "steps": true,
	"first": true, "last": true, "next": true,
}

// nominalControl are the control words that are nouns: their owner
// ("the government's plans to …") is the one who acts.
var nominalControl = map[string]bool{
	"plan": true, "plans": true, "decision": true, "proposal": true, "proposals": true, "drive": true,
	"push": true, "attempt": true, "attempts": true, "efforts": true, "effort": true, "intention": true,
	"order": true, "legislation": true, "bill": true, "law": true, "measure": true, "measures": true,
	"bid": true, "move": true, "moves": true, "pledge": true, "promise": true, "vow": true, "review": true,
	"approval": true, "power": true, "powers": true, "way": true, "step": true, "steps": true, "vote": true,
}

// A verbGroup is the words a verb of a sentence stands in, from the
// auxiliaries and control words before it to the verb itself.
type verbGroup struct {
	start   int  // first token: "will" in "will be scrapped", "plans" in "plans to scrap"
	passive bool // a form of be or get stands right before a participle
	owner   int  // for "X's plans to scrap": the token of the nominal control word, else -1
	purpose bool // a bare "to" opens it ("work with X to combine Y"): its subject is not the noun before
}

// verbGroupAt reads the verb group that ends with the verb at token k,
// written in form (vBase … vIng).
func verbGroupAt(s *sentence, k, form int) verbGroup {
	t := s.para.toks
	g := verbGroup{start: k, owner: -1}
	nearest := true
	for j := k - 1; j >= s.from; j-- {
		if t[j].quote >= 0 && t[k].quote < 0 {
			break
		}
		c := classOf(t, j)
		switch {
		case c == wAdv || t[j].lower == "n't" || floating(s, j):
			continue
		case c == wBe || c == wGet:
			if nearest && form == vPast {
				g.passive = true
			}
		case c == wHave || c == wModal || t[j].lower == "do" || t[j].lower == "does" || t[j].lower == "did":
		case c == wTo:
			// "to" only inside a chain: "plans to scrap", "is to be merged",
			// "voted unanimously on Monday to take".
			p := j - 1
			for p > s.from && (classOf(t, p) == wAdv || timeWords[t[p].lower] || t[p].lower == "on" && p+1 < j && timeWords[t[p+1].lower]) {
				p--
			}
			if p > s.from && p < j-1 && controlWords[t[p].lower] {
				g.start, j, nearest = p, p, false // the control word is part of the group
				continue
			}
			if c := marginBefore(s, j); c >= 0 {
				g.start, j, nearest = c, c, false // "voted by three to one to merge"
				continue
			}
			if j-1 < s.from || !(controlWords[t[j-1].lower] || classOf(t, j-1) == wBe || classOf(t, j-1) == wAdv || floating(s, j-1)) {
				g.start = j
				g.purpose = true
				return g
			}
		case controlWords[t[j].lower] && j+1 < k && t[j+1].lower == "to":
			// "the government's plans to": a noun, whose owner acts;
			// "Vale plans to": a verb, whose subject acts.
			if nominalControl[t[j].lower] && j-1 >= s.from && (t[j-1].poss || classOf(t, j-1) == wDet) {
				g.owner = j
				g.start = j
				return g
			}
		default:
			// "was on Thursday replaced", "will in 2026 be merged": a short
			// phrase between the auxiliary and the verb.
			if nearest {
				for p := j - 1; p >= s.from && p >= j-2; p-- {
					if classOf(t, p) == wPrep && p-1 >= s.from && (classOf(t, p-1) == wBe || classOf(t, p-1) == wModal || classOf(t, p-1) == wHave) {
						j = p
						break
					}
				}
				if classOf(t, j) == wPrep {
					continue
				}
			}
			g.start = j + 1
			return g
		}
		nearest = false
		g.start = j
	}
	return g
}

// marginBefore returns the control word before a margin that ends just
// before the "to" at token j ("voted by more than three to one to merge",
// "agreed by 86% to"), or -1.
func marginBefore(s *sentence, j int) int {
	t := s.para.toks
	for q := j - 1; q > s.from && q >= j-8; q-- {
		if t[q].text == "," || t[q].quote != t[j].quote {
			return -1
		}
		if t[q].lower == "by" {
			if controlWords[t[q-1].lower] && q+1 < j && (classOf(t, q+1) == wNum || t[q+1].lower == "more" || t[q+1].lower == "a" || t[q+1].lower == "an") {
				return q - 1
			}
			return -1
		}
	}
	return -1
}

// lowerWord reports whether token k is a lower-case adjective, adverb or
// noun: no name, verb form the lexicons know, or function word.
func lowerWord(t []token, k int) bool {
	c := classOf(t, k)
	return t[k].word && !t[k].cap && (c == wOther || c == wAdv)
}

// floating reports whether token k of s is a quantifier floated into a verb
// group after its auxiliary: "are all to be abolished", "will both be
// merged", "have each been cut".
func floating(s *sentence, k int) bool {
	t := s.para.toks
	if w := t[k].lower; w != "all" && w != "both" && w != "each" || k-1 < s.from {
		return false
	}
	c := classOf(t, k-1)
	return c == wBe || c == wHave || c == wModal
}

// An np is a noun phrase read around a verb or preposition: the entities
// it names (several when coordinated: "A, B and C") and where it ends.
type np struct {
	ents []*entity
	from int // first token of the first name
	end  int // token after the phrase
	poss bool
	// number is "the number of X": the entities are what is counted
	number bool
	// modifier: the name modifies a noun after it ("NHS administration
	// costs"), which is the phrase's head.
	modifier bool
	// partitive: "eight of its 12 offices", some of a counted set.
	partitive bool
}

// peopleWords are members of a body: "Liberal MPs", "Labour councillors".
var peopleWords = map[string]bool{
	"mps": true, "msps": true, "mlas": true, "meps": true, "tds": true, "senators": true, "members": true,
	"councillors": true, "councilors": true, "lawmakers": true, "legislators": true, "representatives": true,
	"supporters": true, "activists": true, "ministers": true, "peers": true, "delegates": true,
	// "every Labour and Green councillor"
	"mp": true, "msp": true, "mla": true, "mep": true, "td": true, "senator": true, "member": true,
	"councillor": true, "councilor": true, "lawmaker": true, "legislator": true, "backbencher": true,
	"backbenchers": true,
}

// genericBody are nouns that stand for a body without naming it: "a new
// body, the X Authority," and "the agency".
var genericBody = map[string]bool{
	"body": true, "bodies": true, "organisation": true, "organization": true, "agency": true, "authority": true,
	"department": true, "entity": true, "regulator": true, "service": true, "watchdog": true, "unit": true,
	"office": true, "board": true, "commission": true, "ministry": true, "organisations": true,
	"organizations": true, "institution": true, "quango": true, "force": true, "council": true, "group": true,
	"company": true, "corporation": true, "super-agency": true, "umbrella": true, "structure": true,
	"university": true, "college": true, "charity": true, "trust": true, "utility": true, "network": true,
	"institute": true, "centre": true, "center": true, "directorate": true, "administration": true,
	"tribunal": true, "inspectorate": true, "foundation": true, "partnership": true, "executive": true,
	"government": true, "party": true, "union": true, "registry": true, "programme": true, "program": true,
	"operator": true, "provider": true,
}

// partWords name a part of a body: "the remnants of X", "the expertise of
// X".
var partWords = map[string]bool{
	"expertise": true, "remnants": true, "rest": true, "parts": true, "part": true, "elements": true,
	"arms": true, "divisions": true, "units": true, "branches": true, "sections": true, "wings": true,
	"most": true, "some": true, "much": true, "many": true, "all": true, "each": true, "capabilities": true,
	"offices": true, "bulk": true, "remainder": true,
}

// functionWords are what passes between bodies in a transfer: "X's
// functions", "the powers of X".
var functionWords = map[string]bool{
	"function": true, "functions": true, "power": true, "powers": true, "responsibility": true,
	"responsibilities": true, "role": true, "roles": true, "work": true, "duties": true, "duty": true,
	"remit": true, "staff": true, "budget": true, "budgets": true, "programmes": true, "programs": true,
	"services": true, "operations": true, "activities": true, "jobs": true, "workload": true, "tasks": true,
	"oversight": true, "regulation": true, "assets": true, "employees": true, "teams": true, "team": true,
	"funds": true,
}

// overseeing are the functions whose "of" phrase is what they act on, not
// who holds them: "the regulation of the BBC" is no BBC's.
var overseeing = map[string]bool{
	"oversight": true, "regulation": true, "supervision": true, "inspection": true, "scrutiny": true,
	"monitoring": true, "funding": true, "governance": true,
}

// overseen reports whether the phrase from token k of s is what an
// overseeing function acts on: "(the) oversight of [the] X".
func overseen(t []token, s *sentence, k int) bool {
	if k-1 >= s.from && t[k-1].lower == "the" {
		k--
	}
	return k-2 >= s.from && t[k-1].lower == "of" && overseeing[t[k-2].lower]
}

// kindWords before a generic noun say which kind of body, not which body:
// "the government department", "the new agency", "the other boards".
var kindWords = map[string]bool{"government": true, "new": true, "other": true, "former": true, "old": true, "latter": true, "same": true,
	"public": true, "state": true, "federal": true, "local": true, "regional": true, "national": true}

// presentWords stand between "the" and a count of the bodies there are:
// "the current eight forces".
var presentWords = map[string]bool{"current": true, "existing": true, "present": true, "remaining": true, "old": true}

// npMaxLead bounds the words (determiners, adjectives) an np reader skips
// before the name it reads.
const npMaxLead = 5

// npAfter reads the noun phrase that begins at token k of s (the object of
// a verb, or of a preposition).
func (d *doc) npAfter(s *sentence, k int) np {
	t := s.para.toks
	out := np{from: -1, end: k}
	j := k
	lead := 0
	for j < s.to && lead <= npMaxLead {
		if t[j].quote >= 0 && (k == s.from || t[k].quote < 0) && isQuoteMarkStr(t[j].text) {
			j++
			continue
		}
		if m := d.mentionStartingAt(s, j); m != nil && m.ent != nil {
			if e := d.namedFor(s, m); e != nil {
				out.from, out.end = m.from, m.to
				out.ents = append(out.ents, e)
				break
			}
			if am := d.appositive(s, m.to); m.ent.class && am != nil {
				m = am // "a new super agency called X"
			} else if ls, ok := d.refineClass(s, m); ok {
				return ls
			}
			out.from = m.from
			out.ents = append(out.ents, m.ent)
			out.end = m.to
			out.poss = t[m.to-1].poss
			out.modifier = !out.poss && d.modifies(s, m.to)
			break
		}
		tk := t[j]
		if !tk.word {
			if tk.text == "-" || tk.text == "\u2019" || tk.text == "'" {
				j++
				continue
			}
			return out
		}
		c := classOf(t, j)
		if c == wNum && j+2 < s.to && t[j+1].lower == "of" {
			// "eight of its 12 area offices": part of a counted set.
			p := j + 2
			for p < s.to && (classOf(t, p) == wDet || t[p].lower == "its" || t[p].lower == "their") {
				p++
			}
			if p < s.to && classOf(t, p) == wNum {
				if m := d.counted(s, p, false); m != nil {
					out.from, out.end, out.partitive = m.from, m.to, true
					out.ents = append(out.ents, m.ent)
					break
				}
			}
		}
		if c == wNum || out.number && c == wOther && !tk.cap {
			// "nine community care areas", "the number of satellite
			// campuses": a counted set of bodies, named by its words.
			if m := d.counted(s, j, out.number); m != nil {
				if ls, ok := d.refineClass(s, m); ok {
					return ls
				}
				out.from, out.end = m.from, m.to
				out.ents = append(out.ents, m.ent)
				break
			}
		}
		if c == wPron && (tk.lower == "it" || tk.lower == "them" || tk.lower == "itself") {
			if e := d.antecedentOrg(s, j); e != nil {
				out.from, out.end = j, j+1
				out.ents = append(out.ents, e)
			}
			return out
		}
		if tk.lower == "its" || tk.lower == "their" {
			// "their predecessors, the X": the name in apposition.
			for a := j + 1; a < s.to && a <= j+3 && t[a].word && !t[a].cap; a++ {
				if m := d.appositive(s, a+1); m != nil {
					out.from, out.end = m.from, m.to
					out.ents = append(out.ents, m.ent)
					return out
				}
			}
			// "A and B … combine their skills": the pair before it.
			if pair := d.pairBefore(s, j); tk.lower == "their" && pair != nil {
				out.from, out.end, out.poss = j, j+1, true
				out.ents = pair
				return out
			}
			// "its functions": the body the pronoun points back to owns them.
			if e := d.antecedentOrg(s, j); e != nil {
				out.from, out.end, out.poss = j, j+1, true
				out.ents = append(out.ents, e)
			}
			return out
		}
		if tk.lower == "and" && j > k && j+1 < s.to && lowerWord(t, j-1) && !genericBody[t[j-1].lower] && lowerWord(t, j+1) {
			j++ // "this bloated and largely incompetent quango": adjectives joined
			lead++
			continue
		}
		if c != wDet && c != wNum && c != wOther && c != wAdv {
			if c == wPrep && tk.lower == "of" && j > k && t[j-1].lower == "number" {
				out.number = true
				j++
				lead = 0
				continue
			}
			if c == wPrep && tk.lower == "of" && j > k && (functionWords[t[j-1].lower] || cutWords[t[j-1].lower] || partWords[t[j-1].lower]) && !t[j-1].cap && !out.number {
				// "the expertise of X", "the functions of X": X owns what
				// the phrase is about. Not "the oversight of X": what is
				// overseen owns nothing.
				if overseeing[t[j-1].lower] {
					return out
				}
				n := d.npAfter(s, j+1)
				if len(n.ents) > 0 {
					n.poss = true
					n.modifier = false
				}
				return n
			}
			return out
		}
		if d.lex.verbs[tk.lower] || tk.lower == "said" {
			return out
		}
		if m := d.lowerBody(s, j); m != nil {
			out.from, out.end = m.from, m.to
			out.ents = append(out.ents, m.ent)
			break
		}
		if genericBody[tk.lower] && j > k && t[j-1].lower == "new" && !t[j].cap {
			// "into the new organisation": the body the article reports
			// created last, unless one is named in apposition.
			if m := d.appositive(s, j+1); m != nil {
				out.from, out.end, out.poss = m.from, m.to, t[m.to-1].poss
				out.ents = append(out.ents, m.ent)
				break
			}
			if e := d.lastCreated(); e != nil {
				out.from, out.end, out.poss = j, j+1, tk.poss
				out.ents = append(out.ents, e)
				return out
			}
		}
		if genericBody[tk.lower] && (j > k && (t[j-1].lower == "the" || t[j-1].lower == "this" || t[j-1].lower == "that")) && !t[j].cap {
			// "the agency": the body named last whose name holds that word,
			// unless a name follows in apposition ("the new body, X,").
			if m := d.appositive(s, j+1); m != nil {
				out.from, out.end, out.poss = m.from, m.to, t[m.to-1].poss
				out.ents = append(out.ents, m.ent)
				break
			}
			if e := d.shortForm(s, singular(tk.lower)); e != nil {
				out.from, out.end, out.poss = j, j+1, tk.poss
				out.ents = append(out.ents, e)
				return out
			}
			if tk.lower == "body" || tk.lower == "organisation" || tk.lower == "organization" {
				if e := d.antecedentOrg(s, j); e != nil {
					out.from, out.end, out.poss = j, j+1, tk.poss
					out.ents = append(out.ents, e)
					return out
				}
			}
		}
		if genericBody[tk.lower] && !strings.HasSuffix(tk.lower, "s") && j > k && (t[k].lower == "the" || t[k].lower == "this" || t[k].lower == "that") && d.appositive(s, j+1) == nil {
			// "the national institution": a body described, not named.
			if e := d.shortForm(s, tk.lower); e != nil {
				out.from, out.end, out.poss = j, j+1, tk.poss
				out.ents = append(out.ents, e)
				return out
			}
			if e := d.salient(s); e != nil && !governTails[tk.lower] && tk.lower != "executive" {
				// Not "the assembly government": a government is no body
				// the story is about.
				out.from, out.end, out.poss = j, j+1, tk.poss
				out.ents = append(out.ents, e)
				return out
			}
		}
		if genericBody[tk.lower] && !strings.HasSuffix(tk.lower, "s") {
			if m := d.appositive(s, j+1); m != nil {
				out.from, out.end, out.poss = m.from, m.to, t[m.to-1].poss
				out.ents = append(out.ents, m.ent)
				break
			}
		}
		if m := d.unnamedBody(s, j); m != nil && (tk.acronym || j > k && t[j-1].lower == "the") {
			out.from, out.end, out.poss = m.from, m.to, t[m.to-1].poss
			out.ents = append(out.ents, m.ent)
			break
		}
		if t[j].cap && j > k && !tk.poss {
			return out // an unknown name
		}
		if m := d.several(s, j); m != nil {
			return *m // "the two organisations"
		}
		lead++
		j++
	}
	if out.ents == nil {
		return out
	}
	// Coordination: "A, B and C", "A and the B", "both A and B", "A's
	// functions, B's role in X and C's remit".
	for {
		j := out.end
		if out.poss {
			for j < s.to && j < out.end+8 && t[j].word && !t[j].cap && t[j].lower != "and" && t[j].lower != "or" && classOf(t, j) != wSub {
				j++
			}
		}
		if j >= s.to {
			break
		}
		if t[j].text != "," && t[j].lower != "and" && t[j].lower != "or" && t[j].lower != "&" {
			break
		}
		gap := t[j].text == ","
		anded := t[j].lower == "and" || t[j].lower == "or"
		j++
		if j < s.to && (t[j].lower == "and" || t[j].lower == "or") {
			j++
			anded = true
		} else {
			gap = false
		}
		if gap && gapAhead(t, j, s.to) {
			break // ", and A and B into C": a second clause with its verb left out
		}
		for j < s.to && (t[j].lower == "the" || classOf(t, j) == wNum) {
			j++
		}
		m := d.mentionStartingAt(s, j)
		if m == nil && j > 0 && classOf(t, j-1) == wNum {
			m = d.counted(s, j-1, false) // "14 polytechnics and eight training organisations"
		}
		if m == nil && anded && out.ents[0].kind == schema.Organization && !out.ents[0].class {
			m = d.coordinatedBody(s, j) // "such as Cancer Care Ontario and eHealth"
		}
		if m == nil || m.ent == nil || m.ent.kind != out.ents[0].kind || out.poss != t[m.to-1].poss {
			break
		}
		if m.to < s.to && (d.lex.verbs[t[m.to].lower] || classOf(t, m.to) == wModal || classOf(t, m.to) == wHave) && !(anded && len(out.ents) >= 2) {
			break // "…, the union said": the next clause's subject
		}
		out.ents = append(out.ents, m.ent)
		out.end = m.to
	}
	return out
}

// coordinatedBody makes a body of an unknown capitalised run at token k
// that follows "and" after a named body: "A and Medtrust" joins two of a
// kind. A given name, a place or a run that a verb follows is not one.
func (d *doc) coordinatedBody(s *sentence, k int) *mention {
	t := s.para.toks
	e := k
	for e < s.to && e < k+4 && t[e].word && t[e].cap && !t[e].poss && d.mentionAt(s, e) == nil {
		e++
	}
	if e == k || e < s.to && (t[e].word && t[e].cap || t[e].poss) {
		return nil
	}
	run := t[k:e]
	if d.placeAt(run, 0) > 0 || d.lex.isGiven(t[k].lower) || e-k == 1 && d.lex.common[t[k].lower] || isTitle(d, t[k]) {
		return nil
	}
	if e < s.to && (d.lex.verbs[t[e].lower] || classOf(t, e) == wModal || classOf(t, e) == wHave || classOf(t, e) == wBe) {
		return nil // "A and Smith said": the next clause
	}
	return d.unnamedBodyRun(s, k, e)
}

// gapAhead reports whether the words from k hold, before any verb or the
// clause's end, a preposition that would follow a left-out verb: "…, and
// the Weirs Unit and the Dam Office into the Land Agency".
func gapAhead(t []token, k, to int) bool {
	for j := k; j < to && j < k+12; j++ {
		switch t[j].lower {
		case "into", "to", "with":
			return true
		}
		if c := classOf(t, j); c == wBe || c == wModal || c == wHave || t[j].text == ";" {
			return false
		}
	}
	return false
}

// modifies reports whether the lower-case words from token k make a noun
// that the name before them modifies ("NHS administration costs", "PCT
// mergers"): up to three words, none a verb form or a word of time, the
// last a plural or a noun the lexicons know. "X next year" and "X angered
// staff" are not.
func (d *doc) modifies(s *sentence, k int) bool {
	t := s.para.toks
	last := -1
	for j := k; j < s.to && j < k+3; j++ {
		tk := t[j]
		if !tk.word || tk.cap || classOf(t, j) != wOther || timeWords[tk.lower] || d.lex.verbs[tk.lower] ||
			strings.HasSuffix(tk.lower, "ed") || tk.lower == "said" || functionWords[tk.lower] {
			break
		}
		if _, n := d.lex.matchReformCue(s, j); n > 0 && j == k {
			return true // "PCT mergers", "NHS reorganisation"
		}
		last = j
	}
	if last < 0 {
		return false
	}
	w := t[last].lower
	return isPlural(w) || d.lex.units[w] || d.lex.orgClass[w] || genericBody[w] || cutWords[w]
}

// several reads "the two organisations", "both bodies", "the three
// agencies" at token k: the bodies of that number the article named last,
// which such a phrase points back to.
func (d *doc) several(s *sentence, k int) *np {
	t := s.para.toks
	j := k
	if j < s.to && (t[j].lower == "the" || t[j].lower == "those" || t[j].lower == "these") {
		j++
	}
	definite := j > k || j < s.to && t[j].lower == "both"
	if !definite {
		return nil // "with two bodies": new ones, not those named before
	}
	n := 0
	if j < s.to {
		switch t[j].lower {
		case "both", "two":
			n = 2
		case "three":
			n = 3
		case "four":
			n = 4
		case "five":
			n = 5
		case "six":
			n = 6
		}
	}
	if n == 0 {
		return nil
	}
	j++
	for j < s.to && t[j].word && !t[j].cap && !genericBody[t[j].lower] && !isPlural(t[j].lower) && j < k+5 && classOf(t, j) == wOther {
		j++ // "the two health regulators"
	}
	if j >= s.to || !d.bodiesWord(t[j].lower) {
		return nil
	}
	if named := d.listAfter(s, j+1); len(named.ents) == n {
		// "the three agencies, namely A, B and C": named after, not before.
		named.from = k
		return &named
	}
	ents := d.lastBodies(s, k, n, t[j].lower)
	if ents == nil {
		return nil
	}
	return &np{ents: ents, from: k, end: j + 1}
}

// pairBefore returns the two named bodies joined by "and" last before
// token k of s ("the people at A and B to combine their skills"), or nil.
func (d *doc) pairBefore(s *sentence, k int) []*entity {
	t := s.para.toks
	for j := s.from; j < k; j++ {
		if t[j].acronym && j > s.from && t[j-1].lower == "and" {
			d.unnamedBody(s, j) // "Monitor and TDA": an acronym not yet read
		}
	}
	ms := d.in(s)
	for i := len(ms) - 1; i > 0; i-- {
		a, b := ms[i-1], ms[i]
		if b.to > k || a.ent == nil || b.ent == nil || a.ent == b.ent || a.ent.kind != schema.Organization || b.ent.kind != schema.Organization || a.ent.class || b.ent.class {
			continue
		}
		if a.to+1 == b.from && t[a.to].lower == "and" || a.to+2 == b.from && t[a.to].lower == "and" && t[a.to+1].lower == "the" {
			return []*entity{a.ent, b.ent}
		}
	}
	return nil
}

// ofKind reports whether the body e can be one of "the two W": a
// department or ministry for "departments", a body whose head is W's for
// another kind of body ("the two trusts"), any body for a plural of things
// ("the two carriers", "both organisations").
func ofKind(e *entity, w string) bool {
	w = singular(w)
	switch {
	case w == "department" || w == "ministry" || w == "office":
		return isDepartment(e.name)
	case w == "body" || w == "organisation" || w == "organization" || w == "institution" || w == "entity" || !genericBody[w]:
		return true
	}
	return headWord(e.name) == w || hasWord(e.name, w)
}

// listAfter reads the names a counted phrase announces after token k:
// ", namely A, B and C", ": A, B and C", " — A, B and C", ", including
// A and B".
func (d *doc) listAfter(s *sentence, k int) np {
	t := s.para.toks
	if k >= s.to {
		return np{}
	}
	j := k
	switch {
	case t[j].text == ":" || isDash(t[j].text):
		j++
	case t[j].text == "," && j+1 < s.to && (t[j+1].lower == "namely" || t[j+1].lower == "including" || t[j+1].lower == "viz"):
		j += 2
	case t[j].lower == "namely" || t[j].lower == "including":
		j++
	default:
		return np{}
	}
	if j < s.to && t[j].text == "," {
		j++
	}
	return d.npAfter(s, j)
}

// bodiesWord reports whether the plural w can stand for bodies the article
// named: "the two agencies", "the carriers", "the three institutions" —
// any plural but those of people ("the two ministers") and of time.
func (d *doc) bodiesWord(w string) bool {
	if genericBody[w] || genericBody[singular(w)] {
		return true
	}
	if !isPlural(w) || timeWords[w] || timeWords[singular(w)] || peopleWords[w] || notBodies[w] || d.lex.roleHeads[singular(w)] || d.lex.roleHeads[w] {
		return false
	}
	return true
}

// notBodies are plurals that never stand for bodies: people no lexicon of
// roles lists, and the commonest nouns of time and manner.
var notBodies = map[string]bool{
	"men": true, "women": true, "people": true, "leaders": true, "officials": true, "chiefs": true,
	"bosses": true, "politicians": true, "staff": true, "workers": true, "employees": true,
	"residents": true, "voters": true, "users": true, "patients": true, "students": true, "parents": true,
	"families": true, "children": true, "critics": true, "experts": true, "sources": true, "others": true,
	"years": true, "months": true, "weeks": true, "days": true, "times": true, "ways": true, "things": true,
}

// lastBodies returns the n bodies (0: all, at least two) of a kind (see
// ofKind) the article named last before token k of s, first named first. Those in its reforms come
// first: "the two departments" are the merging ones, not a party named
// since.
func (d *doc) lastBodies(s *sentence, k, n int, kind string) []*entity {
	if n == 0 {
		// "the carriers' merger": the bodies of this sentence so far, or
		// else of the one before.
		for _, from := range []*sentence{s, d.sentenceBefore(s)} {
			if from == nil {
				continue
			}
			var ents []*entity
			for _, m := range d.in(from) {
				if from == s && m.from >= k {
					break
				}
				if m.ent != nil && m.ent.kind == schema.Organization && !m.ent.generic && !m.ent.class && !contains(ents, m.ent) && ofKind(m.ent, kind) {
					ents = append(ents, m.ent)
				}
			}
			if len(ents) >= 2 {
				return ents
			}
		}
		return nil
	}
	var ents []*entity
	for _, inReform := range []bool{true, false} {
		// The bodies the article's reforms name first: "the two
		// departments" are the merging ones, not a party named since.
		for m := range d.back(s, k) {
			if len(ents) >= n {
				break
			}
			if m.ent != nil && m.ent.kind == schema.Organization && !m.ent.generic && !m.ent.class && !contains(ents, m.ent) && (!inReform || d.inReform(m.ent)) && ofKind(m.ent, kind) {
				ents = append([]*entity{m.ent}, ents...)
			}
		}
		if len(ents) == n {
			break
		}
		ents = ents[:0]
	}
	if len(ents) < n {
		return nil
	}
	return ents
}

// namedFor resolves a definite, singular class mention ("the consumer
// watchdog agency", "the federal agency") to the named body the article
// is about, when one body of the same head word, or only one body at all
// besides, has been named: such a phrase describes a body rather than
// naming a class.
func (d *doc) namedFor(s *sentence, m *mention) *entity {
	t := s.para.toks
	if !m.ent.class || m.from == s.from || t[m.from-1].lower != "the" || isPlural(t[m.to-1].lower) || t[m.to-1].acronym {
		return nil
	}
	head := singular(t[m.to-1].lower)
	if e := d.shortForm(s, head); e != nil && !e.class {
		return e
	}
	var only *entity
	for om := range d.back(s, s.to) {
		if om.ent == nil || om.ent.kind != schema.Organization || om.ent.class || om.ent.generic {
			continue
		}
		if only != nil && only != om.ent {
			return d.salient(s)
		}
		only = om.ent
	}
	return only
}

// salient returns the body the article has named most often up to s, when
// no other has been named as often: what "the institution" means in a
// story about one body.
func (d *doc) salient(s *sentence) *entity {
	if best, _, tied := d.mostNamed(s); !tied {
		return best
	}
	return nil
}

// mostNamed returns the body (not a class or a generic body)
// the article names most often up to sentence s, how often, and whether
// another is named as often.
func (d *doc) mostNamed(s *sentence) (best *entity, n int, tied bool) {
	count := map[*entity]int{}
	for _, m := range d.through(s) {
		if e := m.ent; e != nil && e.kind == schema.Organization && !e.class && !e.generic {
			count[e]++
			if best == nil || count[e] > count[best] {
				best = e
			}
		}
	}
	if best == nil {
		return nil, 0, false
	}
	for e, c := range count {
		tied = tied || e != best && c == count[best]
	}
	return best, count[best], tied
}

// inReform reports whether e is the target of a reform, or gains by one.
func (d *doc) inReform(e *entity) bool { return d.inReforms[e] }

// refineClass returns the names that follow a class of bodies and say
// which bodies it means: "health agencies such as X and Y", "three
// agencies — A, B and C —".
func (d *doc) refineClass(s *sentence, m *mention) (np, bool) {
	if !m.ent.class {
		return np{}, false
	}
	if ex := d.examples(s, m.to); len(ex.ents) > 0 {
		return ex, true
	}
	if ls := d.listed(s, m.to); len(ls.ents) > 0 {
		return ls, true
	}
	return np{}, false
}

// listed reads the names a class of bodies is followed by in dashes or
// after a colon: "three regional agencies — Northlake Transit, Harbourline
// and Valley Connect —". Each capitalised run of the list is a body.
func (d *doc) listed(s *sentence, k int) np {
	t := s.para.toks
	if k >= s.to || !isDash(t[k].text) && t[k].text != ":" {
		return np{}
	}
	out := np{from: k + 1}
	j := k + 1
	for j < s.to {
		if t[j].lower == "and" || t[j].text == "," {
			j++
			continue
		}
		if isDash(t[j].text) || t[j].text == ";" || t[j].text == "." {
			break
		}
		if !t[j].word || !t[j].cap {
			return np{}
		}
		e := j
		for e < s.to && t[e].word && (t[e].cap || connectors[t[e].lower] && t[e].lower != "and" && e+1 < s.to && t[e+1].cap) {
			e++
		}
		m := d.mentionStartingAt(s, j)
		if m != nil && m.ent.kind == schema.Person {
			return np{} // a list of people
		}
		if m == nil || m.to != e {
			ent := d.addOrg(s, j, e, s.para.text[t[j].start:t[e-1].end], false)
			m = &mention{sent: s, from: j, to: e, ent: ent}
			d.sortMentions()
		}
		out.ents = append(out.ents, m.ent)
		out.end = e
		j = e
	}
	if len(out.ents) < 2 {
		return np{}
	}
	if out.end < s.to && isDash(t[out.end].text) {
		out.end++
	}
	return out
}

// examples reads "such as A and B" or ", including A and B" at token k.
func (d *doc) examples(s *sentence, k int) np {
	t := s.para.toks
	if k < s.to && t[k].text == "," {
		k++
	}
	switch {
	case k+1 < s.to && t[k].lower == "such" && t[k+1].lower == "as":
		return d.npAfter(s, k+2)
	case k < s.to && (t[k].lower == "including" || t[k].lower == "like"):
		return d.npAfter(s, k+1)
	}
	return np{}
}

// appositive returns the body named right after a generic noun: ", the X
// Authority", " called X", " known as X", " named X".
func (d *doc) appositive(s *sentence, k int) *mention {
	t := s.para.toks
	if k >= s.to {
		return nil
	}
	j := k
	if t[j].text == "," && j+1 < s.to && (t[j+1].lower == "called" || t[j+1].lower == "named" || t[j+1].lower == "dubbed" || classOf(t, j+1) == wAdv) {
		j++ // ", called Scileanna", ", provisionally named X"
	}
	switch {
	case t[j].text == ",":
		j++
	case t[j].lower == "called" || t[j].lower == "named" || t[j].lower == "dubbed":
		j++
	case classOf(t, j) == wAdv && j+1 < s.to && (t[j+1].lower == "called" || t[j+1].lower == "named"):
		j += 2 // "provisionally named X"
	case t[j].lower == "known" && j+1 < s.to && t[j+1].lower == "as":
		j += 2
	default:
		return nil
	}
	named := j > k && (t[j-1].lower == "called" || t[j-1].lower == "named" || t[j-1].lower == "dubbed" || t[j-1].lower == "as")
	for j < s.to && (t[j].lower == "the" || isQuoteMarkStr(t[j].text)) {
		j++
	}
	if j+1 < s.to && t[j].word && !t[j].cap && t[j-1].lower == "the" && classOf(t, j) == wOther && t[j+1].cap {
		j++ // "their predecessors, the disbanded Vipers"
	}
	if m := d.mentionStartingAt(s, j); m == nil && j < s.to && t[j].cap && t[j-1].lower == "the" && d.mentionAt(s, j) == nil {
		if e := d.unnamedBody(s, j); e != nil {
			return e
		}
	}
	apposed := k > s.from && t[k].text == "," && (genericBody[t[k-1].lower] || d.lex.orgClass[t[k-1].lower] || d.lex.units[t[k-1].lower+"s"])
	if m := d.mentionStartingAt(s, j); m == nil && (named || apposed) && j < s.to && t[j].word && t[j].cap && d.mentionAt(s, j) == nil && d.lex.givenGender(t[j].lower) == "" {
		// "a new authority called Scileanna": the name need not look like one.
		e := j
		for e < s.to && e < j+6 && t[e].word && (t[e].cap || connectors[t[e].lower] && e+1 < s.to && t[e+1].cap) {
			e++
		}
		if d.lex.common[t[e-1].lower] && e-j == 1 && !t[j].acronym {
			return nil
		}
		if apposed && !named && e < s.to && (d.lex.verbs[t[e].lower] || classOf(t, e) == wModal) {
			return nil // "the agency, Deshmukh said": a clause, not a name
		}
		ent := d.addOrg(s, j, e, s.para.text[t[j].start:t[e-1].end], false)
		d.sortMentions()
		return &mention{sent: s, from: j, to: e, kind: mFull, ent: ent}
	}
	if m := d.mentionStartingAt(s, j); m != nil && m.ent != nil && m.ent.kind == schema.Organization {
		if m.to < s.to && (d.lex.verbs[t[m.to].lower] || classOf(t, m.to) == wModal || classOf(t, m.to) == wHave) {
			return nil // ", the union said": a clause, not an apposition
		}
		return m
	}
	return nil
}

// npBefore reads the noun phrase that ends just before token k of s: the
// subject of a verb group starting at k. A relative pronoun stands for the
// name it follows ("X, which will close, …").
func (d *doc) npBefore(s *sentence, k int) np {
	t := s.para.toks
	out := np{from: -1, end: k}
	j := k - 1
	if j < s.from {
		return out
	}
	if t[j].text == "." && j > s.from && d.mentionEndingAt(s, j-1) != nil {
		j-- // "Ferdinand Vale Jr. has …": the name's full stop
	}
	if w := t[j].lower; w == "which" || w == "who" || w == "that" {
		j--
		if j >= s.from && t[j].text == "," {
			j--
		}
		// "X, a super-agency that will combine …": the relative clause
		// hangs on a phrase in apposition to the name before it.
		for back := j; back > s.from && back >= j-6 && d.mentionEndingAt(s, j) == nil; back-- {
			if t[back].text == "," {
				if d.mentionEndingAt(s, back-1) != nil {
					j = back - 1
				}
				break
			}
			if !t[back].word || t[back].quote != t[j].quote {
				break
			}
		}
	}
	if j-2 >= s.from && t[j].text == ")" && t[j-2].text == "(" {
		j -= 3 // "The X Authority (XA) will absorb …"
	}
	if j >= s.from && isDash(t[j].text) {
		// "Three utilities — A, B and C — will be merged": the names in
		// the dashes; "The 30 X - networks of Y - will be ditched":
		// the phrase before them.
		for open := j - 1; open > s.from && open >= j-20; open-- {
			if isDash(t[open].text) {
				if list := d.npAfter(s, open+1); len(list.ents) > 0 && list.end == j {
					return list
				}
				j = open - 1
				break
			}
		}
	}
	relative := false
	if j >= s.from && t[j].text == "," {
		for open := j - 1; open >= s.from && open >= j-25; open-- {
			if t[open].text == "," {
				w := t[open+1].lower
				relative = w == "who" || w == "which" || w == "whose" || w == "where" || w == "whom"
				break
			}
		}
	}
	if j >= s.from && t[j].text == "," && !relative && d.mentionEndingAt(s, j-1) != nil {
		j-- // "The council's own body, the Parks Trust, should be scrapped"
	} else if j >= s.from && t[j].text == "," {
		// "X, set up in 1990, will be …": the subject stands
		// before the parenthesis.
		open := j - 1
		for open >= s.from && t[open].text != "," && t[open].quote < 0 {
			open--
		}
		if open > s.from && t[open].text == "," && open < j-1 {
			j = open - 1
		}
	}
	if j < s.from {
		return out
	}
	if w := t[j].lower; w == "it" || w == "they" {
		if e := d.antecedentOrg(s, j); e != nil {
			out.from = j
			out.ents = []*entity{e}
		}
		return out
	}
	if w := t[j].lower; w == "he" || w == "she" {
		if e := d.pronoun(s, j, w); e != nil {
			out.from = j
			out.ents = []*entity{e}
		}
		return out
	}
	if w := t[j].lower; (w == "we" || w == "i") && t[j].quote >= 0 {
		// "'… as we wind the board down,' X said": the speaker.
		if q := d.quoteAt(s.para, t[j].start); q != nil {
			out.from = j
			out.ents = q.speakers
		}
		return out
	}
	m := d.mentionEndingAt(s, j)
	if m == nil && t[j].acronym && d.mentionAt(s, j) == nil && (j == s.from || classOf(t, j-1) != wPrep) {
		m = d.unnamedBody(s, j) // "FAS will be disbanded", not "the number of X in WA"
	}
	if m == nil && (peopleWords[t[j].lower]) && j-1 >= s.from {
		// "Every Labour and Green member voted against the bill": the
		// parties the members belong to.
		var ents []*entity
		from := j
		for b := j - 1; b >= s.from && b >= j-10; b-- {
			if t[b].text == "," || t[b].lower == "and" {
				continue
			}
			pm := d.mentionEndingAt(s, b)
			if pm == nil {
				pm = d.partyAdjective(s, b)
			}
			if pm == nil && len(ents) > 0 && t[b].cap && t[b].word && b-1 >= s.from && (t[b-1].text == "," || t[b-1].lower == "and") {
				continue // "Liberal, Bloc and Green members": a party not known, in the list
			}
			if pm == nil || pm.ent.kind != schema.Organization {
				break
			}
			ents = append([]*entity{pm.ent}, ents...)
			from = pm.from
			b = pm.from
		}
		if len(ents) > 0 {
			return np{ents: ents, from: from, end: j + 1}
		}
	}
	if m == nil && genericBody[t[j].lower] && j-1 >= s.from {
		if pm := d.mentionEndingAt(s, j-1); pm != nil && !t[j-1].poss && pm.ent.kind == schema.Organization {
			m = pm // "The RMT union welcomed …"
		} else if pm == nil && t[j-1].cap && !t[j-1].poss && j-2 >= s.from && t[j].lower != "government" && t[j].lower != "administration" && t[j].lower != "executive" {
			// "The Prospect union", "the opposition Lok Morcha party".
			b := j - 1
			for b-1 > s.from && t[b-1].cap && t[b-1].word {
				b--
			}
			if b-1 >= s.from && (t[b-1].lower == "the" || t[b-1].lower == "opposition" || t[b-1].lower == "ruling") {
				m = d.unnamedBodyRun(s, b, j)
			}
		}
	}
	if m == nil {
		// "Six coastguard stations around the coast will close": a counted
		// set of bodies opens the subject.
		for r := j; r >= s.from && r >= j-7; r-- {
			if !t[r].word || classOf(t, r) == wSub || d.lex.verbs[t[r].lower] || classOf(t, r) == wBe || classOf(t, r) == wModal {
				break
			}
			if classOf(t, r) == wNum && (r == s.from || t[r-1].lower == "the" || t[r-1].poss || classOf(t, r-1) == wPrep || r-1 == s.from ||
				r-2 >= s.from && t[r-2].lower == "the" && presentWords[t[r-1].lower]) { // "the current eight forces"
				if cm := d.counted(s, r, false); cm != nil {
					return np{ents: []*entity{cm.ent}, from: cm.from, end: cm.to}
				}
				break
			}
		}
	}
	if m == nil && j-1 >= s.from && t[j].word && !t[j].cap && classOf(t, j) == wOther {
		// "Consortia of GP practices will": a class of bodies written
		// with one word more than its name.
		if pm := d.mentionEndingAt(s, j-1); pm != nil && pm.ent.class && !t[j-1].poss {
			m = pm
		}
	}
	// Its part's words: lower-case nouns, and function words coordinated
	// ("X's powers and functions").
	partWord := func(k int) bool {
		if !t[k].word && t[k].text != "," || t[k].cap {
			return false
		}
		if w := t[k].lower; (w == "and" || w == ",") && k+1 <= j && functionWords[t[k+1].lower] {
			return true
		}
		return classOf(t, k) == wOther
	}
	for back := j - 1; m == nil && back >= s.from && back >= j-5 && partWord(back+1); back-- {
		// "X's licensing arm will merge": the owner stands for its part.
		if pm := d.mentionEndingAt(s, back); pm != nil && t[back].poss {
			m = pm
		} else if pm == nil && t[back].poss && t[back].acronym {
			m = d.unnamedBody(s, back) // "FÉT's job placement work …"
		} else if w := t[back].lower; w == "its" || w == "their" {
			if e := d.antecedentOrg(s, back); e != nil {
				out.from, out.poss = back, true
				out.ents = []*entity{e}
				return out
			}
			break
		}
	}
	if m == nil && genericBody[t[j].lower] && j-1 >= s.from && t[j-1].lower == "new" {
		e := d.lastCreated() // "the new body will absorb …"
		if e == nil {
			e = d.shortForm(s, singular(t[j].lower))
		}
		if e != nil {
			out.from = j
			out.ents = []*entity{e}
			return out
		}
	}
	if m == nil {
		// "The 20 X which run Y … will be replaced": the subject
		// before a relative clause without commas.
		for r := j - 1; r > s.from && r >= j-15; r-- {
			if t[r].quote != t[j].quote || t[r].text == "," || t[r].text == ";" {
				break
			}
			if w := t[r].lower; w == "which" || w == "that" || w == "who" {
				m = d.mentionEndingAt(s, r-1)
				break
			}
		}
	}
	if m == nil {
		// "the role played by X in Y would be taken over": the body whose
		// functions they are.
		for r := j - 1; r > s.from && r >= j-10; r-- {
			if t[r].text == "," || classOf(t, r) == wModal || classOf(t, r) == wBe {
				break
			}
			if functionWords[t[r].lower] && (classOf(t, r-1) == wDet) {
				for b := r + 1; b < j; b++ {
					if (t[b].lower == "by" || t[b].lower == "of") && b+1 <= j {
						if pm := d.mentionStartingAt(s, b+1); pm != nil && pm.ent.kind == schema.Organization {
							return np{ents: []*entity{pm.ent}, from: pm.from, end: pm.to, poss: true}
						}
					}
				}
				break
			}
		}
	}
	if m == nil {
		// "The number of X in Y will be slashed": what is counted.
		for r := j - 1; r > s.from && r >= j-12; r-- {
			if t[r].lower == "number" && t[r+1].lower == "of" {
				if n := d.npAfter(s, r+2); len(n.ents) > 0 {
					n.number = true
					return n
				}
				if cm := d.counted(s, r+2, true); cm != nil {
					return np{ents: []*entity{cm.ent}, from: cm.from, end: cm.to, number: true}
				}
				if e := d.bareNP(s, r+2); e != nil {
					return np{ents: []*entity{e}, from: r + 2, end: r + 3, number: true}
				}
				break
			}
		}
	}
	if m == nil {
		// "The controversial registry will close": a generic noun for the
		// body spoken of.
		det := j - 1
		for det > s.from && det >= j-3 && lowerWord(t, det) && classOf(t, det) == wOther && !d.lex.verbs[t[det].lower] && !kindWords[t[det].lower] {
			det-- // "the nationwide institution which swallowed …"
		}
		if genericBody[t[j].lower] && det >= s.from && (t[det].lower == "the" || t[det].lower == "this") && !overseen(t, s, det) {
			e := d.shortForm(s, singular(t[j].lower))
			if e == nil && det < j-1 {
				e = d.salient(s)
			}
			if e != nil {
				out.from = j
				out.ents = []*entity{e}
			}
		}
		return out
	}
	if overseen(t, s, m.from) {
		return out // "oversight of the BBC passed to Ofcom": not the BBC's
	}
	if of := m.from - 1; m.ent.kind == schema.Organization && of-1 >= s.from {
		if t[of].lower == "the" {
			of--
		}
		if of-1 >= s.from && t[of].lower == "of" {
			if pm := d.mentionEndingAt(s, of-1); pm != nil && pm.ent.kind == schema.Person {
				m = pm // "Deputy Chief Constable A of the B Police warned": A
			}
		}
	}
	out.from = m.from
	out.ents = []*entity{m.ent}
	// Coordination leftwards: "A, B and C will merge".
	for {
		j := out.from - 1
		for j >= s.from && (t[j].lower == "the" || classOf(t, j) == wNum) {
			j--
		}
		if j < s.from || t[j].text != "," && t[j].lower != "and" && t[j].lower != "&" {
			break
		}
		j--
		if j >= s.from && t[j].text == "," {
			j--
		}
		m := d.mentionEndingAt(s, j)
		if m == nil || m.ent == nil || m.ent.kind != out.ents[0].kind {
			break
		}
		p := m.from - 1
		if p >= s.from && t[p].lower == "the" {
			p--
		}
		if p >= s.from && classOf(t, p) == wPrep && t[p].lower != "of" {
			break // "… into D and E will become part of F": D is the object of a clause before
		}
		out.ents = append([]*entity{m.ent}, out.ents...)
		out.from = m.from
	}
	return out
}

// quoteAt returns the quotation of p that holds byte offset off, if any.
func (d *doc) quoteAt(p *paragraph, off int) *quotation {
	// d.quotes is in text order: find p's quotation opening last before off.
	i := sort.Search(len(d.quotes), func(i int) bool {
		q := d.quotes[i]
		return q.para.index > p.index || q.para == p && q.span.open >= off
	})
	if i > 0 {
		if q := d.quotes[i-1]; q.para == p && off < q.span.close {
			return q
		}
	}
	return nil
}

// mentionStartingAt returns the resolved mention of s that starts at token k.
func (d *doc) mentionStartingAt(s *sentence, k int) *mention {
	for _, m := range d.in(s) {
		if m.from == k && m.ent != nil {
			return m
		}
	}
	return nil
}

// mentionEndingAt returns the resolved mention of s whose last token is k.
func (d *doc) mentionEndingAt(s *sentence, k int) *mention {
	var best *mention
	for _, m := range d.in(s) {
		if m.to-1 == k && m.ent != nil && (best == nil || m.from < best.from) {
			best = m
		}
	}
	return best
}

// antecedentOrg resolves "it", "its", "they" at token k to a body: the
// subject of the sentence before (or of this one, before k), else the body
// named last.
func (d *doc) antecedentOrg(s *sentence, k int) *entity {
	if w := s.para.toks[k].lower; w == "they" || w == "them" || w == "their" {
		// A plural pronoun points back to a class of bodies named in this
		// sentence or the two before, if one was.
		var prior, here *entity
		for _, m := range d.window(s, 3, k) {
			if m.ent == nil || m.ent.kind != schema.Organization || !m.ent.class || m.ent.generic {
				continue
			}
			if m.sent != s {
				prior = m.ent // the latest before this sentence
			} else if here == nil {
				here = m.ent // this sentence's first: its subject's
			}
		}
		cls := here
		if cls == nil {
			cls = prior
		}
		if cls != nil {
			return cls
		}
	}
	var near *entity
	for _, m := range d.in(s) {
		if m.from >= k {
			break
		}
		if m.ent != nil && m.ent.kind == schema.Organization && !m.ent.generic && near == nil {
			near = m.ent // the clause's subject, mostly, not the name nearest
		}
	}
	if w := s.para.toks[k].lower; near != nil && (w == "its" || w == "their") {
		return near // "X will have its roles assumed": its owner is the sentence's first body
	}
	if t := s.para.toks; near != nil && k-1 > s.from && (t[k-1].lower == "said" || t[k-1].lower == "says" || t[k-1].lower == "added" || t[k-1].lower == "stated") {
		return near // "A statement from X said it welcomed …": X
	}
	for _, m := range d.in(s) {
		if m.from >= k {
			break
		}
		if m.ent != nil && m.ent.kind == schema.Organization && !m.ent.generic && m.from <= s.from+1 {
			return m.ent
		}
	}
	if prev := d.sentenceBefore(s); prev != nil {
		if w := s.para.toks[k].lower; (w == "it" || w == "its") && opensWithDocument(prev) {
			return nil // "The report proposed … It also called for …": the report
		}
		for _, m := range d.in(prev) {
			if m.ent != nil && m.ent.kind == schema.Organization && !m.ent.generic {
				return m.ent // the first body of the sentence before: mostly its subject
			}
			if m.ent != nil && m.ent.kind == schema.Person && m.from <= prev.from+1 {
				break // the sentence before is about a person
			}
		}
	}
	return d.lastOrgBefore(s)
}

// opensWithDocument reports whether s's subject is a document or a plan
// ("The report suggested …", "The bill calls for …"), which "it" in the
// next sentence points back to.
func opensWithDocument(s *sentence) bool {
	t := s.para.toks
	j := s.from
	if j < s.to && classOf(t, j) == wDet {
		j++
	}
	for j < s.to && j < s.from+4 && t[j].word && !t[j].cap && !documentWords[t[j].lower] && !planWords[t[j].lower] && classOf(t, j) == wOther {
		j++ // "The 2012 panel report", "The draft bill"
	}
	return j < s.to && (documentWords[t[j].lower] || planWords[t[j].lower])
}

// planWords name plans and bills a sentence may open with.
var planWords = map[string]bool{"plan": true, "plans": true, "bill": true, "proposal": true, "proposals": true,
	"study": true, "strategy": true, "programme": true, "program": true, "blueprint": true, "white": true}

// sentenceBefore returns the sentence before s in the same paragraph or the
// one before it, skipping the headline.
func (d *doc) sentenceBefore(s *sentence) *sentence {
	if s.n-2 >= 0 && s.n-2 < len(d.sents) && d.sents[s.n-1] == s {
		if p := d.sents[s.n-2]; !p.para.head {
			return p
		}
	}
	return nil
}

// clauseEnd returns where the clause holding token k ends: a semicolon, a
// sentence end, or a comma that opens another clause (", which", ", but",
// ", while", ", saying").
func clauseEnd(s *sentence, k int) int {
	t := s.para.toks
	for j := k; j < s.to; j++ {
		if j > k && (classOf(t, j) == wModal || classOf(t, j) == wBe && j+1 < s.to && t[j+1].lower != "to") && t[j].quote == t[k].quote {
			return j // "the move to merge X would result in …": the main verb
		}
		switch t[j].text {
		case ";", ":", "\u2014", "\u2013":
			return j
		case "(":
			if j+2 < s.to && t[j+2].text == ")" {
				j += 2 // "(EFMA)": an acronym, not an aside
				continue
			}
			return j
		case ",":
			if j+1 < s.to {
				w := t[j+1].lower
				if classOf(t, j+1) == wSub || w == "but" || w == "saying" || w == "adding" || w == "according" || w == "said" || w == "he" || w == "she" || w == "they" {
					return j
				}
			}
		}
	}
	return s.to
}

// prepObject returns the noun phrase after the first "prep" in tokens
// [from, to) of s, or an empty np. Where no name stands there, a short
// phrase ending in a class of bodies, an acronym or a quoted word names
// one ("to GPs", "in 'clusters'").
func (d *doc) prepObject(s *sentence, from, to int, prep ...string) np {
	t := s.para.toks
	for j := from; j < to; j++ {
		if t[j].quote >= 0 && t[from].quote < 0 {
			continue
		}
		for _, p := range prep {
			if t[j].lower != p {
				continue
			}
			if n := d.npAfter(s, j+1); len(n.ents) > 0 && !n.modifier {
				return d.calledAfter(s, n)
			}
			if e := d.bareNP(s, j+1); e != nil {
				return np{ents: []*entity{e}, from: j + 1, end: j + 2}
			}
		}
	}
	return np{}
}

// namingWords introduce the name a body is given: "a new authority – to
// be called X", "a new agency, to be known as X", "a body, named X".
var namingWords = [][]string{{"to", "be", "called"}, {"to", "be", "known", "as"}, {"to", "be", "named"},
	{"called"}, {"named"}, {"dubbed"}, {"known", "as"}}

// calledAfter returns, for an unnamed body n ("the new integrated transport
// authority"), the name the words after it give it ("– to be called
// Transport for X"); else n.
func (d *doc) calledAfter(s *sentence, n np) np {
	t := s.para.toks
	if len(n.ents) != 1 || n.from < s.from || n.from >= s.to || t[n.from].cap && !(n.from > s.from && t[n.from-1].lower == "the") {
		return n // a name already
	}
	j := n.end
	if j < s.to && (t[j].text == "," || isDash(t[j].text)) {
		j++
	}
	for _, w := range namingWords {
		k := j
		for _, x := range w {
			if k >= s.to || t[k].lower != x {
				k = -1
				break
			}
			k++
		}
		if k < 0 {
			continue
		}
		if k < s.to && t[k].lower == "the" {
			k++
		}
		if m := d.mentionStartingAt(s, k); m != nil && m.ent != nil && m.ent.kind == schema.Organization && !m.ent.class {
			return np{ents: []*entity{m.ent}, from: m.from, end: m.to}
		}
	}
	return n
}

// counted makes a class of bodies of a counted noun phrase at token k:
// "nine community care areas", or after "the number of", "satellite
// campuses". The phrase is up to three lower-case words ending in a plural
// noun, with nothing but a number before them.
func (d *doc) counted(s *sentence, k int, number bool) *mention {
	t := s.para.toks
	j := k
	if classOf(t, j) == wNum {
		j++
	} else if !number {
		return nil
	}
	// Find the plural head within a few words: "12 Welsh and 4 English
	// health boards", "nine community care areas operated by …".
	head := -1
	for h := j; h < s.to && h < j+8; h++ {
		if !t[h].word || classOf(t, h) == wSub || d.lex.verbs[t[h].lower] || d.mentionAt(s, h) != nil {
			break
		}
		if t[h].lower == "and" || classOf(t, h) == wNum || t[h].cap && h+1 < s.to && !t[h+1].cap {
			continue // "Welsh and 4 English": modifiers of the head to come
		}
		if t[h].cap || classStop[t[h].lower] && !isPlural(t[h].lower) {
			break
		}
		if isPlural(t[h].lower) && (h+1 >= s.to || !t[h+1].word || t[h+1].cap || !isPlural(t[h+1].lower) && !d.lex.units[t[h+1].lower]) {
			head = h // not "health services staff": there the last noun heads
			break
		}
	}
	if head < 0 || t[head].poss {
		return nil
	}
	if w := t[head].lower; !number && !d.lex.units[w] && !d.lex.orgClass[w] && !genericBody[singular(w)] {
		return nil // "288 case files", "six jobs": no body ("the number of X" counts any X)
	}
	from := head
	for from-1 >= j && from > head-3 && t[from-1].word && !t[from-1].cap && classOf(t, from-1) == wOther && !classStop[t[from-1].lower] {
		from-- // the lower-case words that name the kind: "school boards"
	}
	if m := d.mentionStartingAt(s, from); m != nil && m.to == head+1 {
		return m
	}
	words := make([]string, 0, head+1-from)
	for _, tk := range t[from : head+1] {
		words = append(words, tk.lower)
	}
	words[len(words)-1] = singular(words[len(words)-1])
	to := head + 1
	if of := d.countedOf(s, to); of > to {
		// "16 institutes of technology and polytechnics": the kind's
		// name runs on through its "of" phrase.
		for _, tk := range t[to:of] {
			words = append(words, tk.lower)
		}
		words[len(words)-1] = singular(words[len(words)-1])
		to = of
	}
	return d.kindMention(s, from, to, words)
}

// kindMention files a mention of the class of body the lower-case words
// name ("rural court", "institute of technology"), at tokens [from, to).
func (d *doc) kindMention(s *sentence, from, to int, words []string) *mention {
	t := s.para.toks
	e := d.org(strings.Join(words, " "), true)
	e.addAlias(s.para.text[t[from].start:t[to-1].end])
	m := &mention{sent: s, from: from, to: to, kind: mFull, ent: e}
	d.addMention(m)
	d.sortMentions()
	return m
}

// countedOf returns where an "of" phrase at token k that names a kind of
// body ends ("of technology and polytechnics", "of further education"):
// lower-case nouns, perhaps joined by "and", up to a comma, a clause's end
// or a preposition. It returns k when there is none.
func (d *doc) countedOf(s *sentence, k int) int {
	t := s.para.toks
	if k+1 >= s.to || t[k].lower != "of" {
		return k
	}
	e := k + 1
	for e < s.to && e < k+6 {
		w := t[e]
		if w.lower == "and" && e > k+1 && e+1 < s.to && lowerWord(t, e+1) && classOf(t, e+1) == wOther {
			e++
			continue
		}
		if !lowerWord(t, e) || classOf(t, e) != wOther || d.lex.verbs[w.lower] || timeWords[w.lower] || strings.HasSuffix(w.lower, "ed") {
			break
		}
		e++
	}
	if e == k+1 || e < s.to && t[e].word && classOf(t, e) != wPrep && classOf(t, e) != wBe && classOf(t, e) != wModal {
		return k // not a whole phrase: "of staff cuts were …"
	}
	return e
}

// unnamedBody makes a body of an unknown capitalised word or run at token
// k that a reform's grammar puts where a body stands: an acronym ("FAS will
// be disbanded"), or a name after "the" ("the Vipers").
func (d *doc) unnamedBody(s *sentence, k int) *mention {
	t := s.para.toks
	if k >= s.to || !t[k].word || !t[k].cap || d.mentionAt(s, k) != nil || t[k].quote >= 0 && s.para.toks[max(k-1, 0)].quote < 0 {
		return nil
	}
	if !t[k].acronym && (k == s.from || t[k-1].lower != "the") {
		return nil
	}
	if d.lex.roleHeads[strings.ToLower(strings.TrimSuffix(t[k].text, "s"))] || roleAbbrev[strings.ToLower(strings.TrimSuffix(t[k].text, "s"))] {
		return nil // "MPs", "CEOs": people, not a body
	}
	e := k + 1
	for e < s.to && e < k+5 && t[e].word && t[e].cap && d.mentionAt(s, e) == nil && !t[e-1].poss {
		e++
	}
	if given := d.lex.isGiven(t[k].lower); given && !t[k].acronym {
		return nil // a person
	}
	if d.lex.common[t[k].lower] && e-k == 1 && !t[k].acronym && !isPlural(t[k].lower) {
		return nil
	}
	name := s.para.text[t[k].start:t[e-1].end]
	if t[e-1].poss {
		name = t[k].text
		if e-k > 1 {
			name = s.para.text[t[k].start:t[e-1].start] + t[e-1].text
		}
	}
	ent := d.addOrg(s, k, e, name, false)
	d.sortMentions()
	return &mention{sent: s, from: k, to: e, kind: mFull, ent: ent}
}

// partyAdjective reads the capitalised words ending at token e of s as
// a well-known body's adjective before its members ("Green MPs", "Liberal
// Democrat councillors"): the body whose name is the words with "s" or
// "Party" after them.
func (d *doc) partyAdjective(s *sentence, e int) *mention {
	t := s.para.toks
	first := e + 1
	for first-1 >= s.from && first-1 >= e-2 && t[first-1].word && t[first-1].cap && d.mentionAt(s, first-1) == nil {
		first--
	}
	for b := first; b <= e; b++ { // the longest name first: "Liberal Democrat", not "Democrat"
		words := s.para.text[t[b].start:t[e].end]
		for _, name := range []string{words + "s", words + " Party"} {
			if full := d.lex.bodyName(name); full != "" {
				ent := d.addOrg(s, b, e+1, full, false)
				d.sortMentions()
				return &mention{sent: s, from: b, to: e + 1, kind: mFull, ent: ent}
			}
		}
	}
	return nil
}

// unnamedBodyRun makes a body of the capitalised run [k, e) of s, which
// stands where only a body can: "the Prospect union".
func (d *doc) unnamedBodyRun(s *sentence, k, e int) *mention {
	t := s.para.toks
	for i := k; i < e; i++ {
		if d.mentionAt(s, i) != nil {
			return nil
		}
	}
	if given := d.lex.isGiven(t[k].lower); given {
		return nil // a given name opens a person's name, not a body's
	}
	ent := d.addOrg(s, k, e, s.para.text[t[k].start:t[e-1].end], false)
	d.sortMentions()
	return &mention{sent: s, from: k, to: e, kind: mFull, ent: ent}
}

// lowerBody makes a body of "the department of communications", "the
// departments of fisheries and marine affairs" at token k (the
// head noun): a body named in lower case by its head and portfolio.
func (d *doc) lowerBody(s *sentence, k int) *mention {
	t := s.para.toks
	if k+2 >= s.to || t[k+1].lower != "of" || t[k].cap {
		return nil
	}
	switch singular(t[k].lower) {
	case "department", "ministry", "office", "bureau", "agency", "commission", "council", "board":
	default:
		return nil
	}
	e := k + 2
	for e < s.to && e < k+8 && t[e].word && !t[e].cap && (classOf(t, e) == wOther || t[e].lower == "and" && e+1 < s.to && !t[e+1].cap && classOf(t, e+1) == wOther) && !d.lex.verbs[t[e].lower] {
		e++
	}
	if e == k+2 {
		return nil
	}
	name := singular(t[k].lower) + " " + s.para.text[t[k+1].start:t[e-1].end]
	ent := d.org(normaliseOrgName(name), false)
	m := &mention{sent: s, from: k, to: e, kind: mFull, ent: ent}
	d.addMention(m)
	d.sortMentions()
	return m
}

// isPlural reports whether a lower-case noun looks plural.
func isPlural(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") || strings.HasSuffix(w, "ia")
}

// bareNP makes a body of the short noun phrase at token k when no known name
// stands there: "to GPs", "in 'clusters'".
func (d *doc) bareNP(s *sentence, k int) *entity {
	t := s.para.toks
	for k < s.to && (isQuoteMarkStr(t[k].text) || t[k].lower == "the" || t[k].lower == "a" || classOf(t, k) == wNum) {
		k++
	}
	if k >= s.to || !t[k].word || classStop[t[k].lower] || d.lex.verbs[t[k].lower] {
		return nil
	}
	j := k
	for j < s.to && j < k+3 && t[j].word && !classStop[t[j].lower] && !classFollow[t[j].lower] {
		j++
	}
	if j == k {
		return nil
	}
	words := make([]string, 0, j-k)
	for _, tk := range t[k:j] {
		if tk.acronym {
			words = append(words, strings.TrimSuffix(tk.text, "s"))
		} else {
			words = append(words, tk.lower)
		}
	}
	last := len(words) - 1
	if t[j-1].acronym {
		words[last] = t[j-1].text
	} else {
		words[last] = singular(words[last])
	}
	if !t[j-1].acronym && !t[j-1].cap && !d.lex.orgClass[t[j-1].lower] && !d.lex.orgClass[singular(t[j-1].lower)+"s"] && !d.lex.units[t[j-1].lower] && t[k].quote < 0 {
		return nil
	}
	if t[j-1].cap && !t[j-1].acronym {
		return nil // an unknown capitalised word: a place, a person
	}
	if j-k == 1 && (genericBody[t[k].lower] || genericBody[singular(t[k].lower)]) {
		return nil // "two bodies", "new agencies": what kind, not which
	}
	e := d.org(strings.Join(words, " "), true)
	written := s.para.text[t[k].start:t[j-1].end]
	e.addAlias(written)
	d.addMention(&mention{sent: s, from: k, to: j, kind: mFull, ent: e})
	d.sortMentions()
	return e
}
