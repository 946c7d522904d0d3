package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/canned"
	"github.com/newsgraph/newsgraph/internal/gctune"
)

func newReformsCmd() *cobra.Command {
	return cannedCmd("reforms", "affecting", `newsgraph reforms --affecting "primary care trust"`)
}

// cannedCmd is the command for a canned question: its argument comes from
// flag argFlag, or, when argFlag is empty, from the command line.
func cannedCmd(name, argFlag, example string) *cobra.Command {
	q, ok := canned.Lookup(name)
	if !ok {
		panic("no canned question " + name) // the names above are fixed
	}
	var (
		db      string
		arg     string
		asJSON  bool
		program bool
		limit   int
	)
	use := name + " " + strings.ToUpper(q.Param)
	args := cobra.ExactArgs(1)
	if argFlag != "" {
		use = fmt.Sprintf("%s --%s %s", name, argFlag, strings.ToUpper(q.Param))
		args = cobra.NoArgs
	}
	cmd := &cobra.Command{
		Use:   use,
		Short: q.Title,
		Long: q.Title + ".\n\n" + q.Doc + `

Prints a table with the source (sentence and article) of every row. The
question is a Gizmo program (see --gizmo) that runs as well against
"newsgraph serve" or "cayley http".`,
		Example: "  " + example,
		Args:    args,
		RunE: func(cmd *cobra.Command, args []string) error {
			if argFlag == "" {
				arg = args[0]
			}
			if strings.TrimSpace(arg) == "" {
				return fmt.Errorf("%s: say which %s", name, q.Param)
			}
			if program {
				_, err := fmt.Fprint(cmd.OutOrStdout(), q.Gizmo(arg, canned.WithLimit(limit)))
				return err
			}
			gctune.SmallHeap()
			ctx := cmd.Context()
			g, err := graph.OpenURL(ctx, db, graph.WithReadOnly())
			if err != nil {
				return err
			}
			defer g.Close()
			opts := []canned.RunOption{canned.WithLimit(limit)}
			if b := g.Backend(); b == graph.Postgres || b == graph.Cockroach {
				// Cayley's SQL backend makes one query of a Gizmo path, where
				// the Go form's index reads are a round trip each: on 20,000
				// articles, roles 7.8 ms p50 against 13.7 (bench/README.md).
				opts = append(opts, canned.WithGizmo())
			}
			rows, err := canned.Run(ctx, g.QuadStore(), q, arg, opts...)
			if derr := g.Damaged(); derr != nil {
				return derr // Cayley may have dropped it on the way
			}
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				if rows == nil {
					rows = []canned.Row{}
				}
				return enc.Encode(rows)
			}
			if len(rows) == 0 {
				return errors.New(name + ": nothing found for " + fmt.Sprintf("%q", arg))
			}
			return canned.WriteTable(out, q, rows)
		},
	}
	f := cmd.Flags()
	if argFlag != "" {
		f.StringVar(&arg, argFlag, "", "the "+q.Param+" to ask about (required)")
		_ = cmd.MarkFlagRequired(argFlag)
	}
	f.StringVar(&db, "db", "", `store: a bolt directory (default ./newsgraph.db), "memory", or a postgres:// URL`)
	f.BoolVar(&asJSON, "json", false, "print the rows as JSON instead of a table")
	f.BoolVar(&program, "gizmo", false, "print the Gizmo program instead of running it")
	// A table of ten thousand rows helps nobody, and on a large archive a
	// hub topic's full answer takes seconds where its first hundred rows
	// take milliseconds.
	f.IntVar(&limit, "limit", 100, "answer at most this many rows (0: all)")
	return cmd
}
