package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"path"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/server"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/internal/gctune"
	"github.com/newsgraph/newsgraph/questions"
	"github.com/newsgraph/newsgraph/source"
	"github.com/spf13/cobra"
)

func newServeCmd() *cobra.Command {
	var (
		db          string
		addr        string
		writable    bool
		lexicon     string
		tokenFile   string
		debugAddr   string
		corsOrigins []string
		hosts       []string
		limits      = server.DefaultLimits()
		queryMemory = byteSize(limits.QueryMemory)
		memLimit    byteSize
		answerBytes = byteSize(limits.AnswerBytes)
		maxBody     = byteSize(limits.MaxBodyBytes)
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve Cayley's HTTP API v2 (Gizmo, GraphQL, MQL) and the graph explorer",
		Long: `Serve the graph over HTTP: Cayley's HTTP API v2 at /api/v2 (the same routes,
request and answer shapes as "cayley http"), the questions (search, said,
profile, reform, who-said, roles, articles) as JSON at /api/questions/, and
a graph explorer at /.

The server is read-only unless --writable, listens on loopback unless --addr
says otherwise, and bounds every query in time (--query-timeout), results
(--query-limit, --query-array-limit), answer size (--max-answer) and memory
(--query-memory; the whole process is held to --memory-limit, by default
the store's memory plus twice that plus 256 MiB). A writable server refuses
writes from web pages on other origins, and on an address beyond loopback
needs --token-file: writes must then carry "Authorization: Bearer TOKEN".
See docs/server.md for every limit.`,
		Example: `  newsgraph serve --db ./newsgraph.db
  curl -s -X POST 'http://127.0.0.1:64210/api/v2/query?lang=gizmo' \
    --data 'g.V().Has("<type>", "<Person>").Out("<name>").All()'
  newsgraph serve --writable --addr 0.0.0.0:64210 --token-file ./token
  curl -s -X POST 'http://HOST:64210/api/v2/articles?name=a.md' -H "Authorization: Bearer $(cat token)" \
    -H 'Content-Type: text/markdown' --data-binary @a.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			gctune.SmallHeap()
			ctx := cmd.Context()
			limits.QueryMemory, limits.AnswerBytes, limits.MaxBodyBytes = int64(queryMemory), int64(answerBytes), int64(maxBody)
			var token string
			if tokenFile != "" {
				var err error
				if token, err = readToken(tokenFile); err != nil {
					return err
				}
			}
			// Refused before the store is opened: a writable server beyond
			// loopback without a token would let anyone who can reach it
			// write.
			if writable && token == "" && !loopbackAddr(addr) {
				return fmt.Errorf("serve: --writable on %s, beyond loopback, needs --token-file (a file holding the access token writes must carry)", addr)
			}
			opts := serveStoreOptions()
			if !writable {
				opts = append(opts, graph.WithReadOnly())
			}
			g, err := graph.OpenURL(ctx, db, opts...)
			if err != nil {
				return err
			}
			defer g.Close()
			if limit := serveMemoryLimit(int64(memLimit), limits); limit > 0 {
				debug.SetMemoryLimit(limit)
			}

			ex, err := newExtractor(lexicon)
			if err != nil {
				return err
			}
			log := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
			ask := questions.New(g)
			srv, err := server.New(g.Handle(), append(limits.Options(),
				server.WithWritable(writable),
				server.WithIngest(ingestInto(g, ex)),
				server.WithLogger(log),
				server.WithToken(token),
				server.WithCORSOrigins(corsOrigins...),
				server.WithAllowedHosts(hosts...),
				// As package graph guards its own reads: only memstore
				// is unsafe to read while written.
				server.WithConcurrentReads(g.Backend() != graph.Memory),
				server.WithQuestions(ask),
			)...)
			if err != nil {
				return err
			}
			var lc net.ListenConfig
			ln, err := lc.Listen(ctx, "tcp", addr)
			if err != nil {
				return fmt.Errorf("serve: %w", err)
			}
			if !isLoopback(ln.Addr()) {
				msg := "listening beyond this machine: anyone who can reach it can query the graph"
				if writable {
					msg += ", and anyone with the token can write to it"
				}
				log.Warn(msg, "addr", ln.Addr().String())
			}
			mode := "read-only"
			if writable {
				mode = "writable"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "newsgraph: serving %s %s graph on http://%s/\n", mode, g.Backend(), ln.Addr())
			if debugAddr != "" {
				stop, err := serveDebug(ctx, debugAddr, log)
				if err != nil {
					return err
				}
				defer stop()
			}
			// The questions' name index is read now, not on the first
			// question: seconds on a large store (questions wait for it);
			// then the store is preloaded (graph.Preload).
			// It ends before the store is closed, which unmaps bolt's file
			// under any read still running (a fault, not an error).
			warmCtx, stopWarm := context.WithCancel(ctx)
			warmed := make(chan struct{})
			go func() {
				defer close(warmed)
				start := time.Now()
				if err := ask.Warm(warmCtx); err != nil {
					if warmCtx.Err() == nil {
						log.Warn("reading the names for /api/questions", "err", err)
					}
					return
				}
				log.Info("names read for /api/questions", "took", time.Since(start).Round(time.Millisecond))
				// Then the store's file is mapped (bolt), so that the first
				// questions on large entities do not wait on page faults.
				start = time.Now()
				if err := g.Preload(warmCtx); err != nil {
					if warmCtx.Err() == nil {
						log.Warn("preloading the store", "err", err)
					}
					return
				}
				log.Info("store preloaded", "took", time.Since(start).Round(time.Millisecond))
			}()
			err = srv.Serve(ctx, ln)
			stopWarm()
			<-warmed
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&db, "db", "", `store: a bolt directory (default ./newsgraph.db), "memory", or a postgres:// URL`)
	f.StringVar(&addr, "addr", server.DefaultAddr, "address to listen on; loopback unless you mean otherwise")
	f.BoolVar(&writable, "writable", false, "allow /api/v2/write, /api/v2/delete and POST /api/v2/articles")
	addLexiconFlag(cmd, &lexicon)
	f.StringVar(&tokenFile, "token-file", "", "file holding the access token writes must carry (Authorization: Bearer TOKEN); needed with --writable beyond loopback")
	f.StringVar(&debugAddr, "debug-addr", "", "serve Go's profiles (net/http/pprof) on this loopback address, for bench/soak.sh")
	_ = f.MarkHidden("debug-addr")
	f.StringSliceVar(&corsOrigins, "cors-origin", nil, "origins (https://example.org) whose pages may call the API from a browser, and write; none by default")
	f.StringSliceVar(&hosts, "allow-host", nil, "names clients reach the server by (the Host header), beyond IP addresses and localhost")
	f.DurationVar(&limits.QueryTimeout, "query-timeout", limits.QueryTimeout, "longest a query, write or ingest may run, waiting for its turn included (0: no limit)")
	f.IntVar(&limits.QueryLimit, "query-limit", limits.QueryLimit, "most results a query returns: All, GetLimit, Emit, GraphQL objects per level, MQL (0: no limit)")
	f.IntVar(&limits.ArrayLimit, "query-array-limit", limits.ArrayLimit, "most values one Gizmo ToArray/TagArray returns, paths one ForEach/Map visits (0: no limit)")
	f.IntVar(&limits.QueryBytes, "max-query", limits.QueryBytes, "largest query text in bytes")
	f.Var(&answerBytes, "max-answer", "largest query answer (JSON), e.g. 8MiB (0: no limit)")
	f.Var(&queryMemory, "query-memory", "heap the running queries may hold together, e.g. 512MiB; over it the oldest is stopped (0: no limit)")
	f.Var(&maxBody, "max-body", "largest request body after decompression, e.g. 8MiB")
	f.Var(&memLimit, "memory-limit", "soft limit on the Go memory the server uses (default: what it holds once the store is open, plus twice --query-memory, plus 256MiB; or $GOMEMLIMIT)")
	f.IntVar(&limits.MaxConcurrent, "max-concurrent", limits.MaxConcurrent, "queries and writes running at once; more wait their turn")
	f.DurationVar(&limits.ReadTimeout, "read-timeout", limits.ReadTimeout, "longest a client may take to send a request body")
	f.DurationVar(&limits.WriteTimeout, "write-timeout", limits.WriteTimeout, "longest a client may take to read each part of an answer")
	f.IntVar(&limits.MaxConnections, "max-connections", limits.MaxConnections, "connections open at once; more wait to be accepted")
	return cmd
}

// killInWriteEnv names the test hook that SIGKILLs serve in the middle of
// a bulk write: at the n-th point between two of its transactions, counted
// over the server's life, so the crash test (serve_kill_test.go) stops a
// write at exact points instead of guessing with timers.
const killInWriteEnv = "NEWSGRAPH_TEST_KILL_IN_WRITE"

// serveStoreOptions are the store options serve opens the graph with.
func serveStoreOptions() []graph.Option {
	n, err := strconv.Atoi(os.Getenv(killInWriteEnv))
	if err != nil || n <= 0 {
		return nil
	}
	points := 0
	return []graph.Option{graph.WithBetweenBoltTransactions(func() {
		if points++; points == n {
			if p, err := os.FindProcess(os.Getpid()); err == nil {
				_ = p.Kill()
			}
			select {} // the kill lands before anything else is written
		}
	})}
}

// ingestInto is POST /api/v2/articles: the article goes through the same
// steps as "newsgraph build" (clean, extract, load, replacing the
// article's earlier quads). The server calls it without holding the store,
// and the load it returns holding the store alone.
func ingestInto(g *graph.Graph, ex extract.Extractor) server.IngestFunc {
	return func(ctx context.Context, name string, body []byte) (server.LoadFunc, error) {
		if name == "" {
			name = "article.txt"
		}
		name = path.Base(name)
		a, err := source.Parse(name, body)
		if err != nil {
			return nil, err
		}
		doc, err := ingest.NewDoc(ctx, ex, a)
		if err != nil {
			return nil, err
		}
		return func(ctx context.Context) (server.Summary, error) {
			res, err := g.Load(ctx, doc)
			if err != nil {
				return server.Summary{}, err
			}
			status := "added"
			switch res.Status {
			case graph.Skipped:
				status = "unchanged, already in the store"
			case graph.Replaced:
				status = "replaced"
			}
			return server.Summary{Article: a.ID, Quads: res.Quads, Message: status}, nil
		}, nil
	}
}

// serveMemoryLimit is the soft memory limit serve runs under: the flag's,
// else none when GOMEMLIMIT is set (Go has read it) or queries have no
// memory budget, else what the process holds now (the open store: a few
// megabytes for bolt, the whole graph for memory) plus twice the queries'
// budget plus 256 MiB for the rest (answers, extraction, connections). The
// collector runs at GOGC 400 (gctune.SmallHeap), so without a limit a
// heap that once held a budget's worth of live query data could grow to
// five times that before the next collection.
func serveMemoryLimit(flag int64, limits server.Limits) int64 {
	if flag > 0 {
		return flag
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); set || limits.QueryMemory <= 0 {
		return 0
	}
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64()) + 2*limits.QueryMemory + 256<<20
}

// serveDebug serves net/http/pprof on a loopback address of its own (never
// the API's), until ctx ends or stop is called: bench/soak.sh counts the
// server's goroutines through it.
func serveDebug(ctx context.Context, addr string, log *slog.Logger) (stop func(), err error) {
	if !loopbackAddr(addr) {
		return nil, fmt.Errorf("serve: --debug-addr %s is not a loopback address", addr)
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("serve: debug: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Warn("debug server", "err", err)
		}
	}()
	log.Info("serving Go's profiles", "addr", ln.Addr().String())
	return func() { hs.Close(); <-done }, nil
}

// readToken reads an access token from a file: its first line, which must
// be at least 16 characters.
func readToken(file string) (string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("token: %w", err)
	}
	token, _, _ := strings.Cut(strings.TrimSpace(string(data)), "\n")
	token = strings.TrimSpace(token)
	if len(token) < 16 {
		return "", errors.New("token: " + file + " holds no token of 16 characters or more")
	}
	return token, nil
}

// loopbackAddr: addr names a loopback address (localhost, 127.x, ::1).
func loopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
