//go:build race

package server

// raceEnabled: the tests run under the race detector, where everything is
// several times slower, and timing-bound tests skip.
const raceEnabled = true
