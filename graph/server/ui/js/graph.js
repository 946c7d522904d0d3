// The graph view: a node's neighbourhood drawn with cytoscape (vendored,
// loaded as a classic script). To stay legible it hides Article and
// Sentence nodes unless asked, shows at most CAP neighbours of each type
// with a "show N more" button per type, and grows only when a node is
// expanded on purpose. Labels are drawn on the canvas, never as HTML.
import { h, fill, truncate, plural } from "./dom.js";
import { node as fetchNode, href } from "./api.js";

const COLOURS = {
  Person: "#1f77b4", Organization: "#ff7f0e", Reform: "#d62728", Quotation: "#2ca02c", ReportedSpeech: "#7fbf7f",
  Topic: "#9467bd", Article: "#8c564b", Sentence: "#7f7f7f",
};
const OTHER = "#bcbd22";
const HIDDEN = new Set(["Article", "Sentence"]);
const CAP = 6;
const TYPE_LABELS = {
  Person: "people", Organization: "bodies", Reform: "reforms", Quotation: "statements",
  ReportedSpeech: "reported speech", Topic: "topics", Article: "articles", Sentence: "sentences",
};

function label(n) {
  const p = n.props || {};
  if (n.type === "Quotation" || n.type === "ReportedSpeech") return "“" + truncate((p.text || [])[0] || "", 40) + "”";
  return truncate(n.name || (p.headline || [])[0] || (p.text || [])[0] || n.id.replace(/^<|>$/g, ""), 36);
}

// graphView returns an element that draws id's neighbourhood when shown.
export function graphView(id) {
  const canvas = h("div.graph-canvas", { "data-nodes": "0", "data-edges": "0" });
  const more = h("div.graph-more");
  const info = h("div.graph-info", "Click a node to expand it; its page opens from here.");
  const showHidden = h("input", { type: "checkbox" });
  const legend = h("div.legend", Object.keys(COLOURS).map((t) =>
    h("span", h("span.dot", { "data-colour": t }), t === "Quotation" ? "quotations" : TYPE_LABELS[t] || t)));
  legend.querySelectorAll(".dot").forEach((i) => { i.style.background = COLOURS[i.dataset.colour]; });
  const box = h("section.graph-view",
    h("h2", "Neighbourhood graph"),
    h("div.graph-controls", h("label", showHidden, " show articles and sentences"), legend),
    canvas, more, info);

  // expanded: node ID → {nb, caps: {type: n}}
  const expanded = new Map();
  let cy = null;

  function ensure() {
    if (cy) return cy;
    cy = window.cytoscape({
      container: canvas, elements: [], minZoom: 0.3, maxZoom: 2.5,
      style: [
        { selector: "node", style: {
          "background-color": "data(colour)", label: "data(label)", "font-size": 13, color: "#222",
          "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "wrap", "text-max-width": 130,
          "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1,
          width: 18, height: 18 } },
        { selector: "node.centre", style: { width: 30, height: 30, "font-size": 14, "font-weight": "bold" } },
        { selector: "node.expanded", style: { "border-width": 3, "border-color": "#333" } },
        { selector: "edge", style: {
          width: 1.2, "line-color": "#c8c8c8", "target-arrow-color": "#c8c8c8", "target-arrow-shape": "triangle",
          "curve-style": "bezier", label: "data(predicate)", "font-size": 9, color: "#888",
          "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.7 } },
      ],
    });
    cy.on("tap", "node", (e) => select(e.target.data()));
    canvas.cy = cy; // for tests and the console of a curious reader
    return cy;
  }

  function select(d) {
    const open = /^<(person|org|reform|topic|article)\//.test(d.id)
      ? h("a", { href: href(d.id) }, "open its page") : null;
    const canExpand = !expanded.has(d.id);
    fill(info, h("strong", d.name || d.label), " · ", d.type || "node", " ",
      open, " ",
      canExpand ? h("button", { type: "button", onclick: () => expand(d.id).then(() => select(d), showError) }, "expand") : null);
  }

  function showError(err) { fill(info, h("span.error", err.message)); }

  async function expand(nodeID) {
    if (!expanded.has(nodeID)) {
      expanded.set(nodeID, { nb: await fetchNode(nodeID), caps: {} });
    }
    draw();
  }

  // draw rebuilds the elements from the expanded nodes, caps and the
  // hidden-types switch.
  function draw() {
    const c = ensure();
    const nodes = new Map();
    const edges = [];
    const moreButtons = [];
    let first = true;
    for (const [centre, { nb, caps }] of expanded) {
      const byID = new Map((nb.nodes || []).map((n) => [n.id, n]));
      if (byID.has(centre)) nodes.set(centre, { n: byID.get(centre), centre: first });
      first = false;
      const groups = new Map();
      for (const e of nb.edges || []) {
        const other = e.source === centre ? e.target : e.source;
        const n = byID.get(other);
        if (!n || other === centre) continue;
        // Quotations and reported speech share one group: statements.
        const type = n.type === "ReportedSpeech" ? "Quotation" : n.type || "other";
        if (HIDDEN.has(type) && !showHidden.checked) continue;
        if (!groups.has(type)) groups.set(type, new Map());
        groups.get(type).set(other, n);
        edges.push(e);
      }
      for (const [type, members] of groups) {
        const cap = caps[type] || CAP;
        const shown = [...members.values()].slice(0, cap);
        shown.forEach((n) => { if (!nodes.has(n.id)) nodes.set(n.id, { n }); });
        if (members.size > cap) {
          const rest = members.size - cap;
          const centreName = (byID.get(centre) || {}).name || "";
          moreButtons.push(h("button.more", {
            type: "button", "data-type": type,
            onclick: () => { caps[type] = cap + 10; draw(); },
          }, "show " + rest + " more " + (TYPE_LABELS[type] || type) + (centreName ? " of " + truncate(centreName, 24) : "")));
        }
      }
    }
    c.batch(() => {
      c.elements().remove();
      for (const { n, centre } of nodes.values()) {
        c.add({ group: "nodes", classes: (centre ? "centre " : "") + (expanded.has(n.id) ? "expanded" : ""),
          data: { id: n.id, label: label(n), name: n.name || "", type: n.type || "", colour: COLOURS[n.type] || OTHER } });
      }
      const seen = new Set();
      for (const e of edges) {
        const eid = e.source + " " + e.predicate + " " + e.target;
        if (seen.has(eid) || !nodes.has(e.source) || !nodes.has(e.target)) continue;
        seen.add(eid);
        c.add({ group: "edges", data: { id: eid, source: e.source, target: e.target, predicate: e.predicate } });
      }
    });
    const centreID = expanded.keys().next().value;
    c.layout({
      name: "concentric", fit: true, padding: 30, animate: false, minNodeSpacing: 12, spacingFactor: 0.9,
      nodeDimensionsIncludeLabels: true, avoidOverlap: true,
      concentric: (n) => (n.id() === centreID ? 3 : expanded.has(n.id()) ? 2 : 1), levelWidth: () => 1,
    }).run();
    fill(more, moreButtons.length ? moreButtons : null);
    canvas.dataset.nodes = String(c.nodes().length);
    canvas.dataset.edges = String(c.edges().length);
    canvas.dataset.types = [...new Set(c.nodes().map((n) => n.data("type")))].sort().join(",");
    box.dataset.state = "drawn";
  }

  showHidden.addEventListener("change", () => { if (expanded.size) draw(); });
  box.load = () => expand(id).catch(showError);
  box.summary = () => plural(cy ? cy.nodes().length : 0, "node");
  return box;
}
