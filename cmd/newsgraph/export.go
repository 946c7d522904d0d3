package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/schema"
)

func newExportCmd() *cobra.Command {
	var (
		db, in, format, out, base string
		fold, noTimeline          bool
	)
	cmd := &cobra.Command{
		Use:   "export [--format FORMAT] [-o FILE] [--db DB | --in FILE.nq]",
		Short: "Write the graph as GEXF (Gephi), GraphML, N-Quads, JSON-LD or CSV",
		Long: `Export writes the graph in the store --db names (or the N-Quads file --in
names) in one of these formats:

` + formatList() + `
The format is --format, else the one -o's extension names, else gexf.
GEXF, GraphML and CSV show people, organisations, reforms, topics and
quotations as nodes (articles and sentences are provenance: they become
each node's and edge's "sources" and dates); N-Quads and JSON-LD carry every
quad with its provenance label. See docs/export.md.

CSV writes a zip of nodes.csv and edges.csv, or with -o DIR (no .zip) the
two files into DIR. Output goes to stdout without -o. -o writes where a
shell's redirection would: through a symbolic link to its target (the link
stays), into a device or FIFO as it is (-o /dev/null discards); a regular
file is written whole or not at all, keeping its permissions.`,
		Example: `  newsgraph export --format gexf -o graph.gexf          # open in Gephi
  newsgraph export -o graph.gexf --fold-quotes           # speaker -said-> topic edges
  newsgraph export --format csv -o tables/               # tables/nodes.csv, tables/edges.csv
  newsgraph extract examples/articles | newsgraph export --in - --format graphml > g.graphml
  newsgraph export --format nquads --base https://example.org/news/ > graph.nq`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			quietCayley()
			ctx := cmd.Context()
			name, err := exportFormat(format, out)
			if err != nil {
				return err
			}
			f, _ := export.Lookup(name)
			opts := export.NewOptions(
				export.WithFoldQuotes(fold),
				export.WithTimeline(!noTimeline),
				export.WithBaseIRI(base),
			)
			if in != "" && db != "" {
				return fmt.Errorf("export: --in and --db name two sources; give one")
			}
			var src quad.Reader
			if in != "" {
				r, closeIn, err := openNQuads(cmd, in)
				if err != nil {
					return err
				}
				defer closeIn()
				src = r
			} else {
				g, err := graph.OpenURL(ctx, db, graph.WithReadOnly())
				if err != nil {
					return err
				}
				defer g.Close()
				qs := g.Quads(ctx)
				defer qs.Close()
				src = qs
			}

			if name == "csv" && strings.EqualFold(filepath.Ext(out), ".csv") {
				return fmt.Errorf("export: csv writes two tables, nodes.csv and edges.csv: give -o DIR or -o FILE.zip, not %s", out)
			}
			if dw, ok := f.Writer.(export.DirWriter); ok && out != "" && out != "-" && filepath.Ext(out) != f.Ext {
				return dw.WriteDir(ctx, out, src, opts)
			}
			if out == "" || out == "-" {
				return f.Writer.Write(ctx, cmd.OutOrStdout(), src, opts)
			}
			return writeOutput(out, func(w io.Writer) error { return f.Writer.Write(ctx, w, src, opts) })
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&format, "format", "f", "", "output format: "+strings.Join(export.Formats(), ", ")+" (default: from -o's extension, else gexf)")
	fl.StringVarP(&out, "output", "o", "", "write to this file (or directory, for csv) instead of stdout")
	fl.StringVar(&db, "db", "", `store: a bolt directory (default ./newsgraph.db), "memory", or a postgres:// URL`)
	fl.StringVar(&in, "in", "", `read this N-Quads file instead of a store ("-": stdin)`)
	fl.BoolVar(&fold, "fold-quotes", false, "fold each quotation into speaker -said-> topic edges carrying its words")
	fl.BoolVar(&noTimeline, "no-timeline", false, "leave out article dates (GEXF is then static)")
	fl.StringVar(&base, "base", "", "base IRI for absolute IRIs (nquads: off unless set; jsonld: default "+schema.BaseIRI+")")
	return cmd
}

// formatList is the help text's table of formats, from the registry.
func formatList() string {
	var b strings.Builder
	for _, n := range export.Formats() {
		f, _ := export.Lookup(n)
		fmt.Fprintf(&b, "  %-8s %-9s %s\n", n, f.Ext, f.Summary)
	}
	return b.String()
}

// exportFormat picks the format: the flag, else -o's extension, else gexf.
func exportFormat(format, out string) (string, error) {
	if format != "" {
		if _, ok := export.Lookup(format); !ok {
			return "", fmt.Errorf("export: unknown format %q (have %s)", format, strings.Join(export.Formats(), ", "))
		}
		return strings.ToLower(format), nil
	}
	ext := filepath.Ext(out)
	name, ok := export.ForExt(ext)
	switch {
	case ok:
		return name, nil
	case ext == "":
		return "gexf", nil
	case strings.EqualFold(ext, ".csv"):
		return "csv", nil // RunE says how to name csv's output
	}
	return "", fmt.Errorf("export: no format writes %s files; name one with --format", ext)
}

// openNQuads opens an N-Quads file, or stdin for "-".
func openNQuads(cmd *cobra.Command, path string) (quad.Reader, func(), error) {
	if path == "-" {
		return nquads.NewReader(cmd.InOrStdin(), false), func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("export: %w", err)
	}
	return &namedReader{path: path, r: nquads.NewReader(f, false)}, func() { f.Close() }, nil
}

// namedReader names the file in read errors.
type namedReader struct {
	path string
	r    quad.Reader
}

func (n *namedReader) ReadQuad() (quad.Quad, error) {
	q, err := n.r.ReadQuad()
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%s: %w", n.path, err)
	}
	return q, err
}
