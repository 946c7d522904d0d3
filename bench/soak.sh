#!/usr/bin/env bash
# Soak: `newsgraph serve --writable` on 127.0.0.1 (bolt) with N clients
# posting articles and M clients querying for a bounded time, then checks:
#
#   - every request answered (hostile queries: stopped at a limit);
#   - every article posted is in the store exactly once: the store, dumped
#     as sorted N-Quads, is byte-identical to a clean `newsgraph build` of
#     the same articles, and holds as many articles;
#   - no goroutine or open-file leak (counted through the hidden
#     --debug-addr and /proc before and after);
#
# and reports p50/p99 latency by request and the server's peak RSS.
#
#   bench/soak.sh                 2 minutes, 4 writers, 8 readers, up to 3000 articles
#
# Environment (besides BENCH_DIR and SEED, see lib.sh):
#   WRITERS, READERS   clients (default 4, 8)
#   DURATION           how long the clients run (default 2m)
#   ARTICLES           corpus size; writers stop when it is posted (default 3000)
#   MEMORY             the server's --query-memory (default 256MiB)
#
# Prints a Markdown report (also saved to $BENCH_DIR/soak.md); exits non-zero
# if a check fails.

source "$(dirname "$0")/lib.sh"

WRITERS=${WRITERS:-4}
READERS=${READERS:-8}
DURATION=${DURATION:-2m}
ARTICLES=${ARTICLES:-3000}
MEMORY=${MEMORY:-256MiB}
SOAK=$BENCH_DIR/bin/soak

build_newsgraph
(cd "$ROOT" && go build -o "$SOAK" ./bench/soak)
corpus=$(corpus "$ARTICLES")

work=$BENCH_DIR/soak
rm -rf "$work"
mkdir -p "$work/posted"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
debug=$(free_port)

"$NEWSGRAPH" serve --writable --db "$work/soak.db" --addr "127.0.0.1:$port" --debug-addr "127.0.0.1:$debug" \
	--query-memory "$MEMORY" >"$work/serve.log" 2>&1 &
server=$!
stop_server() {
	if kill -0 "$server" 2>/dev/null; then
		kill -TERM "$server"
		wait "$server" || true
	fi
}
trap stop_server EXIT

status=0
"$SOAK" -addr "127.0.0.1:$port" -debug "127.0.0.1:$debug" -pid "$server" -corpus "$corpus" -posted "$work/posted" \
	-writers "$WRITERS" -readers "$READERS" -duration "$DURATION" | tee "$work/soak.txt" || status=$?
stop_server
trap - EXIT

# The store against a clean build of the articles that were posted.
log "clean build of $(find "$work/posted" -type f | wc -l) articles"
"$NEWSGRAPH" build --db "$work/clean.db" "$work/posted" >"$work/clean.txt"
dump() { "$NEWSGRAPH" export --db "$1" --format nquads | LC_ALL=C sort; }
dump "$work/soak.db" >"$work/soak.nq"
dump "$work/clean.db" >"$work/clean.nq"
count() { "$NEWSGRAPH" query --db "$1" 'g.Emit(g.V("<Article>").In("<type>").Count())' | tr -d '[] \n'; }
soak_articles=$(count "$work/soak.db")
clean_articles=$(count "$work/clean.db")
posted=$(find "$work/posted" -type f | wc -l)
if cmp -s "$work/soak.nq" "$work/clean.nq"; then
	same="identical ($(wc -l <"$work/soak.nq") quads)"
else
	same="DIFFERENT: $(wc -l <"$work/soak.nq") quads against $(wc -l <"$work/clean.nq"); diff $work/soak.nq $work/clean.nq"
	status=1
fi
if [[ $soak_articles != "$posted" || $clean_articles != "$posted" ]]; then
	status=1
fi

{
	echo "Soak, seed $SEED — $(machine)"
	echo
	echo "    WRITERS=$WRITERS READERS=$READERS DURATION=$DURATION ARTICLES=$ARTICLES MEMORY=$MEMORY bench/soak.sh"
	echo
	sed 's/^/    /' "$work/soak.txt" | grep -v '^    |' || true
	echo
	grep '^|' "$work/soak.txt" || true
	echo
	echo "- articles posted: $posted; in the store: $soak_articles; in a clean build: $clean_articles"
	echo "- the store against a clean build, as sorted N-Quads: $same"
} | tee "$BENCH_DIR/soak.md"
exit "$status"
