#!/usr/bin/env bash
# Lists every public repository the accuracy pages already name (tuning
# repositories, held-out rounds, recall sets), one owner/name a line, in
# lower case, so a new held-out round can check that a candidate was never
# run. Over-inclusive on purpose: a path that looks like owner/name only
# excludes more.
#
#   scripts/used-repos.sh            # the list
#   scripts/used-repos.sh OWNER/NAME # prints "used" or "new" for each
set -euo pipefail
cd "$(dirname "$0")/.."
list() {
	{
		grep -ohE 'github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+' docs/*.md docs/*.tsv | sed 's|github\.com/||'
		grep -ohE '[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+' docs/accuracy-rounds.md docs/accuracy.md
		cut -f1 docs/accuracy-history*.tsv | grep -v '^#' | tr '+' '/'
	} | tr 'A-Z' 'a-z' | sed 's/[.]git$//; s/[.,)]*$//' | sort -u
}
if [ $# -eq 0 ]; then list; exit 0; fi
used=$(list)
names=$(printf '%s\n' "$used" | sed 's|.*/||' | sort -u)
for r in "$@"; do
	lr=$(printf '%s' "$r" | tr 'A-Z' 'a-z')
	if printf '%s\n' "$used" | grep -qxF "$lr"; then echo "used $r"
	elif printf '%s\n' "$names" | grep -qxF "${lr#*/}"; then echo "name-used $r"
	else echo "new $r"; fi
done
