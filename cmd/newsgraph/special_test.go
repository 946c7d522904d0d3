//go:build unix

package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBuildRefusesFIFO: build and extract refuse a FIFO by name, named or
// in a folder, and name a dangling link, instead of waiting for a writer.
func TestBuildRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	os.WriteFile(filepath.Join(in, "a.txt"), []byte("Depot to close\n\nThe bus depot will close in March, the operator said on Monday.\n"), 0o644)
	fifo := filepath.Join(dir, "fifo.txt")
	for _, p := range []string{fifo, filepath.Join(in, "pipe.txt")} {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Symlink("gone.txt", filepath.Join(in, "dangling.txt"))
	for _, args := range [][]string{
		{"build", "--db", filepath.Join(dir, "db"), fifo, in},
		{"extract", fifo, in},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		out := &watchOutput{}
		err := runCtx(ctx, out, args...)
		late := ctx.Err() != nil
		cancel()
		if late {
			t.Fatalf("%s: still running at the deadline", args[0])
		}
		text := out.String()
		if err == nil || !strings.Contains(text, fifo+": a named pipe (FIFO), not a regular file") {
			t.Errorf("%s: %v, output:\n%s\nwant the FIFO refused by name", args[0], err, text)
		}
		for _, want := range []string{"pipe.txt (a named pipe (FIFO), not a regular file)", "dangling.txt (a dangling symbolic link"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: output does not name %q:\n%s", args[0], want, text)
			}
		}
	}
}

// TestSignalStops: SIGTERM and SIGINT stop build and extract while they
// wait on standard input that never ends.
func TestSignalStops(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		for _, args := range [][]string{{"extract", "-"}, {"build", "--db", filepath.Join(t.TempDir(), "db"), "-"}} {
			cmd := exec.Command(bin, args...)
			stdin, err := cmd.StdinPipe() // never written to, never closed
			if err != nil {
				t.Fatal(err)
			}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(500 * time.Millisecond)
			start := time.Now()
			cmd.Process.Signal(sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(stderr.String(), "stopped by") {
					t.Errorf("%v after %v: %v, stderr %q", args[0], sig, err, stderr.String())
				}
				t.Logf("%s stopped %v after %v", args[0], time.Since(start).Round(time.Millisecond), sig)
			case <-time.After(5 * time.Second):
				cmd.Process.Kill()
				t.Errorf("%s still running 5s after %v", args[0], sig)
				<-done
			}
			stdin.Close()
		}
	}
}
