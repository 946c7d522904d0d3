package synth

import (
	"strconv"
	"strings"
)

// This file writes the sentences that carry facts: organisations and people
// with their roles, quotations with their cues, reforms and stances. Each
// writer records in the truth exactly what it put in the text.

func (a *article) headline() string {
	r := a.r
	rf := &a.reforms[0]
	x := a.shortName(rf.affects[0])
	subj := strings.ToLower(a.subj)
	var h string
	switch rf.kind {
	case "abolition":
		h = r.pick([]string{x + " to be scrapped in " + subj + " " + r.pick(changeNouns), "Government confirms end of " + x,
			x + " abolition 'will cost jobs'", "Axe falls on " + x})
	case "replacement":
		y := a.shortName(rf.gains)
		h = r.pick([]string{x + " to make way for " + y, y + " to replace " + x})
	case "transfer":
		y := a.shortName(rf.gains)
		h = r.pick([]string{a.subj + " powers to move from " + x + " to " + y, y + " to take on " + subj + " role"})
	case "merger":
		y := a.shortName(rf.affects[1])
		h = r.pick([]string{x + " and " + y + " to merge", "Merger plan for " + x + " criticised"})
	case "creation":
		h = r.pick([]string{"New " + subj + " body to be set up", "Ministers unveil " + x})
	default:
		h = r.pick([]string{x + " faces budget cut", "Cuts ahead for " + x, a.subj + " " + r.pick(changeNouns) + " to cut " + x + " staff"})
	}
	if r.percent(20) {
		h = a.w.people[a.cast[0].p].last + ": " + h
	}
	return h
}

func (a *article) shortName(oi int) string {
	o := a.org(oi)
	if o.acronym != "" && a.r.percent(50) {
		return o.acronym
	}
	return o.name
}

// Organisations.

func (a *article) state(oi int) *orgState {
	for k := range a.orgs {
		if a.orgs[k].oi == oi {
			return &a.orgs[k]
		}
	}
	a.orgs = append(a.orgs, orgState{oi: oi})
	return &a.orgs[len(a.orgs)-1]
}

// markNamed records a body's first mention, defining its acronym in brackets
// when define allows and the house style does.
func (a *article) markNamed(o *org, st *orgState, define bool) {
	if st.named {
		return
	}
	st.named = true
	f := Fact{Kind: "org", Name: o.name}
	if define && o.acronym != "" && a.r.percent(60) {
		a.s(" (")
		a.s(o.acronym)
		a.s(")")
		st.defined = true
		f.Alias = o.acronym
	}
	a.fact(f)
}

// orgFull writes a body's full name, with "the" where it takes one.
func (a *article) orgFull(oi int, define bool) string {
	o, st := a.org(oi), a.state(oi)
	if o.the {
		a.s("the ")
	}
	a.s(o.name)
	a.markNamed(o, st, define)
	return o.name
}

// orgRef writes a reference to a body: its name the first time, then its
// name, acronym or a definite short form ("the union").
func (a *article) orgRef(oi int) string {
	o, st := a.org(oi), a.state(oi)
	if !st.named {
		return a.orgFull(oi, true)
	}
	switch x := a.r.intn(100); {
	case x < 35 && st.defined:
		if o.the {
			a.s("the ")
		}
		a.s(o.acronym)
	case x < 65:
		a.s("the ")
		a.s(a.shortHead(o))
	default:
		a.orgFull(oi, false)
	}
	return o.name
}

// shortHead is a body's definite short form, mostly the head of its name.
func (a *article) shortHead(o *org) string {
	if o.head != "" && a.r.percent(75) {
		return o.head
	}
	return a.r.pick(genericHeads[o.kind])
}

// orgBare writes a body's name as a pre-modifier, without "the".
func (a *article) orgBare(oi int) {
	o, st := a.org(oi), a.state(oi)
	if st.defined && a.r.percent(50) {
		a.s(o.acronym)
		return
	}
	a.s(o.name)
	a.markNamed(o, st, false)
}

// orgPoss writes a body's possessive: "the union's", "the Society of Nurses'".
func (a *article) orgPoss(oi int) {
	if !a.state(oi).named {
		a.orgFull(oi, false)
	} else {
		a.orgRef(oi)
	}
	if a.b[len(a.b)-1] == 's' {
		a.s("'")
	} else {
		a.s("'s")
	}
}

// People.

func (a *article) person(ci int) *person { return &a.w.people[a.cast[ci].p] }

func premodifiable(role string) bool {
	return !strings.Contains(role, " of ") && !strings.Contains(role, " for ") && !strings.Contains(role, " in ")
}

func (a *article) prep(m *castMember) string {
	if !premodifiable(m.role) {
		return " at "
	}
	switch a.org(m.org).kind {
	case kindUniversity, kindCompany:
		return " at "
	}
	if a.r.percent(15) {
		return " at "
	}
	return " of "
}

// intro writes a person's first mention with their role, in one of the
// forms news English uses. When end is true the mention closes a sentence,
// so an appositive takes no closing comma.
func (a *article) intro(ci int, end bool) {
	m := &a.cast[ci]
	p := a.person(ci)
	m.introduced = true
	a.last = ci
	a.fact(Fact{Kind: "person", Name: p.name()})
	aff := Fact{Kind: "affiliation", Person: p.name(), Role: m.role}
	fullName := func() {
		if p.title != "" && a.r.percent(50) {
			a.s(p.title)
			a.sp()
		}
		a.s(p.name())
	}
	// Ministers are often named by role alone: "housing minister X".
	omitOrg := a.org(m.org).kind == kindDepartment && a.r.percent(50)
	form := a.r.intn(4)
	if end && form == 1 {
		form = 0
	}
	if (form == 2 || omitOrg) && !premodifiable(m.role) {
		form = 0
	}
	switch {
	case omitOrg && form >= 2:
		a.s(m.role)
		a.sp()
		fullName()
	case omitOrg:
		fullName()
		a.s(", ")
		a.s(m.role)
		if !end {
			a.s(",")
		}
	case form == 0 || form == 1:
		fullName()
		if form == 1 {
			a.s(", who is ")
		} else {
			a.s(", ")
		}
		a.s(m.role)
		a.s(a.prep(m))
		aff.Org = a.orgFull(m.org, true)
		if !end {
			a.s(",")
		}
	case form == 2:
		a.orgBare(m.org)
		aff.Org = a.org(m.org).name
		a.sp()
		a.s(m.role)
		a.sp()
		fullName()
	default:
		a.orgPoss(m.org)
		aff.Org = a.org(m.org).name
		a.sp()
		a.s(m.role)
		a.sp()
		fullName()
	}
	a.fact(aff)
}

// ref writes a mention of a person: their introduction the first time,
// then surname, honorific and surname, or full name.
func (a *article) ref(ci int, end bool) string {
	p := a.person(ci)
	if !a.cast[ci].introduced {
		a.intro(ci, end)
		return p.name()
	}
	a.last = ci
	switch {
	case a.r.percent(15):
		a.s(p.name())
	case a.honorific:
		switch {
		case p.title != "":
			a.s(p.title)
		case p.female:
			a.s("Ms")
		default:
			a.s("Mr")
		}
		a.sp()
		a.s(p.last)
	default:
		a.s(p.last)
	}
	return p.name()
}

func (a *article) pronoun(ci int) string {
	if a.person(ci).female {
		return "she"
	}
	return "he"
}

// Quotations.

// quoteWords writes n quotation sentences, without final punctuation, and
// returns them.
func (a *article) quoteWords(n int) string {
	start := len(a.b)
	for k := 0; k < n; k++ {
		if k > 0 {
			a.s(". ")
		}
		a.expand(a.w.tmpl.quote[a.fresh(len(a.w.tmpl.quote), &a.usedQuote)])
	}
	return a.text(start)
}

func (a *article) quoteFact(ci int, text string) {
	a.fact(Fact{Kind: "quote", Speaker: a.person(ci).name(), Text: text})
}

func (a *article) verb() string {
	return a.r.pick([]string{"said", "said", "said", "added", "warned", "insisted"})
}

// quotePara writes a paragraph quoting cast member ci, with the cue before,
// after or around the words.
func (a *article) quotePara(ci int) {
	r := a.r
	m := &a.cast[ci]
	o, c := a.marks.open, a.marks.close
	form := r.intn(9)
	if form == 3 && (a.last != ci || !m.introduced) || form == 7 && !m.quoted {
		form = 0
	}
	a.para(func() {
		start := len(a.b)
		switch form {
		case 0, 8: // X said: "Q."
			a.ref(ci, false)
			a.s(" said: ")
			a.s(o)
			q := a.quoteWords(r.between(1, 3))
			if r.percent(25) {
				// A quotation running over paragraphs: no closing mark
				// until its last paragraph.
				a.s(".")
				a.capFrom(start)
				a.b = append(a.b, "\n\n"...)
				a.s(o)
				q += ". " + a.quoteWords(r.between(1, 2))
			}
			a.s(".")
			a.s(c)
			a.quoteFact(ci, q)
		case 1: // "Q," said X.
			a.s(o)
			q := a.quoteWords(r.between(1, 3))
			a.s(",")
			a.s(c)
			a.s(" said ")
			a.ref(ci, true)
			a.s(".")
			a.quoteFact(ci, q)
		case 2: // "Q," X said.
			a.s(o)
			q := a.quoteWords(r.between(1, 3))
			a.s(",")
			a.s(c)
			a.sp()
			a.ref(ci, false)
			a.sp()
			a.s(a.verb())
			a.s(".")
			a.quoteFact(ci, q)
		case 3: // "Q," she said.
			a.s(o)
			q := a.quoteWords(r.between(1, 2))
			a.s(",")
			a.s(c)
			a.sp()
			a.s(a.pronoun(ci))
			a.sp()
			a.s(a.verb())
			a.s(".")
			a.quoteFact(ci, q)
		case 4: // "Q1," X said. "Q2."
			a.s(o)
			q1 := a.quoteWords(1)
			a.s(",")
			a.s(c)
			a.sp()
			a.ref(ci, false)
			a.s(" said. ")
			a.s(o)
			q2 := a.quoteWords(r.between(1, 2))
			a.s(".")
			a.s(c)
			a.quoteFact(ci, q1)
			a.quoteFact(ci, q2)
		case 5: // "Q", according to X.
			a.s(o)
			q := a.quoteWords(1)
			a.s(c)
			a.s(", according to ")
			a.ref(ci, true)
			a.s(".")
			a.quoteFact(ci, q)
		case 6: // Speaking to Outlet, X said: "Q."
			if r.percent(50) {
				a.s("Speaking to ")
				a.s(a.outlet)
				a.s(", ")
				a.ref(ci, false)
				a.s(" said: ")
			} else {
				a.ref(ci, false)
				a.s(" told ")
				a.s(a.outlet)
				a.s(": ")
			}
			a.s(o)
			q := a.quoteWords(r.between(1, 3))
			a.s(".")
			a.s(c)
			a.quoteFact(ci, q)
		case 7: // X added: "Q."
			a.ref(ci, false)
			a.s(" added: ")
			a.s(o)
			q := a.quoteWords(r.between(1, 2))
			a.s(".")
			a.s(c)
			a.quoteFact(ci, q)
		}
		a.capFrom(start)
	})
	m.quoted = true
	a.lastQuote = ci
}

// continuation writes a quotation paragraph with no cue, which belongs to
// the speaker of the paragraph before.
func (a *article) continuation() {
	ci := a.lastQuote
	a.para(func() {
		a.s(a.marks.open)
		q := a.quoteWords(a.r.between(1, 3))
		a.s(".")
		a.s(a.marks.close)
		a.quoteFact(ci, q)
	})
}

// reported writes indirect speech, sometimes with a partial quotation.
func (a *article) reported(ci int) {
	r := a.r
	o, c := a.marks.open, a.marks.close
	a.para(func() {
		a.sentence(func() {
			speaker := a.ref(ci, false)
			if r.percent(15) {
				a.s(" said the ")
				a.s(r.pick(changeNouns))
				a.s(" was a ")
				a.s(o)
				phrase := r.pick(verdictPhrases)
				a.s(phrase)
				a.s(c)
				a.s(".")
				a.fact(Fact{Kind: "quote", Speaker: speaker, Text: phrase, Partial: true})
				return
			}
			if r.percent(20) {
				a.s(" said there was a ")
				a.s(o)
				phrase := r.pick(riskPhrases)
				a.s(phrase)
				a.s(c)
				a.s(" that ")
				a.fact(Fact{Kind: "quote", Speaker: speaker, Text: phrase, Partial: true})
			} else {
				a.sp()
				a.s(r.pick([]string{"said", "warned", "argued", "told " + a.outlet}))
				a.s(" that ")
			}
			start := len(a.b)
			a.expand(a.w.tmpl.reported[r.intn(len(a.w.tmpl.reported))])
			a.fact(Fact{Kind: "reported", Speaker: speaker, Text: a.text(start)})
			a.s(".")
		})
		if r.percent(40) {
			a.sp()
			a.filler()
		}
	})
	a.lastQuote = -1
}

// Reforms and stances.

// agent writes who carries a reform out and returns its name, "" when the
// text names only "the government" or "ministers".
func (a *article) agent(rf *reform) string {
	switch {
	case rf.agent >= 0:
		return a.ref(rf.agent, true)
	case rf.agentOrg >= 0:
		return a.orgRef(rf.agentOrg)
	default:
		a.s(a.r.pick([]string{"the government", "ministers", "the government"}))
		return ""
	}
}

func (a *article) year() {
	a.b = strconv.AppendInt(a.b, int64(a.date.Year()+a.r.between(0, 3)), 10)
}

func (a *article) reformSentence(k int) {
	r := a.r
	rf := &a.reforms[k]
	x := rf.affects[0]
	gains, agent := "", ""
	orgs := func(ois []int) []string {
		out := make([]string, len(ois))
		for i, oi := range ois {
			out[i] = a.org(oi).name
		}
		return out
	}
	a.sentence(func() {
		switch rf.kind {
		case "abolition":
			switch r.intn(4) {
			case 0:
				a.orgRef(x)
				a.s(" is to be abolished, ")
				agent = a.agent(rf)
				a.s(" announced on ")
				a.s(r.pick(weekdays))
			case 1:
				agent = a.agent(rf)
				a.s(" confirmed plans to scrap ")
				a.orgRef(x)
				a.s(" by ")
				a.year()
			case 2:
				a.orgRef(x)
				a.s(" will be axed as part of a ")
				a.s(r.pick(changeNouns))
				a.s(" of ")
				a.s(strings.ToLower(a.subj))
				a.s(" services")
			default:
				a.s("the abolition of ")
				a.orgRef(x)
				a.s(" was announced by ")
				agent = a.agent(rf)
				a.s(" on ")
				a.s(r.pick(weekdays))
			}
		case "replacement":
			switch r.intn(4) {
			case 0:
				a.orgRef(x)
				a.s(" will be replaced by ")
				gains = a.orgRef(rf.gains)
			case 1:
				gains = a.orgRef(rf.gains)
				a.s(" will replace ")
				a.orgRef(x)
				a.s(" from ")
				a.s(r.pick(months))
				a.sp()
				a.year()
			case 2:
				a.orgRef(x)
				a.s(" is to make way for ")
				gains = a.orgRef(rf.gains)
				a.s(", ")
				agent = a.agent(rf)
				a.s(" said")
			default:
				agent = a.agent(rf)
				a.s(" announced that ")
				a.orgRef(x)
				a.s(" would be replaced by ")
				gains = a.orgRef(rf.gains)
			}
		case "transfer":
			switch r.intn(4) {
			case 0:
				a.s("the functions of ")
				a.orgRef(x)
				a.s(" will transfer to ")
				gains = a.orgRef(rf.gains)
			case 1:
				a.s("responsibility for ")
				a.s(strings.ToLower(a.subj))
				a.s(" will move from ")
				a.orgRef(x)
				a.s(" to ")
				gains = a.orgRef(rf.gains)
			case 2:
				gains = a.orgRef(rf.gains)
				a.s(" will take on ")
				a.orgPoss(x)
				a.sp()
				a.s(strings.ToLower(a.subj))
				a.s(" functions, ")
				agent = a.agent(rf)
				a.s(" said")
			default:
				a.s("under plans set out by ")
				agent = a.agent(rf)
				a.s(", ")
				a.orgPoss(x)
				a.s(" powers over ")
				a.s(strings.ToLower(a.subj))
				a.s(" are to be handed to ")
				gains = a.orgRef(rf.gains)
			}
		case "merger":
			y := rf.affects[1]
			switch r.intn(3) {
			case 0:
				a.orgRef(x)
				a.s(" will merge with ")
				a.orgRef(y)
				a.s(" to form a single body")
			case 1:
				a.orgRef(x)
				a.s(" and ")
				a.orgRef(y)
				a.s(" are to be merged, ")
				agent = a.agent(rf)
				a.s(" said")
			default:
				a.orgRef(x)
				a.s(" is to be merged into ")
				a.orgRef(y)
			}
		case "creation":
			switch r.intn(3) {
			case 0:
				a.s("a new body, ")
				a.orgFull(x, true)
				a.s(", will be set up to oversee ")
				a.s(strings.ToLower(a.subj))
			case 1:
				agent = a.agent(rf)
				a.s(" will establish ")
				a.orgRef(x)
				a.s(" in ")
				a.year()
			default:
				a.orgRef(x)
				a.s(" will be created to take over ")
				a.s(strings.ToLower(a.subj))
				a.sp()
				a.s(r.pick(nounsPlural))
				a.s(" from ")
				a.s(r.pick(months))
			}
		default: // reduction
			switch r.intn(3) {
			case 0:
				a.orgRef(x)
				a.s(" will have its budget cut by ")
				a.b = strconv.AppendInt(a.b, int64(r.between(5, 50)), 10)
				a.s(" per cent")
			case 1:
				a.orgPoss(x)
				a.s(" staff will be reduced by a third under plans announced by ")
				agent = a.agent(rf)
			default:
				agent = a.agent(rf)
				a.s(" plans to halve the number of ")
				a.orgPoss(x)
				a.s(" regional offices")
			}
		}
		a.s(".")
	})
	if !rf.stated {
		rf.stated = true
		a.fact(Fact{Kind: "reform", Reform: rf.kind, Affects: orgs(rf.affects), Gains: gains, Agent: agent})
	}
}

// reformPhrase writes a noun phrase naming a stated reform ("the plans to
// abolish the agency").
func (a *article) reformPhrase(rf *reform) {
	r := a.r
	x := rf.affects[0]
	switch rf.kind {
	case "abolition":
		a.s(r.pick([]string{"the plans to abolish ", "the abolition of ", "the decision to scrap "}))
		a.orgRef(x)
	case "replacement":
		a.s("the plans to replace ")
		a.orgRef(x)
	case "transfer":
		a.s("the transfer of ")
		a.s(strings.ToLower(a.subj))
		a.s(" functions to ")
		a.orgRef(rf.gains)
	case "merger":
		a.s("the proposed merger of ")
		a.orgRef(x)
		a.s(" and ")
		a.orgRef(rf.affects[1])
	case "creation":
		a.s(r.pick([]string{"the creation of ", "the plans for "}))
		a.orgRef(x)
	default:
		a.s(r.pick([]string{"the cuts to ", "the plans to shrink "}))
		a.orgRef(x)
	}
}

func (a *article) stanceFact(holder string, support bool, rf *reform) {
	f := Fact{Kind: "stance", Holder: holder, Stance: "opposes", Reform: rf.kind}
	if support {
		f.Stance = "supports"
	}
	for _, oi := range rf.affects {
		f.Affects = append(f.Affects, a.org(oi).name)
	}
	a.fact(f)
}

// stance writes a person's or body's explicit support for or opposition
// to a stated reform.
func (a *article) stance() {
	r := a.r
	var rf *reform
	for k := range a.reforms {
		if a.reforms[k].stated && (rf == nil || r.percent(50)) {
			rf = &a.reforms[k]
		}
	}
	if rf == nil {
		a.fillerPara()
		return
	}
	// A holder keeps one stance through the article.
	var side *int8
	ci, oi := -1, -1
	if r.percent(60) {
		ci = r.intn(len(a.cast))
		side = &a.cast[ci].stance
	} else {
		k := []orgKind{kindUnion, kindAssociation, kindCouncil}[r.intn(3)]
		ois := a.w.byKind[k]
		oi = ois[r.skewed(len(ois))]
		side = &a.state(oi).stance
	}
	if *side == 0 {
		*side = 1
		if r.percent(50) {
			*side = -1
		}
	}
	support := *side > 0
	a.para(func() {
		a.sentence(func() {
			var holder string
			if ci >= 0 {
				holder = a.ref(ci, false)
			} else {
				holder = a.orgRef(oi)
			}
			switch {
			case support:
				a.s(r.pick([]string{" welcomed ", " backed ", " gave a cautious welcome to ", " praised ", " has endorsed "}))
				a.reformPhrase(rf)
				if r.percent(50) {
					a.s(", saying it would ")
					a.expand(a.w.tmpl.benefit[r.intn(len(a.w.tmpl.benefit))])
				}
			default:
				a.s(r.pick([]string{" criticised ", " has opposed ", " condemned ", " hit out at ", " warned against "}))
				a.reformPhrase(rf)
				if r.percent(50) {
					a.s(", arguing that it would ")
					a.expand(a.w.tmpl.harm[r.intn(len(a.w.tmpl.harm))])
				}
			}
			a.s(".")
			a.stanceFact(holder, support, rf)
		})
		if r.percent(50) {
			a.sp()
			a.filler()
		}
	})
	a.lastQuote = -1
}

// signatories writes a letter signed by several people, each with a role:
// "signed by A, chair of X; B, leader of Y; and C, president of Z".
func (a *article) signatories() {
	r := a.r
	a.signed = true
	rf := &a.reforms[0]
	var signers []int
	for n := r.between(3, 5); len(signers) < n; {
		ci := a.addCast(r.skewed(len(a.w.people)))
		if !a.cast[ci].introduced && !containsInt(signers, ci) && a.cast[ci].org >= 0 && premodifiable(a.cast[ci].role) {
			signers = append(signers, ci)
		}
		if len(a.cast) > 40 { // every candidate already named; give up
			break
		}
	}
	if len(signers) == 0 {
		a.fillerPara()
		return
	}
	a.para(func() {
		a.sentence(func() {
			a.s("in a letter to ")
			a.agent(rf)
			a.s(", ")
			a.s(r.pick(numberWords))
			a.s(" sector leaders warned that ")
			a.reformPhrase(rf)
			a.s(" would ")
			a.expand(a.w.tmpl.harm[r.intn(len(a.w.tmpl.harm))])
			a.s(".")
		})
		a.s(" The letter was signed by ")
		for k, ci := range signers {
			switch {
			case k == 0:
			case k == len(signers)-1:
				a.s("; and ")
			default:
				a.s("; ")
			}
			m := &a.cast[ci]
			p := a.person(ci)
			m.introduced = true
			m.stance = -1
			a.s(p.name())
			a.s(", ")
			a.s(m.role)
			a.s(a.prep(m))
			org := a.orgFull(m.org, false)
			a.fact(Fact{Kind: "person", Name: p.name()})
			a.fact(Fact{Kind: "affiliation", Person: p.name(), Role: m.role, Org: org})
			a.stanceFact(p.name(), false, rf)
		}
		a.s(".")
	})
	a.lastQuote = -1
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (a *article) scare() {
	r := a.r
	o, c := a.marks.open, a.marks.close
	a.para(func() {
		a.filler()
		a.sp()
		phrase := r.pick(scarePhrases)
		switch r.intn(3) {
		case 0:
			a.s("Critics have dubbed the plans a ")
			a.s(o)
			a.s(phrase)
			a.s(c)
			a.s(".")
		case 1:
			a.s("Some in the sector fear a ")
			a.s(o)
			a.s(phrase)
			a.s(c)
			a.s(".")
		default:
			a.s("The so-called ")
			a.s(o)
			a.s(phrase)
			a.s(c)
			a.s(" was first proposed in ")
			a.year()
			a.s(".")
		}
		a.fact(Fact{Kind: "scare", Text: phrase})
	})
	a.lastQuote = -1
}

func (a *article) fillerPara() {
	a.para(func() {
		for n := a.r.between(1, 4); n > 0; n-- {
			a.filler()
			if n > 1 {
				a.sp()
			}
		}
	})
	a.lastQuote = -1
}

// paragraph writes the next paragraph of the body, choosing its kind.
func (a *article) paragraph() {
	r := a.r
	x := r.intn(100)
	switch {
	case x < 30:
		ci := r.intn(len(a.cast))
		for k := range a.cast {
			if !a.cast[k].quoted {
				ci = k
				break
			}
		}
		a.quotePara(ci)
	case x < 42 && a.lastQuote >= 0:
		a.continuation()
	case x < 42:
		a.quotePara(r.intn(len(a.cast)))
	case x < 54:
		a.stance()
	case x < 60:
		for k := range a.reforms {
			if !a.reforms[k].stated {
				a.para(func() { a.reformSentence(k) })
				a.lastQuote = -1
				return
			}
		}
		a.fillerPara()
	case x < 68:
		a.reported(r.intn(len(a.cast)))
	case x < 71:
		a.scare()
	case x < 73 && !a.signed:
		a.signatories()
	default:
		a.fillerPara()
	}
}
