package export

import (
	"context"
	"fmt"
	"io"

	"github.com/cayleygraph/quad"
)

func init() {
	Register("gexf", Format{
		Writer:    WriterFunc(writeGEXF),
		Ext:       ".gexf",
		MediaType: "application/gexf+xml",
		Summary:   "GEXF 1.3 for Gephi: labelled, typed, coloured nodes, weighted edges, timeline",
	})
}

const (
	gexfNS    = "http://gexf.net/1.3"
	gexfVizNS = "http://gexf.net/1.3/viz"
)

// writeGEXF writes the node-link view as GEXF 1.3. Node and edge attributes
// are declared once (type, articles, sources, then every literal found);
// with a timeline the graph is dynamic and every node and edge has one spell
// per date of the articles supporting it.
func writeGEXF(ctx context.Context, w io.Writer, src quad.Reader, opts Options) error {
	v, err := readView(ctx, src, opts)
	if err != nil {
		return fmt.Errorf("gexf: %w", err)
	}
	x := newXMLWriter(ctx, w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	// No xsi:schemaLocation: the official GEXF 1.3 RELAX NG grammar allows
	// no attributes on <gexf> besides version and variant.
	x.raw(`<gexf xmlns="`, gexfNS, `" xmlns:viz="`, gexfVizNS, `" version="1.3">`, "\n")
	x.raw("  <meta>\n    <creator>newsgraph</creator>\n",
		"    <description>People, organisations, reforms and quotations read from news articles; edge weight = supporting articles</description>\n",
		"  </meta>\n")
	x.raw(`  <graph defaultedgetype="directed"`)
	if v.dated {
		x.raw(` mode="dynamic" timeformat="date"`)
	} else {
		x.raw(` mode="static"`)
	}
	x.raw(">\n")

	x.raw(`    <attributes class="node" mode="static">`, "\n")
	gexfAttrDecl(x, "type", "string")
	gexfAttrDecl(x, "articles", "integer")
	gexfAttrDecl(x, "sources", "string")
	for _, a := range v.attrs {
		gexfAttrDecl(x, a, "string")
	}
	x.raw("    </attributes>\n")
	x.raw(`    <attributes class="edge" mode="static">`, "\n")
	gexfAttrDecl(x, "sources", "string")
	if v.quoted {
		gexfAttrDecl(x, "quote", "string")
	}
	x.raw("    </attributes>\n")

	x.raw(`    <nodes count="`, itoa(len(v.nodes)), `">`, "\n")
	for i := range v.nodes {
		if err := x.tick(); err != nil {
			return fmt.Errorf("gexf: %w", err)
		}
		n := v.node(i)
		x.raw("      <node")
		x.attr("id", n.id)
		x.attr("label", n.label)
		x.raw(">\n        <attvalues>\n")
		gexfAttValue(x, "type", n.typ)
		gexfAttValue(x, "articles", itoa(len(n.articles)))
		gexfAttValue(x, "sources", join(n.articles))
		for _, a := range v.attrs {
			if vals := n.attrs[a]; len(vals) > 0 {
				gexfAttValue(x, a, join(vals))
			}
		}
		x.raw("        </attvalues>\n")
		gexfSpells(x, n.dates)
		c := typeColor(n.typ)
		x.raw(`        <viz:color r="`, itoa(int(c[0])), `" g="`, itoa(int(c[1])), `" b="`, itoa(int(c[2])), `"/>`, "\n")
		x.raw(`        <viz:size value="`, ftoa(n.size()), `"/>`, "\n")
		x.raw("      </node>\n")
	}
	x.raw("    </nodes>\n")

	x.raw(`    <edges count="`, itoa(len(v.edges)), `">`, "\n")
	for i := range v.edges {
		if err := x.tick(); err != nil {
			return fmt.Errorf("gexf: %w", err)
		}
		e := v.edge(i)
		x.raw("      <edge")
		x.attr("id", e.id)
		x.attr("source", e.source)
		x.attr("target", e.target)
		x.attr("label", e.label)
		x.attr("kind", e.pred)
		x.attr("weight", itoa(len(e.articles)))
		x.raw(">\n        <attvalues>\n")
		gexfAttValue(x, "sources", join(e.articles))
		if len(e.quotes) > 0 {
			gexfAttValue(x, "quote", joinQuotes(e.quotes))
		}
		x.raw("        </attvalues>\n")
		gexfSpells(x, e.dates)
		x.raw("      </edge>\n")
	}
	x.raw("    </edges>\n  </graph>\n</gexf>\n")
	if err := x.flush(); err != nil {
		return fmt.Errorf("gexf: write: %w", err)
	}
	return nil
}

func gexfAttrDecl(x *xmlWriter, id, typ string) {
	x.raw("      <attribute")
	x.attr("id", id)
	x.attr("title", id)
	x.attr("type", typ)
	x.raw("/>\n")
}

func gexfAttValue(x *xmlWriter, id, value string) {
	x.raw("          <attvalue")
	x.attr("for", id)
	x.attr("value", value)
	x.raw("/>\n")
}

// gexfSpells writes one point spell (start = end) per date: the element
// exists on the days articles supported it, which is what Gephi's timeline
// plays.
func gexfSpells(x *xmlWriter, dates []string) {
	if len(dates) == 0 {
		return
	}
	x.raw("        <spells>\n")
	for _, d := range dates {
		x.raw(`          <spell start="`, d, `" end="`, d, `"/>`, "\n")
	}
	x.raw("        </spells>\n")
}
