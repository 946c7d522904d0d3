package synth

import (
	"bytes"
	"strconv"
	"strings"
	"time"
)

type quoteMarks struct{ open, close string }

// markStyles are the quotation mark styles of news English; an article
// keeps one, as a house style does.
var markStyles = []quoteMarks{{`"`, `"`}, {"\u201c", "\u201d"}, {"'", "'"}, {"\u2018", "\u2019"}}

// firstDate is the start of the ten years articles are dated in.
var firstDate = time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)

type castMember struct {
	p          int
	org        int // -1 when the role names no organisation
	role       string
	introduced bool
	quoted     bool
	stance     int8 // +1 supports, -1 opposes, 0 not yet said
}

type orgState struct {
	oi      int
	named   bool
	defined bool // acronym defined in this article
	stance  int8
}

type reform struct {
	kind     string
	affects  []int
	gains    int // -1 when none
	agent    int // cast index of a minister, -1 when none
	agentOrg int // department, -1 when none
	stated   bool
}

// article is the state of one article being written: the output buffer,
// the truth so far, and who and what has been introduced.
type article struct {
	w         *world
	r         *rng
	name      string
	b         []byte
	words     int
	facts     []Fact
	marks     quoteMarks
	subj      string
	date      time.Time
	outlet    string
	honorific bool
	cast      []castMember
	orgs      []orgState
	extra     []org // bodies the article creates, not in the world
	reforms   []reform
	last      int // cast index of the person last named, -1 for none
	lastQuote int // cast index of the speaker of the paragraph just written, -1
	signed    bool
	truth     bool // facts are wanted; without them none are kept

	usedFiller, usedQuote uint64 // templates used, see fresh
}

func (a *article) org(oi int) *org {
	if oi >= len(a.w.orgs) {
		return &a.extra[oi-len(a.w.orgs)]
	}
	return &a.w.orgs[oi]
}

// write appends the article for (seed, i) to buf and returns it with the
// article's truth.
func (w *world) write(seed int64, i int, name string, o *options, buf []byte) ([]byte, []Fact) {
	r := newRNG(seed, uint64(i))
	a := &article{w: w, r: r, name: name, b: buf, last: -1, lastQuote: -1, truth: o.truth != nil}
	a.plan()
	head := a.headline()
	target := o.minWords + r.intn(o.maxWords-o.minWords+1)

	if r.percent(o.frontMatter) {
		a.frontMatter(head)
	} else {
		a.b = append(a.b, head...)
	}
	a.fact(Fact{Kind: "article", Name: head, Date: a.date.Format("2006-01-02")})

	if r.percent(10) {
		p := &w.people[r.skewed(len(w.people))]
		a.para(func() { a.s("By "); a.s(p.name()) })
		a.fact(Fact{Kind: "byline", Name: p.name()})
	}
	a.para(func() {
		a.reformSentence(0)
		if r.percent(50) {
			a.sp()
			a.filler()
		}
	})
	if r.percent(15) {
		// A standfirst repeated as the first paragraph, as some sites print it.
		end := len(a.b)
		start := bytes.LastIndex(a.b[:end], []byte("\n\n"))
		a.b = append(a.b, a.b[start:end]...)
		a.words += countWords(a.b[end:])
	}
	for a.words < target {
		a.paragraph()
	}
	a.furniture()
	if a.truth {
		// The article fact carries the body's word count, known only now.
		a.facts[0].Words = a.words
		for k := range a.facts {
			a.facts[k].Article = name
		}
	}
	return a.b, a.facts
}

// plan picks the article's subject, reforms, cast and house style.
func (a *article) plan() {
	w, r := a.w, a.r
	a.date = firstDate.AddDate(0, 0, r.intn(3653))
	a.outlet = w.outlets[r.intn(len(w.outlets))]
	a.honorific = r.percent(40)
	switch x := r.intn(100); {
	case x < 35:
		a.marks = markStyles[0]
	case x < 70:
		a.marks = markStyles[1]
	case x < 85:
		a.marks = markStyles[2]
	default:
		a.marks = markStyles[3]
	}
	main := w.public[r.skewed(len(w.public))]
	a.subj = w.orgs[main].subject
	if a.subj == "" {
		a.subj = r.pick(subjects)
	}
	a.reforms = append(a.reforms, a.newReform(main))
	if r.percent(30) {
		a.reforms = append(a.reforms, a.newReform(w.public[r.intn(len(w.public))]))
	}
	for _, oi := range []int{main, a.reforms[0].gains} {
		if oi >= 0 && oi < len(w.orgs) && len(w.orgs[oi].people) > 0 && r.percent(60) {
			ppl := w.orgs[oi].people
			a.addCast(ppl[r.intn(len(ppl))])
		}
	}
	for n := 2 + r.intn(4); len(a.cast) < n; {
		a.addCast(r.skewed(len(w.people)))
	}
}

func (a *article) newReform(affected int) reform {
	w, r := a.w, a.r
	rf := reform{affects: []int{affected}, gains: -1, agent: -1, agentOrg: -1}
	switch x := r.intn(100); {
	case x < 25:
		rf.kind = "abolition"
	case x < 40:
		rf.kind = "replacement"
	case x < 60:
		rf.kind = "transfer"
	case x < 75:
		rf.kind = "merger"
	case x < 85:
		rf.kind = "creation"
	default:
		rf.kind = "reduction"
	}
	other := func() int {
		for {
			if oi := w.public[r.intn(len(w.public))]; oi != affected {
				return oi
			}
		}
	}
	switch rf.kind {
	case "replacement", "transfer":
		rf.gains = other()
	case "merger":
		rf.affects = append(rf.affects, other())
	case "creation":
		a.extra = append(a.extra, w.makeOrg(r, kindAgency))
		rf.affects = []int{len(w.orgs) + len(a.extra) - 1}
	}
	switch x := r.intn(100); {
	case x < 45:
		rf.agentOrg = w.depts[r.skewed(len(w.depts))]
	case x < 70:
		d := w.depts[r.skewed(len(w.depts))]
		if ppl := w.orgs[d].people; len(ppl) > 0 {
			rf.agent = a.addCast(ppl[r.intn(len(ppl))])
		} else {
			rf.agentOrg = d
		}
	}
	return rf
}

// addCast adds a person to the article once and returns their cast index.
func (a *article) addCast(pi int) int {
	for k := range a.cast {
		if a.cast[k].p == pi {
			return k
		}
	}
	p := &a.w.people[pi]
	m := castMember{p: pi, org: p.org, role: p.role}
	if p.org2 >= 0 && a.r.percent(40) {
		m.org, m.role = p.org2, p.role2
	}
	a.cast = append(a.cast, m)
	return len(a.cast) - 1
}

func (a *article) fact(f Fact) {
	if a.truth {
		a.facts = append(a.facts, f)
	}
}

// text returns what was written from start, when the truth needs it.
func (a *article) text(start int) string {
	if !a.truth {
		return ""
	}
	return string(a.b[start:])
}

// Output helpers.

func (a *article) s(x string) { a.b = append(a.b, x...) }
func (a *article) sp()        { a.b = append(a.b, ' ') }

// para writes one paragraph and counts its words.
func (a *article) para(f func()) {
	a.b = append(a.b, '\n')
	start := len(a.b)
	a.b = append(a.b, '\n')
	f()
	a.words += countWords(a.b[start:])
}

func countWords(b []byte) int {
	n, in := 0, false
	for _, c := range b {
		sp := c == ' ' || c == '\n' || c == '\t'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// capFrom upper-cases the first letter written at or after start, so a
// sentence that opens with "the agency" or a quotation mark reads right.
func (a *article) capFrom(start int) {
	for k := start; k < len(a.b); k++ {
		c := a.b[k]
		if c >= 'a' && c <= 'z' {
			a.b[k] = c - 'a' + 'A'
			return
		}
		if c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			return
		}
	}
}

// sentence writes one sentence through f and capitalises it.
func (a *article) sentence(f func()) {
	start := len(a.b)
	f()
	a.capFrom(start)
}

func (a *article) expand(t template) {
	r := a.r
	for _, p := range t {
		switch p.slot {
		case slotNone:
			a.s(p.lit)
		case slotSubj:
			a.s(strings.ToLower(a.subj))
		case slotSubjT:
			a.s(a.subj)
		case slotPlace:
			a.s(a.w.places[r.intn(len(a.w.places))])
		case slotNum:
			a.b = strconv.AppendInt(a.b, int64(r.between(2, 99)), 10)
		case slotNumW:
			a.s(r.pick(numberWords))
		case slotPct:
			a.b = strconv.AppendInt(a.b, int64(r.between(2, 60)), 10)
			if r.percent(50) {
				a.s("%")
			} else {
				a.s(" per cent")
			}
		case slotMoney:
			a.s("£")
			if r.percent(70) {
				a.b = strconv.AppendInt(a.b, int64(r.between(2, 900)), 10)
				a.s("m")
			} else {
				a.b = strconv.AppendInt(a.b, int64(r.between(1, 9)), 10)
				a.s(".")
				a.b = strconv.AppendInt(a.b, int64(r.intn(10)), 10)
				a.s("bn")
			}
		case slotMonth:
			a.s(r.pick(months))
		case slotYear:
			a.b = strconv.AppendInt(a.b, int64(a.date.Year()-r.intn(6)+2), 10)
		case slotWeekday:
			a.s(r.pick(weekdays))
		case slotAdj:
			a.word(r.pick(adjectives))
		case slotNouns:
			a.s(r.pick(nounsPlural))
		case slotNoun:
			a.word(r.pick(nounsSingular))
		case slotOrd:
			a.s(r.pick(ordinals))
		case slotVPast:
			a.s(r.pick(pastVerbs))
		case slotChange:
			a.s(r.pick(changeNouns))
		case slotShort:
			a.s("the ")
			a.s(a.shortHead(a.org(a.reforms[0].affects[0])))
		}
	}
}

// word writes a word, turning a preceding indefinite article "a" into
// "an" before a vowel.
func (a *article) word(w string) {
	n := len(a.b)
	if n >= 2 && (a.b[n-2] == 'a' || a.b[n-2] == 'A') && a.b[n-1] == ' ' && (n == 2 || a.b[n-3] == ' ' || a.b[n-3] == '\n') {
		switch w[0] {
		case 'a', 'e', 'i', 'o', 'u':
			a.b = append(a.b[:n-1], "n "...)
		}
	}
	a.s(w)
}

// fresh picks one of n templates not yet used in the article, as a
// writer would not repeat a sentence; used tracks them (n ≤ 64) and is
// reset once all have been used.
func (a *article) fresh(n int, used *uint64) int {
	if *used == 1<<n-1 {
		*used = 0
	}
	for {
		if k := a.r.intn(n); *used&(1<<k) == 0 {
			*used |= 1 << k
			return k
		}
	}
}

func (a *article) filler() {
	t := a.w.tmpl.filler[a.fresh(len(a.w.tmpl.filler), &a.usedFiller)]
	a.sentence(func() { a.expand(t) })
}

func (a *article) frontMatter(head string) {
	a.s("---\ntitle: \"")
	a.s(strings.ReplaceAll(head, `"`, `\"`))
	a.s("\"\ndate: ")
	a.b = a.date.AppendFormat(a.b, "2006-01-02")
	a.s("\nsource: ")
	a.s(a.outlet)
	a.s("\nurl: https://news.example.org/")
	a.b = a.date.AppendFormat(a.b, "2006/01/")
	a.s(slug(head))
	a.s("\n---")
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
		} else {
			dash = true
		}
	}
	return b.String()
}

// furniture adds the page furniture that follows many scraped articles:
// other stories' headlines, sign-up prompts. It adds nothing to the truth.
func (a *article) furniture() {
	r := a.r
	if !r.percent(25) {
		return
	}
	a.b = append(a.b, "\n\n"...)
	a.s(r.pick([]string{"Related stories", "Other articles on " + strings.ToLower(a.subj), "Read more"}))
	for n := r.between(2, 4); n > 0; n-- {
		o := &a.w.orgs[r.intn(len(a.w.orgs))]
		a.b = append(a.b, "\n\n"...)
		a.s(r.pick([]string{"Plans for ", "Row over ", "Inside the ", "What next for "}))
		a.s(o.name)
	}
	a.b = append(a.b, "\n\n"...)
	switch r.intn(3) {
	case 0:
		a.s("More from ")
		a.s(a.outlet)
		a.s("\n\nComments are closed.")
	case 1:
		a.s("Sign up to our daily newsletter for the latest ")
		a.s(strings.ToLower(a.subj))
		a.s(" news.")
	default:
		a.s("Share this article\n\nPrint")
	}
}

// Words counts the words of a text as wc -w does: runs of bytes between
// spaces, tabs and newlines.
func Words(b []byte) int { return countWords(b) }
