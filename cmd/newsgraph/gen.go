package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/bench/synth"
	"github.com/spf13/cobra"
)

// genWriters is how many goroutines create the corpus files.
const genWriters = 4

// newGenCmd is the hidden benchmark-corpus generator: a tool for measuring
// newsgraph, not part of its everyday interface.
func newGenCmd() *cobra.Command {
	var (
		n, workers int
		seed       int64
		out, truth string
	)
	cmd := &cobra.Command{
		Use:    "gen -o DIR [--n N] [--seed S] [--truth FILE]",
		Short:  "Write a deterministic synthetic news corpus for benchmarks",
		Hidden: true,
		Long: `Gen writes N synthetic news articles (about 500 words each) to DIR, a thousand
to a subdirectory. The same seed always gives byte-identical files. With
--truth it also writes the facts each article states, one JSON object a line.`,
		Example: "  newsgraph gen --n 100000 --seed 1 -o /tmp/corpus --truth /tmp/truth.jsonl",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return fmt.Errorf("gen: -o DIR is required")
			}
			return runGen(cmd, n, seed, workers, out, truth)
		},
	}
	f := cmd.Flags()
	f.IntVar(&n, "n", 1000, "number of articles")
	f.Int64Var(&seed, "seed", 1, "random seed")
	f.StringVarP(&out, "out", "o", "", "directory to write the articles to")
	f.StringVar(&truth, "truth", "", "file to write the generated facts to (JSON lines)")
	f.IntVar(&workers, "workers", 0, "goroutines generating articles (default: all cores)")
	return cmd
}

func runGen(cmd *cobra.Command, n int, seed int64, workers int, out, truth string) (err error) {
	start := time.Now()
	opts := []synth.Option{}
	if workers > 0 {
		opts = append(opts, synth.WithWorkers(workers))
	}
	if truth != "" {
		tf, err := os.Create(truth)
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		defer func() {
			if cerr := tf.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("gen: %w", cerr)
			}
		}()
		bw := bufio.NewWriterSize(tf, 1<<20)
		defer func() {
			if ferr := bw.Flush(); err == nil && ferr != nil {
				err = fmt.Errorf("gen: write %s: %w", truth, ferr)
			}
		}()
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		opts = append(opts, synth.WithTruth(func(name string, facts []synth.Fact) error {
			for i := range facts {
				if err := enc.Encode(&facts[i]); err != nil {
					return fmt.Errorf("write %s: %w", truth, err)
				}
			}
			return nil
		}))
	}
	// Creating files is latency-bound, so several goroutines write while
	// the generator runs ahead.
	type file struct {
		path string
		body []byte
	}
	files := make(chan file, 64)
	werrs := make(chan error, genWriters)
	var wg sync.WaitGroup
	for k := 0; k < genWriters; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var werr error
			for f := range files {
				if werr == nil {
					werr = os.WriteFile(f.path, f.body, 0o644)
				}
			}
			werrs <- werr
		}()
	}
	var bytes, words int64
	lastDir := ""
	emit := func(name string, body []byte) error {
		path := filepath.Join(out, filepath.FromSlash(name))
		if dir := filepath.Dir(path); dir != lastDir {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			lastDir = dir
		}
		bytes += int64(len(body))
		words += int64(synth.Words(body))
		files <- file{path, append([]byte(nil), body...)}
		return nil
	}
	gerr := synth.Generate(cmd.Context(), seed, n, emit, opts...)
	close(files)
	wg.Wait()
	close(werrs)
	for werr := range werrs {
		gerr = errors.Join(gerr, werr)
	}
	if gerr != nil {
		return fmt.Errorf("gen: %w", gerr)
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "gen: %d articles, %.1f MB, %d words in %s\n",
		n, float64(bytes)/1e6, words, time.Since(start).Round(time.Millisecond))
	return nil
}
