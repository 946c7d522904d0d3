package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph/canned"
)

// The stock Cayley binary the compatibility test compares against, built by
// .ci/setup.d/41-cayley.sh.
const cayleyRef = "cayley-ref"

// startCayley runs `cayley http` on memstore holding file, on a free
// loopback port, until the test ends.
func startCayley(t *testing.T, file string) string {
	t.Helper()
	bin, err := exec.LookPath(cayleyRef)
	if err != nil {
		if os.Getenv("NEWSGRAPH_CI") == "1" {
			t.Fatalf("%s not installed (see .ci/setup.d/41-cayley.sh): %v", cayleyRef, err)
		}
		t.Skipf("%s not installed; .ci/setup.d/41-cayley.sh builds it", cayleyRef)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "http", "-d", "memstore", "-i", file, "--host", addr, "--logtostderr=false")
	var logs bytes.Buffer // read only once the process has exited
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
	})
	base := "http://" + addr
	for i := 0; ; i++ {
		resp, err := http.Get(base + "/api/v2/formats")
		if err == nil {
			resp.Body.Close()
			return base
		}
		select {
		case err := <-exited:
			exited <- err // for the cleanup
			t.Fatalf("cayley http exited: %v\n%s", err, logs.String())
		default:
		}
		if i == 300 {
			t.Fatalf("cayley http did not start on %s: %v", addr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// compatQueries are Gizmo queries over testdata/fixture.nq, each answering
// fewer than 100 results (Cayley's v2 route stops at 100) or bounded by
// GetLimit or Limit.
var compatQueries = []struct {
	name, query string
	countOnly   bool // the answer depends on backend order: compare its size
}{
	{"Out", `g.V("<person/maria-okafor>").Out("<name>").All()`, false},
	{"Out many predicates", `g.V("<person/maria-okafor>").Out(["<name>", "<role>", "<alias>"]).All()`, false},
	{"In", `g.V("<topic/integration>").In("<about>").In("<said>").Out("<name>").All()`, false},
	{"Both", `g.V("<org/regional-water-boards>").Both().All()`, false},
	{"Out with tags", `g.V("<org/national-water-agency>").In(null, "pred").All()`, false},
	{"Has", `g.V().Has("<type>", "<Person>").All()`, false},
	{"Has twice", `g.V().Has("<type>", "<Person>").Has("<role>", "environment minister").All()`, false},
	{"Tag and Back", `g.V().Has("<type>", "<Quotation>").Tag("quote").Out("<text>").Tag("text").Back("quote").In("<said>").Tag("speaker").All()`, false},
	{"Back", `g.V("<topic/integration>").Tag("t").In("<about>").Back("t").All()`, false},
	{"Follow", `var saidAbout = g.M().Out("<said>").Out("<about>"); g.V("<person/maria-okafor>").Follow(saidAbout).All()`, false},
	{"FollowR", `var saidAbout = g.M().Out("<said>").Out("<about>"); g.V("<topic/integration>").FollowR(saidAbout).All()`, false},
	{"Labels", `g.V("<quote/a1/0001>").Labels().All()`, false},
	{"LabelContext", `g.V("<person/maria-okafor>").LabelContext("<article/b2#s2>").Out().All()`, false},
	{"Intersect", `g.V("<topic/integration>").In("<about>").In("<said>").Intersect(g.V("<Person>").In("<type>")).All()`, false},
	{"Union", `g.V("<person/tom-hale>").Out("<said>").Union(g.V("<person/samuel-reyes>").Out("<said>")).All()`, false},
	{"Except", `g.V("<Person>").In("<type>").Except(g.V("<topic/water-quality>").In("<about>").In("<said>")).All()`, false},
	{"Unique", `g.V("<topic/integration>").In("<about>").In("<said>").Unique().All()`, false},
	{"Is", `g.V("<Person>").In("<type>").Is("<person/tom-hale>").Out("<name>").All()`, false},
	{"Save", `g.V().Has("<type>", "<Person>").Save("<name>", "name").All()`, false},
	{"Filter regex", `g.V("<Person>").In("<type>").Out("<name>").Filter(regex("^S")).All()`, false},
	{"OutPredicates", `g.V("<person/tom-hale>").OutPredicates().All()`, false},
	{"Count", `g.Emit(g.V().Has("<type>", "<Organization>").Count())`, false},
	{"Limit", `g.Emit(g.V().Has("<type>", "<Person>").Limit(2).Count())`, false},
	{"Skip", `g.Emit(g.V().Has("<type>", "<Person>").Skip(1).Count())`, false},
	{"GetLimit", `g.V().Has("<type>", "<Sentence>").GetLimit(2)`, true},
	{"GetLimit over all", `g.V().Has("<type>", "<Sentence>").GetLimit(50)`, false},
	{"ToArray", `g.Emit(g.V("<person/tom-hale>").Out("<role>").ToArray())`, false},
	{"ToValue", `g.Emit(g.V("<article/b2>").Out("<headline>").ToValue())`, false},
	{"TagArray", `g.Emit(g.V("<topic/integration>").In("<about>").Tag("q").In("<said>").Tag("who").TagArray())`, false},
	{"ForEach", `g.V("<Quotation>").In("<type>").ForEach(function(d) { g.Emit({q: d.id, t: g.V(d.id).Out("<text>").ToValue()}) })`, false},
	{"Map", `g.V("<Topic>").In("<type>").Map(function(d) { g.Emit(d.id) })`, false},
	{"All over 100", `g.V().All()`, true},
	{"syntax error", `g.V(`, false},
	{"runtime error", `g.V().Nope()`, false},
}

func TestCayleyCompatibility(t *testing.T) {
	ref := startCayley(t, fixture)
	ours := startServer(t)

	queries := compatQueries
	for _, q := range canned.Questions() {
		for _, arg := range []string{q.Example, "integration", "Maria Okafor", "regional water boards"} {
			queries = append(queries, struct {
				name, query string
				countOnly   bool
			}{"canned " + q.Name + " " + arg, q.Gizmo(arg), false})
		}
	}
	for _, q := range queries {
		t.Run(q.name, func(t *testing.T) {
			refCode, refRows := compatQuery(t, ref, q.query)
			code, rows := compatQuery(t, ours, q.query)
			if !sameStatus(code, refCode, rows) {
				t.Fatalf("status %d, cayley %d", code, refCode)
			}
			if len(rows) == 0 && !strings.HasPrefix(q.name, "canned") {
				t.Errorf("no answer to compare")
			}
			if q.countOnly {
				if len(rows) != len(refRows) {
					t.Errorf("%d results, cayley %d", len(rows), len(refRows))
				}
				return
			}
			if strings.Join(rows, "\n") != strings.Join(refRows, "\n") {
				t.Errorf("answers differ:\n ours   %v\n cayley %v", rows, refRows)
			}
		})
	}
	if len(compatQueries) < 15 {
		t.Errorf("only %d queries", len(compatQueries))
	}

	for _, path := range []string{
		"/api/v2/formats",
		"/api/v2/read?format=nquads",
		"/api/v2/read?format=jsonld",
		"/api/v2/read?format=nquads&sub=<person/maria-okafor>",
		"/api/v2/read?format=nquads&pred=<said>&label=<article/b2#s2>",
		"/api/v2/read?format=nope",
		"/api/v2/query",
		"/api/v2/query?lang=nope",
		"/api/v2/write",
	} {
		t.Run(path, func(t *testing.T) {
			refCode, refBody := compatGet(t, ref+path)
			code, body := compatGet(t, ours+path)
			if !sameStatus(code, refCode, []string{body}) || body != refBody {
				t.Errorf("ours %d:\n%.500s\ncayley %d:\n%.500s", code, body, refCode, refBody)
			}
		})
	}
}

// sameStatus: the statuses agree. Stock `cayley http` wraps Cayley's
// handler in a request logger whose WriteHeader records the status and never
// sends it (cayley internal/http.statusWriter), so it answers every error
// with 200 and the error JSON. newsgraph sends the status Cayley's handler
// sets; the error JSON, which clients of `cayley http` read, is the same.
func sameStatus(ours, ref int, answer []string) bool {
	if ours == ref {
		return true
	}
	isError := len(answer) == 1 && (strings.HasPrefix(answer[0], "error: ") || strings.HasPrefix(answer[0], `{"error": `))
	return ref == http.StatusOK && ours >= 400 && isError
}

// examples is the N-Quads export of examples/articles, as the extractor
// read them when it was taken: real text, dozens of people and quotations.
// Regenerate with `newsgraph extract examples/articles -o graph/server/testdata/examples.nq`.
const examples = "testdata/examples.nq"

// Over the examples, every query answers one sorted array, so the answer is
// one result whatever the graph's size.
func TestCayleyCompatibilityExamples(t *testing.T) {
	ref := startCayley(t, examples)
	_, ours, stop := startServerOn(t, fileHandle(t, examples))
	defer stop()

	var queries []string
	for _, typ := range []string{"Person", "Organization", "Quotation", "Topic", "Reform", "Article"} {
		queries = append(queries, fmt.Sprintf(`g.Emit(g.V().Has("<type>", "<%s>").Count())`, typ))
	}
	for _, typ := range []string{"Person", "Organization", "Topic", "Reform"} {
		queries = append(queries, fmt.Sprintf(`g.Emit(g.V("<%s>").In("<type>").Out("<name>").ToArray().sort())`, typ))
	}
	queries = append(queries,
		`g.Emit(g.V().Has("<type>", "<Quotation>").Tag("q").In("<said>").Out("<name>").Tag("n").Back("q").Out("<text>").Tag("t").TagArray().map(function(r) { return r.n + ": " + r.t }).sort())`,
		`g.Emit(g.V("<Person>").In("<type>").Tag("p").Out("<role>").Tag("r").TagArray().map(function(r) { return r.p + " " + r.r }).sort())`,
		`g.Emit(g.V("<Reform>").In("<type>").Out("<affects>").Out("<name>").ToArray().sort())`,
		`g.Emit(g.V().Labels().ToArray().length)`,
		`g.Emit(g.V("<Article>").In("<type>").Out("<headline>").ToArray().sort())`,
	)
	args := map[string][]string{
		"who-said": {"integration", "social care", "public health"},
		"roles":    {"Paul Burstow", "Andrew Cozens", "burstow"},
		"reforms":  {"primary care trust", "PCTs", "GP consortium"},
	}
	for _, q := range canned.Questions() {
		for _, arg := range args[q.Name] {
			queries = append(queries, q.Gizmo(arg)) // fewer than 100 rows each here
		}
	}
	answered := 0
	for i, q := range queries {
		refCode, refRows := compatQuery(t, ref, q)
		code, rows := compatQuery(t, ours, q)
		if len(rows) > 0 && rows[0] != "null" && rows[0] != "[]" {
			answered++
		} else {
			t.Logf("no answer: %.150s", q[max(0, len(q)-150):])
		}
		if !sameStatus(code, refCode, rows) || strings.Join(rows, "\n") != strings.Join(refRows, "\n") {
			t.Errorf("query %d answers differ: %.200s\n ours   %d %.300v\n cayley %d %.300v", i, q, code, rows, refCode, refRows)
		}
	}
	// Most questions have answers in the examples: equal empty answers
	// would prove little.
	if answered < len(queries) {
		t.Errorf("only %d of %d queries answered anything", answered, len(queries))
	}
	t.Logf("%d queries, %d with answers", len(queries), answered)
}

// bytecodeOffset is the "(6)" after a line and column in a JavaScript error
// ("at <eval>:1:11(6)"): goja's bytecode offset, which differs between the
// goja stock Cayley was built with and the newer one newsgraph runs for
// its call-stack limit. The line and column are compared.
var bytecodeOffset = regexp.MustCompile(`(:\d+:\d+)\(\d+\)`)

// compatQuery runs a Gizmo query and returns the status and the answer as
// a sorted set of canonical JSON rows (or the error).
func compatQuery(t *testing.T, base, q string) (int, []string) {
	t.Helper()
	code, body := post(t, http.DefaultClient, base+"/api/v2/query?lang=gizmo", "", q)
	var out struct {
		Result []any  `json:"result"`
		Error  string `json:"error"`
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatalf("%s: %v in %s", base, err, body)
	}
	if out.Error != "" {
		return code, []string{"error: " + bytecodeOffset.ReplaceAllString(out.Error, "$1")}
	}
	return code, canonicalSet(out.Result)
}

func canonicalSet(rows []any) []string {
	set := map[string]bool{}
	for _, r := range rows {
		b, _ := json.Marshal(r) // maps marshal with sorted keys
		set[string(b)] = true
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// compatGet fetches path and returns its status and body, with lines and
// JSON arrays sorted where the order is the backend's.
func compatGet(t *testing.T, url string) (int, string) {
	t.Helper()
	code, body := get(t, url)
	var arr []any
	if strings.HasPrefix(body, "[") && json.Unmarshal([]byte(body), &arr) == nil {
		return code, strings.Join(canonicalSet(arr), "\n")
	}
	lines := strings.Split(body, "\n")
	sort.Strings(lines)
	return code, fmt.Sprint(strings.Join(lines, "\n"))
}
