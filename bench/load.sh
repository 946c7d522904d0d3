#!/usr/bin/env bash
# Load time: newsgraph's load step against Cayley's own bulk load of the same
# N-Quads into the same backend, side by side.
#
#   bench/load.sh [N...]        corpus sizes in articles (default: 2000 20000)
#
# For each size: generate the corpus (cached, see lib.sh), extract its quads
# once to an .nq file (`newsgraph extract`), then time, each into a new
# store, with bench/loadnq:
#   cayley     QuadStore.NewQuadWriter + quad.CopyBatch (what `cayley load`
#              does), Cayley's default options
#   newsgraph  graph.LoadBatch of the same quads grouped by article, as
#              `newsgraph build` loads them (provenance, content hashes)
# and, when PG is set, the same two into PostgreSQL.
#
# Environment (besides BENCH_DIR and SEED, see lib.sh):
#   BACKENDS   "bolt" and/or "postgres" (default: bolt, plus postgres when PG is set)
#   PG         a postgres:// URL whose user may create schemas; each run gets a
#              new schema, dropped afterwards
#   PG_MAX     largest corpus loaded into PostgreSQL (default 20000)
#
# Prints a Markdown table (also saved to $BENCH_DIR/load.md).

source "$(dirname "$0")/lib.sh"

SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(2000 20000)
PG=${PG:-}
PG_MAX=${PG_MAX:-20000}
BACKENDS=${BACKENDS:-bolt${PG:+ postgres}}
LOADNQ=$BENCH_DIR/bin/loadnq
export PGOPTIONS=${PGOPTIONS:--c client_min_messages=warning}

command -v /usr/bin/time >/dev/null || { log "needs /usr/bin/time (apt-get install time)"; exit 1; }
build_newsgraph
(cd "$ROOT" && go build -o "$LOADNQ" ./bench/loadnq)

results=$BENCH_DIR/load.md
{
	echo "Load time, seed $SEED — $(machine)"
	echo
	echo "| backend | articles | quads | loader | wall s | CPU s | quads/s | peak RSS MB | vs Cayley |"
	echo "|---|---:|---:|---|---:|---:|---:|---:|---:|"
} >"$results"

# pg_url SCHEMA prints $PG with SCHEMA first on the search path.
pg_url() {
	local sep='?'
	[[ $PG == *\?* ]] && sep='&'
	printf '%s%ssearch_path=%s\n' "$PG" "$sep" "$1"
}

# fresh_store BACKEND NAME prints the --db of a new, empty store.
fresh_store() {
	case $1 in
	bolt)
		rm -rf "$BENCH_DIR/load-$2.db"
		printf '%s\n' "$BENCH_DIR/load-$2.db"
		;;
	postgres)
		psql "$PG" -qtAX -c "DROP SCHEMA IF EXISTS bench_$2 CASCADE" -c "CREATE SCHEMA bench_$2" >/dev/null
		pg_url "bench_$2"
		;;
	esac
}

drop_store() {
	case $1 in
	bolt) rm -rf "$BENCH_DIR/load-$2.db" ;;
	postgres) psql "$PG" -qtAX -c "DROP SCHEMA IF EXISTS bench_$2 CASCADE" >/dev/null ;;
	esac
}

for n in "${SIZES[@]}"; do
	dir=$(corpus "$n")
	nq=$BENCH_DIR/quads-$n-s$SEED-$(git -C "$ROOT" rev-parse --short HEAD).nq
	if [[ ! -s $nq ]]; then
		log "extracting $n articles to $nq"
		"$NEWSGRAPH" extract "$dir" -o "$nq"
	fi
	quads=$(wc -l <"$nq")
	for backend in $BACKENDS; do
		if [[ $backend == postgres && $n -gt $PG_MAX ]]; then
			continue
		fi
		declare -A wall=()
		for loader in cayley newsgraph; do
			db=$(fresh_store "$backend" "$loader")
			sync
			log "$backend: $loader loads $quads quads ($n articles)"
			read -r w cpu rss status <<<"$(timed "$BENCH_DIR/load-$loader.out" "$LOADNQ" -mode "$loader" -db "$db" "$nq")"
			[[ $status == 0 ]] || { log "loadnq -mode $loader failed (exit $status)"; exit 1; }
			# loadnq's own clock: the load, without process start and exit.
			read -r _ _ secs _ <"$BENCH_DIR/load-$loader.out"
			wall[$loader]=$secs
			ratio=$(awk -v a="$secs" -v b="${wall[cayley]}" 'BEGIN {printf "%.2f×", a / b}')
			awk -v be="$backend" -v n="$n" -v q="$quads" -v l="$loader" -v w="$secs" -v c="$cpu" -v r="$rss" -v x="$ratio" 'BEGIN {
				printf "| %s | %d | %d | %s | %.1f | %.1f | %.0f | %d | %s |\n", be, n, q, l, w, c, q / w, r, x
			}' | tee -a "$results"
			drop_store "$backend" "$loader"
		done
	done
done
log "results: $results"
