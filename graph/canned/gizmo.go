package canned

// Prelude is the Gizmo (JavaScript) every canned question begins with: the
// look-ups they share. It defines no query of its own.
const Prelude = `// newsgraph canned-question helpers: find a node from a name without
// scanning the graph, and find where an edge was read (its quad's label).
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
// find: the nodes of a type that text names. Cheapest first: the IRI minted
// from the name, then an exact name or alias, then a case-insensitive match
// among the names of that type's nodes only.
function find(text, type, prefix) {
  var hit = g.V("<" + prefix + "/" + slug(text) + ">").Has("<type>", type).ToArray();
  if (hit.length) { return uniq(hit); }
  hit = g.V(text, text.toLowerCase(), titleCase(text)).In(["<name>", "<alias>"])
    .Has("<type>", type).ToArray();
  if (hit.length) { return uniq(hit); }
  return uniq(g.V(type).In("<type>").Tag("node").Out(["<name>", "<alias>"])
    .Filter(regex("(?i)(^|\\W)" + escapeRe(text))).Back("node").ToArray());
}
// Each node's name and labels are fetched once per run: a hub (a person in
// every article) would otherwise be read again for every row. A node's
// label count stands for its degree.
var names = {}, labelCounts = {};
function nameOf(node) {
  if (!(node in names)) {
    var n = g.V(node).Out("<name>").ToValue();
    names[node] = n === null ? node : n;
  }
  return names[node];
}
function labelCount(node) {
  if (!(node in labelCounts)) {
    labelCounts[node] = g.V(node).Labels().Count();
  }
  return labelCounts[node];
}
function articleOf(label) {
  var i = label.indexOf("#");
  return i < 0 ? label : label.slice(0, i) + ">";
}
// sourcesOf: the labels of the quads s -pred-> o, sentence labels first.
// One query, from the end with fewer labels (walking a hub's edges costs
// its whole degree), tagging the label of each edge it follows.
function sourcesOf(s, pred, o) {
  var fromObject = labelCount(o) < labelCount(s);
  var rows = fromObject ?
    g.V(o).LabelContext(g.V(o).Labels(), "source").In(pred).TagArray() :
    g.V(s).LabelContext(g.V(s).Labels(), "source").Out(pred).TagArray();
  var other = fromObject ? s : o;
  var out = uniq(rows.filter(function (r) { return r.id === other; })
    .map(function (r) { return r.source; }));
  return out.sort(function (x, y) {
    var sx = x.indexOf("#") >= 0, sy = y.indexOf("#") >= 0;
    if (sx !== sy) { return sx ? -1 : 1; }
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
// withSource: row plus where it was read, the label's article and headline.
var headlines = {};
function withSource(row, label) {
  row.source = label || "";
  row.article = label ? articleOf(label) : "";
  if (label && !(row.article in headlines)) {
    headlines[row.article] = g.V(row.article).Out("<headline>").ToValue() || "";
  }
  row.headline = label ? headlines[row.article] : "";
  return row;
}
// emitSorted: emit rows in a stable order, so answers compare across runs.
function emitSorted(rows, keys) {
  var keyed = rows.map(function (r) {
    return { k: keys.map(function (k) { return r[k] || ""; }).join("\u0000"), r: r };
  });
  keyed.sort(function (x, y) { return x.k < y.k ? -1 : x.k > y.k ? 1 : 0; });
  keyed.forEach(function (x) { g.Emit(x.r); });
}
`

// whoSaid answers "who said what about TOPIC": one row per quotation about
// the topic and speaker, from the topic node through <about> and <said>.
const whoSaid = `// who-said: the quotations about a topic, their speakers and sources.
var rows = [];
find(ARG, "<Topic>", "topic").forEach(function (topic) {
  uniq(g.V(topic).In("<about>").ToArray()).forEach(function (quote) {
    var text = g.V(quote).Out("<text>").ToValue() || "";
    uniq(g.V(quote).In("<said>").ToArray()).forEach(function (speaker) {
      var src = sourcesOf(speaker, "<said>", quote);
      rows.push(withSource({
        topic: topic, topic_name: nameOf(topic),
        speaker: speaker, speaker_name: nameOf(speaker),
        quote: quote, text: text
      }, src[0]));
    });
  });
});
emitSorted(rows, ["topic_name", "speaker_name", "article", "source", "text"]);
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
  var byLabel = {};
  var at = function (l) { return byLabel[l] || (byLabel[l] = { titles: [], orgs: [] }); };
  uniq(g.V(person).Out("<role>").ToArray()).forEach(function (title) {
    sourcesOf(person, "<role>", title).forEach(function (l) { at(l).titles.push(title); });
  });
  uniq(g.V(person).OutPredicates().ToArray()).forEach(function (pred) {
    if (notAffiliations.indexOf(pred) >= 0) { return; }
    uniq(g.V(person).Out(pred).Has("<type>", "<Organization>").ToArray()).forEach(function (org) {
      sourcesOf(person, pred, org).forEach(function (l) { at(l).orgs.push({ id: org, relation: pred }); });
    });
  });
  Object.keys(byLabel).forEach(function (label) {
    var titles = byLabel[label].titles, orgs = byLabel[label].orgs;
    var row = function (title, org) {
      return withSource({
        person: person, person_name: name, role: title || "",
        organisation: org ? org.id : "", organisation_name: org ? nameOf(org.id) : "",
        relation: org ? org.relation : ""
      }, label);
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
emitSorted(rows, ["person_name", "article", "source", "role", "organisation_name"]);
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
var rows = [];
var perArticle = function (row, labels) {
  var seen = {};
  labels.forEach(function (l) {
    var a = articleOf(l);
    if (!seen[a]) { seen[a] = true; rows.push(withSource(JSON.parse(JSON.stringify(row)), l)); }
  });
};
find(ARG, "<Organization>", "org").forEach(function (org) {
  var orgName = nameOf(org);
  // One relation at a time: tagging the predicate (In(preds, "tag")) makes
  // bolt scan the predicate's whole index.
  Object.keys(roleOf).forEach(function (relation) {
    uniq(g.V(org).In(relation).Has("<type>", "<Reform>").ToArray()).forEach(function (reform) {
      var detail = [];
      var gains = uniq(g.V(reform).Out("<gains>").ToArray());
      var agents = uniq(g.V(reform).Out("<agent>").ToArray());
      var pro = uniq(g.V(reform).In("<supports>").ToArray());
      var con = uniq(g.V(reform).In("<opposes>").ToArray());
      if (gains.length) { detail.push("gains: " + namesOf(gains)); }
      if (agents.length) { detail.push("by: " + namesOf(agents)); }
      if (pro.length) { detail.push("supported by: " + namesOf(pro)); }
      if (con.length) { detail.push("opposed by: " + namesOf(con)); }
      perArticle({
        organisation: org, organisation_name: orgName, reform: reform, reform_name: nameOf(reform),
        kind: uniq(g.V(reform).Out("<kind>").ToArray()).join(", "),
        relation: relation, how: roleOf[relation], detail: detail.join("; ")
      }, sourcesOf(reform, relation, org));
    });
  });
  Object.keys(direct).forEach(function (pred) {
    uniq(g.V(org).Out(pred).ToArray()).forEach(function (other) {
      perArticle({
        organisation: org, organisation_name: orgName, reform: "", reform_name: "",
        kind: pred.slice(1, -1), relation: pred, how: direct[pred][0], detail: direct[pred][0] + " " + nameOf(other)
      }, sourcesOf(org, pred, other));
    });
    uniq(g.V(org).In(pred).ToArray()).forEach(function (other) {
      perArticle({
        organisation: org, organisation_name: orgName, reform: "", reform_name: "",
        kind: pred.slice(1, -1), relation: pred, how: direct[pred][1], detail: direct[pred][1] + " " + nameOf(other)
      }, sourcesOf(other, pred, org));
    });
  });
});
emitSorted(rows, ["organisation_name", "reform_name", "kind", "article", "detail"]);
`
