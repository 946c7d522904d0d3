// Package graph keeps newsgraph's quads in a Cayley quad store: it opens the
// store, loads articles with their provenance, deletes them again, answers
// Gizmo queries and streams the quads back out.
//
// # Backends
//
// Open takes a backend name and an address; OpenURL reads the single --db
// value the command line uses:
//
//	--db value                       backend    address
//	memory                           memstore   (none; gone on Close)
//	./newsgraph.db  (any path)       bolt       a directory holding indexes.bolt
//	postgres://u:p@host/db?…         postgres   the URL, as lib/pq reads it
//	postgresql://…                   postgres
//	cockroach://u@host:26257/db?…    cockroach  the URL with scheme postgresql://
//	leveldb://DIR                    leveldb    a directory
//
// The bolt store is the embedded default: a directory created on first use,
// readable by stock Cayley (cayley http --db bolt --dbpath DIR). A bolt
// directory can be open in one process at a time; a second Open fails at once
// with ErrInUse instead of waiting on the file lock. Any other registered
// Cayley backend ("btree", …) can be named in Open directly.
//
// # Provenance
//
// A Doc is one article's quads. Each carries a label: the article's IRI
// <article/ID> or one of its sentences' <article/ID#sN>, and every sentence
// label is declared by <article/ID#sN> <sentence_of> <article/ID>, labelled
// with the article (Load adds missing declarations). The article's content
// hash is kept as <article/ID> <content_hash> "…". So the store can find an
// article's quads from the article alone: the quads labelled with its IRI,
// and those labelled with each sentence it declares. Load skips an article
// whose hash is unchanged and replaces, in one transaction, the quads of one
// whose hash changed; Delete removes them. A statement made by two articles
// is two quads with two labels, so removing one article leaves the other's.
//
// LoadBatch loads many articles at once: new articles go through the
// backend's bulk writer, changed ones through one transaction per batch, and
// each article's content hash is written after its other quads, so an
// interrupted load is finished (not duplicated) by running it again.
package graph

import (
	_ "github.com/cayleygraph/cayley/graph/kv/all"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	_ "github.com/cayleygraph/cayley/query/gizmo"
	_ "github.com/cayleygraph/cayley/server/http"
	_ "github.com/cayleygraph/quad/nquads"
)
