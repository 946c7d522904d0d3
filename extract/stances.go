package extract

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/schema"
)

// A stance is a holder's explicit support for or opposition to a reform or topic.
type stance struct {
	holder   *entity
	supports bool
	reform   *reform
	topic    string
	sent     *sentence
}

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
	count := func(cues []string) (plain, negated int) {
		for i := range words {
			rest := joined[at[i] : at[min(len(words), i+6)]-1]
			for _, c := range cues {
				// Cues are never empty (Lexicon.add).
				if rest[0] != c[0] || !strings.HasPrefix(rest, c) {
					continue
				}
				neg := false
				for j := max(0, i-2); j < i; j++ {
					w := strings.Trim(words[j], ",.;:")
					neg = neg || w == "not" || w == "never" || w == "no" || strings.HasSuffix(w, "n't")
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
	s1, s2 := count(d.lex.supportCue)
	o1, o2 := count(d.lex.opposeCue)
	sup, opp = s1+o2, o1+s2
	// "not fit for purpose" speaks for the change that removes the body.
	return sup, opp
}

func foldQuotes(s string) string {
	return quoteFolds.Replace(s)
}

// quoteFolds is built once: a Replacer is safe for concurrent use, and
// building one per call was 4% of a large build.
var quoteFolds = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", "\"", "\u201d", "\"")

// findStances reads who supports or opposes which reform, from explicit cues
// in sentences ("criticised by X", "X welcomed") and in quotations.
func (d *doc) findStances() {
	for _, s := range d.sents {
		if s.para.head {
			continue
		}
		t := s.para.toks
		for k := s.from; k < s.to; k++ {
			if !t[k].word || t[k].quote >= 0 {
				continue
			}
			sup, opp := d.verbStance(t[k].lower)
			if !sup && !opp {
				continue
			}
			var holders []*entity
			if k+1 < s.to && t[k+1].lower == "by" {
				// Passive: "has been criticised by the chair of X, David Parsons".
				for _, m := range d.in(s) {
					if m.sent == s && m.from > k && m.ent != nil && m.ent.kind == schema.Person {
						holders = []*entity{m.ent}
						break
					}
				}
			} else {
				holders = d.subjectOf(s, k)
			}
			for _, h := range holders {
				d.addStance(h, sup, s, s.text())
			}
		}
	}
	for _, q := range d.quotes {
		sup, opp := d.cueScore(q.text)
		if sup == opp {
			continue
		}
		for _, h := range q.speakers {
			d.addStance(h, sup > opp, q.sent, q.text)
		}
	}
}

// verbStance reports whether a word is a stance verb: support or opposition.
func (d *doc) verbStance(w string) (sup, opp bool) {
	for _, p := range []string{"welcom", "backed", "backs", "support", "endors", "prais", "applaud", "hail"} {
		if strings.HasPrefix(w, p) {
			return true, false
		}
	}
	for _, p := range []string{"criticis", "criticiz", "oppos", "condemn", "attack", "reject", "warn", "denounc", "slam", "lambast", "object"} {
		if strings.HasPrefix(w, p) {
			return false, true
		}
	}
	return false, false
}

// addStance links a holder to the reform its sentence or words speak of,
// or else to the topics they concern.
func (d *doc) addStance(h *entity, sup bool, s *sentence, text string) {
	var target *reform
	if rs := d.reformsIn(s); len(rs) > 0 {
		target = rs[0]
	}
	if target == nil {
		// The words name a kind of reform the article reports: "the merger".
		target = d.reformNamedBy(text)
	}
	if target == nil && refersToChange(text) {
		// "The move was welcomed by …": the change the article reported last.
		for _, r := range d.reforms {
			if r.sent.n > s.n {
				break // reforms are found in text order
			}
			target = r
		}
	}
	topics := d.topicsOf(text + " " + s.text())
	if target == nil && len(topics) == 0 && len(d.reforms) > 0 {
		// A stance taken in a story about a reform, with nothing else named,
		// is about the reform the story leads with.
		target = d.reforms[0]
	}
	if target != nil {
		d.stances = append(d.stances, stance{holder: h, supports: sup, reform: target, sent: s})
	}
	for _, topic := range topics {
		d.stances = append(d.stances, stance{holder: h, supports: sup, topic: topic, sent: s})
	}
}

// refersToChange reports whether a text speaks of a change without naming
// it: "the move", "the plans", "the proposals".
func refersToChange(text string) bool {
	lt := strings.ToLower(text)
	for _, w := range []string{"the move", "the plan", "the proposal", "the change", "the reform", "the decision", "the shake-up", "the reorganisation", "the reorganization", "the restructur", "these plans", "these proposals", "this plan", "this proposal", "this move", "'s plans", "'s proposals", "\u2019s plans", "\u2019s proposals", "government plans", "the bill", "the white paper"} {
		if strings.Contains(lt, w) {
			return true
		}
	}
	return false
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

// reformsIn returns the reforms read from sentence s.
func (d *doc) reformsIn(s *sentence) []*reform {
	if d.reformsBySent == nil || d.reformsIndexed != len(d.reforms) {
		d.reformsBySent = make(map[*sentence][]*reform)
		for _, r := range d.reforms {
			d.reformsBySent[r.sent] = append(d.reformsBySent[r.sent], r)
		}
		d.reformsIndexed = len(d.reforms)
	}
	return d.reformsBySent[s]
}
