package extract

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/schema"
)

// A stance is a holder's support for or opposition to a reform the article
// reports.
type stance struct {
	holder   *entity
	supports bool
	reform   *reform
	sent     *sentence
	weight   int // how explicit: see stance weights
}

// Stance weights: an explicit stance verb outweighs carrying a reform out,
// which outweighs the tone of one's words.
const (
	wTone     = 1 // cue words in a holder's quotation or reported speech
	wAgent    = 2 // carries the reform out, or announces it
	wExplicit = 3 // "X welcomed the move", "opposition from X"
)

// cueScore counts the support and opposition cues in a text.
func (d *doc) cueScore(text string) (sup, opp int) {
	words := strings.Fields(strings.ToLower(foldQuotes(text)))
	// The text from each word on, up to six words: joined[at[i]:at[i+6]-1].
	joined := strings.Join(words, " ")
	at := make([]int, len(words)+1)
	for i, w := range words {
		at[i+1] = at[i] + len(w) + 1
	}
	// A cue after a negation counts for the other side: "we do not support".
	// Only the cues that start with a word's first byte are tried there.
	count := func(cues *[256][]string) (plain, negated int) {
		for i := range words {
			rest := joined[at[i] : at[min(len(words), i+6)]-1]
			for _, c := range cues[rest[0]] {
				if !strings.HasPrefix(rest, c) {
					continue
				}
				neg := false
				for j := max(0, i-2); j < i; j++ {
					w := strings.Trim(words[j], ",.;:")
					neg = neg || w == "not" || w == "never" || w == "no" || strings.HasSuffix(w, "n't")
				}
				if cues == &d.lex.opposeAt {
					// "addressing redundancy and inefficiency": a harm
					// the speaker sets out to remedy.
					for j := max(0, i-3); j < i; j++ {
						neg = neg || remedies[strings.Trim(words[j], ",.;:")]
					}
				}
				if neg {
					negated++
				} else {
					plain++
				}
				break
			}
		}
		return plain, negated
	}
	s1, s2 := count(&d.lex.supportAt)
	o1, o2 := count(&d.lex.opposeAt)
	return s1 + o2, o1 + s2
}

// takeSides adds a stance of each holder on each reform, told in s.
func takeSides(cands []stance, holders []*entity, reforms []*reform, supports bool, s *sentence, weight int) []stance {
	for _, h := range holders {
		for _, r := range reforms {
			cands = append(cands, stance{holder: h, supports: supports, reform: r, sent: s, weight: weight})
		}
	}
	return cands
}

// remedies are verbs whose object is a harm to be done away with: an
// opposition cue after one ("tackling waste and inefficiency") argues for
// the change.
var remedies = map[string]bool{
	"address": true, "addresses": true, "addressing": true, "tackle": true, "tackles": true, "tackling": true,
	"eliminate": true, "eliminates": true, "eliminating": true, "end": true, "ends": true, "ending": true,
	"fix": true, "fixes": true, "fixing": true, "remove": true, "removes": true, "removing": true,
	"curb": true, "curbs": true, "curbing": true, "combat": true, "combating": true, "combatting": true,
	"reduce": true, "reduces": true, "reducing": true, "cut": true, "cuts": true, "cutting": true,
	"prevent": true, "prevents": true, "preventing": true, "avoid": true, "avoids": true, "avoiding": true,
}

func foldQuotes(s string) string {
	return quoteFolds.Replace(s)
}

// quoteFolds is built once: a Replacer is safe for concurrent use, and
// building one per call was 4% of a large build.
var quoteFolds = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", "\"", "\u201d", "\"")

// findStances reads who supports or opposes which reform: the reforms'
// agents and announcers back them; stance verbs and nouns say so outright
// ("X welcomed the move", "criticised by X", "with the support of X", "X
// called it a betrayal"); and a holder's own words lean one way or the other.
// A holder takes one side on a reform: the sides' weights are summed, and a
// tie says nothing.
func (d *doc) findStances() {
	if len(d.reforms) == 0 {
		return
	}
	var cands []stance
	for _, r := range d.reforms {
		for _, a := range r.agents {
			cands = append(cands, stance{holder: a, supports: true, reform: r, sent: r.sent, weight: wAgent})
		}
	}
	for _, s := range d.sents {
		t := s.para.toks
		for k := s.from; k < s.to; k++ {
			if !t[k].word {
				continue
			}
			if side, ok := partisans[t[k].lower]; ok && k+1 < s.to && t[k+1].lower == "of" {
				cands = d.partisan(cands, s, k, side)
				continue
			}
			ref, n := d.lex.matchStanceWord(s, k)
			if n == 0 {
				continue
			}
			cands = d.stanceWord(cands, s, k, k+n, ref)
			k += n - 1
		}
	}
	cands = d.toneStances(cands)
	d.stances = resolveStances(cands)
}

// stanceWord reads the clause of a stance verb or noun at tokens [k, e).
func (d *doc) stanceWord(cands []stance, s *sentence, k, e int, ref stanceRef) []stance {
	t := s.para.toks
	end := clauseEnd(s, e)
	switch ref.role {
	case stSupportNoun, stOpposeNoun:
		// "with the support of X", "opposition from X", "X's backing".
		var holders []*entity
		if k-2 > s.from && t[k-1].lower == "in" && e < s.to && (t[e].lower == "of" || t[e].lower == "to") {
			// "X, who spoke out in support of Y": the speaker, not Y.
			return d.inSupport(cands, s, k, e, ref)
		}
		if e < s.to && (t[e].lower == "of" || t[e].lower == "from") {
			// "with the support of two Liberal MPs — A and B": the people
			// listed in the dashes.
			for j := e + 1; j < s.to && j < e+8; j++ {
				if isDash(t[j].text) || t[j].text == ":" {
					for _, m := range d.in(s) {
						if m.from > j && m.ent.kind == schema.Person && (m.from == j+1 || t[m.from-1].lower == "and" || t[m.from-1].text == ",") {
							holders = append(holders, m.ent)
						}
					}
					break
				}
			}
		}
		if len(holders) == 0 {
			holders = d.prepObject(s, e, min(end, e+2), "of", "from", "by", "among").ents
		}
		if len(holders) == 0 && k > s.from {
			if m := d.mentionEndingAt(s, k-1); m != nil && t[k-1].poss {
				holders = []*entity{m.ent}
			}
		}
		if len(holders) == 0 {
			holders = d.nounGiver(s, k)
		}
		targets := d.stanceTargets(s, e, end)
		if len(targets) == 0 {
			targets = d.stanceTargets(s, s.from, k) // "The bill passed with the support of X"
		}
		cands = takeSides(cands, holders, targets, ref.role == stSupportNoun, s, wExplicit)
		return cands
	}
	if (ref.role == stSupportVerb || ref.role == stOpposeVerb) && k-1 > s.from && t[k-1].lower == "in" && e < s.to && t[e].lower == "of" {
		// "voted by 86% in favour of the merger": the one who voted.
		return d.inFavour(cands, s, k, e, ref)
	}
	g := verbGroupAt(s, k, ref.form)
	var holders []*entity
	passive := g.passive || ref.form == vPast && e < s.to && t[e].lower == "by"
	if ref.role == stAnnounceVerb && passive {
		// "reforms announced by Premier X": X stands behind what the
		// sentence reports.
		by := d.personOrBody(d.prepObject(s, e, min(end, e+2), "by").ents, s, e, end)
		return takeSides(cands, by, d.reformsIn(s), true, s, wAgent)
	}
	if passive {
		// "criticised by the chair of X, Jane Roe": the person, else the body.
		holders = d.personOrBody(d.prepObject(s, e, min(end, e+2), "by").ents, s, e, end)
	} else if ref.form == vIng && g.start == k && (k == s.from || t[k-1].text == "\u201c" || t[k-1].text == "\"") {
		// "Calling the move a betrayal, X said …": the main clause's subject.
		for _, m := range d.in(s) {
			if m.from > k && m.ent != nil && m.from-1 >= s.from && t[m.from-1].text == "," {
				holders = []*entity{m.ent}
				break
			}
		}
	} else if n := d.npBefore(s, g.start); !g.purpose || len(n.ents) > 0 && objectControl(t, s, n.from) {
		holders = n.ents // not "wrote to X to warn that …": X is no holder
		if len(holders) == 0 {
			if e := d.roleNoun(s, g.start); e != nil {
				holders = []*entity{e} // "The director opposes …"
			}
		}
		if g.start > s.from && afterClause(t, s, g.start) {
			// "…, Transport Minister A and Treasurer B announced": all the
			// people named between the comma and the verb.
			var named []*entity
			for _, m := range d.in(s) {
				if m.to <= g.start && m.from > s.from && m.ent != nil && m.ent.kind == schema.Person && clauseStartBefore(t, s, m.from, g.start) {
					named = append(named, m.ent)
				}
			}
			if len(named) > len(holders) {
				holders = named
			}
		}
	}
	if len(holders) == 0 {
		return cands
	}
	var targets []*reform
	weight := wExplicit
	if passive {
		targets = d.stanceTargets(s, s.from, g.start)
	} else {
		targets = d.stanceTargets(s, e, end)
		if len(targets) == 0 && (e >= s.to || t[e].lower == "that" || t[e].text == ":" || t[e].text == "," || t[e].text == "." || isQuoteMarkStr(t[e].text)) {
			// "X warned that jobs would go": about the reform at hand,
			// though less plainly than "X opposed the merger".
			targets = d.reformsNear(s)
			weight = wAgent
		}
	}
	switch ref.role {
	case stSupportVerb, stOpposeVerb:
		if hypothetical(t, s, g.start, k) {
			return cands // "the regulator must approve the merger": not a stance yet
		}
		cands = takeSides(cands, holders, targets, ref.role == stSupportVerb, s, weight)
	case stAnnounceVerb:
		if hypothetical(t, s, g.start, k) {
			return cands // "the commission could propose a merger": not yet
		}
		// A reform reported after the verb, in its sentence ("X announced
		// that Y will close", "X unveiled plans to merge …"), or one the
		// object points back to ("X set out the case for the changes").
		var rs []*reform
		for _, m := range d.reformSaid {
			if m.sent == s && m.at >= e && m.at < end+12 && !containsReform(rs, m.r) {
				rs = append(rs, m.r)
			}
		}
		if len(rs) == 0 && g.start > s.from && afterClause(t, s, g.start) {
			// "X will be merged into Y, the minister announced": what
			// the sentence reported before the cue.
			for _, m := range d.reformSaid {
				if m.sent == s && m.at < k && !containsReform(rs, m.r) {
					rs = append(rs, m.r)
				}
			}
		}
		if len(rs) == 0 {
			for j := e; j < end && j < e+8; j++ {
				if changeWords[t[j].lower] && t[j].lower != "it" && t[j].lower != "this" {
					rs = d.reformsNear(s)
					break
				}
			}
		}
		cands = takeSides(cands, holders, rs, true, s, wAgent)
	case stEvaluateVerb:
		// "X called it a betrayal": the words after the object judge it.
		// Judging the body a reform removes ("called the old board a panel
		// with no teeth") is judging its removal the other way.
		sup, opp := d.cueScore(s.para.text[t[e-1].end:t[end-1].end])
		old := d.judgesTarget(s, e, end)
		if old != nil {
			targets = d.reformsOf(old)
		}
		if sup == opp || len(targets) == 0 {
			return cands
		}
		for _, h := range holders {
			for _, r := range targets {
				supports := sup > opp
				if old != nil && r.target == old && (r.kind == schema.Abolition || r.kind == schema.Replacement) {
					supports = !supports
				}
				cands = append(cands, stance{holder: h, supports: supports, reform: r, sent: s, weight: wExplicit})
			}
		}
	}
	return cands
}

// partisans are nouns for those who take a side: "a critic of the merger",
// "supporters of the plan". true: supports.
var partisans = map[string]bool{
	"critic": false, "critics": false, "opponent": false, "opponents": false, "foe": false, "foes": false,
	"supporter": true, "supporters": true, "backer": true, "backers": true, "advocate": true,
	"advocates": true, "proponent": true, "proponents": true, "champion": true, "champions": true,
}

// partisan reads "X, a critic of the merger," "X is a long-time supporter
// of the plan" and "Critics of the merger include X and Y" at token k
// (the noun): the named take that side on what the "of" phrase names.
func (d *doc) partisan(cands []stance, s *sentence, k int, supports bool) []stance {
	t := s.para.toks
	end := clauseEnd(s, k+2)
	targets := d.stanceTargets(s, k+2, end)
	if len(targets) == 0 {
		return cands
	}
	var holders []*entity
	j := k - 1
	for j > s.from && j >= k-5 && (lowerWord(t, j) || classOf(t, j) == wDet || t[j].lower == "one" || t[j].lower == "of" && j-1 > s.from && t[j-1].lower == "one") {
		j-- // "a fierce", "a long-time", "the loudest", "one of the"
	}
	switch {
	case j >= s.from && t[j].text == "," && j > s.from:
		if m := d.mentionEndingAt(s, j-1); m != nil {
			holders = []*entity{m.ent} // "X, a critic of …"
		}
	case j >= s.from && classOf(t, j) == wBe:
		holders = d.npBefore(s, verbGroupAt(s, j, vBase).start).ents // "X is a critic of …"
	case j < s.from+1 || t[j].text == ",":
		// "Critics of the merger include X": the phrase after the verb.
		for v := k + 2; v < end && v < k+14; v++ {
			if w := t[v].lower; w == "include" || w == "included" || w == "includes" || w == "are" || w == "were" {
				holders = d.npAfter(s, v+1).ents
				break
			}
		}
	}
	cands = takeSides(cands, holders, targets, supports, s, wExplicit)
	return cands
}

// inSupport reads "in support of X" ("in opposition to X") at tokens
// [k, e): its holder is the subject of the verb before "in" ("who spoke
// out in support of", "X came out in opposition to"), X what it is about.
func (d *doc) inSupport(cands []stance, s *sentence, k, e int, ref stanceRef) []stance {
	t := s.para.toks
	v := -1
	for j := k - 2; j > s.from && j >= k-4; j-- {
		if d.lex.verbs[t[j].lower] || strings.HasSuffix(t[j].lower, "ed") || t[j].lower == "spoke" || t[j].lower == "came" || t[j].lower == "stood" || t[j].lower == "wrote" {
			v = j
			break
		}
	}
	if v < 0 {
		return cands
	}
	holders := d.npBefore(s, verbGroupAt(s, v, vPast).start).ents
	end := clauseEnd(s, e+1)
	targets := d.stanceTargets(s, e+1, end)
	if len(targets) == 0 {
		// "in support of a single force": the body a reform makes or ends.
		for j := e + 1; j < end && j < e+6; j++ {
			if m := d.mentionStartingAt(s, j); m != nil {
				if targets = d.reformsOf(m.ent); len(targets) > 0 || !genericBody[t[m.to-1].lower] {
					break
				}
				j = m.to - 1 // "a single force", a kind of body: the one the article is about
			}
			if genericBody[t[j].lower] {
				b := d.shortForm(s, t[j].lower)
				if w := t[j-1].lower; b == nil && (w == "single" || w == "new" || w == "national" || w == "merged") {
					b = d.lastCreated() // "a single force": the one being made
				}
				if b != nil {
					targets = d.reformsOf(b)
				}
				break
			}
		}
	}
	cands = takeSides(cands, holders, targets, ref.role == stSupportNoun || ref.role == stSupportVerb, s, wExplicit)
	return cands
}

// inFavour reads "in favour of X" at tokens [k, e) ("favour" at k, "of" at
// e): its holder is the subject of the verb before it, across a margin
// ("voted by 86% in favour of"), and X is what it backs.
func (d *doc) inFavour(cands []stance, s *sentence, k, e int, ref stanceRef) []stance {
	t := s.para.toks
	v := k - 2
	for v > s.from && v >= k-8 && !controlWords[t[v].lower] && t[v].text != "," {
		v-- // back over "by 86%", "overwhelmingly"
	}
	if v <= s.from || !controlWords[t[v].lower] {
		return d.inSupport(cands, s, k, e, ref) // "who spoke out in support of"
	}
	g := verbGroupAt(s, v, vPast)
	holders := d.npBefore(s, g.start).ents
	targets := d.stanceTargets(s, e+1, clauseEnd(s, e+1))
	cands = takeSides(cands, holders, targets, ref.role == stSupportVerb, s, wExplicit)
	return cands
}

// givingVerbs give a stance noun: "gave its blessing", "voiced its
// support", "threw their backing behind".
var givingVerbs = map[string]bool{
	"give": true, "gives": true, "gave": true, "given": true, "giving": true, "offer": true, "offers": true,
	"offered": true, "express": true, "expresses": true, "expressed": true, "voice": true, "voices": true,
	"voiced": true, "lend": true, "lends": true, "lent": true, "pledge": true, "pledges": true, "pledged": true,
	"signal": true, "signals": true, "signalled": true, "signaled": true, "declare": true, "declares": true,
	"declared": true, "throw": true, "throws": true, "threw": true, "thrown": true, "add": true, "adds": true,
	"added": true, "register": true, "registered": true, "state": true, "stated": true, "reiterated": true,
}

// nounGiver returns who holds the stance noun at token k of s when no "of"
// phrase or owner's name says: the subject of the verb that gives it ("The
// regulator gave its blessing to …", "X voiced strong support for …"), or
// the body or person "its" or "their" stands for.
func (d *doc) nounGiver(s *sentence, k int) []*entity {
	t := s.para.toks
	j := k - 1
	pron := -1
	for j > s.from && j >= k-4 && (classOf(t, j) == wDet || classOf(t, j) == wAdv || t[j].lower == "its" || t[j].lower == "their" || t[j].lower == "his" || t[j].lower == "her" || t[j].word && !t[j].cap && classOf(t, j) == wOther && !givingVerbs[t[j].lower]) {
		if w := t[j].lower; w == "its" || w == "their" || w == "his" || w == "her" {
			pron = j
		}
		j--
	}
	if j >= s.from && givingVerbs[t[j].lower] {
		form := vPast
		if strings.HasSuffix(t[j].lower, "ing") {
			form = vIng
		}
		if g := verbGroupAt(s, j, form); !g.passive && !g.purpose {
			if n := d.npBefore(s, g.start); len(n.ents) > 0 {
				return n.ents
			}
		}
	}
	if pron >= 0 {
		switch t[pron].lower {
		case "its", "their":
			if e := d.antecedentOrg(s, pron); e != nil {
				return []*entity{e}
			}
		default:
			if e := d.antecedent(s, pron, map[string]string{"his": "he", "her": "she"}[t[pron].lower]); e != nil {
				return []*entity{e}
			}
		}
	}
	return nil
}

// hypothetical reports whether the verb group [start, k) says what must,
// should or might be done rather than what is: "must approve", "could
// back", "needs to endorse".
func hypothetical(t []token, s *sentence, start, k int) bool {
	for j := start; j < k; j++ {
		if surnameLike(t, j) {
			continue // "Theresa May has decided"
		}
		switch t[j].lower {
		case "must", "should", "could", "might", "may", "need", "needs", "ought":
			return true
		}
	}
	return false
}

// afterClause reports whether the reporting or announcing verb group at
// token k, with its subject and the subject's title, follows a comma or a
// quotation: "…, Transport Minister Ann Vale announced".
func afterClause(t []token, s *sentence, k int) bool {
	j := k - 1
	for j > s.from && t[j].word && (t[j].cap || t[j].lower == "the" || t[j].lower == "and" || inTitleRun(t, s, j)) && j >= k-16 {
		j-- // "…, Minister A and Treasurer B announced", "…, Minister for Roads and Ports A announced"
	}
	return j >= s.from && j < k && (t[j].text == "," || isQuoteMarkStr(t[j].text))
}

// clauseStartBefore reports whether no comma or quotation mark stands
// between token k and the verb at token v: both are in the clause that
// ends a sentence ("…, Minister A and Treasurer B announced").
func clauseStartBefore(t []token, s *sentence, k, v int) bool {
	for j := k; j < v; j++ {
		if t[j].text == "," || isQuoteMarkStr(t[j].text) {
			return false
		}
	}
	return true
}

// inTitleRun reports whether the lower-case token j joins the capitalised
// words of an office: "Minister for Roads and Ports Jo Roe".
func inTitleRun(t []token, s *sentence, j int) bool {
	switch t[j].lower {
	case "for", "of":
		return j-1 >= s.from && t[j-1].cap && t[j-1].word && j+1 < s.to && t[j+1].cap && t[j+1].word
	}
	return false
}

// personOrBody returns the first person named in tokens [from, to) of s,
// else bodies: in "by the chair of X, Jane Roe", the holder is Jane Roe.
func (d *doc) personOrBody(bodies []*entity, s *sentence, from, to int) []*entity {
	for _, m := range d.in(s) {
		if m.from > from && m.from < to && m.ent != nil && m.ent.kind == schema.Person {
			return []*entity{m.ent}
		}
	}
	return bodies
}

// judgesTarget returns the body named as the object at tokens [from, to)
// of s when a reform of the article targets it: "called the old board …".
func (d *doc) judgesTarget(s *sentence, from, to int) *entity {
	n := d.npAfter(s, from)
	if len(n.ents) != 1 || n.end > to {
		return nil
	}
	if len(d.reformsOf(n.ents[0])) == 0 {
		return nil
	}
	return n.ents[0]
}

// reformsOf returns the reforms that target e.
func (d *doc) reformsOf(e *entity) []*reform {
	var out []*reform
	for _, r := range d.reforms {
		if r.target == e {
			out = append(out, r)
		}
	}
	return out
}

// changeWords are nouns with which a sentence points back to a reform
// without naming it: "the move", "the plans", "the decision".
var changeWords = map[string]bool{
	"move": true, "moves": true, "plan": true, "plans": true, "proposal": true, "proposals": true,
	"decision": true, "change": true, "changes": true, "reform": true, "reforms": true, "shake-up": true,
	"shakeup": true, "overhaul": true, "restructure": true, "restructuring": true, "reorganisation": true,
	"reorganization": true, "bill": true, "legislation": true, "announcement": true, "idea": true,
	"policy": true, "scheme": true, "programme": true, "it": true, "this": true, "them": true,
	"cuts": true, "review": true, "recommendation": true, "recommendations": true, "law": true,
	"consolidation": true, "merger": true, "abolition": true, "closure": true, "cull": true,
	"vote": true, "order": true, "ordinance": true, "motion": true, "takeover": true, "deal": true,
	"link-up": true, "tie-up": true, "amalgamation": true, "integration": true, "transaction": true,
	"switch": true, "shift": true, "transfer": true, "handover": true, "news": true, "step": true,
	"announcements": true, "initiative": true,
	"link": true, // "the link up"
}

// stanceTargets returns the reforms tokens [from, to) of s speak of: those
// reported there, those whose target is named there, or, for "the move",
// "the plans" and "it", the reforms of this sentence or the one before,
// else the article's first.
func (d *doc) stanceTargets(s *sentence, from, to int) []*reform {
	var out []*reform
	for _, m := range d.reformSaid {
		if m.sent == s && m.at >= from && m.at < to && !containsReform(out, m.r) {
			out = append(out, m.r)
		}
	}
	if len(out) > 0 {
		return out
	}
	t := s.para.toks
	refers := false
	for j := from; j < to && j < from+12; j++ {
		if m := d.mentionStartingAt(s, j); m != nil {
			for _, r := range d.reforms {
				if r.target == m.ent && !containsReform(out, r) {
					out = append(out, r)
				}
			}
		}
		refers = refers || changeWords[t[j].lower]
	}
	if len(out) > 0 || !refers {
		return out
	}
	return d.reformsNear(s)
}

// reformsNear returns the reforms reported in s, else in the sentence
// before, else the article's main reforms.
func (d *doc) reformsNear(s *sentence) []*reform {
	var out []*reform
	for _, n := range []int{s.n, s.n - 1} {
		for _, m := range d.reformSaid {
			if m.sent.n == n && !containsReform(out, m.r) {
				out = append(out, m.r)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return d.mainReforms()
}

// mainReforms returns what the story is about: the reforms of the first
// sentence of its body that reports any, else of its headline. A headline
// says in shorthand what the body says in full.
func (d *doc) mainReforms() []*reform {
	var first *sentence
	for _, m := range d.reformSaid {
		if !m.sent.para.head {
			first = m.sent
			break
		}
	}
	var out []*reform
	for _, m := range d.reformSaid {
		if (first == nil || m.sent == first) && !containsReform(out, m.r) {
			out = append(out, m.r)
		}
	}
	if len(out) == 0 {
		out = []*reform{d.reforms[0]}
	}
	return out
}

func containsReform(rs []*reform, r *reform) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// toneStances reads each holder's stance from the cue words of all they
// said in the article, quotations and reported speech together: one
// remark's words mislead more often than a speaker's sum. The stance is on
// the reforms their words or sentences speak of, else the article's first.
func (d *doc) toneStances(cands []stance) []stance {
	type said struct {
		sup, opp int
		targets  []*reform
		sent     *sentence
	}
	by := map[*entity]*said{}
	var order []*entity
	add := func(speakers []*entity, s *sentence, text string) {
		sup, opp := d.cueScore(text)
		targets := d.reformsIn(s)
		if r := d.reformNamedBy(text); r != nil && !containsReform(targets, r) {
			targets = append(targets, r)
		}
		for _, h := range speakers {
			x := by[h]
			if x == nil {
				x = &said{sent: s}
				by[h] = x
				order = append(order, h)
			}
			x.sup += sup
			x.opp += opp
			for _, r := range targets {
				if !containsReform(x.targets, r) {
					x.targets = append(x.targets, r)
				}
			}
		}
	}
	for _, q := range d.quotes {
		add(q.speakers, q.sent, q.text)
	}
	for _, st := range d.statements {
		add(st.speakers, st.sent, st.text)
	}
	for _, h := range order {
		x := by[h]
		if x.sup == x.opp {
			continue
		}
		targets := x.targets
		if len(targets) == 0 {
			targets = d.mainReforms()
		}
		for _, r := range targets {
			cands = append(cands, stance{holder: h, supports: x.sup > x.opp, reform: r, sent: x.sent, weight: wTone})
		}
	}
	return cands
}

// resolveStances keeps one side per holder and reform: the sum of the
// weights of what was read for each side; a tie keeps neither.
func resolveStances(cands []stance) []stance {
	type key struct {
		h *entity
		r *reform
	}
	score := map[key]int{}
	var order []key
	first := map[key]stance{}
	for _, c := range cands {
		if c.holder == nil || c.reform == nil || c.holder == c.reform.target {
			continue
		}
		k := key{c.holder, c.reform}
		if _, ok := score[k]; !ok {
			order = append(order, k)
			first[k] = c
		}
		if c.supports {
			score[k] += c.weight
		} else {
			score[k] -= c.weight
		}
	}
	var out []stance
	for _, k := range order {
		if v := score[k]; v != 0 {
			st := first[k]
			st.supports = v > 0
			out = append(out, st)
		}
	}
	return out
}

// topicsOf returns the lexicon topics a text concerns.
func (d *doc) topicsOf(text string) []string {
	lt := topicText(text)
	// A cue matches after a space: look only at the cues that start with
	// the byte after each space, not for every cue in the whole text.
	found := make([]bool, len(d.lex.topics))
	n := 0
	for i := 0; i+1 < len(lt); i++ {
		if lt[i] != ' ' {
			continue
		}
		for _, r := range d.lex.topicsAt[lt[i+1]] {
			if !found[r.topic] && strings.HasPrefix(lt[i:], r.cue) {
				found[r.topic] = true
				n++
			}
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for i, ok := range found {
		if ok {
			out = append(out, d.lex.topics[i])
		}
	}
	return out
}

// topicText is text as topic cues are matched against: after a space, in
// lower case, each run of white space one space, and quotes, brackets and
// , . ; : spaces too. It does in one pass what ToLower, Fields, Join and two
// Replacers did in five (a tenth of extraction's time).
func topicText(text string) string {
	var b strings.Builder
	b.Grow(len(text) + 1)
	b.WriteByte(' ')
	space := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = b.Len() > 1
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		switch r {
		case ',', '.', ';', ':', '"', '\'', '[', ']', '(', ')', '\u2019', '\u2018', '\u201c', '\u201d':
			b.WriteByte(' ')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// reformsIn returns the reforms reported in sentence s.
func (d *doc) reformsIn(s *sentence) []*reform {
	var out []*reform
	for _, m := range d.reformSaid {
		if m.sent == s && !containsReform(out, m.r) {
			out = append(out, m.r)
		}
	}
	return out
}
