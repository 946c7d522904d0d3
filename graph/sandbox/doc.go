// Package sandbox runs queries from people the server does not know —
// Gizmo, GraphQL and MQL, as Cayley's HTTP API v2 takes them — held to
// limits of time, rows, answer size and memory, so that no query can take
// a server down, or keep it busy after it has answered.
//
// A Runner holds the limits and the memory watchdog they share:
//
//	r := sandbox.New(sandbox.Limits{Timeout: 30 * time.Second, Rows: 100})
//	ans, err := r.Run(ctx, qs, "gizmo", `g.V().All()`)
//	<-ans.Stopped // the query's goroutines have all returned
//
// What bounds what:
//
//   - Time: Limits.Timeout, through the query's context. Gizmo's JavaScript
//     is interrupted at its next instruction; store iteration stops at its
//     next step; GraphQL and MQL look at the context as they go.
//   - Rows: Limits.Rows bounds the results of a query, as Cayley's limit
//     bounds All(): Gizmo's GetLimit(n) cannot raise it and g.Emit stops at
//     it; GraphQL takes at most Rows objects at each level of a query (its
//     "first" argument is added, or lowered to Rows); MQL at most Rows
//     results. Limits.Values bounds what one Gizmo ToArray, TagArray,
//     ForEach or Map reads, whatever count it is given.
//   - Answer size: Limits.AnswerBytes bounds the JSON of the answer,
//     measured row by row as it is collected: a query over it stops with
//     ErrAnswerTooLarge.
//   - Memory: Limits.Memory bounds the heap the running queries hold
//     together (the heap above what the process held when the oldest of
//     them started). A watchdog samples the heap while queries run; over
//     the budget it collects garbage, and if the heap is still over, it
//     stops the oldest running query with ErrMemory, then waits for that
//     query to let go before it looks again. Go cannot measure one
//     goroutine's memory, so the oldest is the one stopped: a short query
//     is rarely old.
//   - Work the limits cannot interrupt: goja runs built-in functions to
//     their end; package gizmo guards those that walk a length, so each
//     call is short. Answer.Stopped is closed only when a query's
//     goroutines have returned, so a server can keep its slot until then.
//
// The Gizmo and MQL engines are Cayley's, adapted (packages gizmo and
// mql); GraphQL is Cayley's own package, with its "first" arguments
// rewritten in the query text.
package sandbox
