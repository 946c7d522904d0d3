// Baseline extractor for newsgraph's benchmark: people, organisations and
// quotations from every article file under the given directories, with an
// npm NLP library, one JSON line per article on stdout and a summary on
// stderr. Run: node extract.mjs --lib compromise|wink DIR...
//
// compromise: doc.people(), doc.organizations(), doc.quotations().
// wink: wink-nlp with its English lite model (tokens, sentences, POS); its
// model has no person/organisation recogniser, so proper-noun runs are
// learnt as custom entities, and quotations are found in wink's tokens
// (opening to closing quotation mark).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
let lib = 'compromise';
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--lib') lib = args[++i];
  else dirs.push(args[i]);
}
if (dirs.length === 0) {
  console.error('usage: node extract.mjs [--lib compromise|wink] DIR...');
  process.exit(2);
}

function* files(dir) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (/\.(txt|md)$/.test(e.name)) yield p;
  }
}

// Front matter is metadata, not text: drop it as newsgraph's reader does.
function body(text) {
  if (text.startsWith('---\n')) {
    const end = text.indexOf('\n---', 4);
    if (end >= 0) return text.slice(end + 4);
  }
  return text;
}

async function compromiseExtractor() {
  const nlp = (await import('compromise')).default;
  return (text) => {
    const doc = nlp(text);
    return {
      people: doc.people().out('array'),
      orgs: doc.organizations().out('array'),
      quotes: doc.quotations().out('array'),
    };
  };
}

async function winkExtractor() {
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const nlp = winkNLP(model, ['sbd', 'pos', 'cer']);
  const its = nlp.its;
  nlp.learnCustomEntities([
    { name: 'NAME', patterns: ['[PROPN] [PROPN] [PROPN] [PROPN]', '[PROPN] [PROPN] [PROPN]', '[PROPN] [PROPN]'] },
    { name: 'NAME', patterns: ['[PROPN] [ADP] [PROPN] [PROPN]', '[PROPN] [ADP] [PROPN]'] },
  ]);
  const open = new Set(['"', '\u201c', '\u2018', "'"]);
  const close = new Set(['"', '\u201d', '\u2019', "'"]);
  return (text) => {
    const doc = nlp.readDoc(text);
    const names = doc.customEntities().out(its.value);
    const tokens = doc.tokens().out(its.value);
    const quotes = [];
    let start = -1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (start < 0 && open.has(t)) start = i;
      else if (start >= 0 && close.has(t)) {
        if (i - start > 1) quotes.push(tokens.slice(start + 1, i).join(' '));
        start = -1;
      }
    }
    // wink does not tell people from organisations: its names are both.
    return { names, quotes };
  };
}

const extract = lib === 'wink' ? await winkExtractor() : await compromiseExtractor();
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
let n = 0, bytes = 0, people = 0, orgs = 0, names = 0, quotes = 0;
const out = [];
for (const dir of dirs) {
  for (const f of files(dir)) {
    const raw = readFileSync(f);
    bytes += raw.length;
    const r = extract(body(raw.toString('utf8')));
    n++;
    people += r.people?.length ?? 0;
    orgs += r.orgs?.length ?? 0;
    names += r.names?.length ?? 0;
    quotes += r.quotes.length;
    out.push(JSON.stringify({ file: f, ...r }));
    if (out.length >= 1000) {
      process.stdout.write(out.join('\n') + '\n');
      out.length = 0;
    }
  }
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
console.error(JSON.stringify({
  lib, articles: n, bytes, people, orgs, names, quotes,
  seconds: +secs.toFixed(3), cpu_seconds: +((cpu.user + cpu.system) / 1e6).toFixed(3),
}));
