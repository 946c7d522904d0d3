package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/cayleygraph/cayley/clog"
	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/questions"
	"github.com/newsgraph/newsgraph/source"
)

func newBuildCmd() *cobra.Command {
	var (
		db         string
		workers    int
		batchQuads int
		progress   string
		memLimit   byteSize
		lexicon    string
		ff         fetchFlags
	)
	cmd := &cobra.Command{
		Use:   "build [PATH|URL...]",
		Short: "Extract facts from articles and load them into a Cayley store",
		Long: `Build reads articles (files, directories, or - for stdin; with no PATH the
embedded example articles), extracts their facts and loads them into the
store --db names, then says what the graph holds.

A URL (http:// or https://) is fetched: a page is one article, a feed's
items (RSS or Atom) one article each, read from the page an item links to
when the feed carries only a summary (--full-text). Fetching is polite: a
User-Agent naming newsgraph and --contact, robots.txt obeyed, one request
per host every --rate-limit, and pages kept in a cache (--cache; by default
inside a bolt store's directory) with their ETag and Last-Modified, so that
a second build asks servers only whether pages changed. A URL that fails (a
404, robots.txt, a timeout, no network) is listed like a bad file. To keep a
store up to date with feeds, see newsgraph watch.

--db is a bolt directory (default ./newsgraph.db, created on first use),
"memory", or a postgres:// URL; see docs/store.md. Each article's quads are
labelled with the article or sentence they came from. An article already in
the store with the same content is skipped; a changed one has exactly its own
quads replaced, so building twice leaves the graph unchanged. Articles
extracted with other rules (another newsgraph) or another lexicon
(--lexicon) are extracted again: the store records with each article's
content hash the rules and lexicon it was extracted with.

Files that cannot be read and articles that cannot be extracted are listed
with their file names; the rest of the batch is built, and the command then
exits non-zero.

Progress goes to stderr: a bar (articles/s, quads, errors, ETA) when stderr
is a terminal, a log line every few seconds when it is not (--progress=auto);
--progress=always draws the bar anyway, --progress=never says nothing.

A build can be interrupted at any moment (even kill -9) and run again: it
skips the articles already stored and finishes the rest, ending in the graph
one uninterrupted run makes.

--memory-limit caps newsgraph's memory softly: near it Go's collector works
harder instead of letting the heap grow to twice what is live. A
100,000-article build into bolt peaks at about 7 GB resident, of which 2 GB
is live heap and 4-5 GB pages of the store's file (bench/README.md); a limit
below the live heap makes the collector take up to half the CPU. Without the
flag, GOMEMLIMIT does the same.`,
		Example: `  newsgraph build                         # the embedded example articles
  newsgraph build examples/articles --db ./newsgraph.db
  newsgraph build archive/ --db postgres://newsgraph:secret@127.0.0.1/newsgraph
  newsgraph build https://www.example-news.co.uk/rss.xml --contact mailto:me@example.org`,
		RunE: func(cmd *cobra.Command, args []string) error {
			quietCayley()
			if memLimit > 0 {
				debug.SetMemoryLimit(int64(memLimit))
			}
			ctx := cmd.Context()
			// A mistyped path must fail before a store is created.
			in := splitInputs(args)
			if err := source.Check(in.paths); err != nil {
				return fmt.Errorf("build: %w", err)
			}
			fc, cacheAt, err := ff.client(db, true)
			if err != nil {
				return err
			}
			ex, err := newExtractor(lexicon)
			if err != nil {
				return err
			}
			var total int
			if progress != progressNever {
				total = countArticles(args)
			}
			pr, err := newProgress(cmd.ErrOrStderr(), progress, total)
			if err != nil {
				return err
			}
			g, err := graph.OpenURL(ctx, db, buildStoreOptions()...)
			if err != nil {
				return err
			}
			defer g.Close()
			opts := []ingest.Option{ingest.WithWorkers(workers)}
			if batchQuads > 0 {
				opts = append(opts, ingest.WithBatchQuads(batchQuads))
			}
			if pr != nil {
				opts = append(opts, ingest.WithProgress(pr.update))
			}
			var skips skipped
			sum, err := ingest.Run(ctx, g, ex, in.articles(ctx, fc, &skips), opts...)
			if pr != nil {
				pr.finish()
			}
			for _, e := range sum.Errors {
				fmt.Fprintln(cmd.ErrOrStderr(), "newsgraph:", e)
			}
			if err != nil {
				return fmt.Errorf("build: %w", err)
			}
			// The load's heap is garbage now; hand it back before the
			// summary reads the store's indexes through bolt's mapping, or
			// the two add up in the peak resident set of a large build.
			// Twice: bolt's page buffers sit in a sync.Pool, whose victim
			// cache outlives one collection (1.2 GB after 100k articles).
			debug.FreeOSMemory()
			debug.FreeOSMemory()
			if err := printBuild(cmd, g, db, sum); err != nil {
				return err
			}
			if len(in.urls) > 0 {
				printFetched(cmd.OutOrStdout(), fc.Stats(), cacheAt)
			}
			if err := keepNames(cmd, g); err != nil {
				return err
			}
			skips.print(cmd.OutOrStdout())
			if err := g.Close(); err != nil {
				return err
			}
			if n := sum.Failed(); n > 0 {
				what := "read or extracted"
				if len(in.urls) > 0 {
					what = "fetched, read or extracted"
				}
				return fmt.Errorf("build: %d article(s) could not be %s (listed above); the rest were built", n, what)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&db, "db", "", `store: a bolt directory (default ./newsgraph.db), "memory", or a postgres:// URL`)
	f.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "articles extracted at once")
	f.StringVar(&progress, "progress", progressAuto, "progress on stderr: auto (a bar on a terminal, log lines otherwise), always or never")
	f.IntVar(&batchQuads, "batch-quads", 0, "quads loaded per store transaction (default: ingest's)")
	_ = f.MarkHidden("batch-quads")
	addLexiconFlag(cmd, &lexicon)
	ff.add(cmd)
	f.Var(&memLimit, "memory-limit", "soft limit on the memory newsgraph uses, such as 4GiB (default: none, or $GOMEMLIMIT)")
	return cmd
}

// killAfterEnv names the test hook that SIGKILLs build after that many
// store commits, so the resume test (build_resume_test.go) can interrupt a
// build at exact points instead of guessing with timers.
const killAfterEnv = "NEWSGRAPH_TEST_KILL_AFTER"

// buildStoreOptions are the store options build opens the graph with.
func buildStoreOptions() []graph.Option {
	n, err := strconv.Atoi(os.Getenv(killAfterEnv))
	if err != nil || n <= 0 {
		return nil
	}
	commits := 0
	return []graph.Option{graph.WithAfterCommit(func(int) {
		if commits++; commits == n {
			if p, err := os.FindProcess(os.Getpid()); err == nil {
				_ = p.Kill()
			}
			select {} // the kill lands before anything else is written
		}
	})}
}

func printBuild(cmd *cobra.Command, g *graph.Graph, db string, sum ingest.Summary) error {
	ctx := cmd.Context()
	st, err := g.Stats(ctx)
	if err != nil {
		return err
	}
	o, err := g.Overview(ctx, 5)
	if err != nil {
		return err
	}
	backend, address := graph.ParseDB(db)
	if backend == graph.Bolt {
		backend += " " + address
	}
	w := cmd.OutOrStdout()
	fmt.Fprintf(w, "built %s\n", backend)
	fmt.Fprintf(w, "articles: %d read, %d loaded (%d replaced), %d unchanged, %d failed\n",
		sum.Articles, sum.Loaded, sum.Replaced, sum.Skipped, sum.Failed())
	fmt.Fprintf(w, "quads:    %d loaded; the graph holds %d quads, %d nodes, %d articles\n",
		sum.Quads, st.Quads, st.Nodes, st.Articles)
	fmt.Fprintf(w, "found:    %d people, %d organisations, %d quotations, %d reforms, %d topics\n",
		o.People, o.Organizations, o.Quotations, o.Reforms, o.Topics)
	printSpeakers(w, o.TopSpeakers)
	return nil
}

// keepNames reads the questions' name index now, on a bolt store, where it
// is kept beside the store (questions/persist.go): the first question
// after a large build then answers at once, instead of reading every name.
func keepNames(cmd *cobra.Command, g *graph.Graph) error {
	if g.CacheDir() == "" {
		return nil
	}
	start := time.Now()
	if err := questions.New(g).Warm(cmd.Context()); err != nil {
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "names:    indexed for search and the questions in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

func printSpeakers(w io.Writer, speakers []graph.Speaker) {
	if len(speakers) == 0 {
		return
	}
	fmt.Fprintln(w, "most quoted:")
	for _, s := range speakers {
		unit := "quotations"
		if s.Quotations == 1 {
			unit = "quotation"
		}
		fmt.Fprintf(w, "  %-28s %3d %s\n", s.Name, s.Quotations, unit)
	}
}

// quietCayley stops Cayley's own logging: every failure it logs is also
// returned as an error, which newsgraph reports, and its connection errors
// would print database passwords.
func quietCayley() { clog.SetLogger(discardLog{}) }

type discardLog struct{}

func (discardLog) Infof(string, ...any)              {}
func (discardLog) Warningf(string, ...any)           {}
func (discardLog) Errorf(string, ...any)             {}
func (discardLog) Fatalf(format string, args ...any) { log.Fatalf("FATAL: "+format, args...) }
func (discardLog) V(int) bool                        { return false }
func (discardLog) SetV(int)                          {}
