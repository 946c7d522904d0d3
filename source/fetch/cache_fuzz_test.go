package fetch

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// FuzzDirCache reads arbitrary bytes as a cached page's file (what a full
// disk or another program may leave in the cache): it is a page for the
// URL asked, whole, or no copy, never an error or a panic.
func FuzzDirCache(f *testing.F) {
	const url = "https://example.org/a"
	f.Add([]byte(`{"url":"https://example.org/a","type":"text/html","etag":"\"x\"","fetched":"2010-07-13T09:30:00Z","size":4}` + "\n<p>x"))
	f.Add([]byte(`{"url":"https://example.org/a","size":-1}` + "\n"))
	f.Add([]byte(`{"url":"https://example.org/b","size":0}` + "\n"))
	f.Add([]byte("no header line"))
	c := NewDirCache(f.TempDir())
	file := c.file(url)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := c.Get(context.Background(), url)
		if err != nil {
			t.Fatalf("Get: %v", err)
		}
		if p != nil && (p.URL != url || int64(len(p.Body)) != p.Size) {
			t.Fatalf("page for %q of %d bytes, size %d", p.URL, len(p.Body), p.Size)
		}
	})
}
