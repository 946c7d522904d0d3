// Package bench holds newsgraph's benchmarks: Go benchmarks of extraction
// over synthetic articles (this package's tests), the corpus generator
// (package synth) and the scripts that compare newsgraph with other tools
// side by side (*.sh). See README.md for the figures and the commands that
// produced them.
package bench
