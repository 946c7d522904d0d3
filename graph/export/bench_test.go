package export

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/newsgraph/newsgraph/schema"
)

// synthQuads is a deterministic stream of n quads shaped like newsgraph's
// graphs: dated articles of 20 sentences, each sentence with its text, a
// quotation (speaker, words, topic), an affiliation and a stance, drawn
// from pools of people, organisations, topics and reforms that grow with n.
// It generates quads as they are read, so it holds none of them.
type synthQuads struct {
	n, sent int
	article int
	buf     []quad.Quad
	rng     uint64
}

func newSynth(n int) *synthQuads { return &synthQuads{n: n, rng: 42} }

func (s *synthQuads) next(k int) int {
	s.rng ^= s.rng << 13
	s.rng ^= s.rng >> 7
	s.rng ^= s.rng << 17
	return int(s.rng % uint64(k))
}

func (s *synthQuads) ReadQuad() (quad.Quad, error) {
	if s.sent >= s.n {
		return quad.Quad{}, io.EOF
	}
	if len(s.buf) == 0 {
		s.fill()
	}
	q := s.buf[0]
	s.buf = s.buf[1:]
	s.sent++
	return q, nil
}

func (s *synthQuads) fill() {
	s.article++
	id := fmt.Sprintf("a%06d", s.article)
	art := schema.ArticleIRI(id)
	pool := s.n/400 + 10
	day := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, s.article%700)
	add := func(sub, pred quad.IRI, obj quad.Value, label quad.IRI) {
		s.buf = append(s.buf, quad.Quad{Subject: sub, Predicate: pred, Object: obj, Label: label})
	}
	add(art, schema.Type, schema.Article, art)
	add(art, schema.Date, quad.String(day.Format(dateLayout)), art)
	add(art, schema.Headline, quad.String("Headline of "+id), art)
	for n := 1; n <= 20; n++ {
		sent := schema.SentenceIRI(id, n)
		person := quad.IRI(fmt.Sprintf("person/p%d", s.next(pool)))
		org := quad.IRI(fmt.Sprintf("org/o%d", s.next(pool/2+1)))
		topic := quad.IRI(fmt.Sprintf("topic/t%d", s.next(pool/10+1)))
		reform := quad.IRI(fmt.Sprintf("reform/r%d", s.next(pool/20+1)))
		words := fmt.Sprintf("Words number %d of article %s, said with conviction & care.", n, id)
		q := schema.QuotationIRI(id, words)
		add(sent, schema.Type, schema.Sentence, sent)
		add(sent, schema.SentenceOf, art, sent)
		add(sent, schema.Text, quad.String("A sentence of the article, long enough to look like one: "+words), sent)
		add(person, schema.Type, schema.Person, art)
		add(person, schema.Name, quad.String(string(person)), art)
		add(person, schema.MentionedIn, art, art)
		add(person, schema.Said, q, sent)
		add(q, schema.Type, schema.Quotation, sent)
		add(q, schema.Text, quad.String(words), sent)
		add(q, schema.About, topic, sent)
		add(person, quad.IRI("minister_of"), org, sent)
		add(org, schema.Opposes, reform, sent)
	}
}

func benchmarkFormat(b *testing.B, format string, n int, opts ...Option) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := Write(context.Background(), format, io.Discard, newSynth(n), opts...); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "quads/op")
}

// BenchmarkGEXF exports a synthetic 100k-quad graph as dynamic GEXF.
func BenchmarkGEXF(b *testing.B) { benchmarkFormat(b, "gexf", 100_000) }

func BenchmarkGEXFFolded(b *testing.B) {
	benchmarkFormat(b, "gexf", 100_000, WithFoldQuotes(true))
}

func BenchmarkGraphML(b *testing.B) { benchmarkFormat(b, "graphml", 100_000) }
func BenchmarkCSV(b *testing.B)     { benchmarkFormat(b, "csv", 100_000) }
func BenchmarkJSONLD(b *testing.B)  { benchmarkFormat(b, "jsonld", 100_000) }
func BenchmarkNQuads(b *testing.B)  { benchmarkFormat(b, "nquads", 100_000) }

var (
	synthOut   = flag.String("synth-out", "", "write the synthetic graph as N-Quads to this file (for measuring the CLI) and stop")
	synthQuadN = flag.Int("synth-quads", 1_000_000, "number of quads -synth-out writes")
)

// TestSyntheticFile writes the benchmarks' synthetic graph to a file when
// asked with -synth-out, so that the CLI can be measured on it:
//
//	go test ./graph/export -run TestSyntheticFile -synth-out /tmp/1m.nq
//	/usr/bin/time -v newsgraph export --in /tmp/1m.nq --format gexf -o /dev/null
func TestSyntheticFile(t *testing.T) {
	if *synthOut == "" {
		t.Skip("no -synth-out")
	}
	f, err := os.Create(*synthOut)
	if err != nil {
		t.Fatal(err)
	}
	w := nquads.NewWriter(f)
	if _, err := quad.Copy(w, newSynth(*synthQuadN)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkSource measures the synthetic stream alone, the baseline to
// subtract from the format benchmarks.
func BenchmarkSource(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := quad.ReadAll(newSynth(100_000)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkViewHeap reports the live heap the node-link view of a synthetic
// 1M-quad graph keeps while it is written out (live-MB), the figure behind
// "exports stream": it is to be compared with the N-Quads input's size.
func BenchmarkViewHeap(b *testing.B) {
	const n = 1_000_000
	var ms runtime.MemStats
	for i := 0; i < b.N; i++ {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		before := ms.HeapAlloc
		v, err := readView(context.Background(), newSynth(n), NewOptions())
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapAlloc-before)/(1<<20), "live-MB")
		b.ReportMetric(float64(len(v.nodes)), "nodes")
		b.ReportMetric(float64(len(v.edges)), "edges")
		runtime.KeepAlive(v)
	}
}
