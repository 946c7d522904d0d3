package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/server"
	"github.com/newsgraph/newsgraph/questions"
)

// TestQuestionsThreeFaces asks every question of the example articles
// through the CLI (--json), the HTTP API (GET /api/questions/…) and Go, and
// requires the same answer from all three; and a name that matches nothing
// or several gets the same names back from each.
func TestQuestionsThreeFaces(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "newsgraph.db")
	if _, errOut, err := run(t, "build", "--db", db); err != nil {
		t.Fatalf("build: %v\n%s", err, errOut)
	}
	g, err := graph.OpenURL(ctx, db, graph.WithReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	ask := questions.New(g)
	srv, err := server.New(g.Handle(), server.WithQuestions(ask))
	if err != nil {
		t.Fatal(err)
	}
	web := httptest.NewServer(srv)
	defer web.Close()

	tests := []struct {
		name  string
		cli   []string
		route string
		goAns func() (any, error)
	}{
		{"search", []string{"search", "pct", "--limit", "5"}, "search?q=pct&limit=5",
			func() (any, error) { return ask.Search(ctx, "pct", questions.WithLimit(5)) }},
		{"search kinds", []string{"search", "primary care", "--kind", "organisation,topic"}, "search?q=primary+care&kind=organisation,topic",
			func() (any, error) {
				return ask.Search(ctx, "primary care", questions.WithKinds(questions.KindOrganisation, questions.KindTopic), questions.WithLimit(questions.DefaultSearchLimit))
			}},
		{"top", []string{"top", "--kind", "person,reform", "--limit", "5"}, "top?kind=person,reform&limit=5",
			func() (any, error) {
				return ask.Top(ctx, questions.WithKinds(questions.KindPerson, questions.KindReform), questions.WithLimit(5))
			}},
		{"said", []string{"said", "Paul Burstow", "--limit", "3", "--offset", "1"}, "said?name=Paul+Burstow&limit=3&offset=1",
			func() (any, error) {
				return ask.Said(ctx, "Paul Burstow", questions.WithLimit(3), questions.WithOffset(1))
			}},
		{"profile", []string{"profile", "Andrew Cozens"}, "profile?name=Andrew+Cozens",
			func() (any, error) { return ask.Profile(ctx, "Andrew Cozens") }},
		{"profile of a body", []string{"profile", "<org/primary-care-trust>"}, "profile?name=%3Corg/primary-care-trust%3E",
			func() (any, error) { return ask.Profile(ctx, "<org/primary-care-trust>") }},
		{"reform", []string{"reform", "abolition of PCTs"}, "reform?name=abolition+of+PCTs",
			func() (any, error) { return ask.Reform(ctx, "abolition of PCTs") }},
		{"who-said topic", []string{"who-said", "--about", "integration"}, "who-said?about=integration",
			func() (any, error) { return ask.WhoSaid(ctx, "integration") }},
		{"who-said entity", []string{"who-said", "--about", "NHS", "--limit", "4"}, "who-said?about=NHS&limit=4",
			func() (any, error) { return ask.WhoSaid(ctx, "NHS", questions.WithLimit(4)) }},
		{"who-said phrase", []string{"who-said", "--about", "driving seat"}, "who-said?about=driving+seat",
			func() (any, error) { return ask.WhoSaid(ctx, "driving seat") }},
		{"roles", []string{"roles", "Andrew Cozens"}, "roles?name=Andrew+Cozens",
			func() (any, error) { return ask.Roles(ctx, "Andrew Cozens") }},
		{"article", []string{"article", "000_bd6ab526a9c92c91"}, "article?id=%3Carticle/000_bd6ab526a9c92c91%3E",
			func() (any, error) { return ask.Article(ctx, "<article/000_bd6ab526a9c92c91>") }},
		{"articles", []string{"articles", "--entity", "PCT", "--limit", "2"}, "articles?entity=PCT&limit=2",
			func() (any, error) {
				return ask.Articles(ctx, questions.ArticleFilter{Entity: "PCT"}, questions.WithLimit(2))
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := run(t, append(tt.cli, "--db", db, "--json")...)
			if err != nil {
				t.Fatalf("CLI %v: %v\n%s", tt.cli, err, errOut)
			}
			fromCLI := decode(t, out)
			code, body := get(t, web.URL+"/api/questions/"+tt.route)
			if code != http.StatusOK {
				t.Fatalf("GET %s: %d %s", tt.route, code, body)
			}
			fromHTTP := decode(t, body)
			ans, err := tt.goAns()
			if err != nil {
				t.Fatalf("Go: %v", err)
			}
			data, err := json.Marshal(ans)
			if err != nil {
				t.Fatal(err)
			}
			fromGo := decode(t, string(data))
			if !reflect.DeepEqual(fromCLI, fromGo) {
				t.Errorf("CLI and Go differ:\nCLI %.1500s\nGo  %.1500s", out, data)
			}
			if !reflect.DeepEqual(fromHTTP, fromGo) {
				t.Errorf("HTTP and Go differ:\nHTTP %.1500s\nGo   %.1500s", body, data)
			}
			if s := string(data); len(s) < 100 || !strings.Contains(s, `"id"`) {
				t.Errorf("a thin answer: %s", s)
			}
		})
	}

	// Names that match nothing, or several.
	errs := []struct {
		cli   []string
		route string
		goErr func() error
		code  int
		field string
	}{
		{[]string{"said", "Paul Burstoe"}, "said?name=Paul+Burstoe", func() error { _, err := ask.Said(ctx, "Paul Burstoe"); return err },
			http.StatusNotFound, "suggestions"},
		{[]string{"profile", "andrew"}, "profile?name=andrew", func() error { _, err := ask.Profile(ctx, "andrew"); return err },
			http.StatusConflict, "candidates"},
		{[]string{"reform", "primary care trust"}, "reform?name=primary+care+trust", func() error { _, err := ask.Reform(ctx, "primary care trust"); return err },
			http.StatusConflict, "candidates"},
	}
	for _, tt := range errs {
		goErr := tt.goErr()
		var names []questions.Entity
		var nf *questions.NotFoundError
		var amb *questions.AmbiguousError
		switch {
		case errors.As(goErr, &nf):
			names = nf.Suggestions
		case errors.As(goErr, &amb):
			names = amb.Candidates
		default:
			t.Fatalf("Go %v: %v, want a NotFoundError or an AmbiguousError", tt.cli, goErr)
		}
		if len(names) == 0 {
			t.Errorf("Go %v: no names in %v", tt.cli, goErr)
		}
		code, body := get(t, web.URL+"/api/questions/"+tt.route)
		var fromHTTP map[string]json.RawMessage
		if err := json.Unmarshal([]byte(body), &fromHTTP); err != nil || code != tt.code {
			t.Fatalf("GET %s: %d %s, want %d", tt.route, code, body, tt.code)
		}
		want, _ := json.Marshal(names)
		if !reflect.DeepEqual(decode(t, string(fromHTTP[tt.field])), decode(t, string(want))) {
			t.Errorf("GET %s: %s %s, want %s", tt.route, tt.field, fromHTTP[tt.field], want)
		}
		out, _, err := run(t, append(tt.cli, "--db", db)...)
		if err == nil || out != "" {
			t.Fatalf("CLI %v: %q, %v; want an error", tt.cli, out, err)
		}
		for _, e := range names {
			if !strings.Contains(err.Error(), e.ID) {
				t.Errorf("CLI %v: %q does not name %s", tt.cli, err, e.ID)
			}
		}
	}
}

func decode(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("%v: %.500s", err, s)
	}
	return v
}

func get(t *testing.T, u string) (int, string) {
	t.Helper()
	if _, err := url.Parse(u); err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}
