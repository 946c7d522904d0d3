# Shared helpers for newsgraph's benchmark scripts; source it, don't run it.
#
# Environment:
#   BENCH_DIR  where corpora, binaries and results go (default /tmp/newsgraph-bench)
#   SEED       corpus seed (default 1)

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/newsgraph-bench}
SEED=${SEED:-1}
NEWSGRAPH=$BENCH_DIR/bin/newsgraph
mkdir -p "$BENCH_DIR/bin"

log() { printf '%s\n' "$*" >&2; }

# build_newsgraph builds the working tree's newsgraph into $NEWSGRAPH.
build_newsgraph() {
	log "building newsgraph ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'))"
	(cd "$ROOT" && go build -o "$NEWSGRAPH" ./cmd/newsgraph)
}

# SYNTH_ID names the generator's version, so a cached corpus is not reused
# after the generator changes.
SYNTH_ID=$(cat "$ROOT"/bench/synth/*.go | sha256sum | cut -c1-8)

# corpus N prints the directory of the N-article corpus for $SEED,
# generating it (with its truth beside it) the first time.
corpus() {
	local n=$1 dir="$BENCH_DIR/corpus-$1-s$SEED-$SYNTH_ID"
	if [[ ! -e $dir.complete ]]; then
		rm -rf "$dir" "$dir.truth.jsonl"
		log "generating $n articles (seed $SEED) into $dir"
		"$NEWSGRAPH" gen --n "$n" --seed "$SEED" -o "$dir" --truth "$dir.truth.jsonl" >&2
		touch "$dir.complete" # outside the corpus, which must hold articles only
	fi
	printf '%s\n' "$dir"
}

# corpus_size DIR prints "BYTES WORDS" of the article files under DIR.
corpus_size() {
	find "$1" -type f -name '*.txt' -print0 | sort -z | xargs -0 cat | wc -cw | awk '{print $2, $1}'
}

# timed OUT CMD... runs CMD, stdout to OUT, and prints "WALL CPU RSS_MB
# STATUS": wall and CPU (user + system) seconds, peak resident memory.
timed() {
	local out=$1 tf status=0
	shift
	tf=$(mktemp)
	/usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" >"$out" || status=$?
	awk -v s="$status" '{printf "%.2f %.2f %.0f %d\n", $1, $2 + $3, $4 / 1024, s}' "$tf"
	rm -f "$tf"
}

# machine prints one line describing where the figures were taken.
machine() {
	local cpu
	cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
	printf '%s cores (%s), %s GiB RAM, %s, node %s, newsgraph %s\n' "$(nproc)" "${cpu:-unknown CPU}" \
		"$(awk '/MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)" "$(go version | awk '{print $3}')" \
		"$(node --version 2>/dev/null || echo none)" "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
}
