// Read a GEXF file with graphology-gexf and print what it saw as JSON.
//
// Usage: node read_graphology.js FILE
//
// The export tests compare this summary with newsgraph's own counts.
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');

const g = gexf.parse(Graph, fs.readFileSync(process.argv[2], 'utf8'));
const out = {type: g.type, multi: g.multi, nodes: {}, edges: []};
g.forEachNode((id, a) => {
  out.nodes[id] = {label: a.label, type: a.type, size: a.size, color: a.color};
});
g.forEachEdge((e, a, source, target) => {
  out.edges.push({source, target, label: a.label, kind: a.kind, weight: a.weight, sources: a.sources});
});
process.stdout.write(JSON.stringify(out));
