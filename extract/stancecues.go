package extract

import (
	"fmt"
	"strings"
)

// stanceRole says what a stance word of the lexicon does.
type stanceRole uint8

const (
	stSupportVerb  stanceRole = iota // "X welcomed the move"
	stOpposeVerb                     // "X criticised the plan"
	stAnnounceVerb                   // "X announced that the agency will close"
	stEvaluateVerb                   // "X called it a betrayal"
	stSupportNoun                    // "with the support of X"
	stOpposeNoun                     // "opposition from X"
)

var stanceRoles = map[string]stanceRole{
	"supports verb": stSupportVerb, "opposes verb": stOpposeVerb, "announces verb": stAnnounceVerb,
	"evaluates verb": stEvaluateVerb, "supports noun": stSupportNoun, "opposes noun": stOpposeNoun,
}

// A stanceRef is one written form of a stance word, filed under its first
// word in Lexicon.stanceAt.
type stanceRef struct {
	role  stanceRole
	words []string
	form  int // vBase … vIng for verbs; vBase for nouns
}

// addStanceWords reads a "supports verb: …" (or noun, announces, evaluates)
// line of the stance section.
func (l *Lexicon) addStanceWords(kind, list string) error {
	role, ok := stanceRoles[kind]
	if !ok {
		return fmt.Errorf("unknown stance line %q", kind)
	}
	if l.stanceAt == nil {
		l.stanceAt = map[string][]stanceRef{}
	}
	for _, item := range strings.Split(list, ",") {
		item = strings.ToLower(strings.TrimSpace(item))
		if item == "" {
			continue
		}
		forms := [4][]string{}
		written := strings.Split(item, "/")
		switch {
		case len(written) == 4:
			for i, w := range written {
				forms[i] = strings.Fields(w)
				if len(forms[i]) == 0 {
					return fmt.Errorf("empty form in %q", item)
				}
			}
		case len(written) == 1 && (role == stSupportNoun || role == stOpposeNoun):
			forms[vBase] = strings.Fields(item)
		case len(written) == 1:
			forms = inflect(item)
		default:
			return fmt.Errorf("want one form, or four (base / -s / past / -ing): %q", item)
		}
		for fi, ws := range forms {
			if len(ws) == 0 {
				continue
			}
			dup := false
			for _, r := range l.stanceAt[ws[0]] {
				dup = dup || r.role == role && equalWords(r.words, ws)
			}
			if !dup {
				l.stanceAt[ws[0]] = append(l.stanceAt[ws[0]], stanceRef{role: role, words: ws, form: fi})
			}
		}
	}
	return nil
}

// matchStanceWord returns the stance word written at token k of s, the
// longest that matches, and how many tokens it spans.
func (l *Lexicon) matchStanceWord(s *sentence, k int) (stanceRef, int) {
	t := s.para.toks
	// "the support of X" is the noun, "X will support" the verb.
	afterDet := k > s.from && (classOf(t, k-1) == wDet || t[k-1].poss)
	var best stanceRef
	n := 0
	for _, r := range l.stanceAt[t[k].lower] {
		if k+len(r.words) > s.to || len(r.words) < n {
			continue
		}
		ok := true
		for i, w := range r.words {
			if !t[k+i].word || t[k+i].lower != w {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		noun := r.role == stSupportNoun || r.role == stOpposeNoun
		if len(r.words) > n || noun == afterDet {
			best, n = r, len(r.words)
		}
	}
	return best, n
}
