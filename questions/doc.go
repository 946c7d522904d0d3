// Package questions answers the questions people ask of a news graph
// without writing Gizmo: one implementation that the CLI (newsgraph
// search, said, profile, reform, who-said, roles, articles), the HTTP API
// (/api/questions/…, graph/server) and Go callers share, so all three give
// the same rows.
//
//	s := questions.New(g)                          // g is a *graph.Graph
//	hits, err := s.Search(ctx, "burstow")          // people, bodies, reforms, topics
//	said, err := s.Said(ctx, "Paul Burstow")       // quotations and reported speech
//	p, err := s.Profile(ctx, "Andrew Cozens")      // roles, topics, stances, reforms, timeline
//	r, err := s.Reform(ctx, "abolition of PCTs")   // what changes, who supports and opposes
//	w, err := s.WhoSaid(ctx, "NHS")                // a topic, an entity or a phrase
//	a, err := s.Articles(ctx, questions.ArticleFilter{From: "2010", Outlet: "Community Care"})
//	art, err := s.Article(ctx, "<article/000_bd6ab526a9c92c91>") // its sentences and their facts
//	top, err := s.Top(ctx, questions.WithKinds(questions.KindPerson))
//
// # Names
//
// Every question but Search and Articles starts from a name: a person's,
// a body's, a reform's or a topic's name or alias, case and accents aside,
// or a node's ID ("<person/paul-burstow>", as every answer gives them).
// An exact name wins; else words that begin its words ("burst", "cozens
// andrew") find it when they find nothing else. A name that matches
// nothing is a *NotFoundError carrying the nearest names; one that
// matches several equally is an *AmbiguousError listing them, most
// mentioned first. Both are ErrNotFound and ErrAmbiguous to errors.Is.
//
// # Answers
//
// Answers are typed (Hit, Entity, SaidPage, Profile, ReformPage,
// WhoSaidPage, RolesPage, ArticlesPage, ArticlePage) and marshal to the JSON the HTTP API serves.
// Every fact names its Source: the sentence's label (<article/ID#s3>, the
// label of the quad it was read from), its words, and the article's
// headline, date, URL and outlet. Lists come newest article first; pages
// are asked for with WithLimit and WithOffset, and totals count all rows.
//
// # The index
//
// Cayley finds quads by node, not by text, so a Service keeps an index of
// names in memory: every person, body, reform and topic with its names and
// aliases and how often the store declares it, and every article's date
// and outlet. It is built on the first question (Warm builds it ahead),
// from the store's own index keys on bolt (graph.NodesOfType,
// graph.Strings), and follows loads and deletes made through the same
// *graph.Graph (graph.ChangedSince). Everything else each question reads
// from the store, starting at the node it is about and following its
// edges by index prefix, so a question's cost grows with what it answers,
// not with the graph: bench/README.md has the figures on 100,000 articles.
package questions
