package bench

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/bench/synth"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// benchArticles is how many synthetic articles one benchmark operation
// covers: enough that every sentence pattern occurs many times.
const benchArticles = 300

type sample struct {
	names        []string
	raw          [][]byte
	cleaned      []extract.Article
	bytes, words int64
}

func newSample(b *testing.B) *sample {
	b.Helper()
	s := &sample{}
	err := synth.Generate(context.Background(), 1, benchArticles, func(name string, body []byte) error {
		a, err := source.Parse(name, body)
		if err != nil {
			return err
		}
		s.names = append(s.names, name)
		s.raw = append(s.raw, append([]byte(nil), body...))
		s.cleaned = append(s.cleaned, extract.Clean(a))
		s.bytes += int64(len(body))
		s.words += int64(synth.Words(body))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func (s *sample) report(b *testing.B) {
	b.ReportMetric(float64(s.words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func newRules(b *testing.B) *extract.Rules {
	b.Helper()
	ex, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	return ex
}

// BenchmarkExtract measures extract.(*Rules).Extract alone on cleaned
// articles, on one goroutine: bytes and words of raw article per second per
// core.
func BenchmarkExtract(b *testing.B) {
	s, ex, ctx := newSample(b), newRules(b), context.Background()
	b.SetBytes(s.bytes)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range s.cleaned {
			if _, err := ex.Extract(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	}
	s.report(b)
}

// BenchmarkArticle measures all the per-article work of "newsgraph
// extract" on one goroutine: Parse, Clean, Extract and the sorted quads.
func BenchmarkArticle(b *testing.B) {
	s, ex, ctx := newSample(b), newRules(b), context.Background()
	b.SetBytes(s.bytes)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, raw := range s.raw {
			a, err := source.Parse(s.names[k], raw)
			if err != nil {
				b.Fatal(err)
			}
			facts, err := ex.Extract(ctx, extract.Clean(a))
			if err != nil {
				b.Fatal(err)
			}
			_ = schema.Quads(facts)
		}
	}
	s.report(b)
}

// BenchmarkExtractParallel runs Extract on every core at once: the
// machine's throughput, and with BenchmarkExtract how well it scales.
func BenchmarkExtractParallel(b *testing.B) {
	s, ex, ctx := newSample(b), newRules(b), context.Background()
	b.SetBytes(s.bytes / int64(len(s.cleaned)))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		k := 0
		for pb.Next() {
			if _, err := ex.Extract(ctx, s.cleaned[k%len(s.cleaned)]); err != nil {
				b.Error(err)
				return
			}
			k++
		}
	})
	b.ReportMetric(float64(s.words)/float64(len(s.cleaned))*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
