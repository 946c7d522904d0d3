#!/usr/bin/env bash
# End-to-end build and query latency: `newsgraph build` of a synthetic
# corpus into a new store (wall time, CPU time, peak RSS), then the canned
# questions' latency on the result (bench/latency).
#
#   bench/build.sh [N...]       corpus sizes in articles (default: 2000 20000)
#
# Environment (besides BENCH_DIR and SEED, see lib.sh):
#   BACKENDS   "bolt" and/or "postgres" (default: bolt, plus postgres when PG is set)
#   PG         a postgres:// URL whose user may create schemas (see load.sh)
#   PG_MAX     largest corpus built into PostgreSQL (default 20000)
#   KEEP       1 keeps the stores ($BENCH_DIR/build-N.db, schema bench_build_N)
#   RUNS       runs of each question per argument (default 3)
#   ARGS       arguments per question (default 20)
#   QUESTIONS  comma-separated questions to time (default: all; who-said on a
#              large graph takes minutes per topic)
#   LIMIT      rows per canned answer in the latency runs (default: the
#              questions' own, 10,000); a second table with LIMIT=100 is
#              printed too
#
# Prints Markdown tables (also saved to $BENCH_DIR/build.md).

source "$(dirname "$0")/lib.sh"

SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(2000 20000)
PG=${PG:-}
PG_MAX=${PG_MAX:-20000}
BACKENDS=${BACKENDS:-bolt${PG:+ postgres}}
LATENCY=$BENCH_DIR/bin/latency
export PGOPTIONS=${PGOPTIONS:--c client_min_messages=warning}

command -v /usr/bin/time >/dev/null || { log "needs /usr/bin/time (apt-get install time)"; exit 1; }
build_newsgraph
(cd "$ROOT" && go build -o "$LATENCY" ./bench/latency)

results=$BENCH_DIR/build.md
echo "End-to-end build, seed $SEED — $(machine)" >"$results"

pg_url() {
	local sep='?'
	[[ $PG == *\?* ]] && sep='&'
	printf '%s%ssearch_path=%s\n' "$PG" "$sep" "$1"
}

for n in "${SIZES[@]}"; do
	dir=$(corpus "$n")
	read -r bytes words < <(corpus_size "$dir")
	for backend in $BACKENDS; do
		if [[ $backend == postgres && $n -gt $PG_MAX ]]; then
			continue
		fi
		case $backend in
		bolt)
			db=$BENCH_DIR/build-$n.db
			rm -rf "$db"
			;;
		postgres)
			psql "$PG" -qtAX -c "DROP SCHEMA IF EXISTS bench_build_$n CASCADE" -c "CREATE SCHEMA bench_build_$n" >/dev/null
			db=$(pg_url "bench_build_$n")
			;;
		esac
		sync
		log "$backend: building $n articles"
		read -r wall cpu rss status <<<"$(timed "$BENCH_DIR/build-$n.out" "$NEWSGRAPH" build "$dir" --db "$db" --progress=never)"
		[[ $status == 0 ]] || { log "build failed (exit $status)"; cat "$BENCH_DIR/build-$n.out" >&2; exit 1; }
		quads=$(awk '/^quads:/ {print $2}' "$BENCH_DIR/build-$n.out")
		{
			echo
			echo "| backend | articles | MB | words | quads | wall s | CPU s | peak RSS MB | articles/s |"
			echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
			awk -v be="$backend" -v n="$n" -v b="$bytes" -v w="$words" -v q="$quads" -v wall="$wall" -v cpu="$cpu" -v rss="$rss" 'BEGIN {
				printf "| %s | %d | %.1f | %d | %d | %.1f | %.1f | %d | %.0f |\n", be, n, b / 1e6, w, q, wall, cpu, rss, n / wall
			}'
			echo
			echo "Canned questions on it, answers in full:"
			echo
			"$LATENCY" -db "$db" -runs "${RUNS:-3}" -args "${ARGS:-20}" -q "${QUESTIONS:-}" ${LIMIT:+-limit "$LIMIT"}
			echo
			echo "First 100 rows of each answer:"
			echo
			"$LATENCY" -db "$db" -runs "${RUNS:-3}" -args "${ARGS:-20}" -q "${QUESTIONS:-}" -limit 100
		} | tee -a "$results"
		if [[ ${KEEP:-} != 1 ]]; then
			case $backend in
			bolt) rm -rf "$db" ;;
			postgres) psql "$PG" -qtAX -c "DROP SCHEMA IF EXISTS bench_build_$n CASCADE" >/dev/null ;;
			esac
		fi
	done
done
log "results: $results"
