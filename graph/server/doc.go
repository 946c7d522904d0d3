// Package server serves a newsgraph store over HTTP: Cayley's own HTTP API v2
// (so a tool written for `cayley http` works unchanged against
// `newsgraph serve`), and a browser explorer at "/".
//
// The /api/v2 routes are Cayley's handler (github.com/cayleygraph/cayley/server/http),
// not a re-implementation, so request and response shapes and error JSON are
// Cayley's byte for byte:
//
//	POST /api/v2/query?lang=gizmo|graphql|mql   query as the body → {"result": [...]}
//	GET  /api/v2/query?lang=gizmo&qu=QUERY      the same, for links
//	GET  /api/v2/read?format=nquads|jsonld      the store's quads (filters: sub, pred, obj, label)
//	GET  /api/v2/formats                        the quad formats this binary knows
//	POST /api/v2/write, /api/v2/delete          N-Quads in the body (writable servers only)
//
// Around them the server adds what a service needs and `cayley http` leaves
// to its operator: read-only unless WithWritable; a per-query time limit that
// really stops a query (Gizmo runs in goja, and Cayley interrupts the VM when
// the query's context ends, so `while(true){}` is stopped by the timeout or a
// disconnecting client); a result limit; request-body size limits; a bound on
// the queries running at once, the rest waiting their turn; and a graceful
// shutdown that leaves no goroutine behind.
//
// Its own routes serve the explorer:
//
//	GET  /                    the explorer page (assets embedded with go:embed)
//	GET  /api/canned          the canned questions (package canned) as Gizmo snippets
//	GET  /api/node?id=IRI     a node, its properties and its neighbours, with each edge's provenance
//	POST /api/subgraph        {"ids": [...]} → those nodes and the edges among them
//	POST /api/v2/articles     raw article text → extracted and loaded (writable, with WithIngest)
//
// The server takes a Cayley *graph.Handle, so any Cayley backend works and
// this package depends on no other newsgraph package but schema and canned;
// article ingestion is supplied by the caller (WithIngest) so the server never
// imports the extractor.
package server
