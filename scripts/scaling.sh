#!/usr/bin/env bash
# Checks that doubling an input at most about doubles the time: every
# benchmark with sub-benchmarks n=1x and n=2x (a one-line JSON file, one
# sentence of a thousand names, ...) runs COUNT times; the best 2x time
# must be within LIMIT times the best 1x time.
#
#   scripts/scaling.sh            (COUNT=3, LIMIT=2.5)
set -euo pipefail

count=${COUNT:-3}
limit=${LIMIT:-2.5}
root=$(git rev-parse --show-toplevel)
out=$(mktemp)
trap 'rm -f "$out"' EXIT

(cd "$root" && go test -run '^$' -bench '/n=[12]x$' -benchtime 3x -count "$count" ./extract ./langs/index ./cmd/docverify) | grep -E '^Benchmark' > "$out"

# name-of-benchmark/n=Kx-PROCS  N  T ns/op ...  -> best time per name
awk -v limit="$limit" '
{
	name = $1; sub(/-[0-9]+$/, "", name)
	split(name, parts, "/n=")
	base = parts[1]; scale = parts[2]
	t = $3 + 0
	key = base SUBSEP scale
	if (!(key in best) || t < best[key]) best[key] = t
	bases[base] = 1
}
END {
	bad = 0
	for (b in bases) {
		one = best[b SUBSEP "1x"]; two = best[b SUBSEP "2x"]
		if (one == 0 || two == 0) { printf "%s: missing a size\n", b; bad = 1; continue }
		r = two / one
		verdict = (r <= limit) ? "ok" : "SUPERLINEAR"
		if (r > limit) bad = 1
		printf "%-60s 1x %12.1f ms  2x %12.1f ms  ratio %.2f  %s\n", b, one / 1e6, two / 1e6, r, verdict
	}
	exit bad
}' "$out"
