// End-to-end tests of the explorer in Debian's chromium, driven by
// playwright-core. TestExplorerE2E (graph/server/explorer_e2e_test.go)
// starts a server and runs this script with:
//
//   EXPLORER_URL      the server's base URL (http://127.0.0.1:PORT)
//   EXPLORER_SHOTS    a folder for the screenshots of each page
//   EXPLORER_PROFILE  a fresh user-data-dir for chromium
//
// Each flow is a named step; the script runs them all, prints "ok" or
// "FAIL" per step and exits 1 if any failed.
import { chromium } from "playwright-core";
import path from "node:path";
import os from "node:os";
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// A syntax error in a module leaves the page "loading" with no page error:
// check every module's syntax first and stop early.
const jsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "ui", "js");
for (const f of fs.readdirSync(jsDir).filter((f) => f.endsWith(".js"))) {
  const r = spawnSync(process.execPath, ["--input-type=module", "--check"], { input: fs.readFileSync(path.join(jsDir, f)) });
  if (r.status !== 0) {
    console.log("FAIL syntax of ui/js/" + f + ":\n" + r.stderr.toString().split("\n").slice(0, 4).join("\n"));
    process.exit(1);
  }
}

const base = process.env.EXPLORER_URL;
if (!base) {
  console.error("EXPLORER_URL is not set (run through go test -run TestExplorerE2E ./graph/server)");
  process.exit(2);
}
const shots = process.env.EXPLORER_SHOTS || fs.mkdtempSync(path.join(os.tmpdir(), "explorer-shots-"));
const profile = process.env.EXPLORER_PROFILE || fs.mkdtempSync(path.join(os.tmpdir(), "explorer-profile-"));
fs.mkdirSync(shots, { recursive: true });

const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  viewport: { width: 1400, height: 1000 },
});
const page = context.pages()[0] || await context.newPage();
const problems = []; // page errors, dialogs, CSP reports: any is a failure
page.on("pageerror", (e) => problems.push("page error: " + e.message));
page.on("dialog", async (d) => { problems.push("dialog opened: " + d.message()); await d.dismiss(); });
page.on("console", (m) => {
  // A 404 or 409 from the questions' API is an answer the page shows (a
  // name that matches nothing or several), not a failure; so is the
  // missing favicon.
  if (m.type() === "error" && !/status of 40[49]/.test(m.text())) problems.push("console error: " + m.text());
});

let failed = 0;
async function step(name, fn) {
  const start = Date.now();
  problems.length = 0;
  try {
    await fn();
    if (problems.length) throw new Error(problems.join("; "));
    console.log("ok   " + name + " (" + (Date.now() - start) + " ms)");
  } catch (e) {
    failed++;
    console.log("FAIL " + name + ": " + (e && e.stack ? e.stack : e));
    await page.screenshot({ path: path.join(shots, "failed-" + name.replace(/\W+/g, "-") + ".png"), fullPage: true }).catch(() => {});
  }
}

function check(cond, msg) {
  if (!cond) throw new Error(msg);
}

// ready waits until the page has rendered (body[data-state=ready]) the
// page kind asked for.
async function ready(kind) {
  await page.waitForFunction((k) => document.body.dataset.state === "ready" && (!k || document.body.dataset.page === k),
    kind, { timeout: 15000 });
}

async function open(hash, kind) {
  await page.goto(base + "/" + hash);
  await ready(kind);
}

async function shot(name, full = true) {
  if (full) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, name + ".png"), fullPage: full });
}

async function text(selector) {
  return (await page.locator(selector).first().innerText()).trim();
}

// safe asserts that nothing from the graph ran or became markup: no
// window.__pwned, no element the data names (img, svg, b, i), no script
// but the explorer's own, no javascript: link.
async function safe(where) {
  const state = await page.evaluate(() => ({
    pwned: window.__pwned,
    imgs: document.querySelectorAll("#view img, #suggestions img").length,
    svgOnload: document.querySelectorAll("[onload], [onerror], [onclick]").length,
    bold: document.querySelectorAll("#view b, #view i, #view script, #view a[href^='javascript' i]").length,
    scripts: [...document.scripts].map((s) => s.getAttribute("src")),
    jsLinks: [...document.querySelectorAll("a[href]")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href"))).length,
  }));
  check(state.pwned === undefined, where + ": window.__pwned = " + state.pwned);
  check(state.imgs === 0, where + ": " + state.imgs + " <img> in the page");
  check(state.svgOnload === 0, where + ": event handler attributes in the page");
  check(state.bold === 0, where + ": markup from the graph became elements");
  check(state.jsLinks === 0, where + ": a javascript: link");
  check(JSON.stringify(state.scripts) === JSON.stringify(["vendor/cytoscape.min.js", "js/main.js"]),
    where + ": scripts " + JSON.stringify(state.scripts));
}

// visible asserts that the page shows s, character for character.
async function visible(s, where) {
  const body = await page.evaluate(() => document.body.innerText);
  check(body.includes(s), where + ": the page does not show " + JSON.stringify(s));
}

await step("landing: most mentioned people, bodies and reforms", async () => {
  await open("", "landing");
  for (const kind of ["person", "organisation", "reform"]) {
    const n = await page.locator(`.top[data-kind=${kind}] li a`).count();
    check(n > 0, "no most mentioned " + kind);
  }
  check((await text(".top[data-kind=person]")).includes("Andrew Lansley"), "Andrew Lansley is not among the people");
  await shot("landing");
});

await step("search with suggestions → person page → a quotation → its sentence → back", async () => {
  await open("", "landing");
  await page.locator("#search").click();
  await page.keyboard.type("burs", { delay: 40 });
  const suggestion = page.locator("#suggestions li a", { hasText: "Paul Burstow" });
  await suggestion.waitFor({ timeout: 5000 });
  await shot("search-suggestions", false);
  await suggestion.click();
  await ready("person");
  check(page.url().includes("#/person/paul-burstow"), "person URL: " + page.url());
  check((await text("h1")).includes("Paul Burstow"), "person heading: " + await text("h1"));
  check((await text("#roles")).includes("care services minister"), "no role on the person page");
  check((await page.locator("#said .statement").count()) >= 3, "fewer than 3 statements");
  await page.locator(".graph-view[data-state=drawn]").waitFor({ timeout: 10000 });
  await shot("person");

  const first = page.locator("#said .statement[data-kind=quotation]").first();
  const words = (await first.locator("q.words").innerText()).replace(/^[“"]|[”"]$/g, "");
  await first.locator("a.source").click();
  await ready("article");
  check(/#\/article\/[^?]+\?s=\d+/.test(page.url()), "article URL without a sentence: " + page.url());
  const target = page.locator(".sentence.target");
  check((await target.count()) === 1, "no highlighted sentence");
  check((await target.innerText()).includes(words), "the highlighted sentence lacks the quotation " + words);
  check((await target.locator("mark.quote").count()) >= 1, "the quotation is not marked in its sentence");
  const box = await target.boundingBox();
  check(box && box.y >= 0 && box.y + box.height <= 1000, "the sentence is not scrolled into view: " + JSON.stringify(box));
  check((await page.locator(".sentence.has-facts").count()) >= 5, "few sentences with facts highlighted");
  await shot("article", false);

  await page.goBack();
  await ready("person");
  check((await text("h1")).includes("Paul Burstow"), "back did not return to the person page");
});

await step("suggestions by keyboard, Enter for every match", async () => {
  await open("#/", "landing");
  await page.locator("#search").fill("");
  await page.keyboard.type("lans", { delay: 40 });
  await page.locator("#suggestions li a", { hasText: "Andrew Lansley" }).waitFor({ timeout: 5000 });
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await ready("person");
  check((await text("h1")).includes("Andrew Lansley"), "ArrowDown and Enter did not open Andrew Lansley");
  await page.locator("#search").fill("primary care");
  await page.keyboard.press("Enter");
  await ready("search");
  const hits = await page.locator(".hits li").allInnerTexts();
  check(hits.length >= 3 && hits.some((t) => t.includes("primary care trust")), "search results: " + JSON.stringify(hits));
  await shot("search");
});

await step("a shared link opens the same page", async () => {
  await open("#/article/000_bd6ab526a9c92c91?s=3", "article");
  check((await page.locator("#s3.target").count()) === 1, "sentence 3 not highlighted from the URL");
});

await step("reform page: supporters and opponents with their words", async () => {
  await open("#/person/paul-burstow", "person");
  await page.locator("#stances a.ref", { hasText: "abolition of primary care trust" }).click();
  await ready("reform");
  check((await text("#supporters")).includes("Paul Burstow"), "Paul Burstow is not a supporter of the abolition");
  check((await text("#opponents")).includes("Dr Mallory"), "Dr Mallory is not an opponent of the abolition");

  await open("#/reform/transfer-of-primary-care-trust", "reform");
  const sup = await text("#supporters");
  const opp = await text("#opponents");
  check(sup.includes("Richard Jones") && sup.includes("significant opportunities"), "supporters: " + sup);
  check(opp.includes("David Parsons") && opp.includes("democratic accountability"), "opponents: " + opp);
  check((await text("#changes")).includes("functions move to"), "no change listed");
  check((await page.locator("#timeline rect.bar").count()) >= 3, "no timeline bars");
  await page.locator(".graph-view[data-state=drawn]").waitFor({ timeout: 10000 });
  await shot("reform");
});

await step("date and outlet filter", async () => {
  await open("#/org/primary-care-trust", "body");
  const before = await page.locator("#articles li.article").count();
  await page.locator("#filter-from").fill("2010-09");
  await page.locator("#filter-to").fill("2010-12");
  await page.locator("#filter-apply").click();
  await page.waitForFunction(() => location.hash.includes("from=2010-09") && document.body.dataset.state === "ready");
  const dates = await page.locator("#articles li.article .meta").allInnerTexts();
  check(dates.length > 0 && dates.length < before, `filtered ${dates.length} of ${before} articles`);
  for (const d of dates) check(/2010-(09|1[0-2])/.test(d), "an article outside the range: " + d);
  const quoteDates = await page.locator("#said .statement a.source .meta").allInnerTexts();
  for (const d of quoteDates) check(/2010-(09|1[0-2])/.test(d), "a statement outside the range: " + d);
  await shot("body-filtered");

  await page.locator("#filter-outlet").selectOption("Guardian");
  await page.locator("#filter-apply").click();
  await page.waitForFunction(() => location.hash.includes("outlet=Guardian") && document.body.dataset.state === "ready");
  for (const d of await page.locator("#articles li.article .meta").allInnerTexts()) {
    check(d.includes("Guardian"), "an article from another outlet: " + d);
  }
  await page.goBack();
  await ready("body");
  await page.goBack();
  await ready("body");
  check((await page.locator("#articles li.article").count()) === before, "back did not clear the filter");

  await open("#/articles?from=2011&to=2011", "articles");
  const all = await page.locator("#article-list li.article .meta").allInnerTexts();
  check(all.length === 3 && all.every((d) => d.includes("2011-")), "articles in 2011: " + JSON.stringify(all));
});

await step("graph view: no articles or sentences unless asked, capped by type", async () => {
  await open("#/person/paul-burstow", "person");
  const canvas = page.locator(".graph-canvas");
  await page.locator(".graph-view[data-state=drawn]").waitFor({ timeout: 10000 });
  const types = await canvas.getAttribute("data-types");
  check(!/Article|Sentence/.test(types), "hidden types drawn: " + types);
  const n = Number(await canvas.getAttribute("data-nodes"));
  check(n > 3 && n <= 1 + 6 * types.split(",").length, "nodes: " + n);
  const more = page.locator(".graph-more button", { hasText: "more" }).first();
  check((await more.count()) === 1, "no 'show N more' button");
  await more.click();
  check(Number(await canvas.getAttribute("data-nodes")) > n, "show more added nothing");
  // A click on a reform offers its page and to expand it; expanding adds
  // its neighbours (its other supporters) without losing the first ones.
  const before = Number(await canvas.getAttribute("data-nodes"));
  await page.evaluate(() => { document.querySelector(".graph-canvas").cy.$id("<reform/abolition-of-primary-care-trust>").emit("tap"); });
  check((await text(".graph-info")).includes("abolition of primary care trust"), "a tapped node is not described");
  check((await page.locator(".graph-info a", { hasText: "open its page" }).getAttribute("href")) === "#/reform/abolition-of-primary-care-trust",
    "no link to the tapped node's page");
  await page.locator(".graph-info button", { hasText: "expand" }).click();
  await page.waitForFunction((n) => Number(document.querySelector(".graph-canvas").dataset.nodes) > n, before);
  check(/Organization/.test(await canvas.getAttribute("data-types")), "expanding the reform drew no body");
  await page.locator(".graph-controls input[type=checkbox]").check();
  check(/Article/.test(await canvas.getAttribute("data-types")), "articles not shown when asked");
  await page.locator(".graph-view").screenshot({ path: path.join(shots, "graph.png") });
});

await step("show the query and the Gizmo console", async () => {
  await open("#/reform/transfer-of-primary-care-trust", "reform");
  await page.locator(".show-query summary").click();
  const q = await text(".show-query");
  check(q.includes("/api/questions/reform?name=<reform/transfer-of-primary-care-trust>"), "no API URL: " + q);
  await page.locator(".show-query a", { hasText: "Gizmo console" }).click();
  await page.waitForFunction(() => document.body.dataset.state === "done" || document.body.dataset.state === "error");
  check(await page.evaluate(() => document.body.dataset.state) === "done", "the console did not run the query");
  check(Number(await page.locator("#results").getAttribute("data-rows")) > 0, "the console's query found nothing");
  await shot("console", false);
  // The old explorer's links open the console.
  await page.goto(base + "/?canned=who-said&arg=integration");
  await page.waitForFunction(() => document.body.dataset.state === "done");
  check(new URL(page.url()).pathname === "/console.html", "an old ?canned= link went to " + page.url());
});

await step("a name that matches nothing suggests, a bad page says so", async () => {
  await page.goto(base + "/#/person/paul-burstoe");
  await page.waitForFunction(() => document.body.dataset.state === "error");
  check((await text("#view")).includes("Paul Burstow"), "no suggestion for a near name");
  await page.locator("#view a.ref", { hasText: "Paul Burstow" }).click();
  await ready("person");
  await page.goto(base + "/#/nowhere/at-all");
  await page.waitForFunction(() => document.body.dataset.state === "error");
  check((await text("#view")).includes("No such page"), "a bad route does not say so");
});

// The hostile article: every page it reaches shows its text as text.
const hostile = [
  ["landing", "", "landing", `<script>window.__pwned="headline"</script> Council &amp; <img src=x onerror="window.__pwned='img-headline'"> shake-up`],
  ["hostile-article", "#/article/hostile", "article", `<img src=x onerror=window.__pwned='quote'> a &amp; safe <script>window.__pwned='q2'</script> reform`],
  ["hostile-article-meta", "#/article/hostile", "article", `Evil &lt;Gazette&gt; <b>Daily</b> · by <img src=x onerror="window.__pwned='author'">`],
  ["hostile-url", "#/article/hostile", "article", `javascript:window.__pwned='url'`],
  ["hostile-person", "#/person/jane-obrien", "person", `Jane <img src=x onerror="window.__pwned='name'"> &amp; O'Brien`],
  ["hostile-person-alias", "#/person/jane-obrien", "person", `<script>window.__pwned="alias"</script>`],
  ["hostile-person-role", "#/person/jane-obrien", "person", `chief <b>executive</b> &lt;acting&gt;`],
  ["hostile-quote", "#/person/jane-obrien", "person", `<img src=x onerror=window.__pwned='said'> &lt;b&gt; <a href="javascript:window.__pwned='a'">click</a>`],
  ["hostile-speaker", "#/person/dr-mallory", "person", `a <svg onload=window.__pwned='svg'> mistake`],
  ["hostile-reform", "#/reform/abolition-of-primary-care-trust", "reform", `a <svg onload=window.__pwned='svg'> mistake`],
  ["hostile-topic", "#/topic/reorganisation", "topic", `Jane <img src=x onerror="window.__pwned='name'"> &amp; O'Brien`],
  ["hostile-articles", "#/articles?from=2011-03", "articles", `Evil &lt;Gazette&gt; <b>Daily</b>`],
  ["hostile-search", "#/search/" + encodeURIComponent("jane"), "search", `Jane <img src=x onerror="window.__pwned='name'"> &amp; O'Brien`],
];
for (const [name, hash, kind, literal] of hostile) {
  await step("hostile text shown as text: " + name, async () => {
    await open(hash, kind);
    await page.waitForTimeout(300);
    await safe(name);
    await visible(literal, name);
    if (!fs.existsSync(path.join(shots, "hostile-" + kind + ".png"))) await shot("hostile-" + kind);
  });
}

await step("hostile text in the suggestions and the graph", async () => {
  await open("", "landing");
  await page.locator("#search").fill("");
  await page.keyboard.type("jane", { delay: 30 });
  await page.locator("#suggestions li a", { hasText: "onerror" }).waitFor({ timeout: 5000 });
  await safe("suggestions");
  await visible(`Jane <img src=x onerror="window.__pwned='name'"> &amp; O'Brien`, "suggestions");
  await shot("hostile-suggestions", false);
  await page.locator("#suggestions li a", { hasText: "onerror" }).click();
  await ready("person");
  await page.locator(".graph-view[data-state=drawn]").waitFor({ timeout: 10000 });
  await page.locator(".graph-controls input[type=checkbox]").check();
  await page.waitForTimeout(300);
  await safe("graph");
  const href = await page.locator("a.external, .unsafe-url").count();
  check(href === 0, "the person page links outside");
  await open("#/article/hostile", "article");
  check((await page.locator(".unsafe-url").innerText()).includes("javascript:"), "the javascript: URL is not shown as text");
  check((await page.locator("a.external").count()) === 0, "a javascript: URL became a link");
  await open("#/article/000_bd6ab526a9c92c91", "article");
  check((await page.locator("a.external").getAttribute("href")) === "https://example.org/000_bd6ab526a9c92c91",
    "an http(s) article URL is not linked");
});

await step("hostile text in the Gizmo console", async () => {
  const q = 'g.V("<article/hostile>").Tag("article").Out("<headline>").Tag("headline").All()';
  await page.goto(base + "/console.html?q=" + encodeURIComponent(q) + "&expand=" + encodeURIComponent("<person/jane-obrien>"));
  await page.waitForFunction(() => document.body.dataset.state === "done" || document.body.dataset.state === "error");
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => ({
    pwned: window.__pwned,
    markup: document.querySelectorAll("main img, main script, main b, [onerror], [onload]").length,
  }));
  check(state.pwned === undefined, "console: window.__pwned = " + state.pwned);
  check(state.markup === 0, "console: markup from the graph became elements");
  await visible(`<script>window.__pwned="headline"</script> Council &amp; <img src=x onerror="window.__pwned='img-headline'"> shake-up`, "console");
  await shot("hostile-console", false);
});

await context.close();
console.log(failed ? failed + " step(s) failed" : "all steps passed", "· screenshots in", shots);
process.exit(failed ? 1 : 0);
