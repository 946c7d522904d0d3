package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"
)

// A Writer writes the quads read from src to w in one format.
type Writer interface {
	Write(ctx context.Context, w io.Writer, src quad.Reader, opts Options) error
}

// WriterFunc adapts a function to the Writer interface.
type WriterFunc func(ctx context.Context, w io.Writer, src quad.Reader, opts Options) error

// Write calls f.
func (f WriterFunc) Write(ctx context.Context, w io.Writer, src quad.Reader, opts Options) error {
	return f(ctx, w, src, opts)
}

// A DirWriter is a Writer whose format is a set of files; besides packing
// them into one stream (Write), it can write them into a directory.
type DirWriter interface {
	Writer
	WriteDir(ctx context.Context, dir string, src quad.Reader, opts Options) error
}

// A Format is a registered export format.
type Format struct {
	Writer    Writer
	Ext       string // usual file extension, with the dot: ".gexf"
	MediaType string
	Summary   string // one line for help texts
}

// ErrUnknownFormat is returned for a format name no file registered.
var ErrUnknownFormat = errors.New("unknown export format")

// registry holds the formats. It is written only by Register, which the
// format files call from init, so after start-up it is read-only.
var registry = struct {
	sync.RWMutex
	m map[string]Format
}{m: map[string]Format{}}

// Register makes a format available by name. It is meant to be called from
// init and panics, like database/sql.Register, if the name is empty or taken
// or the format has no writer: those are programming errors.
func Register(name string, f Format) {
	registry.Lock()
	defer registry.Unlock()
	if name == "" || f.Writer == nil {
		panic("export: Register needs a name and a writer")
	}
	if _, dup := registry.m[name]; dup {
		panic("export: format " + name + " registered twice")
	}
	registry.m[name] = f
}

// Lookup returns the format registered under name.
func Lookup(name string) (Format, bool) {
	registry.RLock()
	defer registry.RUnlock()
	f, ok := registry.m[strings.ToLower(name)]
	return f, ok
}

// Formats returns the registered format names, sorted.
func Formats() []string {
	registry.RLock()
	defer registry.RUnlock()
	names := make([]string, 0, len(registry.m))
	for n := range registry.m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// ForExt returns the name of the format whose usual extension is ext
// (".gexf", case-insensitive).
func ForExt(ext string) (string, bool) {
	ext = strings.ToLower(ext)
	for _, n := range Formats() {
		if f, _ := Lookup(n); f.Ext == ext {
			return n, true
		}
	}
	return "", false
}

// Write writes the quads read from src to w in the named format.
func Write(ctx context.Context, format string, w io.Writer, src quad.Reader, opts ...Option) error {
	f, ok := Lookup(format)
	if !ok {
		return fmt.Errorf("%w %q (have %s)", ErrUnknownFormat, format, strings.Join(Formats(), ", "))
	}
	return f.Writer.Write(ctx, w, src, NewOptions(opts...))
}
