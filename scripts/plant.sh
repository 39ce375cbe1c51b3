#!/usr/bin/env bash
# Plants phantom claims into copies of real repositories and counts how
# many docverify reports at warning level or above: a recall spot check.
#
#   scripts/plant.sh CHECKOUTS_DIR
#
# For each scripts/phantoms/NAME.txt (Markdown, kept as .txt so that
# docverify does not check it as this repository's own doc), the checkout
# CHECKOUTS_DIR/NAME is copied, the file is added to the copy as
# docs/PHANTOMS.md, and every line of it that carries "<!-- phantom -->"
# must get a finding. Nothing of the checkouts is modified or committed.
set -euo pipefail
checkouts=${1:?usage: scripts/plant.sh CHECKOUTS_DIR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/docverify" ./cmd/docverify)

total=0 found=0
for spec in "$here"/phantoms/*.txt; do
	name=$(basename "$spec" .txt)
	[ -d "$checkouts/$name" ] || { echo "$name: no checkout in $checkouts, skipped" >&2; continue; }
	cp -r "$checkouts/$name" "$tmp/$name"
	mkdir -p "$tmp/$name/docs"
	cp "$spec" "$tmp/$name/docs/PHANTOMS.md"
	lines=$(grep -n '<!-- phantom -->' "$spec" | cut -d: -f1)
	reported=$(cd "$tmp/$name" && "$tmp/docverify" --no-cache --fail-on never --quiet docs/PHANTOMS.md | grep -E ': (error|warning): ' | cut -d: -f2 | sort -u)
	for l in $lines; do
		total=$((total + 1))
		if grep -qx "$l" <<<"$reported"; then
			found=$((found + 1))
		else
			echo "$name: line $l not reported: $(sed -n "${l}p" "$spec")"
		fi
	done
	rm -rf "$tmp/$name"
done
echo "planted phantoms reported: $found of $total"
