package extract

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// No input may make extraction worse than linear in its size: an article
// of ten thousand quotations, names or sentences must cost ten times one
// of a thousand. Each shape below once cost its size squared (a rule that
// looked through every mention, person or quotation for each one). The
// test holds each to a linear count of allocations, which is exact and
// does not depend on the machine; BenchmarkLongArticles measures the time
// (bench/README.md gives the ratios).

// longShapes are the shapes of long article longArticle writes.
var longShapes = []string{"quotes", "people", "orgs", "acronyms", "longsent", "openquote", "paraquotes",
	"pronouns", "theboard", "reforms", "roles", "acroles", "titlecase", "oneword"}

// longArticle writes an article of shape kind with n parts (sentences or
// paragraphs), its names made up and unique where the shape wants many.
func longArticle(kind string, n int) Article {
	var parts []string
	sep := " "
	first := []string{"Mary", "Peter", "Ana", "John", "Olu", "Chen", "Ravi", "Sipho"}
	sur := func(i int) string { return fmt.Sprintf("%c%c%cson", 'A'+i%26, 'a'+(i/26)%26, 'a'+(i/676)%26) }
	for i := 0; i < n; i++ {
		switch kind {
		case "quotes": // one paragraph of quotations attributed by surname
			if i < 4 {
				parts = append(parts, fmt.Sprintf("%s %s is the health minister.", first[i], sur(i)))
			}
			parts = append(parts, fmt.Sprintf("\"The agency number %d must be abolished,\" said %s.", i, sur(i%4)))
		case "people": // many people, each named in full then by surname
			sep = "\n\n"
			parts = append(parts, fmt.Sprintf("%s %s, chief executive of the Water Board, spoke. Later %s said the board would close.", first[i%8], sur(i), sur(i)))
		case "orgs":
			sep = "\n\n"
			parts = append(parts, fmt.Sprintf("The %s Authority will merge with the %s Commission, the minister said, and the %s Authority will be abolished.", sur(i), sur(i+1), sur(i+2)))
		case "acronyms":
			parts = append(parts, fmt.Sprintf("The %c%c%cA said the %c%cB backed it.", 'A'+i%26, 'A'+(i/26)%26, 'A'+(i/676)%26, 'A'+i%26, 'A'+(i/26)%26))
		case "longsent": // one sentence, no full stop
			parts = append(parts, fmt.Sprintf("%s %s of the %s Council and", first[i%8], sur(i), sur(i)))
		case "paraquotes": // unattributed quotation paragraphs after one speaker
			sep = "\n\n"
			if i == 0 {
				parts = append(parts, "Mary Aason, the health minister, said: \"We start now.\"")
			}
			parts = append(parts, fmt.Sprintf("\"Agency %d will close and its staff will move,\" she added.", i))
		case "pronouns":
			parts = append(parts, fmt.Sprintf("He said the %s Agency %d would close. It will merge with its neighbour, they said.", sur(i), i))
		case "theboard": // a short form with nothing to resolve to
			parts = append(parts, fmt.Sprintf("The board said the plan %d would go ahead and the council agreed with the authority.", i))
		case "reforms":
			parts = append(parts, fmt.Sprintf("The %s Agency will be abolished and merged into the %s Authority, and %s %s opposed the merger.", sur(i), sur(i+1), first[i%8], sur(i)))
		case "roles":
			parts = append(parts, fmt.Sprintf("%s %s, chief executive of the %s Board and chair of the %s Trust, said the board would act.", first[i%8], sur(i), sur(i), sur(i+7)))
		case "acroles":
			parts = append(parts, fmt.Sprintf("%s %s, chief executive of %c%c%cX, said %c%c%cX's staff agreed.", first[i%8], sur(i), 'A'+i%26, 'A'+(i/26)%26, 'A'+(i/676)%26, 'A'+i%26, 'A'+(i/26)%26, 'A'+(i/676)%26))
		case "titlecase":
			sep = "\n\n"
			parts = append(parts, fmt.Sprintf("%s Agency Chief %s %s Says Board Will Merge With %s Trust", sur(i), first[i%8], sur(i+1), sur(i+2)))
		case "oneword":
			parts = append(parts, fmt.Sprintf("%s, the %s Group's owner, said %s would buy the %s Company.", sur(i), sur(i), sur(i), sur(i+1)))
		case "openquote": // a quotation opened and never closed, many paragraphs
			sep = "\n\n"
			if i == 0 {
				parts = append(parts, "\"It starts here")
			}
			parts = append(parts, fmt.Sprintf("Minister %s said the %s Agency would go, and %d more would follow", sur(i), sur(i), i))
		}
	}
	return Article{ID: "x", Title: "Boards merge", Body: strings.Join(parts, sep)}
}

func TestLongArticlesLinear(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range longShapes {
		t.Run(kind, func(t *testing.T) {
			var per [2]float64
			for i, n := range []int{250, 1000} {
				a := Clean(longArticle(kind, n))
				per[i] = testing.AllocsPerRun(1, func() {
					if _, err := r.Extract(t.Context(), a); err != nil {
						t.Fatal(err)
					}
				}) / float64(n)
			}
			// Per part, the larger article may allocate a little more (maps
			// and slices grow in steps), never in proportion to its size.
			if per[1] > 1.25*per[0] {
				t.Errorf("%s: %.0f allocations per part at 1000 parts, %.0f at 250: worse than linear", kind, per[1], per[0])
			}
		})
	}
}

// TestTenThousandQuotations reads one paragraph of ten thousand attributed
// quotations: every one found and given to its speaker.
func TestTenThousandQuotations(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	var b strings.Builder
	b.WriteString("Mira Okafor is the transport minister.")
	for i := range 10000 {
		fmt.Fprintf(&b, " \"Depot %d will stay open,\" said Okafor.", i)
	}
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	facts, err := r.Extract(t.Context(), Article{ID: "long", Title: "Depots to stay open", Body: b.String()})
	if err != nil {
		t.Fatal(err)
	}
	said := 0
	for _, f := range facts {
		if f.Predicate == schema.Said && strings.Contains(string(f.Subject), "mira-okafor") {
			said++
		}
	}
	if said != 10000 {
		t.Errorf("%d quotations given to Mira Okafor, want 10000", said)
	}
}

func BenchmarkLongArticles(b *testing.B) {
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	for _, kind := range longShapes {
		for _, n := range []int{1000, 4000} {
			a := Clean(longArticle(kind, n))
			b.Run(fmt.Sprintf("%s/%d", kind, n), func(b *testing.B) {
				b.SetBytes(int64(len(a.Body)))
				for b.Loop() {
					if _, err := r.Extract(b.Context(), a); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/part")
			})
		}
	}
}

// TestExtractStopsAtDeadline: a long article stops when its context ends,
// with the context's error, not after all its work.
func TestExtractStopsAtDeadline(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	a := Clean(longArticle("people", 20000))
	ctx, cancel := context.WithTimeout(t.Context(), time.Millisecond)
	defer cancel()
	if _, err := r.Extract(ctx, a); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Extract after its deadline: %v, want %v", err, context.DeadlineExceeded)
	}
}
