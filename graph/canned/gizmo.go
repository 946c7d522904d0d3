package canned

// Prelude is the Gizmo (JavaScript) every canned question begins with: the
// look-ups they share. It defines no query of its own. The program that
// follows it declares ARG (the argument) and LIMIT (the most rows to emit;
// 0 for no bound).
const Prelude = `// newsgraph canned-question helpers: find a node from a name without
// scanning the graph, and read edges together with where they were read
// (their quads' labels).
function slug(s) {
  return s.toLowerCase().replace(/['\u2018\u2019]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}
// uniq: Gizmo answers one value per path; the questions want each once.
function uniq(a) {
  var seen = {};
  return a.filter(function (x) {
    var k = typeof x !== "object" || x === null ? String(x) :
      Object.keys(x).sort().map(function (f) { return f + "=" + x[f]; }).join("\u0000");
    if (seen[k]) { return false; }
    seen[k] = true;
    return true;
  });
}
function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
function titleCase(s) {
  return s.toLowerCase().replace(/(^|\s)[a-z]/g, function (c) { return c.toUpperCase(); });
}
function cmp(x, y) { return x < y ? -1 : x > y ? 1 : 0; }
// find: the nodes of a type that text names, by name (then IRI). Cheapest
// first: the IRI minted from the name, then an exact name or alias, then,
// slowest (it reads every node of the type), a case-insensitive match at a
// word start of their names.
function find(text, type, prefix) {
  // One answer is enough: a hub's type is restated by every sentence.
  var hit = g.V("<" + prefix + "/" + slug(text) + ">").Has("<type>", type).ToArray(1);
  if (!hit.length) {
    // Has after In would join the type's whole index: check each instead.
    hit = uniq(g.V(text, text.toLowerCase(), titleCase(text)).In(["<name>", "<alias>"]).ToArray())
      .filter(function (n) { return isA(n, type); });
  }
  if (!hit.length) {
    var re = new RegExp("(^|\\W)" + escapeRe(text), "i");
    hit = g.V(type).In("<type>").Unique().ToArray().filter(function (n) {
      var name = nameOf(n);
      return name !== n && re.test(name);
    });
  }
  return uniq(hit).sort(function (x, y) { return cmp(nameOf(x), nameOf(y)) || cmp(x, y); });
}
// A node's name, type and an article's headline are read once per run: a
// hub (a person in every article) would otherwise be read for every row.
var names = {}, types = {}, headlines = {};
function nameOf(node) {
  if (!(node in names)) {
    var n = g.V(node).Out("<name>").ToValue();
    names[node] = n === null ? node : n;
  }
  return names[node];
}
// isA: node has the type; one exact look-up (object, predicate, subject).
function isA(node, type) {
  var k = node + "\u0000" + type;
  if (!(k in types)) {
    types[k] = g.V(node).Has("<type>", type).ToArray(1).length > 0;
  }
  return types[k];
}
function articleOf(label) {
  var i = label.indexOf("#");
  return i < 0 ? label : label.slice(0, i) + ">";
}
// edges: the quads node -pred-> x (or x -pred-> node when inward), as
// {id: x, source: label}, in the order the store lists them. One read of
// node's edges; the label is tagged, not looked up per edge.
function edges(node, pred, inward) {
  var p = g.V(node).LabelContext(g.V(), "source");
  return (inward ? p.In(pred) : p.Out(pred)).TagArray();
}
// byNode: edges grouped by their other end, in first-seen order, each with
// its labels sorted as sourceOrder sorts them.
function byNode(es, keep) {
  var order = [], labels = {};
  es.forEach(function (e) {
    if (keep && !keep(e.id)) { return; }
    if (!(e.id in labels)) { labels[e.id] = []; order.push(e.id); }
    if (labels[e.id].indexOf(e.source) < 0) { labels[e.id].push(e.source); }
  });
  return order.map(function (id) { return { id: id, labels: labels[id].sort(sourceOrder) }; });
}
// sourceOrder: sentence labels before article labels, then by text.
function sourceOrder(x, y) {
  var sx = x.indexOf("#") >= 0, sy = y.indexOf("#") >= 0;
  if (sx !== sy) { return sx ? -1 : 1; }
  return cmp(x, y);
}
// withSource: row plus where it was read, the label's article and headline.
function withSource(row, label) {
  row.source = label || "";
  row.article = label ? articleOf(label) : "";
  if (label && !(row.article in headlines)) {
    headlines[row.article] = g.V(row.article).Out("<headline>").ToValue() || "";
  }
  row.headline = label ? headlines[row.article] : "";
  return row;
}
// emit sends a row unless LIMIT rows have been sent; full says when.
var emitted = 0;
function full() { return LIMIT > 0 && emitted >= LIMIT; }
function emit(row) {
  if (full()) { return; }
  g.Emit(row);
  emitted++;
}
// emitSorted emits rows ordered by keys, a stable order so answers compare
// across runs; finish(row) completes a row (its source, headline…) only
// for the rows that are emitted.
function emitSorted(rows, keys, finish) {
  rows.sort(function (x, y) {
    for (var i = 0; i < keys.length; i++) {
      var c = cmp(x[keys[i]] || "", y[keys[i]] || "");
      if (c) { return c; }
    }
    return 0;
  });
  for (var i = 0; i < rows.length && !full(); i++) { emit(finish(rows[i])); }
}
`

// whoSaid answers "who said what about TOPIC": one row per quotation and
// speaker. Rows come in the order the store lists the topic's <about>
// edges, so the program stops after LIMIT rows without reading the rest of
// a topic that thousands of quotations are about.
const whoSaid = `// who-said: the quotations about a topic, their speakers and sources.
// Order: topics by name; a topic's quotations as the store lists them
// (for bolt and memstore, the order they were loaded); a quotation's
// speakers by name.
find(ARG, "<Topic>", "topic").forEach(function (topic) {
  var topicName = nameOf(topic), seen = {}, done = 0;
  // Read the topic's quotations a page at a time, each page 4x the last, so
  // a topic with a hundred thousand quotations costs about LIMIT of them.
  for (var page = LIMIT > 0 ? LIMIT : 0; !full(); page *= 4) {
    var quotes = page > 0 ? g.V(topic).In("<about>").ToArray(page) : g.V(topic).In("<about>").ToArray();
    for (; done < quotes.length && !full(); done++) {
      var quote = quotes[done];
      if (seen[quote]) { continue; }
      seen[quote] = true;
      var said = byNode(edges(quote, "<said>", true));
      if (!said.length) { continue; }
      var text = g.V(quote).Out("<text>").ToValue() || "";
      said.sort(function (x, y) { return cmp(nameOf(x.id), nameOf(y.id)) || cmp(x.id, y.id); });
      said.forEach(function (s) {
        emit(withSource({
          topic: topic, topic_name: topicName,
          speaker: s.id, speaker_name: nameOf(s.id),
          quote: quote, text: text
        }, s.labels[0]));
      });
    }
    if (page === 0 || quotes.length < page) { break; }
  }
});
`

// roles answers "what roles does PERSON hold": each <role> and each
// affiliation edge to an organisation, paired when read in the same sentence.
const roles = `// roles: a person's roles and organisations, sentence by sentence.
var notAffiliations = ["<type>", "<name>", "<alias>", "<role>", "<said>", "<mentioned_in>",
  "<supports>", "<opposes>", "<text>", "<about>"];
var rows = [];
find(ARG, "<Person>", "person").forEach(function (person) {
  var name = nameOf(person);
  // What was read in each sentence: the roles and the organisations.
  var byLabel = {}, labels = [];
  var at = function (l) {
    if (!byLabel[l]) { byLabel[l] = { titles: [], orgs: [] }; labels.push(l); }
    return byLabel[l];
  };
  edges(person, "<role>").forEach(function (e) { at(e.source).titles.push(e.id); });
  uniq(g.V(person).OutPredicates().ToArray()).forEach(function (pred) {
    if (notAffiliations.indexOf(pred) >= 0) { return; }
    edges(person, pred).forEach(function (e) {
      if (isA(e.id, "<Organization>")) { at(e.source).orgs.push({ id: e.id, relation: pred }); }
    });
  });
  labels.forEach(function (label) {
    var titles = byLabel[label].titles, orgs = byLabel[label].orgs;
    var row = function (title, org) {
      return {
        person: person, person_name: name, role: title || "",
        organisation: org ? org.id : "", organisation_name: org ? nameOf(org.id) : "",
        relation: org ? org.relation : "", source: label, article: articleOf(label)
      };
    };
    // One role and one organisation in a sentence belong together; with
    // several of each, which goes with which is not known.
    if (titles.length <= 1 || orgs.length <= 1) {
      (titles.length ? titles : [""]).forEach(function (t) {
        (orgs.length ? orgs : [null]).forEach(function (o) { rows.push(row(t, o)); });
      });
    } else {
      titles.forEach(function (t) { rows.push(row(t, null)); });
      orgs.forEach(function (o) { rows.push(row("", o)); });
    }
  });
});
emitSorted(rows, ["person_name", "article", "source", "role", "organisation_name", "relation", "person", "organisation"],
  function (r) { return withSource(r, r.source); });
`

// reforms answers "which reforms affect ORG": reform nodes that name the
// organisation (<affects>, <gains>, <agent>), and direct edges such as
// <replaced_by>, one row per article that reports each.
const reforms = `// reforms: the reforms that affect an organisation, with their sources.
var direct = {
  "<replaced_by>": ["replaced by", "replaces"],
  "<transfers_to>": ["functions move to", "takes functions from"],
  "<merges_into>": ["merges into", "absorbs"]
};
var roleOf = { "<affects>": "affected", "<gains>": "gains functions", "<agent>": "carries it out" };
var namesOf = function (nodes) { return nodes.map(nameOf).join(", "); };
var kinds = {}, details = {};
var kindOf = function (reform) {
  if (!(reform in kinds)) { kinds[reform] = uniq(g.V(reform).Out("<kind>").ToArray()).join(", "); }
  return kinds[reform];
};
// few: the names of the first SHOWN nodes of a path, "and others" when
// there are more. A reform reported by hundreds of articles has hundreds of
// supporters; naming them all would cost a look-up each.
var SHOWN = 3;
var few = function (p) {
  var nodes = p.Unique().ToArray(SHOWN + 1);
  return namesOf(nodes.slice(0, SHOWN)) + (nodes.length > SHOWN ? " and others" : "");
};
// detailOf is read only for the rows emitted.
var detailOf = function (reform) {
  if (!(reform in details)) {
    var detail = [];
    [["gains: ", g.V(reform).Out("<gains>")], ["by: ", g.V(reform).Out("<agent>")],
      ["supported by: ", g.V(reform).In("<supports>")], ["opposed by: ", g.V(reform).In("<opposes>")]
    ].forEach(function (part) {
      var names = few(part[1]);
      if (names) { detail.push(part[0] + names); }
    });
    details[reform] = detail.join("; ");
  }
  return details[reform];
};
var rows = [];
// perArticle: one row per article among labels, from its first label.
var perArticle = function (row, labels) {
  var seen = {};
  labels.forEach(function (l) {
    var a = articleOf(l);
    if (seen[a]) { return; }
    seen[a] = true;
    var r = {};
    Object.keys(row).forEach(function (k) { r[k] = row[k]; });
    r.source = l;
    r.article = a;
    rows.push(r);
  });
};
find(ARG, "<Organization>", "org").forEach(function (org) {
  var orgName = nameOf(org);
  Object.keys(roleOf).forEach(function (relation) {
    byNode(edges(org, relation, true), function (n) { return isA(n, "<Reform>"); }).forEach(function (e) {
      perArticle({
        organisation: org, organisation_name: orgName, reform: e.id, reform_name: nameOf(e.id),
        kind: kindOf(e.id), relation: relation, how: roleOf[relation], detail: ""
      }, e.labels);
    });
  });
  Object.keys(direct).forEach(function (pred) {
    [false, true].forEach(function (inward) {
      var how = direct[pred][inward ? 1 : 0];
      byNode(edges(org, pred, inward)).forEach(function (e) {
        perArticle({
          organisation: org, organisation_name: orgName, reform: "", reform_name: "",
          kind: pred.slice(1, -1), relation: pred, how: how, detail: how + " " + nameOf(e.id)
        }, e.labels);
      });
    });
  });
});
emitSorted(rows, ["organisation_name", "reform_name", "kind", "article", "detail", "reform", "how", "organisation", "source"],
  function (r) {
    if (r.reform) { r.detail = detailOf(r.reform); }
    return withSource(r, r.source);
  });
`
