package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"path"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/server"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/internal/gctune"
	"github.com/newsgraph/newsgraph/questions"
	"github.com/newsgraph/newsgraph/source"
	"github.com/spf13/cobra"
)

func newServeCmd() *cobra.Command {
	var (
		db       string
		addr     string
		writable bool
		lexicon  string
		limits   = server.DefaultLimits()
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve Cayley's HTTP API v2 (Gizmo, GraphQL, MQL) and the graph explorer",
		Long: `Serve the graph over HTTP: Cayley's HTTP API v2 at /api/v2 (the same routes,
request and answer shapes as "cayley http"), the questions (search, said,
profile, reform, who-said, roles, articles) as JSON at /api/questions/, and
a graph explorer at /.

The server is read-only unless --writable, listens on loopback unless --addr
says otherwise, and bounds every query in time (--query-timeout) and in
results (--query-limit). See docs/server.md.`,
		Example: `  newsgraph serve --db ./newsgraph.db
  curl -s -X POST 'http://127.0.0.1:64210/api/v2/query?lang=gizmo' \
    --data 'g.V().Has("<type>", "<Person>").Out("<name>").All()'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			gctune.SmallHeap()
			ctx := cmd.Context()
			var opts []graph.Option
			if !writable {
				opts = append(opts, graph.WithReadOnly())
			}
			g, err := graph.OpenURL(ctx, db, opts...)
			if err != nil {
				return err
			}
			defer g.Close()

			ex, err := newExtractor(lexicon)
			if err != nil {
				return err
			}
			log := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
			ask := questions.New(g)
			srv, err := server.New(g.Handle(), append(limits.Options(),
				server.WithWritable(writable),
				server.WithIngest(ingestInto(g, ex)),
				server.WithLogger(log),
				server.WithQuestions(ask),
			)...)
			if err != nil {
				return err
			}
			var lc net.ListenConfig
			ln, err := lc.Listen(ctx, "tcp", addr)
			if err != nil {
				return fmt.Errorf("serve: %w", err)
			}
			if !isLoopback(ln.Addr()) {
				log.Warn("listening beyond this machine: anyone who can reach it can query the graph", "addr", ln.Addr().String())
			}
			mode := "read-only"
			if writable {
				mode = "writable"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "newsgraph: serving %s %s graph on http://%s/\n", mode, g.Backend(), ln.Addr())
			// The questions' name index is read now, not on the first
			// question: seconds on a large store (questions wait for it).
			go func() {
				start := time.Now()
				if err := ask.Warm(ctx); err != nil {
					if ctx.Err() == nil {
						log.Warn("reading the names for /api/questions", "err", err)
					}
					return
				}
				log.Info("names read for /api/questions", "took", time.Since(start).Round(time.Millisecond))
			}()
			return srv.Serve(ctx, ln)
		},
	}
	f := cmd.Flags()
	f.StringVar(&db, "db", "", `store: a bolt directory (default ./newsgraph.db), "memory", or a postgres:// URL`)
	f.StringVar(&addr, "addr", server.DefaultAddr, "address to listen on; loopback unless you mean otherwise")
	f.BoolVar(&writable, "writable", false, "allow /api/v2/write, /api/v2/delete and POST /api/v2/articles")
	addLexiconFlag(cmd, &lexicon)
	f.DurationVar(&limits.QueryTimeout, "query-timeout", limits.QueryTimeout, "longest a query may run (0: no limit)")
	f.IntVar(&limits.QueryLimit, "query-limit", limits.QueryLimit, "most results a query returns (0: no limit)")
	f.Int64Var(&limits.MaxBodyBytes, "max-body", limits.MaxBodyBytes, "largest request body in bytes")
	f.IntVar(&limits.MaxConcurrent, "max-concurrent", limits.MaxConcurrent, "queries running at once; more wait their turn")
	return cmd
}

// ingestInto is POST /api/v2/articles: the article goes through the same
// pipeline as "newsgraph build" (clean, extract, load, replacing the
// article's earlier quads).
func ingestInto(g *graph.Graph, ex extract.Extractor) server.IngestFunc {
	return func(ctx context.Context, name string, body []byte) (server.Summary, error) {
		if name == "" {
			name = "article.txt"
		}
		name = path.Base(name)
		a, err := source.Parse(name, body)
		if err != nil {
			return server.Summary{}, err
		}
		one := func(yield func(extract.Article, error) bool) { yield(a, nil) }
		sum, err := ingest.Run(ctx, g, ex, one)
		if err != nil {
			return server.Summary{}, err
		}
		if len(sum.Errors) > 0 {
			return server.Summary{}, sum.Errors[0]
		}
		status := "added"
		switch {
		case sum.Skipped > 0:
			status = "unchanged, already in the store"
		case sum.Replaced > 0:
			status = "replaced"
		}
		return server.Summary{Article: a.ID, Quads: sum.Quads, Message: status}, nil
	}
}

func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
