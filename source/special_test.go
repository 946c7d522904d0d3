//go:build unix

package source

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// readWithin collects a Read of paths, failing the test if it has not
// ended within d (a FIFO opened for reading waits for a writer for good).
func readWithin(t *testing.T, d time.Duration, paths []string, opts ...ReadOption) ([]result, []Skip) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var skips []Skip
	opts = append(opts, WithSkipped(func(s Skip) { skips = append(skips, s) }))
	done := make(chan []result, 1)
	go func() { done <- collect(Read(ctx, paths, opts...)) }()
	select {
	case got := <-done:
		return got, skips
	case <-time.After(d + 5*time.Second):
		t.Fatalf("Read(%q) still running after %v", paths, d+5*time.Second)
		return nil, nil
	}
}

// TestReadSpecialFiles: FIFOs, sockets and devices are refused by name,
// never opened, whether named or found in a folder; dangling links and
// link loops in a folder are named among the skips.
func TestReadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"in/a.txt": goodText})
	fifo := filepath.Join(dir, "fifo.txt")
	inFifo := filepath.Join(dir, "in", "pipe.txt")
	for _, p := range []string{fifo, inFifo} {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Symlink("nowhere.txt", filepath.Join(dir, "in", "dangling.txt"))
	os.Symlink("loop2.txt", filepath.Join(dir, "in", "loop1.txt"))
	os.Symlink("loop1.txt", filepath.Join(dir, "in", "loop2.txt"))
	os.Symlink("/dev/null", filepath.Join(dir, "in", "null.txt"))
	os.Symlink("..", filepath.Join(dir, "in", "up")) // not followed, not named

	got, skips := readWithin(t, 5*time.Second, []string{fifo, "/dev/null", filepath.Join(dir, "in")})
	var errs []string
	var ids []string
	for _, r := range got {
		if r.err != nil {
			if !errors.Is(r.err, ErrNotRegular) {
				t.Errorf("error %v is not ErrNotRegular", r.err)
			}
			errs = append(errs, r.err.Error())
		} else {
			ids = append(ids, r.a.ID)
		}
	}
	wantErrs := []string{fifo + ": a named pipe (FIFO), not a regular file", "/dev/null: a character device, not a regular file"}
	if !slices.Equal(errs, wantErrs) {
		t.Errorf("errors = %q\nwant %q", errs, wantErrs)
	}
	if !slices.Equal(ids, []string{"a"}) {
		t.Errorf("articles = %q, want [a]", ids)
	}
	var named []string
	for _, s := range skips {
		if !s.NotFile {
			t.Errorf("skip %+v is not NotFile", s)
		}
		named = append(named, filepath.Base(s.Path)+": "+s.Reason)
	}
	want := []string{
		"dangling.txt: a dangling symbolic link (its target does not exist)",
		"loop1.txt: a symbolic link loop",
		"loop2.txt: a symbolic link loop",
		"null.txt: a symbolic link to a character device, not a regular file",
		"pipe.txt: a named pipe (FIFO), not a regular file",
	}
	if !slices.Equal(named, want) {
		t.Errorf("skips:\n%s\nwant\n%s", strings.Join(named, "\n"), strings.Join(want, "\n"))
	}
}

// TestReadStdinStops: a cancelled context stops a read of standard input
// that blocks (a pipe nobody writes to or closes).
func TestReadStdinStops(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	got, _ := readWithin(t, 200*time.Millisecond, []string{"-"}, WithStdin(pr))
	if len(got) != 1 || !errors.Is(got[0].err, context.DeadlineExceeded) {
		t.Errorf("got %+v, want the context's error", got)
	}
}
