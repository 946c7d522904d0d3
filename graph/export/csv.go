package export

import (
	"archive/zip"
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cayleygraph/quad"
)

func init() {
	Register("csv", Format{
		Writer:    csvFormat{},
		Ext:       ".zip",
		MediaType: "application/zip",
		Summary:   "CSV tables nodes.csv and edges.csv, zipped or (with -o DIR) in a directory",
	})
}

// csvFormat writes two tables, nodes.csv and edges.csv, with a header row:
//
//	nodes.csv  id,label,type,articles,sources,dates,<one column per literal attribute>
//	edges.csv  id,source,target,label,kind,weight,sources,dates,quote
//
// Multi-valued cells are joined with "|". Write packs both files into a zip
// archive; WriteDir puts them in a directory.
type csvFormat struct{}

// Write writes nodes.csv and edges.csv into a zip archive on w.
func (csvFormat) Write(ctx context.Context, w io.Writer, src quad.Reader, opts Options) error {
	z := zip.NewWriter(w)
	err := writeCSV(ctx, src, opts, func(name string) (io.Writer, error) {
		return z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	})
	if err != nil {
		return err
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("csv: write zip: %w", err)
	}
	return nil
}

// WriteDir writes nodes.csv and edges.csv into dir, creating it if needed.
func (csvFormat) WriteDir(ctx context.Context, dir string, src quad.Reader, opts Options) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	var open *os.File
	defer func() {
		if open != nil {
			open.Close()
		}
	}()
	err := writeCSV(ctx, src, opts, func(name string) (io.Writer, error) {
		if open != nil {
			if err := open.Close(); err != nil {
				return nil, err
			}
		}
		f, err := os.Create(filepath.Join(dir, name))
		open = f
		return f, err
	})
	if err != nil {
		return err
	}
	f := open
	open = nil
	if err := f.Close(); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}

// writeCSV writes the two tables one after the other, each into the writer
// create returns for its name; the previous one is finished by then.
func writeCSV(ctx context.Context, src quad.Reader, opts Options, create func(name string) (io.Writer, error)) error {
	v, err := readView(ctx, src, opts)
	if err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	table := func(name string, header []string, rows int, row func(i int, rec []string) []string) error {
		f, err := create(name)
		if err != nil {
			return fmt.Errorf("csv: %s: %w", name, err)
		}
		bw := bufio.NewWriterSize(f, 64<<10)
		cw := csv.NewWriter(bw)
		if err := cw.Write(header); err != nil {
			return fmt.Errorf("csv: %s: %w", name, err)
		}
		rec := make([]string, 0, len(header))
		for i := 0; i < rows; i++ {
			if i%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return fmt.Errorf("csv: %w", err)
				}
			}
			if err := cw.Write(row(i, rec[:0])); err != nil {
				return fmt.Errorf("csv: %s: %w", name, err)
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return fmt.Errorf("csv: %s: %w", name, err)
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("csv: %s: %w", name, err)
		}
		return nil
	}

	nodeHeader := append([]string{"id", "label", "type", "articles", "sources", "dates"}, v.attrs...)
	err = table("nodes.csv", nodeHeader, len(v.nodes), func(i int, rec []string) []string {
		n := v.node(i)
		rec = append(rec, n.id, n.label, n.typ, itoa(len(n.articles)), join(n.articles), join(n.dates))
		for _, a := range v.attrs {
			rec = append(rec, join(n.attrs[a]))
		}
		return rec
	})
	if err != nil {
		return err
	}
	edgeHeader := []string{"id", "source", "target", "label", "kind", "weight", "sources", "dates", "quote"}
	return table("edges.csv", edgeHeader, len(v.edges), func(i int, rec []string) []string {
		e := v.edge(i)
		return append(rec, e.id, e.source, e.target, e.label, e.pred, itoa(len(e.articles)),
			join(e.articles), join(e.dates), joinQuotes(e.quotes))
	})
}
