// Pieces the explorer's pages share: links to nodes and to the sentence a
// fact came from, statements, the coverage timeline, the date and outlet
// filter, and "show the query".
import { h, fill, plural, truncate } from "./dom.js";
import { href, asked, KIND_LABELS, plainIRI } from "./api.js";

// link is a link to a node's page, named by its name.
export function link(ref, text) {
  if (!ref) return null;
  return h("a.ref", { href: href(ref.id), "data-kind": ref.kind || "" }, text || ref.name || plainIRI(ref.id));
}

export function kindBadge(kind) {
  return h("span.badge", { "data-kind": kind || "" }, KIND_LABELS[kind] || kind || "node");
}

// sourceLink links a fact to the article sentence it was read from: the
// headline, date and outlet, one click to the sentence highlighted.
export function sourceLink(src) {
  if (!src || !src.article) return null;
  const a = src.article;
  const meta = [a.date, a.outlet].filter(Boolean).join(" · ");
  return h("a.source", { href: href(src.sentence || a.id), title: src.text || "" },
    "↗ ", truncate(a.headline || plainIRI(a.id), 90), meta ? h("span.meta", " · " + meta) : null);
}

// statement shows a quotation (in quotation marks) or reported speech,
// with its speakers when asked and its source.
export function statement(st, { speakers = false, topics = false } = {}) {
  const words = st.kind === "quotation"
    ? h("q.words", st.text)
    : h("span.words.reported", h("span.badge", "reported"), " ", st.text);
  return h("li.statement", { "data-kind": st.kind, "data-id": st.id },
    speakers && st.speakers && st.speakers.length ? h("span.speakers", join(st.speakers.map((s) => link(s)), ", "), ": ") : null,
    words,
    topics && st.topics && st.topics.length ? h("span.topics", " ", st.topics.map((t) => h("span.tag", link(t)))) : null,
    h("div.via", sourceLink(st.source)));
}

export function join(items, sep) {
  const out = [];
  items.forEach((it, i) => { if (i) out.push(sep); out.push(it); });
  return out;
}

// section is a titled part of a page; empty when it has nothing to show.
export function section(title, body, { id, empty } = {}) {
  const has = body && !(Array.isArray(body) && body.length === 0);
  return h("section.card", { id: id || null, "data-empty": has ? null : "true" },
    h("h2", title), has ? body : h("p.empty", empty || "Nothing in the graph."));
}

// list shows at most n items with a "show all" button.
export function cappedList(items, n, render, cls) {
  const ul = h("ul" + (cls ? "." + cls : ""));
  const shown = items.slice(0, n).map(render);
  ul.append(...shown);
  if (items.length > n) {
    const rest = items.length - n;
    const more = h("button.more", { type: "button", onclick: () => { more.remove(); ul.append(...items.slice(n).map(render)); } },
      "show " + rest + " more");
    return h("div", ul, more);
  }
  return ul;
}

// timeline draws articles per month as bars (a simple SVG); articles
// without a date are counted in words.
export function timeline(periods) {
  const dated = (periods || []).filter((p) => p.month).sort((a, b) => (a.month < b.month ? -1 : 1));
  const undated = (periods || []).filter((p) => !p.month).reduce((n, p) => n + p.articles, 0);
  const box = h("div.timeline", { "data-months": String(dated.length) });
  if (dated.length) {
    // Fill the months between the first and the last, so gaps show.
    const months = [];
    let [y, m] = dated[0].month.split("-").map(Number);
    const last = dated[dated.length - 1].month;
    const counts = new Map(dated.map((p) => [p.month, p.articles]));
    for (let guard = 0; guard < 600; guard++) {
      const key = y + "-" + String(m).padStart(2, "0");
      months.push({ month: key, articles: counts.get(key) || 0 });
      if (key >= last) break;
      m++;
      if (m > 12) { m = 1; y++; }
    }
    const max = Math.max(...months.map((p) => p.articles), 1);
    // At most 600 units wide however many months: bars narrow instead.
    const H = 80;
    const step = Math.min(20, 600 / months.length);
    const vw = Math.max(160, months.length * step);
    const W = Math.max(1, step * 0.8);
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + vw + " " + (H + 18));
    svg.setAttribute("width", String(vw));
    svg.setAttribute("height", String(H + 18));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "articles by month");
    let labelled = -100; // where the last axis label went
    months.forEach((p, i) => {
      const bh = Math.round((p.articles / max) * (H - 4));
      const r = document.createElementNS(NS, "rect");
      r.setAttribute("x", (i * step).toFixed(1));
      r.setAttribute("y", String(H - Math.max(bh, p.articles ? 2 : 0)));
      r.setAttribute("width", W.toFixed(1));
      r.setAttribute("height", String(Math.max(bh, p.articles ? 2 : 0)));
      r.setAttribute("class", "bar");
      r.setAttribute("data-month", p.month);
      const t = document.createElementNS(NS, "title");
      t.textContent = p.month + ": " + plural(p.articles, "article");
      r.appendChild(t);
      svg.appendChild(r);
      // Label the first month, each January and the last, none closer
      // than 44 units to another.
      const last = i === months.length - 1;
      const x = Math.min(i * step, vw - 36);
      if (i === 0 || ((p.month.endsWith("-01") || last) && x - labelled >= 44 && (last || vw - 36 - x >= 44))) {
        labelled = x;
        const tx = document.createElementNS(NS, "text");
        tx.setAttribute("x", x.toFixed(1));
        tx.setAttribute("y", String(H + 14));
        tx.setAttribute("class", "axis");
        tx.textContent = p.month;
        svg.appendChild(tx);
      }
    });
    box.appendChild(svg);
  }
  const total = dated.reduce((n, p) => n + p.articles, 0);
  box.appendChild(h("p.hint", dated.length
    ? plural(total, "dated article") + " from " + dated[0].month + " to " + dated[dated.length - 1].month
    : "No dated articles.", undated ? " · " + plural(undated, "article") + " without a date" : ""));
  return box;
}

// filterBar edits the page's from/to/outlet parameters; onApply gets the
// new values (the page turns them into a new route, so back undoes them).
export function filterBar(params, outlets, onApply) {
  const from = h("input#filter-from", { type: "month", value: params.get("from") || "", "aria-label": "from month" });
  const to = h("input#filter-to", { type: "month", value: params.get("to") || "", "aria-label": "to month" });
  const outlet = h("select#filter-outlet", { "aria-label": "outlet" }, h("option", { value: "" }, "all outlets"),
    (outlets || []).filter((o) => o.outlet).map((o) => h("option", { value: o.outlet }, o.outlet + " (" + o.articles + ")")));
  outlet.value = params.get("outlet") || "";
  const apply = () => onApply({ from: from.value, to: to.value, outlet: outlet.value });
  const active = params.get("from") || params.get("to") || params.get("outlet");
  return h("form.filters", { onsubmit: (e) => { e.preventDefault(); apply(); } },
    h("label", "From ", from), h("label", "to ", to), h("label", "Outlet ", outlet),
    h("button#filter-apply", { type: "submit" }, "Filter"),
    active ? h("button#filter-clear", { type: "button", onclick: () => onApply({}) }, "Clear") : null);
}

// articleList lists articles, newest first, each a link to its page.
export function articleList(articles, n) {
  return cappedList(articles || [], n || 10, (a) => h("li.article",
    h("a", { href: href(a.id) }, a.headline || plainIRI(a.id)),
    h("span.meta", " ", [a.date, a.outlet].filter(Boolean).join(" · "))), "articles");
}

// showQuery lists the API calls the page made, and a Gizmo query that
// reads the same part of the graph, for those who want to go further.
export function showQuery(gizmo) {
  const calls = [...new Set(asked)];
  return h("details.show-query", h("summary", "Show the query"),
    h("p", "This page asked the questions' API:"),
    h("ul", calls.map((u) => h("li", h("a", { href: u }, decodeURIComponentSafe(u))))),
    gizmo ? [h("p", "In Gizmo (Cayley's query language), a start:"), h("pre", gizmo),
      h("a", { href: "console.html?q=" + encodeURIComponent(gizmo) }, "Run it in the Gizmo console")] : null);
}

function decodeURIComponentSafe(s) {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    return s;
  }
}

// gizmoString quotes s for a Gizmo (JavaScript) string literal.
export function gizmoString(s) {
  return JSON.stringify(String(s));
}

export { fill };
