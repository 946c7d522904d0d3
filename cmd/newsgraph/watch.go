package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/source"
	"github.com/newsgraph/newsgraph/source/fetch"
)

func newWatchCmd() *cobra.Command {
	var (
		db, lexicon string
		every       time.Duration
		rounds      int
		workers     int
		ff          fetchFlags
	)
	cmd := &cobra.Command{
		Use:   "watch FEED-URL|URL|DIR...",
		Short: "Keep a store up to date with feeds, pages and directories",
		Long: `Watch reads its inputs as build does, every --every, and loads what is new
or changed into the store --db names, until it is stopped (Ctrl-C, SIGTERM)
or has run --rounds rounds. Each round logs one line: what was read, loaded,
replaced, unchanged and failed, and what fetching cost.

Only what is new costs anything: a feed is asked for conditionally (ETag,
Last-Modified) and answers "not modified" while nothing changed; the page
behind a feed item is asked for again only when the item changes; an
article whose content the store already holds is skipped before extraction.
A directory is read again each round, and its new and changed files loaded.

Watch keeps no state of its own: what was loaded is in the store, what was
fetched in the cache (--cache; by default inside a bolt store's directory).
So it can be killed at any moment and started again: the next round loads
nothing twice and goes on where the last one stopped. A bolt store is
opened for each round and closed between rounds, so that other newsgraph
commands can use it meanwhile.

A URL or file that fails is listed under its round and the next round tries
it again; the command exits non-zero when its last round had failures.`,
		Example: `  newsgraph watch https://www.example-news.co.uk/rss.xml --every 15m --contact mailto:me@example.org
  newsgraph watch https://a.example/feed.xml https://b.example/atom.xml incoming/ --db ./news.db`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			quietCayley()
			in := splitInputs(args)
			if err := source.Check(in.paths); err != nil {
				return fmt.Errorf("watch: %w", err)
			}
			if every <= 0 {
				return fmt.Errorf("watch: --every %s: must be more than 0", every)
			}
			ex, err := newExtractor(lexicon)
			if err != nil {
				return err
			}
			fc, cacheAt, err := ff.client(db, true)
			if err != nil {
				return err
			}
			w := &watcher{in: in, db: db, ex: ex, fc: fc, every: every, rounds: rounds, workers: workers,
				out: cmd.OutOrStdout(), errOut: cmd.ErrOrStderr()}
			backend, address := graph.ParseDB(db)
			if backend == graph.Bolt {
				backend += " " + address
			}
			w.logf("watching %d input(s) every %s into %s; fetched pages kept %s; User-Agent %q",
				len(args), every, backend, cacheAt, fc.UserAgent())
			return w.run(cmd.Context())
		},
	}
	f := cmd.Flags()
	f.StringVar(&db, "db", "", `store: a bolt directory (default ./newsgraph.db), "memory", or a postgres:// URL`)
	f.DurationVar(&every, "every", 15*time.Minute, "time from the start of one round to the start of the next")
	f.IntVar(&rounds, "rounds", 0, "stop after this many rounds (default 0: until stopped)")
	f.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "articles extracted at once")
	addLexiconFlag(cmd, &lexicon)
	ff.add(cmd)
	return cmd
}

// A watcher runs watch's rounds.
type watcher struct {
	in          inputs
	db          string
	ex          extract.Extractor
	fc          *fetch.Client
	every       time.Duration
	rounds      int
	workers     int
	out, errOut io.Writer

	g *graph.Graph // the store, kept open between rounds unless it is bolt
}

// run runs rounds until ctx ends or w.rounds have run. A stop between
// rounds, or during one, is clean: what the round loaded stays, and the
// next run goes on from there.
func (w *watcher) run(ctx context.Context) error {
	if backend, _ := graph.ParseDB(w.db); backend != graph.Bolt {
		// A memory store lives only while it is open, and a database
		// server's is shared anyway: keep it.
		g, err := graph.OpenURL(ctx, w.db)
		if err != nil {
			return err
		}
		w.g = g
		defer g.Close()
	}
	failed := 0 // in the last round finished
	for round := 1; ; round++ {
		start := time.Now()
		sum, st, err := w.round(ctx, round)
		if ctx.Err() != nil {
			w.logf("stopped during round %d; what it loaded stays, and the next run goes on from there", round)
			return lastRound(failed)
		}
		for _, e := range sum.Errors {
			fmt.Fprintf(w.errOut, "newsgraph: watch: round %d: %v\n", round, e)
		}
		failed = sum.Failed()
		if err != nil {
			fmt.Fprintf(w.errOut, "newsgraph: watch: round %d: %v\n", round, err)
			failed++
		}
		next := start.Add(w.every)
		line := fmt.Sprintf("round %d: %d read, %d loaded (%d replaced), %d unchanged, %d failed",
			round, sum.Articles, sum.Loaded, sum.Replaced, sum.Skipped, failed)
		if len(w.in.urls) > 0 {
			line += "; " + describeFetch(st)
		}
		if err != nil {
			line += "; the store failed: " + err.Error()
		}
		if w.rounds > 0 && round >= w.rounds {
			w.logf("%s; done", line)
			return lastRound(failed)
		}
		w.logf("%s; next round at %s", line, next.Format("15:04:05"))
		t := time.NewTimer(time.Until(next))
		select {
		case <-ctx.Done():
			t.Stop()
			w.logf("stopped after %d round(s)", round)
			return lastRound(failed)
		case <-t.C:
		}
	}
}

// round reads the inputs once and loads what is new or changed.
func (w *watcher) round(ctx context.Context, n int) (ingest.Summary, fetch.Stats, error) {
	before := w.fc.Stats()
	g := w.g
	if g == nil {
		var err error
		if g, err = graph.OpenURL(ctx, w.db); err != nil {
			return ingest.Summary{}, fetch.Stats{}, err
		}
	}
	var skips skipped
	sum, err := ingest.Run(ctx, g, w.ex, w.in.articles(ctx, w.fc, &skips), ingest.WithWorkers(w.workers))
	if g != w.g {
		if cerr := g.Close(); err == nil {
			err = cerr
		}
	}
	if n == 1 {
		// The same files are passed over every round: say so once.
		skips.print(w.out)
	}
	return sum, w.fc.Stats().Sub(before), err
}

func (w *watcher) logf(format string, args ...any) {
	fmt.Fprintf(w.out, "%s watch: %s\n", time.Now().Format("2006-01-02 15:04:05"), fmt.Sprintf(format, args...))
}

// lastRound is watch's result: an error when its last round had failures.
func lastRound(failed int) error {
	if failed > 0 {
		return fmt.Errorf("watch: the last round had %d failure(s) (listed above)", failed)
	}
	return nil
}
