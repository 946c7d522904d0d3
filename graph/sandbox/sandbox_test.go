package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	"go.uber.org/goleak"

	"github.com/newsgraph/newsgraph/graph/sandbox/gizmo"
)

// people is a memstore of n people, each with a type, a name and a link
// to the next: enough nodes for a query that reads them all to be heavy.
func people(t testing.TB, n int) graph.QuadStore {
	t.Helper()
	qs := memstore.New()
	qw, err := graph.NewQuadWriter("single", qs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var qq []quad.Quad
	for i := range n {
		p := quad.IRI(fmt.Sprintf("person/p%d", i))
		qq = append(qq,
			quad.Quad{Subject: p, Predicate: quad.IRI("type"), Object: quad.IRI("Person")},
			quad.Quad{Subject: p, Predicate: quad.IRI("name"), Object: quad.String(fmt.Sprintf("Person %d", i))},
			quad.Quad{Subject: p, Predicate: quad.IRI("knows"), Object: quad.IRI(fmt.Sprintf("person/p%d", (i+1)%n))},
		)
	}
	if err := qw.AddQuadSet(qq); err != nil {
		t.Fatal(err)
	}
	return qs
}

var (
	storeOnce sync.Once
	store     graph.QuadStore
)

// shared is one people store for the tests that only read it.
func shared(t testing.TB) graph.QuadStore {
	storeOnce.Do(func() { store = people(t, 20000) })
	return store
}

// run runs q and waits for it to stop, failing the test if stopping takes
// longer than a generous bound.
func run(t *testing.T, r *Runner, qs graph.QuadStore, lang, q string) ([]any, error) {
	t.Helper()
	ans, err := r.Run(context.Background(), qs, lang, q)
	select {
	case <-ans.Stopped:
	case <-time.After(20 * time.Second):
		t.Fatalf("%.80s: still running 20 s after it answered", q)
	}
	return ans.Rows, err
}

// TestHostileGizmo runs the shapes of query that took servers down or kept
// them busy, each held to a limit: a timeout, the rows, a RangeError from a
// guard, or a LimitError.
func TestHostileGizmo(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	r := New(Limits{Timeout: 2 * time.Second, Rows: 50, Values: 1000, AnswerBytes: 1 << 20, Memory: 256 << 20})
	tests := []struct {
		name, q string
		rows    int   // the most rows the answer may have
		err     error // the limit named, when one is
		msg     string
		slow    bool // the timeout may come first (under -race)
	}{
		{"All", `g.V().All()`, 50, nil, "", false},
		{"GetLimit past the limit", `g.V().GetLimit(1e9)`, 50, nil, "", false},
		{"All in a loop", `for (var i = 0; i < 10; i++) g.V().All()`, 50, nil, "", false},
		{"Emit in a loop", `for (var i = 0; i < 1e4; i++) g.Emit(i)`, 50, nil, "", false},
		{"ForEach emitting", `g.V().ForEach(function(d) { g.Emit(d.id) })`, 50, nil, "", false},
		{"ToArray emitted", `g.Emit(g.V().ToArray().length)`, 1, nil, "", false},
		{"recursion", `function f(n){return f(n+1)+1};f(0)`, 0, ErrCallDepth, "call stack is deeper", false},
		{"recursion through a built-in", `function f(){ [1].forEach(f) } f()`, 0, ErrCallDepth, "", false},
		{"join of a huge array", `new Array(1.5e8).join("ab")`, 0, nil, "RangeError: array length 150000000", false},
		{"spread of a huge array", `[...new Array(1e8)].length`, 0, nil, "RangeError: array length", false},
		{"apply with a huge array", `Math.max.apply(null, new Array(1e8))`, 0, nil, "RangeError: argument count", false},
		{"repeat", `"ab".repeat(1e9)`, 0, nil, "RangeError: string length", false},
		{"padStart", `"ab".padStart(1e9)`, 0, nil, "RangeError: string length", false},
		{"replace with the rest", `"x".repeat(1e5).replace(/x/g, "$'")`, 0, nil, "RangeError: string length", false},
		{"stringify of shared arrays", `var a=[1]; for (var i=0;i<40;i++) a=[a,a]; JSON.stringify(a)`, 0, nil, "RangeError: JSON text length", true},
		{"emit a huge array", `g.Emit(new Array(4e9))`, 0, ErrTooLarge, "", false},
		{"typed arrays", `new Uint8Array(2e9)`, 0, nil, "ReferenceError: Uint8Array is not defined", false},
		{"eval of deep source", `eval("(".repeat(5000) + "1" + ")".repeat(5000))`, 0, nil, "SyntaxError: query nests brackets", false},
		{"Function of deep source", `Function("return " + "[".repeat(5000))`, 0, nil, "SyntaxError: query nests brackets", false},
		{"deep JSON", `JSON.parse("[".repeat(1e5) + "]".repeat(1e5))`, 0, nil, "RangeError: JSON nesting depth", false},
		{"a Go panic in the environment", `g.V().Out({})`, 0, nil, "unsupported type", false},
		{"endless loop", `while (true) {}`, 0, context.DeadlineExceeded, "", false},
		{"growing heap", `var a = []; while (true) a.push({x: "0123456789abcdef"})`, 0, nil, "", false},
		{"answer too large", `for (;;) g.Emit("x".repeat(1e5))`, 0, ErrAnswerTooLarge, "", false},
		{"deep source", strings.Repeat("(", 500) + "1" + strings.Repeat(")", 500), 0, ErrTooLarge, "nests brackets 500 deep", false},
		{"too long", `g.V("` + strings.Repeat("x", 70_000) + `").All()`, 0, ErrQueryTooLarge, "over this server's limit of 65536", false},
	}
	qs := shared(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			rows, err := run(t, r, qs, "gizmo", tt.q)
			if took := time.Since(start); took > 15*time.Second {
				t.Errorf("took %v", took)
			}
			if len(rows) > tt.rows {
				t.Errorf("%d rows, want at most %d", len(rows), tt.rows)
			}
			wantErr := tt.err != nil || tt.msg != ""
			if tt.name == "growing heap" {
				wantErr = true // the memory budget or the timeout, whichever comes first
			}
			switch {
			case tt.slow && errors.Is(err, context.DeadlineExceeded):
			case !wantErr && err != nil:
				t.Errorf("error %v", err)
			case wantErr && err == nil:
				t.Errorf("no error; rows %.200v", rows)
			case tt.err != nil && !errors.Is(err, tt.err):
				t.Errorf("error %v, want %v", err, tt.err)
			case tt.msg != "" && !strings.Contains(err.Error(), tt.msg):
				t.Errorf("error %q, want %q in it", err, tt.msg)
			}
		})
	}
}

// The guards change no answer a query within the limits gets.
func TestGuardsKeepAnswers(t *testing.T) {
	r := New(Limits{Timeout: 5 * time.Second, Rows: 100})
	q := `g.Emit([
	  [1, 2, 3].join("-"), [1, [2, 3]].toString(), [null, undefined, 1].join(), [1.5, "a"].toLocaleString(),
	  "abc".replace(/b/g, "$&$&"), "a-b-c".split("-"), "ab".padStart(5, "x"), "x".repeat(3), "abc".replaceAll("b", "$'"),
	  [1, [2, [3, [4]]]].flat(9), [1, [2, [3]]].flat(), [1, 2].flatMap(function (x) { return [x, x * 10]; }),
	  [1, 2].concat([3], 4), Array.from({length: 2}).length, Array.from("ab"), [..."abc"], [...[1, 2]],
	  Math.max.apply(null, [1, 5, 2]), Reflect.apply(Math.min, null, [4, 3]), [3, 1, 2].sort(), new Set([1, 2, 2]).size,
	  JSON.stringify({a: [1, "x", null, true], d: new Date(0), n: new Number(2)}), JSON.stringify([1, {b: 2}], null, 2),
	  JSON.stringify({a: 1, b: 2}, function (k, v) { return k === "b" ? undefined : v; }), JSON.parse("[[1], {\"a\": 2}]"),
	  Object.keys("abc"), Object.assign({}, "ab"), String.raw({raw: ["x", "y"]}, 1),
	  Function("a", "b", "return a + b")(2, 3), eval("1 + 1"), (function () {}).constructor === Function,
	  typeof Uint8Array, typeof ArrayBuffer, [1, 2, 3].indexOf(2), [1, 2, 3].includes(4)
	])`
	rows, err := run(t, r, shared(t), "gizmo", q)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(rows)
	want := `[["1-2-3","1,2,3",",,1","1.5,a","abbc",["a","b","c"],"xxxab","xxx","acc",` +
		`[1,2,3,4],[1,2,[3]],[1,10,2,20],[1,2,3,4],2,["a","b"],["a","b","c"],[1,2],` +
		`5,3,[1,2,3],2,` +
		`"{\"a\":[1,\"x\",null,true],\"d\":\"1970-01-01T00:00:00.000Z\",\"n\":2}","[\n  1,\n  {\n    \"b\": 2\n  }\n]",` +
		`"{\"a\":1}",[[1],{"a":2}],` +
		`["0","1","2"],{"0":"a","1":"b"},"x1y",` +
		`5,2,true,` +
		`"undefined","undefined",1,false]]`
	if string(got) != want {
		t.Errorf("answers differ:\n got %s\nwant %s", got, want)
	}
}

func TestRowLimits(t *testing.T) {
	r := New(Limits{Timeout: 5 * time.Second, Rows: 30, Values: 200})
	for _, tt := range []struct {
		name, q string
		want    string // the answer as JSON
	}{
		{"GetLimit lowers", `g.V().Has("<type>", "<Person>").GetLimit(3); g.Emit("x")`, ""},
		{"ToArray held to Values", `g.Emit(g.V().ToArray().length, g.V().ToArray(5).length)`, `[200]`},
		{"ToArray with a count under Values", `g.Emit(g.V().ToArray(5).length)`, `[5]`},
		{"TagArray held to Values", `g.Emit(g.V().Tag("x").TagArray(1e9).length)`, `[200]`},
		{"ForEach held to Values", `var n = 0; g.V().ForEach(function () { n++ }); g.Emit(n)`, `[200]`},
		{"ForEach with a count", `var n = 0; g.V().ForEach(7, function () { n++ }); g.Emit(n)`, `[7]`},
		{"Map held to Values", `var n = 0; g.V().Map(function () { n++ }); g.Emit(n)`, `[200]`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := run(t, r, shared(t), "gizmo", tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if len(rows) != 3 { // g.Emit is held to the GetLimit, as in Cayley
					t.Errorf("%d rows: %v", len(rows), rows)
				}
				return
			}
			if got, _ := json.Marshal(rows); string(got) != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestGraphQLHeldToRows(t *testing.T) {
	r := New(Limits{Timeout: 5 * time.Second, Rows: 7})
	for _, tt := range []struct {
		name, q string
		count   func(map[string]any) int
		want    int
	}{
		{"no first", `{ nodes { id } }`, top, 7},
		{"first over", `{ nodes(first: 1000000) { id } }`, top, 7},
		{"first negative", `{ nodes(first: -1) { id } }`, top, 7},
		{"first under", `{ nodes(first: 3) { id } }`, top, 3},
		{"with arguments", `{ nodes(<type>: <Person>) { id name: <name> } }`, top, 7},
		{"nested", `{ nodes(id: <person/p1>) { id knows: <knows> { id knows: <knows> { id } } } }`, top, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := run(t, r, shared(t), "graphql", tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.count(rows[0].(map[string]any)); got != tt.want {
				t.Errorf("%d nodes, want %d: %.300v", got, tt.want, rows)
			}
		})
	}
}

func top(data map[string]any) int {
	switch v := data["nodes"].(type) {
	case []map[string]any:
		return len(v)
	case []any:
		return len(v)
	case map[string]any:
		return 1
	}
	return 0
}

func TestLimitFirst(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`{ nodes { id } }`, `{ nodes(first: 5) { id } }`},
		{`{ nodes(id: "<a>") { id } }`, `{ nodes(id: "<a>", first: 5) { id } }`},
		{`{ nodes(first: 10) { id } }`, `{ nodes(first: 5) { id } }`},
		{`{ nodes(first: 2) { id } }`, `{ nodes(first: 2) { id } }`},
		{`{ n: nodes { id name: <name> f: <follows> @rev { id } } }`, `{ n: nodes(first: 5) { id name: <name> f: <follows>(first: 5) @rev { id } } }`},
		{`query { nodes(<status>: "cool", first: -1) { id } }`, `query { nodes(<status>: "cool", first: 5) { id } }`},
	} {
		got, err := limitFirst(tt.in, 5)
		if err != nil || got != tt.want {
			t.Errorf("limitFirst(%s) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestMQLHeldToRows(t *testing.T) {
	r := New(Limits{Timeout: 5 * time.Second, Rows: 9})
	rows, err := run(t, r, shared(t), "mql", `[{"id": null, "<type>": "<Person>"}]`)
	if err != nil || len(rows) != 9 {
		t.Errorf("%d rows, %v", len(rows), err)
	}
	if _, err := run(t, r, shared(t), "mql", strings.Repeat("[", 300)+strings.Repeat("]", 300)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("deep MQL: %v", err)
	}
}

// TestMemoryBudget: a query that grows the heap is stopped near the
// budget, and the heap it held is given back.
func TestMemoryBudget(t *testing.T) {
	const budget = 64 << 20
	r := New(Limits{Timeout: 30 * time.Second, Memory: budget})
	peak := watchHeap(t)
	_, err := run(t, r, shared(t), "gizmo", `var a = []; while (true) a.push({x: "0123456789abcdef" + a.length})`)
	if !errors.Is(err, ErrMemory) {
		t.Fatalf("error %v, want the memory budget", err)
	}
	if !strings.Contains(err.Error(), "memory budget of 64 MiB") {
		t.Errorf("message: %v", err)
	}
	// Generous: the budget, what the collector lets grow before it runs,
	// and the sampling interval.
	if grew := peak(); grew > 8*budget {
		t.Errorf("heap grew %d MiB with a budget of %d MiB", grew>>20, budget>>20)
	}
}

// watchHeap samples the heap until the returned function is called, which
// returns how far it grew above where it started.
func watchHeap(t *testing.T) func() uint64 {
	base := heapObjects()
	var peak uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			peak = max(peak, heapObjects())
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		if peak < base {
			return 0
		}
		return peak - base
	}
}

func TestCheckSource(t *testing.T) {
	for _, tt := range []struct {
		src string
		ok  bool
	}{
		{`g.V("((((((").All()`, true}, // brackets in strings do not count
		{`// ((((((((((` + "\n" + `g.V().All()`, true},
		{strings.Repeat("[", 256) + strings.Repeat("]", 256), true},
		{strings.Repeat("[", 257) + strings.Repeat("]", 257), false},
		{strings.Repeat("x=>", 1001) + "1", false},
		{`/* ` + strings.Repeat("{", 1000) + ` */ 1`, true},
	} {
		if err := gizmo.CheckSource(tt.src, gizmo.Limits{}); (err == nil) != tt.ok {
			t.Errorf("CheckSource(%.40s…) = %v", tt.src, err)
		}
	}
}
