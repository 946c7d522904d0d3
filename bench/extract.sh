#!/usr/bin/env bash
# Extraction throughput: `newsgraph extract` against npm NLP libraries doing
# named entities and quotations over the same synthetic corpus, side by side.
#
#   bench/extract.sh [N...]        corpus sizes in articles (default: 2000 20000)
#
# Environment (besides BENCH_DIR and SEED, see lib.sh):
#   BASELINES       baselines to run (default "wink compromise")
#   COMPROMISE_MAX  largest corpus compromise runs on (default 2000; it is
#                   some 20 times slower than wink)
#
# Prints a Markdown table (also saved to $BENCH_DIR/extract.md). "Per core"
# divides by CPU time (user + system), so a tool using two cores and one
# using one are compared on the work each does per core-second.

source "$(dirname "$0")/lib.sh"

SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(2000 20000)
BASELINES=${BASELINES:-wink compromise}
COMPROMISE_MAX=${COMPROMISE_MAX:-2000}

command -v /usr/bin/time >/dev/null || { log "needs /usr/bin/time (apt-get install time)"; exit 1; }
build_newsgraph
if [[ -n $BASELINES ]]; then
	command -v node >/dev/null || { log "needs node and npm for the baselines (or BASELINES='')"; exit 1; }
	if [[ ! -d $ROOT/bench/baseline/node_modules ]]; then
		log "installing the baselines' npm packages"
		(cd "$ROOT/bench/baseline" && npm ci --no-audit --no-fund --silent >&2)
	fi
fi

results=$BENCH_DIR/extract.md
{
	echo "Extraction throughput, seed $SEED — $(machine)"
	echo
	echo "| tool | articles | MB | words | wall s | CPU s | MB/s | MB/s per core | words/s per core | peak RSS MB | output |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} >"$results"

# row TOOL N BYTES WORDS "WALL CPU RSS STATUS" OUTPUT prints and records a
# table row and remembers the tool's bytes per CPU second.
declare -A rate
row() {
	local tool=$1 n=$2 bytes=$3 words=$4 out=$6
	read -r wall cpu rss status <<<"$5"
	[[ $status == 0 ]] || out="FAILED (exit $status); $out"
	rate[$tool-$n]=$(awk -v b="$bytes" -v c="$cpu" 'BEGIN {printf "%.0f", b / c}')
	awk -v t="$tool" -v n="$n" -v b="$bytes" -v w="$words" -v wall="$wall" -v cpu="$cpu" -v rss="$rss" -v o="$out" 'BEGIN {
		printf "| %s | %d | %.1f | %d | %.2f | %.2f | %.2f | %.2f | %.0f | %d | %s |\n",
			t, n, b / 1e6, w, wall, cpu, b / wall / 1e6, b / cpu / 1e6, w / cpu, rss, o
	}' | tee -a "$results"
}

for n in "${SIZES[@]}"; do
	dir=$(corpus "$n")
	read -r bytes words < <(corpus_size "$dir")
	sync

	log "newsgraph extract: $n articles"
	t=$(timed /dev/null "$NEWSGRAPH" extract "$dir" -o "$BENCH_DIR/extract-$n.nq")
	row newsgraph "$n" "$bytes" "$words" "$t" "$(wc -l <"$BENCH_DIR/extract-$n.nq") quads"

	for lib in $BASELINES; do
		if [[ $lib == compromise && $n -gt $COMPROMISE_MAX ]]; then
			continue
		fi
		log "node $lib: $n articles"
		t=$(timed "$BENCH_DIR/$lib-$n.jsonl" node "$ROOT/bench/baseline/extract.mjs" --lib "$lib" "$dir" 2>"$BENCH_DIR/$lib-$n.summary")
		summary=$(node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
			const parts = ["people", "orgs", "names", "quotes"].filter(k => s[k]).map(k => s[k] + " " + k);
			console.log(parts.join(", "));' "$BENCH_DIR/$lib-$n.summary" 2>/dev/null || echo "?")
		row "$lib" "$n" "$bytes" "$words" "$t" "$summary"
	done
done

{
	echo
	for n in "${SIZES[@]}"; do
		best="" bestrate=0
		for lib in $BASELINES; do
			r=${rate[$lib-$n]:-0}
			if ((r > bestrate)); then best=$lib bestrate=$r; fi
		done
		[[ -n $best ]] || continue
		awk -v n="$n" -v g="${rate[newsgraph-$n]}" -v b="$bestrate" -v l="$best" 'BEGIN {
			printf "%d articles: newsgraph extracts %.2f× as many bytes per core-second as %s, the fastest baseline.\n", n, g / b, l
		}'
	done
} | tee -a "$results"
log "results: $results"
