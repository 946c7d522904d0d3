package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/newsgraph/newsgraph/examples"
	"github.com/newsgraph/newsgraph/ingest"
)

// Progress modes for build --progress.
const (
	progressAuto   = "auto"   // a bar on a terminal, log lines otherwise
	progressAlways = "always" // a bar even when stderr is not a terminal
	progressNever  = "never"
)

// logEvery is how often progress is logged when stderr is not a terminal.
const logEvery = 5 * time.Second

// A progressReporter shows a build's progress on stderr.
type progressReporter struct {
	w       io.Writer
	total   int // articles expected; <= 0 when unknown
	bar     *progressbar.ProgressBar
	lastLog time.Time
	last    ingest.Progress
}

// newProgress returns the reporter --progress=mode asks for, or nil for
// none. total is the number of articles expected (0 if unknown).
func newProgress(w io.Writer, mode string, total int) (*progressReporter, error) {
	switch mode {
	case progressNever:
		return nil, nil
	case progressAuto, progressAlways:
	default:
		return nil, fmt.Errorf("--progress: %q is not auto, always or never", mode)
	}
	p := &progressReporter{w: w, total: total, lastLog: time.Now()}
	if mode == progressAlways || isTerminal(w) {
		max := total
		if max <= 0 {
			max = -1 // a spinner
		}
		p.bar = progressbar.NewOptions(max,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("building"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionShowDescriptionAtLineEnd(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }),
		)
	}
	return p, nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// update is the ingest.WithProgress callback.
func (p *progressReporter) update(s ingest.Progress) {
	p.last = s
	if p.bar != nil {
		// The bar completes (and prints its last line) on reaching the
		// total, but the last batch is still to be written: hold it back.
		if p.total <= 0 || s.Articles < p.total {
			p.bar.Describe(describe(s))
			_ = p.bar.Set(s.Articles)
		}
		return
	}
	if time.Since(p.lastLog) >= logEvery {
		p.lastLog = time.Now()
		fmt.Fprintln(p.w, p.line(s))
	}
}

// finish ends the bar, or logs the last figures.
func (p *progressReporter) finish() {
	if p.bar != nil {
		p.bar.Describe(describe(p.last))
		if p.total > 0 && p.last.Articles >= p.total {
			_ = p.bar.Set(p.last.Articles)
		} else {
			_ = p.bar.Set(p.last.Articles)
			_ = p.bar.Exit()
		}
		return
	}
	if p.last.Elapsed >= logEvery {
		fmt.Fprintln(p.w, p.line(p.last))
	}
}

func describe(s ingest.Progress) string {
	d := fmt.Sprintf("%s quads", count(s.Quads))
	if s.Skipped > 0 {
		d += fmt.Sprintf(", %s unchanged", count(s.Skipped))
	}
	return d + fmt.Sprintf(", %d errors", s.Failed)
}

// line is one log line: done, rate, quads, errors and time left.
func (p *progressReporter) line(s ingest.Progress) string {
	secs := s.Elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.Articles) / secs
	}
	done := count(s.Articles)
	eta := ""
	if p.total > 0 {
		done += fmt.Sprintf("/%s (%d%%)", count(p.total), 100*s.Articles/p.total)
		if rate > 0 && s.Articles < p.total {
			left := time.Duration(float64(p.total-s.Articles) / rate * float64(time.Second))
			eta = ", ETA " + left.Round(time.Second).String()
		}
	}
	return fmt.Sprintf("build: %s articles, %.0f articles/s, %s, elapsed %s%s",
		done, rate, describe(s), s.Elapsed.Round(time.Second), eta)
}

// count writes n with thousands separators.
func count(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// countArticles counts the files build will read from paths, walking
// directories as source.Read does (hidden entries skipped, article
// extensions only), for the progress bar's total. It reads names only, not
// files; an unreadable path counts as one (it will be one error).
func countArticles(paths []string) int {
	if len(paths) == 0 {
		return countFS(examples.Articles, ".")
	}
	n := 0
	for _, p := range paths {
		if p == "-" {
			n++
			continue
		}
		fi, err := os.Stat(p)
		if err != nil || !fi.IsDir() {
			n++
			continue
		}
		n += countFS(os.DirFS(p), ".")
	}
	return n
}

// articleExts mirrors the extensions source.Read reads in a directory (a
// feed, archive or dataset counts as one, though it holds many articles).
var articleExts = map[string]bool{"": true, ".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true, ".pdf": true,
	".rss": true, ".atom": true, ".xml": true, ".warc": true, ".gz": true, ".json": true, ".jsonl": true, ".ndjson": true, ".csv": true, ".tsv": true}

func countFS(fsys fs.FS, root string) int {
	n := 0
	_ = fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if name != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !articleExts[strings.ToLower(path.Ext(name))] {
			return nil
		}
		if d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0 {
			n++
		}
		return nil
	})
	return n
}
