package extract

import (
	"sort"
	"strings"
	"unicode"
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

// npPrepositions put a name in a speaker's noun phrase that is not the
// speaker nor the body speaking: "said in a letter to the Treasury".
var npPrepositions = map[string]bool{"to": true, "with": true, "about": true, "against": true, "on": true,
	"in": true, "over": true, "under": true, "into": true, "than": true}

// prepositions attach a name to the noun before it ("Morag Ellis of the
// Glenmore Police", "a spokesman for Unison", "the keys to Agnes Poole"):
// a name after one is not the subject of the verb that follows.
var prepositions = map[string]bool{"of": true, "at": true, "for": true, "from": true, "with": true, "to": true,
	"by": true, "in": true, "on": true, "about": true, "against": true, "over": true, "under": true}

// adjoining are the words that may stand between a subject and its verb
// without being the head of the subject themselves: "The Bench Society has
// said", "the council yesterday said", "Unison also warned".
var adjoining = map[string]bool{"is": true, "are": true, "was": true, "were": true, "been": true, "has": true, "have": true, "had": true, "also": true, "then": true, "yesterday": true,
	"today": true, "tonight": true, "later": true, "earlier": true, "previously": true, "recently": true, "further": true,
	"again": true, "too": true, "now": true, "will": true, "would": true, "last": true, "night": true,
	"this": true, "week": true, "morning": true, "afternoon": true, "evening": true, "itself": true, "meanwhile": true}

// determiners before a reporting verb's form make it a noun: "the state",
// "his claims", "a call".
var determiners = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true,
	"their": true, "our": true, "my": true, "your": true, "these": true, "those": true, "this": true, "no": true,
	"any": true, "some": true, "such": true, "of": true}

// speech holds what attributing speech needs beyond the doc: indexes built
// once an article, so that each cue is resolved in time proportional to the
// cue and not to the article.
type speech struct {
	d *doc
	// bySurname lists the article's people by lower-case surname: a cue
	// names them even where the name reader passed over the word ("says
	// Stone", "Stone says": a surname that is also a common word).
	bySurname map[string][]*entity
	// byRoleWord lists the article's roles by each word of the role, in
	// text order: "the health minister said" is the last health minister.
	byRoleWord map[string][]roleFact
	// last is who spoke most recently through a writing or as a body, for
	// "it said".
	lastBody []*entity
	// authors caches documentSpeakers, which reads the whole article.
	authors     []*entity
	authorsRead bool
	// byToken holds, for each sentence looked at, the mention covering
	// each of its tokens: a cue's words are looked up in constant time
	// however many names a long sentence holds.
	byToken map[*sentence][]*mention
	// cuedSents and firstCue cache per sentence and per paragraph what
	// several quotations may ask.
	cuedSents map[*sentence]bool
	firstCue  map[*paragraph][]*entity
	// light skips the indexes: for callers that resolve one verb at a
	// time (stances), where building them per call would cost the article
	// per verb.
	light bool
}

// documentSpeakers returns who speaks through the article's writings (see
// doc.documentSpeakers), read once.
func (sp *speech) documentSpeakers() []*entity {
	if !sp.authorsRead {
		sp.authors, sp.authorsRead = sp.d.documentSpeakers(), true
	}
	return sp.authors
}

// newSpeech starts the article's speech state; its indexes are built the
// first time a cue needs them (most articles never do).
func (d *doc) newSpeech() *speech { return &speech{d: d} }

// mention returns the mention of s covering token k, or nil.
func (sp *speech) mention(s *sentence, k int) *mention {
	if k < s.from || k >= s.to {
		return nil
	}
	idx, ok := sp.byToken[s]
	if !ok {
		idx = make([]*mention, s.to-s.from)
		ms := sp.d.in(s)
		for i := len(ms) - 1; i >= 0; i-- { // the first mention wins, as in mentionAt
			m := ms[i]
			if m.sent != s {
				continue
			}
			for j := max(m.from, s.from); j < m.to && j < s.to; j++ {
				idx[j-s.from] = m
			}
		}
		if sp.byToken == nil {
			sp.byToken = map[*sentence][]*mention{}
		}
		sp.byToken[s] = idx
	}
	return idx[k-s.from]
}

// people returns the article's people by lower-case surname.
func (sp *speech) people() map[string][]*entity {
	if sp.bySurname == nil && !sp.light {
		sp.bySurname = map[string][]*entity{}
		for _, e := range sp.d.ents {
			if e.kind == schema.Person && e.surname != "" && len(e.sents) > 0 {
				k := strings.ToLower(e.surname)
				sp.bySurname[k] = append(sp.bySurname[k], e)
			}
		}
	}
	return sp.bySurname
}

// rolesByWord returns the article's roles by each word of the role, in
// text order.
func (sp *speech) rolesByWord() map[string][]roleFact {
	if sp.byRoleWord == nil && !sp.light {
		sp.byRoleWord = map[string][]roleFact{}
		roles := append([]roleFact(nil), sp.d.roles...)
		sort.SliceStable(roles, func(i, j int) bool { return roles[i].sent.n < roles[j].sent.n })
		for _, r := range roles {
			seen := map[string]bool{}
			for _, w := range strings.Fields(strings.ToLower(r.role)) {
				if !seen[w] {
					seen[w] = true
					sp.byRoleWord[w] = append(sp.byRoleWord[w], r)
				}
			}
		}
	}
	return sp.byRoleWord
}

// findQuotations finds the article's quotations and their speakers.
func (d *doc) findQuotations() {
	d.mendCarriedQuotes()
	sp := d.newSpeech()
	var last []*entity
	lastPara := -10
	for pi, p := range d.paras {
		if p.head {
			continue
		}
		// A quotation left open at the end of the paragraph before may close
		// in this one without a fresh opening mark: "…for years. ¶ That has
		// to end,' the mayor said."
		contEnd, contSpk := -1, []*entity(nil)
		if pi > 0 {
			contEnd = d.continuationEnd(d.paras[pi-1], p)
			if contEnd >= 0 {
				contSpk = sp.speakerAfter(p, contEnd, nextOpenAfter(p, contEnd))
			}
		}
		// Each quotation's own cue, then the paragraph's: a cue serves every
		// quotation of its paragraph.
		own := make([][]*entity, len(p.quotes))
		for qi, q := range p.quotes {
			s := sentenceOf(p, q.open+markLen(p.text, q.open))
			if s == nil {
				continue
			}
			if q.closed {
				own[qi] = sp.speakerAfter(p, q.close, nextOpen(p, qi+1))
			} else if qi == len(p.quotes)-1 && pi+1 < len(d.paras) {
				// Open at the paragraph's end: the cue may follow where it closes.
				if end := d.continuationEnd(p, d.paras[pi+1]); end >= 0 {
					own[qi] = sp.speakerAfter(d.paras[pi+1], end, nextOpenAfter(d.paras[pi+1], end))
				}
			}
			if own[qi] == nil {
				own[qi] = sp.speakerBefore(s, q)
			}
			if own[qi] == nil {
				own[qi] = sp.accordingTo(s)
			}
		}
		narr := sp.narration(p, contEnd)
		var inPara []*entity
		lastAt := -1
		if contEnd >= 0 && contSpk == nil && last != nil && pi-lastPara <= 1 {
			contSpk = last
		}
		if contEnd >= 0 && isUnnamed(contSpk) {
			last, lastPara, inPara, lastAt = contSpk, pi, contSpk, contEnd
		} else if contEnd >= 0 && contSpk != nil {
			text := strings.Trim(strings.TrimSpace(p.text[:contEnd]), " ,")
			if s := sentenceOf(p, 0); s != nil && utf8.RuneCountInString(text) >= 2 {
				d.quotes = append(d.quotes, &quotation{para: p, span: quoteSpan{open: 0, close: contEnd, closed: true}, text: text, sent: s, speakers: contSpk})
				last, lastPara, inPara, lastAt = contSpk, pi, contSpk, contEnd
			}
		}
		if q, spk := sp.unmarked(p); spk != nil {
			// "Richard Roe said: The plan has failed." with no marks.
			if !isUnnamed(spk) {
				d.quotes = append(d.quotes, q)
			}
			last, lastPara, inPara, lastAt = spk, pi, spk, q.span.open
		}
		for qi, q := range p.quotes {
			if qi == 0 && q.open == contEnd {
				continue // the carried-on quotation's closing mark, read as an opening one
			}
			text := q.content(p.text)
			text = strings.Trim(text, " ,")
			if utf8.RuneCountInString(text) < 2 {
				continue
			}
			s := sentenceOf(p, q.open+markLen(p.text, q.open))
			if s == nil {
				continue
			}
			words := len(strings.Fields(text))
			standalone := qi == 0 && strings.TrimSpace(p.text[:q.open]) == ""
			spk := own[qi]
			if spk == nil && words >= 4 {
				// "'…,' he said. '…'": the cue serves both; so does a
				// reporting verb earlier in the paragraph ("Jones said the
				// plan would fail. '…'").
				if inPara != nil {
					spk = inPara
				} else if n := narr.before(q.open); n != nil {
					spk = n
				}
			}
			if spk == nil && standalone && words >= 4 {
				// "'…' ¶ '…,' she added.": a later cue of the paragraph.
				for _, o := range own[qi+1:] {
					if o != nil {
						spk = o
						break
					}
				}
			}
			if spk == nil && standalone && words >= 4 {
				// An uncued quotation paragraph continues the last speaker's words;
				// at the start of a run of quotations, the next cue tells who.
				if last != nil && pi-lastPara <= 3 {
					spk = last
				} else {
					spk = sp.nextCuedSpeaker(pi)
				}
			}
			if spk == nil && !standalone && words >= 3 && last != nil && pi-lastPara <= 2 && !titleCase(text) && !sp.cued(s) && !scareMarked(p, q) {
				// "The new authority will 'take charge of …'": words
				// of the speaker just heard, woven into a sentence with no
				// cue of its own.
				spk = last
			}
			if spk == nil {
				continue // scare quotes, titles, or an unknown speaker
			}
			last, lastPara, inPara, lastAt = spk, pi, spk, q.open
			if isUnnamed(spk) {
				continue // someone's words, but no one the article names
			}
			d.quotes = append(d.quotes, &quotation{para: p, span: q, text: text, sent: s, speakers: spk})
		}
		// Whoever a reporting verb after the paragraph's last quotation
		// names speaks next: "Jones says the plan is flawed. ¶ '…'".
		if n := narr.latest(); n != nil && n.at > lastAt {
			last, lastPara = n.who, pi
		}
	}
}

// unmarked reads a quotation some copy gives without marks, the rest of
// its paragraph after "X said:" when that rest opens with a capital and
// holds no quotation marks: "…, Richard Roe, said: The plan has failed."
func (sp *speech) unmarked(p *paragraph) (*quotation, []*entity) {
	t := p.toks
	for k := 0; k+2 < len(t); k++ {
		if t[k+1].text != ":" || !t[k+2].cap || t[k+2].quote >= 0 || isQuoteMarkStr(t[k+2].text) {
			continue
		}
		s := sentenceOf(p, t[k].start)
		if s == nil || !sp.d.cueVerb(s, k) || participle(t[k].lower) {
			continue
		}
		rest := p.text[t[k+2].start:]
		if strings.ContainsAny(rest, "\"“”‘«»") || len(strings.Fields(rest)) < 4 {
			return nil, nil
		}
		spk := sp.subjectOf(s, k)
		if spk == nil {
			return nil, nil
		}
		text := strings.TrimSpace(rest)
		return &quotation{para: p, span: quoteSpan{open: t[k+1].start, close: len(p.text)}, text: text, sent: sentenceOf(p, t[k+2].start), speakers: spk}, spk
	}
	return nil, nil
}

// cued reports whether sentence s has a speech cue of its own, resolved or
// not: a reporting verb with a subject ("the governor said") or "according
// to". An impersonal "it is expected that" is none.
func (sp *speech) cued(s *sentence) bool {
	if c, ok := sp.cuedSents[s]; ok {
		return c
	}
	c := sp.hasCue(s)
	if sp.cuedSents == nil {
		sp.cuedSents = map[*sentence]bool{}
	}
	sp.cuedSents[s] = c
	return c
}

func (sp *speech) hasCue(s *sentence) bool {
	t := s.para.toks
	for v := s.from; v < s.to; v++ {
		if t[v].quote < 0 && t[v].lower == "according" && v+1 < s.to && t[v+1].lower == "to" {
			return true
		}
		if !sp.d.cueVerb(s, v) {
			continue
		}
		near := v - 1
		for near >= s.from && adjoining[t[near].lower] {
			near--
		}
		if near < s.from || !impersonal[t[near].lower] {
			return true
		}
	}
	return false
}

var impersonal = map[string]bool{"it": true, "this": true, "that": true, "there": true, "which": true}

// scareMarked reports whether the words before quotation q mark it as a
// name or a scare quote rather than speech: "the so-called '…'", "known
// as", a determiner or possessive.
func scareMarked(p *paragraph, q quoteSpan) bool {
	before := strings.Fields(strings.ToLower(p.text[:q.open]))
	n := len(before)
	if n == 0 {
		return false
	}
	if before[n-1] == "so-called" || before[n-1] == "as" && n > 1 && (before[n-2] == "known" || before[n-2] == "billed") {
		return true
	}
	// "the government's 'levelling up agenda'", "a 'one-stop shop'": a
	// noun phrase named with a determiner is a label; speech woven into a
	// sentence follows a verb or "to" ("will 'take charge of …'").
	w := strings.TrimRight(before[n-1], ",;:")
	return determiners[w] && w != "of" || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'")
}

// titleCase reports whether every longer word of text is capitalised: a
// title or a name ("The Morning Hour Show"), not speech.
func titleCase(text string) bool {
	for _, w := range strings.Fields(text) {
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) > 3 && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// unnamed stands for a speaker a cue names in words the name reader did not
// take for a name ("Mrs Field said", "stated Zora Quibb-Vardy", "according
// to Statistics Westland"): the words are that speaker's, so they are given
// neither to the last speaker nor, carried on, to the next quotation. It
// never reaches the facts.
var unnamed = &entity{kind: schema.Person}

func isUnnamed(spk []*entity) bool { return len(spk) == 1 && spk[0] == unnamed }

// unnamedAt reports whether token k is a capitalised word of a name no
// mention covers: not a common word opening the sentence ("Officials
// said"), a day or month, or a word of a sentence's furniture.
func (sp *speech) unnamedAt(s *sentence, k int) bool {
	t := s.para.toks
	if k < s.from || k >= s.to || !t[k].word || !t[k].cap || sp.mention(s, k) != nil {
		return false
	}
	w := t[k].lower
	if nameStop[w] || sentenceWords[w] || w == "he" || w == "she" || w == "it" || w == "they" || w == "we" || w == "i" {
		return false
	}
	if k == s.from && sp.d.lex.common[w] && !sp.d.lex.isGiven(w) {
		return false
	}
	return true
}

// nextOpen returns the offset of quotation qi's opening mark in p, or the
// paragraph's length when there is none.
func nextOpen(p *paragraph, qi int) int {
	if qi < len(p.quotes) {
		return p.quotes[qi].open
	}
	return len(p.text)
}

// mendCarriedQuotes drops the quotation span that a paragraph seems to
// open with a straight mark when that mark closes a quotation carried on
// from the paragraph before ("\"We will appeal. ¶ Parents should worry,\"
// said Noel Byrne."): the words after it are the cue, not a quotation.
func (d *doc) mendCarriedQuotes() {
	for pi := 1; pi < len(d.paras); pi++ {
		p := d.paras[pi]
		if len(p.quotes) == 0 || d.continuationEnd(d.paras[pi-1], p) != p.quotes[0].open {
			continue
		}
		p.quotes = p.quotes[1:]
		for k := range p.toks {
			if p.toks[k].quote >= 0 {
				p.toks[k].quote--
			}
		}
	}
}

// sentenceOf returns the sentence of p holding byte offset off, as
// paragraph.sentenceAt does, by binary search: a paragraph of many
// quotations costs no more per quotation than one of few.
func sentenceOf(p *paragraph, off int) *sentence {
	if len(p.sents) == 0 {
		return nil
	}
	return p.sents[sentenceIndex(p, off)]
}

// sentenceIndex returns the index in p.sents of the sentence holding byte
// offset off, the last when none does; p must have a sentence.
func sentenceIndex(p *paragraph, off int) int {
	n := len(p.sents)
	i := sort.Search(n, func(i int) bool {
		s := p.sents[i]
		return s.to > s.from && off < p.toks[s.to-1].end
	})
	return min(i, n-1)
}

// tokenAfter returns the index of the first token of p starting after
// offset off.
func tokenAfter(p *paragraph, off int) int {
	return sort.Search(len(p.toks), func(k int) bool { return p.toks[k].start > off })
}

// nextOpenAfter returns the offset of the first quotation opening after
// offset at in p (one opening at at is the closing mark of a quotation
// carried on), or the paragraph's length.
func nextOpenAfter(p *paragraph, at int) int {
	for _, q := range p.quotes {
		if q.open > at {
			return q.open
		}
	}
	return len(p.text)
}

// continuationEnd returns where a quotation left open at the end of prev
// closes in p, when p carries it on without a fresh opening mark ("… for
// years. ¶ That has to end,' the mayor said."), or -1. The
// closing mark must follow the end of a clause (",", ".", "?", "!"), as it
// does in copy, so an apostrophe is not taken for it.
func (d *doc) continuationEnd(prev, p *paragraph) int {
	if len(prev.quotes) == 0 {
		return -1
	}
	q := prev.quotes[len(prev.quotes)-1]
	if q.closed {
		return -1
	}
	first := len(p.text)
	if len(p.quotes) > 0 {
		// A straight mark closing the carried-on quotation is read as an
		// opening one when the paragraph has no other: try it too.
		first = p.quotes[0].open + 1
	}
	prevR := ' '
	for i, r := range p.text {
		if i >= first {
			break
		}
		if i == 0 && isQuoteMark(r) {
			return -1 // a fresh opening mark: the usual way to carry on
		}
		closing := r == '\u201d' || r == '"' || r == '\u00bb'
		if q.single {
			closing = r == '\u2019' || r == '\''
		}
		if closing && strings.ContainsRune(",.?!", prevR) {
			n := i + utf8.RuneLen(r)
			if n >= len(p.text) || p.text[n] == ' ' {
				return i
			}
		}
		prevR = r
	}
	return -1
}

// nextCuedSpeaker looks ahead for the next quotation paragraph that says who
// spoke ("…," the letter added.).
func (sp *speech) nextCuedSpeaker(pi int) []*entity {
	d := sp.d
	for _, p := range d.paras[pi+1 : min(len(d.paras), pi+3)] {
		if spk := sp.firstCueAfter(p); spk != nil {
			return spk
		}
	}
	return nil
}

// firstCueAfter returns the speaker of the first cue that follows a
// quotation of p, read once a paragraph.
func (sp *speech) firstCueAfter(p *paragraph) []*entity {
	if spk, ok := sp.firstCue[p]; ok {
		return spk
	}
	var spk []*entity
	for qi, q := range p.quotes {
		if q.closed {
			if spk = sp.speakerAfter(p, q.close, nextOpen(p, qi+1)); spk != nil {
				break
			}
		}
	}
	if sp.firstCue == nil {
		sp.firstCue = map[*paragraph][]*entity{}
	}
	sp.firstCue[p] = spk
	return spk
}

// A narrated is a speaker a reporting verb outside quotation marks names,
// and where.
type narrated struct {
	who []*entity
	at  int
}

type narrations []narrated

// before returns the speaker of the last narration before offset at.
func (ns narrations) before(at int) []*entity {
	var who []*entity
	for _, n := range ns {
		if n.at < at {
			who = n.who
		}
	}
	return who
}

func (ns narrations) latest() *narrated {
	if len(ns) == 0 {
		return nil
	}
	return &ns[len(ns)-1]
}

// narration returns, for each sentence of p, the subject of its first
// reporting verb outside quotation marks: "Stone says the plan…", "A
// spokesman for the institute confirmed…", "…, says Stone."
func (sp *speech) narration(p *paragraph, from int) narrations {
	var out narrations
	for _, s := range p.sents {
		t := p.toks
		if s.to > s.from && t[s.from].start <= from {
			continue // the end of a quotation carried on from the paragraph before
		}
		if who := sp.accordingTo(s); len(who) == 1 && who[0].kind == schema.Person {
			// "According to Jane Roe, the plan …": she speaks next.
			out = append(out, narrated{who: who, at: t[s.from].start})
			continue
		}
		tried := 0
		for v := s.from; v < s.to && tried < 4; v++ {
			if !sp.d.cueVerb(s, v) {
				continue
			}
			tried++
			if who := sp.subjectOf(s, v); who != nil {
				out = append(out, narrated{who: who, at: t[v].start})
				break
			}
		}
	}
	return out
}

// cueVerb reports whether token k of s is a reporting verb used as one:
// outside quotation marks, not a capitalised word inside the sentence,
// which belongs to a name ("State Department", "Secretary of State"), nor
// a noun after a determiner ("the report said").
func (d *doc) cueVerb(s *sentence, k int) bool {
	t := s.para.toks
	tk := t[k]
	if tk.quote >= 0 || !tk.word || !d.lex.verbs[tk.lower] {
		return false
	}
	if tk.cap && (k != s.from || k+1 < s.to && t[k+1].cap) {
		return false
	}
	// "the report", "his claims", "a call": a noun; so is a form right
	// after another reporting verb ("says reports it will close").
	if k == s.from || determiners[t[k-1].lower] {
		return k == s.from
	}
	p := k - 1
	verbBefore := d.lex.verbs[t[p].lower] && t[p].quote < 0 && !t[p].cap && (p == s.from || !determiners[t[p-1].lower])
	return !verbBefore
}

// subordinators open a clause that comes before the sentence's subject.
var subordinators = map[string]bool{"while": true, "although": true, "though": true, "as": true, "after": true,
	"when": true, "if": true, "because": true, "since": true, "despite": true, "with": true, "in": true,
	"before": true, "once": true, "unless": true, "whereas": true, "following": true, "during": true}

func isDash(s string) bool { return s == "-" || s == "\u2013" || s == "\u2014" }

// participle reports whether a verb form is a present participle: "saying",
// "adding".
func participle(w string) bool { return strings.HasSuffix(w, "ing") }

// fronted reports whether the verb at token v is a participle opening its
// sentence, alone or after a subordinator or preposition ("Announcing the
// plans, …", "After announcing the cuts, …", "In announcing …"): a
// participial clause before the main one, whose subject comes after it.
func fronted(s *sentence, v int) bool {
	t := s.para.toks
	if !participle(t[v].lower) || t[v].quote >= 0 {
		return false
	}
	k := s.from
	for k < v && isQuoteMarkStr(t[k].text) && t[k].quote < 0 {
		k++ // a closing mark carried over from the sentence before
	}
	return v == k || v == k+1 && (subordinators[t[k].lower] || prepositions[t[k].lower])
}

// speakerAfter reads a cue that follows a quotation closing at offset close,
// up to offset stop (the next quotation's opening): ", said X", ", X said",
// ", he added", ", said a spokesperson for X", ", the letter added", ",
// X, Minister of Health."
func (sp *speech) speakerAfter(p *paragraph, close, stopAt int) []*entity {
	d := sp.d
	t := p.toks
	k := tokenAfter(p, close)
	stop := max(k, tokenAfter(p, stopAt-1))
	for k < stop && (t[k].text == "," || isQuoteMarkStr(t[k].text)) {
		k++
	}
	if k >= stop {
		return nil
	}
	s := sentenceOf(p, t[k].start)
	if s == nil {
		return nil
	}
	// VERB NP: "said Jane Roe", "said a DH spokesperson". Not ", saying …",
	// whose subject is the sentence's.
	if d.cueVerb(s, k) {
		if participle(t[k].lower) {
			return nil
		}
		return sp.speakerNP(s, k+1, min(stop, k+12))
	}
	// NP VERB: "Jane Roe said", "he added", "the letter added"; across an
	// appositive after a name ("Lena Brooks, a member of the college's
	// council, its governing body, told the Courier").
	reach := k + 8
	n := k // where the name starts, after a title ("Professor", "Dr.") or a word the name reader left out
	for n < stop && n < k+3 && sp.mention(s, n) == nil && (d.isTitle(t[n].lower) || t[n].cap && t[n].word || n > k && t[n].text == ".") {
		n++
	}
	if m := sp.mention(s, n); m != nil && m.from == n && m.ent != nil && m.ent.kind == schema.Person && m.to < len(t) && t[m.to].text == "," {
		reach = k + maxReach/2
	}
	for j := k; j < stop && j < reach; j++ {
		if t[j].text == "." && j > k && (abbreviations[t[j-1].lower] || len(t[j-1].text) == 1 && t[j-1].cap) {
			continue // "Anna T. Okonjo said", "Prof. Lee said"
		}
		if j > k && d.cueVerb(sentenceOf(p, t[j].start), j) {
			if participle(t[j].lower) {
				return nil
			}
			if conjunctionsOnly(t[k:j]) {
				// "X praised it as a '…' but said …": the sentence's subject
				// speaks both.
				return sp.subjectOf(s, j)
			}
			return sp.speakerNP(s, k, j)
		}
		if t[j].text == "." || t[j].text == ";" {
			break
		}
	}
	// "'…,' Ines Cole, Minister of Transport.": a name and its role, no verb,
	// closing the paragraph as a caption does.
	if k > 0 && (t[k-1].text == "," || strings.HasSuffix(strings.TrimSpace(p.text[:close]), ",")) {
		if m := sp.mention(s, k); m != nil && m.from == k && m.ent != nil && m.ent.kind == schema.Person {
			if m.to >= s.to || t[m.to].text == "," && s.to == len(t) || t[m.to].text == "." && m.to+1 >= len(t) {
				return []*entity{m.ent}
			}
		}
	}
	return nil
}

// isTitle reports whether w (lower case) is an honorific of the lexicon.
func (d *doc) isTitle(w string) bool {
	_, ok := d.lex.titles[w]
	return ok
}

// conjunctionsOnly reports whether toks join two verbs of one subject: "but",
// "- and", ", yet".
func conjunctionsOnly(toks []token) bool {
	conj := false
	for _, tk := range toks {
		switch tk.lower {
		case "but", "and", "yet":
			conj = true
		case ",", "-", "\u2013", "\u2014", "also", "then", "later":
		default:
			return false
		}
	}
	return conj
}

// speakerNP resolves the noun phrase in tokens [from, to) to its speakers.
func (sp *speech) speakerNP(s *sentence, from, to int) []*entity {
	d := sp.d
	if s == nil {
		return nil
	}
	t := s.para.toks
	if to > len(t) {
		to = len(t)
	}
	for k := from; k < to; k++ {
		if t[k].text == "." && k > from && (abbreviations[t[k-1].lower] || len(t[k-1].text) == 1 && t[k-1].cap) {
			continue // "said Sen. Maria Delgado"
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
	// The mentions of the sentences the phrase spans (a cue after "?" may
	// begin the next sentence), not of the whole paragraph.
	for k := from; k < to; k++ {
		m := sp.mention(sentenceOf(s.para, t[k].start), k)
		if m == nil || m.from != k || m.ent == nil {
			continue
		}
		if m.ent.kind == schema.Person {
			return []*entity{m.ent}
		}
		if org == nil && !governedWithin(s, m.from, from, npPrepositions) {
			org = m.ent
		}
	}
	if org == nil {
		// "says Stone": a surname the name reader passed over.
		if e := sp.surname(s, from); e != nil {
			return []*entity{e}
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
		if k == from && w == "it" {
			// "…, it said.": the writing or body that spoke last.
			return sp.lastBody
		}
		if (k == from || k == from+1) && t[k].lower != "the" && k > from && t[k-1].lower == "the" {
			if e := d.shortForm(s, w); e != nil {
				org = e
			}
		}
	}
	if org != nil {
		sp.lastBody = []*entity{org}
		return []*entity{org}
	}
	if t[from].lower == "the" || t[from].cap && from+1 < to {
		// "…, the governor said": the person last given that role.
		if e := sp.roleHolder(s, from, to); e != nil {
			return []*entity{e}
		}
	}
	if spokes && t[from].lower != "the" || spokes && from+1 < to && spokesWords[t[from+1].lower] {
		// "A spokesman said": for the body the story last spoke of.
		if e := d.lastOrgBefore(s); e != nil {
			return []*entity{e}
		}
		for _, m := range d.in(s) {
			if m.sent == s && m.from < from && m.ent != nil && m.ent.kind == schema.Organization && !m.ent.class {
				org = m.ent
			}
		}
		if org != nil {
			return []*entity{org}
		}
	}
	if doc {
		if sig := sp.documentSpeakers(); len(sig) > 0 {
			sp.lastBody = sig
			return sig
		}
	}
	if sp.unnamedAt(s, from) {
		return []*entity{unnamed} // "stated Quibb-Vardy, the education secretary"
	}
	return nil
}

// surname returns the person of the article whose surname is the
// capitalised word at token k, the one mentioned last before it when two
// share it.
func (sp *speech) surname(s *sentence, k int) *entity {
	t := s.para.toks
	if k >= s.to || !t[k].cap || !t[k].word || t[k].acronym && strings.ToUpper(t[k].text) == t[k].text {
		return nil // an acronym, though "McAllister" with its two capitals is a surname
	}
	var best *entity
	bestN := -1
	for _, e := range sp.people()[t[k].lower] {
		n := 0
		for m := range e.sents {
			if m <= s.n && m > n {
				n = m
			}
		}
		if n > bestN {
			best, bestN = e, n
		}
	}
	return best
}

// roleHolder resolves a role written in place of a name, "the health
// minister", "the Governor", "The East Antrim MLA" in tokens [from, to),
// to the person last given that role.
func (sp *speech) roleHolder(s *sentence, from, to int) *entity {
	t := s.para.toks
	k := from
	if t[k].lower == "the" {
		k++
	}
	head := -1
	for ; k < to; k++ {
		w := t[k].lower
		switch {
		case sp.d.lex.roleHeads[w] || roleAbbrev[w]:
			head = k
		case sp.d.lex.roleMods[w] || t[k].cap && sp.mention(s, k) == nil || t[k].text == "-":
		default:
			k = to
		}
	}
	if head < 0 || head+1 < to && t[head+1].word {
		return nil
	}
	rs := sp.rolesByWord()[t[head].lower]
	// The last role given before the sentence; of those, one whose role
	// holds the modifiers written ("health minister", not "minister").
	i := sort.Search(len(rs), func(i int) bool { return rs[i].sent.n > s.n }) - 1
	var fallback *entity
	for stop := max(0, i-50); i >= stop; i-- {
		r := strings.ToLower(rs[i].role)
		all := true
		for j := from; j < head; j++ {
			if w := t[j].lower; w != "the" && sp.d.lex.roleMods[w] && !strings.Contains(r, w) {
				all = false
			}
		}
		if all {
			return rs[i].person
		}
		if fallback == nil {
			fallback = rs[i].person
		}
	}
	return fallback
}

// roleBefore returns the token of the role head that governs the name
// starting at token k ("chair of the X", "head at X"), or -1; a
// spokesperson speaks for the body and is not such a role.
func (sp *speech) roleBefore(s *sentence, k int) int {
	t := s.para.toks
	j := articleBefore(s, k)
	if j <= s.from || !(t[j].lower == "of" || t[j].lower == "at") {
		return -1
	}
	h := j - 1
	if !sp.d.lex.roleHeads[t[h].lower] || spokesWords[t[h].lower] {
		return -1
	}
	return h
}

// bodyRoleHolder returns the person the article gives the role whose head
// is token h of s at body: the last before s, else the first after ("The
// chair of X says …" in a standfirst, "Orla Keane, chair of X," further on).
func (sp *speech) bodyRoleHolder(s *sentence, h int, body *entity) *entity {
	var before, after *entity
	for _, r := range sp.rolesByWord()[s.para.toks[h].lower] {
		switch {
		case r.org == nil || r.org != body && !strings.HasSuffix(strings.ToLower(body.name), " "+strings.ToLower(r.org.name)):
			// "the arts council" is the Westmeath Arts Council.
		case r.sent.n <= s.n:
			before = r.person
		case after == nil:
			after = r.person
		}
	}
	if before != nil {
		return before
	}
	return after
}

// speakerBefore finds the subject of the reporting verb before the quotation
// in its sentence: "Burstow said most had not '…'", "He said: '…'".
func (sp *speech) speakerBefore(s *sentence, q quoteSpan) []*entity {
	// The last cue verb before the opening mark, looking back no further
	// than a cue can stand from its quotation (so a sentence of many
	// quotations costs no more per quotation than one of few).
	open := tokenAfter(s.para, q.open-1)
	for k := min(open, s.to) - 1; k >= s.from && k >= open-maxReach; k-- {
		if sp.d.cueVerb(s, k) {
			return sp.subjectOf(s, k)
		}
	}
	return nil
}

// maxReach bounds, in tokens, how far a cue is looked for from its
// quotation and a subject from its verb.
const maxReach = 80

// subjectOf returns who did the reporting verb at token v: the person named
// nearest before it, a pronoun, or a body; "said X" when nothing precedes.
func (sp *speech) subjectOf(s *sentence, v int) (spk []*entity) {
	d := sp.d
	t := s.para.toks
	if fronted(s, v) {
		// "Announcing the plans to abolish X, he said:": the participle's
		// subject is the main clause's, whose own verb names it; its object
		// is no speaker.
		return nil
	}
	if v > s.from && t[v-1].lower == "to" {
		// "wrote to the minister to warn …": the subject of the verb the
		// infinitive depends on, if it is a reporting verb.
		for u := v - 2; u > s.from; u-- {
			if d.cueVerb(s, u) && t[u-1].lower != "to" {
				return sp.subjectOf(s, u)
			}
		}
	}
	if c := coordinated(s, v); c >= 0 {
		// "She said …, but warned that …", "…, saying …": the subject of
		// the clause before.
		for u := c - 1; u >= s.from; u-- {
			if d.cueVerb(s, u) && coordinated(s, u) < 0 {
				return sp.subjectOf(s, u)
			}
		}
		return sp.sentenceSubject(s, c)
	}
	if v-1 >= s.from && t[v-1].text == "," {
		// "Andrew Cozens, strategic adviser … for the Agency, said": the
		// subject stands before the appositive; not a name a preposition
		// governs ("handing the keys to Agnes Poole, a volunteer, Crane said").
		for k := max(s.from, v-maxReach); k < v-1; k++ {
			m := sp.mention(s, k)
			if m == nil {
				continue
			}
			if m.from == k && m.to < v-1 && (t[m.to].text == "," || t[m.to].text == "(") && m.ent != nil && m.ent.kind == schema.Person &&
				!governed(s, m.from, npPrepositions) {
				return []*entity{m.ent}
			}
			k = max(k, m.to-1)
		}
	}
	// The words right before the verb: "the health minister said", "Stone
	// says".
	near := v - 1
	for near >= s.from && (adjoining[t[near].lower] || strings.HasSuffix(t[near].lower, "ly") && !t[near].cap) {
		near--
	}
	from := v - 1  // where the walk back to the subject starts
	paren := false // a parenthesis describing the subject ends right before the verb
	if near > s.from && (isDash(t[near].text) || t[near].text == ",") {
		// "McAllister - a former minister - said",
		// "Linda Roe, the education secretary, said": the subject stands
		// before the parenthesis, and the parenthesis' names are not it.
		for j := near - 1; j > s.from; j-- {
			if t[j].quote >= 0 || t[j].text == ";" {
				break
			}
			if t[j].text == t[near].text {
				if isDash(t[j].text) || j+1 < near && (modifierClause(t[j+1:near]) || sp.describes(s, j+1, near)) {
					// "The review, commissioned by X, had called for",
					// "Labour, the main party in the Assembly, said": the
					// names of a clause or a phrase that describes the
					// subject are not it either.
					from, paren = j-1, true
				}
				near = j - 1
				break
			}
		}
	}
	if near >= s.from && sp.mention(s, near) == nil {
		if e := sp.surname(s, near); e != nil {
			return []*entity{e}
		}
		defer func() {
			// "Mrs Field said", "Stone said" with no Stone in the article: a
			// name, but not one read as one.
			if spk == nil && sp.unnamedAt(s, near) && !d.lex.roleHeads[t[near].lower] {
				spk = []*entity{unnamed}
			}
		}()
		if d.lex.roleHeads[t[near].lower] || roleAbbrev[t[near].lower] {
			start := near
			for start > s.from && (d.lex.roleMods[t[start-1].lower] || d.lex.roleHeads[t[start-1].lower] || t[start-1].cap && sp.mention(s, start-1) == nil && !sentenceWords[t[start-1].lower]) {
				start--
			}
			if start > s.from && t[start-1].lower == "the" {
				if e := sp.roleHolder(s, start-1, near+1); e != nil {
					return []*entity{e}
				}
			}
		}
	}
	for k := from; k >= s.from && k >= v-maxReach; k-- {
		if t[k].quote >= 0 {
			break
		}
		if t[k].text == ")" {
			// "Declan Moran (Fianna Fáil), who …, said": a party or place
			// in brackets is not the subject.
			for k > s.from && t[k].text != "(" {
				k--
			}
			continue
		}
		w := t[k].lower
		if w == "he" || w == "she" {
			if e := d.pronoun(s, k, w); e != nil {
				return []*entity{e}
			}
			return nil
		}
		if w == "it" && k == v-1 && sp.lastBody != nil {
			return sp.lastBody
		}
		if m := sp.mention(s, k); m != nil && m.ent != nil {
			if m.ent.kind == schema.Person && governed(s, m.from, npPrepositions) {
				// "wrote to Andrew Keel to warn": an object, not the subject.
				k = m.from
				continue
			}
			if m.ent.kind == schema.Person {
				return []*entity{m.ent}
			}
			// A body is the subject only when nothing but its modifiers lies between.
			// "A spokesman for X, which represents …, said": the clause
			// describing X adjoins it to the verb.
			if !m.ent.class && (paren && m.to == from+1 || gapOutsideBrackets(t, m.to, v) <= 2 && sp.adjoins(s, m.to, v)) {
				// "Morag Ellis of the Glenmore Police warned": the body says
				// where the person works.
				if governed(s, m.from, prepositions) {
					if p := sp.personBefore(s, m.from-1); p != nil {
						return []*entity{p}
					}
					if h := sp.roleBefore(s, m.from); h >= 0 {
						// "The chair of the Arts Council says": the chair
						// speaks, named here or further on, not the council.
						if e := sp.bodyRoleHolder(s, h, m.ent); e != nil {
							return []*entity{e}
						}
						return []*entity{unnamed}
					}
				}
				return []*entity{m.ent}
			}
			k = m.from
			continue
		}
		if k > s.from && t[k-1].lower == "the" {
			if e := d.shortForm(s, w); e != nil && v-k <= 2 {
				return []*entity{e}
			}
		}
		if documentWords[w] && k > s.from && t[k-1].lower == "the" && v-k <= 2 {
			if sig := sp.documentSpeakers(); len(sig) > 0 {
				sp.lastBody = sig
				return sig
			}
		}
	}
	// "The Bench Society, which represents 12,000 magistrates, said": the body
	// that opens the sentence.
	for _, m := range d.in(s) {
		if m.sent == s && m.ent != nil && m.from < v {
			// Only when a comma closes its name, as before a relative clause:
			// in "X will be merged into Y, the ministry announced" X is the
			// subject of another verb.
			if m.from <= s.from+1 && opensClause(t[m.to:v]) && (m.ent.kind == schema.Organization && !m.ent.class || m.ent.kind == schema.Person) {
				return []*entity{m.ent}
			}
			break
		}
	}
	// "said a spokesperson for the department", "…, says Stone": only when
	// nothing of the clause stands before the verb (a comma closing the
	// subject's parenthesis is no such edge).
	if v == s.from || !t[v-1].word && !paren {
		return sp.speakerNP(s, v+1, min(s.to, v+10))
	}
	return nil
}

// modifierClause reports whether the tokens between two commas are a
// clause that modifies the noun before them, a past participle's (",
// commissioned by X,", ", written in 2015,") or a relative one (", which X
// chaired,", ", who replaced X,"), rather than an appositive naming it (", the chair,", ", Jane
// Roe,").
func modifierClause(toks []token) bool {
	if len(toks) < 2 || toks[0].cap || !toks[0].word {
		return false
	}
	w := toks[0].lower
	switch {
	case w == "which" || w == "that" || w == "whose" || w == "who" || w == "whom":
		return true
	case strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en"):
		return toks[1].lower == "by" || toks[1].lower == "in" || toks[1].lower == "for" || toks[1].lower == "last" || toks[1].lower == "after"
	}
	return false
}

// describes reports whether tokens [from, to) of s are an appositive that
// describes the noun before it without naming a person: "the main
// opposition party in the Assembly", "a former minister" (but not "the
// education secretary Linda Roe", nor a name: "the Festivals Network").
func (sp *speech) describes(s *sentence, from, to int) bool {
	t := s.para.toks
	if w := t[from].lower; w != "the" && w != "a" && w != "an" {
		return false
	}
	if m := sp.mention(s, from+1); m != nil && m.from == from+1 {
		return false
	}
	for k := from; k < to; k++ {
		if t[k].quote >= 0 {
			return false
		}
		if m := sp.mention(s, k); m != nil && m.ent != nil && m.ent.kind == schema.Person {
			return false
		}
	}
	return true
}

// opensClause reports whether the tokens between a name opening the
// sentence and a verb leave the name its subject: the rest of its name and
// an acronym ("Justice Managers (AYJM) also"), or a comma before a relative
// or appositive clause ("The Bench Society, which …,"); not another verb's
// words ("X will be merged into Y, the ministry announced").
func opensClause(toks []token) bool {
	for _, tk := range toks {
		switch {
		case tk.text == ",":
			return true
		case tk.cap || tk.acronym || tk.text == "(" || tk.text == ")" || adjoining[tk.lower]:
		default:
			return false
		}
	}
	return true
}

// governed reports whether the name starting at token k follows one of
// preps, with or without an article: "of the Public Service Commission",
// "to Agnes Poole".
func governed(s *sentence, k int, preps map[string]bool) bool {
	j := articleBefore(s, k)
	return j >= s.from && preps[s.para.toks[j].lower]
}

// articleBefore returns the token before the name starting at token k,
// passing over an article or a possessive ("of the Trust", "of Westland's
// Arts Forum").
func articleBefore(s *sentence, k int) int {
	t := s.para.toks
	j := k - 1
	if j > s.from && t[j].poss && t[j].cap {
		j--
	}
	if j > s.from && (t[j].lower == "the" || t[j].lower == "a" || t[j].lower == "an") {
		j--
	}
	return j
}

// governedWithin is governed for a name inside a noun phrase starting at
// token from: the preposition must lie inside it too ("according to the
// Trust" does not govern "the Trust" of the phrase after "to").
func governedWithin(s *sentence, k, from int, preps map[string]bool) bool {
	t := s.para.toks
	j := k - 1
	if j > from && (t[j].lower == "the" || t[j].lower == "a" || t[j].lower == "an") {
		j--
	}
	return j >= from && j >= s.from && preps[t[j].lower]
}

// gapOutsideBrackets counts the tokens of [from, to) outside brackets: "the
// Utility Workers' Union (UWU) warned" has none between the name and its
// verb.
func gapOutsideBrackets(t []token, from, to int) int {
	n, depth := 0, 0
	for k := from; k < to; k++ {
		switch {
		case t[k].text == "(":
			depth++
		case t[k].text == ")":
			depth = max(0, depth-1)
		case depth == 0:
			n++
		}
	}
	return n
}

// adjoins reports whether tokens [from, to) may stand between a body and
// its verb: adverbs, auxiliaries, "spokesman" ("A DH spokesman said").
func (sp *speech) adjoins(s *sentence, from, to int) bool {
	t := s.para.toks
	for k := from; k < to; k++ {
		w := t[k].lower
		if !(adjoining[w] || spokesWords[w] || strings.HasSuffix(w, "ly") || sp.d.lex.roleHeads[w] || sp.d.lex.roleMods[w] ||
			sp.d.lex.orgHeads[w] || sp.d.lex.orgClass[w] ||
			t[k].text == "," || t[k].text == "(" || t[k].text == ")" || t[k].acronym) {
			return false
		}
	}
	return true
}

// personBefore returns the person named in the noun phrase that ends at
// token k ("Deputy Chief Constable Morag Ellis" before "of …"), stopping at
// a clause's edge.
func (sp *speech) personBefore(s *sentence, k int) *entity {
	t := s.para.toks
	for j := k - 1; j >= s.from; j-- {
		if t[j].quote >= 0 || t[j].text == "," || t[j].text == ";" || sp.d.cueVerb(s, j) {
			return nil
		}
		if m := sp.mention(s, j); m != nil && m.ent != nil && m.ent.kind == schema.Person {
			return m.ent
		}
	}
	return nil
}

// coordinated returns, for a verb that shares the subject of the clause
// before it, the token where its own clause begins: "…, saying", "but
// warned", "and added", "before adding"; -1 otherwise.
func coordinated(s *sentence, v int) int {
	t := s.para.toks
	p := v - 1
	for p > s.from && (t[p].lower == "also" || t[p].lower == "later" || t[p].lower == "then") {
		p--
	}
	if p <= s.from {
		return -1
	}
	switch t[p].lower {
	case "but", "and", "yet":
		return p
	case ",", "before", "after", "while", "when", "by":
		if participle(t[v].lower) {
			return p
		}
	}
	if participle(t[v].lower) && isQuoteMarkStr(t[p].text) && t[p].quote < 0 {
		// "…'punish small lenders,' saying …": the comma inside the marks.
		return p
	}
	return -1
}

// sentenceSubject returns who opens the sentence as its subject before
// token limit: "Ann Vale, the council's chief executive, praised …",
// "Party Leader Tom Reyes included …", "She …".
func (sp *speech) sentenceSubject(s *sentence, limit int) []*entity {
	d := sp.d
	t := s.para.toks
	var org *entity
	from := s.from
	if c := openingPhrase(s, limit); c > 0 {
		from = c // "By contrast, Professor Jo Roe has backed …, saying"
	} else if subordinators[t[s.from].lower] {
		return nil // "While the guidance says …, leaders have written": the subject is further on
	}
	for k := from; k < limit; k++ {
		tk := t[k]
		if tk.quote >= 0 || isQuoteMarkStr(tk.text) {
			return nil
		}
		if tk.lower == "he" || tk.lower == "she" {
			if e := d.pronoun(s, k, tk.lower); e != nil {
				return []*entity{e}
			}
			return nil
		}
		if m := sp.mention(s, k); m != nil && m.ent != nil {
			if m.ent.kind == schema.Person {
				return []*entity{m.ent}
			}
			if org == nil && !m.ent.class {
				org = m.ent
			}
			k = m.to - 1
			continue
		}
		if tk.cap || sentenceWords[tk.lower] || d.lex.roleHeads[tk.lower] || d.lex.roleMods[tk.lower] || d.lex.orgHeads[tk.lower] || tk.poss {
			continue
		}
		break
	}
	if org != nil {
		return []*entity{org}
	}
	return nil
}

// openingWords open a short adverbial phrase before a sentence's subject:
// "By contrast,", "In a statement,", "On Monday,", "Meanwhile,".
var openingWords = map[string]bool{"by": true, "in": true, "on": true, "at": true, "for": true, "meanwhile": true,
	"however": true, "instead": true, "separately": true, "earlier": true, "later": true, "yesterday": true, "today": true,
	"last": true, "this": true, "but": true, "and": true, "also": true, "still": true, "now": true}

// openingPhrase returns where the clause begins after a short phrase that
// opens sentence s with a comma and names no one ("By contrast, X …",
// "On Monday, X …"), or 0 when there is none before token limit.
func openingPhrase(s *sentence, limit int) int {
	t := s.para.toks
	if !openingWords[t[s.from].lower] {
		return 0
	}
	for k := s.from + 1; k < limit && k <= s.from+4; k++ {
		switch {
		case t[k].text == ",":
			return k + 1
		case !t[k].word || t[k].quote >= 0 || t[k].cap:
			return 0
		}
	}
	return 0
}

// accordingTo reads "…, according to care services minister Paul Burstow".
func (sp *speech) accordingTo(s *sentence) []*entity {
	t := s.para.toks
	for k := s.from; k+1 < s.to; k++ {
		if t[k].lower == "according" && t[k+1].lower == "to" && t[k].quote < 0 {
			return sp.speakerNP(s, k+2, s.to)
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
	// The mentions are in text order: search for the pronoun's place, then
	// walk back. A name inside quotation marks is what someone said, not
	// who is speaking.
	// A referent further back than a few hundred names is no referent.
	seen := 0
	for m := range d.back(s, k) {
		if seen++; seen > 300 {
			break
		}
		if m.ent != nil && m.ent.kind == schema.Person && (m.ent.gender == "" || m.ent.gender == want) && m.sent.para.toks[m.from].quote < 0 {
			return m.ent
		}
	}
	return nil
}

// shortForm resolves "the confederation", "the college" to the body named
// most recently whose name holds that word.
func (d *doc) shortForm(s *sentence, w string) *entity {
	if !d.lex.orgHeads[w] && !d.lex.orgClass[w] {
		return nil
	}
	var best *entity
	for m := range d.back(s, s.to) {
		if m.ent != nil && m.ent.kind == schema.Organization && !m.ent.class && hasWord(m.ent.name, w) {
			best = m.ent
			break
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
// signed by A, chair of X; B, leader of Y", "Its signatories are A and B".
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
			// "The letter's lead signatories are A, B and C".
			if (t[k].lower == "signatories" || t[k].lower == "signatory") && t[k].quote < 0 {
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
