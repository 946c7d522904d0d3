package main

import (
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDamagedStoreCommands: every command that opens a store cut short
// fails with an error that names the file and says what to do.
func TestDamagedStoreCommands(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src")
	if _, errOut, err := run(t, "build", "--db", src); err != nil {
		t.Fatalf("build: %v\n%s", err, errOut)
	}
	orig, err := os.ReadFile(filepath.Join(src, "indexes.bolt"))
	if err != nil {
		t.Fatal(err)
	}
	// Bolt grows its file ahead of its pages: cut within the pages.
	e := binary.NativeEndian
	used := int(e.Uint64(orig[16+40:]) * uint64(e.Uint32(orig[16+8:])))
	if ps := int(e.Uint32(orig[16+8:])); e.Uint64(orig[ps+16+48:]) > e.Uint64(orig[16+48:]) {
		used = int(e.Uint64(orig[ps+16+40:]) * uint64(ps))
	}
	for _, cut := range []int{8 << 10, 64 << 10, used / 2, used * 9 / 10} {
		if cut >= used {
			continue
		}
		db := filepath.Join(t.TempDir(), "db")
		os.Mkdir(db, 0o755)
		file := filepath.Join(db, "indexes.bolt")
		if err := os.WriteFile(file, orig[:cut], 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"build", "--db", db},
			{"query", "--db", db, `g.V().All()`},
			{"export", "--db", db, "-o", filepath.Join(t.TempDir(), "out.nq")},
			{"serve", "--db", db, "--addr", "127.0.0.1:0"},
			{"serve", "--db", db, "--addr", "127.0.0.1:0", "--writable"},
			{"top", "--db", db},
			{"rm", "--db", db, "a1"},
		} {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			err := runCtx(ctx, &watchOutput{}, args...)
			cancel()
			if err == nil || !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), "newsgraph build") {
				t.Errorf("%v on a store cut to %d bytes: %v, want an error naming %s and what to do", args[0], cut, err, file)
			}
		}
	}
}
