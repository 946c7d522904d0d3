package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/source"
)

// Defaults of a Client's options.
const (
	DefaultAgent        = "newsgraph"
	DefaultContact      = "https://github.com/newsgraph/newsgraph"
	DefaultRateLimit    = time.Second      // between two requests to one host
	DefaultTimeout      = 30 * time.Second // for one request, body included
	DefaultMaxRedirects = 5
	DefaultMaxBody      = 32 << 20
	// RobotsTTL is how long a host's robots.txt is trusted before it is
	// asked for again (conditionally), as RFC 9309 suggests.
	RobotsTTL = 24 * time.Hour
)

// Errors a fetch fails with, inside a *source.FileError naming the URL.
var (
	ErrDisallowed        = errors.New("robots.txt disallows it")
	ErrTimeout           = errors.New("timed out")
	ErrTooLarge          = errors.New("response too large")
	ErrTooManyRedirects  = errors.New("too many redirects")
	ErrUnsupportedScheme = errors.New("not an http or https URL")
)

// A StatusError is a response whose status is neither a success nor a
// 304 that a cached copy answers: "HTTP 404 Not Found".
type StatusError struct {
	Code   int
	Status string // as the server sent it ("404 Not Found")
}

func (e *StatusError) Error() string { return "HTTP " + e.Status }

// A Page is one fetched response, as a Cache keeps it.
type Page struct {
	URL          string    `json:"url"`             // as asked for
	FinalURL     string    `json:"final,omitempty"` // after redirects
	ContentType  string    `json:"type,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"lastModified,omitempty"`
	Fetched      time.Time `json:"fetched"`        // when the server last sent or confirmed it
	Item         string    `json:"item,omitempty"` // the content hash of the feed item that linked to it
	Size         int64     `json:"size"`           // of Body, as the cache checks it
	Body         []byte    `json:"-"`

	// How Get came by the page; never kept.
	NotModified bool `json:"-"` // the server answered 304 and the cached body stands
	Reused      bool `json:"-"` // no request was made: the cached copy was known to be current
}

// Charset is the charset the Content-Type names, "" for none.
func (p *Page) Charset() string {
	_, params, err := mime.ParseMediaType(p.ContentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// MediaType is the Content-Type without its parameters, lower-cased.
func (p *Page) MediaType() string {
	mt, _, err := mime.ParseMediaType(p.ContentType)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.Split(p.ContentType, ";")[0]))
	}
	return mt
}

// Stats count what a Client did, for a log line.
type Stats struct {
	Requests    int   // sent to servers, robots.txt and redirects included
	NotModified int   // answered 304: the cached copy was reused
	Reused      int   // pages taken from the cache with no request at all
	Bytes       int64 // of bodies downloaded
	CacheErrors int   // pages that could not be kept in the cache
	CacheErr    error // the first of them
}

// Sub is s less an earlier snapshot: what happened since.
func (s Stats) Sub(earlier Stats) Stats {
	d := Stats{Requests: s.Requests - earlier.Requests, NotModified: s.NotModified - earlier.NotModified,
		Reused: s.Reused - earlier.Reused, Bytes: s.Bytes - earlier.Bytes, CacheErrors: s.CacheErrors - earlier.CacheErrors}
	if d.CacheErrors > 0 {
		d.CacheErr = s.CacheErr
	}
	return d
}

type config struct {
	agent, version, contact string
	userAgent               string
	rateLimit               time.Duration
	timeout                 time.Duration
	maxRedirects            int
	maxBody                 int64
	cache                   Cache
	transport               http.RoundTripper
	fullText                FullText
}

// An Option configures a Client.
type Option func(*config)

// WithUserAgent names the program in the User-Agent header,
// "NAME/VERSION (+CONTACT)", and in robots.txt: the rules of the group
// for NAME (ignoring case), else those for "*", apply. CONTACT is where a
// site's owner can find out who is fetching and why; a URL is usual.
// Empty arguments keep the defaults (DefaultAgent, the module's version,
// DefaultContact).
func WithUserAgent(name, version, contact string) Option {
	return func(c *config) {
		if name != "" {
			c.agent = name
		}
		if version != "" {
			c.version = version
		}
		if contact != "" {
			c.contact = contact
		}
	}
}

// WithRateLimit sets the least time between two requests to one host
// (default DefaultRateLimit); a robots.txt Crawl-delay that is longer
// wins. d <= 0 means no limit but the Crawl-delay.
func WithRateLimit(d time.Duration) Option {
	return func(c *config) { c.rateLimit = max(d, 0) }
}

// WithTimeout bounds one request, from sending it to the body's last byte
// (default DefaultTimeout). Time spent waiting for the rate limit is not
// counted.
func WithTimeout(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.timeout = d
		}
	}
}

// WithMaxRedirects sets how many redirects one request follows (default
// DefaultMaxRedirects); 0 follows none.
func WithMaxRedirects(n int) Option {
	return func(c *config) { c.maxRedirects = max(n, 0) }
}

// WithMaxBody sets the largest body read, in bytes (default
// DefaultMaxBody); a larger one fails with ErrTooLarge.
func WithMaxBody(n int64) Option {
	return func(c *config) {
		if n > 0 {
			c.maxBody = n
		}
	}
}

// WithCache keeps pages in cache (default: a MemCache, for the Client's
// life). A DirCache makes a second run ask only whether pages changed.
func WithCache(cache Cache) Option {
	return func(c *config) {
		if cache != nil {
			c.cache = cache
		}
	}
}

// WithTransport sends requests through rt instead of a copy of
// http.DefaultTransport: a test's fake, a program's own proxy or
// instrumentation. Redirects, robots.txt, the rate limit and the cache are
// the Client's either way.
func WithTransport(rt http.RoundTripper) Option {
	return func(c *config) { c.transport = rt }
}

// A Client fetches pages politely: it says who it is, asks each host's
// robots.txt first and obeys it, spaces its requests to each host, asks
// conditionally for what it has fetched before and keeps what it fetched
// in a Cache. It is safe for concurrent use; its zero value is not usable,
// call New.
type Client struct {
	cfg config
	hc  *http.Client

	mu     sync.Mutex
	hosts  map[string]*pacer       // by host name
	robots map[string]*robotsEntry // by scheme://host:port
	stats  Stats
}

// robotsEntry is one site's robots.txt as the Client last read it.
type robotsEntry struct {
	mu      sync.Mutex // held while it is fetched, so a site's robots.txt is asked for once
	rules   robotsRules
	closed  string // why the whole site is off limits ("" when it is not)
	err     error  // the robots.txt could not be fetched at all
	expires time.Time
}

// New returns a Client with the given options.
func New(opts ...Option) *Client {
	c := config{agent: DefaultAgent, version: moduleVersion(), contact: DefaultContact, rateLimit: DefaultRateLimit,
		timeout: DefaultTimeout, maxRedirects: DefaultMaxRedirects, maxBody: DefaultMaxBody}
	for _, o := range opts {
		o(&c)
	}
	if c.cache == nil {
		c.cache = NewMemCache()
	}
	c.userAgent = fmt.Sprintf("%s/%s (+%s)", c.agent, c.version, c.contact)
	cl := &Client{cfg: c, hosts: map[string]*pacer{}, robots: map[string]*robotsEntry{}}
	rt := c.transport
	if rt == nil {
		rt = http.DefaultTransport.(*http.Transport).Clone()
	}
	cl.hc = &http.Client{Transport: rt, CheckRedirect: cl.checkRedirect}
	return cl
}

// UserAgent is the User-Agent header the Client sends.
func (c *Client) UserAgent() string { return c.cfg.userAgent }

// Stats returns what the Client has done so far.
func (c *Client) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

// Get fetches one URL: robots.txt allowing, after the host's rate limit,
// conditionally when the cache holds a copy (a 304 answer returns the
// copy, NotModified set). Errors are *source.FileErrors naming the URL,
// wrapping ErrDisallowed, ErrTimeout, ErrTooLarge, ErrTooManyRedirects, a
// *StatusError or the network's error; a cancelled ctx returns ctx.Err().
func (c *Client) Get(ctx context.Context, rawURL string) (*Page, error) {
	return c.get(ctx, rawURL, getOptions{})
}

// getOptions are what Read asks of get beyond a plain Get.
type getOptions struct {
	// item is the content hash of the feed item linking to the page: when
	// the cached copy was fetched for the same item, it is reused without
	// a request.
	item string
	// accept checks a response's media type before its body is read.
	accept func(mediaType string) error
}

func (c *Client) get(ctx context.Context, rawURL string, o getOptions) (*Page, error) {
	fail := func(err error) (*Page, error) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &source.FileError{Path: rawURL, Err: err}
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return fail(err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return fail(ErrUnsupportedScheme)
	}
	cached, err := c.cfg.cache.Get(ctx, rawURL)
	if err != nil {
		cached = nil // a cache that cannot be read is a cache that is empty
	}
	if cached != nil && o.item != "" && cached.Item == o.item {
		c.count(func(s *Stats) { s.Reused++ })
		cached.Reused = true
		return cached, nil
	}
	if err := c.allowed(ctx, u); err != nil {
		return fail(err)
	}
	p, err := c.request(ctx, u, cached, o.accept)
	if err != nil {
		return fail(err)
	}
	p.Item = o.item
	c.keep(ctx, p)
	return p, nil
}

// keep puts p in the cache; a failure is counted, not returned: the page
// was fetched, and only the next run's request suffers.
func (c *Client) keep(ctx context.Context, p *Page) {
	if err := c.cfg.cache.Put(ctx, p); err != nil && ctx.Err() == nil {
		c.count(func(s *Stats) {
			s.CacheErrors++
			if s.CacheErr == nil {
				s.CacheErr = err
			}
		})
	}
}

func (c *Client) count(f func(*Stats)) {
	c.mu.Lock()
	f(&c.stats)
	c.mu.Unlock()
}

// parentKey carries a request's own ctx (without the per-request timeout)
// to checkRedirect, which waits for the rate limit on it.
type parentKey struct{}

// request sends one GET for u, conditional on cached when there is one,
// and reads the answer.
func (c *Client) request(ctx context.Context, u *url.URL, cached *Page, accept func(string) error) (*Page, error) {
	if err := c.wait(ctx, u); err != nil {
		return nil, err
	}
	rctx, cancel := context.WithTimeout(context.WithValue(ctx, parentKey{}, ctx), c.cfg.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.cfg.userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8")
	if cached != nil {
		if cached.ETag != "" {
			req.Header.Set("If-None-Match", cached.ETag)
		}
		if cached.LastModified != "" {
			req.Header.Set("If-Modified-Since", cached.LastModified)
		}
	}
	c.count(func(s *Stats) { s.Requests++ })
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, c.timedOut(ctx, rctx, err)
	}
	defer resp.Body.Close()
	now := time.Now().UTC()
	switch {
	case resp.StatusCode == http.StatusNotModified && cached != nil:
		c.count(func(s *Stats) { s.NotModified++ })
		p := *cached
		p.Fetched, p.NotModified = now, true
		if v := resp.Header.Get("ETag"); v != "" {
			p.ETag = v
		}
		if v := resp.Header.Get("Last-Modified"); v != "" {
			p.LastModified = v
		}
		return &p, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, &StatusError{Code: resp.StatusCode, Status: resp.Status}
	}
	p := &Page{URL: u.String(), FinalURL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"),
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"), Fetched: now}
	if p.FinalURL == p.URL {
		p.FinalURL = ""
	}
	if accept != nil {
		if err := accept(p.MediaType()); err != nil {
			return nil, err
		}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.cfg.maxBody+1))
	c.count(func(s *Stats) { s.Bytes += int64(len(body)) })
	if err != nil {
		return nil, c.timedOut(ctx, rctx, err)
	}
	if int64(len(body)) > c.cfg.maxBody {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, c.cfg.maxBody)
	}
	p.Body = body
	return p, nil
}

// timedOut turns an error that the request's own deadline caused into
// ErrTimeout; others (and the caller's cancellation) pass through.
func (c *Client) timedOut(ctx, rctx context.Context, err error) error {
	if ctx.Err() == nil && errors.Is(rctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w: no complete answer within %s", ErrTimeout, c.cfg.timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err // the URL is named once, by the FileError
	}
	return err
}

// checkRedirect bounds redirects, and holds each hop to the rules of the
// first request: http or https, robots.txt and the host's rate limit.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.cfg.maxRedirects {
		return fmt.Errorf("%w: more than %d", ErrTooManyRedirects, c.cfg.maxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirected to %s: %w", req.URL, ErrUnsupportedScheme)
	}
	ctx, ok := req.Context().Value(parentKey{}).(context.Context)
	if !ok {
		ctx = req.Context()
	}
	// A robots.txt may redirect anywhere; the site's rules are being read,
	// so there are none to hold its hops to.
	if via[0].URL.Path != "/robots.txt" {
		if err := c.allowed(ctx, req.URL); err != nil {
			return fmt.Errorf("redirected to %s: %w", req.URL, err)
		}
	}
	c.count(func(s *Stats) { s.Requests++ })
	return c.wait(ctx, req.URL)
}

// wait blocks until the rate limit lets a request go to u's host.
func (c *Client) wait(ctx context.Context, u *url.URL) error {
	return c.pacer(u).wait(ctx)
}

func (c *Client) pacer(u *url.URL) *pacer {
	host := strings.ToLower(u.Hostname())
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.hosts[host]
	if !ok {
		p = &pacer{interval: c.cfg.rateLimit}
		c.hosts[host] = p
	}
	return p
}

// A pacer spaces the requests to one host: each goes at least interval
// after the one before left. (golang.org/x/time/rate spaces its
// reservations instead, so a waiter woken late is followed by one on time,
// and two requests went 136 ms apart under a 150 ms limit.)
type pacer struct {
	mu       sync.Mutex
	interval time.Duration
	next     time.Time // the earliest the next request may go
}

func (p *pacer) wait(ctx context.Context) error {
	for {
		p.mu.Lock()
		now := time.Now()
		if !now.Before(p.next) {
			p.next = now.Add(p.interval)
			p.mu.Unlock()
			return nil
		}
		d := p.next.Sub(now)
		p.mu.Unlock()
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// slowTo makes the pacer's interval at least d, and applies it from the
// last request on.
func (p *pacer) slowTo(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if d > p.interval {
		p.next = p.next.Add(d - p.interval)
		p.interval = d
	}
}

// moduleVersion is newsgraph's version as the Go build recorded it, "dev"
// for a build from a work tree.
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	v := bi.Main.Version
	if bi.Main.Path != modulePath {
		v = ""
		for _, d := range bi.Deps {
			if d.Path == modulePath {
				v = d.Version
			}
		}
	}
	if v == "" || v == "(devel)" {
		return "dev"
	}
	return v
}

const modulePath = "github.com/newsgraph/newsgraph"

// allowed reports nil when the robots.txt of u's site lets the Client
// fetch u, ErrDisallowed (with the reason) when it does not, and an error
// when the robots.txt could not be fetched at all. A site's robots.txt is
// fetched once and kept for RobotsTTL (in the cache too, so a second run
// asks for it conditionally). As RFC 9309 says, a robots.txt that is not
// there (a 4xx answer) allows everything, and a server error (5xx)
// disallows everything until it is asked again, a minute later.
func (c *Client) allowed(ctx context.Context, u *url.URL) error {
	site := u.Scheme + "://" + strings.ToLower(u.Host)
	c.mu.Lock()
	e, ok := c.robots[site]
	if !ok {
		e = &robotsEntry{}
		c.robots[site] = e
	}
	c.mu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if time.Now().After(e.expires) {
		c.readRobots(ctx, site, e)
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	switch {
	case e.err != nil:
		return fmt.Errorf("robots.txt: %w", e.err)
	case e.closed != "":
		return fmt.Errorf("%w: %s", ErrDisallowed, e.closed)
	}
	target := u.EscapedPath()
	if target == "" {
		target = "/"
	}
	if u.RawQuery != "" {
		target += "?" + u.RawQuery
	}
	if !e.rules.allows(target) {
		return fmt.Errorf("%w for %s", ErrDisallowed, c.cfg.agent)
	}
	return nil
}

// readRobots fetches site's robots.txt into e.
func (c *Client) readRobots(ctx context.Context, site string, e *robotsEntry) {
	e.rules, e.closed, e.err, e.expires = robotsRules{}, "", nil, time.Now().Add(RobotsTTL)
	u, _ := url.Parse(site + "/robots.txt")
	cached, err := c.cfg.cache.Get(ctx, u.String())
	if err != nil {
		cached = nil
	}
	p, err := c.request(ctx, u, cached, nil)
	var se *StatusError
	switch {
	case errors.As(err, &se) && se.Code >= 400 && se.Code < 500:
		// No robots.txt: no rules.
	case errors.As(err, &se) && se.Code >= 500:
		e.closed = "its robots.txt answered " + se.Error() + ", which closes the site to crawlers until it answers"
		e.expires = time.Now().Add(time.Minute)
	case err != nil:
		e.err = err
		e.expires = time.Now() // ask again next time
	default:
		c.keep(ctx, p)
		e.rules = parseRobots(p.Body, c.cfg.agent)
		c.pacer(u).slowTo(e.rules.delay)
	}
}
