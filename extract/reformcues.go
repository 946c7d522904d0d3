package extract

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// A reformCue is one line of the lexicon's reforms section: a verb, noun or
// state phrase that says a body is abolished, replaced, merged, stripped of
// functions or given them, created or cut (lexicon/reforms.txt documents
// the format).
type reformCue struct {
	kind      schema.ReformKind
	form      cueForm
	gains     bool // the subject (or the passive's "by" phrase) gains
	ergative  bool // with no object, the subject is what changes
	new       bool // the target is a new body
	becomes   bool // the subject changes into the object: "X will become Y"
	alone     bool // a transfer with no receiving body: "X will be privatised"
	base      string
	forms     [4][]string // base, -s, past (and participle), -ing; nouns and states use [0]
	lexOrder  int
	wordCount int
}

// cueForm says what part of speech a reform cue is.
type cueForm uint8

const (
	cueVerb cueForm = iota
	cueNoun
	cueState
)

// Verb forms, as indexes of reformCue.forms.
const (
	vBase = iota
	vS
	vPast
	vIng
)

// A cueRef names one written form of a reform cue, filed under its first word.
type cueRef struct {
	cue  int // index in Lexicon.reformCues
	form int // vBase … vIng
}

var reformKinds = map[string]schema.ReformKind{
	"abolition": schema.Abolition, "replacement": schema.Replacement, "merger": schema.Merger,
	"transfer": schema.Transfer, "creation": schema.Creation, "reduction": schema.Reduction,
}

// addReformCue reads one line of the reforms section.
func (l *Lexicon) addReformCue(line string) error {
	f := strings.Fields(line)
	if len(f) == 2 && f[0] == "unit" {
		if l.units == nil {
			l.units = map[string]bool{}
		}
		l.units[strings.ToLower(f[1])] = true
		return nil
	}
	if len(f) < 3 {
		return fmt.Errorf("want \"KIND verb|noun|state WORDS [+FLAGS]\": %q", line)
	}
	kind, ok := reformKinds[f[0]]
	if !ok {
		return fmt.Errorf("unknown reform kind %q", f[0])
	}
	c := reformCue{kind: kind, lexOrder: len(l.reformCues)}
	switch f[1] {
	case "verb":
		c.form = cueVerb
	case "noun":
		c.form = cueNoun
	case "state":
		c.form = cueState
	default:
		return fmt.Errorf("unknown cue form %q (verb, noun or state)", f[1])
	}
	var words []string
	for _, w := range f[2:] {
		switch w {
		case "+gains":
			c.gains = true
		case "+ergative":
			c.ergative = true
		case "+new":
			c.new = true
		case "+becomes":
			c.becomes = true
		case "+alone":
			c.alone = true
		default:
			if strings.HasPrefix(w, "+") {
				return fmt.Errorf("unknown flag %q", w)
			}
			words = append(words, strings.ToLower(w))
		}
	}
	written := strings.Split(strings.Join(words, " "), "/")
	for i := range written {
		written[i] = strings.TrimSpace(written[i])
		if written[i] == "" {
			return fmt.Errorf("empty form in %q", line)
		}
	}
	c.base = written[0]
	switch {
	case len(written) == 1 && c.form == cueVerb:
		c.forms = inflect(c.base)
	case len(written) == 4:
		for i, w := range written {
			c.forms[i] = strings.Fields(w)
		}
	case len(written) == 1:
		c.forms[vBase] = strings.Fields(c.base)
	default:
		return fmt.Errorf("want one form, or four (base / -s / past / -ing): %q", line)
	}
	c.wordCount = len(c.forms[vBase])
	if c.form == cueNoun && len(c.base) >= 5 {
		if l.reformNouns == nil {
			l.reformNouns = map[schema.ReformKind][]string{}
		}
		l.reformNouns[c.kind] = append(l.reformNouns[c.kind], c.base)
	}
	idx := len(l.reformCues)
	l.reformCues = append(l.reformCues, c)
	if l.reformAt == nil {
		l.reformAt = map[string][]cueRef{}
	}
	for fi, ws := range c.forms {
		if len(ws) == 0 {
			continue
		}
		dup := false
		for _, r := range l.reformAt[ws[0]] {
			if r.cue == idx && equalWords(l.reformCues[idx].forms[r.form], ws) {
				dup = true // "cut / cuts / cut / cutting": past is base
			}
		}
		if !dup {
			l.reformAt[ws[0]] = append(l.reformAt[ws[0]], cueRef{cue: idx, form: fi})
		}
	}
	return nil
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// inflect derives a regular verb's forms from its base; the first word of
// a phrase inflects ("phase out" → "phases out").
func inflect(base string) [4][]string {
	ws := strings.Fields(base)
	v, rest := ws[0], ws[1:]
	var s, past, ing string
	switch {
	case strings.HasSuffix(v, "e"):
		s, past, ing = v+"s", v+"d", strings.TrimSuffix(v, "e")+"ing"
	case strings.HasSuffix(v, "y") && len(v) > 2 && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
		s, past, ing = v[:len(v)-1]+"ies", v[:len(v)-1]+"ied", v+"ing"
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z"):
		s, past, ing = v+"es", v+"ed", v+"ing"
	default:
		s, past, ing = v+"s", v+"ed", v+"ing"
	}
	out := [4][]string{}
	for i, w := range []string{v, s, past, ing} {
		out[i] = append([]string{w}, rest...)
	}
	return out
}

// matchShiftedCue returns a phrasal reform verb whose particle stands after
// its object: "fold A, B and C into D", "merge X into Y", "hand X over". It
// returns the cue, where the particle starts and how many words it has; the
// object is what lies between.
func (d *doc) matchShiftedCue(s *sentence, k int) (ref cueRef, at, n int) {
	t := s.para.toks
	l := d.lex
	for _, r := range l.reformAt[t[k].lower] {
		ws := l.reformCues[r.cue].forms[r.form]
		if len(ws) < 2 || l.reformCues[r.cue].form != cueVerb || !wordAhead(t, k+2, min(s.to, k+20), ws[1]) {
			continue // reading the object costs; the particle must be ahead first
		}
		obj := d.npAfter(s, k+1)
		if len(obj.ents) == 0 || obj.from <= k {
			continue
		}
		j := obj.end
		if j+len(ws)-1 > s.to {
			continue
		}
		ok := true
		for i, w := range ws[1:] {
			if !t[j+i].word || t[j+i].lower != w {
				ok = false
				break
			}
		}
		if ok {
			return r, j, len(ws) - 1
		}
	}
	return cueRef{}, 0, 0
}

// wordAhead reports whether word w is one of tokens [from, to).
func wordAhead(t []token, from, to int, w string) bool {
	for j := from; j < to; j++ {
		if t[j].lower == w {
			return true
		}
	}
	return false
}

// matchReformCue returns the reform cue written at token k of s and the
// number of tokens it spans; the longest match wins, and among equals the
// first in the lexicon.
func (l *Lexicon) matchReformCue(s *sentence, k int) (ref cueRef, n int) {
	t := s.para.toks
	best := -1
	for _, r := range l.reformAt[t[k].lower] {
		ws := l.reformCues[r.cue].forms[r.form]
		if k+len(ws) > s.to {
			continue
		}
		ok := true
		for i, w := range ws {
			if !t[k+i].word || t[k+i].lower != w || i > 0 && t[k+i-1].poss {
				ok = false
				break
			}
		}
		if ok && len(ws) > n {
			best, n, ref = r.cue, len(ws), r
		}
	}
	if best < 0 {
		return cueRef{}, 0
	}
	return ref, n
}

// nounCue returns the reform cue that is the noun w ("cull", "cut"), or nil.
func (l *Lexicon) nounCue(w string) *reformCue {
	for i := range l.reformCues {
		if c := &l.reformCues[i]; c.form == cueNoun && c.wordCount == 1 && c.forms[0][0] == w {
			return c
		}
	}
	return nil
}
