package sandbox

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	cayleygraphql "github.com/cayleygraph/cayley/query/graphql"

	"github.com/newsgraph/newsgraph/graph/sandbox/gizmo"
	"github.com/newsgraph/newsgraph/graph/sandbox/mql"
)

// Limits bound every query a Runner runs. Zero means no bound, except
// where a field says otherwise.
type Limits struct {
	// Timeout bounds a query's running time.
	Timeout time.Duration
	// Rows bounds a query's results (see the package comment).
	Rows int
	// Values bounds one Gizmo ToArray, TagArray, ForEach or Map call.
	Values int
	// AnswerBytes bounds the JSON of a query's answer.
	AnswerBytes int64
	// Memory bounds the heap the Runner's running queries hold together.
	Memory int64
	// QueryBytes bounds the text of a query (zero: gizmo.DefaultSourceBytes).
	QueryBytes int
}

// A RunOption configures one Run.
type RunOption func(*runConfig)

type runConfig struct {
	collation query.Collation
}

// WithCollation sets how Gizmo answers: query.JSON (the default) or
// query.JSONLD, as Cayley's HTTP API does for an Accept header.
func WithCollation(c query.Collation) RunOption { return func(rc *runConfig) { rc.collation = c } }

// A LimitError is a query stopped at a limit; errors.Is names which.
type LimitError = gizmo.LimitError

// The limits a LimitError names.
var (
	// ErrAnswerTooLarge: the answer's JSON is over Limits.AnswerBytes.
	ErrAnswerTooLarge = errors.New("answer too large")
	// ErrMemory: the running queries' heap was over Limits.Memory.
	ErrMemory = errors.New("over the memory budget")
	// ErrQueryTooLarge: the query's text is over Limits.QueryBytes.
	ErrQueryTooLarge = errors.New("query too large")
	// ErrTooLarge: the query nests too deep to compile safely, or a value
	// is too large to pass to Go.
	ErrTooLarge = gizmo.ErrTooLarge
	// ErrCallDepth: a Gizmo program recursed past its call-stack limit.
	ErrCallDepth = gizmo.ErrCallDepth
)

// ErrUnknownLanguage: the language is none of Languages.
var ErrUnknownLanguage = errors.New("unknown query language")

// Languages are the query languages a Runner runs.
var Languages = []string{gizmo.Name, cayleygraphql.Name, mql.Name}

// A Runner runs queries held to its limits. It is safe for concurrent use;
// its memory budget is shared by the queries it runs at once.
type Runner struct {
	lim Limits
	dog *watchdog
}

// New returns a Runner with limits lim.
func New(lim Limits) *Runner {
	if lim.QueryBytes <= 0 {
		lim.QueryBytes = gizmo.DefaultSourceBytes
	}
	return &Runner{lim: lim, dog: newWatchdog(lim.Memory)}
}

// Limits returns the runner's limits.
func (r *Runner) Limits() Limits { return r.lim }

// Answer is what a query answered.
type Answer struct {
	// Rows are the results: Gizmo's and MQL's rows, as Cayley's API v2
	// gives them in "result"; for GraphQL, one row, the "data" object.
	Rows []any
	// Stopped is closed once every goroutine of the query has returned.
	// A query stopped at a limit while inside a built-in function answers
	// first and stops when the function returns.
	Stopped <-chan struct{}
}

var closed = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// Run runs text, a query in lang (gizmo, graphql or mql), over qs. It
// returns when the query has answered or been stopped; ans.Stopped is
// valid whatever the error.
func (r *Runner) Run(ctx context.Context, qs graph.QuadStore, lang, text string, opts ...RunOption) (ans Answer, err error) {
	rc := runConfig{collation: query.JSON}
	for _, o := range opts {
		o(&rc)
	}
	ans.Stopped = closed
	if strings.TrimSpace(text) == "" {
		return ans, errors.New("query is empty")
	}
	if len(text) > r.lim.QueryBytes {
		return ans, &LimitError{Kind: ErrQueryTooLarge, Msg: fmt.Sprintf("query is %d bytes, over this server's limit of %d", len(text), r.lim.QueryBytes)}
	}
	var cancel context.CancelCauseFunc
	ctx, cancel = context.WithCancelCause(ctx)
	if r.lim.Timeout > 0 {
		var stop context.CancelFunc
		ctx, stop = context.WithTimeout(ctx, r.lim.Timeout)
		defer stop()
	}
	// The watchdog lets go of the query once it has stopped, which for
	// Gizmo may be after Run returns.
	stopped := make(chan struct{})
	ans.Stopped = stopped
	unwatch := r.dog.watch(cancel)
	var work <-chan struct{} = closed
	defer func() {
		cause := context.Cause(ctx)
		cancel(nil)
		if err != nil && cause != nil && !errors.Is(cause, context.Canceled) && !errors.Is(cause, context.DeadlineExceeded) {
			err = cause // a limit's error, not the interrupt it caused
		}
		go func() {
			<-work
			unwatch()
			close(stopped)
		}()
	}()

	switch lang {
	case gizmo.Name:
		s := gizmo.NewSession(qs, gizmo.Limits{Rows: limit(r.lim.Rows), Values: limit(r.lim.Values), SourceBytes: r.lim.QueryBytes})
		it, err := s.Execute(ctx, text, query.Options{Collation: rc.collation, Limit: limit(r.lim.Rows)})
		if err != nil {
			return ans, err
		}
		defer it.Close()
		if d, ok := it.(interface{ Done() <-chan struct{} }); ok {
			work = d.Done()
		}
		ans.Rows, err = r.collect(ctx, cancel, it)
		return ans, err
	case mql.Name:
		if err := gizmo.CheckSource(text, gizmo.Limits{SourceBytes: r.lim.QueryBytes}); err != nil {
			return ans, err
		}
		it, err := mql.NewSession(qs).Execute(ctx, text, query.Options{Collation: query.JSON, Limit: limit(r.lim.Rows)})
		if err != nil {
			return ans, err
		}
		defer it.Close()
		ans.Rows, err = r.collect(ctx, cancel, it)
		return ans, err
	case cayleygraphql.Name:
		data, err := r.graphql(ctx, qs, text)
		if err != nil {
			return ans, err
		}
		if _, err := r.measure(cancel, data, 0); err != nil {
			return ans, err
		}
		ans.Rows = []any{data}
		return ans, nil
	}
	return ans, fmt.Errorf("%q: %w", lang, ErrUnknownLanguage)
}

// limit is a Limits count as Cayley's options take it: -1 for none.
func limit(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

// collect reads the results of it, measuring the answer as it grows.
func (r *Runner) collect(ctx context.Context, cancel context.CancelCauseFunc, it query.Iterator) ([]any, error) {
	var rows []any
	var size int64
	for it.Next(ctx) {
		row := it.Result()
		n, err := r.measure(cancel, row, size)
		if err != nil {
			return nil, err
		}
		size += n
		rows = append(rows, row)
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	return rows, ctx.Err()
}

// measure returns the size of row as JSON, or stops the query if row takes
// the answer (used bytes so far) past its limit.
func (r *Runner) measure(cancel context.CancelCauseFunc, row any, used int64) (int64, error) {
	if r.lim.AnswerBytes <= 0 {
		return 0, nil
	}
	left := r.lim.AnswerBytes - used
	n := jsonSize(row, left)
	if n > left {
		err := &LimitError{Kind: ErrAnswerTooLarge, Msg: fmt.Sprintf("the answer is over this server's limit of %d bytes", r.lim.AnswerBytes)}
		cancel(err)
		return n, err
	}
	return n, nil
}
