// Package schema is newsgraph's vocabulary: the types and predicates of the
// graph, the rules that mint stable IRIs for entities, and the Fact, the unit
// the extractor produces and the store loads.
//
// Every IRI is short and relative ("<person/paul-burstow>", "<said>") so that
// Gizmo queries read naturally; exporters that need absolute IRIs prefix them
// with a base (see BaseIRI). Predicate local names follow schema.org where
// one fits (name, alternateName is spelled alias here, jobTitle is role) and
// are the names ../shared/eval/README.md lists, so the evaluation and any
// Gizmo user read the graph the same way.
//
// # Types
//
//	IRI              meaning                                  schema.org
//	<Person>         a named person                           Person
//	<Organization>   a named body, public or private          Organization
//	<Reform>         a change to bodies: abolition, merger…   (none; Legislation is close)
//	<Quotation>      words attributed to a speaker            Quotation
//	<ReportedSpeech> indirect speech: the reported clause     Claim
//	<Topic>          a subject a quotation concerns           DefinedTerm
//	<Article>        a news article, the unit of provenance   NewsArticle
//	<Sentence>       a sentence of an article                 (none)
//
// # Predicates
//
//	predicate           subject → object                    meaning
//	<type>              any → type IRI                      the node's type
//	<name>              any → "text"                        display name (one per node)
//	<alias>             any → "text"                        other names: acronyms, short forms
//	<role>              Person → "text"                     role as written ("care services minister")
//	<affiliated_with>   Person → Organization               any affiliation
//	<minister_of>, <chair_of>, <president_of>, <leader_of>, <director_of>,
//	<chief_executive_of>, <secretary_of>, <spokesperson_of>, <member_of> …
//	                    Person → Organization               role-specific affiliation (see RoleEdge)
//	<said>              Person|Organization → Quotation|ReportedSpeech  who said it
//	<text>              Quotation|ReportedSpeech|Sentence → "text"  the words
//	<about>             Quotation → Topic                   what it concerns
//	<kind>              Reform → "abolition" …              reform kind (see ReformKind)
//	<affects>           Reform → Organization               what the reform changes
//	<gains>             Reform → Organization               who takes functions on
//	<agent>             Reform → Organization|Person        who carries it out
//	<replaced_by>       Organization → Organization         direct edge for replacement
//	<abolished_by>      Organization → Reform               (inverse helper, not emitted)
//	<transfers_to>      Organization → Organization         functions move to
//	<merges_into>       Organization → Organization         merger
//	<supports>          Person|Organization → Reform|Topic  explicit support
//	<opposes>           Person|Organization → Reform|Topic  explicit opposition
//	<mentioned_in>      any → Article                       where an entity appears
//	<headline>, <date>, <url>, <source>, <author>, <content_hash>
//	                    Article → "text"                    article metadata
//	<sentence_of>       Sentence → Article                  a sentence's article
//
// # Provenance
//
// Every quad carries a label: the IRI of the sentence it was read from
// ("<article/ID#s12>"), or of the article itself for article-wide facts
// (type, name, mentioned_in). The article a label belongs to is the label with
// its fragment cut off (ArticleOf), so a store can delete or replace exactly
// one article's quads.
package schema
