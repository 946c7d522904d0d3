package source

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/nlnwa/gowarc/v3"
)

// decodeWARC reads a web archive (WARC 1.0 or 1.1, plain or gzipped record
// by record, as crawlers, the Internet Archive and Common Crawl write them)
// with github.com/nlnwa/gowarc: each response record holding an HTML page
// with status 200 is an article, read as a page is, with the record's
// target URI as its URL and, when the page gives no publication date, the
// record's date (when it was fetched). Other records — requests,
// metadata, revisits, images, redirects, 404s — are skipped and reported.
// A damaged record is a bad record; the reader finds the next one.
func decodeWARC(ctx context.Context, in *bufio.Reader, s sink, cfg readConfig) error {
	wr, err := gowarc.NewWarcFileReaderFromStream(in, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrWarn),
		gowarc.WithBufferMaxMemBytes(max(cfg.maxSize, 1<<20)))
	if err != nil {
		return err
	}
	defer wr.Close()
	lastOffset, failures := int64(-1), 0
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		label := fmt.Sprintf("record at byte %d", rec.Offset)
		if err != nil || rec.WarcRecord == nil {
			if err == nil {
				err = errors.New("no record")
			}
			// The reader looks for the next record after a bad one; if it
			// makes no headway, nothing more can be read.
			failures++
			if rec.Offset <= lastOffset || failures > 1000 {
				return fmt.Errorf("%s: %w", label, err)
			}
			lastOffset = rec.Offset
			if !s.fail(label, err) {
				return nil
			}
			continue
		}
		lastOffset = rec.Offset
		goOn := warcRecord(rec, label, s, cfg)
		rec.WarcRecord.Close()
		if !goOn {
			return nil
		}
	}
}

// warcRecord hands one record to s as an article, a skip or a failure.
func warcRecord(rec gowarc.Record, label string, s sink, cfg readConfig) bool {
	w := rec.WarcRecord
	uri := strings.Trim(w.WarcHeader().Get(gowarc.WarcTargetURI), "<>")
	if uri != "" {
		label += ", " + uri
	}
	if w.Type() != gowarc.Response {
		return s.skip(label, "a "+w.Type().String()+" record, not a response")
	}
	block, ok := w.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return s.skip(label, "not an HTTP response")
	}
	if code := block.HttpStatusCode(); code != 200 {
		return s.skip(label, fmt.Sprintf("status %d", code))
	}
	ctype := ""
	if h := block.HttpHeader(); h != nil {
		ctype = h.Get("Content-Type")
	}
	media, params, _ := mime.ParseMediaType(ctype)
	if media != "text/html" && media != "application/xhtml+xml" {
		if media == "" {
			media = "no content type"
		}
		return s.skip(label, "not HTML ("+media+")")
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return s.fail(label, err)
	}
	raw, err := readLimited(payload, cfg.maxSize)
	if err != nil {
		return s.fail(label, err)
	}
	text, err := pageText(raw, params["charset"])
	if err != nil {
		return s.fail(label, err)
	}
	title, paras, meta := parseHTML(text, cfg.mainText)
	r := record{label: label, key: uri, title: title, body: paras, url: uri,
		date: meta.date, source: meta.source, author: meta.author, language: meta.language}
	if r.url == "" {
		r.url = meta.url
	}
	if r.date.IsZero() {
		if d, err := w.Date(); err == nil {
			r.date = d.UTC()
		}
	}
	if r.source == "" {
		r.source = hostOf(r.url)
	}
	if r.title == "" && len(r.body) == 0 {
		return s.fail(label, fmt.Errorf("%w: the page has no story text", ErrNoText))
	}
	return s.article(r)
}

func init() { decoders[WARC] = decodeWARC }
