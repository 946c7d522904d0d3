package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/source"
)

// skipped gathers what the reader passed over, for the summary: files in
// no known format by name, container records by file and reason.
type skipped struct {
	files    []string       // "a.jpg (unknown format: extension .jpg)"
	notFiles []string       // "pipe (a named pipe (FIFO), not a regular file)"
	records  map[string]int // "crawl.warc.gz: status 404" → count
}

func (s *skipped) add(k source.Skip) {
	if k.NotFile {
		s.notFiles = append(s.notFiles, k.Path+" ("+k.Reason+")")
		return
	}
	if k.Record == "" {
		s.files = append(s.files, k.Path+" ("+k.Reason+")")
		return
	}
	if s.records == nil {
		s.records = map[string]int{}
	}
	reason := k.Reason
	if strings.HasPrefix(reason, "the same article as ") {
		reason = "a copy of an earlier record"
	}
	s.records[k.Path+": "+reason]++
}

// print writes the skips under the summary; nothing when there were none.
func (s *skipped) print(w io.Writer) {
	list := func(names []string) {
		for i, f := range names {
			if i == 20 {
				fmt.Fprintf(w, "  … and %d more\n", len(names)-20)
				break
			}
			fmt.Fprintln(w, "  "+f)
		}
	}
	if len(s.files) > 0 {
		fmt.Fprintf(w, "skipped:  %d file(s) in no format newsgraph reads:\n", len(s.files))
		list(s.files)
	}
	if len(s.notFiles) > 0 {
		fmt.Fprintf(w, "not read: %d path(s) that are no file to read:\n", len(s.notFiles))
		list(s.notFiles)
	}
	if len(s.records) > 0 {
		keys := make([]string, 0, len(s.records))
		for k := range s.records {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintln(w, "skipped records (no article in them):")
		for _, k := range keys {
			fmt.Fprintf(w, "  %-60s %d\n", k, s.records[k])
		}
	}
}
