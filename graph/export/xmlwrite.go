package export

import (
	"bufio"
	"context"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xmlWriter writes XML by hand onto a buffered writer: GEXF and GraphML are
// flat enough that an encoder's token machinery would only add allocations.
// Write errors are sticky in bufio.Writer and surface at flush.
type xmlWriter struct {
	ctx context.Context
	w   *bufio.Writer
	n   int
}

func newXMLWriter(ctx context.Context, w io.Writer) *xmlWriter {
	return &xmlWriter{ctx: ctx, w: bufio.NewWriterSize(w, 64<<10)}
}

func (x *xmlWriter) raw(ss ...string) {
	for _, s := range ss {
		x.w.WriteString(s)
	}
}

// attr writes ` name="value"` with value escaped.
func (x *xmlWriter) attr(name, value string) {
	x.raw(" ", name, `="`)
	x.text(value)
	x.w.WriteByte('"')
}

// text writes s escaped for element content or a double-quoted attribute
// value. Line breaks and tabs are written as character references so that
// attribute-value normalisation keeps them; characters XML 1.0 cannot carry
// become U+FFFD.
func (x *xmlWriter) text(s string) {
	last := 0
	for i, r := range s {
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '"':
			esc = "&quot;"
		case r == '\n':
			esc = "&#10;"
		case r == '\r':
			esc = "&#13;"
		case r == '\t':
			esc = "&#9;"
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r == utf8.RuneError && isBadRune(s[i:])):
			esc = "\uFFFD"
		default:
			continue
		}
		x.w.WriteString(s[last:i])
		x.w.WriteString(esc)
		_, w := utf8.DecodeRuneInString(s[i:])
		last = i + w
	}
	x.w.WriteString(s[last:])
}

// isBadRune reports whether s starts with an invalid UTF-8 sequence rather
// than a genuine U+FFFD.
func isBadRune(s string) bool {
	_, w := utf8.DecodeRuneInString(s)
	return w == 1
}

// tick checks for cancellation every so many elements.
func (x *xmlWriter) tick() error {
	x.n++
	if x.n%1024 == 0 {
		return x.ctx.Err()
	}
	return nil
}

func (x *xmlWriter) flush() error { return x.w.Flush() }

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// listSep joins the values of a multi-valued attribute (article IRIs,
// aliases): GEXF's own liststring convention, and safe in CSV cells.
const listSep = "|"

func join(ss []string) string { return strings.Join(ss, listSep) }

// joinQuotes joins the words of several quotations folded into one edge,
// one per line: quotations may contain listSep, but rarely a line break.
func joinQuotes(qs []string) string { return strings.Join(qs, "\n") }
