package gizmo

// This file is newsgraph's: the built-in functions a program could use to
// run for long, or allocate much, where goja cannot interrupt it.

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/dlclark/regexp2/v2"
	"github.com/dop251/goja"
)

// goja interrupts a program between instructions, never inside a built-in
// function: `new Array(1.5e8).join("ab")` is one call that loops 150 million
// times and builds a 300 MB string, and ran on for 40 s after its query had
// answered. Making an array of any length costs nothing (its length is a
// number), so the guards sit where a length is walked: before each built-in
// that walks one, a check, in JavaScript, that the length is within
// Limits.ArrayLength and that what the call will make is within
// Limits.StringLength. A check that must walk values (join, JSON.stringify)
// walks them in JavaScript, where the walk can be interrupted.
//
// The guards, installed by a prelude run before the query (it defines
// nothing the query can see or undo: the originals stay in its closure):
//
//   - Array.prototype: every method and the iterator (so spread, for-of,
//     destructuring, new Set(a) and Array.from(a) too) refuses an array
//     longer than ArrayLength; join and toString are done in JavaScript up
//     to StringLength; concat and flat count what they will make.
//   - Array.from and Object.keys/values/entries/assign of an array-like or
//     a string, Function.prototype.apply, Reflect.apply and
//     Reflect.construct: ArrayLength.
//   - String.prototype: repeat, padStart, padEnd, replace, replaceAll
//     (their result) and the string iterator, split, String.raw.
//   - JSON.stringify (the text it would make, with toJSON and a replacer)
//     and JSON.parse (its text, and how deep it nests: goja's parser
//     recurses).
//   - eval and the Function, GeneratorFunction and AsyncFunction
//     constructors: their source, as CheckSource (they compile).
//   - ArrayBuffer, SharedArrayBuffer, DataView, Atomics and the typed
//     arrays are removed: `new Uint8Array(n)` allocates n bytes at once, and
//     a Gizmo query has no use for them.
//
// Regular expressions: goja matches most on Go's regexp, which takes linear
// time, and the rest (back-references, look-around, and any match that
// starts past the beginning of a string: a global regexp's second exec) on
// regexp2, which backtracks and can take exponential time. regexp2's only
// stop is a match timeout, a package default that init sets to
// RegexpTimeout; a match that reaches it counts as no match.
//
// What no guard covers, because it happens inside one instruction rather
// than a built-in: spreading a string into an object ({...s}) makes one
// property per character. A string that long can only be built by
// concatenation, which the memory budget (package sandbox) stops.
const guardPrelude = `(function (L, host) {
"use strict";
var G = globalThis;
var apply = Reflect.apply, construct = Reflect.construct;
var defineProperty = Object.defineProperty, getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
var getPrototypeOf = Object.getPrototypeOf, objectKeys = Object.keys, isArray = Array.isArray, floor = Math.floor;
var RangeErr = RangeError, SyntaxErr = SyntaxError;
var StringCtor = String, NumberCtor = Number, BooleanCtor = Boolean;
var join = Array.prototype.join;

function len(o) {
  if (o === null || o === undefined) { return 0; }
  var n = +o.length;
  return n > 0 ? floor(n) : 0;
}
function refuse(what, n, limit) {
  throw new RangeErr(what + " " + n + " is over this server's query limit of " + limit);
}
function arrayLen(o) {
  var n = len(o);
  if (n > L.arrayLength) { refuse("array length", n, L.arrayLength); }
  return n;
}
// replace obj[key] by impl(original); the property keeps its attributes,
// the function its name and length.
function replace(obj, key, impl) {
  var d = getOwnPropertyDescriptor(obj, key);
  var orig = d.value, f = impl(orig);
  defineProperty(f, "name", { value: orig.name });
  defineProperty(f, "length", { value: orig.length });
  d.value = f;
  defineProperty(obj, key, d);
}

// join and toLocaleString, element by element, so the walk can be
// interrupted and its result is measured as it grows.
function joinParts(self, sep, element) {
  var n = arrayLen(self);
  var s = sep === undefined ? "," : StringCtor(sep);
  var parts = [], total = 0;
  for (var i = 0; i < n; i++) {
    var e = self[i];
    var t = e === undefined || e === null ? "" : element(e);
    total += t.length + (i > 0 ? s.length : 0);
    if (total > L.stringLength) { refuse("string length", total, L.stringLength); }
    parts[i] = t;
  }
  return apply(join, parts, [s]);
}
var AP = Array.prototype;
replace(AP, "join", function () {
  return function (sep) { return joinParts(this, sep, StringCtor); };
});
replace(AP, "toLocaleString", function () {
  return function () { return joinParts(this, ",", function (e) { return StringCtor(e.toLocaleString()); }); };
});
// flat and flatMap count what they will make: arrays can hold one array
// many times.
function flatCount(a, depth, budget) {
  var n = len(a), c = 0;
  for (var i = 0; i < n; i++) {
    var e = a[i];
    c += depth >= 1 && isArray(e) ? flatCount(e, depth - 1, budget - c) : 1;
    if (c > budget) { refuse("array length", c, budget); }
  }
  return c;
}
replace(AP, "flat", function (orig) {
  return function (d) {
    var depth = d === undefined ? 1 : +d;
    flatCount(this, depth !== depth ? 0 : depth, L.arrayLength);
    return apply(orig, this, arguments);
  };
});
replace(AP, "flatMap", function () {
  var map = AP.map, flat = AP.flat;
  return function () { return apply(flat, apply(map, this, arguments), [1]); };
});

// JSON.stringify: the text it would make, walked as it would walk it (with
// toJSON and a replacer), since an array holding one array twice, thirty
// levels deep, is a billion values.
replace(JSON, "stringify", function (orig) {
  return function (value, replacerArg, space) {
    var replacer = typeof replacerArg === "function" ? replacerArg : null;
    var gap = 0;
    if (typeof space === "number") { gap = space > 10 ? 10 : space > 0 ? floor(space) : 0; }
    if (typeof space === "string") { gap = space.length > 10 ? 10 : space.length; }
    var used = 0, depth = 0;
    var add = function (n) {
      used += n;
      if (used > L.stringLength) { refuse("JSON text length", used, L.stringLength); }
    };
    // walk: as SerializeJSONProperty, counting instead of writing. key is
    // made a string only for toJSON and the replacer, which see it.
    var walk = function (holder, key, v) {
      if (typeof v === "object" && v !== null && typeof v.toJSON === "function") {
        v = apply(v.toJSON, v, [StringCtor(key)]);
      }
      if (replacer) { v = apply(replacer, holder, [StringCtor(key), v]); }
      var t = typeof v;
      if (t === "string") { add(v.length * 2 + 2); return; }
      if (t === "number" || t === "boolean") { add(24); return; }
      if (t !== "object") { return; }
      if (v === null) { add(4); return; }
      if (v instanceof NumberCtor || v instanceof BooleanCtor) { add(24); return; }
      if (v instanceof StringCtor) { add(StringCtor(v).length * 2 + 2); return; }
      if (++depth > L.jsonDepth) { refuse("JSON nesting depth", depth, L.jsonDepth); }
      if (isArray(v)) {
        var n = arrayLen(v);
        add(2 + n * (1 + gap * depth));
        for (var i = 0; i < n; i++) { walk(v, i, v[i]); }
      } else {
        var ks = objectKeys(v);
        add(2 + ks.length);
        for (var j = 0; j < ks.length; j++) {
          add(ks[j].length * 2 + 3 + gap * depth);
          walk(v, ks[j], v[ks[j]]);
        }
      }
      depth--;
    };
    walk({ "": value }, "", value);
    return apply(orig, this, arguments);
  };
});

// Code made at run time compiles like the query.
function checkSource(src) {
  var err = host.source(src);
  if (err) { throw new SyntaxErr(err); }
}
replace(G, "eval", function (orig) {
  return function (x) {
    if (typeof x === "string") { checkSource(x); }
    return apply(orig, undefined, [x]);
  };
});
function guardConstructor(F) {
  var W = function () {
    var src = "";
    for (var i = 0; i < arguments.length; i++) { src += StringCtor(arguments[i]) + "\n"; }
    checkSource(src);
    return construct(F, arguments);
  };
  defineProperty(W, "prototype", { value: F.prototype });
  defineProperty(W, "name", { value: F.name });
  defineProperty(W, "length", { value: F.length });
  var d = getOwnPropertyDescriptor(F.prototype, "constructor");
  d.value = W;
  defineProperty(F.prototype, "constructor", d);
  return W;
}
var ctors = [getPrototypeOf(function* () {}).constructor, getPrototypeOf(async function () {}).constructor];
try { ctors.push(getPrototypeOf(new Function("return async function* () {}")()).constructor); } catch (e) {}
for (var c = 0; c < ctors.length; c++) { guardConstructor(ctors[c]); }
defineProperty(G, "Function", { value: guardConstructor(Function), writable: true, configurable: true, enumerable: false });

// Binary data.
var binary = ["ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "Int8Array", "Uint8Array",
  "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float16Array",
  "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"];
for (var b = 0; b < binary.length; b++) { delete G[binary[b]]; }
})`

// RegexpTimeout is how long one regular-expression match may backtrack on
// regexp2 (see guardPrelude) before it counts as no match.
const RegexpTimeout = time.Second

func init() {
	// The only stop regexp2 has is this package default, read as each
	// pattern compiles; goja offers none of its own.
	regexp2.DefaultMatchTimeout = RegexpTimeout
}

// preludeProgram is guardPrelude compiled once: a goja Program can be run
// by any number of runtimes.
var preludeProgram = goja.MustCompile("newsgraph-guards.js", guardPrelude, true)

// installGuards installs the guards on vm: the length checks (Go, since
// they run on every call of the commonest built-ins), then the prelude.
func installGuards(vm *goja.Runtime, lim Limits) error {
	g := &guards{vm: vm, lim: lim}
	if err := g.install(); err != nil {
		return fmt.Errorf("guards: %w", err)
	}
	v, err := vm.RunProgram(preludeProgram)
	if err != nil {
		return fmt.Errorf("guards: %w", err)
	}
	install, ok := goja.AssertFunction(v)
	if !ok {
		return fmt.Errorf("guards: prelude is not a function")
	}
	limits := map[string]any{
		"arrayLength":  lim.ArrayLength,
		"stringLength": lim.StringLength,
		"jsonDepth":    maxExportDepth,
	}
	host := map[string]any{
		"source": func(src string) any {
			if err := CheckSource(src, lim); err != nil {
				return err.Error()
			}
			return nil
		},
	}
	if _, err := install(goja.Undefined(), vm.ToValue(limits), vm.ToValue(host)); err != nil {
		return fmt.Errorf("guards: %w", err)
	}
	return nil
}

// guards are the length checks done in Go.
type guards struct {
	vm         *goja.Runtime
	lim        Limits
	rangeError goja.Value // the RangeError constructor, before the program can replace it
}

func (g *guards) install() error {
	vm := g.vm
	g.rangeError = vm.Get("RangeError")
	object := func(path ...string) (*goja.Object, error) {
		v := vm.GlobalObject()
		for _, p := range path {
			next, ok := v.Get(p).(*goja.Object)
			if !ok {
				return nil, fmt.Errorf("no %s", strings.Join(path, "."))
			}
			v = next
		}
		return v, nil
	}
	type guard struct {
		path  []string
		keys  []string // nil: every function but the constructor
		sym   *goja.Symbol
		check func(goja.FunctionCall)
	}
	thisArray := func(c goja.FunctionCall) { g.arrayLength(c.This, "array length") }
	thisString := func(c goja.FunctionCall) { g.arrayLength(c.This, "string length") }
	for _, gd := range []guard{
		{path: []string{"Array", "prototype"}, check: thisArray},
		{path: []string{"Array", "prototype"}, sym: goja.SymIterator, check: thisArray},
		{path: []string{"Array", "prototype"}, keys: []string{"concat"}, check: g.concat},
		{path: []string{"Array"}, keys: []string{"from"}, check: g.from},
		{path: []string{"Object"}, keys: []string{"keys", "values", "entries", "assign", "getOwnPropertyNames", "getOwnPropertyDescriptors"}, check: g.stringArgs},
		{path: []string{"Reflect"}, keys: []string{"ownKeys"}, check: g.stringArgs},
		{path: []string{"Function", "prototype"}, keys: []string{"apply"}, check: func(c goja.FunctionCall) { g.arrayLength(c.Argument(1), "argument count") }},
		{path: []string{"Reflect"}, keys: []string{"apply"}, check: func(c goja.FunctionCall) { g.arrayLength(c.Argument(2), "argument count") }},
		{path: []string{"Reflect"}, keys: []string{"construct"}, check: func(c goja.FunctionCall) { g.arrayLength(c.Argument(1), "argument count") }},
		{path: []string{"String", "prototype"}, sym: goja.SymIterator, check: thisString},
		{path: []string{"String", "prototype"}, keys: []string{"repeat"}, check: g.repeat},
		{path: []string{"String", "prototype"}, keys: []string{"padStart", "padEnd"}, check: g.pad},
		{path: []string{"String", "prototype"}, keys: []string{"replace"}, check: g.replace(false)},
		{path: []string{"String", "prototype"}, keys: []string{"replaceAll"}, check: g.replace(true)},
		{path: []string{"String", "prototype"}, keys: []string{"split"}, check: g.split},
		{path: []string{"String"}, keys: []string{"raw"}, check: g.raw},
		{path: []string{"JSON"}, keys: []string{"parse"}, check: g.jsonParse},
	} {
		obj, err := object(gd.path...)
		if err != nil {
			return err
		}
		if gd.sym != nil {
			if err := g.wrapSymbol(obj, gd.sym, gd.check); err != nil {
				return err
			}
			continue
		}
		keys := gd.keys
		if keys == nil {
			for _, k := range obj.GetOwnPropertyNames() {
				if _, ok := obj.Get(k).Export().(func(goja.FunctionCall) goja.Value); ok && k != "constructor" {
					keys = append(keys, k)
				}
			}
		}
		for _, k := range keys {
			if err := g.wrap(obj, k, gd.check); err != nil {
				return err
			}
		}
	}
	return nil
}

// native returns f (a built-in function) as goja holds it, and the
// function that runs check before it.
func (g *guards) native(f goja.Value, check func(goja.FunctionCall)) (*goja.Object, error) {
	fo, ok := f.(*goja.Object)
	if !ok {
		return nil, fmt.Errorf("not a function: %v", f)
	}
	orig, ok := fo.Export().(func(goja.FunctionCall) goja.Value)
	if !ok {
		return nil, fmt.Errorf("not a built-in function: %v", f)
	}
	w := g.vm.ToValue(func(c goja.FunctionCall) goja.Value {
		check(c)
		return orig(c)
	}).(*goja.Object)
	for _, p := range []string{"name", "length"} {
		if err := w.DefineDataProperty(p, fo.Get(p), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return nil, err
		}
	}
	return w, nil
}

func (g *guards) wrap(obj *goja.Object, key string, check func(goja.FunctionCall)) error {
	w, err := g.native(obj.Get(key), check)
	if err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	return obj.DefineDataProperty(key, w, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

func (g *guards) wrapSymbol(obj *goja.Object, sym *goja.Symbol, check func(goja.FunctionCall)) error {
	w, err := g.native(obj.GetSymbol(sym), check)
	if err != nil {
		return fmt.Errorf("%s: %w", sym, err)
	}
	return obj.DefineDataPropertySymbol(sym, w, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// refuse throws a RangeError.
func (g *guards) refuse(what string, n float64, limit int) {
	e, err := g.vm.New(g.rangeError, g.vm.ToValue(fmt.Sprintf("%s %.0f is over this server's query limit of %d", what, n, limit)))
	if err != nil {
		panic(g.vm.NewGoError(err))
	}
	panic(e)
}

// length is v.length as ToLength reads it; 0 for null and undefined.
func (g *guards) length(v goja.Value) float64 {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return 0
	}
	if s, ok := v.(goja.String); ok {
		return float64(s.Length())
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return 0
	}
	n := o.Get("length")
	if n == nil {
		return 0
	}
	f := n.ToFloat()
	if math.IsNaN(f) || f < 0 {
		return 0
	}
	return math.Floor(f)
}

func (g *guards) arrayLength(v goja.Value, what string) float64 {
	n := g.length(v)
	if n > float64(g.lim.ArrayLength) {
		g.refuse(what, n, g.lim.ArrayLength)
	}
	return n
}

func (g *guards) stringLength(n float64) {
	if n > float64(g.lim.StringLength) {
		g.refuse("string length", n, g.lim.StringLength)
	}
}

// stringLen is the length of v as a string (ToString), without copying it.
func (g *guards) stringLen(v goja.Value) float64 {
	if s, ok := v.ToString().(goja.String); ok {
		return float64(s.Length())
	}
	return 0
}

func isStringy(v goja.Value) bool {
	if _, ok := v.(goja.String); ok {
		return true
	}
	o, ok := v.(*goja.Object)
	return ok && o.ClassName() == "String"
}

// concat makes an array as long as its receiver and arguments together.
func (g *guards) concat(c goja.FunctionCall) {
	n := g.arrayLength(c.This, "array length")
	for _, a := range c.Arguments {
		if o, ok := a.(*goja.Object); ok && o.ClassName() == "Array" {
			n += g.length(a)
		} else {
			n++
		}
		if n > float64(g.lim.ArrayLength) {
			g.refuse("array length", n, g.lim.ArrayLength)
		}
	}
}

// from walks an array-like by its length (an iterable by its iterator,
// which is guarded).
func (g *guards) from(c goja.FunctionCall) {
	o, ok := c.Argument(0).(*goja.Object)
	if !ok {
		return
	}
	if it := o.GetSymbol(goja.SymIterator); it == nil || goja.IsUndefined(it) || goja.IsNull(it) {
		g.arrayLength(o, "array length")
	}
}

// stringArgs: a string argument becomes one property per character.
func (g *guards) stringArgs(c goja.FunctionCall) {
	for _, a := range c.Arguments {
		if isStringy(a) {
			g.arrayLength(a, "string length")
		}
	}
}

func (g *guards) repeat(c goja.FunctionCall) {
	count := c.Argument(0).ToFloat()
	if count > 0 {
		g.stringLength(g.stringLen(c.This) * math.Floor(count))
	}
}

func (g *guards) pad(c goja.FunctionCall) {
	if n := c.Argument(0).ToFloat(); n > 0 {
		g.stringLength(math.Floor(n))
	}
}

// replace bounds the result of replace and replaceAll with a string
// replacement: every match replaced (a global pattern matches at most
// len+1 times), $& and $1… insert matches (which do not overlap: len in
// all), $' and the dollar-backquote pattern the rest of the string (up to
// len each time).
func (g *guards) replace(all bool) func(goja.FunctionCall) {
	return func(c goja.FunctionCall) {
		rep, ok := c.Argument(1).(goja.String)
		if !ok {
			return // a function: its calls can be interrupted
		}
		n := g.stringLen(c.This)
		matches := 1.0
		if pat, ok := c.Argument(0).(*goja.Object); all || ok && pat.ClassName() == "RegExp" && pat.Get("global").ToBoolean() {
			matches = n + 1
		}
		r := rep.String()
		parts, rests := 0.0, 0.0
		for i := 0; i+1 < len(r); i++ {
			if r[i] != '$' {
				continue
			}
			switch c := r[i+1]; {
			case c == '&' || c == '<' || c >= '0' && c <= '9':
				parts++
			case c == '\'' || c == '`':
				rests++
			}
		}
		g.stringLength(n + matches*float64(rep.Length()) + parts*n + rests*matches*n)
	}
}

// split makes at most one string per character.
func (g *guards) split(c goja.FunctionCall) {
	n := g.stringLen(c.This)
	if n <= float64(g.lim.ArrayLength) {
		return
	}
	if l := c.Argument(1); !goja.IsUndefined(l) && l.ToFloat() <= float64(g.lim.ArrayLength) {
		return
	}
	if sep, ok := c.Argument(0).(goja.String); ok && sep.Length() > 0 {
		if strings.Count(c.This.String(), sep.String()) < g.lim.ArrayLength {
			return
		}
	}
	g.refuse("string length", n, g.lim.ArrayLength)
}

func (g *guards) raw(c goja.FunctionCall) {
	if o, ok := c.Argument(0).(*goja.Object); ok {
		g.arrayLength(o.Get("raw"), "array length")
	}
}

// jsonParse: goja's parser recurses on nesting.
func (g *guards) jsonParse(c goja.FunctionCall) {
	text := c.Argument(0).String()
	g.stringLength(float64(len(text)))
	if d := jsonDepth(text); d > maxExportDepth {
		g.refuse("JSON nesting depth", float64(d), maxExportDepth)
	}
}

// jsonDepth is how deep JSON text nests its arrays and objects (brackets
// inside strings do not count).
func jsonDepth(text string) int {
	depth, deepest, inString := 0, 0, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			depth++
			deepest = max(deepest, depth)
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}
