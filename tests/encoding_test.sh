#!/usr/bin/env bash
# Encodings and line ends: each disclosure converted to GB18030, UTF-16 (LE and BE, with a byte
# order mark), UTF-8 with a BOM, CRLF and CR line ends must parse to the same disclosure, with
# every figure on the same line, and record the encoding it was read in.
# usage: encoding_test.sh GONGKAI SOURCE_DIR WORK_DIR
set -u
GONGKAI=$1 SRC=$2 WORK=$3
rm -rf "$WORK" && mkdir -p "$WORK"
passed=0 failed=0
# The JSON without the fields that name the file as read.
normalise() { grep -v -E '^    "(path|sha256|encoding)": ' "$1"; }
for f in "$SRC"/content/*.txt; do
  name=$(basename "$f")
  mkdir -p "$WORK/utf-8"
  cp "$f" "$WORK/utf-8/$name"
  "$GONGKAI" parse "$WORK/utf-8/$name" >"$WORK/utf-8.json" 2>/dev/null
  for variant in GB18030 UTF-16LE UTF-16BE UTF-8-BOM CRLF CR; do
    mkdir -p "$WORK/$variant"
    out="$WORK/$variant/$name"
    expected_encoding=$variant
    case $variant in
      GB18030) iconv -f UTF-8 -t GB18030 "$f" >"$out" ;;
      UTF-16LE) { printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$f"; } >"$out" ;;
      UTF-16BE) { printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$f"; } >"$out" ;;
      UTF-8-BOM) { printf '\xef\xbb\xbf'; cat "$f"; } >"$out"; expected_encoding=UTF-8 ;;
      CRLF) sed 's/$/\r/' "$f" >"$out"; expected_encoding=UTF-8 ;;
      CR) tr '\n' '\r' <"$f" >"$out"; expected_encoding=UTF-8 ;;
    esac
    "$GONGKAI" parse "$out" >"$WORK/$variant.json" 2>/dev/null
    if ! grep -qF "\"encoding\": \"$expected_encoding\"" "$WORK/$variant.json"; then
      failed=$((failed + 1)); echo "FAIL: $name as $variant: encoding is not recorded as $expected_encoding"
    elif ! diff <(normalise "$WORK/utf-8.json") <(normalise "$WORK/$variant.json") >"$WORK/diff"; then
      failed=$((failed + 1)); echo "FAIL: $name as $variant parses differently:"; head -n 20 "$WORK/diff"
    else
      passed=$((passed + 1))
    fi
  done
done
echo "encoding: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
