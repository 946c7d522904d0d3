// Package extract reads news articles and turns them into facts.
//
// The flow is Read (files, directories, stdin → Article), Clean (page
// furniture and repeated standfirsts removed) and an Extractor, which finds
// people, organisations, roles, quotations, topics, reforms and stances and
// returns them as schema.Facts carrying their provenance.
package extract
