#!/usr/bin/env bash
# Extraction quality on the dev set and the example articles, as
# ../shared/eval/score.py measures it.
#
#   bench/dev-score.sh [--misses]
#
# The dev set's texts are collected once per machine into .dev-articles/
# (see ../shared/eval/dev/README.md); they are never committed. Prints the
# scorer's headline line for each set (the full JSON report, with what was
# missed when --misses is given, goes to $BENCH_DIR/dev.json and seeds.json).
source "$(dirname "$0")/lib.sh"

shared=$ROOT/../shared/eval
[[ -d $ROOT/.dev-articles ]] || { log "no .dev-articles: collect them as $shared/dev/README.md says"; exit 1; }
build_newsgraph
"$NEWSGRAPH" extract "$ROOT/.dev-articles" -o "$BENCH_DIR/dev.nq" >/dev/null
"$NEWSGRAPH" extract "$ROOT/examples/articles" -o "$BENCH_DIR/seeds.nq" >/dev/null
python3 "$shared/score.py" "$shared/gold/dev.json" "$BENCH_DIR/dev.nq" --articles "$ROOT/.dev-articles" "$@" >"$BENCH_DIR/dev.json"
python3 "$shared/score.py" "$shared/gold/seeds.json" "$BENCH_DIR/seeds.nq" --articles "$ROOT/examples/articles" "$@" >"$BENCH_DIR/seeds.json"
echo "dev ($(ls "$ROOT/.dev-articles" | wc -l) articles): $(tail -1 "$BENCH_DIR/dev.json")"
echo "seeds: $(tail -1 "$BENCH_DIR/seeds.json")"
