// Package server serves a newsgraph store over HTTP: Cayley's own HTTP API v2
// (so a tool written for `cayley http` works unchanged against
// `newsgraph serve`), and a browser explorer at "/".
//
// The /api/v2 data routes are Cayley's handler
// (github.com/cayleygraph/cayley/server/http), not a re-implementation, and
// the query route answers in the same shapes, running the query in package
// sandbox (Cayley's languages, held to limits), so request and response
// shapes and error JSON are Cayley's:
//
//	POST /api/v2/query?lang=gizmo|graphql|mql   query as the body → {"result": [...]}
//	GET  /api/v2/query?lang=gizmo&qu=QUERY      the same, for links
//	GET  /api/v2/read?format=nquads|jsonld      the store's quads (filters: sub, pred, obj, label)
//	GET  /api/v2/formats                        the quad formats this binary knows
//	POST /api/v2/write, /api/v2/delete          N-Quads in the body (writable servers only)
//
// Around them the server adds what a service needs and `cayley http` leaves
// to its operator (docs/server.md lists every bound, its default and what a
// client sees):
//
//   - queries bounded in time, rows, answer size, memory and JavaScript
//     stack (package sandbox), keeping their slot until their work has
//     stopped, a bounded number at once, the rest waiting in order;
//   - writes only for those allowed: read-only unless WithWritable; no
//     writes from pages on other origins, nor with a content type a page can
//     send unasked; an access token (WithToken), without which a writable
//     server will not serve beyond loopback; the Host header checked against
//     DNS rebinding; CORS only for WithCORSOrigins;
//   - no client can freeze others: bodies read whole, within a timeout and a
//     size that holds after decompression, before a slot or the store is
//     taken; answers taken within a timeout per part; waiting for the store
//     counted against the request's time; extraction done without the lock;
//   - a graceful shutdown that leaves no goroutine behind.
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
