package main

import (
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"

	"github.com/newsgraph/newsgraph/graph/canned"
)

// baselineFile holds the canned questions' Gizmo programs: the Prelude and
// one string constant per question.
const baselineFile = "graph/canned/gizmo.go"

// argsHere marks where a baseline program declares its argument.
const argsHere = "// ARG and LIMIT"

// bodies names each question's program constant in baselineFile.
var bodies = map[string]string{"who-said": "whoSaid", "roles": "roles", "reforms": "reforms"}

// baselinePrograms reads the questions' programs as git revision rev has
// them, each with the Prelude and argsHere where the argument's declaration
// goes.
func baselinePrograms(rev string) (map[string]string, error) {
	src, err := exec.Command("git", "show", rev+":"+baselineFile).Output()
	if err != nil {
		return nil, fmt.Errorf("baseline %s: git show %s: %w", rev, baselineFile, err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), baselineFile, src, 0)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", rev, err)
	}
	consts := map[string]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || len(vs.Values) != 1 {
			return true
		}
		if lit, ok := vs.Values[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if s, err := strconv.Unquote(lit.Value); err == nil {
				consts[vs.Names[0].Name] = s
			}
		}
		return true
	})
	out := map[string]string{}
	for q, name := range bodies {
		body, ok := consts[name]
		if !ok || consts["Prelude"] == "" {
			return nil, fmt.Errorf("baseline %s: %s has no Prelude or %s", rev, baselineFile, name)
		}
		out[q] = consts["Prelude"] + "\n" + argsHere + "\n" + body
	}
	return out, nil
}

// baselineForm runs program (from baselinePrograms) as canned.Run did at
// that revision: to the end, keeping the first limit rows.
func baselineForm(rev, program string, q canned.Question, qs cgraph.QuadStore, limit int) *form {
	if limit <= 0 {
		limit = canned.DefaultLimit
	}
	return &form{name: rev, run: func(ctx context.Context, arg string) ([]canned.Row, error) {
		lit, _ := json.Marshal(arg)
		decl := fmt.Sprintf("var ARG = %s;\nvar LIMIT = %d;\n", lit, limit)
		it, err := gizmo.NewSession(qs).Execute(ctx, strings.Replace(program, argsHere, decl, 1), query.Options{Collation: query.JSON, Limit: limit})
		if err != nil {
			return nil, fmt.Errorf("%s %s %q: %w", rev, q.Name, arg, err)
		}
		defer it.Close()
		var rows []canned.Row
		for it.Next(ctx) {
			m, ok := it.Result().(map[string]any)
			if !ok {
				continue
			}
			r := make(canned.Row, len(m))
			for k, v := range m {
				if v != nil {
					r[k] = fmt.Sprint(v)
				}
			}
			rows = append(rows, r)
		}
		if err := it.Err(); err != nil {
			return nil, fmt.Errorf("%s %s %q: %w", rev, q.Name, arg, err)
		}
		return rows, nil
	}}
}
