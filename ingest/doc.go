// Package ingest is newsgraph's pipeline from articles to a graph: each
// article read is cleaned (extract.Clean), its facts extracted, turned into
// labelled quads (schema.Quads) and loaded into a graph.Graph in batches.
//
//	g, _ := graph.OpenURL(ctx, "./newsgraph.db")
//	ex, _ := extract.New()
//	sum, err := ingest.Run(ctx, g, ex, source.Read(ctx, paths))
//
// A file that cannot be read and an article that cannot be extracted are
// recorded in the Summary, naming the file, and the batch goes on; Run
// returns an error only when the store fails or ctx ends. An article whose
// content hash the store already holds is skipped before extraction, so a
// second run over the same folder only reads it.
//
// Extract is the same pipeline without a store: quads go to a quad.Writer,
// article after article in input order, each article's quads sorted, so the
// output is byte-identical from run to run.
//
// With WithWorkers(n) extraction runs on n goroutines while reading and
// loading stay in order; WithProgress reports counts as articles finish.
package ingest
