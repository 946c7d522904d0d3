package fetch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// A Cache keeps the pages a Client fetched, with the validators (ETag,
// Last-Modified) their servers sent, so that the next request for a page
// is a conditional one and a 304 answer reuses the copy. A Cache is only
// ever an optimisation: a page missing from it is fetched again.
type Cache interface {
	// Get returns the page kept for url, or nil when none is.
	Get(ctx context.Context, url string) (*Page, error)
	// Put keeps p under p.URL, replacing any earlier copy.
	Put(ctx context.Context, p *Page) error
}

// DirCache keeps pages as files in a directory, one a URL, so that they
// outlive the process: a second run of newsgraph build, or a restarted
// watch, asks servers only whether pages changed. Each file is written
// whole and renamed into place, so a killed process leaves the old copy or
// the new one, never half of one; several processes may share the
// directory.
type DirCache struct{ dir string }

// NewDirCache returns a cache in dir, which is created when the first page
// is kept.
func NewDirCache(dir string) *DirCache { return &DirCache{dir: dir} }

// Dir is the directory the cache keeps its files in.
func (c *DirCache) Dir() string { return c.dir }

// file is where a URL's page is kept: a hash of the URL, spread over 256
// subdirectories so that no directory grows huge.
func (c *DirCache) file(url string) string {
	h := sha256.Sum256([]byte(url))
	name := hex.EncodeToString(h[:])
	return filepath.Join(c.dir, name[:2], name+".page")
}

// Get reads the file of url: a line of JSON (the page less its body), then
// the body. A file that cannot be understood is no copy.
func (c *DirCache) Get(ctx context.Context, url string) (*Page, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(c.file(url))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	head, body, ok := bytes.Cut(raw, []byte("\n"))
	var p Page
	if !ok || json.Unmarshal(head, &p) != nil || p.URL != url || int64(len(body)) != p.Size {
		return nil, nil
	}
	p.Body = body
	return &p, nil
}

// Put writes the file of p.URL through a temporary file renamed into place.
func (c *DirCache) Put(ctx context.Context, p *Page) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	file := c.file(p.URL)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	meta := *p
	meta.Size = int64(len(p.Body))
	head, err := json.Marshal(&meta)
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".page-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	_, err = tmp.Write(append(append(head, '\n'), p.Body...))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// MemCache keeps pages in memory, for the life of the process: a watch on
// a store that keeps nothing on disk (--db memory) still asks only
// conditionally from its second round on.
type MemCache struct {
	mu    sync.Mutex
	pages map[string]Page
}

// NewMemCache returns an empty MemCache.
func NewMemCache() *MemCache { return &MemCache{pages: map[string]Page{}} }

func (c *MemCache) Get(ctx context.Context, url string) (*Page, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.pages[url]
	if !ok {
		return nil, nil
	}
	return &p, nil
}

func (c *MemCache) Put(ctx context.Context, p *Page) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pages[p.URL] = *p
	return nil
}
