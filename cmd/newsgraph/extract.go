package main

import (
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"

	"github.com/cayleygraph/quad/nquads"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/internal/gctune"
	"github.com/newsgraph/newsgraph/source"
	"github.com/spf13/cobra"
)

func newExtractCmd() *cobra.Command {
	var (
		out, lexicon string
		workers      int
		ff           fetchFlags
	)
	cmd := &cobra.Command{
		Use:   "extract [PATH|URL...]",
		Short: "Extract facts from articles and write them as N-Quads (no store needed)",
		Long: `Extract reads articles (files, directories, or - for stdin; with no PATH the
embedded example articles; URLs of pages and feeds, fetched as build fetches
them, their copies kept in memory unless --cache names a directory), finds
people, organisations, roles, quotations, reforms and stances, and writes
them as N-Quads, each quad labelled with the sentence or article it came
from. The output is deterministic.`,
		Example: `  newsgraph extract examples/articles -o seeds.nq
  cat story.txt | newsgraph extract -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			gctune.SmallHeap()
			in := splitInputs(args)
			if err := source.Check(in.paths); err != nil {
				return err
			}
			fc, _, err := ff.client("", false)
			if err != nil {
				return err
			}
			ex, err := newExtractor(lexicon)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if out != "" && out != "-" {
				f, err := os.Create(out)
				if err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			var skips skipped
			n, failed, err := extractAll(cmd.Context(), ex, in.articles(cmd.Context(), fc, &skips), w, cmd.ErrOrStderr(), ingest.WithWorkers(workers))
			if err != nil {
				return err
			}
			skips.print(cmd.ErrOrStderr())
			if out != "" && out != "-" {
				fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d quads to %s\n", n, out)
			}
			if failed > 0 {
				return fmt.Errorf("%d article(s) could not be read or extracted", failed)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write N-Quads to this file (default stdout)")
	addLexiconFlag(cmd, &lexicon)
	cmd.Flags().IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "articles extracted at once (the output order does not change)")
	ff.add(cmd)
	return cmd
}

// extractAll writes the quads of every article to w through the library
// pipeline, reporting bad articles to errw and going on with the rest.
func extractAll(ctx context.Context, ex extract.Extractor, src iter.Seq2[extract.Article, error], w, errw io.Writer, opts ...ingest.Option) (quads, failed int, err error) {
	qw := nquads.NewWriter(w)
	sum, err := ingest.Extract(ctx, ex, src, qw, opts...)
	for _, e := range sum.Errors {
		fmt.Fprintln(errw, "newsgraph:", e)
	}
	if cerr := qw.Close(); err == nil {
		err = cerr
	}
	return sum.Quads, sum.Failed(), err
}

// addLexiconFlag adds --lexicon, read by newExtractor.
func addLexiconFlag(cmd *cobra.Command, lexicon *string) {
	cmd.Flags().StringVar(lexicon, "lexicon", "", "extend the built-in lexicons with this file (see docs/extraction.md)")
}

// newExtractor returns the rule-based extractor, its lexicon extended with
// the file lexicon names, if any.
func newExtractor(lexicon string) (*extract.Rules, error) {
	var opts []extract.Option
	if lexicon != "" {
		opts = append(opts, extract.WithLexiconFile(lexicon))
	}
	return extract.New(opts...)
}
