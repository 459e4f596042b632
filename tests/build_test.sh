#!/usr/bin/env bash
# Build behaviour: deterministic (two builds give byte-identical sites), incremental (a rebuild
# parses only what changed, rewrites only pages whose content changed, and gives the same
# bytes as a full build), template changes re-render, removed inputs leave no files behind.
# usage: build_test.sh GONGKAI SOURCE_DIR WORK_DIR
set -u
GONGKAI=$1 SRC=$2 WORK=$3
rm -rf "$WORK" && mkdir -p "$WORK"
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
build() {  # build CONTENT OUT [TEMPLATES]
  "$GONGKAI" build --content "$1" --out "$2" --templates "${3:-$SRC/templates}" \
    --assets "$SRC/assets" >"$WORK/out" 2>"$WORK/err"
}
same_tree() { diff -r "$1" "$2" >/dev/null; }
has() { grep -qF -- "$1" "$2" || { echo "  '$1' not in:"; cat "$2"; return 1; }; }
inode() { stat -c %i "$1"; }

cp -r "$SRC/content" "$WORK/content"
CHENGDE=2022-hebei-chengde-healthcare-security-bureau
NANCHONG=2022-sichuan-nanchong-medical-security-center

# Deterministic.
build "$WORK/content" "$WORK/a"
check "first build says what it built" has "built 8 disclosures" "$WORK/err"
build "$WORK/content" "$WORK/b"
check "two full builds are byte-identical" same_tree "$WORK/a" "$WORK/b"
"$GONGKAI" build --content "$WORK/content" --out "$WORK/c" --templates "$SRC/templates" \
  --assets "$SRC/assets" --jobs 1 2>/dev/null
check "one thread and all cores give the same site" same_tree "$WORK/a" "$WORK/c"

# Incremental: nothing changed.
before=$(inode "$WORK/a/departments/$NANCHONG.html")
build "$WORK/content" "$WORK/a"
check "an unchanged rebuild parses nothing again" has "(8 unchanged, not parsed again)" "$WORK/err"
check "an unchanged page is not rewritten" test "$(inode "$WORK/a/departments/$NANCHONG.html")" = "$before"

# Incremental: one file changed (收入总计 1927.16 -> 1927.17 on line 85 of Chengde).
index_before=$(inode "$WORK/a/index.html")
sed -i '85s/收入总计 1927.16/收入总计 1927.17/' "$WORK/content/$CHENGDE.txt"
build "$WORK/content" "$WORK/a"
check "a one-file change parses only that file" has "(7 unchanged, not parsed again)" "$WORK/err"
check "the changed figure is in its data file" has '"income_total": 1927.17' "$WORK/a/data/$CHENGDE.json"
check "the new finding is on its page" has "summary-balance" "$WORK/a/departments/$CHENGDE.html"
check "another department's page is not rewritten" test "$(inode "$WORK/a/departments/$NANCHONG.html")" = "$before"
check "the index, whose figures changed, is rewritten" test "$(inode "$WORK/a/index.html")" != "$index_before"
build "$WORK/content" "$WORK/full"
check "the incremental site equals a full build" same_tree "$WORK/a" "$WORK/full"

# A template change re-renders what uses it.
cp -r "$SRC/templates" "$WORK/templates"
sed -i 's/## 派生指标/## 派生指标（改）/' "$WORK/templates/department.md"
build "$WORK/content" "$WORK/a" "$WORK/templates"
check "a template change re-renders every department" has "built 8 disclosures" "$WORK/err"
check "nothing is reused after a template change" bash -c "! grep -q unchanged '$WORK/err'"
check "the pages show the new template" has "派生指标（改）" "$WORK/a/departments/$NANCHONG.html"

# A removed input leaves nothing behind.
rm "$WORK/content/$NANCHONG.txt"
build "$WORK/content" "$WORK/a" "$WORK/templates"
check "the removed disclosure's page is gone" test ! -e "$WORK/a/departments/$NANCHONG.html"
check "its data file is gone" test ! -e "$WORK/a/data/$NANCHONG.json"
check "its source page is gone" test ! -e "$WORK/a/source/$NANCHONG.html"
check "the index no longer lists it" bash -c "! grep -q '$NANCHONG' '$WORK/a/index.html'"

echo "build: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
