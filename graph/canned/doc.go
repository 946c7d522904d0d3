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
// the nodes of the one type asked about (a small index: <Topic> In <type>).
// From there every step follows edges of the nodes already found. The
// provenance of an edge s–p→o, which Gizmo cannot tag, is found by trying the
// labels the two ends share (LabelContext(label).Out(p).Is(o)), again starting
// from specific nodes.
//
// # Running them
//
// Question.Gizmo renders a question's program for an argument; the programs
// emit one JSON object per row with g.Emit, so they answer through Cayley's
// HTTP API as `{"result": [{...}, ...]}`. Run executes one on a QuadStore;
// WhoSaid, Roles and Reforms decode the rows into structs; WriteTable prints
// rows as the CLI's aligned table.
package canned
