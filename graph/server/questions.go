package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/questions"
)

// The questions' routes: the answers of package questions as JSON, for
// people who do not write Gizmo (and the explorer's pages). Each is a GET
// whose parameters are the question's; the answer is the Go answer,
// marshalled. Text from articles is not escaped here beyond JSON: a page
// inserts it as text.
//
//	GET /api/questions/search?q=TEXT[&kind=person,organisation][&limit=20][&offset=0]
//	GET /api/questions/top[?kind=person][&limit=20][&offset=0]       the most mentioned
//	GET /api/questions/said?name=NAME[&limit=100][&offset=0]
//	GET /api/questions/profile?name=NAME[&kind=…]
//	GET /api/questions/reform?name=NAME
//	GET /api/questions/who-said?about=TEXT[&limit=100][&offset=0][&scan=200]
//	GET /api/questions/roles?name=NAME[&limit=100][&offset=0]
//	GET /api/questions/articles[?from=2010][&to=2011-06][&outlet=…][&entity=NAME][&limit=100][&offset=0]
//	GET /api/questions/article?id=<article/ID>                    its sentences and their facts
//
// A name that matches nothing answers 404 {"error": …, "suggestions":
// [entities]}; one that matches several 409 {"error": …, "candidates":
// [entities]}; a bad parameter 400.

// WithQuestions serves the questions' routes from q, which must answer
// about the store the server serves. Without it they answer 404.
func WithQuestions(q *questions.Service) Option { return func(c *config) { c.questions = q } }

// maxPageRows bounds the rows one request may ask for.
const maxPageRows = 1000

// A question reads its parameters and answers.
type question func(ctx context.Context, q *questions.Service, p *params) (any, error)

var questionRoutes = map[string]question{
	"search": func(ctx context.Context, q *questions.Service, p *params) (any, error) {
		return q.Search(ctx, p.get("q"), p.options(questions.DefaultSearchLimit)...)
	},
	"top": func(ctx context.Context, q *questions.Service, p *params) (any, error) {
		return q.Top(ctx, p.options(questions.DefaultSearchLimit)...)
	},
	"said": func(ctx context.Context, q *questions.Service, p *params) (any, error) {
		return q.Said(ctx, p.required("name"), p.options(questions.DefaultRows)...)
	},
	"profile": func(ctx context.Context, q *questions.Service, p *params) (any, error) {
		return q.Profile(ctx, p.required("name"), p.options(questions.DefaultRows)...)
	},
	"reform": func(ctx context.Context, q *questions.Service, p *params) (any, error) {
		return q.Reform(ctx, p.required("name"))
	},
	"who-said": func(ctx context.Context, q *questions.Service, p *params) (any, error) {
		opts := p.options(questions.DefaultRows)
		if p.has("scan") {
			opts = append(opts, questions.WithScan(p.int("scan", questions.DefaultScan, 0)))
		}
		return q.WhoSaid(ctx, p.required("about"), opts...)
	},
	"roles": func(ctx context.Context, q *questions.Service, p *params) (any, error) {
		return q.Roles(ctx, p.required("name"), p.options(questions.DefaultRows)...)
	},
	"article": func(ctx context.Context, q *questions.Service, p *params) (any, error) {
		return q.Article(ctx, p.required("id"))
	},
	"articles": func(ctx context.Context, q *questions.Service, p *params) (any, error) {
		f := questions.ArticleFilter{From: p.get("from"), To: p.get("to"), Outlet: p.get("outlet"), Entity: p.get("entity")}
		return q.Articles(ctx, f, p.options(questions.DefaultRows)...)
	},
}

// questionRoutes adds the questions' routes to m.
func (s *Server) questionRoutes(m *http.ServeMux) {
	for name, ask := range questionRoutes {
		m.Handle("GET /api/questions/"+name, s.gated(shared, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			s.serveQuestion(w, r, ask)
		})))
	}
}

func (s *Server) serveQuestion(w http.ResponseWriter, r *http.Request, ask question) {
	if s.cfg.questions == nil {
		writeError(w, http.StatusNotFound, "this server answers no questions (it serves a Cayley store, not a newsgraph graph)")
		return
	}
	ctx, cancel := s.queryContext(r)
	defer cancel()
	p := params{values: r.URL.Query()}
	answer, err := ask(ctx, s.cfg.questions, &p)
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	if err != nil {
		writeQuestionError(w, err)
		return
	}
	writeJSON(w, answer)
}

// writeQuestionError answers a question's error: {"error": "…"}, with the
// nearest names ("suggestions", perhaps []) for a name that matched
// nothing, the candidates ("candidates", and "more" not listed) for one
// that matched several.
func writeQuestionError(w http.ResponseWriter, err error) {
	var (
		nf  *questions.NotFoundError
		amb *questions.AmbiguousError
	)
	body, code := map[string]any{"error": err.Error()}, http.StatusInternalServerError
	switch {
	case errors.As(err, &nf):
		code = http.StatusNotFound
		body["suggestions"] = append([]questions.Entity{}, nf.Suggestions...)
	case errors.As(err, &amb):
		code = http.StatusConflict
		body["candidates"], body["more"] = amb.Candidates, amb.More
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		code = http.StatusServiceUnavailable
	case errors.As(err, new(*questions.InvalidError)):
		code = http.StatusBadRequest
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(body)
}

// params reads a question's query parameters, remembering the first
// mistake.
type params struct {
	values url.Values
	err    error
}

func (p *params) get(name string) string { return strings.TrimSpace(p.values.Get(name)) }

func (p *params) has(name string) bool { return p.values.Has(name) }

func (p *params) required(name string) string {
	v := p.get(name)
	if v == "" && p.err == nil {
		p.err = fmt.Errorf("missing %s", name)
	}
	return v
}

// int reads a whole number in [least, maxPageRows·…]; def when absent.
func (p *params) int(name string, def, least int) int {
	s := p.get(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < least {
		if p.err == nil {
			p.err = fmt.Errorf("%s: want a whole number from %d, got %q", name, least, s)
		}
		return def
	}
	return n
}

// options reads limit, offset and kind.
func (p *params) options(defLimit int) []questions.Option {
	limit := p.int("limit", defLimit, 1)
	if limit > maxPageRows {
		limit = maxPageRows
	}
	opts := []questions.Option{questions.WithLimit(limit), questions.WithOffset(p.int("offset", 0, 0))}
	if k := p.get("kind"); k != "" {
		var kinds []questions.Kind
		for _, s := range strings.Split(k, ",") {
			kind, err := questions.ParseKind(s)
			if err != nil && p.err == nil {
				p.err = err
			}
			kinds = append(kinds, kind)
		}
		opts = append(opts, questions.WithKinds(kinds...))
	}
	return opts
}
