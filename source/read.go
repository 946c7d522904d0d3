package source

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/prose"
	"github.com/newsgraph/newsgraph/schema"
)

// Errors a FileError wraps, for errors.Is.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary file (contains NUL bytes)")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("file too large")
	ErrFrontMatter = errors.New("malformed metadata")
	ErrDuplicateID = errors.New("duplicate article ID")
	ErrNotRegular  = errors.New("not a regular file")
)

// A FileError is a problem with one input file, or with one record of a
// feed, archive or dataset. Read yields it and goes on with the next file
// or record, so a caller can report every bad input of a batch.
type FileError struct {
	Path   string // as given to Read, or below the directory given; "-" for stdin
	Record string // the record within the file ("item 3", "line 17", "record at byte 2048"); "" for the whole file
	Err    error
}

func (e *FileError) Error() string {
	if e.Record == "" {
		return e.Path + ": " + e.Err.Error()
	}
	return e.Path + " (" + e.Record + "): " + e.Err.Error()
}

func (e *FileError) Unwrap() error { return e.Err }

// DefaultMaxSize is the largest file Read accepts unless WithMaxSize says
// otherwise. News articles are a few kilobytes; anything this big is not
// one. Feeds, archives and datasets are read as streams, record by record:
// the limit applies to each record, not to the file.
const DefaultMaxSize = 10 << 20

// A ReadOption configures Read, ReadFS, ReadBytes and Parse.
type ReadOption func(*readConfig)

type readConfig struct {
	maxSize  int64
	stdin    io.Reader
	skipped  func(Skip)
	mainText MainText
	origin   string // WithOrigin
	charset  string // WithCharset
}

// WithMaxSize sets the largest file (or record of a container), in bytes,
// that is read; bigger ones are reported as ErrTooLarge. n <= 0 means no
// limit.
func WithMaxSize(n int64) ReadOption {
	return func(c *readConfig) { c.maxSize = n }
}

// WithStdin sets what the path "-" reads (os.Stdin by default).
func WithStdin(r io.Reader) ReadOption {
	return func(c *readConfig) { c.stdin = r }
}

// WithOrigin says where ReadBytes's or Parse's bytes came from, such as
// the URL a page was fetched from. Errors, skips and each Article's Path
// name it instead of the name passed (which still gives the format's
// extension and the IDs), and a one-article file whose text names no URL
// of its own gets it as its URL. Read ignores it: files name themselves.
func WithOrigin(origin string) ReadOption {
	return func(c *readConfig) { c.origin = origin }
}

// WithCharset names the character set the bytes are in when they do not
// say so themselves, as an HTTP Content-Type's charset parameter does for
// a page. It is used only for an HTML page that is not valid UTF-8 and
// declares no charset of its own.
func WithCharset(label string) ReadOption {
	return func(c *readConfig) { c.charset = label }
}

func newReadConfig(opts []ReadOption) readConfig {
	c := readConfig{maxSize: DefaultMaxSize, stdin: os.Stdin, mainText: DefaultMainText}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// Read streams the articles in paths: files, directories (walked
// recursively in lexical order, hidden entries skipped) and "-" for
// standard input. Each file's format is told from its content and its
// extension (see Detect): a text, Markdown, HTML or PDF file is one
// article, each item of a feed, HTML response of a WARC archive, record of
// a JSON dataset and row of a CSV one an article. One file (or record) is
// in memory at a time.
//
// A file or record that cannot be read or parsed is yielded as a
// *FileError and the iteration goes on; stopping is the caller's choice. A
// file named in paths that is in no known format is an error
// (ErrUnknownFormat); in a directory walk it is passed over, and reported
// through WithSkipped, with the records of containers that are no article
// (a WARC's request records, a 404 response). Sidecar files (NAME.json,
// NAME.meta beside NAME.txt) are read as metadata of their article, never
// as articles. A cancelled ctx ends the iteration after yielding ctx.Err().
//
// An article's ID is its path below the directory argument, extension
// dropped and each segment slugged ("2010/July/PCTs scrapped.txt" read from
// "corpus" is "2010/july/pcts-scrapped"); a file named directly gets its base
// name, standard input "stdin-" and the start of its hash. A container's
// records are FILE-ID/headline-slug-HASH, the hash of the record's GUID,
// URL or id, so a record keeps its ID as the container changes around it.
// Two files with the same ID are an error (ErrDuplicateID) for the second,
// so one article never silently replaces another downstream.
func Read(ctx context.Context, paths []string, opts ...ReadOption) iter.Seq2[Article, error] {
	cfg := newReadConfig(opts)
	cfg.origin = "" // files name themselves
	return func(yield func(Article, error) bool) {
		r := &reader{ctx: ctx, cfg: cfg, yield: yield, seen: map[string]string{}}
		for _, p := range paths {
			if !r.readPath(p) {
				return
			}
		}
	}
}

// ReadFS is Read over a file system, such as an embed.FS: root (a directory
// or a file, "." for all of fsys) is walked as Read walks a directory, and
// IDs are relative to it.
func ReadFS(ctx context.Context, fsys fs.FS, root string, opts ...ReadOption) iter.Seq2[Article, error] {
	cfg := newReadConfig(opts)
	cfg.origin = ""
	return func(yield func(Article, error) bool) {
		r := &reader{ctx: ctx, cfg: cfg, yield: yield, seen: map[string]string{}}
		root := path.Clean(root) // "articles/" is not a valid fs path
		info, err := fs.Stat(fsys, root)
		switch {
		case err != nil:
			r.emit(Article{}, &FileError{Path: root, Err: err})
		case info.IsDir():
			r.walk(fsys, root, func(name string) string { return name })
		default:
			r.readFile(fsys, root, root, fileID(path.Base(root)), true)
		}
	}
}

// ReadBytes reads the articles in one file's bytes, as an upload or an
// HTTP response brings them: one for a page or a text, every record for a
// feed, archive or dataset. name gives the format its extension and the
// articles their IDs, as Parse's path does.
func ReadBytes(ctx context.Context, name string, raw []byte, opts ...ReadOption) iter.Seq2[Article, error] {
	cfg := newReadConfig(opts)
	return func(yield func(Article, error) bool) {
		r := &reader{ctx: ctx, cfg: cfg, yield: yield, seen: map[string]string{}}
		id := ""
		if name != "" && name != "-" {
			id = fileID(filepath.ToSlash(name))
		}
		shown := name
		switch {
		case cfg.origin != "":
			shown = cfg.origin
		case shown == "":
			shown = "-"
		}
		r.readStream(bufio.NewReaderSize(bytes.NewReader(raw), sniffLen), name, shown, id, true, nil)
	}
}

// Parse reads one article from its raw bytes. path names it in errors and
// gives its ID: the path with its extension dropped and each segment
// slugged, so pass it relative to the corpus root ("" or "-" for an
// anonymous stream: the ID is then "stdin-" and the start of its hash).
// A feed, archive or dataset, which hold many articles, is an error here:
// read those with ReadBytes. Errors are *FileError.
func Parse(path string, raw []byte, opts ...ReadOption) (Article, error) {
	cfg := newReadConfig(opts)
	id := ""
	if path != "" && path != "-" {
		id = fileID(filepath.ToSlash(path))
	}
	name := path
	if cfg.origin != "" {
		path = cfg.origin
	}
	if cfg.maxSize > 0 && int64(len(raw)) > cfg.maxSize {
		return Article{}, &FileError{Path: path, Err: tooLarge(int64(len(raw)), cfg.maxSize)}
	}
	if len(raw) == 0 {
		return Article{}, &FileError{Path: path, Err: ErrEmpty}
	}
	f, why := Detect(name, raw[:min(len(raw), sniffLen)])
	switch {
	case f == Unknown:
		return Article{}, &FileError{Path: path, Err: unknownFormat(why)}
	case f.container():
		return Article{}, &FileError{Path: path, Err: fmt.Errorf("a %s file holds many articles: read it with ReadBytes", f)}
	}
	return parse(path, id, f, raw, nil, cfg)
}

func unknownFormat(why string) error {
	return fmt.Errorf("%w: %s (newsgraph reads text, Markdown, HTML, RSS/Atom, WARC, JSON, CSV and PDF)", ErrUnknownFormat, why)
}

type reader struct {
	ctx   context.Context
	cfg   readConfig
	yield func(Article, error) bool
	seen  map[string]string // ID → path that had it
	done  bool
}

// emit yields one result and reports whether to go on.
func (r *reader) emit(a Article, err error) bool {
	if r.done {
		return false
	}
	if err == nil {
		if prev, dup := r.seen[a.ID]; dup {
			err = &FileError{Path: a.Path, Err: fmt.Errorf("%w %q, already used by %s", ErrDuplicateID, a.ID, prev)}
			a = Article{}
		} else {
			r.seen[a.ID] = a.Path
		}
	}
	if !r.yield(a, err) {
		r.done = true
	}
	return !r.done
}

// skip reports something passed over, and whether to go on.
func (r *reader) skip(s Skip) bool {
	if r.cfg.skipped != nil && !r.done {
		r.cfg.skipped(s)
	}
	return !r.done
}

// cancelled yields the context's error, once, when it is done.
func (r *reader) cancelled() bool {
	if r.done {
		return true
	}
	if err := r.ctx.Err(); err != nil {
		r.emit(Article{}, err)
		r.done = true
		return true
	}
	return false
}

func (r *reader) readPath(p string) bool {
	if r.cancelled() {
		return false
	}
	if p == "-" {
		in := &ctxReader{ctx: r.ctx, r: r.cfg.stdin}
		return r.readStream(bufio.NewReaderSize(in, 64<<10), "", p, "", true, nil)
	}
	info, err := os.Stat(p)
	if err != nil {
		return r.emit(Article{}, &FileError{Path: p, Err: err})
	}
	if info.IsDir() {
		return r.walk(os.DirFS(p), ".", func(name string) string { return filepath.Join(p, filepath.FromSlash(name)) })
	}
	if !info.Mode().IsRegular() {
		// Never opened: opening a FIFO waits for a writer, for good.
		return r.emit(Article{}, &FileError{Path: p, Err: notRegular(info.Mode())})
	}
	base := filepath.Base(p)
	return r.readFile(os.DirFS(filepath.Dir(p)), base, p, fileID(base), true)
}

// walk reads the articles below root in fsys; display turns a name in fsys
// into the path shown to the user.
func (r *reader) walk(fsys fs.FS, root string, display func(string) string) bool {
	_ = fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if r.cancelled() {
			return fs.SkipAll
		}
		if err != nil {
			if !r.emit(Article{}, &FileError{Path: display(name), Err: err}) {
				return fs.SkipAll
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if name != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if why := unreadable(fsys, name, d); why != "" {
			if why != linkToDir && !r.skip(Skip{Path: display(name), Reason: why, NotFile: true}) {
				return fs.SkipAll
			}
			return nil
		}
		if isSidecar(fsys, name) {
			return nil
		}
		rel := name
		if root != "." {
			rel = strings.TrimPrefix(name, root+"/")
		}
		if !r.readFile(fsys, name, display(name), fileID(rel), false) {
			return fs.SkipAll
		}
		return nil
	})
	return !r.done
}

// linkToDir is unreadable's reason for a symbolic link to a directory,
// which a walk passes over without a word.
const linkToDir = "a symbolic link to a directory (not followed)"

// unreadable says why a directory entry is no file to open, or "" for
// regular files and symbolic links to them. FIFOs, sockets and devices
// are never opened (a FIFO would wait for a writer for good); links to
// directories are not followed, so a walk cannot loop.
func unreadable(fsys fs.FS, name string, d fs.DirEntry) string {
	if d.Type().IsRegular() {
		return ""
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return notRegular(d.Type()).Error()
	}
	info, err := fs.Stat(fsys, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "a dangling symbolic link (its target does not exist)"
	case errors.Is(err, syscall.ELOOP):
		return "a symbolic link loop"
	case err != nil:
		return "a symbolic link that cannot be followed: " + err.Error()
	case info.IsDir():
		return linkToDir
	case !info.Mode().IsRegular():
		return "a symbolic link to " + notRegular(info.Mode()).Error()
	}
	return ""
}

// notRegular is ErrNotRegular, naming the kind of file.
func notRegular(m fs.FileMode) error {
	kind := "an irregular file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeCharDevice != 0:
		kind = "a character device"
	case m&fs.ModeDevice != 0:
		kind = "a block device"
	}
	return fmt.Errorf("%s, %w", kind, ErrNotRegular)
}

// ctxReader reads r until ctx is done, then returns ctx's error even while
// a Read blocks (standard input from a terminal, or a pipe nobody closes):
// the blocked Read is left to its goroutine.
type ctxReader struct {
	ctx     context.Context
	r       io.Reader
	buf     []byte
	pending chan ctxRead
}

type ctxRead struct {
	n   int
	err error
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if c.buf == nil {
		c.buf = make([]byte, 64<<10)
		c.pending = make(chan ctxRead, 1)
	}
	buf := c.buf[:min(len(p), len(c.buf))]
	go func() {
		n, err := c.r.Read(buf)
		c.pending <- ctxRead{n, err}
	}()
	select {
	case <-c.ctx.Done():
		return 0, c.ctx.Err() // buf is the goroutine's from here on
	case res := <-c.pending:
		return copy(p, buf[:res.n]), res.err
	}
}

// readFile reads one file of fsys; named says the user named it (rather
// than a walk finding it), which makes a file in no known format an error
// instead of a skip.
func (r *reader) readFile(fsys fs.FS, name, shown, id string, named bool) bool {
	f, err := fsys.Open(name)
	if err != nil {
		return r.emit(Article{}, &FileError{Path: shown, Err: err})
	}
	defer f.Close()
	var size int64 = -1
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = info.Size()
	}
	side := func() (*metadata, error) { return readSidecar(fsys, name) }
	br := bufio.NewReaderSize(f, 64<<10)
	if size > 0 && r.cfg.maxSize > 0 && size > r.cfg.maxSize {
		// Only containers, read record by record, may be bigger.
		head, _ := br.Peek(sniffLen)
		if fm, _ := Detect(name, head); !fm.container() {
			return r.emit(Article{}, &FileError{Path: shown, Err: tooLarge(size, r.cfg.maxSize)})
		}
	}
	return r.readStream(br, name, shown, id, named, side)
}

// readStream reads the file in br: name gives its extension (it may be ""),
// shown is the path errors name, id its article ID ("" for an anonymous
// stream), side finds its sidecar's metadata (nil: none).
func (r *reader) readStream(br *bufio.Reader, name, shown, id string, named bool, side func() (*metadata, error)) bool {
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return r.emit(Article{}, &FileError{Path: shown, Err: err})
	}
	if len(head) == 0 {
		return r.emit(Article{}, &FileError{Path: shown, Err: ErrEmpty})
	}
	f, why := Detect(name, head)
	switch {
	case f == Unknown && named:
		return r.emit(Article{}, &FileError{Path: shown, Err: unknownFormat(why)})
	case f == Unknown:
		return r.skip(Skip{Path: shown, Reason: "unknown format: " + why})
	case f.container():
		return r.readContainer(f, br, shown, id)
	}
	raw, err := readLimited(br, r.cfg.maxSize)
	if err != nil {
		return r.emit(Article{}, &FileError{Path: shown, Err: err})
	}
	var meta *metadata
	if side != nil {
		if meta, err = side(); err != nil {
			return r.emit(Article{}, &FileError{Path: shown, Err: err})
		}
	}
	return r.emit(parse(shown, id, f, raw, meta, r.cfg))
}

// readContainer yields the records of a feed, archive or dataset.
func (r *reader) readContainer(f Format, br *bufio.Reader, shown, id string) bool {
	if id == "" {
		id = "stdin"
	}
	s := &containerSink{r: r, shown: shown, file: id, keys: map[string]string{}}
	if err := decoders[f](r.ctx, br, s, r.cfg); err != nil && !r.done {
		if r.ctx.Err() != nil {
			return !r.cancelled()
		}
		return r.emit(Article{}, &FileError{Path: shown, Err: fmt.Errorf("%s: %w", f, err)})
	}
	return !r.done
}

// containerSink turns a container's records into Articles and errors.
type containerSink struct {
	r     *reader
	shown string
	file  string
	keys  map[string]string // record ID → label of the record that had it
}

func (s *containerSink) article(rec record) bool {
	if s.r.cancelled() {
		return false
	}
	a, err := recordArticle(s.shown, s.file, rec)
	if err != nil {
		return s.fail(rec.label, err)
	}
	if n := int64(len(a.Body) + len(a.Title)); s.r.cfg.maxSize > 0 && n > s.r.cfg.maxSize {
		return s.fail(rec.label, tooLarge(n, s.r.cfg.maxSize))
	}
	a.Language = rec.language
	if prev, dup := s.keys[a.ID]; dup {
		// A crawl fetches a page twice, a feed repeats an item: the first
		// copy stands.
		return s.skip(rec.label, "the same article as "+prev)
	}
	s.keys[a.ID] = rec.label
	return s.r.emit(a, nil)
}

func (s *containerSink) fail(label string, err error) bool {
	if s.r.cancelled() {
		return false
	}
	return s.r.emit(Article{}, &FileError{Path: s.shown, Record: label, Err: fmt.Errorf("%w: %w", ErrRecord, err)})
}

func (s *containerSink) skip(label, reason string) bool {
	if s.r.cancelled() {
		return false
	}
	return s.r.skip(Skip{Path: s.shown, Record: label, Reason: reason})
}

// isSidecar reports a NAME.json or NAME.meta file that holds the metadata
// of an article beside it (NAME, or NAME with an extension of a one-article
// format), rather than articles of its own.
func isSidecar(fsys fs.FS, name string) bool {
	ext := strings.ToLower(path.Ext(name))
	if ext != ".json" && ext != ".meta" {
		return false
	}
	base := strings.TrimSuffix(name, path.Ext(name))
	if path.Ext(base) != "" {
		_, err := fs.Stat(fsys, base) // story.txt.json
		return err == nil
	}
	for e, f := range extFormats {
		if f.container() {
			continue
		}
		if _, err := fs.Stat(fsys, base+e); err == nil {
			return true
		}
	}
	return false
}

// readLimited reads r to the end, or fails with ErrTooLarge without reading
// more than limit+1 bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		return io.ReadAll(r)
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return b, nil
}

// readFSFile reads a whole file of fsys, up to limit bytes.
func readFSFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && limit > 0 && info.Size() > limit {
		return nil, tooLarge(info.Size(), limit)
	}
	return readLimited(f, limit)
}

func tooLarge(size, limit int64) error {
	return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, size, limit)
}

// fileID makes an article ID from a slash-separated path: known article
// extensions dropped (".warc.gz" whole), "." and ".." segments ignored,
// each segment slugged.
func fileID(p string) string {
	if ext := path.Ext(p); ext != "" {
		if _, ok := extFormats[strings.ToLower(ext)]; ok {
			p = strings.TrimSuffix(p, ext)
			if strings.EqualFold(ext, ".gz") && strings.EqualFold(path.Ext(p), ".warc") {
				p = strings.TrimSuffix(p, path.Ext(p))
			}
		}
	}
	var segs []string
	for _, s := range strings.Split(p, "/") {
		if s == "" || s == "." || s == ".." {
			continue
		}
		segs = append(segs, slugSegment(s))
	}
	return strings.Join(segs, "/")
}

// slugSegment is schema.Slug, except that underscores survive: corpus file
// names such as "000_bd6ab526a9c92c91" are already good IDs, and keeping
// them lets a user find the file from the ID.
func slugSegment(s string) string {
	var parts []string
	for _, p := range strings.Split(s, "_") {
		if strings.IndexFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			parts = append(parts, schema.Slug(p))
		}
	}
	if len(parts) == 0 {
		return schema.Slug(s)
	}
	return strings.Join(parts, "_")
}

func hashOf(raw []byte) string {
	h := sha256.Sum256(raw)
	return hex.EncodeToString(h[:])
}

// parse turns one file of a one-article format into an Article. id ""
// means an anonymous stream, named after its hash. side is the sidecar's
// metadata, if any; it overrides the file's own.
func parse(p, id string, f Format, raw []byte, side *metadata, cfg readConfig) (Article, error) {
	fail := func(err error) (Article, error) { return Article{}, &FileError{Path: p, Err: err} }
	hash := hashOf(raw)
	if id == "" {
		id = "stdin-" + hash[:12]
	}
	var (
		meta  metadata
		title string
		paras []string
	)
	switch f {
	case PDF:
		var err error
		if title, paras, meta, err = parsePDF(raw); err != nil {
			return fail(err)
		}
	case HTML:
		text, err := pageText(raw, cfg.charset)
		if err != nil {
			return fail(err)
		}
		title, paras, meta = parseHTML(text, cfg.mainText)
	default:
		switch {
		case len(raw) == 0:
			return fail(ErrEmpty)
		case bytes.IndexByte(raw, 0) >= 0:
			return fail(ErrBinary)
		case !utf8.Valid(raw):
			return fail(fmt.Errorf("%w at byte %d", ErrInvalidUTF8, invalidAt(raw)))
		}
		text := strings.TrimPrefix(string(raw), "\ufeff")
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
		fm, rest, err := splitFrontMatter(text)
		if err != nil {
			return fail(err)
		}
		lines, rest := splitMetaLines(rest)
		meta, paras = lines.override(fm), textParagraphs(rest, f == Markdown)
	}
	if side != nil {
		meta = meta.override(*side)
	}
	switch {
	case meta.title != "":
		title = meta.title
		if len(paras) > 0 && sameText(stripHeading(paras[0]), title) {
			paras = paras[1:]
		}
	case title == "" && len(paras) > 0:
		title = stripHeading(paras[0])
		// A file that starts straight in with its lead paragraph has no
		// headline; the lead is both the title and the story's first
		// paragraph, which must not be lost to the extractor.
		if !prose.IsLeadParagraph(title) {
			paras = paras[1:]
		}
	}
	if title == "" && len(paras) == 0 {
		return fail(ErrEmpty)
	}
	if meta.url == "" {
		meta.url = cfg.origin
	}
	return Article{
		ID:       id,
		Path:     p,
		Title:    title,
		Body:     strings.Join(paras, "\n\n"),
		Date:     meta.date,
		URL:      meta.url,
		Source:   meta.source,
		Author:   meta.author,
		Language: meta.language,
		Hash:     hash,
	}, nil
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// looksHTML sniffs HTML in files whose name does not say (stdin,
// extension-less files, pages saved as .txt).
func looksHTML(text string) bool {
	head := strings.ToLower(strings.TrimSpace(text[:min(len(text), 512)]))
	for _, p := range []string{"<!doctype html", "<html", "<head>", "<head ", "<body>", "<body "} {
		if strings.HasPrefix(head, p) {
			return true
		}
	}
	return false
}

var headingMark = regexp.MustCompile(`^#{1,6}\s+|\s+#+$`)

// stripHeading removes Markdown heading marks from a title line.
func stripHeading(s string) string { return strings.TrimSpace(headingMark.ReplaceAllString(s, "")) }

// sameText compares two lines ignoring case, spacing and punctuation.
func sameText(a, b string) bool { return wordKey(a) == wordKey(b) }

// wordKey reduces a line to its lower-case words, apostrophes dropped, so
// that a headline and its copy as a first paragraph compare equal whatever
// their quotes, dashes and spacing.
func wordKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r != '\'' && r != '’':
			space = true
		}
	}
	return b.String()
}

// Hard-wrapped text (lines broken at a fixed width, as e-mail and Markdown
// are often written) has its lines joined into paragraphs; text whose lines
// are longer than wrapMax, or all short, has one paragraph per line.
const (
	wrapMin = 40
	wrapMax = 100
)

// textParagraphs splits plain text or Markdown into paragraphs of one line
// each. Blank lines separate paragraphs; within a block, lines are joined
// when the block looks hard-wrapped.
func textParagraphs(text string, markdown bool) []string {
	var paras, block []string
	var starts []bool // starts[i]: block[i] must begin a new paragraph
	flush := func() {
		paras = append(paras, joinWrapped(block, starts)...)
		block, starts = block[:0], starts[:0]
	}
	for line := range strings.Lines(text) {
		line = prose.Line(line)
		role := roleText
		if markdown {
			line, role = markdownLine(line)
		} else if isRule(line) {
			role = roleBreak
		}
		switch {
		case role == roleBreak || line == "":
			flush()
		case role == roleAlone:
			flush()
			block, starts = append(block, line), append(starts, true)
			flush()
		default:
			block, starts = append(block, line), append(starts, role == roleStart)
		}
	}
	flush()
	return paras
}

func joinWrapped(lines []string, starts []bool) []string {
	width := 0
	for _, l := range lines {
		width = max(width, utf8.RuneCountInString(l))
	}
	wrapped := width >= wrapMin && width <= wrapMax
	var out []string
	for i, l := range lines {
		if i == 0 || starts[i] || !wrapped || utf8.RuneCountInString(lines[i-1])*10 < width*6 {
			out = append(out, l)
			continue
		}
		last := out[len(out)-1]
		if r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(last, "-")); strings.HasSuffix(last, "-") && unicode.IsLetter(r) {
			out[len(out)-1] = last + l // a word hyphenated across the break
		} else {
			out[len(out)-1] = last + " " + l
		}
	}
	return out
}

// isRule reports a line of only -, =, * or _ (three or more): a horizontal
// rule or a setext heading underline, a separator either way.
func isRule(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if len(s) < 3 {
		return false
	}
	return strings.Trim(s, "-") == "" || strings.Trim(s, "=") == "" || strings.Trim(s, "*") == "" || strings.Trim(s, "_") == ""
}

// A lineRole says how a Markdown line joins its neighbours.
type lineRole int

const (
	roleText  lineRole = iota // joins a hard-wrapped paragraph
	roleStart                 // starts a paragraph (a list item)
	roleAlone                 // a paragraph on its own (a heading)
	roleBreak                 // separates paragraphs (a rule, a fence)
)

var (
	mdHeading  = regexp.MustCompile(`^#{1,6}(\s+|$)`)
	mdItem     = regexp.MustCompile(`^([-*+]|\d{1,3}[.)])\s+`)
	mdQuote    = regexp.MustCompile(`^(>\s?)+`)
	mdRefDef   = regexp.MustCompile(`^\[[^\]]+\]:\s*\S+`)
	mdInline   = strings.NewReplacer("**", "", "__", "", "`", "")
	mdPatterns = []struct {
		re   *regexp.Regexp
		repl string
	}{
		{regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`), ""},                // images
		{regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`), "$1"},             // links
		{regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`), "$1"},            // reference links
		{regexp.MustCompile(`<(https?://[^>\s]+)>`), "$1"},              // autolinks
		{regexp.MustCompile(`<!--.*?-->|</?[a-zA-Z][^<>]*>`), ""},       // inline HTML
		{regexp.MustCompile(`(^|[^\pL\pN*])\*([^*\s][^*]*)\*`), "$1$2"}, // *emphasis*
		{regexp.MustCompile(`(^|[^\pL\pN_])_([^_\s][^_]*)_($|[^\pL\pN_])`), "$1$2$3"},
		{regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!>])`), "$1"}, // escapes
	}
)

// markdownLine reduces one normalised Markdown line to its text.
func markdownLine(s string) (string, lineRole) {
	role := roleText
	switch {
	case strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~") || isRule(s) || mdRefDef.MatchString(s):
		return "", roleBreak
	case mdHeading.MatchString(s):
		s, role = stripHeading(s), roleAlone
	case mdItem.MatchString(s):
		s, role = mdItem.ReplaceAllString(s, ""), roleStart
	case mdQuote.MatchString(s):
		s = mdQuote.ReplaceAllString(s, "")
	}
	for _, p := range mdPatterns {
		s = p.re.ReplaceAllString(s, p.repl)
	}
	return strings.TrimSpace(mdInline.Replace(s)), role
}
