package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// TestServeWritableSurvivesSIGKILL posts articles to serve --writable from
// several clients and SIGKILLs the server while they do, four times over
// on one store, restarting it each time: three times between two
// transactions of a bulk write (at exact points, through a test hook), once
// from outside, wherever the server then is.
// The store the last restart undoes any stopped write in must hold every
// article the server acknowledged, and each article whole or not at all:
// it is compared with a clean build of the articles it holds.
func TestServeWritableSurvivesSIGKILL(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a unix signal")
	}
	if testing.Short() {
		t.Skip("builds the binary and a corpus (-short)")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	runBin(t, bin, nil, "gen", "--n", "150", "--seed", "11", "-o", corpus)
	files, err := filepath.Glob(filepath.Join(corpus, "*", "*.txt"))
	if err != nil || len(files) != 150 {
		t.Fatalf("corpus: %d files, %v", len(files), err)
	}
	sort.Strings(files)
	id := func(file string) string { return strings.TrimSuffix(filepath.Base(file), ".txt") }

	// The store starts with 30 articles, built; the rest are posted.
	base, posted := files[:30], files[30:]
	db := filepath.Join(dir, "served.db")
	runBin(t, bin, nil, "build", corpusOf(t, filepath.Join(dir, "base"), base), "--db", db, "--progress=never")

	var (
		mu       sync.Mutex
		next     int                 // the next of posted to post
		acked    = map[string]bool{} // articles the server answered 200 for
		midWrite int                 // kills that stopped a bulk write part-way
	)
	// Three kills from the server itself, in the middle of a bulk write
	// (at the n-th point between two of its transactions: a different one
	// of each write's), and one from outside after n acknowledgements,
	// wherever the server then is.
	rounds := []struct{ inWrite, afterAcks int }{{inWrite: 3}, {inWrite: 10}, {afterAcks: 15}, {inWrite: 17}}
	for round, kill := range rounds {
		var env []string
		if kill.inWrite > 0 {
			env = append(env, fmt.Sprintf("%s=%d", killInWriteEnv, kill.inWrite))
		}
		srv, addr, stderr := startServe(t, bin, db, env...)
		var (
			wg    sync.WaitGroup
			count = make(chan struct{}, len(posted))
		)
		for range 4 {
			wg.Go(func() {
				client := &http.Client{Timeout: 30 * time.Second}
				for {
					mu.Lock()
					if next >= len(posted) {
						mu.Unlock()
						return
					}
					file := posted[next]
					next++
					mu.Unlock()
					if err := postArticle(client, addr, file); err != nil {
						return // the server is gone
					}
					mu.Lock()
					acked[id(file)] = true
					mu.Unlock()
					count <- struct{}{}
				}
			})
		}
		exited := make(chan error, 1)
		go func() { exited <- srv.Wait() }()
		deadline := time.After(2 * time.Minute)
		if kill.afterAcks > 0 {
		wait:
			for n := 0; n < kill.afterAcks; n++ {
				select {
				case <-count:
				case <-deadline:
					t.Errorf("round %d: %d articles acknowledged in 2 minutes, want %d", round, n, kill.afterAcks)
					break wait
				}
			}
			if err := srv.Process.Kill(); err != nil {
				t.Fatal(err)
			}
		}
		var err error
		select {
		case err = <-exited:
		case <-deadline:
			_ = srv.Process.Kill()
			t.Fatalf("round %d: serve not killed in 2 minutes", round)
		}
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: serve ended with %v, want killed\n%s", round, err, stderr)
		}
		wg.Wait()
		// Where the kill landed: a read-only Open refuses a store with a
		// bulk write stopped part-way.
		where := "between writes"
		if g, err := graph.Open(context.Background(), graph.Bolt, db, graph.WithReadOnly()); errors.Is(err, graph.ErrUnfinished) {
			where, midWrite = "in a write", midWrite+1
		} else if err != nil {
			t.Fatalf("round %d: %v", round, err)
		} else {
			g.Close()
		}
		if kill.inWrite > 0 && where != "in a write" {
			t.Errorf("round %d: killed %s, want in a write", round, where)
		}
		t.Logf("round %d: killed %s, after %d acknowledged, %d posted", round, where, len(acked), next)
		if next >= len(posted) {
			t.Fatalf("round %d: every article was posted before the kill; post more", round)
		}
	}
	// A writable Open undoes a write the kill stopped.
	srv, _, stderr := startServe(t, bin, db)
	if err := srv.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := srv.Wait(); err != nil {
		t.Fatalf("serve after the kills, interrupted: %v\n%s", err, stderr)
	}

	held := articlesIn(t, db)
	var keep []string
	for _, f := range files {
		if held[id(f)] {
			keep = append(keep, f)
			delete(held, id(f))
		}
	}
	if len(held) > 0 {
		t.Fatalf("the store holds articles never posted: %v", held)
	}
	for a := range acked {
		if !articlesIn(t, db)[a] {
			t.Errorf("article %s was acknowledged but is not in the store", a)
		}
	}
	clean := filepath.Join(dir, "clean.db")
	runBin(t, bin, nil, "build", corpusOf(t, filepath.Join(dir, "kept"), keep), "--db", clean, "--progress=never")
	want := storeState(t, clean)
	sameState(t, "served, killed four times and restarted", storeState(t, db), want)
	t.Logf("%d articles in the store (30 built, %d acknowledged, %d posted unanswered and kept): as a clean build of them; %d of 4 kills stopped a write part-way",
		want.stats.Articles, len(acked), len(keep)-30-len(acked), midWrite)
}

// corpusOf copies files into a new corpus folder dir, side by side, and
// returns it: build names each article by its file's name there, as serve
// names a posted one.
func corpusOf(t *testing.T, dir string, files []string) string {
	t.Helper()
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, filepath.Base(f))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var servingRe = regexp.MustCompile(`serving writable bolt graph on (http://127\.0\.0\.1:\d+)/`)

// startServe starts serve --writable on db on a free loopback port, with
// env added to its environment, and returns it once it listens, with its
// address.
func startServe(t *testing.T, bin, db string, env ...string) (*exec.Cmd, string, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--writable", "--db", db, "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer // read once the process has exited
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := servingRe.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
				break
			}
		}
		_, _ = io.Copy(io.Discard, out)
		close(addr)
	}()
	select {
	case a, ok := <-addr:
		if !ok {
			t.Fatalf("serve ended before listening: %s", stderr.String())
		}
		return cmd, a, &stderr
	case <-time.After(time.Minute):
		t.Fatalf("serve not listening after a minute: %s", stderr.String())
	}
	return nil, "", nil
}

// postArticle posts one article file as a client of /api/v2/articles does.
func postArticle(client *http.Client, addr, file string) error {
	body, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, addr+"/api/v2/articles?name="+filepath.Base(file), bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "text/markdown")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("POST %s: %s %s", file, resp.Status, msg)
	}
	return nil
}

// articlesIn returns the IDs of the articles db holds: those with a
// content hash, which an article's load writes with its other quads.
func articlesIn(t *testing.T, db string) map[string]bool {
	t.Helper()
	ctx := context.Background()
	g, err := graph.Open(ctx, graph.Bolt, db, graph.WithReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	r := g.Quads(ctx)
	defer r.Close()
	out := map[string]bool{}
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if q.Predicate == schema.ContentHash {
			if iri, ok := q.Subject.(quad.IRI); ok {
				out[strings.TrimPrefix(string(iri), "article/")] = true
			}
		}
	}
	return out
}
