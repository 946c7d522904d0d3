// DOM helpers for the explorer. Every string that may come from the graph
// goes into the page as a text node: h() turns string children into
// createTextNode, attributes are set with setAttribute, and no code here
// (or anywhere in the explorer) assigns innerHTML. Links to outside pages
// are made only by externalLink, which accepts http and https alone.

// h makes an element: h("a.cls#id", {href: …, onclick: fn}, child, …).
// Children may be nodes, strings (as text), numbers, arrays or null.
export function h(spec, attrs, ...children) {
  const m = /^([a-z0-9]+)?((?:[.#][\w-]+)*)$/i.exec(spec);
  if (!m) throw new Error("bad element spec " + spec);
  const el = document.createElement(m[1] || "div");
  for (const part of m[2].match(/[.#][\w-]+/g) || []) {
    if (part[0] === ".") el.classList.add(part.slice(1));
    else el.id = part.slice(1);
  }
  if (attrs && (typeof attrs !== "object" || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") {
      el.addEventListener(k.slice(2), v);
    } else if (k === "href") {
      if (!isSafeHref(String(v))) throw new Error("refusing link " + v);
      el.setAttribute("href", String(v));
    } else if (k === "dataset") {
      Object.assign(el.dataset, v);
    } else {
      el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

// An internal link ("#/…"), a path on this server ("/api/…", "console.html…")
// or an http(s) URL: nothing else becomes an href.
function isSafeHref(href) {
  return /^#/.test(href) || /^\/(?!\/)/.test(href) || /^console\.html(\?|$)/.test(href) || isHTTP(href);
}

function isHTTP(s) {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && /^https?:\/\//i.test(s.trim());
  } catch (e) {
    return false;
  }
}

// externalLink links to an article's own page when its URL is http(s);
// any other URL (javascript:, data:, …) is shown as text, not linked.
export function externalLink(url, label) {
  if (!url) return null;
  if (!isHTTP(url)) return h("span.unsafe-url", { title: "not an http(s) link, shown as text" }, url);
  return h("a.external", { href: url.trim(), rel: "noopener noreferrer nofollow", target: "_blank" }, label || url);
}

// clear empties el and appends children.
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// plural: "1 article", "3 articles".
export function plural(n, one, many) {
  return n + " " + (n === 1 ? one : many || one + "s");
}

// truncate shortens s to n characters with an ellipsis.
export function truncate(s, n) {
  s = String(s || "");
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}
