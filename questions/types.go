package questions

import (
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// A Kind is a kind of thing a question can be about.
type Kind string

// The kinds of named things in the graph.
const (
	KindPerson       Kind = "person"
	KindOrganisation Kind = "organisation"
	KindReform       Kind = "reform"
	KindTopic        Kind = "topic"
)

// kinds pairs each Kind with the node type that makes it.
var kinds = []struct {
	kind Kind
	typ  quad.IRI
}{
	{KindPerson, schema.Person},
	{KindOrganisation, schema.Organization},
	{KindReform, schema.Reform},
	{KindTopic, schema.Topic},
}

// ParseKind reads a kind as a person types it: "person", "people",
// "org", "organization", "body", "reform", "topic" …
func ParseKind(s string) (Kind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "person", "people", "persons":
		return KindPerson, nil
	case "organisation", "organisations", "organization", "organizations", "org", "orgs", "body", "bodies":
		return KindOrganisation, nil
	case "reform", "reforms":
		return KindReform, nil
	case "topic", "topics":
		return KindTopic, nil
	}
	return "", fmt.Errorf("unknown kind %q (want person, organisation, reform or topic)", s)
}

// A Ref names a node of the graph: its IRI as Gizmo writes it
// ("<person/paul-burstow>"), its kind and its name. Every answer names
// nodes this way, so a caller can ask the next question with the ID.
type Ref struct {
	ID   string `json:"id"`
	Kind Kind   `json:"kind,omitempty"`
	Name string `json:"name"`
}

// An Entity is a person, body, reform or topic with what the graph says to
// find it: its other names and how many articles mention it.
type Entity struct {
	Ref
	Aliases  []string `json:"aliases,omitempty"`
	Articles int      `json:"articles"`
}

// An Article is a news article as a source: its headline and where and when
// it appeared. Fields the article did not give are empty.
type Article struct {
	ID       string `json:"id"` // "<article/ID>"
	Headline string `json:"headline"`
	Date     string `json:"date,omitempty"` // "2010-07-14"
	URL      string `json:"url,omitempty"`
	Outlet   string `json:"outlet,omitempty"`
	Author   string `json:"author,omitempty"`
}

// A Source is where a fact was read: the sentence (its label, as the
// fact's quad carries it, and its words) and the article.
type Source struct {
	Sentence string  `json:"sentence"`       // "<article/ID#s3>"; the article's IRI for article-wide facts
	Text     string  `json:"text,omitempty"` // the sentence's words
	Article  Article `json:"article"`
}

// A Statement is something a person or body said: a quotation, in their
// words, or reported speech, the reporter's paraphrase.
type Statement struct {
	ID       string `json:"id"`   // "<quote/…>" or "<statement/…>"
	Kind     string `json:"kind"` // "quotation" or "reported"
	Text     string `json:"text"`
	Speakers []Ref  `json:"speakers"`
	Topics   []Ref  `json:"topics"`
	Source   Source `json:"source"`
}

// Statement kinds.
const (
	Quotation = "quotation"
	Reported  = "reported"
)

// A Period counts articles in one month ("2010-07"); articles without a
// date count under "".
type Period struct {
	Month    string `json:"month"`
	Articles int    `json:"articles"`
}

// gizmoID is a node's IRI as Gizmo and the HTTP API write it.
func gizmoID(iri string) string { return "<" + iri + ">" }

// plainIRI takes a node's ID as a user may give it, "<person/x>" or
// "person/x", and returns the IRI without brackets.
func plainIRI(id string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(id), "<"), ">")
}
