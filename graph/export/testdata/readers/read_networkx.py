#!/usr/bin/env python3
"""Read a GEXF or GraphML file with networkx and print what it saw as JSON.

Usage: read_networkx.py KIND:FILE...   (KIND is gexf or graphml)

It prints a JSON list with one summary per file, in order: importing
networkx takes a while, so one run reads them all.

The export tests compare this summary with newsgraph's own counts. Debian 12
ships networkx 2.8.8, which knows GEXF only up to 1.2draft; GEXF 1.3 differs
from it, for everything networkx reads, only in its namespaces, so the 1.3
entry that later networkx releases carry is added when it is missing.
"""
import json
import sys

import networkx as nx
from networkx.readwrite import gexf as nxgexf


def ensure_gexf_13():
    versions = nxgexf.GEXF.versions
    if "1.3" in versions:
        return
    entry = dict(versions["1.2draft"])
    entry.update(
        NS_GEXF="http://gexf.net/1.3",
        NS_VIZ="http://gexf.net/1.3/viz",
        SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        VERSION="1.3",
    )
    versions["1.3"] = entry


def summary(arg):
    kind, _, path = arg.partition(":")
    if kind == "gexf":
        ensure_gexf_13()
        g = nx.read_gexf(path, version="1.3")
    elif kind == "graphml":
        g = nx.read_graphml(path)
    else:
        sys.exit("unknown kind " + kind)

    def spells(d):
        return sorted([s, e] for s, e in d.get("spells", []))

    return {
        "networkx": nx.__version__,
        "directed": g.is_directed(),
        "mode": g.graph.get("mode"),
        "nodes": {
            n: {"label": d.get("label"), "type": d.get("type"), "spells": spells(d)}
            for n, d in g.nodes(data=True)
        },
        "edges": [
            {
                "source": u,
                "target": v,
                "label": d.get("label"),
                "kind": d.get("kind"),
                "weight": d.get("weight"),
                "spells": spells(d),
            }
            for u, v, d in g.edges(data=True)
        ],
    }


def main():
    json.dump([summary(arg) for arg in sys.argv[1:]], sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main()
