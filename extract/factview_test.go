package extract_test

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/schema"
	"golang.org/x/text/unicode/norm"
)

// A factView reads the extractor's facts the way a Gizmo user (or
// ../shared/eval/score.py) reads the graph: predicates and types by their
// local name, case-insensitively, so the corpus test checks the vocabulary of
// schema/doc.go and not the extractor's internals.
type factView struct {
	nodes map[string]*viewNode
}

type viewNode struct {
	id    string
	types map[string]bool     // "person", "organization", "reform", "quotation", "topic", …
	lits  map[string][]string // predicate local name → literal values
	out   []viewEdge
	in    []viewEdge
}

type viewEdge struct {
	pred string // local name, lower case
	node string // the other end
}

// Predicate families, by local name (lower case). They follow score.py so
// that what the corpus test accepts is what the evaluation accepts.
var (
	namePreds    = set("name", "label", "preflabel", "alternatename", "alias", "altlabel")
	rolePreds    = set("role", "jobtitle", "job_title", "title", "position")
	textPreds    = set("text", "quote", "content", "quotation")
	saidPreds    = set("said", "says", "quoted", "stated", "speaker_of")
	spokenPreds  = set("spokenby", "spoken_by", "speaker", "saidby", "said_by", "attributedto", "attributed_to", "creator", "author", "quoted_by")
	aboutPreds   = set("about", "topic", "subject", "concerns", "has_topic")
	supportPreds = set("supports", "backs", "welcomes", "endorses", "favours", "favors", "supported")
	opposePreds  = set("opposes", "criticises", "criticizes", "warns_against", "rejects", "objects_to", "against", "opposed", "criticised", "criticized")
	kindPreds    = set("kind")
	// reformEdges are the direct organisation → organisation reform edges.
	reformEdges = map[string]string{"replaced_by": "replacement", "transfers_to": "transfer", "merges_into": "merger"}
	// metaPreds are never affiliations.
	metaPreds = union(namePreds, rolePreds, textPreds, saidPreds, spokenPreds, aboutPreds, supportPreds, opposePreds, kindPreds,
		set("type", "a", "mentions", "mentioned_in", "appears_in", "source", "evidence", "sameas", "same_as", "part_of", "partof",
			"headline", "url", "date", "datepublished", "sentence", "span", "offset", "confidence", "wasderivedfrom",
			"affects", "gains", "agent", "replaced_by", "transfers_to", "merges_into", "abolishes", "abolished_by",
			"sentence_of", "content_hash"))
	typeNames = map[string]string{
		"person": "person", "organization": "organization", "organisation": "organization",
		"governmentorganization": "organization", "reform": "reform", "policy": "reform", "legislation": "reform",
		"quotation": "quotation", "quote": "quotation", "topic": "topic", "article": "article", "sentence": "sentence",
		"reportedspeech": "reportedspeech",
	}
)

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func union(ms ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, m := range ms {
		for k := range m {
			out[k] = true
		}
	}
	return out
}

// localName is the part of an IRI after its last '/', '#' or ':', lower-cased.
func localName(iri string) string {
	s := strings.TrimRight(iri, "/")
	if i := strings.LastIndexAny(s, "/#:"); i >= 0 {
		s = s[i+1:]
	}
	return strings.ToLower(s)
}

func literal(v quad.Value) (string, bool) {
	switch x := v.(type) {
	case quad.String:
		return string(x), true
	case quad.LangString:
		return string(x.Value), true
	case quad.TypedString:
		return string(x.Value), true
	case quad.IRI, quad.BNode, nil:
		return "", false
	default:
		return quad.StringOf(v), true
	}
}

func newFactView(facts []schema.Fact) *factView {
	v := &factView{nodes: map[string]*viewNode{}}
	for _, f := range facts {
		if f.Subject == "" || f.Predicate == "" || f.Object == nil {
			continue
		}
		s := v.node(string(f.Subject))
		p := localName(string(f.Predicate))
		if lit, ok := literal(f.Object); ok {
			s.lits[p] = append(s.lits[p], lit)
			continue
		}
		oid := quad.StringOf(f.Object)
		if iri, ok := f.Object.(quad.IRI); ok {
			oid = string(iri)
		}
		if p == "type" || p == "a" {
			if t, ok := typeNames[localName(oid)]; ok {
				s.types[t] = true
			}
			continue
		}
		o := v.node(oid)
		s.out = append(s.out, viewEdge{p, oid})
		o.in = append(o.in, viewEdge{p, string(f.Subject)})
	}
	return v
}

func (v *factView) node(id string) *viewNode {
	n := v.nodes[id]
	if n == nil {
		n = &viewNode{id: id, types: map[string]bool{}, lits: map[string][]string{}}
		v.nodes[id] = n
	}
	return n
}

// ofType lists the nodes of a type, sorted so reports are stable.
func (v *factView) ofType(t string) []string {
	var ids []string
	for id, n := range v.nodes {
		if n.types[t] {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

func (v *factView) is(id, t string) bool {
	n := v.nodes[id]
	return n != nil && n.types[t]
}

// names are a node's display names and aliases, or its IRI's last segment
// when it has none.
func (v *factView) names(id string) []string {
	var out []string
	if n := v.nodes[id]; n != nil {
		for p := range namePreds {
			out = append(out, n.lits[p]...)
		}
	}
	if len(out) == 0 {
		out = []string{strings.NewReplacer("-", " ", "_", " ").Replace(localName(id))}
	}
	sort.Strings(out)
	return out
}

// label is one name for reports.
func (v *factView) label(id string) string { return v.names(id)[0] }

// keys are the normalised names of a node, for matching against expected names.
func (v *factView) keys(id string) map[string]bool {
	out := map[string]bool{}
	for _, n := range v.names(id) {
		if k := normName(n); k != "" {
			out[k] = true
		}
	}
	return out
}

// text is everything a node says about itself, lower-cased: names, the IRI's
// last segment, texts and kinds. Stance and topic targets are matched on it.
func (v *factView) text(id string) string {
	parts := append([]string{strings.NewReplacer("-", " ", "_", " ").Replace(localName(id))}, v.names(id)...)
	if n := v.nodes[id]; n != nil {
		for p := range union(textPreds, kindPreds) {
			parts = append(parts, n.lits[p]...)
		}
	}
	return strings.ToLower(fold(strings.Join(parts, " ")))
}

// neighbours are the nodes linked to id in either direction, articles and
// sentences left out.
func (v *factView) neighbours(id string) []string {
	n := v.nodes[id]
	if n == nil {
		return nil
	}
	var out []string
	for _, e := range append(append([]viewEdge{}, n.out...), n.in...) {
		if v.is(e.node, "article") || v.is(e.node, "sentence") || strings.HasPrefix(e.node, "article/") {
			continue
		}
		out = append(out, e.node)
	}
	return out
}

// A predQuote is a quotation as the graph states it.
type predQuote struct {
	id       string
	text     string // normalised words
	speakers []string
	topics   []string
}

func (v *factView) quotes() []predQuote { return v.quotesOf("quotation") }

// statements are reported (indirect) speech: a plus, matched only against
// reported: lines and never counted as spurious quotations.
func (v *factView) statements() []predQuote { return v.quotesOf("reportedspeech") }

func (v *factView) quotesOf(typ string) []predQuote {
	var out []predQuote
	for _, id := range v.ofType(typ) {
		n := v.nodes[id]
		var texts []string
		for p := range textPreds {
			texts = append(texts, n.lits[p]...)
		}
		sort.Strings(texts)
		q := predQuote{id: id, text: words(strings.Join(texts, " "))}
		for _, e := range n.in {
			if saidPreds[e.pred] {
				q.speakers = append(q.speakers, e.node)
			}
		}
		for _, e := range n.out {
			if spokenPreds[e.pred] {
				q.speakers = append(q.speakers, e.node)
			}
			if aboutPreds[e.pred] {
				q.topics = append(q.topics, e.node)
			}
		}
		out = append(out, q)
	}
	return out
}

// affiliations are the distinct person → organisation pairs linked by any
// predicate that is not one of the vocabulary's other relations.
func (v *factView) affiliations() [][2]string {
	seen := map[[2]string]bool{}
	var out [][2]string
	for _, p := range v.ofType("person") {
		for _, e := range v.nodes[p].out {
			if metaPreds[e.pred] {
				continue
			}
			if v.is(e.node, "quotation") || v.is(e.node, "person") || v.is(e.node, "topic") ||
				v.is(e.node, "reform") || v.is(e.node, "article") || v.is(e.node, "sentence") {
				continue
			}
			k := [2]string{p, e.node}
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// roles lists a person's role literals, and the names of nodes its role
// predicates point to.
func (v *factView) roles(person string) []string {
	n := v.nodes[person]
	if n == nil {
		return nil
	}
	var out []string
	for p := range rolePreds {
		out = append(out, n.lits[p]...)
	}
	for _, e := range n.out {
		if rolePreds[e.pred] {
			out = append(out, v.names(e.node)...)
		}
	}
	sort.Strings(out)
	return out
}

// A predStance is a supports/opposes edge.
type predStance struct {
	holder, stance, target string
}

func (v *factView) stances() []predStance {
	seen := map[predStance]bool{}
	var out []predStance
	ids := make([]string, 0, len(v.nodes))
	for id := range v.nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		for _, e := range v.nodes[id].out {
			s := ""
			switch {
			case supportPreds[e.pred]:
				s = "supports"
			case opposePreds[e.pred]:
				s = "opposes"
			default:
				continue
			}
			ps := predStance{id, s, e.node}
			if !seen[ps] {
				seen[ps] = true
				out = append(out, ps)
			}
		}
	}
	return out
}

// stanceText is what a stance target says about itself; a reform target also
// speaks through the bodies it affects.
func (v *factView) stanceText(id string) string {
	t := v.text(id)
	if v.is(id, "reform") {
		for _, nb := range v.neighbours(id) {
			if !v.is(nb, "person") && !v.is(nb, "quotation") {
				t += " " + v.text(nb)
			}
		}
	}
	return t
}

// A predReform is a Reform node or a direct reform edge between two bodies.
type predReform struct {
	label  string
	kind   string
	self   string   // normalised name of the reform node ("" for an edge)
	linked []string // nodes the reform touches (reform nodes) …
	from   string   // … or the ends of a direct edge
	to     string
}

func (v *factView) reforms() []predReform {
	var out []predReform
	for _, id := range v.ofType("reform") {
		n := v.nodes[id]
		kind := ""
		for _, k := range n.lits["kind"] {
			kind = reformKind(k)
		}
		if kind == "" {
			kind = reformKind(v.text(id))
		}
		self := normName(strings.Join(v.names(id), " ") + " " + strings.NewReplacer("-", " ", "_", " ").Replace(localName(id)))
		out = append(out, predReform{label: v.label(id), kind: kind, self: self, linked: v.neighbours(id)})
	}
	ids := make([]string, 0, len(v.nodes))
	for id := range v.nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if v.is(id, "reform") {
			continue
		}
		for _, e := range v.nodes[id].out {
			if k, ok := reformEdges[e.pred]; ok && !v.is(e.node, "reform") {
				out = append(out, predReform{label: v.label(id) + " " + e.pred + " " + v.label(e.node), kind: k, from: id, to: e.node})
			}
		}
	}
	return out
}

// reformKind folds the ways a kind may be written to schema's ReformKind names.
func reformKind(s string) string {
	ws := words(s)
	for _, k := range []struct{ stem, kind string }{
		{"abol", "abolition"}, {"scrap", "abolition"}, {"dissol", "abolition"},
		{"replac", "replacement"},
		{"transf", "transfer"},
		{"merg", "merger"}, {"amalgam", "merger"}, {"consolidat", "merger"},
		{"creat", "creation"}, {"establish", "creation"}, {"set up", "creation"},
		{"reduc", "reduction"}, {"halv", "reduction"}, {"cut", "reduction"},
	} {
		if strings.Contains(" "+ws, " "+k.stem) {
			return k.kind
		}
	}
	return ws
}

// Text normalisation, after score.py.

var (
	titleWords = set("the", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "baroness", "prof", "professor", "cllr", "councillor", "sgt", "gov", "sen", "rev")
	nonAlnum   = regexp.MustCompile(`[^a-z0-9 ]+`)
	possessive = regexp.MustCompile(`'s\b`)
)

// fold removes accents and turns curly quotes straight.
func fold(s string) string {
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// words is s lower-cased and folded, punctuation turned to single spaces.
func words(s string) string {
	return strings.Join(strings.Fields(nonAlnum.ReplaceAllString(strings.ToLower(fold(s)), " ")), " ")
}

// normName is the key a name is matched on: folded, possessive and leading
// titles dropped, each word's plural 's' folded.
func normName(s string) string {
	s = possessive.ReplaceAllString(strings.ToLower(fold(s)), "")
	toks := strings.Fields(nonAlnum.ReplaceAllString(s, " "))
	for len(toks) > 0 && titleWords[toks[0]] {
		toks = toks[1:]
	}
	for i, t := range toks {
		toks[i] = singular(t)
	}
	return strings.Join(toks, " ")
}

func singular(t string) string {
	if len(t) > 3 && strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss") {
		return t[:len(t)-1]
	}
	return t
}

// contains reports whether the word string sub occurs in s on word boundaries.
func contains(s, sub string) bool {
	return sub != "" && strings.Contains(" "+s+" ", " "+sub+" ")
}

// quoteMatch is score.py's rule: the expected stretch lies inside the
// predicted words, or the predicted words lie inside the stretch and cover at
// least half of it.
func quoteMatch(expected, predicted string) bool {
	if expected == "" || predicted == "" {
		return false
	}
	return contains(predicted, expected) || (contains(expected, predicted) && 2*len(predicted) >= len(expected))
}

var roleStop = set("of", "the", "for", "and", "on", "at", "in", "a", "an", "to")

// roleWords are a role's content words, plurals folded.
func roleWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words(s)) {
		if !roleStop[w] {
			out[singular(w)] = true
		}
	}
	return out
}

// roleCovers reports whether have holds at least 60% of want's content words.
func roleCovers(want, have map[string]bool) bool {
	if len(want) == 0 {
		return false
	}
	n := 0
	for w := range want {
		if have[w] {
			n++
		}
	}
	return 10*n >= 6*len(want)
}
