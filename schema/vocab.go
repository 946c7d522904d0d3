package schema

import (
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// Types of nodes.
const (
	Person       = quad.IRI("Person")
	Organization = quad.IRI("Organization")
	Reform       = quad.IRI("Reform")
	Quotation    = quad.IRI("Quotation")
	// ReportedSpeech is indirect speech: "X said the plan would fail".
	ReportedSpeech = quad.IRI("ReportedSpeech")
	Topic          = quad.IRI("Topic")
	Article        = quad.IRI("Article")
	Sentence       = quad.IRI("Sentence")
)

// Predicates.
const (
	Type           = quad.IRI("type")
	Name           = quad.IRI("name")
	Alias          = quad.IRI("alias")
	Role           = quad.IRI("role")
	AffiliatedWith = quad.IRI("affiliated_with")
	Said           = quad.IRI("said")
	Text           = quad.IRI("text")
	About          = quad.IRI("about")
	Kind           = quad.IRI("kind")
	Affects        = quad.IRI("affects")
	Gains          = quad.IRI("gains")
	Agent          = quad.IRI("agent")
	ReplacedBy     = quad.IRI("replaced_by")
	TransfersTo    = quad.IRI("transfers_to")
	MergesInto     = quad.IRI("merges_into")
	Supports       = quad.IRI("supports")
	Opposes        = quad.IRI("opposes")
	MentionedIn    = quad.IRI("mentioned_in")
	Headline       = quad.IRI("headline")
	Date           = quad.IRI("date")
	URL            = quad.IRI("url")
	Source         = quad.IRI("source")
	Author         = quad.IRI("author")
	ContentHash    = quad.IRI("content_hash")
	SentenceOf     = quad.IRI("sentence_of")
)

// BaseIRI is the base that exporters prepend to newsgraph's relative IRIs when
// a format needs absolute ones.
const BaseIRI = "https://newsgraph.dev/"

// ReformKind names the kinds of reform the extractor recognises.
type ReformKind string

// Reform kinds.
const (
	Abolition   ReformKind = "abolition"
	Replacement ReformKind = "replacement"
	Transfer    ReformKind = "transfer"
	Merger      ReformKind = "merger"
	Creation    ReformKind = "creation"
	Reduction   ReformKind = "reduction"
)

// roleEdges maps the head word of a role to its role-specific predicate.
var roleEdges = map[string]quad.IRI{
	"minister":        "minister_of",
	"secretary":       "secretary_of",
	"chair":           "chair_of",
	"chairman":        "chair_of",
	"chairwoman":      "chair_of",
	"chairperson":     "chair_of",
	"president":       "president_of",
	"leader":          "leader_of",
	"director":        "director_of",
	"executive":       "chief_executive_of",
	"spokesperson":    "spokesperson_of",
	"spokesman":       "spokesperson_of",
	"spokeswoman":     "spokesperson_of",
	"member":          "member_of",
	"adviser":         "adviser_to",
	"advisor":         "adviser_to",
	"lead":            "lead_of",
	"head":            "head_of",
	"officer":         "officer_of",
	"manager":         "manager_of",
	"commissioner":    "commissioner_of",
	"mayor":           "mayor_of",
	"founder":         "founder_of",
	"governor":        "governor_of",
	"trustee":         "trustee_of",
	"councillor":      "councillor_of",
	"mp":              "mp_for",
	"vice-president":  "vice_president_of",
	"vice-chair":      "vice_chair_of",
	"deputy":          "deputy_of",
	"professor":       "professor_at",
	"correspondent":   "correspondent_of",
	"editor":          "editor_of",
	"partner":         "partner_of",
	"analyst":         "analyst_at",
	"economist":       "economist_at",
	"fellow":          "fellow_of",
	"researcher":      "researcher_at",
	"representative":  "representative_of",
	"coordinator":     "coordinator_of",
	"superintendent":  "superintendent_of",
	"ombudsman":       "ombudsman_of",
	"inspector":       "inspector_of",
	"registrar":       "registrar_of",
	"treasurer":       "treasurer_of",
	"principal":       "principal_of",
	"dean":            "dean_of",
	"chancellor":      "chancellor_of",
	"vice-chancellor": "vice_chancellor_of",
	"convenor":        "convenor_of",
}

// RoleEdge returns the role-specific affiliation predicate for a role's head
// word ("minister" → <minister_of>), or AffiliatedWith when the role names no
// specific relation. The head word is the role's last word before "of", "for"
// or "at", or its last word.
func RoleEdge(role string) quad.IRI {
	head := roleHead(role)
	if p, ok := roleEdges[head]; ok {
		return p
	}
	return AffiliatedWith
}

func roleHead(role string) string {
	words := strings.Fields(strings.ToLower(role))
	for i, w := range words {
		if i > 0 && (w == "of" || w == "for" || w == "at" || w == "to" || w == "on" || w == "in") {
			words = words[:i]
			break
		}
	}
	if len(words) == 0 {
		return ""
	}
	return strings.Trim(words[len(words)-1], ",.;:")
}

// RolePredicates returns every predicate RoleEdge gives, AffiliatedWith
// among them, sorted: the edges from a person to the bodies they belong to.
func RolePredicates() []quad.IRI {
	seen := map[quad.IRI]bool{AffiliatedWith: true}
	out := []quad.IRI{AffiliatedWith}
	for _, p := range roleEdges {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
