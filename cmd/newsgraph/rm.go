package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

func newRmCmd() *cobra.Command {
	var db string
	cmd := &cobra.Command{
		Use:   "rm ARTICLE...",
		Short: "Remove articles, and exactly their quads, from the store",
		Long: `Rm deletes articles from the store named by --db: every quad labelled with
the article or one of its sentences, and nothing else, so facts other
articles support stay. An ARTICLE is

  - an ID, as build gave it ("2010/july/pcts-scrapped", or "article/ID");
  - a URL (http:// or https://): the articles whose page it is;
  - a path to a file or directory: the articles read from it, found by
    their content (so the path need not be the one build was given) or
    their ID.

An ARTICLE that matches nothing is reported, the others are removed all the
same, and the command exits non-zero.`,
		Example: `  newsgraph rm 2010/july/pcts-scrapped
  newsgraph rm https://www.example-news.co.uk/story/50953
  newsgraph rm archive/2010/july/ --db ./newsgraph.db`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			quietCayley()
			ctx := cmd.Context()
			if _, err := os.Stat(dbPath(db)); err != nil && !strings.Contains(db, "://") && db != graph.Memory {
				return fmt.Errorf("rm: no store at %s: %w", dbPath(db), err)
			}
			g, err := graph.OpenURL(ctx, db)
			if err != nil {
				return err
			}
			defer g.Close()
			var failed []error
			removed := map[string]bool{}
			for _, arg := range args {
				ids, err := resolveArticles(ctx, g, arg)
				if err == nil && len(ids) == 0 {
					err = errors.New("no article in the store matches it")
				}
				if err != nil {
					failed = append(failed, fmt.Errorf("%s: %w", arg, err))
					continue
				}
				for _, id := range ids {
					if removed[id] {
						continue
					}
					n, err := g.Delete(ctx, id)
					if err != nil {
						failed = append(failed, fmt.Errorf("%s: %w", arg, err))
						continue
					}
					removed[id] = true
					fmt.Fprintf(cmd.OutOrStdout(), "removed article/%s (%d quads)\n", id, n)
				}
			}
			if err := g.Close(); err != nil {
				return err
			}
			for _, e := range failed {
				fmt.Fprintln(cmd.ErrOrStderr(), "newsgraph: rm:", e)
			}
			if len(failed) > 0 {
				return fmt.Errorf("rm: %d of %d argument(s) removed nothing (listed above)", len(failed), len(args))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&db, "db", "", `store: a bolt directory (default ./newsgraph.db), "memory", or a postgres:// URL`)
	return cmd
}

// dbPath is the bolt directory --db names, for the check that it exists
// (rm must not create an empty store).
func dbPath(db string) string {
	if db == "" {
		return "./newsgraph.db"
	}
	_, address := graph.ParseDB(db)
	return address
}

// resolveArticles finds the stored articles an rm argument names.
func resolveArticles(ctx context.Context, g *graph.Graph, arg string) ([]string, error) {
	if strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
		want := strings.TrimSuffix(arg, "/")
		return g.ArticlesWhere(ctx, schema.URL, func(u string) bool { return strings.TrimSuffix(u, "/") == want })
	}
	if _, err := os.Stat(arg); err == nil {
		var ids []string
		hashes := map[string]bool{}
		var readErrs []error
		for a, err := range source.Read(ctx, []string{arg}) {
			if err != nil {
				readErrs = append(readErrs, err)
				continue
			}
			hashes[a.Hash] = true
			if _, ok, err := g.ArticleHash(ctx, a.ID); err == nil && ok {
				ids = append(ids, a.ID)
			}
		}
		// Stored hashes are the content hash, then the extractor's
		// fingerprint.
		byHash, err := g.ArticlesWhere(ctx, schema.ContentHash, func(h string) bool {
			first, _, _ := strings.Cut(h, " ")
			return hashes[first]
		})
		if err != nil {
			return nil, err
		}
		ids = append(ids, byHash...)
		if len(ids) == 0 && len(readErrs) > 0 {
			return nil, errors.Join(readErrs...)
		}
		return ids, nil
	}
	id := strings.TrimSuffix(strings.TrimPrefix(strings.Trim(arg, "<>"), "article/"), "/")
	if _, ok, err := g.ArticleHash(ctx, id); err != nil || !ok {
		return nil, err
	}
	return []string{id}, nil
}
