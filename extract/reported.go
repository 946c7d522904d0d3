package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// A statement is reported (indirect) speech: "Jones said the plans offered
// opportunities" gives Jones and "the plans offered opportunities".
type statement struct {
	sent     *sentence
	text     string
	speakers []*entity
}

// speechVerbs are the reporting verbs that introduce a reported clause.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "warned": true, "warns": true, "argued": true,
	"argues": true, "claimed": true, "claims": true, "insisted": true, "insists": true, "stressed": true,
	"explained": true, "predicted": true, "predicts": true, "suggested": true, "suggests": true, "noted": true,
	"added": true, "adds": true, "believes": true, "believed": true, "acknowledged": true, "admitted": true,
	"conceded": true, "confirmed": true, "confirms": true, "denied": true, "maintained": true, "announced": true,
	"pointed": true, "stated": true, "contended": true, "cautioned": true, "complained": true, "feared": true,
	"saying": true, "adding": true, "warning": true, "arguing": true, "insisting": true, "claiming": true,
	"joked": true, "jokes": true, "quipped": true, "quips": true, "lamented": true, "laments": true,
	"observed": true, "remarked": true, "recalled": true, "recalls": true, "declared": true, "emphasised": true,
	"emphasized": true, "reiterated": true, "asserted": true, "asserts": true, "disclosed": true, "revealed": true,
	"retorted": true, "countered": true, "explains": true, "stresses": true, "notes": true, "concedes": true,
	"admits": true, "affirmed": true, "testified": true, "reckons": true, "reckoned": true,
}

// bareClause are the verbs that may report a clause without "that": "said
// the plan would fail"; the others ("stressed", "announced") need "that",
// since what follows them is as often a noun phrase.
var bareClause = map[string]bool{"said": true, "says": true, "added": true, "adds": true, "warned": true, "warns": true,
	"saying": true, "adding": true, "warning": true, "arguing": true, "insisting": true, "claiming": true,
	"argued": true, "argues": true, "claimed": true, "claims": true, "insisted": true, "insists": true,
	"believes": true, "believed": true, "predicted": true, "predicts": true, "told": true, "tells": true}

// clauseOpeners are words after a verb that begin a phrase, not the reported clause.
var clauseOpeners = map[string]bool{"in": true, "on": true, "at": true, "yesterday": true, "today": true, "last": true,
	"this": true, "during": true, "after": true, "before": true, "when": true, "out": true, "earlier": true, "later": true}

// findStatements reads reported speech: a reporting verb whose subject is a
// known speaker, followed (or preceded) by the clause it reports.
func (d *doc) findStatements() {
	d.statements = d.statements[:0] // the same whichever times it runs
	sp := d.newSpeech()
	for _, s := range d.sents {
		if s.para.head {
			continue
		}
		t := s.para.toks
		if st := sp.accordingStatement(s); st != nil {
			d.statements = append(d.statements, st)
			continue
		}
		for v := s.from; v < s.to; v++ {
			if t[v].quote >= 0 || !speechVerbs[t[v].lower] || t[v].cap && v != s.from || v > s.from && determiners[t[v-1].lower] {
				continue
			}
			if participle(t[v].lower) && coordinated(s, v) < 0 {
				continue // "the saying goes", "adding to the pressure" without a clause's subject
			}
			from, to := d.reportedClause(s, v)
			if from < 0 {
				continue
			}
			spk := sp.subjectOf(s, v)
			if spk == nil || isUnnamed(spk) {
				continue
			}
			text := strings.TrimSpace(s.para.text[t[from].start:t[to-1].end])
			d.statements = append(d.statements, &statement{sent: s, text: text, speakers: spk})
			break
		}
	}
}

// accordingStatement reads "According to X, CLAUSE." and "CLAUSE, according
// to X.": X said CLAUSE.
func (sp *speech) accordingStatement(s *sentence) *statement {
	t := s.para.toks
	end := s.to
	for end > s.from && !t[end-1].word && t[end-1].quote < 0 {
		end--
	}
	for k := s.from; k+2 < end; k++ {
		if t[k].lower != "according" || t[k+1].lower != "to" || t[k].quote >= 0 {
			continue
		}
		var from, to, npEnd int
		if k == s.from {
			// "According to Mayor Janelle Pruitt, the office will open …"
			c := k + 2
			for c < end && t[c].text != "," && t[c].quote < 0 {
				c++
			}
			from, to, npEnd = c+1, end, c
		} else if t[k-1].text == "," {
			// "…, according to the charity Silver Years."
			from, to, npEnd = s.from, k-1, end
		} else {
			return nil
		}
		if to-from < 4 || npEnd <= k+2 {
			return nil
		}
		for j := from; j < to; j++ {
			if t[j].quote >= 0 || isQuoteMarkStr(t[j].text) {
				return nil // a quotation, read as one
			}
		}
		spk := sp.speakerNP(s, k+2, npEnd)
		if spk == nil || isUnnamed(spk) {
			return nil
		}
		return &statement{sent: s, text: strings.TrimSpace(s.para.text[t[from].start:t[to-1].end]), speakers: spk}
	}
	return nil
}

// reportedClause returns the token range of the clause the verb at v
// reports, or -1 when there is none (a direct quotation, a bare "he said").
func (d *doc) reportedClause(s *sentence, v int) (int, int) {
	t := s.para.toks
	end := s.to
	for end > s.from && !t[end-1].word && t[end-1].quote < 0 {
		end--
	}
	if afterQuotation(s, v) {
		// "'…,' said the ministry in a statement.": the words after the
		// verb name the speaker of the quotation before it.
		return -1, -1
	}
	// "The plan will fail, he said." / "…, said Jane Roe."
	if v+1 >= end || v+4 >= end && !strings.ContainsAny(t[v+1].text, "\"“‘'") {
		if t[s.to-1].text == ":" {
			// "Announcing the plans, he said:": the colon opens a
			// quotation, and what stands before the cue is no clause of it.
			return -1, -1
		}
		c := v - 1
		if pm := d.mentionAt(s, v-2); v > s.from && t[v-1].text == "," && pm != nil && pm.to == v-1 && pm.ent != nil && pm.ent.kind == schema.Person {
			// "…, the city's water chief, Jo Roe, said on Tuesday": the
			// clause ends before the subject and the role written before
			// it; "Minister for X, Ann Lee, said it would" has none.
			c = pm.from - 1
			if c <= s.from || t[c].text != "," {
				return -1, -1
			}
			p := c - 1
			for p >= s.from && t[p].text != "," {
				p--
			}
			for r := max(p, s.from); r < c; r++ {
				if d.headAt(s, r) >= 0 {
					c = max(p, s.from)
					break
				}
			}
		}
		for c > s.from && t[c].text != "," {
			c--
		}
		if c-s.from >= 4 && t[s.from].quote < 0 && !isQuoteMarkStr(t[s.from].text) {
			return s.from, c
		}
		return -1, -1
	}
	k := v + 1
	if t[v].lower == "pointed" {
		if t[k].lower != "out" {
			return -1, -1
		}
		k++
	}
	if t[k].text == ":" || t[k].text == "," || isQuoteMarkStr(t[k].text) || t[k].quote >= 0 && t[k].quote == t[min(k+1, end-1)].quote && k == v+1 {
		return -1, -1 // a direct quotation follows
	}
	// "told MPs that …", "warned in a letter that …".
	if t[v].lower == "told" || t[v].lower == "tells" || clauseOpeners[t[k].lower] || t[k].cap && t[k].lower != "the" {
		found := false
		for j := k; j < end && j < k+8; j++ {
			if t[j].lower == "that" {
				k, found = j+1, true
				break
			}
		}
		if !found {
			return -1, -1 // "said Jane Roe, …": the speaker follows, not a clause
		}
	} else if t[k].lower == "that" {
		k++
	} else if !bareClause[t[v].lower] {
		return -1, -1
	}
	// The clause stops before ", saying", ", adding" or a following cue,
	// and before a colon that opens a quotation ("said the deal was about
	// integration: '…'").
	stop := end
	for j := k; j < end; j++ {
		if t[j].text == ":" && j+1 < end && (isQuoteMarkStr(t[j+1].text) || t[j+1].quote >= 0) {
			stop = j
			break
		}
		if t[j].text == "," && j+1 < end && (t[j+1].lower == "saying" || t[j+1].lower == "adding" || t[j+1].lower == "according" || t[j+1].lower == "warning") {
			stop = j
			break
		}
		// "…, and warned of …": a second reporting verb of the same subject.
		if t[j].text == "," && j+2 < end && (t[j+1].lower == "and" || t[j+1].lower == "but") && d.cueVerb(s, j+2) {
			stop = j
			break
		}
	}
	if stop-k < 4 {
		return -1, -1
	}
	quoted := 0
	for j := k; j < stop; j++ {
		if t[j].quote >= 0 {
			quoted++
		}
	}
	if quoted*2 > stop-k {
		return -1, -1 // mostly a quotation, read as one
	}
	return k, stop
}

// afterQuotation reports whether the verb at token v follows the closing
// mark of a quotation, with or without a comma: "'…,' said X", "'…', said X".
func afterQuotation(s *sentence, v int) bool {
	t := s.para.toks
	j := v - 1
	if j > s.from && t[j].text == "," {
		j--
	}
	return j >= s.from && t[j].quote < 0 && isQuoteMarkStr(t[j].text) && j > s.from && (t[j-1].quote >= 0 || t[j-1].text == ",")
}
