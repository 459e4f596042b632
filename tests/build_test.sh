#!/usr/bin/env bash
# Build behaviour: deterministic (two builds give byte-identical sites), incremental (a rebuild
# parses only what changed, rewrites only pages whose content changed, and gives the same
# bytes as a full build), template changes re-render, removed inputs leave no files behind.
# The originals (originals/<id>/<file name>) are copies of the inputs, kept by an incremental
# build without copying them again; SHA256SUMS describes the site after every build, is
# computed from only the files a build wrote, and a changed byte makes `sha256sum -c` fail.
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
sums_ok() { (cd "$1" && sha256sum -c --quiet --strict SHA256SUMS) || { echo "  sha256sum -c fails in $1"; return 1; }; }
sums_fail() { ! (cd "$1" && sha256sum -c --quiet SHA256SUMS >/dev/null 2>&1); }
# SHA256SUMS lists every file of the site but itself (the marker too), and nothing else.
sums_complete() {
  (cd "$1" && find . -type f ! -path ./SHA256SUMS | sed 's|^\./||' | sort) >"$WORK/files"
  sed 's/^[0-9a-f]*  //' "$1/SHA256SUMS" | sort >"$WORK/listed"
  diff "$WORK/files" "$WORK/listed" >/dev/null || { diff "$WORK/files" "$WORK/listed" | head -n 5; return 1; }
}
# The number of files of site $1 that are not (path, inode) pairs of the listing $2: the files
# a build wrote rather than linked from the previous site (SHA256SUMS aside).
written() {
  (cd "$1" && find . -type f ! -path ./SHA256SUMS -printf '%i %P\n' | sort) |
    comm -23 - "$2" | wc -l
}
listing() { (cd "$1" && find . -type f -printf '%i %P\n' | sort) >"$2"; }
hashed() { sed -n 's/^  SHA256SUMS: [0-9]* files, \([0-9]*\) hashed$/\1/p' "$WORK/err"; }

cp -r "$SRC/content" "$WORK/content"
CHENGDE=2022-hebei-chengde-healthcare-security-bureau
NANCHONG=2022-sichuan-nanchong-medical-security-center
BEIJING=2026-beijing-audit-bureau
BEIJING2="附件2 北京市审计局2026年度部门预算报表.pdf"

# Deterministic.
build "$WORK/content" "$WORK/a"
check "first build says what it built" has "built 8 disclosures" "$WORK/err"
build "$WORK/content" "$WORK/b"
check "two full builds are byte-identical" same_tree "$WORK/a" "$WORK/b"
"$GONGKAI" build --content "$WORK/content" --out "$WORK/c" --templates "$SRC/templates" \
  --assets "$SRC/assets" --jobs 1 2>/dev/null
check "one thread and all cores give the same site" same_tree "$WORK/a" "$WORK/c"

# The originals and the checksums of a full build.
check "a PDF of a folder is in the site under its published name" \
  cmp "$WORK/content/$BEIJING/$BEIJING2" "$WORK/a/originals/$BEIJING/$BEIJING2"
check "a text disclosure is in the site" cmp "$WORK/content/$CHENGDE.txt" "$WORK/a/originals/$CHENGDE/$CHENGDE.txt"
check "an original is a copy, not a link to the input" \
  test "$(inode "$WORK/a/originals/$CHENGDE/$CHENGDE.txt")" != "$(inode "$WORK/content/$CHENGDE.txt")"
check "every original of the content is in the site" \
  test "$(find "$WORK/a/originals" -type f | wc -l)" -eq "$(find "$WORK/content" -type f | wc -l)"
check "the department page links its original with size and SHA-256" has \
  "原始文件：<a href=\"../originals/$CHENGDE/$CHENGDE.txt\">$CHENGDE.txt</a>（文本，39.4 KB，SHA-256 <code>$(sha256sum "$WORK/content/$CHENGDE.txt" | cut -c1-64)</code>）" \
  "$WORK/a/departments/$CHENGDE.html"
check "SHA256SUMS checks after a full build" sums_ok "$WORK/a"
check "SHA256SUMS lists every file of the site but itself" sums_complete "$WORK/a"
GONGKAI_TIMING=1 build "$WORK/content" "$WORK/d"
check "a build without a previous site hashes every file" \
  test "$(hashed)" = "$(wc -l <"$WORK/d/SHA256SUMS")"
cp -r "$WORK/a" "$WORK/t"
page="$WORK/t/departments/$NANCHONG.html"
head -c 1 "$page" | grep -qx '<' && printf 'X' | dd of="$page" bs=1 count=1 conv=notrunc status=none
check "one changed byte of a page makes sha256sum -c fail" sums_fail "$WORK/t"
check "sha256sum -c names the changed page" \
  bash -c "cd '$WORK/t' && sha256sum -c --quiet SHA256SUMS 2>/dev/null | grep -qx 'departments/$NANCHONG.html: FAILED'"

# Incremental: nothing changed.
before=$(inode "$WORK/a/departments/$NANCHONG.html")
original=$(inode "$WORK/a/originals/$BEIJING/$BEIJING2")
listing "$WORK/a" "$WORK/before"
GONGKAI_TIMING=1 build "$WORK/content" "$WORK/a"
check "an unchanged rebuild parses nothing again" has "(8 unchanged, not parsed again)" "$WORK/err"
check "an unchanged page is not rewritten" test "$(inode "$WORK/a/departments/$NANCHONG.html")" = "$before"
check "an unchanged original is not copied again" \
  test "$(inode "$WORK/a/originals/$BEIJING/$BEIJING2")" = "$original"
check "an unchanged rebuild writes no file" test "$(written "$WORK/a" "$WORK/before")" -eq 0
check "an unchanged rebuild hashes no file" test "$(hashed)" = 0
check "SHA256SUMS checks after an unchanged rebuild" sums_ok "$WORK/a"

# Incremental: one file changed (收入总计 1927.16 -> 1927.17 on line 85 of Chengde).
index_before=$(inode "$WORK/a/index.html")
listing "$WORK/a" "$WORK/before"
sed -i '85s/收入总计 1927.16/收入总计 1927.17/' "$WORK/content/$CHENGDE.txt"
GONGKAI_TIMING=1 build "$WORK/content" "$WORK/a"
check "a one-file change parses only that file" has "(7 unchanged, not parsed again)" "$WORK/err"
check "the changed figure is in its data file" has '"income_total": 1927.17' "$WORK/a/data/$CHENGDE.json"
check "the new finding is on its page" has "summary-balance" "$WORK/a/departments/$CHENGDE.html"
check "another department's page is not rewritten" test "$(inode "$WORK/a/departments/$NANCHONG.html")" = "$before"
check "the index, whose figures changed, is rewritten" test "$(inode "$WORK/a/index.html")" != "$index_before"
check "the changed input's original is the new file" cmp "$WORK/content/$CHENGDE.txt" "$WORK/a/originals/$CHENGDE/$CHENGDE.txt"
check "another original is not copied again" \
  test "$(inode "$WORK/a/originals/$BEIJING/$BEIJING2")" = "$original"
w=$(written "$WORK/a" "$WORK/before")
check "a one-file change hashes exactly the files it wrote ($(hashed) of $w)" test "$(hashed)" -eq "$w"
check "a one-file change writes a part of the site ($w of $(wc -l <"$WORK/a/SHA256SUMS") files)" \
  test "$w" -gt 3 -a "$w" -lt "$(($(wc -l <"$WORK/a/SHA256SUMS") / 3))"
check "SHA256SUMS checks after a one-file change" sums_ok "$WORK/a"
check "SHA256SUMS still lists every file" sums_complete "$WORK/a"
cp "$WORK/content/$CHENGDE.txt" "$WORK/chengde-built.txt"
printf '\n附：本文件在发布后被改动。\n' >>"$WORK/content/$CHENGDE.txt"
check "an edit of an input in place leaves the site's original as it was" \
  cmp "$WORK/chengde-built.txt" "$WORK/a/originals/$CHENGDE/$CHENGDE.txt"
check "... and its checksum true" sums_ok "$WORK/a"
cp "$WORK/chengde-built.txt" "$WORK/content/$CHENGDE.txt"
build "$WORK/content" "$WORK/a"
build "$WORK/content" "$WORK/full"
check "the incremental site equals a full build" same_tree "$WORK/a" "$WORK/full"
# The cross pages are made from each input's record in the cache (pages/record.h); one that
# cannot be read is not trusted: its input is built again.
check "each input's record is in the cache" test -s "$WORK/a.cache/records/$NANCHONG.json"
printf '{"id": "%s"}\n' "$NANCHONG" >"$WORK/a.cache/records/$NANCHONG.json"
build "$WORK/content" "$WORK/a"
check "an input whose record cannot be read is built again" has "(7 unchanged, not parsed again)" "$WORK/err"
check "... and the site equals a full build" same_tree "$WORK/a" "$WORK/full"

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
check "its original is gone" test ! -e "$WORK/a/originals/$NANCHONG"
check "SHA256SUMS no longer lists it" bash -c "! grep -q '$NANCHONG' '$WORK/a/SHA256SUMS'"
check "SHA256SUMS checks after an input is removed" sums_ok "$WORK/a"

# A page changed in place in the published site is not blessed by the next incremental build:
# its page is linked again as it is, with the checksum gongkai gave it, so sha256sum -c keeps
# reporting it; a full build (without the cache) writes it anew.
page="$WORK/a/departments/$CHENGDE.html"
sed -i 's/承德市医疗保障局/承德市医疗保障局（篡改）/' "$page"
build "$WORK/content" "$WORK/a" "$WORK/templates"
check "an incremental build keeps reporting a page changed in place" sums_fail "$WORK/a"
rm -rf "$WORK/a.cache"
build "$WORK/content" "$WORK/a" "$WORK/templates"
check "a full build writes it anew" sums_ok "$WORK/a"
check "... as gongkai renders it" bash -c "! grep -q '（篡改）' '$page'"

echo "build: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
