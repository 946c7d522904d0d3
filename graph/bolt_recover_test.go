package graph_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// mappedPages returns how many pages of file the process has mapped in
// (its resident set in the file's mappings, /proc/self/smaps): the pages
// of a bolt file read since it was opened, and their neighbours the
// kernel maps along (fault-around), a constant factor.
func mappedPages(t testing.TB, file string) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no smaps: %v", err)
	}
	defer f.Close()
	var kb int64
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		if len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":") {
			in = len(fields) == 6 && fields[5] == file
			continue
		}
		if in && len(fields) == 3 && fields[0] == "Rss:" {
			var n int64
			fmt.Sscan(fields[1], &n)
			kb += n
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return kb * 1024 / int64(os.Getpagesize())
}

// openStoppedWrite builds a store of articles base articles, stops a write
// of 10 more before its last transaction (values, the log and all indexes
// but one written, as a crash there would leave them), and returns the
// pages the store's file has, those an Open that undoes the write reads,
// and those an Open of the same store with nothing to undo reads, with
// the time each Open took.
func openStoppedWrite(t testing.TB, base int) (file, undo, clean int64, undoTime, cleanTime time.Duration) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "db")
	dbFile := filepath.Join(path, "indexes.bolt")
	g, err := graph.Open(ctx, graph.Bolt, path)
	if err != nil {
		t.Fatal(err)
	}
	const batch = 500 // articles: a batch of the 100,000-article benchmark's size per 200
	for from := 0; from < base; from += batch {
		if _, err := g.LoadBatch(ctx, corpusDocs(from, min(from+batch, base), "v1")); err != nil {
			t.Fatal(err)
		}
	}
	g.Close()
	g, err = graph.Open(ctx, graph.Bolt, path, graph.WithBoltCrashAfter(4))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.LoadBatch(ctx, corpusDocs(base, base+10, "v1")); !errors.Is(err, graph.ErrCrashed) {
		t.Fatalf("the stopped write: %v, want ErrCrashed", err)
	}
	g.Close()
	fi, err := os.Stat(dbFile)
	if err != nil {
		t.Fatal(err)
	}
	file = fi.Size() / int64(os.Getpagesize())
	measure := func() (int64, time.Duration) {
		runtime.GC() // no earlier mapping of the file left to count
		start := time.Now()
		g, err := graph.Open(ctx, graph.Bolt, path)
		if err != nil {
			t.Fatal(err)
		}
		d := time.Since(start)
		pages := mappedPages(t, dbFile)
		g.Close()
		return pages, d
	}
	undo, undoTime = measure()
	clean, cleanTime = measure()
	return file, undo, clean, undoTime, cleanTime
}

// TestBoltRecoverReadsOnlyTheWrite stops a write of 10 articles on a store
// of 400 and on one of 4,000 articles, and requires the Open that undoes it
// to read about as many more pages than a plain Open on both, and a small
// part of the file: the undo reads what the write touched, not the
// indexes or the log of the store.
func TestBoltRecoverReadsOnlyTheWrite(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("counts pages in /proc/self/smaps")
	}
	if testing.Short() {
		t.Skip("builds a store of 4,000 articles")
	}
	fileS, undoS, cleanS, _, _ := openStoppedWrite(t, 400)
	fileL, undoL, cleanL, _, _ := openStoppedWrite(t, 4000)
	extraS, extraL := undoS-cleanS, undoL-cleanL
	t.Logf("400 articles: file %d pages, Open reads %d undoing 10 articles, %d with nothing to undo (%+d)", fileS, undoS, cleanS, extraS)
	t.Logf("4,000 articles: file %d pages, Open reads %d undoing 10 articles, %d with nothing to undo (%+d)", fileL, undoL, cleanL, extraL)
	// The store grows tenfold (its file fourfold); the value buckets the
	// write's values fall in grow deeper, not more numerous.
	if extraL > 3*extraS+64 {
		t.Errorf("undoing 10 articles reads %d pages on 4,000 articles, %d on 400: it grows with the store", extraL, extraS)
	}
	if extraL*10 > fileL {
		t.Errorf("undoing 10 articles reads %d of the store's %d pages", extraL, fileL)
	}
}

// BenchmarkOpenAfterStoppedWrite times the Open that undoes a stopped
// write of 10 articles against a plain Open of the same store, on stores
// of 400 and 4,000 articles; undo/clean is their ratio, pages the pages
// each reads.
func BenchmarkOpenAfterStoppedWrite(b *testing.B) {
	for _, base := range []int{400, 4000} {
		b.Run(fmt.Sprint(base), func(b *testing.B) {
			var undo, clean time.Duration
			var undoPages, cleanPages int64
			for range b.N {
				_, up, cp, ut, ct := openStoppedWrite(b, base)
				undo += ut
				clean += ct
				undoPages += up
				cleanPages += cp
			}
			b.ReportMetric(float64(undo)/float64(b.N)/1e6, "undo-ms")
			b.ReportMetric(float64(clean)/float64(b.N)/1e6, "clean-ms")
			b.ReportMetric(float64(undo)/float64(clean), "undo/clean")
			b.ReportMetric(float64(undoPages)/float64(b.N), "undo-pages")
			b.ReportMetric(float64(cleanPages)/float64(b.N), "clean-pages")
		})
	}
}
