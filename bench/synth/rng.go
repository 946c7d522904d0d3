package synth

import "math/bits"

// rng is a splitmix64 generator. It is written out here, rather than taken
// from math/rand, so that a seed gives the same corpus on every Go version
// and platform; it uses integers only for the same reason (no float
// rounding or fused multiply-add can change a pick).
type rng struct{ s uint64 }

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// newRNG derives an independent stream from a seed and a stream number, so
// article i's text depends only on (seed, i) and articles can be made in any
// order, on any number of goroutines.
func newRNG(seed int64, stream uint64) *rng {
	return &rng{s: mix64(uint64(seed)^0x5851f42d4c957f2d) ^ mix64(stream+0x9e3779b97f4a7c15)}
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix64(r.s)
}

// intn returns a number in [0, n); n must be positive.
func (r *rng) intn(n int) int {
	hi, _ := bits.Mul64(r.next(), uint64(n))
	return int(hi)
}

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// percent reports true p times in a hundred.
func (r *rng) percent(p int) bool { return r.intn(100) < p }

func (r *rng) pick(list []string) string { return list[r.intn(len(list))] }

// skewed returns an index in [0, n) drawn so that low indexes are far more
// likely than high ones (the product of three uniform draws), giving the
// long-tailed popularity of real news: a few people and bodies appear in
// thousands of articles, most in a handful.
func (r *rng) skewed(n int) int {
	a, b, c := r.intn(n), r.intn(n), r.intn(n)
	return a * b / n * c / n
}
