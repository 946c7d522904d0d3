package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/gctune"
)

func newQueryCmd() *cobra.Command {
	var (
		db          string
		lang        string
		limit       int
		arrayLimit  int
		timeout     time.Duration
		answerBytes = byteSize(graph.DefaultAnswerBytes)
		memory      = byteSize(graph.DefaultQueryMemory)
	)
	cmd := &cobra.Command{
		Use:   "query QUERY",
		Short: "Run a Gizmo query against the store and print the results as JSON",
		Long: `Query runs a Gizmo query (or, with --lang, GraphQL or MQL) against the store
--db names and prints its results as a JSON array: the "result" array that
Cayley's HTTP API v2 answers with, so a query that works here works against
"newsgraph serve" and "cayley http". QUERY "-" reads the query from stdin.

The store is opened read-only: queries run while other queries do, but not
while build or a writable serve holds a bolt store.

The query is held to the limits "newsgraph serve" holds queries to, with
the same defaults (docs/server.md): --timeout, --limit (All, GetLimit, Emit,
GraphQL objects per level, MQL), --array-limit (one ToArray or ForEach),
--max-answer (the JSON printed) and --memory.`,
		Example: `  newsgraph query 'g.V().Has("<type>", "<Person>").Out("<name>").All()'
  newsgraph query --db ./newsgraph.db --limit 10 \
    'g.V().Tag("speaker").Out("<said>").Out("<text>").Tag("quote").All()'
  newsgraph query 'g.Emit(g.V().Has("<type>", "<Quotation>").Count())'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			quietCayley()
			gctune.SmallHeap()
			q := args[0]
			if q == "-" {
				b, err := io.ReadAll(cmd.InOrStdin())
				if err != nil {
					return fmt.Errorf("query: read stdin: %w", err)
				}
				q = string(b)
			}
			if strings.TrimSpace(q) == "" {
				return fmt.Errorf("query: empty query")
			}
			ctx := cmd.Context()
			g, err := graph.OpenURL(ctx, db, graph.WithReadOnly())
			if err != nil {
				return err
			}
			defer g.Close()
			res, err := g.Query(ctx, lang, q, graph.WithLimit(limit), graph.WithTimeout(timeout),
				graph.WithArrayLimit(arrayLimit), graph.WithAnswerBytes(int64(answerBytes)), graph.WithMemory(int64(memory)))
			if err != nil {
				return err
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetEscapeHTML(false) // IRIs read "<person/…>", not "\u003cperson/…\u003e"
			enc.SetIndent("", "  ")
			return enc.Encode(res)
		},
	}
	f := cmd.Flags()
	f.StringVar(&db, "db", "", `store: a bolt directory (default ./newsgraph.db), "memory", or a postgres:// URL`)
	f.StringVar(&lang, "lang", "gizmo", "query language: gizmo, graphql or mql")
	f.IntVar(&limit, "limit", graph.DefaultQueryLimit, "most results to return (0: no limit)")
	f.DurationVar(&timeout, "timeout", graph.DefaultQueryTimeout, "longest the query may run (0: no limit)")
	f.IntVar(&arrayLimit, "array-limit", graph.DefaultArrayLimit, "most values one Gizmo ToArray/TagArray returns, paths one ForEach/Map visits (0: no limit)")
	f.Var(&answerBytes, "max-answer", "largest answer (JSON), e.g. 8MiB (0: no limit)")
	f.Var(&memory, "memory", "heap the query may grow, e.g. 512MiB; past it the query is stopped (0: no limit)")
	return cmd
}
