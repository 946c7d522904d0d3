package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	examplearticles "github.com/newsgraph/newsgraph/examples"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/questions"
	"github.com/newsgraph/newsgraph/source"
)

// The questions' routes answer JSON with the status a client can act on:
// 200, 404 with suggestions, 409 with candidates, 400 for a bad parameter.
// (TestQuestionsThreeFaces in cmd/newsgraph checks the answers are Go's.)
func TestQuestionRoutes(t *testing.T) {
	ctx := context.Background()
	g, err := graph.Open(ctx, graph.Memory, "")
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(ctx, g, ex, source.ReadFS(ctx, examplearticles.Articles, ".")); err != nil {
		t.Fatal(err)
	}
	_, url, stop := startServerOn(t, g.Handle(), WithQuestions(questions.New(g)))
	defer stop()
	tests := []struct {
		path string
		code int
		has  string // a JSON key the answer has
	}{
		{"search?q=burst", 200, `"matched"`},
		{"search?q=", 200, `[]`},
		{"said?name=Paul+Burstow&limit=2", 200, `"statements"`},
		{"said?name=Paul+Burstoe", 404, `"suggestions"`},
		{"said?name=Nobody+Whatever", 404, `"suggestions": []`},
		{"said?name=andrew", 409, `"candidates"`},
		{"said", 400, `"error": "missing name"`},
		{"said?name=Paul+Burstow&limit=ten", 400, `"error"`},
		{"said?name=Paul+Burstow&offset=-1", 400, `"error"`},
		{"profile?name=Andrew+Cozens", 200, `"appears_with"`},
		{"profile?name=Andrew+Cozens&kind=reform", 404, `"error"`},
		{"profile?name=Andrew+Cozens&kind=martian", 400, `"error"`},
		{"reform?name=abolition+of+PCTs", 200, `"supporters"`},
		{"who-said?about=integration&limit=3&scan=2", 200, `"complete": false`},
		{"who-said?about=", 400, `"error"`},
		{"roles?name=Andrew+Cozens", 200, `"relation": "lead_of"`},
		{"articles?from=2010&to=2009", 400, `"error"`},
		{"articles?from=yesterday", 400, `"error"`},
		{"articles?entity=PCT&limit=1", 200, `"total": 5`},
	}
	for _, tt := range tests {
		resp, err := http.Get(url + "/api/questions/" + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var pretty strings.Builder
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			t.Errorf("%s: not JSON: %s", tt.path, body)
			continue
		}
		enc := json.NewEncoder(&pretty)
		enc.SetIndent("", " ")
		enc.SetEscapeHTML(false)
		_ = enc.Encode(v)
		if resp.StatusCode != tt.code || !strings.Contains(pretty.String(), tt.has) ||
			resp.Header.Get("Content-Type") != "application/json" {
			t.Errorf("%s: %d %.300s; want %d with %s", tt.path, resp.StatusCode, pretty.String(), tt.code, tt.has)
		}
	}

	// A server given no questions says so.
	_, bare, stopBare := startServerOn(t, g.Handle())
	defer stopBare()
	resp, err := http.Get(bare + "/api/questions/search?q=x")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("no questions: %d, want 404", resp.StatusCode)
	}
}
