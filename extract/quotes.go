package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/schema"
)

// A quotation is words in quotation marks attributed to a speaker.
type quotation struct {
	para     *paragraph
	span     quoteSpan
	text     string
	sent     *sentence
	speakers []*entity
}

// documentWords are nouns for writings that speak for their authors:
// "the letter added", "the report said".
var documentWords = map[string]bool{
	"letter": true, "report": true, "statement": true, "document": true, "submission": true,
	"paper": true, "review": true, "memo": true, "briefing": true, "motion": true, "petition": true,
}

var spokesWords = map[string]bool{"spokesperson": true, "spokesman": true, "spokeswoman": true, "spokespeople": true, "source": true, "official": true, "representative": true}

// findQuotations finds the article's quotations and their speakers.
func (d *doc) findQuotations() {
	var last []*entity
	lastPara := -10
	for pi, p := range d.paras {
		if p.head {
			continue
		}
		var inPara []*entity
		for qi, q := range p.quotes {
			text := q.content(p.text)
			text = strings.Trim(text, " ,")
			if utf8.RuneCountInString(text) < 2 {
				continue
			}
			s := p.sentenceAt(q.open + markLen(p.text, q.open))
			if s == nil {
				continue
			}
			words := len(strings.Fields(text))
			standalone := qi == 0 && strings.TrimSpace(p.text[:q.open]) == ""
			spk := d.speakerAfter(p, q, qi)
			if spk == nil {
				spk = d.speakerBefore(s, q)
			}
			if spk == nil {
				spk = d.accordingTo(s)
			}
			if spk == nil && inPara != nil && words >= 4 {
				// "'…,' he said. '…'": the cue serves both.
				spk = inPara
			}
			if spk == nil && standalone && words >= 4 {
				// An uncued quotation paragraph continues the last speaker's words;
				// at the start of a run of quotations, the next cue tells who.
				if last != nil && pi-lastPara <= 3 {
					spk = last
				} else {
					spk = d.nextCuedSpeaker(pi)
				}
			}
			if spk == nil {
				continue // scare quotes, titles, or an unknown speaker
			}
			last, lastPara, inPara = spk, pi, spk
			d.quotes = append(d.quotes, &quotation{para: p, span: q, text: text, sent: s, speakers: spk})
		}
	}
}

// nextCuedSpeaker looks ahead for the next quotation paragraph that says who
// spoke ("…," the letter added.).
func (d *doc) nextCuedSpeaker(pi int) []*entity {
	for _, p := range d.paras[pi+1 : min(len(d.paras), pi+3)] {
		for qi, q := range p.quotes {
			if spk := d.speakerAfter(p, q, qi); spk != nil {
				return spk
			}
		}
	}
	return nil
}

// speakerAfter reads a cue that follows the quotation: ", said X", ", X said",
// ", he added", ", said a spokesperson for X", ", the letter added".
func (d *doc) speakerAfter(p *paragraph, q quoteSpan, qi int) []*entity {
	if !q.closed {
		return nil
	}
	t := p.toks
	k := 0
	for k < len(t) && t[k].start <= q.close {
		k++
	}
	stop := len(t)
	if qi+1 < len(p.quotes) {
		for j := k; j < len(t); j++ {
			if t[j].start >= p.quotes[qi+1].open {
				stop = j
				break
			}
		}
	}
	for k < stop && (t[k].text == "," || isQuoteMarkStr(t[k].text)) {
		k++
	}
	if k >= stop {
		return nil
	}
	s := p.sentenceAt(t[k].start)
	// VERB NP: "said Jane Roe", "said a DH spokesperson".
	if d.lex.verbs[t[k].lower] {
		return d.speakerNP(s, k+1, min(stop, k+12))
	}
	// NP VERB: "Jane Roe said", "he added", "the letter added".
	for j := k; j < stop && j < k+8; j++ {
		if d.lex.verbs[t[j].lower] && j > k {
			return d.speakerNP(s, k, j)
		}
		if t[j].text == "." || t[j].text == ";" {
			break
		}
	}
	return nil
}

// speakerNP resolves the noun phrase in tokens [from, to) to its speakers.
func (d *doc) speakerNP(s *sentence, from, to int) []*entity {
	if s == nil {
		return nil
	}
	t := s.para.toks
	if to > len(t) {
		to = len(t)
	}
	for k := from; k < to; k++ {
		if t[k].text == "." && k > from && (abbreviations[t[k-1].lower] || len(t[k-1].text) == 1 && t[k-1].cap) {
			continue // "said Sen. Elizabeth Warren"
		}
		if t[k].text == "." || t[k].text == ";" || t[k].quote >= 0 && k > from {
			to = k
			break
		}
	}
	if from >= to {
		return nil
	}
	// A named person or body.
	var org *entity
	var inPara []*mention
	for _, ps := range s.para.sents {
		inPara = append(inPara, d.in(ps)...)
	}
	for _, m := range inPara {
		if m.from < from || m.from >= to || m.ent == nil {
			continue
		}
		if m.ent.kind == schema.Person {
			return []*entity{m.ent}
		}
		if org == nil {
			org = m.ent
		}
	}
	var spokes, doc bool
	for k := from; k < to; k++ {
		w := t[k].lower
		if spokesWords[w] {
			spokes = true
		}
		if documentWords[w] && (k == from || t[k-1].lower == "the" || t[k-1].lower == "its" || t[k-1].lower == "their") {
			doc = true
		}
		if k == from && (w == "he" || w == "she") {
			if e := d.pronoun(s, k, w); e != nil {
				return []*entity{e}
			}
			return nil
		}
		if k == from && (w == "they" || w == "we") {
			return nil
		}
		if (k == from || k == from+1) && t[k].lower != "the" && k > from && t[k-1].lower == "the" {
			if e := d.shortForm(s, w); e != nil {
				org = e
			}
		}
	}
	if org != nil {
		return []*entity{org}
	}
	if spokes && t[from].lower != "the" || spokes && from+1 < to && spokesWords[t[from+1].lower] {
		// "A spokesman said": for the body the story last spoke of.
		if e := d.lastOrgBefore(s); e != nil {
			return []*entity{e}
		}
		for _, m := range d.in(s) {
			if m.sent == s && m.from < from && m.ent != nil && m.ent.kind == schema.Organization && !m.ent.class && !m.ent.portfolio {
				org = m.ent
			}
		}
		if org != nil {
			return []*entity{org}
		}
	}
	if doc {
		if sig := d.documentSpeakers(); len(sig) > 0 {
			return sig
		}
	}
	return nil
}

// speakerBefore finds the subject of the reporting verb before the quotation
// in its sentence: "Burstow said most had not '…'", "He said: '…'".
func (d *doc) speakerBefore(s *sentence, q quoteSpan) []*entity {
	t := s.para.toks
	verb := -1
	for k := s.from; k < s.to && t[k].start < q.open; k++ {
		if t[k].quote < 0 && d.lex.verbs[t[k].lower] {
			verb = k
		}
	}
	if verb < 0 {
		return nil
	}
	return d.subjectOf(s, verb)
}

// subjectOf returns who did the reporting verb at token v: the person named
// nearest before it, a pronoun, or a body; "said X" when nothing precedes.
func (d *doc) subjectOf(s *sentence, v int) []*entity {
	t := s.para.toks
	if v-1 >= s.from && t[v-1].text == "," {
		// "Andrew Cozens, strategic adviser … for the Agency, said": the
		// subject stands before the appositive.
		for _, m := range d.in(s) {
			if m.sent == s && m.to < v-1 && m.to < len(t) && t[m.to].text == "," && m.ent != nil && m.ent.kind == schema.Person {
				return []*entity{m.ent}
			}
		}
	}
	for k := v - 1; k >= s.from; k-- {
		if t[k].quote >= 0 {
			break
		}
		w := t[k].lower
		if w == "he" || w == "she" {
			if e := d.pronoun(s, k, w); e != nil {
				return []*entity{e}
			}
			return nil
		}
		if m := d.mentionAt(s, k); m != nil && m.ent != nil {
			if m.ent.kind == schema.Person {
				return []*entity{m.ent}
			}
			// A body is the subject only when nothing but its modifiers lies between.
			if v-m.to <= 2 && !m.ent.class {
				return []*entity{m.ent}
			}
		}
		if k > s.from && t[k-1].lower == "the" {
			if e := d.shortForm(s, w); e != nil && v-k <= 2 {
				return []*entity{e}
			}
		}
		if documentWords[w] && k > s.from && t[k-1].lower == "the" && v-k <= 2 {
			if sig := d.documentSpeakers(); len(sig) > 0 {
				return sig
			}
		}
	}
	// "The Bench Society, which represents 12,000 magistrates, said": the body
	// that opens the sentence.
	for _, m := range d.in(s) {
		if m.sent == s && m.ent != nil && m.from < v {
			if m.from <= s.from+1 && (m.ent.kind == schema.Organization && !m.ent.class && !m.ent.portfolio || m.ent.kind == schema.Person) {
				return []*entity{m.ent}
			}
			break
		}
	}
	// "said a spokesperson for the department".
	return d.speakerNP(s, v+1, min(s.to, v+10))
}

// accordingTo reads "…, according to care services minister Paul Burstow".
func (d *doc) accordingTo(s *sentence) []*entity {
	t := s.para.toks
	for k := s.from; k+1 < s.to; k++ {
		if t[k].lower == "according" && t[k+1].lower == "to" && t[k].quote < 0 {
			return d.speakerNP(s, k+2, s.to)
		}
	}
	return nil
}

// pronoun resolves "he"/"she" at token k to the person mentioned most
// recently before it whose gender agrees.
func (d *doc) pronoun(s *sentence, k int, w string) *entity {
	want := "male"
	if w == "she" {
		want = "female"
	}
	var best *entity
	for _, m := range d.mentions {
		if m.sent.n > s.n || m.sent.n == s.n && m.from >= k {
			break
		}
		if m.ent != nil && m.ent.kind == schema.Person && (m.ent.gender == "" || m.ent.gender == want) {
			best = m.ent
		}
	}
	return best
}

// shortForm resolves "the confederation", "the college" to the body named
// most recently whose name holds that word.
func (d *doc) shortForm(s *sentence, w string) *entity {
	if !d.lex.orgHeads[w] && !d.lex.orgClass[w] {
		return nil
	}
	var best *entity
	for _, m := range d.mentions {
		if m.sent.n > s.n {
			break
		}
		if m.ent == nil || m.ent.kind != schema.Organization || m.ent.class {
			continue
		}
		for _, f := range strings.Fields(strings.ToLower(m.ent.name)) {
			if f == w {
				best = m.ent
			}
		}
	}
	if best != nil {
		best.addAlias("the " + w)
	}
	return best
}

// documentSpeakers returns who speaks through a writing: its signatories
// ("The letter was signed by A, chair of X; B, leader of Y"), its author
// ("The report's author, Dr Priyanka Nair,"), or the body that issued it
// ("a report by the National Audit Office").
func (d *doc) documentSpeakers() []*entity {
	if sig := d.signatories(); len(sig) > 0 {
		return sig
	}
	for _, s := range d.sents {
		t := s.para.toks
		for k := s.from; k < s.to; k++ {
			if !documentWords[t[k].lower] || t[k].quote >= 0 {
				continue
			}
			// "The report's author, X": the person right after.
			if t[k].poss && k+1 < s.to && (t[k+1].lower == "author" || t[k+1].lower == "authors") {
				for _, m := range d.in(s) {
					if m.from > k+1 && m.from <= k+5 && m.ent != nil && m.ent.kind == schema.Person {
						return []*entity{m.ent}
					}
				}
			}
			// "a report by/from ORG", "ORG's report".
			if k+1 < s.to && (t[k+1].lower == "by" || t[k+1].lower == "from") {
				for _, m := range d.in(s) {
					if m.from > k+1 && m.from <= k+4 && m.ent != nil {
						return []*entity{m.ent}
					}
				}
			}
			for _, m := range d.in(s) {
				if m.to == k && m.ent != nil && t[m.to-1].poss {
					return []*entity{m.ent}
				}
			}
		}
	}
	return nil
}

// signatories returns the people a writing is signed by: "The letter was
// signed by A, chair of X; B, leader of Y".
func (d *doc) signatories() []*entity {
	var out []*entity
	seen := map[*entity]bool{}
	for _, s := range d.sents {
		t := s.tokens()
		signed := false
		for k := 0; k+1 < len(t); k++ {
			if (t[k].lower == "signed" || t[k].lower == "written" || t[k].lower == "co-signed") && t[k+1].lower == "by" {
				signed = true
			}
		}
		if !signed {
			continue
		}
		for _, m := range d.in(s) {
			if m.sent == s && m.ent != nil && m.ent.kind == schema.Person && !seen[m.ent] {
				seen[m.ent] = true
				out = append(out, m.ent)
			}
		}
	}
	return out
}
