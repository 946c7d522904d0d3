package synth

// A Fact is one thing the generator put into an article on purpose, so that
// an extractor's recall on synthetic text can be measured. The truth lists
// what the article's body says, under canonical names (no titles); page
// furniture and the headline add nothing to it.
//
// Kinds and the fields they use:
//
//	article      Name (headline), Date, Words
//	person       Name
//	byline       Name: the writer, who must not become a speaker
//	org          Name, Alias (the acronym when the text defines it: "(NUN)")
//	affiliation  Person, Role, Org ("" when the text names no organisation,
//	             as in "housing minister Olivia Hart")
//	quote        Speaker, Text (the words between the marks, final
//	             punctuation dropped; the paragraphs of a quotation that runs
//	             over several joined by a space), Partial for a fragment
//	             inside reported speech
//	reported     Speaker, Text: indirect speech ("X said that …")
//	scare        Text: scare quotes with no speaker, which are not quotations
//	reform       Reform (a schema.ReformKind), Affects, Gains, Agent
//	stance       Holder, Stance ("supports" or "opposes"), Reform, Affects
type Fact struct {
	Article string   `json:"article"`
	Kind    string   `json:"kind"`
	Name    string   `json:"name,omitempty"`
	Alias   string   `json:"alias,omitempty"`
	Date    string   `json:"date,omitempty"`
	Words   int      `json:"words,omitempty"`
	Person  string   `json:"person,omitempty"`
	Role    string   `json:"role,omitempty"`
	Org     string   `json:"org,omitempty"`
	Speaker string   `json:"speaker,omitempty"`
	Text    string   `json:"text,omitempty"`
	Partial bool     `json:"partial,omitempty"`
	Reform  string   `json:"reform,omitempty"`
	Affects []string `json:"affects,omitempty"`
	Gains   string   `json:"gains,omitempty"`
	Agent   string   `json:"agent,omitempty"`
	Holder  string   `json:"holder,omitempty"`
	Stance  string   `json:"stance,omitempty"`
}
