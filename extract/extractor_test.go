package extract

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad/nquads"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// extractDir extracts every article under dir and returns the N-Quads.
func extractDir(t *testing.T, dir string) []byte {
	t.Helper()
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := nquads.NewWriter(&buf)
	ctx := context.Background()
	for a, err := range source.Read(ctx, []string{dir}) {
		if err != nil {
			t.Fatal(err)
		}
		facts, err := ex.Extract(ctx, Clean(a))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.WriteQuads(schema.Quads(facts)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestExamplesGolden pins the extraction of the example articles: a change in
// what the extractor finds shows up as a reviewed diff of
// testdata/golden/examples.nq (regenerate with -update).
func TestExamplesGolden(t *testing.T) {
	got := extractDir(t, filepath.Join("..", "examples", "articles"))
	again := extractDir(t, filepath.Join("..", "examples", "articles"))
	if !bytes.Equal(got, again) {
		t.Fatal("two extractions of the same articles differ")
	}
	golden := filepath.Join("testdata", "golden", "examples.nq")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("extraction of examples differs from %s (run go test -run TestExamplesGolden -update and review the diff)", golden)
	}
	checkRulesVersion(t, want)
	// Every quad carries its provenance.
	for _, line := range strings.Split(strings.TrimSpace(string(got)), "\n") {
		if !strings.HasSuffix(line, "> .") || strings.Count(line, "<article/") == 0 {
			t.Fatalf("quad without an article label: %s", line)
		}
	}
}

// checkRulesVersion requires RulesVersion to change with the examples'
// golden extraction: testdata/golden/examples.version holds the version and
// a digest of the golden file it was set for, which -update rewrites only
// with a new version (or the same extraction).
func checkRulesVersion(t *testing.T, golden []byte) {
	t.Helper()
	file := filepath.Join("testdata", "golden", "examples.version")
	sum := sha256.Sum256(golden)
	line := RulesVersion + " " + hex.EncodeToString(sum[:]) + "\n"
	recorded, err := os.ReadFile(file)
	if err != nil && !(*update && errors.Is(err, fs.ErrNotExist)) {
		t.Fatal(err)
	}
	version, digest, _ := strings.Cut(strings.TrimSpace(string(recorded)), " ")
	switch {
	case string(recorded) == line:
	case version == RulesVersion && digest != hex.EncodeToString(sum[:]):
		t.Errorf("the examples' extraction changed but extract.RulesVersion is still %q: change it, so that stores built with the old rules extract their articles again, then run go test -run TestExamplesGolden -update", RulesVersion)
	case *update:
		if err := os.WriteFile(file, []byte(line), 0o644); err != nil {
			t.Fatal(err)
		}
	default:
		t.Errorf("%s is for %s; run go test -run TestExamplesGolden -update", file, version)
	}
}

func TestFingerprint(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	fingerprint := func(opts ...Option) string {
		r, err := New(opts...)
		if err != nil {
			t.Fatal(err)
		}
		return r.Fingerprint()
	}
	def := fingerprint()
	if !strings.HasPrefix(def, RulesVersion+"+") || fingerprint() != def {
		t.Errorf("default fingerprint %q: want %s+…, the same each time", def, RulesVersion)
	}
	body := write("body.txt", "[bodies]\nOFWAT | Water Services Regulation Authority\n")
	commented := write("commented.txt", "# water\n\n[bodies]\n# the regulator\nOFWAT | Water Services Regulation Authority\n")
	other := write("other.txt", "[bodies]\nOFGEM | Office of Gas and Electricity Markets\n")
	withBody := fingerprint(WithLexiconFile(body))
	if withBody == def {
		t.Errorf("a lexicon file left the fingerprint at %q", def)
	}
	if got := fingerprint(WithLexiconFile(commented)); got != withBody {
		t.Errorf("comments and blank lines changed the fingerprint: %q, want %q", got, withBody)
	}
	if got := fingerprint(WithLexiconFile(other)); got == withBody || got == def {
		t.Errorf("another entry gave fingerprint %q (%q with the first, %q without)", got, withBody, def)
	}
}

func TestExtractFacts(t *testing.T) {
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	type fact struct{ s, p, o string }
	tests := []struct {
		name, body string
		want       []fact
		not        []fact
	}{
		{
			name: "appositive role and quote after",
			body: `"We will not stand by," said Jane Roe, chief executive of the Riverside Housing Trust.`,
			want: []fact{
				{"person/jane-roe", "said", ""},
				{"person/jane-roe", "chief_executive_of", "org/riverside-housing-trust"},
				{"person/jane-roe", "role", "chief executive"},
			},
		},
		{
			name: "pre-modifier role with portfolio and pronoun cue",
			body: "Education secretary Tom Hale announced the plan. The Department for Education will publish it.\n\n\"Schools deserve better,\" he said.",
			want: []fact{
				{"person/tom-hale", "role", "education secretary"},
				{"person/tom-hale", "secretary_of", "org/department-for-education"},
				{"person/tom-hale", "said", ""},
			},
			not: []fact{{"person/tom-hale", "secretary_of", "org/education"}},
		},
		{
			name: "scare quotes are not quotations",
			body: `The council wants depots to form "hubs" across the county.`,
			not:  []fact{{"", "said", ""}},
		},
		{
			name: "acronym defined in the text",
			body: "The Water Services Forum (WSF) criticised the plan. The WSF said prices would rise.",
			want: []fact{{"org/water-services-forum", "alias", "WSF"}},
		},
		{
			name: "byline is not a person",
			body: "By Sarah Collins, Health Correspondent\n\nThe trust will close.",
			not:  []fact{{"person/sarah-collins", "type", ""}},
		},
		{
			name: "two people with one surname",
			body: `Anna Price, leader of Northtown Council, backed the merger. Her brother Mark Price, chair of the Northtown Residents Association, opposed it. "This is a mistake," Mark Price said. "It is wrong," Price added.`,
			want: []fact{{"person/mark-price", "said", ""}, {"person/anna-price", "leader_of", "org/northtown-council"}},
			not:  []fact{{"person/anna-price", "said", ""}},
		},
		{
			name: "relative clause roles",
			body: "Jane Roe, who is chief executive of the Water Forum, said prices would rise. Sen. Tom Hale, who chairs the Senate Banking Committee, said \"the bureau has gone too far.\"",
			want: []fact{
				{"person/jane-roe", "chief_executive_of", "org/water-forum"},
				{"person/tom-hale", "chair_of", "org/senate-banking-committee"},
				{"person/tom-hale", "said", ""},
			},
		},
		{
			name: "reported speech is not a quotation",
			body: "Jane Roe said the plan would fail.",
			want: []fact{{"person/jane-roe", "said", ""}},
			not:  []fact{{"", "type", "Quotation"}},
		},
		{
			name: "replacement",
			body: "Regional water boards will be abolished and replaced by the National Water Authority.",
			want: []fact{{"org/regional-water-board", "replaced_by", "org/national-water-authority"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			facts, err := ex.Extract(context.Background(), Article{ID: "t", Title: "Headline", Body: tc.body})
			if err != nil {
				t.Fatal(err)
			}
			has := func(f fact) bool {
				for _, x := range facts {
					if (f.s == "" || string(x.Subject) == f.s) && string(x.Predicate) == f.p &&
						(f.o == "" || strings.Trim(x.Object.String(), `<>"`) == f.o) {
						return true
					}
				}
				return false
			}
			for _, f := range tc.want {
				if !has(f) {
					t.Errorf("missing %v", f)
				}
			}
			for _, f := range tc.not {
				if has(f) {
					t.Errorf("unexpected %v", f)
				}
			}
			if t.Failed() {
				for _, q := range schema.Quads(facts) {
					t.Log(q)
				}
			}
		})
	}
}

// FuzzExtract checks the extractor never fails or panics on any text.
func FuzzExtract(f *testing.F) {
	f.Add("Health secretary Jane Roe said: \u201cIt [the board] will go.")
	f.Add("\"'\u2018\u2019\u201c\u201d,,, said said Mr. Dr (ABC) of and the")
	ex, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if _, err := ex.Extract(context.Background(), Article{ID: "f", Title: "T", Body: body}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestLexiconFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "extra.txt")
	if err := os.WriteFile(path, []byte("[bodies]\nQQA | Quango Quality Agency\n[topics]\nhousing: tenants, landlord\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ex, err := New(WithLexiconFile(path))
	if err != nil {
		t.Fatal(err)
	}
	facts, err := ex.Extract(context.Background(), Article{ID: "l", Title: "T", Body: `The QQA will be abolished, said Jo Lane. "Tenants and every landlord lose," Jo Lane said.`})
	if err != nil {
		t.Fatal(err)
	}
	var body, topic bool
	for _, f := range facts {
		body = body || f.Subject == "org/quango-quality-agency"
		topic = topic || f.Subject == "topic/housing"
	}
	if !body || !topic {
		t.Errorf("user lexicon not used: body %v topic %v", body, topic)
	}
	if err := os.WriteFile(path, []byte("[nonsense]\nx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(WithLexiconFile(path)); err == nil || !strings.Contains(err.Error(), "unknown section") {
		t.Errorf("bad lexicon file: got %v", err)
	}
}
