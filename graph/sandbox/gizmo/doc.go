// Package gizmo is Cayley v0.7.7's Gizmo query language
// (github.com/cayleygraph/cayley/query/gizmo, Apache 2.0, copyright The
// Cayley Authors), adapted by newsgraph to run queries from strangers: the
// answers are Cayley's, and a program is held to Limits.
//
// What changed from Cayley's package, and why (each change is marked
// "newsgraph:" where it is made; limits.go, source.go and guards.go are
// newsgraph's own):
//
//   - Rows bounds the results a program sends in all: GetLimit(n) can lower
//     it but not raise it (Cayley's GetLimit(1e9) sent a billion), and a
//     program that calls All() in a loop stops sending at the limit.
//   - Values bounds ToArray, TagArray, ForEach and Map, whatever count the
//     program gives them.
//   - The JavaScript call stack is bounded (CallDepth): a recursive function
//     throws a RangeError instead of growing the heap (7 GB in 37 s).
//   - Built-in functions that walk a length goja cannot interrupt them in
//     are guarded, and typed arrays removed (guards.go); program text is
//     checked before it compiles (CheckSource); arguments are measured
//     before they are exported to Go.
//   - The session's work follows the context given to Execute (store
//     iteration inside ToArray stops with it), and its iterator reports when
//     the program's goroutine has returned (Done), so a caller can keep the
//     program's slot until its CPU is free.
//   - A Go panic inside the environment (g.V().Out({}) makes one) ends the
//     query with an error; in stock Cayley it ends the process.
//   - Nothing is registered with Cayley's query registry: a server uses
//     this package explicitly, and Cayley's own Gizmo stays as it was for
//     code that wants it.
//   - The program's last value is exported only for the REPL.
//
// Everything else — the environment, paths, finals and the answers' shapes
// — is Cayley's, and graph/server's compatibility test compares answers
// with the stock `cayley http` binary.
package gizmo
