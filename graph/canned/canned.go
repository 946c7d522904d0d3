package canned

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"

	ngraph "github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/questions"
)

// A Question is a canned question: a Gizmo program with one argument.
type Question struct {
	Name    string   `json:"name"`    // its CLI command: "who-said"
	Title   string   `json:"title"`   // one line: "Who said what about a topic"
	Param   string   `json:"param"`   // what the argument names: "topic"
	Example string   `json:"example"` // an argument to show in help
	Doc     string   `json:"doc"`     // what it answers and how it finds it
	Columns []Column `json:"columns"` // the table a person reads
	body    string
}

// A Column is one column of a question's table: a header and the row key
// it shows.
type Column struct {
	Header string `json:"header"`
	Key    string `json:"key"`
}

// The columns every row has: where it was read.
var sourceColumn = Column{"SOURCE", "source"}

var cannedQuestions = []Question{
	{
		Name: "who-said", Title: "Who said what about a topic", Param: "topic", Example: "integration",
		Doc: "Quotations about the topic, each with its speaker and the sentence it was read from. " +
			"Starts at the topic node and follows <about> and <said> backwards. Quotations come in the order " +
			"the store lists them (roughly the order articles were loaded), a quotation's speakers by name.",
		Columns: []Column{{"SPEAKER", "speaker_name"}, {"QUOTE", "text"}, {"TOPIC", "topic_name"}, sourceColumn},
		body:    whoSaid,
	},
	{
		Name: "roles", Title: "A person's roles and organisations", Param: "person", Example: "Paul Burstow",
		Doc: "Each role (<role>) and affiliation (<minister_of>, <chair_of>, <affiliated_with> …) of the person, " +
			"sentence by sentence, a role paired with the organisation named in the same sentence. Sorted by article.",
		Columns: []Column{{"PERSON", "person_name"}, {"ROLE", "role"}, {"ORGANISATION", "organisation_name"}, {"RELATION", "relation"}, sourceColumn},
		body:    roles,
	},
	{
		Name: "reforms", Title: "Reforms that affect an organisation", Param: "organisation", Example: "primary care trust",
		Doc: "Reform nodes that affect the organisation, give it functions or are carried out by it, with their kind, " +
			"supporters and opponents (the first three of each, then \"and others\"); and direct edges such as " +
			"<replaced_by>. One row per reporting article, sorted by reform and article.",
		Columns: []Column{{"ORGANISATION", "organisation_name"}, {"REFORM", "reform_name"}, {"KIND", "kind"}, {"HOW", "how"}, {"DETAIL", "detail"}, sourceColumn},
		body:    reforms,
	},
}

// Questions returns the canned questions.
func Questions() []Question {
	out := make([]Question, len(cannedQuestions))
	copy(out, cannedQuestions)
	return out
}

// Lookup returns the canned question of the given name.
func Lookup(name string) (Question, bool) {
	for _, q := range cannedQuestions {
		if q.Name == name {
			return q, true
		}
	}
	return Question{}, false
}

// Gizmo returns the question's complete Gizmo program for arg: the
// Prelude, the argument as a JavaScript string, the row limit (WithLimit;
// the program stops there) and the question.
func (q Question) Gizmo(arg string, opts ...RunOption) string {
	c := newRunConfig(opts)
	lit, _ := json.Marshal(arg) // a JSON string is a JavaScript string literal
	var b strings.Builder
	b.WriteString(Prelude)
	fmt.Fprintf(&b, "\n// The argument: the %s to ask about.\nvar ARG = %s;\n", q.Param, lit)
	fmt.Fprintf(&b, "// The most rows to emit (0: all). Past it the program reads no more.\nvar LIMIT = %d;\n\n", max(c.limit, 0))
	b.WriteString(q.body)
	return b.String()
}

// A Row is one answer: values by key (see each question's Columns, and
// "source", "article" and "headline", which every row has).
type Row map[string]string

type runConfig struct {
	limit int
	gizmo bool
}

// DefaultLimit is the most rows a question answers unless WithLimit says
// otherwise.
const DefaultLimit = 10000

func newRunConfig(opts []RunOption) runConfig {
	c := runConfig{limit: DefaultLimit}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// A RunOption configures Run and Gizmo.
type RunOption func(*runConfig)

// WithLimit bounds the rows a question answers (default DefaultLimit);
// zero or less means no bound.
func WithLimit(n int) RunOption { return func(c *runConfig) { c.limit = n } }

// WithGizmo makes Run execute the question's Gizmo program, as the HTTP API
// and the explorer do, instead of its Go form. The answers are the same. On
// key-value stores (bolt, memory) the Go form is faster; on SQL stores the
// Gizmo program is, as Cayley makes one query of a Gizmo path.
func WithGizmo() RunOption { return func(c *runConfig) { c.gizmo = true } }

// Run asks q about arg of the store qs, with the question's Go form (the
// same look-ups as its Gizmo program, giving the same rows) unless
// WithGizmo. ctx bounds it: a cancelled context interrupts it.
func Run(ctx context.Context, qs graph.QuadStore, q Question, arg string, opts ...RunOption) ([]Row, error) {
	c := newRunConfig(opts)
	if native, ok := natives[q.Name]; ok && !c.gizmo {
		r := newReader(ctx, qs, c.limit)
		native(r, arg)
		if r.err == nil {
			r.err = ctx.Err() // a cancelled look-up answers nothing, not an error
		}
		if r.err != nil {
			return nil, fmt.Errorf("%s %q: %w", q.Name, arg, r.err)
		}
		return r.rows, nil
	}
	it, err := gizmo.NewSession(qs).Execute(ctx, q.Gizmo(arg, opts...), query.Options{Collation: query.JSON, Limit: c.limit})
	if err != nil {
		return nil, fmt.Errorf("%s %q: %w", q.Name, arg, err)
	}
	defer it.Close()
	var rows []Row
	for it.Next(ctx) {
		m, ok := it.Result().(map[string]any)
		if !ok {
			continue
		}
		r := make(Row, len(m))
		for k, v := range m {
			if v != nil {
				r[k] = fmt.Sprint(v)
			}
		}
		rows = append(rows, r)
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("%s %q: %w", q.Name, arg, err)
	}
	return rows, nil
}

// Source is where a row was read.
type Source struct {
	Label    string `json:"source"`   // the quad's label: "<article/ID#s3>"
	Article  string `json:"article"`  // the label's article: "<article/ID>"
	Headline string `json:"headline"` // the article's headline, if stored
}

// Quote is a row of WhoSaid.
type Quote struct {
	Topic       string `json:"topic"`
	TopicName   string `json:"topic_name"`
	Speaker     string `json:"speaker"`
	SpeakerName string `json:"speaker_name"`
	Quote       string `json:"quote"`
	Text        string `json:"text"`
	Source
}

// Role is a row of Roles.
type Role struct {
	Person           string `json:"person"`
	PersonName       string `json:"person_name"`
	Role             string `json:"role"`
	Organisation     string `json:"organisation"`
	OrganisationName string `json:"organisation_name"`
	Relation         string `json:"relation"`
	Source
}

// ReformEffect is a row of Reforms: one way a reform touches the
// organisation, as one article reports it.
type ReformEffect struct {
	Organisation     string `json:"organisation"`
	OrganisationName string `json:"organisation_name"`
	Reform           string `json:"reform"` // empty for a direct edge such as <replaced_by>
	ReformName       string `json:"reform_name"`
	Kind             string `json:"kind"`
	Relation         string `json:"relation"`
	How              string `json:"how"`
	Detail           string `json:"detail"`
	Source
}

// WhoSaid returns the quotations about a topic of g. A topic g does not
// hold is a *questions.NotFoundError naming the nearest names (package
// questions answers who-said about any topic, entity or phrase).
func WhoSaid(ctx context.Context, g *ngraph.Graph, topic string) ([]Quote, error) {
	return typed[Quote](ctx, g, "who-said", topic)
}

// Roles returns a person's roles and organisations. A person g does not
// hold is a *questions.NotFoundError; a person without roles, no rows.
func Roles(ctx context.Context, g *ngraph.Graph, person string) ([]Role, error) {
	return typed[Role](ctx, g, "roles", person)
}

// Reforms returns the reforms that affect an organisation. An organisation
// g does not hold is a *questions.NotFoundError.
func Reforms(ctx context.Context, g *ngraph.Graph, organisation string) ([]ReformEffect, error) {
	return typed[ReformEffect](ctx, g, "reforms", organisation)
}

// asks says what each question's argument names: its type, its IRIs'
// prefix and the kind package questions calls it.
var asks = map[string]struct {
	typ, prefix string
	kind        questions.Kind
}{
	"who-said": {"<Topic>", "topic", questions.KindTopic},
	"roles":    {"<Person>", "person", questions.KindPerson},
	"reforms":  {"<Organization>", "org", questions.KindOrganisation},
}

func typed[T any](ctx context.Context, g *ngraph.Graph, name, arg string) ([]T, error) {
	q, _ := Lookup(name)
	var (
		rows  []Row
		found bool
	)
	err := g.View(ctx, func(qs graph.QuadStore) error {
		var err error
		if rows, err = Run(ctx, qs, q, arg); err != nil || len(rows) > 0 {
			found = true
			return err
		}
		// No rows: is there nothing to ask about, or nothing to say?
		r := newReader(ctx, qs, 0)
		found = len(r.find(arg, asks[name].typ, asks[name].prefix)) > 0
		return r.err
	})
	if err != nil {
		return nil, fmt.Errorf("%s %q: %w", name, arg, err)
	}
	if !found {
		return nil, missing(ctx, g, asks[name].kind, arg)
	}
	data, err := json.Marshal(rows)
	if err != nil {
		return nil, err
	}
	out := []T{}
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// missing is the error for an argument that names nothing of the kind: a
// *questions.NotFoundError with the nearest names, which package questions
// finds (it reads the graph's names once, so only a miss pays for it).
func missing(ctx context.Context, g *ngraph.Graph, kind questions.Kind, arg string) error {
	e, err := questions.New(g).Resolve(ctx, arg, questions.WithKinds(kind))
	if err != nil {
		return err // NotFoundError or AmbiguousError, with names
	}
	// questions reads words that begin a name's words; the canned
	// questions do not: suggest the name it found.
	return &questions.NotFoundError{Name: arg, Kinds: []questions.Kind{kind}, Suggestions: []questions.Entity{e}}
}
