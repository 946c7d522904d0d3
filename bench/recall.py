#!/usr/bin/env python3
"""Recall (and, for people and organisations, precision) of newsgraph's
extraction on a synthetic corpus, against the truth `newsgraph gen --truth`
wrote.

    python3 bench/recall.py TRUTH.jsonl GRAPH.nq [--misses N]

GRAPH.nq is `newsgraph extract CORPUS` output. Facts are matched per
article (the quads whose label is the article's IRI or one of its
sentences'), by names, case-insensitively; predicates and types by local
name, as ../shared/eval/score.py reads them. A quotation matches when a
quotation said by the speaker shares the truth's words (one contains the
other, punctuation and case aside). A reform matches when a node or edge of
the article links a reform to its affected body; a stance when the holder
has a supports/opposes edge of the right polarity.
"""
import argparse
import collections
import json
import re
import sys

TERM = r'(<[^>]*>|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[\w-]+)?|_:\S+)'
LINE = re.compile(r'^\s*' + TERM + r'\s+' + TERM + r'\s+' + TERM + r'(?:\s+' + TERM + r')?\s*\.\s*$')
REFORM_EDGES = {'affects', 'replaced_by', 'transfers_to', 'merges_into', 'abolishes', 'gains'}


def local(t):
    t = t.strip('<>')
    return re.split(r'[/#:]', t)[-1].lower()


def literal(t):
    if not t.startswith('"'):
        return None
    s = t[1:t.rindex('"')]
    return json.loads('"' + s + '"') if '\\' in s else s


def norm(s):
    return re.sub(r'[^0-9a-z]+', ' ', s.lower()).strip()


def article_of(label):
    iri = label.strip('<>')
    iri = iri.split('#', 1)[0]
    return iri[len('article/'):] if iri.startswith('article/') else iri


def article_id(name):
    # The reader's ID: the path below the root, extension dropped.
    return re.sub(r'\.(txt|md)$', '', name)


def load_graph(path):
    names = collections.defaultdict(set)    # node → names and aliases
    types = collections.defaultdict(set)    # node → local type names
    text = {}                               # node → text
    by_article = collections.defaultdict(list)
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = LINE.match(line)
            if not m:
                continue
            s, p, o, label = m.groups()
            lp = local(p)
            if lp in ('name', 'alias', 'alternatename'):
                names[s].add(norm(literal(o) or ''))
            elif lp == 'type':
                types[s].add(local(o))
            elif lp == 'text':
                text[s] = norm(literal(o) or '')
            if label:
                by_article[article_of(label)].append((s, lp, o))
    return names, types, text, by_article


class Score:
    def __init__(self):
        self.found = collections.Counter()
        self.total = collections.Counter()
        self.spurious = collections.Counter()
        self.extracted = collections.Counter()
        self.misses = collections.defaultdict(list)

    def add(self, kind, ok, what):
        self.total[kind] += 1
        if ok:
            self.found[kind] += 1
        else:
            self.misses[kind].append(what)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('truth')
    ap.add_argument('graph')
    ap.add_argument('--misses', type=int, default=0, help='list up to N misses of each kind')
    args = ap.parse_args()

    names, types, text, by_article = load_graph(args.graph)
    truth = collections.defaultdict(list)
    with open(args.truth, encoding='utf-8') as f:
        for line in f:
            fact = json.loads(line)
            truth[article_id(fact['article'])].append(fact)

    sc = Score()
    for art, facts in truth.items():
        quads = by_article.get(art, [])
        nodes = {s for s, _, _ in quads} | {o for _, _, o in quads if o.startswith('<')}

        def named(n, kind):
            return {x for x in nodes if kind in types[x] and n in names[x]}

        people = {x for x in nodes if 'person' in types[x]}
        orgs = {x for x in nodes if types[x] & {'organization', 'organisation'}}
        want_people = {norm(f['name']) for f in facts if f['kind'] == 'person'}
        want_orgs = {norm(f['name']) for f in facts if f['kind'] == 'org'} | \
                    {norm(f['alias']) for f in facts if f['kind'] == 'org' and f.get('alias')}
        for n in sorted(want_people):
            sc.add('persons', named(n, 'person'), f'{art}: {n}')
        for f in facts:
            if f['kind'] == 'org':
                n = norm(f['name'])
                sc.add('orgs', any(n in names[x] for x in orgs), f'{art}: {n}')
        for x in people:
            sc.extracted['persons'] += 1
            if not names[x] & want_people:
                sc.spurious['persons'] += 1
        for x in orgs:
            sc.extracted['orgs'] += 1
            if not names[x] & want_orgs:
                sc.spurious['orgs'] += 1

        edges = collections.defaultdict(set)  # (s, o) → predicates
        out = collections.defaultdict(set)    # s → (p, o)
        for s, p, o in quads:
            edges[(s, o)].add(p)
            out[s].add((p, o))
        for f in facts:
            k = f['kind']
            if k == 'affiliation':
                ps = named(norm(f['person']), 'person')
                if f.get('org'):
                    os_ = {x for x in orgs if norm(f['org']) in names[x]}
                    ok = any(edges[(p, o)] - {'said', 'supports', 'opposes'} for p in ps for o in os_)
                    sc.add('affiliations', ok, f"{art}: {f['person']} → {f['org']}")
                role = norm(f['role'])
                ok = any(pp == 'role' and norm(literal(o) or '') == role for p in ps for pp, o in out[p])
                sc.add('roles', ok, f"{art}: {f['person']}: {f['role']}")
            elif k == 'quote':
                ps = named(norm(f['speaker']), 'person')
                want = norm(f['text'])
                ok = any(pp == 'said' and o in text and text[o] and (want in text[o] or text[o] in want)
                         for p in ps for pp, o in out[p])
                sc.add('partial quotes' if f.get('partial') else 'quotes', ok, f"{art}: {f['speaker']}: {f['text'][:60]}")
            elif k == 'reform':
                affected = {norm(n) for n in f['affects']}
                ok = any(p in REFORM_EDGES and (names[o] & affected or names[s] & affected)
                         for s, p, o in quads)
                sc.add('reforms', ok, f"{art}: {f['reform']} of {', '.join(f['affects'])}")
            elif k == 'stance':
                hs = {x for x in nodes if norm(f['holder']) in names[x]}
                ok = any(pp == f['stance'] for h in hs for pp, _ in out[h])
                sc.add('stances', ok, f"{art}: {f['holder']} {f['stance']} {f['reform']}")
            elif k == 'scare':
                want = norm(f['text'])
                if any(text.get(o) == want for s, p, o in quads if p == 'said'):
                    sc.spurious['scare quotes as quotations'] += 1

    report = {}
    for k in sc.total:
        report[k] = {'recall': round(sc.found[k] / sc.total[k], 3), 'found': sc.found[k], 'of': sc.total[k]}
        if sc.extracted[k]:
            report[k]['precision'] = round(1 - sc.spurious[k] / sc.extracted[k], 3)
    if sc.spurious['scare quotes as quotations']:
        report['scare quotes taken as quotations'] = sc.spurious['scare quotes as quotations']
    json.dump(report, sys.stdout, indent=1)
    print()
    if args.misses:
        for k, ms in sc.misses.items():
            print(f'\n{k}: {len(ms)} missed', file=sys.stderr)
            for m in ms[:args.misses]:
                print('  ' + m, file=sys.stderr)
    print('recall: ' + ', '.join(f'{k} {v["recall"]}' for k, v in report.items() if isinstance(v, dict)))


if __name__ == '__main__':
    main()
