package main

import (
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/examples"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/source"
	"github.com/newsgraph/newsgraph/source/fetch"
)

// inputs are a command's arguments, told apart: paths to read (files,
// directories, "-") and URLs to fetch.
type inputs struct {
	paths, urls []string
}

func splitInputs(args []string) inputs {
	var in inputs
	for _, a := range args {
		if isURL(a) {
			in.urls = append(in.urls, a)
		} else {
			in.paths = append(in.paths, a)
		}
	}
	return in
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// articles reads the paths, then fetches the URLs with fc; with neither it
// reads the embedded example articles. What the reader passes over goes to
// skips, when not nil.
func (in inputs) articles(ctx context.Context, fc *fetch.Client, skips *skipped) iter.Seq2[extract.Article, error] {
	var opts []source.ReadOption
	if skips != nil {
		opts = append(opts, source.WithSkipped(skips.add))
	}
	if len(in.paths) == 0 && len(in.urls) == 0 {
		return source.ReadFS(ctx, examples.Articles, ".", opts...)
	}
	return func(yield func(extract.Article, error) bool) {
		if len(in.paths) > 0 {
			for a, err := range source.Read(ctx, in.paths, opts...) {
				if !yield(a, err) {
					return
				}
			}
		}
		if len(in.urls) > 0 && ctx.Err() == nil {
			for a, err := range fc.Read(ctx, in.urls, opts...) {
				if !yield(a, err) {
					return
				}
			}
		}
	}
}

// fetchFlags are the flags of the commands that fetch URLs.
type fetchFlags struct {
	cache     string
	rateLimit time.Duration
	timeout   time.Duration
	userAgent string
	contact   string
	fullText  string
}

func (f *fetchFlags) add(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.StringVar(&f.cache, "cache", "", `directory where fetched pages are kept between runs (default: fetch-cache inside a bolt store; memory for a memory store or none; the user's cache directory for a database server's store); "none": memory only`)
	fs.DurationVar(&f.rateLimit, "rate-limit", fetch.DefaultRateLimit, "least time between two requests to one host (a longer robots.txt Crawl-delay wins)")
	fs.DurationVar(&f.timeout, "timeout", fetch.DefaultTimeout, "longest one request may take, body included")
	fs.StringVar(&f.userAgent, "user-agent", "", `NAME/VERSION in the User-Agent header, NAME the robots.txt rules that apply (default newsgraph/VERSION)`)
	fs.StringVar(&f.contact, "contact", fetch.DefaultContact, "where sites' owners can find out who is fetching (a URL or mailto:), sent in the User-Agent")
	fs.StringVar(&f.fullText, "full-text", "auto", "fetch the page a feed item links to: auto (when the feed carries only a summary), always or never")
}

// client makes the fetcher, with its cache beside the store db names
// (see cacheFor). The string describes the cache for the user.
func (f *fetchFlags) client(db string, haveStore bool) (*fetch.Client, string, error) {
	ft, err := fetch.ParseFullText(f.fullText)
	if err != nil {
		return nil, "", fmt.Errorf("--full-text: %w", err)
	}
	name, version, _ := strings.Cut(f.userAgent, "/")
	cache, where := f.cacheFor(db, haveStore)
	return fetch.New(
		fetch.WithUserAgent(name, version, f.contact),
		fetch.WithRateLimit(f.rateLimit),
		fetch.WithTimeout(f.timeout),
		fetch.WithFullText(ft),
		fetch.WithCache(cache),
	), where, nil
}

// cacheFor is where fetched pages are kept: --cache; else inside a bolt
// (or leveldb) store's directory, so the store and what it was built from
// go together; nothing on disk for a memory store or no store at all; the
// user's cache directory for a database server's store.
func (f *fetchFlags) cacheFor(db string, haveStore bool) (fetch.Cache, string) {
	switch f.cache {
	case "none":
		return fetch.NewMemCache(), "in memory"
	case "":
	default:
		return fetch.NewDirCache(f.cache), f.cache
	}
	if !haveStore {
		return fetch.NewMemCache(), "in memory"
	}
	backend, address := graph.ParseDB(db)
	switch backend {
	case graph.Memory:
		return fetch.NewMemCache(), "in memory"
	case graph.Bolt, "leveldb":
		if filepath.Base(address) == "indexes.bolt" {
			address = filepath.Dir(address)
		}
		dir := filepath.Join(address, "fetch-cache")
		return fetch.NewDirCache(dir), dir
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return fetch.NewMemCache(), "in memory"
	}
	dir := filepath.Join(base, "newsgraph", "fetch")
	return fetch.NewDirCache(dir), dir
}

// printFetched writes one line of what fetching did.
func printFetched(w io.Writer, st fetch.Stats, where string) {
	fmt.Fprintf(w, "fetched:  %s; cache %s\n", describeFetch(st), where)
	if st.CacheErrors > 0 {
		fmt.Fprintf(w, "          %d page(s) could not be kept in the cache: %v\n", st.CacheErrors, st.CacheErr)
	}
}

// describeFetch says what fetching did: "3 requests (2 not modified), 9
// pages from the cache, 41 KB downloaded".
func describeFetch(st fetch.Stats) string {
	s := plural(st.Requests, "request")
	if st.NotModified > 0 {
		s += fmt.Sprintf(" (%d not modified)", st.NotModified)
	}
	if st.Reused > 0 {
		s += ", " + plural(st.Reused, "page") + " from the cache"
	}
	return s + ", " + bytesOf(st.Bytes) + " downloaded"
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

func bytesOf(n int64) string {
	switch {
	case n >= 10<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 10<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
