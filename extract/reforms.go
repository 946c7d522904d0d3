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
	sent   *sentence
}

func (r *reform) name() string {
	return string(r.kind) + " of " + r.target.name
}

// reformCue is a word (matched at a word's start) or phrase that signals a
// kind of reform, and where its target stands: after the cue ("abolition of
// X", "merge X") or before it ("X scrapped").
type reformCue struct {
	cue   string
	kind  schema.ReformKind
	after bool // the target follows the cue
}

var reformCues = []reformCue{
	// Passive and prepositional forms first: the first cue that matches wins.
	{"merged into", schema.Merger, false}, {"merged with", schema.Merger, false}, {"be merged", schema.Merger, false},
	{"merge with", schema.Merger, false}, {"taken over by", schema.Replacement, false}, {"take over from", schema.Replacement, true},
	{"replace them with", schema.Replacement, false}, {"replace it with", schema.Replacement, false}, {"replaced with", schema.Replacement, false},
	{"be set up", schema.Creation, false}, {"been set up", schema.Creation, false}, {"be created", schema.Creation, false},
	{"be established", schema.Creation, false}, {"hand their", schema.Transfer, true}, {"hand its", schema.Transfer, true},
	{"abolition", schema.Abolition, true}, {"abolish", schema.Abolition, true}, {"abolished", schema.Abolition, false},
	{"scrapping", schema.Abolition, true}, {"scrap", schema.Abolition, true}, {"scrapped", schema.Abolition, false},
	{"axe", schema.Abolition, true}, {"axed", schema.Abolition, false}, {"disband", schema.Abolition, true},
	{"disbanded", schema.Abolition, false}, {"closure", schema.Abolition, true}, {"dissolution", schema.Abolition, true},
	{"dissolved", schema.Abolition, false}, {"had to go", schema.Abolition, false}, {"wound up", schema.Abolition, false},
	{"phased out", schema.Abolition, false}, {"get rid of", schema.Abolition, true}, {"cleared out of the way", schema.Abolition, false},
	{"replaced by", schema.Replacement, false}, {"replace", schema.Replacement, true}, {"replacement", schema.Replacement, true},
	{"take over from", schema.Replacement, true}, {"successor to", schema.Replacement, true}, {"in place of", schema.Replacement, true},
	{"transfer", schema.Transfer, false}, {"pass from", schema.Transfer, false}, {"passed from", schema.Transfer, false},
	{"absorbed into", schema.Merger, false}, {"folded into", schema.Merger, false}, {"subsumed into", schema.Merger, false},
	{"move from", schema.Transfer, false}, {"moved from", schema.Transfer, false}, {"moving from", schema.Transfer, false}, {"shift", schema.Transfer, true}, {"take on", schema.Transfer, true},
	{"hand over", schema.Transfer, true}, {"handed over", schema.Transfer, false}, {"devolve", schema.Transfer, true},
	{"move responsibilit", schema.Transfer, true}, {"responsibility for", schema.Transfer, true},
	{"merger", schema.Merger, false}, {"merge", schema.Merger, true}, {"merging", schema.Merger, true},
	{"amalgamat", schema.Merger, true}, {"come together", schema.Merger, false}, {"clustering", schema.Merger, true},
	{"creation of", schema.Creation, true}, {"create", schema.Creation, true}, {"establish", schema.Creation, true},
	{"set up", schema.Creation, true}, {"new", schema.Creation, true}, {"a single", schema.Creation, true}, {"launch", schema.Creation, true},
	{"fewer", schema.Reduction, true}, {"reduction", schema.Reduction, true}, {"reduced in number", schema.Reduction, false},
	{"reduce", schema.Reduction, true}, {"halving", schema.Reduction, true}, {"halve", schema.Reduction, true},
	{"cut the number", schema.Reduction, true}, {"reconfiguration", schema.Reduction, false}, {"slimmed", schema.Reduction, false},
}

// findReforms reads the reforms a sentence reports.
func (d *doc) findReforms(s *sentence) {
	t := s.para.toks
	for k := s.from; k < s.to; k++ {
		if !t[k].word {
			continue
		}
		if t[k].lower == "" {
			continue
		}
		for _, ci := range cuesAt[t[k].lower[0]] {
			n := matchCue(t, k, s.to, cueWords[ci])
			if n == 0 {
				continue
			}
			d.reformAt(s, k, k+n, reformCues[ci])
			k += n - 1
			break
		}
	}
}

// cueWords holds each reform cue split into words, once, in reformCues' order.
var cueWords = func() [][]string {
	out := make([][]string, len(reformCues))
	for i, c := range reformCues {
		out[i] = strings.Fields(c.cue)
	}
	return out
}()

// cuesAt lists, by their first byte, the indexes in reformCues of the cues,
// in reformCues' order: a token can only start the cues that share its first
// byte.
var cuesAt = func() (at [256][]int) {
	for i, ws := range cueWords {
		at[ws[0][0]] = append(at[ws[0][0]], i)
	}
	return at
}()

// matchCue reports how many tokens from k match the cue (a phrase whose last
// word may be a word's start), or 0.
func matchCue(t []token, k, to int, ws []string) int {
	// findReforms tries only the cues whose first byte is the token's.
	if len(ws) > 1 && t[k].lower != ws[0] || len(ws) == 1 && len(t[k].lower) < len(ws[0]) {
		return 0
	}
	for i, w := range ws {
		if k+i >= to || !t[k+i].word {
			return 0
		}
		lw := t[k+i].lower
		if i == len(ws)-1 {
			if w == "new" && lw != "new" {
				return 0
			}
			if !strings.HasPrefix(lw, w) || (len(ws) == 1 && len(w) < 5 && lw != w && !strings.HasPrefix(lw, w+"s") && !strings.HasPrefix(lw, w+"d") && !strings.HasPrefix(lw, w+"ing")) {
				return 0
			}
		} else if lw != w {
			return 0
		}
	}
	return len(ws)
}

func (d *doc) orgMentions(s *sentence) []*mention {
	var out []*mention
	for _, m := range d.in(s) {
		if m.sent == s && m.ent != nil && m.ent.kind == schema.Organization && !m.ent.portfolio {
			out = append(out, m)
		}
	}
	return out
}

func (d *doc) reformAt(s *sentence, from, to int, c reformCue) {
	t := s.para.toks
	orgs := d.orgMentions(s)
	var target *entity
	var gains []*entity
	before := func(generic bool) *entity {
		var best *mention
		for _, m := range orgs {
			if m.to <= from && (generic || !m.ent.generic) && !d.modifierUse(s, m, from) && !inRelative(s, m) {
				best = m
			}
		}
		if best != nil {
			// Only a body in the same clause: no comma or reporting verb between.
			for k := best.to; k < from; k++ {
				if t[k].text == "," && t[k].quote < 0 || d.lex.verbs[t[k].lower] || t[k].text == ";" {
					return nil
				}
			}
		}
		return entOf(best)
	}
	after := func(at int) *entity {
		for _, m := range orgs {
			if m.from >= at && m.from <= at+6 && !m.ent.generic {
				return m.ent
			}
		}
		return nil
	}
	afterWord := func(word string) []*entity {
		var out []*entity
		for k := to; k < s.to; k++ {
			if t[k].lower == word && t[k].quote < 0 {
				for _, m := range orgs {
					if m.from > k && m.from <= k+6 {
						out = append(out, m.ent)
					}
				}
				if len(out) == 0 {
					if e := d.bareNP(s, k+1); e != nil {
						out = append(out, e)
					}
				}
				// "to GPs or GP consortia": every body of the coordinated phrase.
				for _, m := range orgs {
					if m.from > k+1 && m.from <= k+8 && !contains(out, m.ent) && precededByOr(t, m.from) {
						out = append(out, m.ent)
					}
				}
				return out
			}
		}
		return nil
	}
	switch c.kind {
	case schema.Transfer:
		if from := afterWord("from"); len(from) > 0 {
			target = from[0]
		}
		if target == nil {
			// "take on PCTs' public health functions", "shift PCTs' functions".
			for _, m := range orgs {
				if m.from >= to && m.from <= to+6 && s.para.toks[m.to-1].poss {
					target = m.ent
					break
				}
			}
		}
		if to := afterWord("to"); target != nil && len(to) > 0 && len(afterWord("from")) > 0 {
			gains = to // "pass from X to Y"
		} else if strings.HasPrefix(c.cue, "hand ") {
			// "hand their work to Y": the body the sentence spoke of.
			target = before(false)
			if target == nil {
				target = d.lastOrgBefore(s)
			}
			gains = afterWord("to")
		} else if c.cue == "take on" || c.cue == "responsibility for" {
			if e := before(true); e != nil {
				gains = []*entity{e}
			}
		} else {
			gains = afterWord("to")
			if target == nil {
				target = before(false)
			}
		}
		if c.cue == "responsibility for" && target == nil {
			return
		}
	case schema.Replacement:
		if strings.HasSuffix(c.cue, " with") {
			// "abolish X and replace them with Y", "X replaced with Y".
			target = before(false)
			gains = afterWord("with")
			break
		}
		if c.cue == "take over from" {
			target = after(to)
			if e := before(true); e != nil {
				gains = []*entity{e}
			}
			break
		}
		if c.after {
			if c.cue == "replace" {
				target = after(to)
				if e := before(true); e != nil {
					gains = []*entity{e}
				}
			} else {
				target = after(to)
			}
		} else {
			target = before(false)
			gains = afterWord("by")
			if len(gains) == 0 {
				if e := after(to); e != nil {
					gains = []*entity{e}
				}
			}
		}
	case schema.Merger:
		if c.cue == "merge with" || c.cue == "merged with" {
			// "A would merge with B": both merge.
			target = before(false)
			if b := after(to); b != nil && target != nil {
				d.reforms = append(d.reforms, &reform{kind: c.kind, target: b, sent: s})
			}
			gains = afterWord("create")
			if len(gains) == 0 {
				gains = afterWord("form")
			}
			break
		}
		if !c.after || after(to) == nil {
			// "A, B and C will be merged into D", "A and B will merge": every body before the cue.
			var targets []*entity
			for _, m := range orgs {
				if m.to <= from && !m.ent.generic && !contains(targets, m.ent) && !d.modifierUse(s, m, from) && !inRelative(s, m) {
					targets = append(targets, m.ent)
				}
			}
			if len(targets) > 1 {
				for _, e := range targets[:len(targets)-1] {
					d.reforms = append(d.reforms, &reform{kind: c.kind, target: e, gains: afterWord("into"), sent: s})
				}
			}
		}
		if from > s.from && (t[from-1].lower == "the" || t[from-1].lower == "this" || t[from-1].lower == "that") && (to >= s.to || t[to].lower != "of") {
			return // "the merger": a merger already reported
		}
		if c.after {
			target = after(to)
			// "merge A and B into C": B is merged too.
			for _, m := range orgs {
				if target != nil && m.ent != target && m.from > to && m.from-2 >= 0 && t[m.from-1].lower == "the" && t[m.from-2].lower == "and" || target != nil && m.ent != target && m.from > to && t[m.from-1].lower == "and" {
					d.reforms = append(d.reforms, &reform{kind: c.kind, target: m.ent, sent: s})
					break
				}
			}
		} else {
			target = before(false)
		}
		if target == nil {
			target = after(to)
		}
		if strings.HasSuffix(c.cue, " into") {
			// "its functions absorbed into Y": the body before is the target.
			gains = nil
			for _, m := range orgs {
				if m.from >= to && m.from <= to+8 {
					gains = append(gains, m.ent)
				}
			}
		} else {
			gains = afterWord("into")
			if len(gains) == 0 {
				gains = afterWord("in")
			}
		}
	case schema.Creation:
		if !c.after {
			target = before(false) // "a new body, the Z, will be set up"
			break
		}
		if c.cue == "a single" {
			// "a single National Water Authority": only a named body is created.
			for _, m := range orgs {
				if m.from == to && !m.ent.class && !m.ent.generic {
					target = m.ent
				}
			}
		} else if c.cue == "new" {
			// "new health and well-being boards": the class right after "new".
			for _, m := range orgs {
				if m.from == to || m.from == to+1 && t[to].word && !t[to].cap {
					if m.ent.class || !m.ent.generic {
						target = m.ent
					}
				}
			}
		} else {
			target = after(to)
		}
	default:
		if c.after && c.kind == schema.Abolition {
			// "the abolition of all PCTs and strategic health authorities": each body abolished.
			if first := after(to); first != nil {
				for _, m := range orgs {
					if m.ent != first && m.from > to && m.from <= to+14 && !m.ent.generic && m.from-1 >= 0 && (t[m.from-1].lower == "and" || t[m.from-1].lower == "or" || t[m.from-1].text == "," || m.from-2 >= 0 && hasDigit(t[m.from-1].text) && (t[m.from-2].lower == "and" || t[m.from-2].text == ",")) {
						d.reforms = append(d.reforms, &reform{kind: c.kind, target: m.ent, sent: s})
					}
				}
			}
		}
		if c.after {
			target = after(to)
			if target == nil {
				target = before(false)
			}
		} else {
			target = before(false)
		}
	}
	if target == nil && c.kind == schema.Abolition {
		// "ahead of their abolition": the body spoken of last.
		if to < s.to && from > s.from && (t[from-1].lower == "their" || t[from-1].lower == "its") {
			target = d.lastOrgBefore(s)
		}
	}
	if target == nil || target.generic {
		return
	}
	for i := 0; i < len(gains); i++ {
		if gains[i] == target || gains[i] == nil {
			gains = append(gains[:i], gains[i+1:]...)
			i--
		}
	}
	d.reforms = append(d.reforms, &reform{kind: c.kind, target: target, gains: gains, sent: s})
}

// modifierUse reports whether a one-word body name modifies the noun after
// it ("NHS regulators") rather than naming the body itself; "PCT mergers",
// where the noun is the reform cue at cue, still names it.
func (d *doc) modifierUse(s *sentence, m *mention, cue int) bool {
	t := s.para.toks
	return m.to-m.from == 1 && m.to < cue && t[m.to].word && !t[m.to].cap && !classFollow[t[m.to].lower] && !d.lex.verbs[t[m.to].lower]
}

// inRelative reports whether a mention stands inside a relative clause
// (", which regulates foundation trusts,"): not a party to the main clause.
func inRelative(s *sentence, m *mention) bool {
	t := s.para.toks
	for k := m.from - 1; k > s.from; k-- {
		if t[k].text == "," {
			w := t[k+1].lower
			return w == "which" || w == "who" || w == "that" || w == "whose" || w == "where"
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

func precededByOr(t []token, k int) bool {
	return k > 0 && (t[k-1].lower == "or" || t[k-1].lower == "and" || t[k-1].text == ",")
}

// lastOrgBefore returns the non-generic body mentioned last before s.
func (d *doc) lastOrgBefore(s *sentence) *entity {
	var best *entity
	for _, m := range d.mentions {
		if m.sent.n >= s.n {
			break
		}
		if m.ent != nil && m.ent.kind == schema.Organization && !m.ent.generic && !m.ent.portfolio {
			best = m.ent
		}
	}
	return best
}

// bareNP makes a body of the short noun phrase at token k when no known name
// stands there: "to GPs", "in 'clusters'".
func (d *doc) bareNP(s *sentence, k int) *entity {
	t := s.para.toks
	for k < s.to && (isQuoteMarkStr(t[k].text) || t[k].lower == "the" || t[k].lower == "a") {
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
	if !t[j-1].acronym && !t[j-1].cap && !d.lex.orgClass[t[j-1].lower] && !d.lex.orgClass[singular(t[j-1].lower)+"s"] && t[k].quote < 0 {
		return nil
	}
	e := d.org(strings.Join(words, " "), true)
	written := s.para.text[t[k].start:t[j-1].end]
	e.addAlias(written)
	d.addMention(&mention{sent: s, from: k, to: j, kind: mFull, ent: e})
	d.sortMentions()
	return e
}
