package synth

import (
	"strings"
)

// A template is text with {slot}s, compiled once per corpus into literal
// and slot pieces so that filling one costs a few appends.
type template []piece

type piece struct {
	lit  string
	slot slot
}

type slot uint8

const (
	slotNone  slot = iota
	slotSubj       // policy area, lower case: "adult social care"
	slotSubjT      // policy area, title case
	slotPlace      // an invented town
	slotNum        // 2–99
	slotNumW       // "three"
	slotPct        // "12%" or "12 per cent"
	slotMoney      // "£3.4m"
	slotMonth
	slotYear // near the article's date
	slotWeekday
	slotAdj
	slotNouns
	slotNoun
	slotVPast
	slotChange // "shake-up"
	slotShort  // the article's main body, short form: "the agency"
	slotOrd    // "third"
)

var slotNames = map[string]slot{
	"subj": slotSubj, "Subj": slotSubjT, "place": slotPlace, "num": slotNum, "numw": slotNumW,
	"pct": slotPct, "money": slotMoney, "month": slotMonth, "year": slotYear, "weekday": slotWeekday,
	"adj": slotAdj, "nouns": slotNouns, "noun": slotNoun, "vpast": slotVPast, "change": slotChange,
	"short": slotShort, "ord": slotOrd,
}

func compile(src string) template {
	var t template
	for src != "" {
		i := strings.IndexByte(src, '{')
		if i < 0 {
			t = append(t, piece{lit: src})
			break
		}
		j := strings.IndexByte(src[i:], '}')
		if j < 0 {
			panic("synth: unclosed template slot in " + src) // programming error in the tables below
		}
		s, ok := slotNames[src[i+1:i+j]]
		if !ok {
			panic("synth: bad template slot in " + src) // programming error in the tables below
		}
		if i > 0 {
			t = append(t, piece{lit: src[:i]})
		}
		t = append(t, piece{slot: s})
		src = src[i+j+1:]
	}
	return t
}

func compileAll(src string) []template {
	var out []template
	for _, l := range lines(src) {
		out = append(out, compile(l))
	}
	return out
}

type templates struct {
	filler, quote, reported, benefit, harm []template
}

// compileTemplates compiles the sentence tables. Filler and quotation
// tables hold at most 64 templates each, for article.fresh.
func compileTemplates() templates {
	return templates{
		filler:   compileAll(fillerText),
		quote:    compileAll(quoteText),
		reported: compileAll(reportedText),
		benefit:  compileAll(benefitText),
		harm:     compileAll(harmText),
	}
}

// fillerText holds background sentences of varied structure: figures,
// dates, places and generic bodies, but no named person or organisation,
// so that everything the truth lists was put there on purpose.
const fillerText = `
Spending on {subj} {vpast} by {pct} in the year to {month} {year}, according to official figures.
The {noun} is expected to be published in {month}.
In {place}, {nouns} {vpast} for the {ord} year running.
Figures released on {weekday} showed that {nouns} {vpast} by {pct} last year.
Councils say the pressure on {subj} has never been greater.
Some {num} {nouns} are affected across the region.
The {adj} {noun} covers {subj} in England but not in Scotland or Wales.
Local authorities have until {month} {year} to respond to the consultation.
Around {pct} of {nouns} in {place} were rated inadequate last year.
A report published in {year} found that {nouns} varied widely between areas.
The {change} follows a {adj} review of {subj} carried out last {month}.
It is not yet clear how much the {change} will cost, but estimates range up to {money}.
There are currently {num} such bodies in England.
The sector has faced {adj} cuts since {year}.
Ministers have promised a {adj} settlement for {subj} in the autumn.
Critics point out that a similar {noun} was abandoned in {year}.
{Subj} accounts for roughly {pct} of total spending in {place}.
The consultation closes on {weekday} {num} {month}.
The number of {nouns} in {place} {vpast} sharply over the past decade.
The {noun} sets out {numw} options, none of which has yet been costed.
Under current rules, {nouns} must be reviewed every {numw} years.
The details are due to be set out in a {noun} later this year.
About {money} has been set aside for the transition.
Opposition parties have called for an independent inquiry into {subj}.
The changes will take effect from {month} {year}, subject to parliamentary approval.
Demand for {subj} in {place} {vpast} again last year.
Officials said a timetable would be agreed with {nouns} in the coming weeks.
Those who work in {subj} have seen {numw} reorganisations in as many years.
The annual {subj} budget now stands at {money}.
A pilot in {place} ran for {num} months before it was wound down.
Most {nouns} will see no change before {year}.
Staff were told of the {change} at a meeting on {weekday}.
It is the {ord} {change} of {subj} since {year}.
The government has said the {change} will save {money} a year.
By {year}, {pct} of {nouns} had been moved to new arrangements.
Unions have been invited to talks on the {change}, which could affect {num} jobs.
Responsibility for {subj} has moved between departments {numw} times since {year}.
A spokesperson for the government said the {noun} was under review.
In {place} alone, waiting times for {subj} {vpast} by {pct} in {year}.
The figures exclude services run by the voluntary sector.
Almost {pct} of respondents to the consultation opposed the idea.
The {adj} {noun} was drawn up over {num} months.
The move was first floated in a {noun} in {month} {year}.
There has been no formal announcement on the future of {nouns} in {place}.
Each area will be expected to publish a {adj} {noun} by {month}.
Auditors found gaps in how {nouns} were monitored in {place} and elsewhere.
The {noun} is worth {money} over {numw} years.
A decision is expected before the end of {month}.
Last year {num} sites closed and {num} opened.
The sector employs about {num},000 people in England.
Private providers already deliver about {pct} of {subj}.
The same approach was tried in {place} in {year} with mixed results.
Many {nouns} say they learned of the plans from the press.
The number of complaints about {subj} {vpast} by {pct} last year.
Ministers will set out further details in {month}.
A transition period of {num} months is planned.
The reforms apply to England only.
`

// quoteText holds quotation sentences, without final punctuation, in the
// first person of someone who works in or near the field.
const quoteText = `
We have real concerns about what this means for {nouns} in {place}
This is a {adj} moment for {subj} and we cannot afford to get it wrong
I think the {change} offers a {adj} opportunity, but the detail matters
Nobody has explained how {short} will be replaced
We will be looking very closely at the timetable
There is a {adj} risk that {nouns} will fall through the gaps
The money simply is not there to do this properly
Our members have been telling us for years that the system needs to change
It would be the place where decisions about {subj} are made together
We welcome the direction of travel, but {money} is not enough
What matters is that {nouns} get the support they need
I don't believe this has been thought through
We have seen {numw} reorganisations in {numw} years and each one has cost us
This will mean {adj} changes for {nouns} across the country
The evidence from {place} shows what can be achieved
We are ready to work with the government on the detail
There is no point in moving the furniture around if the funding stays the same
I have been clear all along that {short} has not delivered
Frankly, it is a mess
Local people deserve a say in how {subj} is run
The {change} could cost {money} before it saves a penny
It's right that decisions are taken closer to the people they affect
We need certainty, and we need it by {month}
This is not the end of the story
I am confident that the new arrangements will be better for {nouns}
We cannot let {subj} become a postcode lottery
The last thing {nouns} need is another period of uncertainty
It is a bold plan and we support it
Our concern is what happens to the staff
We were given {numw} days' notice of the announcement
There is a lot of goodwill, but goodwill does not pay the bills
I would urge ministers to think again
It has taken {num} years to build these partnerships
These are difficult decisions, but they are the right ones
The government has listened and that is welcome
We have to make sure the lessons of {year} are learned
The question is who will be accountable when things go wrong
Smaller {nouns} will struggle to cope
This gives {nouns} a proper voice for the first time
We estimate that {num} posts are at risk
`

// reportedText holds clauses for reported speech: "X said that …".
const reportedText = `
the {change} would put {nouns} at risk
the plans had not been properly costed
{nouns} in {place} would be among the first to benefit
the government should publish its evidence
the timetable was unrealistic
the {change} was long overdue
there was no guarantee that {subj} would be protected
{short} had failed to deliver value for money
the move could save up to {money}
talks with {nouns} would begin in {month}
the new body should be in place by {year}
about {num} jobs could go
the {change} offered a chance to simplify {subj}
`

const benefitText = `
simplify a system that {nouns} find confusing
give {nouns} more say over {subj}
save {money} a year
end years of duplication
bring {subj} closer to the people who use it
`

const harmText = `
leave {nouns} without support
cost {num} jobs
disrupt {subj} for years
put {nouns} at risk
undo {num} years of progress
`

var scarePhrases = lines(`
super-council
bonfire of the quangos
postcode lottery
back-door privatisation
cliff edge
perfect storm
red tape
quango cull
Cinderella service
one-stop shop
`)

// riskPhrases fit "said there was a '…' that …"; verdictPhrases fit
// "said the plans were a '…'". Both make partial quotations.
var riskPhrases = lines(`
strong likelihood
real risk
serious danger
genuine possibility
`)

var verdictPhrases = lines(`
huge mistake
recipe for chaos
step in the right direction
missed opportunity
leap in the dark
long overdue correction
`)
