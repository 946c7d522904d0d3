package graph

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// pgNodeColumns are the columns of Cayley's nodes table (cayley
// graph/sql: nodesTable), in the order the staging table has them.
var pgNodeColumns = []string{"hash", "refs", "value", "value_string", "datatype", "language",
	"iri", "bnode", "value_int", "value_bool", "value_float", "value_time"}

// pgStage creates the transaction's staging tables. They are temporary
// (private to the session, dropped at commit), so concurrent loads do not
// meet in them.
const pgStage = `
CREATE TEMP TABLE newsgraph_nodes_stage (
	hash BYTEA, refs INT, value BYTEA, value_string TEXT, datatype TEXT, language TEXT,
	iri BOOLEAN, bnode BOOLEAN, value_int BIGINT, value_bool BOOLEAN,
	value_float DOUBLE PRECISION, value_time TIMESTAMP WITH TIME ZONE
) ON COMMIT DROP;
CREATE TEMP TABLE newsgraph_quads_stage (
	subject_hash BYTEA, predicate_hash BYTEA, object_hash BYTEA, label_hash BYTEA
) ON COMMIT DROP;`

// pgMerge moves the staged rows into Cayley's tables as Cayley's own writer
// would leave them: a node's refs count the quad directions that use it,
// added to an existing node's; quads get Cayley's ts. The quads are
// inserted without ON CONFLICT: LoadBatch only bulk-loads articles that have
// no quad in the store, so a conflict is a concurrent load of the same
// article, and failing the transaction keeps the refs exact.
const pgMerge = `
INSERT INTO nodes (hash, refs, value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time)
	SELECT hash, refs, value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time
	FROM newsgraph_nodes_stage ORDER BY hash
	ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs;
INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
	SELECT subject_hash, predicate_hash, object_hash, label_hash, now() FROM newsgraph_quads_stage;`

// pgNode is one node of a bulk load: its value and how many quad
// directions of the load use it.
type pgNode struct {
	hash cgraph.ValueHash
	val  quad.Value
	refs int
}

// pgBulkWrite loads quads into Cayley's PostgreSQL tables in one
// transaction: COPY into temporary staging tables, then one INSERT … SELECT
// into each of Cayley's tables. Cayley's own writer sends a statement per
// node and per quad; this sends two COPY streams and two statements, and
// writes the same rows (hashes, value columns and refs computed with
// Cayley's functions), so stock Cayley reads the result.
func pgBulkWrite(ctx context.Context, db *sql.DB, quads []quad.Quad) error {
	nodes := make(map[cgraph.ValueHash]*pgNode, len(quads))
	hashes := make([][4]csql.NodeHash, len(quads))
	for i, q := range quads {
		for j, d := range quad.Directions {
			v := q.Get(d)
			if v == nil {
				continue
			}
			h := cgraph.HashOf(v)
			hashes[i][j] = csql.NodeHash{ValueHash: h}
			n := nodes[h]
			if n == nil {
				n = &pgNode{hash: h, val: v}
				nodes[h] = n
			}
			n.refs++
		}
	}
	sorted := make([]*pgNode, 0, len(nodes))
	for _, n := range nodes {
		sorted = append(sorted, n)
	}
	slices.SortFunc(sorted, func(a, b *pgNode) int { return bytes.Compare(a.hash[:], b.hash[:]) })

	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, pgStage); err != nil {
		return fmt.Errorf("create staging tables: %w", err)
	}
	if err := copyRows(ctx, tx, "newsgraph_nodes_stage", pgNodeColumns, len(sorted), func(i int, row []any) error {
		return nodeRow(sorted[i], row)
	}); err != nil {
		return fmt.Errorf("copy nodes: %w", err)
	}
	if err := copyRows(ctx, tx, "newsgraph_quads_stage", []string{"subject_hash", "predicate_hash", "object_hash", "label_hash"}, len(hashes),
		func(i int, row []any) error {
			for j := range row {
				row[j] = hashes[i][j].SQLValue()
			}
			return nil
		}); err != nil {
		return fmt.Errorf("copy quads: %w", err)
	}
	if _, err := tx.ExecContext(ctx, pgMerge); err != nil {
		return fmt.Errorf("merge staged rows: %w", err)
	}
	return tx.Commit()
}

// copyRows streams n rows into table with COPY; fill sets row i's values.
func copyRows(ctx context.Context, tx *sql.Tx, table string, cols []string, n int, fill func(i int, row []any) error) error {
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn(table, cols...))
	if err != nil {
		return err
	}
	row := make([]any, len(cols))
	for i := range n {
		clear(row)
		if err := fill(i, row); err != nil {
			stmt.Close()
			return err
		}
		if _, err := stmt.ExecContext(ctx, row...); err != nil {
			stmt.Close()
			return err
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		stmt.Close()
		return err
	}
	return stmt.Close()
}

// nodeRow fills a staging row with the columns Cayley's writer sets for the
// node's value (csql.NodeValues), the others NULL.
func nodeRow(n *pgNode, row []any) error {
	kind, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: n.hash}, n.val)
	if err != nil {
		return fmt.Errorf("value %v: %w", n.val, err)
	}
	row[0], row[1] = vals[0], n.refs
	for i, col := range kind.Columns() {
		j := slices.Index(pgNodeColumns, col)
		if j < 0 {
			return fmt.Errorf("value %v: unknown nodes column %q", n.val, col)
		}
		row[j] = vals[i+1]
	}
	return nil
}
