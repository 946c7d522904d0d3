// Package extract turns news articles into facts.
//
// Articles come from package source (files, pages, feeds, archives →
// Article). Clean drops the page furniture a copied web page carries
// (related links, sign-up boxes, repeated standfirsts), and an Extractor
// finds people, organisations, roles, quotations, topics, reforms and
// stances and returns them as schema.Facts carrying their provenance.
package extract
