package source

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"

	"github.com/newsgraph/newsgraph/internal/prose"
)

// maxPDFPages bounds the pages read from one PDF: reports run to a few
// dozen; a scanned book is no article.
const maxPDFPages = 500

// parsePDF reads a PDF's text layer with github.com/ledongthuc/pdf (pure
// Go): its lines, page by page, joined into paragraphs as hard-wrapped text
// is, and the title, author and creation date of its document information.
// A PDF with no text layer (a scan) is ErrNoText: it needs OCR first. The
// library panics on some malformed files; that is an error here, never a
// crash.
func parsePDF(raw []byte) (title string, paras []string, meta metadata, err error) {
	defer func() {
		if p := recover(); p != nil {
			title, paras, meta, err = "", nil, metadata{}, fmt.Errorf("malformed PDF: %v", p)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return "", nil, metadata{}, fmt.Errorf("malformed PDF: %w", err)
	}
	info := r.Trailer().Key("Info")
	meta.title = prose.Line(info.Key("Title").Text())
	meta.author = prose.Line(info.Key("Author").Text())
	if d, ok := pdfDate(info.Key("CreationDate").Text()); ok {
		meta.date = d
	}
	var lines strings.Builder
	n := min(r.NumPage(), maxPDFPages)
	for i := 1; i <= n; i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		pageLines(&lines, p.Content().Text)
		lines.WriteByte('\n') // a page ends a paragraph
	}
	paras = textParagraphs(lines.String(), false)
	if len(paras) == 0 {
		return "", nil, metadata{}, fmt.Errorf("%w: the PDF has no text layer (a scan? run it through OCR first)", ErrNoText)
	}
	return "", paras, meta, nil
}

// pageLines writes a page's text as lines, top to bottom: glyphs on one
// baseline make a line, in order across the page, and a gap between lines
// wider than one and a half times the page's usual line spacing ends a
// paragraph (a blank line).
func pageLines(w *strings.Builder, texts []pdf.Text) {
	if len(texts) == 0 {
		return
	}
	sorted := slices.Clone(texts)
	slices.SortStableFunc(sorted, func(a, b pdf.Text) int {
		if d := b.Y - a.Y; math.Abs(d) > 1 {
			return cmp.Compare(b.Y, a.Y)
		}
		return cmp.Compare(a.X, b.X)
	})
	type line struct {
		y    float64
		text strings.Builder
	}
	var ls []*line
	for _, t := range sorted {
		if len(ls) == 0 || math.Abs(ls[len(ls)-1].y-t.Y) > 1 {
			ls = append(ls, &line{y: t.Y})
		}
		ls[len(ls)-1].text.WriteString(t.S)
	}
	var gaps []float64
	for i := 1; i < len(ls); i++ {
		gaps = append(gaps, ls[i-1].y-ls[i].y)
	}
	usual := 0.0
	if len(gaps) > 0 {
		s := slices.Clone(gaps)
		slices.Sort(s)
		usual = s[len(s)/4] // the tightest spacing most lines share
	}
	for i, l := range ls {
		if i > 0 && usual > 0 && gaps[i-1] > usual*1.5 {
			w.WriteByte('\n')
		}
		w.WriteString(prose.Line(l.text.String()))
		w.WriteByte('\n')
	}
}

// pdfDate reads a PDF date, "D:20250301093000Z" or "D:20250301093000+01'00'".
func pdfDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 8 {
		return time.Time{}, false
	}
	if len(s) >= 14 {
		if t, err := time.Parse("20060102150405", s[:14]); err == nil {
			return t.UTC(), true
		}
	}
	t, err := time.Parse("20060102", s[:8])
	return t, err == nil
}
