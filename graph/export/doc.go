// Package export writes newsgraph's graph in the formats other tools read:
// GEXF 1.3 for Gephi, GraphML for yEd and Cytoscape, JSON-LD, CSV tables,
// and N-Quads.
//
// Every writer consumes a stream of quads (a quad.Reader: the store's
// Quads, or an N-Quads file) and never imports the store, so the data flows
// one way: graph → export. Formats register themselves by name in init, one
// file each (gexf.go, graphml.go, jsonld.go, csv.go, nquads.go); callers pick
// one with Lookup or Write:
//
//	err := export.Write(ctx, "gexf", w, quads, export.WithFoldQuotes(true))
//
// # The node-link view
//
// GEXF, GraphML and CSV show the graph's content, not its provenance. Article
// and Sentence nodes are left out, and so are the metadata predicates (type,
// name, alias, role, text, kind, headline, date, url, source, content_hash,
// sentence_of, mentioned_in): a node's type, name and literals become its
// attributes, and every other quad whose object is a node becomes an edge.
// Quads with the same subject, predicate and object are one edge whose weight
// is the number of distinct articles supporting it (the article of a quad is
// its label with the "#sN" fragment cut, see schema.ArticleOf). A node's
// articles are the articles of every quad it takes part in, plus those it is
// mentioned_in; its size grows with their number.
//
// With WithFoldQuotes a quotation node between a speaker and what the
// quotation is about becomes one "said" edge from speaker to topic carrying
// the quoted words; quotations that name no speaker or no topic stay nodes.
//
// When articles carry a date and the timeline is on (the default), each node
// and edge also carries the dates of the articles that support it: GEXF
// becomes dynamic (one point spell per date), GraphML and CSV get a "dates"
// attribute.
//
// # Memory
//
// A writer holds the graph once, in compact form: the node-link formats keep
// one record per node and per distinct edge, JSON-LD keeps each quad as four
// indices into a table of distinct values, and N-Quads holds nothing. Output
// is streamed through a buffered writer, and all of it is sorted so that the
// same graph always gives byte-identical files.
package export
