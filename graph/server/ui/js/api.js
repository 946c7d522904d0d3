// The explorer's calls to the questions' API (/api/questions/…) and its
// routes. A route is the location's hash, so that the back button and
// shared links work with a plain file server: "#/person/paul-burstow" is
// the page of the node <person/paul-burstow>, "#/article/ID?s=3" an
// article with its third sentence highlighted.

// Page kinds by the first segment of a node's IRI.
const PAGES = { person: "person", org: "body", reform: "reform", topic: "topic", article: "article" };

export class APIError extends Error {
  constructor(status, body) {
    super((body && body.error) || "HTTP " + status);
    this.status = status;
    this.body = body || {};
  }
}

// Every URL the current page asked, for "show the query".
export const asked = [];

// ask calls a question and returns its JSON answer.
export async function ask(question, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
  }
  const url = "/api/questions/" + question + (qs.toString() ? "?" + qs : "");
  asked.push(url);
  const resp = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await resp.json();
  } catch (e) {
    throw new APIError(resp.status, { error: resp.statusText || "not JSON" });
  }
  if (!resp.ok) throw new APIError(resp.status, body);
  return body;
}

// node fetches a node's neighbourhood for the graph view.
export async function node(id) {
  const url = "/api/node?id=" + encodeURIComponent(id);
  const resp = await fetch(url);
  const body = await resp.json();
  if (!resp.ok) throw new APIError(resp.status, body);
  return body;
}

// plainIRI drops the angle brackets: "<person/x>" → "person/x".
export function plainIRI(id) {
  return String(id || "").replace(/^<|>$/g, "");
}

// href is the route of a node's page, with optional parameters.
export function href(id, params) {
  const iri = plainIRI(id);
  const hash = iri.indexOf("#");
  let path = hash >= 0 ? iri.slice(0, hash) : iri;
  const first = path.split("/")[0];
  path = PAGES[first] ? path.split("/").map(encodeURIComponent).join("/") : "node/" + encodeURIComponent(iri);
  const qs = new URLSearchParams();
  if (hash >= 0 && first === "article") {
    const m = /^s(\d+)$/.exec(iri.slice(hash + 1));
    if (m) qs.set("s", m[1]);
  }
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
  }
  return "#/" + path + (qs.toString() ? "?" + qs : "");
}

// route reads the location's hash: {page, id, params}.
export function route(hash) {
  let h = String(hash || "").replace(/^#\/?/, "");
  const q = h.indexOf("?");
  const params = new URLSearchParams(q >= 0 ? h.slice(q + 1) : "");
  h = q >= 0 ? h.slice(0, q) : h;
  const parts = h.split("/").filter((p) => p !== "").map((p) => {
    try {
      return decodeURIComponent(p);
    } catch (e) {
      return p;
    }
  });
  if (parts.length === 0) return { page: "landing", params };
  if (parts[0] === "search") return { page: "search", text: parts.slice(1).join("/"), params };
  if (parts[0] === "articles") return { page: "articles", params };
  if (parts[0] === "node" && parts.length > 1) {
    const id = "<" + parts.slice(1).join("/") + ">";
    const first = plainIRI(id).split("/")[0];
    return { page: PAGES[first] || "node", id, params };
  }
  if (PAGES[parts[0]] && parts.length > 1) return { page: PAGES[parts[0]], id: "<" + parts.join("/") + ">", params };
  return { page: "missing", params };
}

// The kinds of the questions' API, as people read them.
export const KIND_LABELS = { person: "person", organisation: "body", reform: "reform", topic: "topic" };

// inRange says whether an article dated date passes a from/to filter of
// years, months or days ("2010", "2010-07", "2010-07-14"), both inclusive.
export function inRange(date, from, to) {
  if (!from && !to) return true;
  if (!date) return false;
  if (from && date.slice(0, from.length) < from) return false;
  if (to && date.slice(0, to.length) > to) return false;
  return true;
}
