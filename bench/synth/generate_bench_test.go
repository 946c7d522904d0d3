package synth

import (
	"context"
	"testing"
)

// BenchmarkGenerate measures corpus generation, all workers, bytes/s of
// article text.
func BenchmarkGenerate(b *testing.B) {
	benchGenerate(b)
}

// BenchmarkGenerate1 measures it on one goroutine: throughput per core.
func BenchmarkGenerate1(b *testing.B) {
	benchGenerate(b, WithWorkers(1))
}

func benchGenerate(b *testing.B, opts ...Option) {
	const n = 2000
	var size, words int64
	err := Generate(context.Background(), 1, n, func(_ string, body []byte) error {
		size += int64(len(body))
		words += int64(Words(body))
		return nil
	}, opts...)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Generate(context.Background(), int64(i), n, func(string, []byte) error { return nil }, opts...); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
