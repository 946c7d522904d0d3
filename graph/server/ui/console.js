// newsgraph explorer: runs Gizmo through Cayley's HTTP API v2, shows the
// rows as a table and the nodes they name as a graph (cytoscape), which
// grows when a node is clicked. State for tests and scripts is written to
// data attributes: body[data-state], #results[data-rows],
// #graph[data-nodes][data-edges].
//
// URL parameters: ?canned=NAME&arg=ARG asks a canned question, ?q=GIZMO runs
// a query, and &expand=IRI then expands that node as a click would.
"use strict";
(function () {
  const COLOURS = {
    Person: "#1f77b4", Organization: "#ff7f0e", Reform: "#d62728", Quotation: "#2ca02c",
    Topic: "#9467bd", Article: "#8c564b", Sentence: "#7f7f7f",
  };
  const OTHER = "#bcbd22";
  const MAX_NODES = 200;
  const MAX_ROWS = 1000;
  const $ = (id) => document.getElementById(id);

  const sources = {}; // edge label → {article, headline, sentence}
  let columns = null; // the table's columns when a canned question runs

  const cy = cytoscape({
    container: $("graph"),
    elements: [],
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", label: "data(label)", "font-size": 11,
        "min-zoomed-font-size": 6,
        "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": 110,
        width: 20, height: 20 } },
      { selector: "node.expanded", style: { "border-width": 3, "border-color": "#333" } },
      { selector: "edge", style: {
        width: 1.5, "line-color": "#bbb", "target-arrow-color": "#bbb", "target-arrow-shape": "triangle",
        "curve-style": "bezier", label: "data(predicate)", "font-size": 7, color: "#777",
        "text-rotation": "autorotate" } },
      { selector: "edge.hovered", style: { width: 3, "line-color": "#555", "target-arrow-color": "#555" } },
    ],
  });

  function setState(s) { document.body.dataset.state = s; }

  function status(msg, isError) {
    $("status").textContent = msg;
    $("status").classList.toggle("error", !!isError);
  }

  function isNodeId(v) {
    return typeof v === "string" && (/^<[^<>\s]+>$/.test(v) || /^_:\S+$/.test(v));
  }

  async function api(path, opts) {
    const resp = await fetch(path, opts);
    const text = await resp.text();
    let data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new Error(text || resp.statusText);
    }
    if (!resp.ok || (data && data.error)) {
      throw new Error(data && data.error ? data.error : resp.statusText);
    }
    return data;
  }

  // --- the table ---

  function cellValue(v) {
    if (v === null || v === undefined) return "";
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  }

  function renderTable(rows) {
    const box = $("results");
    box.replaceChildren();
    box.dataset.rows = String(rows.length);
    if (rows.length === 0) {
      box.textContent = "No results.";
      return;
    }
    let cols = columns;
    const objects = rows.every((r) => r !== null && typeof r === "object" && !Array.isArray(r));
    if (!objects) {
      cols = [{ header: "value", key: null }];
    } else if (!cols) {
      const keys = [];
      rows.forEach((r) => Object.keys(r).forEach((k) => { if (!keys.includes(k)) keys.push(k); }));
      cols = keys.map((k) => ({ header: k, key: k }));
    }
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    cols.forEach((c) => {
      const th = document.createElement("th");
      th.textContent = c.header;
      head.appendChild(th);
    });
    const body = table.createTBody();
    rows.slice(0, MAX_ROWS).forEach((r) => {
      const tr = body.insertRow();
      cols.forEach((c) => {
        const td = tr.insertCell();
        const v = cellValue(c.key === null ? r : r[c.key]);
        td.textContent = v;
        if (isNodeId(v)) td.className = "iri";
      });
    });
    box.appendChild(table);
  }

  // --- the graph ---

  function nodeLabel(n) {
    const props = n.props || {};
    let s = n.name || (props.headline || [])[0] || (props.text || [])[0] || n.id.replace(/^<|>$/g, "");
    if (s.length > 48) s = s.slice(0, 47) + "…";
    return s;
  }

  function addNeighbourhood(nb) {
    Object.assign(sources, nb.sources || {});
    cy.batch(() => {
      (nb.nodes || []).forEach((n) => {
        const data = {
          id: n.id, label: nodeLabel(n), type: n.type || "", name: n.name || "",
          colour: COLOURS[n.type] || OTHER, props: n.props || {},
        };
        const existing = cy.getElementById(n.id);
        if (existing.nonempty()) {
          existing.data(Object.assign({}, data, { props: Object.assign({}, existing.data("props"), data.props) }));
        } else {
          cy.add({ group: "nodes", data });
        }
      });
      (nb.edges || []).forEach((e) => {
        const id = [e.source, e.predicate, e.target, e.label || ""].join(" ");
        if (cy.getElementById(id).nonempty()) return;
        if (cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty()) return;
        cy.add({ group: "edges", data: { id, source: e.source, target: e.target, predicate: e.predicate, label: e.label || "" } });
      });
    });
    const box = $("graph");
    cy.layout({
      name: "cose", animate: false, fit: true, padding: 24, randomize: false,
      nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 70, nodeRepulsion: () => 12000,
      componentSpacing: 60, gravity: 0.6,
      boundingBox: { x1: 0, y1: 0, w: box.clientWidth, h: box.clientHeight },
    }).run();
    $("graph").dataset.nodes = String(cy.nodes().length);
    $("graph").dataset.edges = String(cy.edges().length);
  }

  async function drawFromRows(rows) {
    const ids = [];
    const visit = (v) => {
      if (isNodeId(v)) {
        if (!ids.includes(v) && ids.length < MAX_NODES) ids.push(v);
      } else if (Array.isArray(v)) {
        v.forEach(visit);
      } else if (v && typeof v === "object") {
        Object.values(v).forEach(visit);
      }
    };
    rows.forEach(visit);
    cy.elements().remove();
    if (ids.length === 0) {
      addNeighbourhood({});
      return;
    }
    addNeighbourhood(await api("/api/subgraph", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ids }),
    }));
  }

  async function expand(id) {
    const nb = await api("/api/node?id=" + encodeURIComponent(id));
    addNeighbourhood(nb);
    cy.getElementById(id).addClass("expanded");
  }

  // --- hover tips, built from text nodes only: graph data is not HTML ---

  function tipLine(tag, text) {
    const el = document.createElement(tag);
    el.textContent = text;
    return el;
  }

  function showTip(parts, pos) {
    const tip = $("tip");
    tip.replaceChildren(...parts);
    tip.hidden = false;
    const box = $("graph");
    tip.style.left = Math.min(box.offsetLeft + pos.x + 12, box.offsetLeft + box.clientWidth - 240) + "px";
    tip.style.top = (box.offsetTop + pos.y + 12) + "px";
  }

  function edgeTip(edge) {
    const d = edge.data();
    const parts = [tipLine("strong", d.predicate)];
    const target = edge.target().data();
    const quote = target.type === "Quotation" ? (target.props.text || [])[0] : null;
    if (quote) parts.push(tipLine("q", quote));
    const src = sources[d.label];
    if (src && src.sentence) parts.push(tipLine("q", src.sentence));
    if (src && src.headline) parts.push(tipLine("small", src.headline));
    if (d.label) parts.push(tipLine("small", "source " + d.label));
    return parts;
  }

  function nodeTip(node) {
    const d = node.data();
    const parts = [tipLine("strong", (d.name || d.label) + (d.type ? " · " + d.type : ""))];
    Object.keys(d.props || {}).forEach((k) => {
      (d.props[k] || []).slice(0, 3).forEach((v) => parts.push(tipLine("small", k + ": " + v)));
    });
    parts.push(tipLine("small", d.id));
    return parts;
  }

  cy.on("mouseover", "edge", (e) => { e.target.addClass("hovered"); showTip(edgeTip(e.target), e.renderedPosition); });
  cy.on("mouseout", "edge", (e) => { e.target.removeClass("hovered"); $("tip").hidden = true; });
  cy.on("mouseover", "node", (e) => showTip(nodeTip(e.target), e.renderedPosition));
  cy.on("mouseout", "node", () => { $("tip").hidden = true; });
  cy.on("tap", "node", async (e) => {
    setState("running");
    try {
      await expand(e.target.id());
      setState("done");
    } catch (err) {
      status(err.message, true);
      setState("error");
    }
  });

  // --- queries ---

  async function runQuery(q) {
    setState("running");
    status("Running…");
    try {
      const data = await api("/api/v2/query?lang=gizmo", {
        method: "POST", headers: { "Content-Type": "application/javascript" }, body: q,
      });
      const rows = data.result || [];
      renderTable(rows);
      status(rows.length + (rows.length === 1 ? " row" : " rows"));
      await drawFromRows(rows);
      setState("done");
    } catch (e) {
      renderTable([]);
      status(e.message, true);
      setState("error");
    }
  }

  async function askCanned(name, arg) {
    const q = await api("/api/canned?name=" + encodeURIComponent(name) + "&arg=" + encodeURIComponent(arg));
    $("query").value = q.gizmo;
    columns = q.columns.concat([{ header: "HEADLINE", key: "headline" }]);
    await runQuery(q.gizmo);
  }

  function renderCanned(questions) {
    const box = $("canned");
    box.replaceChildren(tipLine("label", "Canned questions"));
    questions.forEach((q) => {
      const div = document.createElement("div");
      div.className = "question";
      div.appendChild(tipLine("strong", q.title));
      div.appendChild(tipLine("p", q.doc));
      const input = document.createElement("input");
      input.value = q.arg;
      input.setAttribute("aria-label", q.param);
      const button = tipLine("button", "Ask");
      button.type = "button";
      button.dataset.canned = q.name;
      button.addEventListener("click", () => askCanned(q.name, input.value));
      input.addEventListener("keydown", (e) => { if (e.key === "Enter") askCanned(q.name, input.value); });
      div.append(input, " ", button);
      box.appendChild(div);
    });
  }

  function renderLegend() {
    const box = $("legend");
    Object.keys(COLOURS).concat(["other"]).forEach((t) => {
      const span = document.createElement("span");
      const dot = document.createElement("i");
      dot.style.background = COLOURS[t] || OTHER;
      span.append(dot, t);
      box.appendChild(span);
    });
  }

  $("run").addEventListener("click", () => { columns = null; runQuery($("query").value); });
  $("query").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { columns = null; runQuery($("query").value); }
  });

  async function start() {
    renderLegend();
    try {
      renderCanned(await api("/api/canned"));
    } catch (e) {
      status("canned questions: " + e.message, true);
    }
    const params = new URLSearchParams(location.search);
    if (params.get("canned")) {
      await askCanned(params.get("canned"), params.get("arg") || "");
    } else if (params.get("q")) {
      $("query").value = params.get("q");
      await runQuery(params.get("q"));
    } else {
      setState("ready");
      return;
    }
    if (params.get("expand") && document.body.dataset.state === "done") {
      setState("running");
      try {
        await expand(params.get("expand"));
        setState("done");
      } catch (e) {
        status(e.message, true);
        setState("error");
      }
    }
  }
  start();
})();
