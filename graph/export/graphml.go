package export

import (
	"context"
	"fmt"
	"io"

	"github.com/cayleygraph/quad"
)

func init() {
	Register("graphml", Format{
		Writer:    WriterFunc(writeGraphML),
		Ext:       ".graphml",
		MediaType: "application/graphml+xml",
		Summary:   "GraphML for yEd and Cytoscape: the same nodes, edges and attributes as GEXF",
	})
}

// writeGraphML writes the node-link view as GraphML. Data keys carry plain
// attr.name/attr.type declarations, which Cytoscape, networkx and igraph
// read as columns; yEd additionally gets its nodegraphics/edgegraphics
// (fill colour by type, node and edge labels, arrows), so the file opens
// labelled there too.
func writeGraphML(ctx context.Context, w io.Writer, src quad.Reader, opts Options) error {
	v, err := readView(ctx, src, opts)
	if err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	x := newXMLWriter(ctx, w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	x.raw(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
		` xmlns:y="http://www.yworks.com/xml/graphml"`,
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">`, "\n")

	// Key ids are prefixed by their domain so a node and an edge attribute
	// of the same name stay distinct keys.
	graphmlKey(x, "n_label", "node", "label", "string")
	graphmlKey(x, "n_type", "node", "type", "string")
	graphmlKey(x, "n_articles", "node", "articles", "int")
	graphmlKey(x, "n_sources", "node", "sources", "string")
	if v.dated {
		graphmlKey(x, "n_dates", "node", "dates", "string")
	}
	graphmlKey(x, "n_color", "node", "color", "string")
	graphmlKey(x, "n_size", "node", "size", "double")
	// Literal attributes get numbered key ids: their names are predicate
	// local names, which need not be XML name tokens.
	for i, a := range v.attrs {
		graphmlKey(x, "n_a"+itoa(i), "node", a, "string")
	}
	graphmlKey(x, "e_label", "edge", "label", "string")
	graphmlKey(x, "e_kind", "edge", "kind", "string")
	graphmlKey(x, "e_weight", "edge", "weight", "double")
	graphmlKey(x, "e_sources", "edge", "sources", "string")
	if v.dated {
		graphmlKey(x, "e_dates", "edge", "dates", "string")
	}
	if v.quoted {
		graphmlKey(x, "e_quote", "edge", "quote", "string")
	}
	x.raw(`  <key id="n_graphics" for="node" yfiles.type="nodegraphics"/>`, "\n")
	x.raw(`  <key id="e_graphics" for="edge" yfiles.type="edgegraphics"/>`, "\n")
	x.raw(`  <graph id="newsgraph" edgedefault="directed">`, "\n")

	for i := range v.nodes {
		if err := x.tick(); err != nil {
			return fmt.Errorf("graphml: %w", err)
		}
		n := v.node(i)
		color := hexColor(n.typ)
		x.raw("    <node")
		x.attr("id", n.id)
		x.raw(">\n")
		graphmlData(x, "n_label", n.label)
		graphmlData(x, "n_type", n.typ)
		graphmlData(x, "n_articles", itoa(len(n.articles)))
		graphmlData(x, "n_sources", join(n.articles))
		if len(n.dates) > 0 {
			graphmlData(x, "n_dates", join(n.dates))
		}
		graphmlData(x, "n_color", color)
		graphmlData(x, "n_size", ftoa(n.size()))
		for j, a := range v.attrs {
			if vals := n.attrs[a]; len(vals) > 0 {
				graphmlData(x, "n_a"+itoa(j), join(vals))
			}
		}
		side := ftoa(3 * n.size())
		x.raw(`      <data key="n_graphics"><y:ShapeNode><y:Geometry height="`, side, `" width="`, side, `"/>`)
		x.raw(`<y:Fill color="`, color, `" transparent="false"/><y:NodeLabel>`)
		x.text(n.label)
		x.raw(`</y:NodeLabel><y:Shape type="ellipse"/></y:ShapeNode></data>`, "\n")
		x.raw("    </node>\n")
	}
	for i := range v.edges {
		if err := x.tick(); err != nil {
			return fmt.Errorf("graphml: %w", err)
		}
		e := v.edge(i)
		x.raw("    <edge")
		x.attr("id", e.id)
		x.attr("source", e.source)
		x.attr("target", e.target)
		x.raw(">\n")
		graphmlData(x, "e_label", e.label)
		graphmlData(x, "e_kind", e.pred)
		graphmlData(x, "e_weight", itoa(len(e.articles)))
		graphmlData(x, "e_sources", join(e.articles))
		if len(e.dates) > 0 {
			graphmlData(x, "e_dates", join(e.dates))
		}
		if len(e.quotes) > 0 {
			graphmlData(x, "e_quote", joinQuotes(e.quotes))
		}
		x.raw(`      <data key="e_graphics"><y:PolyLineEdge><y:Arrows source="none" target="standard"/><y:EdgeLabel>`)
		x.text(e.label)
		x.raw(`</y:EdgeLabel></y:PolyLineEdge></data>`, "\n")
		x.raw("    </edge>\n")
	}
	x.raw("  </graph>\n</graphml>\n")
	if err := x.flush(); err != nil {
		return fmt.Errorf("graphml: write: %w", err)
	}
	return nil
}

func graphmlKey(x *xmlWriter, id, domain, name, typ string) {
	x.raw("  <key")
	x.attr("id", id)
	x.attr("for", domain)
	x.attr("attr.name", name)
	x.attr("attr.type", typ)
	x.raw("/>\n")
}

func graphmlData(x *xmlWriter, key, value string) {
	x.raw(`      <data key="`, key, `">`)
	x.text(value)
	x.raw("</data>\n")
}
