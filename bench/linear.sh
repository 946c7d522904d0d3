#!/usr/bin/env bash
# Linear extraction: extract.BenchmarkLongArticles times long articles of
# each shape that once cost their size squared (many quotations in one
# paragraph, many people, bodies, acronyms, one endless sentence, …) at
# 1,000 and 4,000 parts, and this script prints, per shape, the cost per
# part of the larger over the smaller: 1.0 is linear, 4.0 would be
# quadratic. The baseline is the same shape's smaller article, in the same
# run.
#
#   bench/linear.sh [COUNT]     runs of each benchmark (default 3; the
#                               fastest is kept)
#
# Prints a Markdown table (also saved to $BENCH_DIR/linear.md).

source "$(dirname "$0")/lib.sh"

COUNT=${1:-3}
raw=$BENCH_DIR/linear.txt
(cd "$ROOT" && go test ./extract -run '^$' -bench '^BenchmarkLongArticles$' -count "$COUNT" -benchtime 3x) | tee "$raw" >&2
results=$BENCH_DIR/linear.md
{
	echo "Linear extraction — $(machine)"
	echo
	echo "| shape | µs/part at 1,000 | µs/part at 4,000 | ratio |"
	echo "|---|---:|---:|---:|"
	awk '
		/^BenchmarkLongArticles\// {
			split($1, p, "/"); shape = p[2]; n = p[3]; sub(/-[0-9]+$/, "", n)
			for (i = 2; i <= NF; i++) if ($(i+1) == "µs/part") v = $i
			key = shape SUBSEP n
			if (!(key in best) || v < best[key]) best[key] = v
			if (!(shape in seen)) { seen[shape] = 1; order[++k] = shape }
		}
		END {
			for (i = 1; i <= k; i++) {
				s = order[i]; a = best[s, "1000"]; b = best[s, "4000"]
				printf "| %s | %.1f | %.1f | %.2f |\n", s, a, b, b / a
			}
		}' "$raw"
} | tee "$results"
