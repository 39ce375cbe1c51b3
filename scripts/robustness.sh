#!/usr/bin/env bash
# Runs docverify once over each checkout given (fetched public
# repositories, never committed) and prints, for each, the exit code, the
# wall time and the peak RSS, then how many runs crashed (an exit code
# above 2, a crash or a kill; exit 2 is a clear error, whose message is
# shown), took over 120 s or used over 1 GB. Issue 13's
# figures in docs/robustness.md come from it.
#
#   scripts/robustness.sh CHECKOUT...
set -uo pipefail

root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/docverify" ./cmd/docverify) || exit 2
bad=0 n=0
printf '%-28s %5s %8s %8s %7s\n' repository exit seconds "MB" claims
for dir in "$@"; do
	n=$((n + 1))
	/usr/bin/time -f "%e %M" -o "$tmp/time" timeout 300 "$tmp/docverify" --no-cache --fail-on never --format json "$dir" >"$tmp/out.json" 2>"$tmp/err"
	code=$?
	# time(1) puts "Command exited with non-zero status N" first when the
	# run fails; the figures are on the last line
	read -r secs kb < <(tail -n 1 "$tmp/time" 2>/dev/null) || { secs=?; kb=0; }
	case "$kb" in '' | *[!0-9]*) kb=0 ;; esac
	claims=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["stats"]["claims"])' "$tmp/out.json" 2>/dev/null || echo -)
	mb=$((kb / 1024))
	printf '%-28s %5s %8s %8s %7s\n' "$(basename "$dir")" "$code" "$secs" "$mb" "$claims"
	# exit 2 with a message (a repository with no Markdown docs) is a
	# clear error, reported below the line; above 2 is a crash or a kill
	if [ "$code" -gt 2 ] || [ "$mb" -gt 1024 ] || awk -v s="$secs" 'BEGIN{exit !(s+0 > 120)}'; then
		bad=$((bad + 1))
		head -3 "$tmp/err" | sed 's/^/    /'
	elif [ "$code" -eq 2 ]; then
		head -1 "$tmp/err" | sed 's/^/    /'
	fi
done
echo "$n runs: $bad crashed, took over 120 s or used over 1 GB"
