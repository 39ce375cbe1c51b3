#!/usr/bin/env bash
# Measures docverify against the floor issue 12 sets for it: the time
# ripgrep takes to find the names the docs claim in the same tree
# (rg -F -w -f NAMES). For each tree it prints wall and CPU seconds, best
# of RUNS, for rg, docverify cold (no cache), warm (cache filled) and one
# doc warm, the ratios to rg, and docverify's peak RSS.
#
#   scripts/bench-vs-rg.sh TREE...     (RUNS=3 by default)
#
# Trees are any checkouts: fetched public repositories (never committed)
# or a generated one (go run ./scripts/synth DIR). Needs rg and GNU time.
set -euo pipefail

runs=${RUNS:-3}
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v rg >/dev/null || { echo "bench-vs-rg: needs ripgrep (apt-get install ripgrep)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-vs-rg: needs GNU time (/usr/bin/time)" >&2; exit 2; }
(cd "$root" && go build -o "$tmp/docverify" ./cmd/docverify)
dv=$tmp/docverify

# best runs CMD... RUNS times and prints "wall cpu maxrss_kb" of the
# fastest (by wall time).
best() {
	local out=$tmp/time best_wall="" line
	for _ in $(seq "$runs"); do
		/usr/bin/time -f "%e %U %S %M" -o "$out" "$@" >/dev/null 2>&1 || true
		line=$(tail -1 "$out")
		read -r w u s m <<<"$line"
		cpu=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')
		if [ -z "$best_wall" ] || awk -v a="$w" -v b="$best_wall" 'BEGIN{exit !(a<b)}'; then
			best_wall=$w best="$w $cpu $m"
		fi
	done
	echo "$best"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b <= 0) b = 0.01; printf "%.1fx", a/b }'; }

printf '%-28s %6s %6s | %-12s | %-20s | %-20s | %-14s | %s\n' tree files names "rg wall/cpu" "cold wall/cpu (x rg)" "warm wall/cpu (x rg)" "one doc warm" "peak RSS"
for tree in "$@"; do
	tree=$(cd "$tree" && pwd)
	name=$(basename "$tree")
	(cd "$tree" && "$dv" --no-cache --fail-on never --min-severity info --format json . >"$tmp/report.json" 2>/dev/null) || true
	python3 - "$tmp/report.json" "$tmp/names" "$tmp/doc" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
names = sorted({c["name"] for c in r.get("claims", []) if c.get("name")})
open(sys.argv[2], "w").write("\n".join(names) + "\n")
docs = {}
for c in r.get("claims", []):
    docs[c["file"]] = docs.get(c["file"], 0) + 1
open(sys.argv[3], "w").write(max(docs, key=docs.get) if docs else "")
PY
	files=$(cd "$tree" && rg --files | wc -l)
	nnames=$(wc -l <"$tmp/names")
	read -r rgw rgc _ <<<"$(cd "$tree" && best rg -F -w -f "$tmp/names" --no-messages -c .)"
	read -r cw cc cm <<<"$(cd "$tree" && best "$dv" --no-cache --fail-on never --quiet .)"
	cache=$tmp/cache-$name
	(cd "$tree" && "$dv" --cache-dir "$cache" --fail-on never --quiet . >/dev/null 2>&1) || true
	read -r ww wc wm <<<"$(cd "$tree" && best "$dv" --cache-dir "$cache" --fail-on never --quiet .)"
	doc=$(cat "$tmp/doc")
	read -r dw dc dm <<<"$(cd "$tree" && best "$dv" --cache-dir "$cache" --fail-on never --quiet "$doc")"
	peak=$(printf '%s\n' "$cm" "$wm" "$dm" | sort -n | tail -1)
	printf '%-28s %6s %6s | %5ss %5ss | %5ss %5ss (%s) | %5ss %5ss (%s) | %5ss %5ss | %d MB\n' \
		"$name" "$files" "$nnames" "$rgw" "$rgc" "$cw" "$cc" "$(ratio "$cc" "$rgc")" "$ww" "$wc" "$(ratio "$wc" "$rgc")" "$dw" "$dc" $((peak / 1024))
done
