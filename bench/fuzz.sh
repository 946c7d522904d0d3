#!/usr/bin/env bash
# Fuzzing: runs every Fuzz… target of the module (found by name in the
# *_test.go files) for a fixed budget each, one after another, and reports
# per target the executions, the new corpus entries and the crashes. A
# crash is left where `go test` writes it, PKG/testdata/fuzz/TARGET/HASH,
# and from then on `go test ./PKG` runs it as a regression test: fix the
# code, keep the file, commit both.
#
#   bench/fuzz.sh [PATTERN]     targets whose name matches PATTERN (a grep
#                               -E pattern; default every target)
#
# Environment:
#   FUZZTIME      budget per target, as go test's -fuzztime: a time (default
#                 20s) or a count of executions (3000x)
#   FUZZPARALLEL  fuzzing workers per target (default 1: the machine is shared)
#
# Prints a Markdown table (also saved to $BENCH_DIR/fuzz.md); exits 1 if
# any target crashed. "execs" is the count go test's last status line
# gives. With a time budget it is a lower bound, often far below the truth:
# a worker reports its executions when it finds new coverage or stops, and
# under a time budget the executions since the last new coverage are never
# reported (go1.26). With a count budget (FUZZTIME=3000x) it is exact.

source "$(dirname "$0")/lib.sh"

PATTERN=${1:-.}
FUZZTIME=${FUZZTIME:-20s}
FUZZPARALLEL=${FUZZPARALLEL:-1}
results=$BENCH_DIR/fuzz.md
logs=$BENCH_DIR/fuzz-logs
mkdir -p "$logs"

# targets prints "PKG TARGET" for each Fuzz function, sorted.
targets() {
	(cd "$ROOT" && grep -rE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*\(' . |
		sed -E 's|^\./(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*|./\1 \2|; s|^\./[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*|. \1|' |
		grep -v '^./bench' | sort -u)
}

crashed=0
total_execs=0
rows=()
while read -r pkg target; do
	[[ $target =~ $PATTERN ]] || continue
	log="$logs/${pkg//\//_}.$target.log"
	log "fuzzing $pkg $target for $FUZZTIME"
	start=$(date +%s)
	set +e
	(cd "$ROOT" && go test "$pkg" -run '^$' -fuzz "^$target\$" -fuzztime "$FUZZTIME" -parallel "$FUZZPARALLEL") >"$log" 2>&1
	status=$?
	set -e
	secs=$(($(date +%s) - start))
	execs=$(grep -oE 'execs: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
	fresh=$(grep -oE 'new interesting: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
	input=$(grep -oE 'testdata/fuzz/[^ ]+' "$log" | head -1 || true)
	if ((status != 0)); then
		crashed=$((crashed + 1))
		crash="1 (${input:-see $log})"
	else
		crash=0
	fi
	total_execs=$((total_execs + execs))
	rows+=("| ${pkg#./} | $target | $execs | $fresh | $crash | ${secs}s |")
done < <(targets)

{
	echo "Fuzzing — $(machine), FUZZTIME=$FUZZTIME, $FUZZPARALLEL worker(s) per target"
	echo
	echo "| package | target | execs | new corpus | crashes | wall |"
	echo "|---|---|---:|---:|---|---:|"
	printf '%s\n' "${rows[@]}"
	echo
	echo "${#rows[@]} targets, $total_execs executions, $crashed crashed."
} | tee "$results"
((crashed == 0))
