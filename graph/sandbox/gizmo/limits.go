package gizmo

// This file is newsgraph's: the bounds a session holds its program to.

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"

	"github.com/dop251/goja"
)

// Limits bound one session. Zero fields take the defaults below; Rows and
// Values below zero mean no bound.
type Limits struct {
	// Rows is the most results the program sends in all, through All,
	// GetLimit(n) (n only lowers it) and g.Emit, however many calls.
	Rows int
	// Values is the most values one ToArray or TagArray call returns and
	// the most paths one ForEach or Map call visits, whatever count the
	// program asks for.
	Values int
	// CallDepth is the deepest the JavaScript call stack may grow: deeper
	// recursion stops the program with a RangeError instead of growing the
	// heap. Kept low because unwinding recursion that passes through
	// built-ins ([1].forEach(f) inside f) costs the square of its depth:
	// 3,000 levels take 0.24 s.
	CallDepth int
	// ArrayLength is the longest array (or array-like) a built-in function
	// may walk or make, and the most values one argument may hold. Making
	// an array of any length costs nothing (new Array(4e9)); walking it
	// inside a built-in cannot be interrupted.
	ArrayLength int
	// StringLength is the longest string a built-in function may make
	// (repeat, padStart, join, replace, JSON.stringify) or parse
	// (JSON.parse), in UTF-16 code units.
	StringLength int
	// SourceBytes is the largest program text compiled: the query, and
	// what it hands to eval or the Function constructors.
	SourceBytes int
	// SourceDepth is the deepest its brackets may nest, and SourceArrows
	// the most arrow functions it may have: goja's parser recurses on
	// nesting and its compiler slows with depth (60,000 nested blocks take
	// 48 s), and neither can be interrupted.
	SourceDepth  int
	SourceArrows int
}

// Defaults for the zero fields of Limits. Rows and Values have none: a
// caller that bounds nothing gets Cayley's behaviour.
const (
	DefaultCallDepth    = 1_000
	DefaultArrayLength  = 1 << 20
	DefaultStringLength = 1 << 22
	DefaultSourceBytes  = 64 << 10
	DefaultSourceDepth  = 256
	DefaultSourceArrows = 1_000
)

// maxExportValues bounds the values (array elements and object properties,
// at any depth) of one argument exported to Go.
const maxExportValues = DefaultArrayLength

// maxExportDepth bounds how deep a value's nesting is walked, so a value
// nested a million deep fails instead of growing the goroutine's stack.
const maxExportDepth = 1_000

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.CallDepth, DefaultCallDepth)
	def(&l.ArrayLength, DefaultArrayLength)
	def(&l.StringLength, DefaultStringLength)
	def(&l.SourceBytes, DefaultSourceBytes)
	def(&l.SourceDepth, DefaultSourceDepth)
	def(&l.SourceArrows, DefaultSourceArrows)
	return l
}

// rowLimit is the row limit of a GetLimit(n) call: n, unless the session's
// is lower (n <= 0 asks for all).
func (s *Session) rowLimit(n int) int {
	if s.lim.Rows > 0 && (n <= 0 || n > s.lim.Rows) {
		return s.lim.Rows
	}
	return n
}

// valueLimit is the count of a ToArray(n) or ForEach(n, f) call: n, unless
// the session's is lower (n <= 0 asks for all).
func (s *Session) valueLimit(n int) int {
	if s.lim.Values > 0 && (n <= 0 || n > s.lim.Values) {
		return s.lim.Values
	}
	return n
}

// Kinds of LimitError.
var (
	// ErrTooLarge: a value or a program is over a bound of Limits.
	ErrTooLarge = errors.New("too large")
	// ErrCallDepth: the program recursed past Limits.CallDepth.
	ErrCallDepth = errors.New("call stack too deep")
)

// A LimitError is a query stopped at a limit: errors.Is(err, Kind) names
// the limit, Error says what happened in words a client can act on.
type LimitError struct {
	Kind error
	Msg  string
}

func (e *LimitError) Error() string { return e.Msg }
func (e *LimitError) Unwrap() error { return e.Kind }

func tooLarge(format string, args ...any) error {
	return &LimitError{Kind: ErrTooLarge, Msg: fmt.Sprintf(format, args...)}
}

// checkExport walks v as goja's Export would, counting the values it would
// make, and fails past budget or maxExportDepth. It reads properties as
// Export does (getters run, and can be interrupted).
func checkExport(v goja.Value, budget int) error {
	left := budget
	var walk func(v goja.Value, depth int) error
	walk = func(v goja.Value, depth int) error {
		o, ok := v.(*goja.Object)
		if !ok {
			return nil
		}
		if depth > maxExportDepth {
			return tooLarge("value nested deeper than %d", maxExportDepth)
		}
		var keys []string
		switch {
		case o.ClassName() == "Array":
			n := arrayLength(o)
			if n > float64(left) {
				return tooLarge("value holds more than %d values", budget)
			}
			left -= int(n)
			for i := range int(n) {
				if err := walk(o.Get(strconv.Itoa(i)), depth+1); err != nil {
					return err
				}
			}
			return nil
		case o.ClassName() == "Map" || o.ClassName() == "Set":
			return fmt.Errorf("a %s cannot be passed to Gizmo: make it an array or an object", o.ClassName())
		case isPlainObject(o):
			keys = o.Keys()
		default:
			return nil // a host object (a path, a quad value) or a function, date…
		}
		if len(keys) > left {
			return tooLarge("value holds more than %d values", budget)
		}
		left -= len(keys)
		for _, k := range keys {
			if err := walk(o.Get(k), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(v, 0)
}

// isPlainObject: o is an object goja exports as a map it builds (a
// JavaScript object, or a Go map the environment handed to the program).
func isPlainObject(o *goja.Object) bool {
	if o.ClassName() != "Object" {
		return false
	}
	t := o.ExportType()
	return t != nil && t.Kind() == reflect.Map
}

// arrayLength reads o.length as ToLength does.
func arrayLength(o *goja.Object) float64 {
	l := o.Get("length")
	if l == nil {
		return 0
	}
	n := l.ToFloat()
	if math.IsNaN(n) || n < 0 {
		return 0
	}
	return math.Floor(n)
}

// exportValue exports v for the REPL, or returns an error message in its
// place when it is too large to.
func exportValue(vm *goja.Runtime, v goja.Value, lim Limits) interface{} {
	if err := checkExport(v, maxExportValues); err != nil {
		return err.Error()
	}
	return v.Export()
}
