// The explorer's pages. Each takes the route and returns the page's
// element (after its questions have answered); main.js swaps it in.
import { h, plural, externalLink, truncate } from "./dom.js";
import { ask, href, plainIRI, inRange, KIND_LABELS } from "./api.js";
import {
  link, kindBadge, sourceLink, statement, section, cappedList, timeline, filterBar, articleList,
  showQuery, gizmoString, join,
} from "./widgets.js";
import { graphView } from "./graph.js";

const TOP_KINDS = [
  ["person", "Most mentioned people"], ["organisation", "Most mentioned bodies"],
  ["reform", "Most mentioned reforms"], ["topic", "Topics"],
];

// landing: the most mentioned people, bodies, reforms and topics, and the
// newest articles.
export async function landing() {
  const [tops, latest] = await Promise.all([
    Promise.all(TOP_KINDS.map(([kind]) => ask("top", { kind, limit: 10 }))),
    ask("articles", { limit: 8 }),
  ]);
  const columns = TOP_KINDS.map(([kind, title], i) => {
    const rows = tops[i];
    const max = Math.max(1, ...rows.map((e) => e.articles));
    return h("section.card.top", { "data-kind": kind }, h("h2", title),
      rows.length ? h("ol.top-list", rows.map((e) => {
        const bar = h("span.bar");
        bar.style.width = Math.max(4, Math.round((e.articles / max) * 100)) + "%";
        return h("li", link(e), h("span.count", plural(e.articles, "article")), h("span.track", bar));
      })) : h("p.empty", "None yet."));
  });
  return h("div.page.landing",
    h("div.intro", h("h1", "Who said what, in " + plural(latest.total, "article")),
      h("p", "Search for a person, a body, a reform or a topic above, or start from the most mentioned. ",
        "Every quotation and fact links to the sentence it was read from.")),
    h("div.grid-top", columns),
    section("Newest articles", articleList(latest.articles, 8), { id: "latest" }),
    showQuery('g.V().Has("<type>", "<Person>").Out("<name>").All()'));
}

// search: every match for a text, by kind.
export async function search(r) {
  const hits = await ask("search", { q: r.text, limit: 50 });
  return h("div.page.search",
    h("h1", "Search: ", h("span.query", r.text)),
    hits.length
      ? h("ul.hits", hits.map((e) => h("li", kindBadge(e.kind), " ", link(e),
        e.matched && e.matched !== e.name ? h("span.meta", " (as “", e.matched, "”)") : null,
        h("span.meta", " · ", plural(e.articles, "article")))))
      : h("p.empty", "Nothing in the graph matches “", r.text, "”."),
    showQuery());
}

// articles: every article, with the date and outlet filter.
export async function articles(r, go) {
  const p = r.params;
  const [all, page] = await Promise.all([
    ask("articles", { limit: 1 }),
    ask("articles", { from: p.get("from"), to: p.get("to"), outlet: p.get("outlet"), limit: 200 }),
  ]);
  return h("div.page.articles", h("h1", "Articles"),
    filterBar(p, all.outlets, (f) => go("#/articles", f)),
    section("Coverage over time", timeline(page.timeline), { id: "timeline" }),
    section(plural(page.total, "article"), articleList(page.articles, 50), { id: "article-list" }),
    showQuery('g.V().Has("<type>", "<Article>").Tag("article").Out("<headline>").All()'));
}

// entityHeader names the page's node, its kind, other names and coverage.
function entityHeader(e, extra) {
  return h("div.entity-header",
    h("h1", kindBadge(e.kind), " ", h("span.name", e.name)),
    e.aliases && e.aliases.length ? h("p.aliases", "Also written: ", join(e.aliases.slice(0, 8).map((a) => h("span.alias", a)), ", "),
      e.aliases.length > 8 ? h("span.meta", " and " + (e.aliases.length - 8) + " more") : null) : null,
    h("p.meta", "Mentioned in ", plural(e.articles, "article"), extra || ""));
}

function byDate(params) {
  const from = params.get("from"), to = params.get("to"), outlet = (params.get("outlet") || "").toLowerCase();
  return (src) => {
    const a = (src && src.article) || {};
    if (!inRange(a.date || "", from, to)) return false;
    return !outlet || (a.outlet || "").toLowerCase() === outlet;
  };
}

// coverage asks for an entity's articles, all and filtered.
async function coverage(id, p) {
  const filtered = p.get("from") || p.get("to") || p.get("outlet");
  const all = await ask("articles", { entity: id, limit: 100 });
  const page = filtered
    ? await ask("articles", { entity: id, from: p.get("from"), to: p.get("to"), outlet: p.get("outlet"), limit: 100 })
    : all;
  return { all, page };
}

function filterNote(p, shown, total, what) {
  if (!(p.get("from") || p.get("to") || p.get("outlet"))) return null;
  return h("p.filter-note", "Filtered: ", plural(shown, what), " of ", total, ".");
}

// person and body pages: the profile, what they said by topic, the
// articles over time, the graph.
export async function entity(r, go) {
  const p = r.params;
  const here = href(r.id);
  const [profile, said, cov] = await Promise.all([
    ask("profile", { name: r.id }),
    ask("said", { name: r.id, limit: 100 }),
    coverage(r.id, p),
  ]);
  const e = profile.entity;
  const keep = byDate(p);
  const statements = said.statements.filter((s) => keep(s.source));
  const roles = profile.roles.filter((ro) => keep(ro.source));

  // Quotations by topic: each statement under each of its topics.
  const groups = new Map();
  for (const st of statements) {
    const topics = st.topics && st.topics.length ? st.topics : [{ id: "", name: "other" }];
    for (const t of topics) {
      if (!groups.has(t.id)) groups.set(t.id, { topic: t, items: [] });
      groups.get(t.id).items.push(st);
    }
  }
  const topicGroups = [...groups.values()].sort((a, b) => b.items.length - a.items.length || (a.topic.name < b.topic.name ? -1 : 1));

  const stances = profile.stances.filter((s) => s.sources.some(keep) || !s.sources.length);
  const reforms = [["drives", "Drives"], ["affected_by", "Affected by"], ["gains_from", "Gains from"]]
    .map(([k, title]) => [title, (profile[k] || []).filter((m) => !m.sources.length || m.sources.some(keep))])
    .filter(([, list]) => list.length)
    .map(([title, list]) => h("div.reform-group", h("h3", title), cappedList(list, 6, (m) => h("li", link(m),
      h("span.meta", " (" + m.count + ")"), " ", sourceLink(m.sources.find(keep) || m.sources[0])))));

  const graph = graphView(r.id);
  const page = h("div.page.entity", { "data-id": r.id },
    entityHeader(e, " · " + plural(profile.statements, "statement")),
    filterBar(p, cov.all.outlets, (f) => go(here, f)),
    h("div.columns",
      h("div.col",
        section("Coverage over time", timeline(cov.page.timeline), { id: "timeline" }),
        section("Roles", roles.length ? cappedList(roles, 8, (ro) => h("li.role",
          ro.role ? h("strong", ro.role) : null, ro.role && ro.organisation ? ", " : null,
          ro.organisation ? link(ro.organisation) : null,
          ro.person && ro.person.id !== r.id ? [" — ", link(ro.person)] : null,
          h("div.via", sourceLink(ro.source))), "roles") : [], { id: "roles", empty: "No roles read." }),
        section("Said, by topic", topicGroups.length ? [
          filterNote(p, statements.length, said.total, "statement"),
          said.total > said.statements.length
            ? h("p.hint", "The newest " + said.statements.length + " of " + said.total + " statements.") : null,
          topicGroups.map((g) => h("div.topic-group",
            h("h3", g.topic.id ? link(g.topic) : g.topic.name, h("span.meta", " · " + g.items.length)),
            cappedList(g.items, 4, (st) => statement(st), "statements"))),
        ] : [], { id: "said", empty: "No quotations or reported speech." })),
      h("div.col",
        section("Stances on reforms", stances.length ? cappedList(stances, 8, (s) => h("li",
          h("span.stance", { "data-stance": s.stance }, s.stance), " ", link(s), " ", sourceLink(s.sources.find(keep) || s.sources[0])), "stances") : [],
        { id: "stances", empty: "No stances read." }),
        reforms.length ? section("Reforms", reforms, { id: "reforms" }) : null,
        section("Appears with", appearsWith(profile), { id: "appears-with" }),
        section("Articles", [filterNote(p, cov.page.total, cov.all.total, "article"), articleList(cov.page.articles, 10)],
          { id: "articles" }))),
    graph,
    showQuery("g.V(" + gizmoString(r.id) + ").Out(\"<said>\").Tag(\"statement\").Out(\"<text>\").Tag(\"text\").All()"));
  page.afterShow = () => graph.load();
  return page;
}

// topic page: who said what about it, who it appears with, the articles.
export async function topic(r, go) {
  const p = r.params;
  const [profile, who, cov] = await Promise.all([
    ask("profile", { name: r.id }),
    ask("who-said", { about: r.id, limit: 200 }),
    coverage(r.id, p),
  ]);
  const keep = byDate(p);
  const statements = who.statements.filter((s) => keep(s.source));
  const graph = graphView(r.id);
  const page = h("div.page.topic", { "data-id": r.id },
    entityHeader(profile.entity),
    filterBar(p, cov.all.outlets, (f) => go(href(r.id), f)),
    h("div.columns",
      h("div.col",
        section("Coverage over time", timeline(cov.page.timeline), { id: "timeline" }),
        section("Who said what about it", statements.length ? [
          filterNote(p, statements.length, who.total, "statement"),
          who.complete ? null : h("p.hint", "From the first " + plural(who.scanned, "article") + " read; there may be more."),
          cappedList(statements, 12, (st) => statement(st, { speakers: true }), "statements")] : [],
        { id: "said", empty: "No statements about it." })),
      h("div.col",
        section("Appears with", appearsWith(profile), { id: "appears-with" }),
        section("Articles", articleList(cov.page.articles, 10), { id: "articles" }))),
    graph,
    showQuery("g.V(" + gizmoString(r.id) + ").In(\"<about>\").Tag(\"statement\").Out(\"<text>\").Tag(\"text\").All()"));
  page.afterShow = () => graph.load();
  return page;
}

// appearsWith lists who or what shares articles with the page's node,
// most first, twenty at a time.
function appearsWith(profile) {
  return profile.appears_with.length ? cappedList(profile.appears_with, 20, (c) =>
    h("li", kindBadge(c.kind), " ", link(c), h("span.meta", " " + c.articles)), "chips") : [];
}

function mentions(list, title, id) {
  return section(title, list && list.length ? cappedList(list, 8, (m) => h("li", kindBadge(m.kind), " ", link(m),
    h("div.via", sourceLink(m.sources && m.sources[0]))), "mentions") : [], { id });
}

function positions(list, stance, keep) {
  const box = cappedList(list, 8, (pos) => h("li.position",
    h("div.who", kindBadge(pos.kind), " ", link(pos)),
    pos.words && pos.words.filter((w) => keep(w.source)).length
      ? cappedList(pos.words.filter((w) => keep(w.source)), 3, (st) => statement(st), "statements")
      : h("div.via", sourceLink(pos.sources && pos.sources[0]))), "positions");
  (box.matches("ul") ? box : box.querySelector("ul")).dataset.stance = stance;
  return box;
}

// reform page: what changes, who gains, who supports and opposes it in
// what words, the articles over time.
export async function reform(r, go) {
  const p = r.params;
  const [rf, cov] = await Promise.all([ask("reform", { name: r.id }), coverage(r.id, p)]);
  const keep = byDate(p);
  const graph = graphView(r.id);
  const page = h("div.page.reform", { "data-id": r.id },
    entityHeader(rf.reform, rf.kinds.length ? [" · ", join(rf.kinds.map((k) => h("span.tag", k)), " ")] : ""),
    filterBar(p, cov.all.outlets, (f) => go(href(r.id), f)),
    h("div.columns",
      h("div.col",
        section("What changes", rf.changes.length ? cappedList(rf.changes, 8, (c) => h("li.change",
          link(c.from), " ", h("em", c.how), " ", link(c.to), h("div.via", sourceLink(c.sources[0]))), "changes") : [],
        { id: "changes", empty: "No change read beyond its kind." }),
        mentions(rf.affects, "Affects", "affects"),
        mentions(rf.gains, "Who gains", "gains"),
        mentions(rf.agents, "Driven by", "agents")),
      h("div.col",
        section("Supporters", rf.supporters.length ? positions(rf.supporters, "supports", keep) : [],
          { id: "supporters", empty: "No supporters read." }),
        section("Opponents", rf.opponents.length ? positions(rf.opponents, "opposes", keep) : [],
          { id: "opponents", empty: "No opponents read." }),
        section("Coverage over time", timeline(cov.page.timeline), { id: "timeline" }),
        section("Articles", articleList(cov.page.articles, 10), { id: "articles" }))),
    graph,
    showQuery("g.V(" + gizmoString(r.id) + ").In(\"<supports>\").Tag(\"supporter\").Out(\"<name>\").All()"));
  page.afterShow = () => graph.load();
  return page;
}

const PREDICATES = {
  said: "said", role: "role", supports: "supports", opposes: "opposes", affects: "affects", gains: "gains from",
  agent: "driven by", kind: "is a", replaced_by: "replaced by", transfers_to: "transfers to", merges_into: "merges into",
  about: "about", affiliated_with: "affiliated with",
};

const isStatement = (ref) => ref && /^<(quote|statement)\//.test(ref.id);

// refOrWords shows a node as a link to its page, or a quotation as its words.
function refOrWords(ref, n) {
  return isStatement(ref) ? h("q", truncate(ref.name, n || 120)) : link(ref);
}

// facts lists a sentence's facts, one line per subject and predicate:
// "“…” about integration, commissioning".
function facts(list) {
  const lines = [];
  for (const f of list) {
    const last = lines[lines.length - 1];
    if (last && last.subject.id === f.subject.id && last.predicate === f.predicate) last.objects.push(f);
    else lines.push({ subject: f.subject, predicate: f.predicate, objects: [f] });
  }
  return h("ul.facts", lines.map((l) => h("li.fact", { "data-predicate": l.predicate },
    refOrWords(l.subject, 60), " ", h("span.pred", PREDICATES[l.predicate] || l.predicate.replace(/_/g, " ")), " ",
    join(l.objects.map((f) => (f.object ? refOrWords(f.object) : h("strong", f.value))), ", "))));
}

// markQuotes returns the sentence's text as nodes, each quotation the
// sentence's facts name wrapped in <mark>: the words are found with
// indexOf and inserted as text nodes.
function markQuotes(text, facts) {
  const quotes = facts.filter((f) => f.predicate === "said" && f.object && f.object.name).map((f) => f.object.name);
  const spans = [];
  for (const q of quotes) {
    const i = text.indexOf(q);
    if (i >= 0 && !spans.some(([a, b]) => i < b && i + q.length > a)) spans.push([i, i + q.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const out = [];
  let at = 0;
  for (const [a, b] of spans) {
    out.push(text.slice(at, a), h("mark.quote", text.slice(a, b)));
    at = b;
  }
  out.push(text.slice(at));
  return out;
}

// article page: its sentences, every fact highlighted, the sentence asked
// for (?s=N) marked and scrolled to.
export async function article(r) {
  const ap = await ask("article", { id: r.id });
  const a = ap.article;
  const target = Number(r.params.get("s") || 0);
  const kinds = new Map();
  for (const e of ap.entities) {
    if (!kinds.has(e.kind)) kinds.set(e.kind, []);
    kinds.get(e.kind).push(e);
  }
  const nfacts = ap.sentences.reduce((n, s) => n + s.facts.length, 0);
  const page = h("div.page.article", { "data-id": r.id },
    h("h1.headline", a.headline || plainIRI(a.id)),
    h("p.meta", [a.date, a.outlet, a.author ? "by " + a.author : ""].filter(Boolean).join(" · "),
      a.url ? [" · ", externalLink(a.url, "original page")] : null),
    h("p.hint", plural(ap.sentences.length, "sentence"), " with facts · ", plural(nfacts, "fact"),
      " · highlighted sentences are where facts were read; quotations are marked"),
    h("div.columns",
      h("div.col.wide", h("section.card.text", { id: "sentences" }, h("h2", "The article's sentences"),
        ap.sentences.map((s, i) => [
          // Sentences no fact was read from are not stored: mark the gap.
          s.n > (i ? ap.sentences[i - 1].n : 0) + 1
            ? h("p.gap", { title: "sentences without facts are not stored" }, "⋯") : null,
          h("div.sentence", {
          id: "s" + s.n, "data-n": String(s.n), "data-facts": String(s.facts.length),
          class: "sentence" + (s.facts.length ? " has-facts" : "") + (s.n === target ? " target" : ""),
        },
        h("p", h("a.anchor", { href: href(a.id, { s: s.n }), title: "link to this sentence" }, String(s.n)), " ",
          markQuotes(s.text, s.facts)),
        s.facts.length ? facts(s.facts) : null)]))),
      h("div.col.narrow", section("Named in it", [...kinds].map(([k, list]) => h("div",
        h("h3", KIND_LABELS[k] || k), h("ul.chips", list.map((e) => h("li", link(e)))))), { id: "entities" }))),
    showQuery("g.V(" + gizmoString(a.id) + ").In(\"<sentence_of>\").Tag(\"sentence\").Out(\"<text>\").Tag(\"text\").All()"));
  page.afterShow = () => {
    const el = target && document.getElementById("s" + target);
    if (el) el.scrollIntoView({ block: "center" });
  };
  return page;
}

// node: a node that has no page of its own (a quotation): where it was read.
export async function node(r) {
  return h("div.page.node", h("h1", plainIRI(r.id)), h("p", "This node has no page of its own."));
}
