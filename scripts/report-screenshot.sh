#!/bin/sh
# report-screenshot.sh FIXTURE OUT.png [WIDTH,HEIGHT]
# Writes the fixture repository's files into a temporary directory, renders
# `docverify report --format html` for it and takes a screenshot of the
# page with headless Chromium (Debian's chromium package). The README's
# picture of the inventory page is made so:
#   scripts/report-screenshot.sh fixtures/monorepo.txtar docs/report.png
set -eu
fixture=$1 out=$2 size=${3:-1100,760}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# txtar: "-- path --" lines start files; the fixture's expected output is left out
awk -v dir="$tmp/repo" '
	/^-- .* --$/ { f = substr($0, 4, length($0) - 6); file = (f ~ /^\.expected\//) ? "" : dir "/" f
		if (file != "") { d = file; sub(/\/[^\/]*$/, "", d); system("mkdir -p \"" d "\""); printf "" > file }; next }
	file != "" { print >> file }' "$fixture"
go run ./cmd/docverify report --no-cache --format html -o "$tmp/inventory.html" "$tmp/repo"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$tmp/profile" --hide-scrollbars --window-size="$size" \
	--screenshot="$(pwd)/$out" "file://$tmp/inventory.html" 2>/dev/null
echo "wrote $out"
