// Package synth writes deterministic synthetic news articles, so that
// newsgraph's scale can be measured without shipping real archives.
//
// A corpus is drawn from a fixed world made from the seed: tens of thousands
// of invented people (first names × combinatorial surnames) and thousands of
// organisations (councils, trusts, agencies, commissions, associations,
// unions, universities, companies, departments; many with acronyms), with a
// long-tailed popularity so the same people and bodies recur across
// articles, sometimes in a second role. Each article announces one or two
// reforms of public bodies (abolition, replacement, transfer, merger,
// creation, reduction), introduces its people with their roles (appositive,
// pre-modifier, possessive), quotes them in varied styles (straight and
// curly, double and single marks; cues before, after and around; quotations
// over several paragraphs and paragraphs with no cue; partial quotations in
// reported speech), reports stances, and pads the rest with background
// sentences of varied structure. Some articles carry YAML front matter with
// a date in 2010–2019, a byline, a repeated standfirst or page furniture.
//
// Generate is fast (articles are written in parallel, output is in order)
// and exact: the same seed and options give byte-identical text on every
// platform. WithTruth yields the facts each article states (see Fact), so
// an extractor's recall on synthetic text can be measured.
//
// The hidden command "newsgraph gen" writes a corpus to a directory.
package synth
