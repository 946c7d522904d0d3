// newsgraph explorer: pages for people, bodies, reforms, topics and
// articles over the questions' API (/api/questions/…), a search box with
// suggestions, and routes in the location's hash so the back button and
// shared links work. Plain ES modules, no build step; cytoscape (vendored)
// draws the graph view. The Gizmo console is console.html.
//
// For tests and scripts the page says what it is doing in data
// attributes: body[data-state] is "loading", "ready" or "error" and
// body[data-page] names the page shown.
import { h, fill, plural } from "./dom.js";
import { ask, asked, route, href, APIError } from "./api.js";
import { link, kindBadge } from "./widgets.js";
import * as pages from "./pages.js";

const view = document.getElementById("view");
const input = document.getElementById("search");
const list = document.getElementById("suggestions");

// Links from the old explorer (?canned=…, ?q=…) open the console.
if (/[?&](canned|q)=/.test(location.search)) location.replace("console.html" + location.search + location.hash);

const PAGES = {
  landing: pages.landing, search: pages.search, articles: pages.articles,
  person: pages.entity, body: pages.entity, topic: pages.topic, reform: pages.reform, article: pages.article,
  node: pages.node,
};

// go moves to a route with parameters (a new history entry).
function go(hash, params) {
  const base = hash.replace(/\?.*$/, "");
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) qs.set(k, v);
  location.hash = base + (qs.toString() ? "?" + qs : "");
}

let generation = 0;

async function show() {
  const r = route(location.hash);
  const mine = ++generation;
  document.body.dataset.state = "loading";
  document.body.dataset.page = r.page;
  asked.length = 0;
  hideSuggestions();
  const render = PAGES[r.page];
  let el;
  try {
    if (!render) throw new APIError(404, { error: "No such page: " + location.hash });
    el = await render(r, go);
  } catch (err) {
    if (mine !== generation) return;
    el = errorPage(err);
    document.body.dataset.state = "error";
  }
  if (mine !== generation) return;
  fill(view, el);
  document.title = titleOf(el) + " · newsgraph explorer";
  if (document.body.dataset.state !== "error") document.body.dataset.state = "ready";
  if (el.afterShow) el.afterShow();
  else window.scrollTo(0, 0);
}

function titleOf(el) {
  const h1 = el.querySelector("h1");
  return h1 ? h1.textContent.trim().slice(0, 80) : "newsgraph";
}

// errorPage explains what went wrong, with the names nearest to one that
// matched nothing and the candidates for one that matched several.
function errorPage(err) {
  const body = err.body || {};
  const names = body.candidates || body.suggestions || [];
  return h("div.page.error-page", h("h1", err.status === 404 ? "Not found" : err.status === 409 ? "Which one?" : "Something went wrong"),
    h("p.error", err.message),
    names.length ? [h("p", body.candidates ? "It could be:" : "Did you mean:"),
      h("ul.hits", names.map((e) => h("li", kindBadge(e.kind), " ", link(e), h("span.meta", " · " + plural(e.articles, "article")))))] : null,
    h("p", h("a", { href: "#/" }, "Back to the start")));
}

// --- search with suggestions as you type ---

let suggestTimer = 0;
let suggestGen = 0;
let active = -1;

function hideSuggestions() {
  list.hidden = true;
  list.replaceChildren();
  active = -1;
  input.setAttribute("aria-expanded", "false");
}

async function suggest() {
  const text = input.value.trim();
  const mine = ++suggestGen;
  if (text.length < 2) {
    hideSuggestions();
    return;
  }
  let hits;
  try {
    const resp = await fetch("/api/questions/search?" + new URLSearchParams({ q: text, limit: "8" }));
    hits = resp.ok ? await resp.json() : [];
  } catch (e) {
    hits = [];
  }
  if (mine !== suggestGen || document.activeElement !== input) return;
  list.replaceChildren(...hits.map((e, i) => h("li", { role: "option", id: "suggestion-" + i, "data-id": e.id },
    h("a", { href: href(e.id), onmousedown: (ev) => ev.preventDefault(), onclick: hideSuggestions },
      kindBadge(e.kind), " ", h("span.name", e.name),
      e.matched && e.matched !== e.name ? h("span.meta", " “" + e.matched + "”") : null,
      h("span.meta", " · " + plural(e.articles, "article"))))),
  h("li.all", h("a", { href: "#/search/" + encodeURIComponent(text), onmousedown: (ev) => ev.preventDefault(), onclick: hideSuggestions },
    hits.length ? "All results for “" + text + "”" : "Nothing matches “" + text + "”")));
  list.hidden = false;
  active = -1;
  input.setAttribute("aria-expanded", "true");
}

function move(delta) {
  const items = [...list.querySelectorAll("li")];
  if (!items.length) return;
  active = (active + delta + items.length) % items.length;
  items.forEach((li, i) => li.classList.toggle("active", i === active));
  input.setAttribute("aria-activedescendant", items[active].id || "");
}

input.addEventListener("input", () => {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(suggest, 120);
});
input.addEventListener("keydown", (e) => {
  if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
  else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
  else if (e.key === "Escape") hideSuggestions();
});
input.addEventListener("blur", () => setTimeout(hideSuggestions, 150));
document.getElementById("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const items = [...list.querySelectorAll("li a")];
  if (active >= 0 && items[active]) {
    location.hash = items[active].getAttribute("href");
  } else if (input.value.trim()) {
    location.hash = "#/search/" + encodeURIComponent(input.value.trim());
  }
  hideSuggestions();
  input.blur();
});

window.addEventListener("hashchange", show);
show();
