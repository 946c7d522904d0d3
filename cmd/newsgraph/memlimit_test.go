package main

import (
	"math"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestParseByteSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"4000000000", 4_000_000_000},
		{"4GiB", 4 << 30},
		{"3900MiB", 3900 << 20},
		{"3900mib", 3900 << 20},
		{" 1.5 GiB ", 3 << 29},
		{"512KiB", 512 << 10},
		{"2TiB", 2 << 40},
		{"4G", 4 << 30},
		{"4GB", 4_000_000_000},
		{"250MB", 250_000_000},
		{"8kB", 8000},
		{"100B", 100},
		{"0", 0},
	}
	for _, tt := range tests {
		got, err := parseByteSize(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("parseByteSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "GiB", "-1GiB", "4 GiBs", "four", "1e9", "0x10", "inf", "NaN", "9999999TiB", "4_000"} {
		if n, err := parseByteSize(bad); err == nil {
			t.Errorf("parseByteSize(%q) = %d, want an error", bad, n)
		}
	}
}

func FuzzParseByteSize(f *testing.F) {
	for _, s := range []string{"4GiB", "1.5G", "100", "-1", "1e3MB", "NaN", "9999999TiB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseByteSize(s)
		if err != nil {
			if !strings.Contains(err.Error(), "size") {
				t.Errorf("error %q does not say what it is about", err)
			}
			return
		}
		if n < 0 || n == math.MaxInt64 {
			t.Errorf("parseByteSize(%q) = %d", s, n)
		}
	})
}

// build --memory-limit sets the soft memory limit; a bad size is refused
// before anything is built.
func TestBuildMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })

	db := filepath.Join(t.TempDir(), "newsgraph.db")
	if _, errOut, err := run(t, "build", "--db", db, "--progress=never", "--memory-limit", "3GiB"); err != nil {
		t.Fatalf("build: %v\n%s", err, errOut)
	}
	if got := debug.SetMemoryLimit(-1); got != 3<<30 {
		t.Errorf("memory limit after build --memory-limit 3GiB: %d", got)
	}

	_, _, err := run(t, "build", "--db", filepath.Join(t.TempDir(), "other.db"), "--memory-limit", "lots")
	if err == nil || !strings.Contains(err.Error(), `size "lots"`) {
		t.Errorf("--memory-limit lots: %v", err)
	}
}
