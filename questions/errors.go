package questions

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound is what every NotFoundError is (errors.Is): nothing in the
// graph has the name asked about.
var ErrNotFound = errors.New("not in the graph")

// ErrAmbiguous is what every AmbiguousError is (errors.Is): several things
// in the graph answer to the name.
var ErrAmbiguous = errors.New("names several things")

// A NotFoundError says that nothing of the kinds asked about has the name,
// and which names come nearest, most likely first.
type NotFoundError struct {
	Name        string   // the name asked about
	Kinds       []Kind   // the kinds looked in; all when empty
	Suggestions []Entity // the nearest names, best first; may be empty
}

func (e *NotFoundError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "no %s named %q in the graph", kindWords(e.Kinds), e.Name)
	if len(e.Suggestions) > 0 {
		b.WriteString("; did you mean ")
		b.WriteString(nameList(e.Suggestions, " or "))
		b.WriteString("?")
	}
	return b.String()
}

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// An AmbiguousError says that several things answer to a name, and lists
// them, most mentioned first, so the asker can say which.
type AmbiguousError struct {
	Name       string
	Kinds      []Kind
	Candidates []Entity // best first
	More       int      // further candidates not listed
}

func (e *AmbiguousError) Error() string {
	more := ""
	if e.More > 0 {
		more = fmt.Sprintf(" and %d more", e.More)
	}
	return fmt.Sprintf("%q names %d %s: %s%s; which one?", e.Name, len(e.Candidates)+e.More,
		kindPlural(e.Kinds), nameList(e.Candidates, ", "), more)
}

// Is makes errors.Is(err, ErrAmbiguous) true.
func (e *AmbiguousError) Is(target error) bool { return target == ErrAmbiguous }

func kindWords(ks []Kind) string {
	if len(ks) == 0 || len(ks) == len(kinds) {
		return "thing"
	}
	words := make([]string, len(ks))
	for i, k := range ks {
		words[i] = string(k)
	}
	return strings.Join(words, " or ")
}

// kindPlural is kindWords in the plural: "people or organisations".
func kindPlural(ks []Kind) string {
	if len(ks) == 0 || len(ks) == len(kinds) {
		return "things"
	}
	words := make([]string, len(ks))
	for i, k := range ks {
		words[i] = string(k) + "s"
		if k == KindPerson {
			words[i] = "people"
		}
	}
	return strings.Join(words, " or ")
}

// nameList writes entities as `"Paul Burstow" (person, 3 articles)`.
func nameList(es []Entity, last string) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = fmt.Sprintf("%q (%s, %s)", e.Name, e.Kind, plural(e.Articles, "article"))
	}
	if len(parts) <= 1 || last == ", " {
		return strings.Join(parts, ", ")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + last + parts[len(parts)-1]
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// An InvalidError says a question was asked wrongly: a date that is no
// date, nothing to ask about.
type InvalidError struct{ Msg string }

func (e *InvalidError) Error() string { return e.Msg }

func invalid(format string, args ...any) error {
	return &InvalidError{Msg: fmt.Sprintf(format, args...)}
}
