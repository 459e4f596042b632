#!/usr/bin/env bash
# Builds the fuzzing seed corpus from the five disclosures in content/:
#   bash fuzz/make_corpus.sh OUT_DIR
# Each disclosure whole, in overlapping windows of 80 lines (so that short inputs reach every
# kind of table and narrative), and its opening in every encoding and line end gongkai reads;
# plus the small inputs of tests/invalid/. Names are content hashes, so reruns add nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
mkdir -p "$out"
add() {  # add FILE: copy into the corpus under its hash
  local h
  h=$(sha1sum "$1" | cut -c1-16)
  cp "$1" "$out/$h"
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in content/*.txt; do
  add "$f"
  lines=$(wc -l <"$f")
  for ((start = 1; start <= lines; start += 40)); do
    sed -n "${start},$((start + 79))p" "$f" >"$tmp/window"
    add "$tmp/window"
  done
  head -n 120 "$f" >"$tmp/head"
  iconv -f UTF-8 -t GB18030 "$tmp/head" >"$tmp/gb18030" && add "$tmp/gb18030"
  { printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$tmp/head"; } >"$tmp/utf16le" && add "$tmp/utf16le"
  { printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$tmp/head"; } >"$tmp/utf16be" && add "$tmp/utf16be"
  { printf '\xef\xbb\xbf'; cat "$tmp/head"; } >"$tmp/bom" && add "$tmp/bom"
  sed 's/$/\r/' "$tmp/head" >"$tmp/crlf" && add "$tmp/crlf"
  tr '\n' '\r' <"$tmp/head" >"$tmp/cr" && add "$tmp/cr"
done
for f in tests/invalid/*/input*; do
  [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 65536 ] && add "$f"
done
echo "$(ls "$out" | wc -l) seeds in $out"
