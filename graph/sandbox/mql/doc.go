// Package mql is Cayley v0.7.7's MQL query language
// (github.com/cayleygraph/cayley/query/mql, Apache 2.0, copyright The
// Cayley Authors), adapted by newsgraph so that a query stops when its
// context ends: Cayley's read every path of every result before it looked
// at the context again. Nothing else changed (marked "newsgraph:"), and
// nothing is registered with Cayley's query registry.
package mql
