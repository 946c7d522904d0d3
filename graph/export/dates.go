package export

import (
	"time"

	"github.com/cayleygraph/quad"
)

const dateLayout = "2006-01-02"

// dateOf reads an article's <date> as a calendar day: a quad.Time, or a
// literal that starts with an ISO 8601 date ("2011-03-14",
// "2011-03-14T09:30:00Z", typed or not). Anything else is no date.
func dateOf(v quad.Value) (string, bool) {
	var s string
	switch v := v.(type) {
	case quad.Time:
		return time.Time(v).Format(dateLayout), true
	case quad.String:
		s = string(v)
	case quad.TypedString:
		s = string(v.Value)
	case quad.LangString:
		s = string(v.Value)
	default:
		return "", false
	}
	if len(s) < len(dateLayout) {
		return "", false
	}
	s = s[:len(dateLayout)]
	if _, err := time.Parse(dateLayout, s); err != nil {
		return "", false
	}
	return s, true
}
