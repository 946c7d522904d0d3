package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/gctune"
	"github.com/newsgraph/newsgraph/questions"
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
			if len(res) == 0 && (lang == "" || lang == "gizmo") {
				hintEmpty(ctx, cmd.ErrOrStderr(), g, q)
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

// startsAt finds the nodes a Gizmo query starts from: g.V("…"),
// g.Vertex('…').
var startsAt = regexp.MustCompile(`\bg\.(?:V|Vertex)\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')`)

// hintEmpty tells, on stderr, why a Gizmo query may have found nothing: a
// node it starts from is not in the graph. Nodes are IRIs in angle
// brackets, so g.V("Boris Johnson") names no node; the hint gives the ID a
// name has (or the nearest names). The answer stays [], exit status 0.
func hintEmpty(ctx context.Context, w io.Writer, g *graph.Graph, q string) {
	s := questions.New(g)
	for _, m := range startsAt.FindAllStringSubmatch(q, 8) {
		arg := m[1] + m[2]
		v := quad.StringToValue(arg) // as Gizmo reads it: "<x>" an IRI, else a string
		exists := false
		_ = g.View(ctx, func(qs cgraph.QuadStore) error { exists = qs.ValueOf(v) != nil; return nil })
		if _, ok := v.(quad.IRI); ok {
			if !exists {
				fmt.Fprintf(w, "newsgraph: no node %s in the graph (newsgraph search TEXT finds a name's ID)\n", arg)
			}
			continue // else the node is there: it is not why nothing was found
		}
		// A string: a name, perhaps, where the query meant the node.
		e, err := s.Resolve(ctx, arg)
		var nf *questions.NotFoundError
		var amb *questions.AmbiguousError
		switch {
		case err == nil:
			fmt.Fprintf(w, "newsgraph: g.V(%q) starts from the string, not a node (nodes are IRIs in angle brackets); %s is g.V(%q)\n", arg, e.Name, e.ID)
		case exists:
			continue // a string the graph holds, and no name
		case errors.As(err, &amb):
			fmt.Fprintf(w, "newsgraph: g.V(%q) starts from the string, not a node (nodes are IRIs in angle brackets); %q could be %s\n", arg, arg, idList(amb.Candidates))
		case errors.As(err, &nf) && len(nf.Suggestions) > 0:
			fmt.Fprintf(w, "newsgraph: g.V(%q) names no node, nor any name in the graph; the nearest: %s\n", arg, idList(nf.Suggestions))
		default:
			fmt.Fprintf(w, "newsgraph: g.V(%q) names no node: nodes are IRIs in angle brackets (newsgraph search TEXT finds a name's ID)\n", arg)
		}
	}
}

func idList(es []questions.Entity) string {
	parts := make([]string, 0, len(es))
	for _, e := range es[:min(len(es), 5)] {
		parts = append(parts, fmt.Sprintf("%s %s", e.Name, e.ID))
	}
	return strings.Join(parts, ", ")
}
