// Package canned holds newsgraph's canned questions: the questions people
// ask of a news graph most often, each a documented Gizmo program that any
// Cayley HTTP client (or the explorer) can run, and a Go function that runs it
// and returns typed rows.
//
//	who-said TOPIC     who said what about a topic          WhoSaid
//	roles PERSON       a person's roles and organisations   Roles
//	reforms ORG        the reforms that affect a body       Reforms
//
// Every row names its source: the label of the quad it was read from (a
// sentence IRI such as <article/ID#s12>), that label's article and the
// article's headline.
//
// # Designed for key-value stores
//
// Cayley joins many constraints slowly on its key-value backends (bolt,
// leveldb), so no question scans the graph. Each starts from one node: the
// argument's minted IRI (schema.EntityIRI, "integration" → <topic/integration>),
// else the literal name or alias the argument spells, else, as a last resort,
// the nodes of the one type asked about. From there every step follows edges
// of the nodes already found, reading each edge's label (its provenance)
// with the edge: LabelContext(g.V(), "source").Out(pred).
//
// Rows come in a defined order (see each Question's Doc), and a program
// stops after LIMIT rows: who-said takes a topic's quotations in the order
// the store lists them, so a limit bounds its work; roles and reforms sort
// their rows, and look up headlines and details only for the rows emitted.
//
// # Running them
//
// Question.Gizmo renders a question's program for an argument; the programs
// emit one JSON object per row with g.Emit, so they answer through Cayley's
// HTTP API as `{"result": [{...}, ...]}`. Run executes a question on a
// QuadStore in its Go form: the same look-ups as the program, in the same
// order, with the same rows, without a JavaScript interpreter, and, on
// key-value stores, reading a node's incoming edges of one predicate by
// index prefix where Gizmo's In reads all of them. WithGizmo runs the
// program instead. WhoSaid, Roles and Reforms ask a *graph.Graph and decode
// the rows into structs (an argument that names nothing is a
// *questions.NotFoundError with the nearest names, not an empty answer);
// WriteTable prints rows as the CLI's aligned table.
package canned
