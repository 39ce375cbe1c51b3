#!/usr/bin/env bash
# Benchmarks this tree against a baseline revision in one run, and compares
# them with benchstat. Runs alternate between the two trees so that a busy
# machine slows both alike.
#
#   scripts/bench.sh [BASE_REV]     (default HEAD~1; COUNT=6 runs each)
set -euo pipefail

base=${1:-HEAD~1}
count=${COUNT:-6}
pkgs=(./extract ./langs/index ./cmd/docverify)
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
cleanup() {
	git -C "$root" worktree remove --force "$tmp/base" >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT

git -C "$root" worktree add --quiet --detach "$tmp/base" "$base"
echo "baseline: $(git -C "$tmp/base" log -1 --format='%h %s')" >&2
echo "this tree: $(git -C "$root" log -1 --format='%h %s')$(git -C "$root" diff --quiet || echo ' (with uncommitted changes)')" >&2

# Build the test binaries once each, so the runs measure docverify only.
for tree in base head; do
	dir=$tmp/base
	[ "$tree" = head ] && dir=$root
	mkdir -p "$tmp/$tree"
	for p in "${pkgs[@]}"; do
		if [ -d "$dir/$p" ]; then
			(cd "$dir" && go test -c -o "$tmp/$tree/$(basename "$p").test" "$p")
		fi
	done
done

for i in $(seq "$count"); do
	for tree in base head; do
		for bin in "$tmp/$tree"/*.test; do
			[ -e "$bin" ] || continue
			(cd "$tmp" && "$bin" -test.run '^$' -test.bench . -test.benchmem -test.count 1) | grep -E '^(Benchmark|goos|goarch|pkg|cpu)' >> "$tmp/$tree.txt" || true
		done
	done
done

go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da base="$tmp/base.txt" head="$tmp/head.txt"
