package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// A reform is a change to a body that an article reports: abolition,
// replacement, transfer of functions, merger, creation or reduction.
type reform struct {
	kind   schema.ReformKind
	target *entity
	gains  []*entity
	agents []*entity   // who carries it out: "Vale scraps …", "… abolished by the Assembly"
	said   []string    // how the article put it: "scrap the Rural Roads Agency"
	sent   *sentence   // where the article first reports it
	also   []*sentence // the other sentences that report it
}

func (r *reform) name() string {
	return string(r.kind) + " of " + r.target.name
}

// findReforms reads the reforms a sentence reports from the reform cues of
// the lexicon (lexicon/reforms.txt) and the sentence's structure around
// them: the target is the cue's object, or its subject when passive or
// ergative, or what follows "of" a noun; the body that gains stands after
// "into", "to", "with" or "by" as the cue's frame says; the agent is the
// subject of an active verb, the owner of "plans to", or a passive's "by".
func (d *doc) findReforms(s *sentence) {
	t := s.para.toks
	d.prevVerb = prevVerb{}
	for k := s.from; k < s.to; k++ {
		if !t[k].word || t[k].cap && d.mentionAt(s, k) != nil {
			continue // "Lakemont Unified School District": a name, not a cue
		}
		ref, n := d.lex.matchReformCue(s, k)
		if sref, at, pn := d.matchShiftedCue(s, k); pn > 0 && (n <= 1 || d.lex.reformCues[sref.cue].kind != d.lex.reformCues[ref.cue].kind) {
			// "fold A and B into C": the phrasal verb, its object between.
			c := &d.lex.reformCues[sref.cue]
			d.shifted = at // the particle's phrase ("into C") is read after the object
			d.reformVerb(s, k, k+1, sref.form, c)
			d.shifted = 0
			k = at + pn - 1
			continue
		}
		if n == 0 {
			if t[k].lower == "new" || t[k].lower == "single" {
				d.newBody(s, k)
			}
			if t[k].lower == "fewer" {
				d.fewerStaff(s, k)
			}
			if t[k].lower == "go" && k > s.from && (t[k-1].lower == "to" || classOf(t, k-1) == wModal) {
				d.jobsGo(s, k)
			}
			continue
		}
		c := &d.lex.reformCues[ref.cue]
		if c.form == cueVerb && n == 1 && k > s.from && (t[k-1].lower == "a" || t[k-1].lower == "the" || t[k-1].poss) {
			if nc := d.lex.nounCue(t[k].lower); nc != nil {
				c = nc // "a cull of regulators": the noun, not the verb
			}
		}
		switch c.form {
		case cueVerb:
			d.reformVerb(s, k, k+n, ref.form, c)
		case cueNoun:
			d.reformNoun(s, k, k+n, c)
		case cueState:
			if subj := d.npBefore(s, verbGroupAt(s, k, ref.form).start); len(subj.ents) > 0 {
				for _, e := range subj.ents {
					d.addReform(c, s, span{cue: k, from: k, to: k + n}.widen(subj), e, nil, nil)
				}
			}
		}
		k += n - 1
	}
}

// pluralKind makes a class of body of a bare plural at token k that the
// lexicon knows as a unit a reform counts ("regulators", "courts",
// "health quangos"): up to two lower-case words before the noun.
func (d *doc) pluralKind(s *sentence, k int) *mention {
	t := s.para.toks
	for h := k; h < s.to && h < k+3 && lowerWord(t, h); h++ {
		if !isPlural(t[h].lower) || !d.lex.units[t[h].lower] && !d.lex.orgClass[singular(t[h].lower)] || t[h].lower == "services" || t[h].lower == "programmes" || t[h].lower == "programs" || t[h].lower == "schemes" || t[h].lower == "funds" {
			continue // "probation services", "schemes": work, not bodies
		}
		if h+1 < s.to && lowerWord(t, h+1) && isPlural(t[h+1].lower) && d.lex.units[t[h+1].lower] {
			continue // "court services": the last noun heads
		}
		words := make([]string, 0, h+1-k)
		for _, tk := range t[k : h+1] {
			words = append(words, tk.lower)
		}
		words[len(words)-1] = singular(words[len(words)-1])
		return d.kindMention(s, k, h+1, words)
	}
	return nil
}

// fewerStaff reads "N fewer jobs" at token k ("a restructure which will
// lead to 200 fewer roles"): the body the clause's subject names is cut.
func (d *doc) fewerStaff(s *sentence, k int) {
	t := s.para.toks
	if k == s.from || classOf(t, k-1) != wNum {
		return
	}
	e := k + 1
	for e < s.to && e < k+5 && lowerWord(t, e) && !cutWords[t[e].lower] {
		e++
	}
	rc := d.lex.firstCue(schema.Reduction)
	if e >= s.to || !cutWords[t[e].lower] || rc == nil {
		return
	}
	for v := s.from; v < k-1; v++ {
		if !t[v].word || t[v].cap || !(d.lex.verbs[t[v].lower] || strings.HasSuffix(t[v].lower, "ed") || classOf(t, v) == wModal) {
			continue
		}
		start := v
		if classOf(t, v) != wModal {
			start = verbGroupAt(s, v, vPast).start
		}
		subj := d.npBefore(s, start)
		for _, b := range subj.ents {
			if b.kind == schema.Organization {
				d.addReform(rc, s, span{cue: k, from: k - 1, to: e + 1}, b, nil, nil)
			}
		}
		return
	}
}

// jobsGo reads "jobs to go" at token k (the "go"): "20 per cent of jobs
// in the X to go", "500 jobs will go at X". The body named after the jobs
// ("in", "at" or "across" X) is cut.
func (d *doc) jobsGo(s *sentence, k int) {
	t := s.para.toks
	rc := d.lex.firstCue(schema.Reduction)
	if rc == nil {
		return
	}
	add := func(n np, from, to int) {
		for _, b := range n.ents {
			d.addReform(rc, s, span{cue: k, from: from, to: to}, b, nil, nil)
		}
	}
	nearest := true
	for j := k - 2; j >= s.from && j >= k-20; j-- {
		if t[j].text == ";" || t[j].text == "." {
			return
		}
		if !cutWords[t[j].lower] || t[j].cap {
			continue
		}
		for p := j + 1; p < k-1 && p <= j+3; p++ {
			if w := t[p].lower; w == "in" || w == "at" || w == "across" || w == "from" {
				if n := d.npAfter(s, p+1); len(n.ents) > 0 && n.end <= k {
					add(n, j, k+1)
					return
				}
			}
		}
		if nearest && k+2 < s.to && (t[k+1].lower == "at" || t[k+1].lower == "across" || t[k+1].lower == "from") {
			if n := d.npAfter(s, k+2); len(n.ents) > 0 { // "500 jobs will go at X"
				add(n, j, n.end)
				return
			}
		}
		nearest = false // "jobs in X – its highest paid officials – to go": on to the jobs
	}
}

// prevVerb is the reform verb read last in the sentence: a verb
// coordinated with it ("will be abolished and replaced by Y") shares its
// subject and voice.
type prevVerb struct {
	subj    np
	obj     np
	passive bool
	end     int // token after the verb group's verb; 0: none yet
}

// nextCue returns the first token at or after k where another reform cue
// starts in s, or s.to: a verb's phrases end there.
func (d *doc) nextCue(s *sentence, k int) int {
	for j := k; j < s.to; j++ {
		if s.para.toks[j].word {
			if _, n := d.lex.matchReformCue(s, j); n > 0 {
				return j
			}
		}
	}
	return s.to
}

// reformVerb reads the clause of a reform verb at tokens [k, e).
func (d *doc) reformVerb(s *sentence, k, e, form int, c *reformCue) {
	t := s.para.toks
	if documentBefore(s, k, form) {
		return // "repeal the law establishing X": the law, not the reform, is the news
	}
	if (form == vBase || form == vS) && k > s.from && (t[k-1].poss || t[k-1].lower == "the" || t[k-1].lower == "a") && e < s.to && t[e].lower == "to" {
		return // "the government's move to abolish X": a noun, whose "to" is the reform
	}
	if form == vBase && equalWords(c.forms[vBase], c.forms[vPast]) {
		form = vPast // "will be cut", "was shut": the past reads as the base does
		if g := verbGroupAt(s, k, form); !g.passive && g.start < k {
			form = vBase // "will cut": the base after all
		}
	}
	g := verbGroupAt(s, k, form)
	if c.kind == schema.Creation && g.passive && g.start-2 >= s.from && (t[g.start-1].lower == "which" || t[g.start-1].lower == "that") && t[g.start-2].text == "," {
		return // "X, which was established in 2010, …": what X is, not news
	}
	if c.kind == schema.Creation && g.passive && g.start-2 >= s.from && (t[g.start-1].lower == "it" || t[g.start-1].lower == "they") && (t[g.start-2].lower == "since" || t[g.start-2].lower == "when") {
		return // "troubled since it was formed in 2008": its past
	}
	end := min(clauseEnd(s, e), d.nextCue(s, e))
	coordinated := d.prevVerb.end > 0 && g.start > s.from && g.start-1 >= d.prevVerb.end &&
		(t[g.start-1].lower == "and" || t[g.start-1].lower == "or" || t[g.start-1].lower == "but")
	if coordinated && g.start == k && d.prevVerb.passive && form == vPast {
		g.passive = true // "will be abolished and replaced by Y"
	}
	obj := np{end: e}
	if !g.passive {
		obj = d.npAfter(s, e)
		if d.shifted > 0 {
			e = d.shifted // the particle after the object, and what follows it
			end = min(clauseEnd(s, e), d.nextCue(s, e+1))
		}
		if coordinated && e < s.to && (t[e].lower == "them" || t[e].lower == "it" || t[e].lower == "its" || t[e].lower == "their") && len(d.prevVerb.obj.ents) > 0 {
			// "abolishes X and replaces them with Y", "shrink X and merge
			// its remnants into Y".
			end := obj.end
			obj = d.prevVerb.obj
			obj.end = max(end, e+1)
			obj.poss = t[e].lower == "its" || t[e].lower == "their"
		}
		if len(obj.ents) > 0 && obj.from > e && t[e].lower != "the" && classOf(t, e) == wPrep {
			obj = np{end: e} // "merge with X": a preposition, not an object
		}
		if obj.modifier && c.kind != schema.Transfer {
			obj.ents = nil // "cut NHS administration costs": the costs are cut
		}
	}
	if form == vPast && !g.passive && len(obj.ents) == 0 && g.start == k && !objectFollows(t, s, e) {
		// "Border agency scrapped", "X, abolished in 2012,": a participle
		// with no auxiliary and no object is a passive; "It created a
		// closed culture" has an object, though not a body.
		g.passive = true
	}
	var subj np
	switch {
	case g.owner >= 0:
		// "the government's plans to scrap X": the owner acts; "X launched
		// a drive to shrink Y": who launched it.
		subj = d.npBefore(s, g.owner)
		if len(subj.ents) == 0 {
			j := g.owner - 1
			for j > s.from && (classOf(t, j) == wDet || classOf(t, j) == wOther && !t[j].cap && !strings.HasSuffix(t[j].lower, "ed")) {
				j--
			}
			if j > s.from && strings.HasSuffix(t[j].lower, "ed") {
				subj = d.npBefore(s, verbGroupAt(s, j, vPast).start)
			}
		}
	case form == vIng && g.start == k && k > s.from && (t[k-1].text == "," || t[k-1].lower == "by" && k-2 >= s.from && t[k-2].text != ","):
		// "X began work, absorbing Y", "X cut the cabinet by
		// merging Y": the participle's subject is the sentence's; but
		// after a name in apposition ("a new body, X, merging Y") it is
		// that name's.
		if m := d.inApposition(s, k-1); m != nil {
			subj = np{ents: []*entity{m.ent}, from: m.from, end: m.to}
		} else {
			subj = d.sentenceSubject(s, k)
		}
	case coordinated:
		subj = d.prevVerb.subj
	case form == vIng && g.start == k && (k == s.from || classOf(t, k-1) == wPrep || classOf(t, k-1) == wDet || classOf(t, k-1) == wSub || d.lex.verbs[t[k-1].lower] || t[k-1].text == ":"):
		// A gerund ("warned that merging X with Y would …", "by scrapping
		// X") has no subject of its own; "their work moving to Y" has.
	case g.purpose:
		// "work with X to combine Y": who acts is not X; but in "wants all
		// PCTs to come together" the noun before "to" does, and in "the
		// decision by X to abolish Y", X.
		if n := d.npBefore(s, g.start); len(n.ents) > 0 && (objectControl(t, s, n.from) || d.byOwner(s, n.from)) {
			subj = n
		} else if p := g.start - 1; c.gains && p > s.from+1 && t[p].word && !t[p].cap {
			// "X is being established to incorporate Y", "X was set up to
			// take over Y": a passive's subject is the purpose's.
			if w := t[p].lower; w == "up" || w == "out" || w == "down" {
				p--
			}
			if pg := verbGroupAt(s, p, vPast); pg.passive && pg.start < p {
				subj = d.npBefore(s, pg.start)
			}
		}
	default:
		subj = d.npBefore(s, g.start)
	}
	if subj.poss && subj.from > s.from+1 && t[subj.from].lower == "their" && t[subj.from-1].lower == "and" {
		// "A, B and C will close and their functions will pass to D":
		// "their" is the bodies the sentence opened with.
		if first := d.npAfter(s, s.from); len(first.ents) > 1 && first.end < subj.from {
			subj.ents = first.ents
		}
	}
	d.prevVerb = prevVerb{subj: subj, obj: obj, passive: g.passive, end: e}
	if subj.poss && c.kind != schema.Transfer && c.kind != schema.Merger {
		subj.ents = nil // "their groups dismantled": what they own, not they
	}
	if obj.poss && c.kind == schema.Reduction && staffWordAfter(t, obj.end, end) {
		// "reduce its staff", "fire the CEOs of X": X is cut.
	} else if obj.poss && c.kind != schema.Transfer && c.kind != schema.Merger {
		// "dismantle X's agency": what X owns is the target, not X.
		head := d.npAfter(s, obj.end)
		obj.ents, obj.poss = head.ents, false
		if len(head.ents) > 0 {
			obj.end = head.end
		}
	}
	var prepNP np
	if last := c.forms[form]; len(last) > 1 && (last[len(last)-1] == "into" || last[len(last)-1] == "with" || last[len(last)-1] == "to") && (g.passive || len(obj.ents) == 0) {
		// "will be folded into a single agency, X": the cue's own
		// preposition has the counterpart.
		prepNP = d.npAfter(s, e)
	}
	by := d.prepObject(s, max(e, obj.end), end, "by")
	var targets, gains, agents []*entity
	sp := span{cue: k, from: k, to: e}
	switch {
	case g.passive:
		targets = subj.ents
		sp = sp.widen(subj)
		if c.gains {
			gains = by.ents
			sp = sp.widen(by)
		} else {
			agents = by.ents
		}
		if c.becomes {
			// "X was renamed Y", "X was renamed as Y".
			at := e
			if at < end && t[at].lower == "as" {
				at++
			}
			if became := d.npAfter(s, at); len(became.ents) > 0 && became.end <= end {
				gains = became.ents
				sp = sp.widen(became)
			}
		}
	case len(obj.ents) > 0 && c.becomes:
		targets, gains = subj.ents, obj.ents // "X will become Y"
		sp = sp.widen(subj).widen(obj)
	case len(obj.ents) > 0:
		targets = obj.ents
		sp = sp.widen(obj)
		if rc := d.lex.firstCue(schema.Reduction); obj.partitive && c.kind == schema.Abolition && rc != nil {
			c = rc // "close eight of its 12 offices" cuts them
		}
		w := obj.end
		if w < end && t[w].text == "," {
			w++
		}
		if c.gains && !(w < end && t[w].lower == "with") {
			gains = subj.ents
		} else {
			agents = subj.ents // "X will replace A with B": X acts, B gains
		}
		if obj.number {
			// "cut the number of boards": what is counted is cut.
			agents = subj.ents
		}
	case c.ergative:
		targets = subj.ents // "the agency will close", "A and B will merge"
		sp = sp.widen(subj)
	default:
		// "X will take over": a +gains verb with no object says who gains,
		// and of what only a preposition tells.
		if c.gains {
			gains = subj.ents
		} else {
			agents = subj.ents
		}
	}
	if tc := d.lex.firstCue(schema.Transfer); c.kind == schema.Merger && c.gains && tc != nil && (g.passive && subj.poss || !g.passive && obj.poss) {
		// "their functions will be absorbed by Y", "Y absorbs X's
		// licensing arm": what passes is the owner's work, not the owner.
		c = tc
	}
	after := max(e, obj.end)
	switch c.kind {
	case schema.Transfer:
		// "transfer X's functions to Y", "move responsibility from X to Y",
		// "Y takes over X's work", "X transferred its duties to Y".
		from := d.prepObject(s, after, end, "from")
		to := d.prepObject(s, after, end, "to", "into")
		if len(to.ents) == 0 {
			to = prepNP
		}
		if len(from.ents) > 0 && (!c.gains || len(targets) == 0 || !obj.poss) {
			targets = from.ents
			sp = sp.widen(from)
		}
		if len(to.ents) > 0 && !c.gains {
			gains = to.ents
			sp = sp.widen(to)
		}
		if len(targets) == 0 && !c.gains && !g.passive && len(from.ents) == 0 && len(agents) > 0 && len(gains) > 0 {
			// "The commission transferred responsibility for X to Y": the
			// subject gives its work away.
			targets, agents = agents, nil
		}
		if len(targets) == 0 && len(gains) > 0 && g.passive {
			// "A be closed and oversight of the BBC passed to B": the
			// work of the body whose end the sentence reported first.
			targets = d.closedBefore(s, g.start)
		}
		if len(gains) == 0 && len(targets) > 0 {
			// "X will be transferred later": where the last transfer
			// went, else what the last merger made.
			for _, kind := range []schema.ReformKind{schema.Transfer, schema.Merger} {
				if kind == schema.Merger && !g.passive {
					break // "in a move it says …": no transfer told
				}
				if r := d.lastOf(kind); r != nil && s.n-r.sent.n <= 2 && len(r.gains) > 0 && !contains(r.gains, targets[0]) {
					gains = r.gains
					break
				}
			}
		}
		if len(targets) == 0 || len(gains) == 0 && !c.alone {
			return // a transfer says where the work goes, unless it goes to no body
		}
	case schema.Replacement:
		if with := d.prepObject(s, after, end, "with", "by"); len(with.ents) > 0 && len(gains) == 0 {
			gains = with.ents // "replace X with Y", "X replaced with Y"
			sp = sp.widen(with)
		}
	case schema.Merger:
		// "merge A and B into C", "A will merge with B to form C", "C
		// absorbs A", "A and B merged": with a body formed or merged into,
		// every party goes into it; without one, partners merge with
		// each other.
		into := d.prepObject(s, after, end, "into", "under", "within", "as", "in")
		if len(into.ents) == 0 && len(prepNP.ents) > 0 {
			into = prepNP
			sp = sp.widen(prepNP)
		}
		if len(into.ents) == 0 {
			into = d.formed(s, after, clauseEnd(s, after)) // "to form X": a cue of its own
		}
		if len(into.ents) == 0 && after+1 < end && t[after].lower == "into" && t[after+1].lower == "one" {
			if e := d.lastCreated(); e != nil && !contains(targets, e) {
				// "merged into one": the single body the article
				// reported made.
				into = np{ents: []*entity{e}, from: after + 1, end: after + 2}
			}
		}
		with := d.prepObject(s, after, end, "with")
		if len(into.ents) > 0 {
			// "X was merged into Y, and A and B into C": a gapped second
			// clause with the verb left out.
			d.gapped(c, s, k, into.end)
			d.including(s, k, into)
		}
		if len(into.ents) == 0 && !c.gains && len(subj.ents) == 1 && len(obj.ents) > 0 && !g.passive && (d.created(subj.ents[0]) || sameKind(subj.ents[0], obj.ents)) {
			// "The new institute will bring together A and B", "a new
			// body, X, merging A and B": the new body gains.
			into, agents = subj, nil
		}
		if len(into.ents) > 0 && len(gains) == 0 {
			gains = into.ents
			targets = appendNew(targets, with.ents, nil)
			sp = sp.widen(into).widen(with)
		} else if len(gains) == 0 && len(with.ents) > 0 {
			gains = with.ents
			sp = sp.widen(with)
			if len(targets) == 1 && !g.passive && len(obj.ents) == 0 {
				d.addReform(c, s, sp, with.ents[0], targets, nil) // each merges with the other
			}
		} else if len(gains) == 0 && len(targets) == 2 {
			// "combine A and B": partners.
			d.addReform(c, s, sp, targets[0], targets[1:], agents)
			d.addReform(c, s, sp, targets[1], targets[:1], agents)
			return
		}
	case schema.Reduction:
		if len(targets) == 0 {
			// "cut from 41 to 25 departments": the counted units after "to".
			for j := after; j+1 < end; j++ {
				if (t[j].lower == "to" || t[j].lower == "from") && classOf(t, j+1) == wNum {
					if m := d.counted(s, j+1, false); m != nil {
						targets = []*entity{m.ent}
						sp = sp.widen(np{ents: targets, from: m.from, end: m.to})
						break
					}
				}
			}
		}
	case schema.Creation:
		if len(targets) == 0 && !c.ergative {
			f := d.formed(s, after, clauseEnd(s, after))
			targets = f.ents
			sp = sp.widen(f)
		}
	}
	for _, target := range targets {
		d.addReform(c, s, sp, target, gains, agents)
	}
}

// objectControlVerbs take an object that does what follows "to": "wants
// all PCTs to merge", "asked the board to close".
var objectControlVerbs = map[string]bool{
	"want": true, "wants": true, "wanted": true, "ask": true, "asks": true, "asked": true, "order": true,
	"orders": true, "ordered": true, "allow": true, "allows": true, "allowed": true, "force": true,
	"forces": true, "forced": true, "require": true, "requires": true, "required": true, "expect": true,
	"expects": true, "expected": true, "urge": true, "urges": true, "urged": true, "told": true, "tell": true,
	"encourage": true, "encouraged": true, "invite": true, "invited": true, "enable": true, "enabled": true,
	"need": true, "needs": true, "direct": true, "directed": true, "instruct": true, "instructed": true,
	"permit": true, "permitted": true, "compel": true, "compelled": true, "see": true, "sees": true, "saw": true,
	"leave": true, "leaves": true, "left": true, "for": true,
}

// objectControl reports whether the noun phrase starting at token k is the
// object of a verb whose object does what the infinitive after it says.
func objectControl(t []token, s *sentence, k int) bool {
	j := k - 1
	for j >= s.from && (classOf(t, j) == wDet || classOf(t, j) == wNum || presentWords[t[j].lower]) {
		j--
	}
	return j >= s.from && objectControlVerbs[t[j].lower]
}

// cutWords are what an organisation loses when it is cut: "its staff",
// "the CEOs of X".
var cutWords = map[string]bool{
	"staff": true, "workforce": true, "jobs": true, "posts": true, "roles": true, "positions": true,
	"workers": true, "employees": true, "ceos": true, "executives": true, "managers": true, "budget": true,
	"budgets": true, "headcount": true, "spending": true, "size": true, "number": true, "officials": true,
}

func staffWordAfter(t []token, k, end int) bool {
	for j := k; j < end && j < k+3; j++ {
		if cutWords[t[j].lower] {
			return true
		}
	}
	return false
}

// lastOf returns the reform of that kind the article reported last.
func (d *doc) lastOf(kind schema.ReformKind) *reform { return d.lastReform[kind] }

// lastCreated returns the body whose creation the article reported last.
func (d *doc) lastCreated() *entity {
	if r := d.lastReform[schema.Creation]; r != nil {
		return r.target
	}
	return nil
}

// created reports whether the article reports e's creation.
func (d *doc) created(e *entity) bool {
	return d.reformOf[reformKey{schema.Creation, e}] != nil
}

// gapped reads ", and A and B into C" after a merger's "into" phrase that
// ends at token k: the same verb, left out, merges A and B into C.
// including reads ", including A and B" after a merger's "into Y" phrase:
// the bodies listed go into Y too ("X will be absorbed into the new body,
// including A and B"); of a ministry or a group only a part may go, so
// each is a transfer of its work to Y.
func (d *doc) including(s *sentence, cue int, into np) {
	t := s.para.toks
	k := into.end
	if k+2 >= s.to || t[k].text != "," || t[k+1].lower != "including" {
		return
	}
	parts := d.npAfter(s, k+2)
	tc := d.lex.firstCue(schema.Transfer)
	if len(parts.ents) == 0 || tc == nil {
		return
	}
	sp := span{cue: cue, from: parts.from, to: parts.end}
	for _, e := range parts.ents {
		if !contains(into.ents, e) {
			d.addReform(tc, s, sp, e, into.ents, nil)
		}
	}
}

func (d *doc) gapped(c *reformCue, s *sentence, cue, k int) {
	t := s.para.toks
	if k+2 >= s.to || t[k].text != "," || t[k+1].lower != "and" {
		return
	}
	parts := d.npAfter(s, k+2)
	if len(parts.ents) == 0 || parts.end+1 >= s.to || t[parts.end].lower != "into" {
		return
	}
	into := d.npAfter(s, parts.end+1)
	if len(into.ents) == 0 {
		return
	}
	sp := span{cue: cue, from: parts.from, to: into.end}
	for _, e := range parts.ents {
		d.addReform(c, s, sp, e, into.ents, nil)
	}
}

// byOwner reports whether the name starting at token k follows "the
// decision by", "plans by", with role words between: "the decision by
// departing Transport Minister X to abolish Y".
func (d *doc) byOwner(s *sentence, k int) bool {
	t := s.para.toks
	j := k - 1
	for j > s.from && j >= k-5 && t[j].lower != "by" && (d.lex.roleHeads[t[j].lower] || d.lex.roleMods[t[j].lower] || t[j].cap || t[j].lower == "outgoing" || t[j].lower == "former") {
		j--
	}
	return j-1 >= s.from && t[j].lower == "by" && nominalControl[t[j-1].lower]
}

// sentenceSubject returns the subject of s's main clause, read before
// token k: the name that opens the sentence, or follows an opening phrase
// and its comma.
func (d *doc) sentenceSubject(s *sentence, k int) np {
	t := s.para.toks
	for _, m := range d.in(s) {
		if m.from >= k {
			break
		}
		if m.ent == nil {
			continue
		}
		if m.from == s.from || m.from == s.from+1 && classOf(t, s.from) == wDet || m.from-1 >= s.from && t[m.from-1].text == "," && m.from <= s.from+12 {
			if m.ent.kind == schema.Person || m.ent.kind == schema.Organization {
				return np{ents: []*entity{m.ent}, from: m.from, end: m.to}
			}
		}
		if m.from > s.from+2 && (m.ent.kind == schema.Person || m.ent.kind == schema.Organization) {
			// "Premier Ann Vale has dropped the axe": a title first.
			allTitle := true
			for j := s.from; j < m.from; j++ {
				if !t[j].cap && classOf(t, j) != wDet {
					allTitle = false
				}
			}
			if allTitle {
				return np{ents: []*entity{m.ent}, from: m.from, end: m.to}
			}
		}
	}
	return np{}
}

// objectFollows reports whether a noun phrase starts at token k: a
// determiner, a number or a word that is not a preposition, adverb, verb or
// the end of the clause.
func objectFollows(t []token, s *sentence, k int) bool {
	if k >= s.to || !t[k].word {
		return false
	}
	switch classOf(t, k) {
	case wDet, wNum:
		return t[k].lower != "this" && t[k].lower != "last" && t[k].lower != "that"
	case wOther:
		return !t[k].cap || t[k].acronym
	}
	return false
}

// formed returns the body an infinitive of purpose names: "to form X", "to
// create X", "to become X", "into a new body, X".
func (d *doc) formed(s *sentence, from, end int) np {
	t := s.para.toks
	for j := from; j+1 < end; j++ {
		if t[j].text == "," && j+1 < end {
			switch t[j+1].lower {
			case "creating", "forming", "becoming", "establishing":
				// "A and B will merge, creating X".
				if n := d.npAfter(s, j+2); len(n.ents) > 0 {
					return n
				}
			}
		}
		if t[j].lower != "to" && t[j].lower != "and" {
			continue
		}
		for j+2 < end && classOf(t, j+1) == wAdv {
			j++ // "to immediately form"
		}
		switch t[j+1].lower {
		case "form", "create", "become", "make", "establish", "set", "build":
			k := j + 2
			if t[j+1].lower == "set" && k < end && t[k].lower == "up" {
				k++
			}
			if n := d.npAfter(s, k); len(n.ents) > 0 {
				return n
			}
		}
	}
	return np{}
}

// reformNoun reads a noun that names a reform, at tokens [k, e): "the
// abolition of X", "X's closure", "PCT mergers", "the merger of A and B
// into C".
func (d *doc) reformNoun(s *sentence, k, e int, c *reformCue) {
	t := s.para.toks
	if k > s.from && (t[k-1].lower == "since" || t[k-1].lower == "until") ||
		k > s.from+1 && t[k-1].lower == "the" && (t[k-2].lower == "since" || t[k-2].lower == "until" || t[k-2].lower == "before") {
		return // "since the creation of the National Parks Board": history, not news
	}
	end := clauseEnd(s, e)
	var targets []*entity
	after := e
	sp := span{cue: k, from: k, to: e}
	if e < s.to && (t[e].lower == "of" || t[e].lower == "between") {
		n := d.npAfter(s, e+1)
		targets, after = n.ents, n.end
		sp = sp.widen(n)
		if len(targets) == 0 && e+1 < s.to && classOf(t, e+1) != wDet {
			// "a cull of regulators", "the closure of courts": a kind of
			// body in the plural, with no count or article.
			if m := d.pluralKind(s, e+1); m != nil {
				targets, after = []*entity{m.ent}, m.to
				sp = sp.widen(np{ents: targets, from: m.from, end: m.to})
			}
		}
	}
	if len(targets) == 0 && k > s.from {
		// "the agency's closure", "their abolition", "PCT abolition".
		j := k - 1
		for j > s.from && classOf(t, j) == wOther && !t[j].cap && !t[j].poss && j >= k-2 && d.mentionEndingAt(s, j) == nil {
			j-- // "the agency's planned closure"
		}
		if m := d.mentionEndingAt(s, j); m != nil && (t[j].poss || j == k-1) {
			targets = []*entity{m.ent}
			sp.from = m.from
		} else if w := t[j].lower; w == "its" || w == "their" {
			if e := d.antecedentOrg(s, j); e != nil {
				targets = []*entity{e}
			}
		} else if t[j].poss && t[j].plural && !t[j].cap && d.bodiesWord(w) {
			targets = d.lastBodies(s, j, 0, w) // "the carriers' merger"
		}
	}
	if len(targets) == 0 && c.kind != schema.Transfer {
		return
	}
	var gains, agents []*entity
	switch c.kind {
	case schema.Merger:
		gains = d.prepObject(s, after, end, "into", "with", "to", "under").ents
		if len(gains) == 0 {
			gains = d.formed(s, after, clauseEnd(s, after)).ents
		}
		if r := d.lastOf(schema.Creation); len(gains) == 0 && r != nil && r.sent == s && k > s.from && (t[k-1].lower == "the" || classOf(t, k-1) == wPrep) {
			// "X was created from the merger of A and B".
			gains = []*entity{r.target}
		}
	case schema.Transfer:
		// "the transfer of the service from X to Y".
		if from := d.prepObject(s, e, end, "from"); len(from.ents) > 0 {
			targets = from.ents
		}
		gains = d.prepObject(s, after, end, "to", "into").ents
		if r := d.lastOf(schema.Creation); len(gains) == 0 && r != nil && r.sent == s {
			gains = []*entity{r.target} // "run by a new trust, X, after … the transfer"
		}
		if len(gains) == 0 {
			return
		}
	case schema.Replacement:
		gains = d.prepObject(s, after, end, "by", "with").ents
	}
	if len(targets) == 0 {
		return
	}
	if c.kind != schema.Replacement {
		agents = d.prepObject(s, after, end, "by").ents
	}
	if c.kind == schema.Merger && len(gains) == 0 && len(targets) == 2 {
		// "the merger of A and B": partners.
		d.addReform(c, s, sp, targets[0], targets[1:], agents)
		d.addReform(c, s, sp, targets[1], targets[:1], agents)
		return
	}
	for _, target := range targets {
		d.addReform(c, s, sp, target, gains, agents)
	}
}

// newBody reads "a new X" and "a single X" where X is a named body: the
// article reports its creation.
func (d *doc) newBody(s *sentence, k int) {
	t := s.para.toks
	if k == s.from || classOf(t, k-1) != wDet && classOf(t, k-1) != wNum && classOf(t, k-1) != wPrep && t[k-1].lower != "brand" {
		return
	}
	j := k + 1
	if j < s.to && d.mentionStartingAt(s, j) == nil && (t[j].lower == "national" || t[j].lower == "independent" || t[j].lower == "statutory" || t[j].lower == "public" || t[j].lower == "regional") && !t[j].cap {
		j++ // "a new national X"
	}
	var target *entity
	to := k + 1
	if m := d.mentionStartingAt(s, j); m != nil && m.ent.kind == schema.Organization && !m.ent.generic &&
		!(m.to < s.to && t[m.to].word && !t[m.to].cap && classOf(t, m.to) == wOther && !d.lex.verbs[t[m.to].lower]) {
		// Not "the new XYZ board members": there the body is not new.
		target, to = m.ent, m.to
		if am := d.appositive(s, m.to); m.ent.class && am != nil {
			target, to = am.ent, am.to // "a new charitable trust, X,"
		}
	} else {
		// "a new body, X,", "a new arts body, X,", "a new health
		// watchdog, X": a kind of body, then its name in apposition.
		h := j
		for h < s.to && h < j+3 && t[h].word && !t[h].cap && !genericBody[t[h].lower] && classOf(t, h) == wOther {
			h++
		}
		if h < s.to && genericBody[t[h].lower] {
			// Not a list: "a new regulator, the X, and the Y".
			if m := d.appositive(s, h+1); m != nil && !(m.to+1 < s.to && t[m.to].text == "," && (t[m.to+1].lower == "and" || t[m.to+1].lower == "or")) {
				target, to = m.ent, m.to
			}
		}
	}
	if target == nil || target.class && s.para.head {
		return // a headline's "new skills authority" names no body
	}
	if named := d.calledAfter(s, np{ents: []*entity{target}, from: j, end: to}); named.ents[0] != target {
		target, to = named.ents[0], named.end // "a new authority – to be called X"
	}
	c := d.lex.creationCue()
	if c == nil {
		return
	}
	d.addReform(c, s, span{cue: k, from: k - 1, to: to}, target, nil, nil)
}

// creationCue returns the lexicon's first creation cue, which "a new X"
// stands for.
func (l *Lexicon) creationCue() *reformCue { return l.firstCue(schema.Creation) }

// firstCue returns the lexicon's first cue of a kind.
func (l *Lexicon) firstCue(kind schema.ReformKind) *reformCue {
	for i := range l.reformCues {
		if l.reformCues[i].kind == kind {
			return &l.reformCues[i]
		}
	}
	return nil
}

// addReform records a reform, or adds to the one of the same kind and
// target the article already reports: one change told four ways is one
// reform.
func (d *doc) addReform(c *reformCue, s *sentence, sp span, target *entity, gains, agents []*entity) {
	if target == nil || target.kind != schema.Organization || target.generic {
		return
	}
	gains = onlyBodies(gains)
	k := sp.cue
	said := d.written(s, sp)
	if said == "" {
		said = c.base + " " + target.name
	}
	d.inReforms[target] = true
	for _, e := range gains {
		if e != nil {
			d.inReforms[e] = true
		}
	}
	key := reformKey{c.kind, target}
	if r := d.reformOf[key]; r != nil {
		d.reformSaid = append(d.reformSaid, reformMention{r: r, sent: s, at: k})
		r.gains = appendNew(r.gains, gains, target)
		r.agents = appendNew(r.agents, agents, target)
		if len(r.said) < maxSaid && !containsString(r.said, said) {
			r.said = append(r.said, said)
		}
		if s != r.sent && (len(r.also) == 0 || r.also[len(r.also)-1] != s) {
			r.also = append(r.also, s)
		}
		return
	}
	r := &reform{kind: c.kind, target: target, gains: appendNew(nil, gains, target),
		agents: appendNew(nil, agents, target), said: []string{said}, sent: s}
	d.reforms = append(d.reforms, r)
	d.reformOf[key] = r
	d.lastReform[c.kind] = r
	d.reformSaid = append(d.reformSaid, reformMention{r: r, sent: s, at: k})
}

// inApposition returns the body named in apposition that ends with the
// comma at token c: ", X," or ", the X,".
func (d *doc) inApposition(s *sentence, c int) *mention {
	t := s.para.toks
	if c-1 <= s.from || t[c].text != "," {
		return nil
	}
	m := d.mentionEndingAt(s, c-1)
	if m == nil || m.ent.kind != schema.Organization {
		return nil
	}
	b := m.from - 1
	if b > s.from && t[b].lower == "the" {
		b--
	}
	if b <= s.from || t[b].text != "," {
		return nil
	}
	return m
}

// sameKind reports whether the body e has the head word of those it
// combines: "The Ministry of X will combine the ministries of A and B" is
// made of them; "The Treasury will combine A and B" acts on them.
func sameKind(e *entity, parts []*entity) bool {
	h := headWord(e.name)
	if h == "" || genericHeads[h] {
		return false
	}
	for _, p := range parts {
		if headWord(p.name) != h {
			return false
		}
	}
	return true
}

// genericHeads are head words too common to say two bodies are of a kind.
var genericHeads = map[string]bool{"government": true, "council": true, "party": true, "group": true}

// headWord returns the lower-case, singular word that says what kind of
// body a name names: the first of "Ministry of X", the last of "X Agency".
func headWord(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	for i, w := range f {
		if i > 0 && (w == "of" || w == "for") {
			return singular(f[i-1])
		}
	}
	return singular(f[len(f)-1])
}

// lawWords name the instruments that make or end bodies.
var lawWords = map[string]bool{
	"law": true, "laws": true, "act": true, "acts": true, "bill": true, "legislation": true, "decree": true,
	"statute": true, "ordinance": true, "order": true, "regulation": true, "regulations": true, "charter": true,
	"treaty": true, "instrument": true, "resolution": true,
}

// documentBefore reports whether the verb at token k, written in form,
// describes a law named before it rather than reporting a change: "the
// law establishing X", "the act that created X", "legislation which
// abolished X".
func documentBefore(s *sentence, k, form int) bool {
	t := s.para.toks
	j := k - 1
	if j > s.from && form == vPast && (t[j].lower == "that" || t[j].lower == "which") {
		j--
	} else if form != vIng {
		return false
	}
	return j >= s.from && lawWords[t[j].lower]
}

// A span is where a reform is written: its cue, and the words from the
// first to the last of its parts ("PCTs scrapped", "merge A with B to form
// C").
type span struct {
	cue, from, to int
}

// maxWritten bounds, in tokens, the article's wording kept on a reform.
const maxWritten = 16

// maxSaid bounds the ways of putting one reform kept from an article: an
// article that words it a thousand ways must not cost a thousand
// comparisons each time.
const maxSaid = 16

// A reformKey is what makes a reform one: its kind and its target.
type reformKey struct {
	kind   schema.ReformKind
	target *entity
}

// written returns the words of sp as the article has them, or "" when the
// span is too long to serve as a name.
func (d *doc) written(s *sentence, sp span) string {
	t := s.para.toks
	if sp.from < s.from || sp.to > s.to || sp.to <= sp.from || sp.to-sp.from > maxWritten {
		return ""
	}
	w := strings.TrimSpace(s.para.text[t[sp.from].start:t[sp.to-1].end])
	return strings.Join(strings.Fields(strings.Trim(w, "\"'\u201c\u201d\u2018\u2019")), " ")
}

// widen returns sp grown to cover n's words.
func (sp span) widen(n np) span {
	if len(n.ents) == 0 || n.from < 0 {
		return sp
	}
	sp.from = min(sp.from, n.from)
	sp.to = max(sp.to, n.end)
	return sp
}

// A reformMention is a place where the article reports a reform: the
// sentence and the token of the cue.
// closedBefore returns the body whose abolition s reported before the
// clause "and <functions …>" that ends at token v: the owner of the work
// that clause passes on.
func (d *doc) closedBefore(s *sentence, v int) []*entity {
	t := s.para.toks
	and, work := -1, false
	for j := v - 1; j > s.from && j >= v-8; j-- {
		if functionWords[t[j].lower] {
			work = true
		}
		if t[j].lower == "and" || t[j].lower == "with" && j-1 > s.from && (t[j-1].text == "," || isDash(t[j-1].text)) {
			and = j // "A will close and its work pass to B", "A will close – with its funds to go to B"
			break
		}
		if !t[j].word {
			return nil
		}
	}
	if and < 0 || !work {
		return nil
	}
	var out []*entity
	for _, m := range d.reformSaid {
		if m.sent == s && m.at < and && m.r.kind == schema.Abolition && m.r.target != nil {
			out = []*entity{m.r.target}
		}
	}
	return out
}

type reformMention struct {
	r    *reform
	sent *sentence
	at   int
}

// onlyBodies returns the organisations of es: people and portfolios gain no
// functions.
func onlyBodies(es []*entity) []*entity {
	out := es[:0:0]
	for _, e := range es {
		// Not a kind with no name: "replaced with two bodies".
		if e.kind == schema.Organization && !(e.class && genericBody[strings.ToLower(e.name)]) {
			out = append(out, e)
		}
	}
	return out
}

// appendNew appends the entities of add that are not in to, nor skip.
func appendNew(to, add []*entity, skip *entity) []*entity {
	for _, e := range add {
		if e != nil && e != skip && !contains(to, e) {
			to = append(to, e)
		}
	}
	return to
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func contains(es []*entity, e *entity) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// lastOrgBefore returns the non-generic body mentioned last before s.
func (d *doc) lastOrgBefore(s *sentence) *entity {
	for m := range d.back(s, s.from) {
		if m.ent != nil && m.ent.kind == schema.Organization && !m.ent.generic {
			return m.ent
		}
	}
	return nil
}

// reformKindWords maps each kind to words that name it in a sentence that
// refers back to a reform ("the merger", "the closure").
func (d *doc) reformNamedBy(text string) *reform {
	if len(d.reforms) == 0 {
		return nil
	}
	lt := strings.ToLower(text)
	for _, r := range d.reforms {
		for _, noun := range d.lex.reformNouns[r.kind] {
			if strings.Contains(lt, noun) {
				return r
			}
		}
	}
	return nil
}
