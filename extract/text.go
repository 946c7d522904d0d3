package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A token is a word, a number or a punctuation mark of a paragraph.
type token struct {
	text       string // as written, possessive "'s" cut off
	lower      string
	start, end int  // byte offsets in the paragraph
	word       bool // letters or digits
	cap        bool // begins with an upper-case letter
	acronym    bool // two or more capitals: "NHS", "PCTs", "IDeA"
	poss       bool // was followed by 's or s'
	plural     bool // a plural possessive: "Workers'"
	quote      int  // index of the quote span it lies in, or -1
}

// A quoteSpan is the text between a pair of quotation marks in a paragraph.
type quoteSpan struct {
	open, close int  // offsets of the opening and closing marks (close = len(text) when unclosed)
	closed      bool // false when the quotation runs on into the next paragraph
	single      bool
}

// content returns the quoted words.
func (q quoteSpan) content(text string) string {
	from := q.open + markLen(text, q.open)
	if from > q.close {
		return ""
	}
	return strings.TrimSpace(text[from:q.close])
}

func markLen(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	_, n := utf8.DecodeRuneInString(text[i:])
	return n
}

// A sentence is a run of tokens of one paragraph.
type sentence struct {
	para     *paragraph
	from, to int        // token indexes [from, to)
	n        int        // number in the article, from 1
	ments    []*mention // its mentions in text order, once sorted; see doc.in
	// titleCase: the sentence capitalises its common words ("Water Agency
	// Launched"), as headlines do; see doc.isTitleCase.
	titleCase bool
}

func (s *sentence) tokens() []token { return s.para.toks[s.from:s.to] }

func (s *sentence) text() string {
	if s.from >= s.to {
		return ""
	}
	t := s.para.toks
	start, end := t[s.from].start, t[s.to-1].end
	// Take the closing quotation mark that ends the sentence along.
	for end < len(s.para.text) {
		r, n := utf8.DecodeRuneInString(s.para.text[end:])
		if !isQuoteMark(r) {
			break
		}
		end += n
	}
	return strings.TrimSpace(s.para.text[start:end])
}

// A paragraph is a block of text separated from the next by a blank line.
type paragraph struct {
	index  int
	text   string
	toks   []token
	quotes []quoteSpan
	sents  []*sentence
	head   bool // the headline
}

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb':
		return true
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// findQuotes finds the quotation spans of a paragraph. An apostrophe inside
// a word ("it's", "councils' ") is not a quotation mark; a straight or curly
// single mark opens only after a space or bracket and before a word.
func findQuotes(text string) []quoteSpan {
	var spans []quoteSpan
	openD, openS := -1, -1
	prev := ' '
	for i, r := range text {
		_, width := utf8.DecodeRuneInString(text[i:])
		next := ' '
		if i+width < len(text) {
			next, _ = utf8.DecodeRuneInString(text[i+width:])
		}
		before := unicode.IsSpace(prev) || strings.ContainsRune("([{—–-:;/", prev) || i == 0
		switch r {
		case '\u201c', '\u00ab':
			if openD < 0 {
				openD = i
			}
		case '\u201d', '\u00bb':
			if openD >= 0 {
				spans = append(spans, quoteSpan{open: openD, close: i, closed: true})
				openD = -1
			}
		case '"':
			if openD >= 0 && !(before && isWordRune(next)) {
				spans = append(spans, quoteSpan{open: openD, close: i, closed: true})
				openD = -1
			} else if openD < 0 {
				openD = i
			} else {
				// Two openings in a row: the first was unbalanced.
				openD = i
			}
		case '\u2018', '\'', '\u2019':
			inWord := isWordRune(prev) && isWordRune(next)
			if inWord && r == '\u2018' && unicode.IsUpper(next) && openS < 0 {
				// "added‘The Government …": a left mark is no apostrophe;
				// a space lost before it.
				before = true
			} else if inWord {
				break
			}
			if openS < 0 && openD < 0 || openS < 0 && openD >= 0 {
				if before && (isWordRune(next) || next == '[' || next == '.') && r != '\u2019' {
					openS = i
				} else if before && r == '\u2019' && isWordRune(next) && unicode.IsUpper(next) {
					openS = i // a right mark typed for a left one
				}
				break
			}
			if openS >= 0 && !unicode.IsSpace(prev) && !isWordRune(next) {
				spans = append(spans, quoteSpan{open: openS, close: i, closed: true, single: true})
				openS = -1
			}
		}
		prev = r
	}
	if openD >= 0 {
		spans = append(spans, quoteSpan{open: openD, close: len(text)})
	}
	if openS >= 0 {
		spans = append(spans, quoteSpan{open: openS, close: len(text), single: true})
	}
	// Keep outermost spans only, in order.
	sortSpans(spans)
	var out []quoteSpan
	for _, s := range spans {
		if len(out) > 0 && s.open < out[len(out)-1].close {
			continue
		}
		out = append(out, s)
	}
	return out
}

func sortSpans(s []quoteSpan) {
	slices.SortStableFunc(s, func(a, b quoteSpan) int { return a.open - b.open })
}

// tokenize splits a paragraph into tokens and marks those inside quotations.
func tokenize(text string, quotes []quoteSpan) []token {
	toks := make([]token, 0, len(text)/5+1) // news prose runs some five bytes a token
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if isWordRune(r) {
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				// Inner joiners: hyphen, apostrophe, full stop and ampersand between word runes.
				if strings.ContainsRune("-'\u2019.&", r2) && j+n2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if isWordRune(r3) && !(r2 == '.' && unicode.IsUpper(r3) && !isInitialism(text[i:j])) {
						j += n2
						continue
					}
				}
				// "U.S." and "e.g.": a full stop after a single letter following a full stop.
				if r2 == '.' && strings.Contains(text[i:j], ".") && isInitialism(text[i:j]) {
					j += n2
				}
				break
			}
			// A middle initial keeps its full stop: "John A. Smith".
			if j-i == 1 && unicode.IsUpper(r) && j+2 < len(text) && text[j] == '.' && text[j+1] == ' ' && unicode.IsUpper(rune(text[j+2])) && i > 0 && text[i-1] == ' ' {
				j++
			}
			tk := makeWord(text, i, j)
			toks = append(toks, tk)
			i = tk.end
			continue
		}
		toks = append(toks, token{text: text[i : i+n], lower: text[i : i+n], start: i, end: i + n, quote: -1})
		i += n
	}
	// The quotations are in order and do not overlap (see findQuotes), and
	// so are the tokens: one walk through both.
	qi := 0
	for k := range toks {
		for qi < len(quotes) && quotes[qi].close <= toks[k].start {
			qi++
		}
		toks[k].quote = -1
		if qi < len(quotes) && toks[k].start > quotes[qi].open {
			toks[k].quote = qi
		}
	}
	return toks
}

func isInitialism(s string) bool {
	parts := strings.Split(strings.TrimSuffix(s, "."), ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

func makeWord(text string, i, j int) token {
	w := text[i:j]
	t := token{start: i, end: j, word: true, quote: -1}
	for _, suf := range []string{"'s", "\u2019s", "'S"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			w = w[:len(w)-len(suf)]
			t.poss = true
			break
		}
	}
	// A plural possessive "councils' " keeps its apostrophe outside the word.
	if !t.poss && j < len(text) && (text[j] == '\'' || strings.HasPrefix(text[j:], "\u2019")) && strings.HasSuffix(w, "s") {
		after := j + 1
		if text[j] != '\'' {
			after = j + len("\u2019")
		}
		if after >= len(text) || !isWordRune(rune(text[after])) {
			t.poss = true
			t.plural = true
			t.end = after // the apostrophe belongs to the word: "Workers' Union"
		}
	}
	t.text = w
	t.lower = strings.ToLower(w)
	r, n := utf8.DecodeRuneInString(w)
	t.cap = unicode.IsUpper(r)
	if r2, _ := utf8.DecodeRuneInString(w[n:]); !t.cap && (r == 'e' || r == 'i') && unicode.IsUpper(r2) {
		t.cap = true // "eHealth", "iNaturalist": a name whose first letter stays small
	}
	up := 0
	for _, c := range w {
		if unicode.IsUpper(c) {
			up++
		}
	}
	// "O'Dwyer", "D'Arcy": capitals around an apostrophe make a surname.
	t.acronym = up >= 2 && t.cap && !strings.ContainsAny(w, "-'’") && !isPrefixedName(w)
	return t
}

// isPrefixedName reports whether a word with two capitals is a surname with
// a particle ("McArdle", "MacInnes", "LaFontaine", "DeSouza") rather than an
// acronym ("DfE", "MoD", "IDeA"): one to three letters, a capital, then at
// least two lower-case letters and nothing else.
func isPrefixedName(w string) bool {
	rs := []rune(w)
	k := 1
	for k < len(rs) && unicode.IsLower(rs[k]) {
		k++
	}
	if k < 2 || k > 3 || k >= len(rs) || !unicode.IsUpper(rs[k]) {
		return false
	}
	n := 0
	for _, r := range rs[k+1:] {
		if !unicode.IsLower(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "no": true, "co": true,
	"jr": true, "sr": true, "vs": true, "etc": true, "gov": true, "sen": true, "rep": true, "rev": true,
	"cllr": true, "capt": true, "col": true, "gen": true, "lt": true, "sgt": true, "det": true, "insp": true, "fr": true, "msgr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "inc": true, "ltd": true, "corp": true, "approx": true,
}

// splitSentences splits a tokenized paragraph into sentences.
func splitSentences(p *paragraph, next int) int {
	t := p.toks
	from := 0
	for i := 0; i < len(t); i++ {
		if !(t[i].text == "." || t[i].text == "!" || t[i].text == "?" || t[i].text == "\u2026") {
			continue
		}
		if t[i].text == "." && i > 0 && t[i-1].word && t[i].start == t[i-1].end {
			prev := t[i-1].lower
			if abbreviations[prev] || (len(t[i-1].text) == 1 && t[i-1].cap) {
				continue
			}
		}
		// The sentence ends here if the next word starts upper-case, a quotation or a number.
		j := i + 1
		for j < len(t) && !t[j].word && isQuoteMarkStr(t[j].text) {
			j++
		}
		if j < len(t) {
			if !(t[j].cap || t[j].text[0] >= '0' && t[j].text[0] <= '9' || (j > i+1 && t[j].word)) {
				continue
			}
		}
		end := i + 1
		for end < len(t) && isQuoteMarkStr(t[end].text) && t[end].quote < 0 && closesQuote(p, t[end].start) {
			end++
		}
		next = p.addSentence(from, end, next)
		from = end
		i = end - 1
	}
	if from < len(t) {
		next = p.addSentence(from, len(t), next)
	}
	return next
}

// maxSentence bounds, in tokens, what is read as one sentence. The rules
// look at each word's sentence, so an endless one (a list of ten thousand
// names, a page with no full stops) would cost its length squared; news
// sentences run to a hundred tokens or so.
const maxSentence = 400

// addSentence adds the tokens [from, to) as sentence number next, or, past
// maxSentence tokens, as several, each cut after the last comma,
// semicolon, colon or dash of its second half when there is one. It
// returns the number of the next sentence.
func (p *paragraph) addSentence(from, to, next int) int {
	for to-from > maxSentence {
		cut := from + maxSentence
		for k := cut - 1; k > from+maxSentence/2; k-- {
			if w := p.toks[k].text; w == "," || w == ";" || w == ":" || w == "—" || w == "–" {
				cut = k + 1
				break
			}
		}
		p.sents = append(p.sents, &sentence{para: p, from: from, to: cut, n: next})
		from, next = cut, next+1
	}
	p.sents = append(p.sents, &sentence{para: p, from: from, to: to, n: next})
	return next + 1
}

func isQuoteMarkStr(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isQuoteMark(r)
}

func closesQuote(p *paragraph, off int) bool {
	// In order and apart, the quotations close in order too.
	i := sort.Search(len(p.quotes), func(i int) bool { return p.quotes[i].close >= off })
	return i < len(p.quotes) && p.quotes[i].close == off
}

// paragraphs splits an article body into paragraphs: blank lines separate
// them, and so do single line breaks (news text keeps one paragraph a line).
func splitParagraphs(body string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(strings.ReplaceAll(line, "\u00a0", " "))
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}
