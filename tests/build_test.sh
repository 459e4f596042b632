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
# The marker lists every file of the site but itself and SHA256SUMS, and nothing else.
marker_complete() {
  (cd "$1" && find . -type f ! -path ./SHA256SUMS ! -path ./.gongkai-site | sed 's|^\./||' | sort) >"$WORK/files"
  tail -n +2 "$1/.gongkai-site" | sort >"$WORK/listed"
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
check "first build says what it built" has "built 10 disclosures" "$WORK/err"
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
  test "$(find "$WORK/a/originals" -type f | wc -l)" -eq "$(find "$WORK/content" -type f ! -name aliases.tsv | wc -l)"
check "the department page links its original with size and SHA-256" has \
  "原始文件：<a href=\"../originals/$CHENGDE/$CHENGDE.txt\">$CHENGDE.txt</a>（文本，39.4 KB，SHA-256 <code>$(sha256sum "$WORK/content/$CHENGDE.txt" | cut -c1-64)</code>）" \
  "$WORK/a/departments/$CHENGDE.html"
check "SHA256SUMS checks after a full build" sums_ok "$WORK/a"
check "SHA256SUMS lists every file of the site but itself" sums_complete "$WORK/a"
check "the marker lists every file of the site but itself and SHA256SUMS" marker_complete "$WORK/a"
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
check "an unchanged rebuild parses nothing again" has "(10 unchanged, not parsed again)" "$WORK/err"
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
check "a one-file change parses only that file" has "(9 unchanged, not parsed again)" "$WORK/err"
check "... and makes the search index from the last build's" has "search index: from the last build's" "$WORK/err"
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
check "the marker still lists every file" marker_complete "$WORK/a"
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
pack=$(ls "$WORK"/a.cache/records-*.pack)
check "the inputs' records are in one file of the cache" test "$(echo "$pack" | wc -l)" -eq 1
check "... the records of the inputs of a.cache/manifest" \
  test "$(awk -F'\t' '$1 == "input" && $9 != "-"' "$WORK/a.cache/manifest" | wc -l)" -eq 10
# One byte of 南充's record changed, 40 bytes after its id, which its record begins with.
at=$(grep -boaF "$NANCHONG" "$pack" | head -n 1 | cut -d: -f1)
printf 'X' | dd of="$pack" bs=1 seek=$((at + ${#NANCHONG} + 40)) conv=notrunc status=none
build "$WORK/content" "$WORK/a"
check "an input whose record cannot be read is built again" has "(9 unchanged, not parsed again)" "$WORK/err"
check "... and the site equals a full build" same_tree "$WORK/a" "$WORK/full"
# The search index's state (render/search_update.h) with one byte changed is not trusted: the
# index is made whole, to the same files.
state="$WORK/a.cache/search.state"
check "the search index keeps a state in the cache" test -s "$state"
printf 'X' | dd of="$state" bs=1 seek=$(($(stat -c %s "$state") / 2)) conv=notrunc status=none
GONGKAI_TIMING=1 build "$WORK/content" "$WORK/a"
check "a damaged search state makes the index whole" has "search index: whole" "$WORK/err"
check "... and the site equals a full build" same_tree "$WORK/a" "$WORK/full"
GONGKAI_TIMING=1 build "$WORK/content" "$WORK/a"
check "the next build makes it from the last build's again" has "search index: from the last build's" "$WORK/err"
# A record's search entries (its last bytes) damaged: an edit does not read them, so the record
# is reused; where the index is then made whole (its state damaged too), they are read, found
# damaged, and the build stops, publishing nothing and clearing the cache; the next build
# builds every input again.
pack=$(ls "$WORK"/a.cache/records-*.pack)
last=$(( $(stat -c %s "$pack") - 1 ))
byte=$(od -An -tu1 -j "$last" -N 1 "$pack" | tr -d ' ')
printf "\\$(printf '%03o' $(( byte ^ 1 )))" | dd of="$pack" bs=1 seek="$last" conv=notrunc status=none
printf 'X' | dd of="$state" bs=1 seek=$(($(stat -c %s "$state") / 2)) conv=notrunc status=none
listing "$WORK/a" "$WORK/before.txt"
build "$WORK/content" "$WORK/a"
check "damaged search entries in the cache stop the build (exit 2)" test "$?" = 2
check "... saying so" has "holds damaged search entries" "$WORK/err"
listing "$WORK/a" "$WORK/after.txt"
check "... the site as it was" cmp "$WORK/before.txt" "$WORK/after.txt"
check "... the cache's manifest gone" test ! -e "$WORK/a.cache/manifest"
build "$WORK/content" "$WORK/a"
check "... the next build builds every input" has "built 10 disclosures, " "$WORK/err"
check "... none unchanged" bash -c "! grep -q 'unchanged, not parsed again' '$WORK/err'"
check "... and the site equals a full build" same_tree "$WORK/a" "$WORK/full"
# Another file put in an input's place, of the same size and modification time (cp -p, mv):
# its inode tells it from the file built, and it is built again.
n="$WORK/content/$NANCHONG.txt"
sed 's/使用高效顺畅/使用高效通畅/' "$n" >"$n.new" && touch -r "$n" "$n.new" && mv "$n.new" "$n"
build "$WORK/content" "$WORK/a"
check "a file of the same size and time in an input's place is built again" \
  has "(9 unchanged, not parsed again)" "$WORK/err"
check "... and its source page shows it" has "使用高效通畅" "$WORK/a/source/$NANCHONG.html"

# A cross page with a key (pages::Page::key: the values it shows, hashed with the templates)
# that the last build gave it is linked from the last site, not made again. A mark added to
# the last site's pages tells which: a page linked keeps it, a page made again loses it.
# 承德's 收入总计 changed (a summary-balance finding) and its definition of 事业收入 (the only one
# of the term: the glossary's list, which counts definitions, stays the same).
cp -r "$SRC/content" "$WORK/keys"
build "$WORK/keys" "$WORK/k"
term=$(grep -lF "指事业单位开展专业业务活动及辅助活动所取得的收入" "$WORK"/k/glossary/*.md)
other=$(grep -lF "指市级财政当年拨付的资金" "$WORK"/k/glossary/*.md)  # 承德's too
check "a term's page shows 承德's definition" test -n "$term" -a -n "$other"
for p in rules/narrative-share.md rules/summary-balance.md rules/index.md glossary.md index.md \
  compare.md "${term#$WORK/k/}" "${other#$WORK/k/}" search.html 404.html; do
  printf '\n<!-- mark -->\n' >>"$WORK/k/$p"
done
sed -i -e '85s/收入总计 1927.16/收入总计 1927.17/' \
  -e '1464s/所取得的收入/所取得的全部收入/' "$WORK/keys/$CHENGDE.txt"
build "$WORK/keys" "$WORK/k"
marked() { grep -qF -- "<!-- mark -->" "$1"; }
check "a rule page whose findings are the same is linked" marked "$WORK/k/rules/narrative-share.md"
check "the page of the rule with a new finding is made again" bash -c "! grep -qF mark '$WORK/k/rules/summary-balance.md'"
check "... and lists it" has "$CHENGDE" "$WORK/k/rules/summary-balance.html"
check "the rules' list, whose count changed, is made again" bash -c "! grep -qF mark '$WORK/k/rules/index.md'"
check "the glossary, whose terms and counts are the same, is linked" marked "$WORK/k/glossary.md"
check "the page of the term whose definition changed is made again" bash -c "! grep -qF mark '$term'"
check "... and shows the new definition" has "所取得的全部收入" "${term%.md}.html"
check "another term's page is linked" marked "$other"
check "search.html and 404.html are linked" bash -c "grep -qF mark '$WORK/k/search.html' && grep -qF mark '$WORK/k/404.html'"
check "the index, whose figures changed, is made again" bash -c "! grep -qF mark '$WORK/k/index.md'"
check "the comparison, whose rows are the same (承德's 支出总计 and counts of findings), is linked" \
  marked "$WORK/k/compare.md"
# A change the index does not show (a definition) leaves its key as it was.
printf '\n<!-- mark -->\n' >>"$WORK/k/index.md"
sed -i '1464s/所取得的全部收入/所取得的各项收入/' "$WORK/keys/$CHENGDE.txt"
build "$WORK/keys" "$WORK/k"
check "the index, whose rows and totals are the same, is linked" marked "$WORK/k/index.md"
check "... and the term's page shows the new definition" has "所取得的各项收入" "${term%.md}.html"
# 承德's 支出总计 and 基本支出 on line 238 changed: its row of the comparison shows them.
sed -i '238s/1927.16 1548.34/1927.26 1548.44/' "$WORK/keys/$CHENGDE.txt"
build "$WORK/keys" "$WORK/k"
check "the comparison, whose row of 承德 changed, is made again" \
  bash -c "! grep -qF mark '$WORK/k/compare.md'"
check "... and shows the new 支出总计" \
  has "[1927.26](source/$CHENGDE.html#L238" "$WORK/k/compare.md"
# A code's keys are worked out again only where an input built this time, or gone, has the
# code, its parent or a child, or a code above or below it came or went
# (pages::CodeMayHaveChanged); the others are linked without their keys being worked out. 承德's 2101599 row becomes 2101598, a code
# no other department has, under 21015.
for p in codes/2101599.md codes/21015.md codes/2010801.md codes/210.md; do
  printf '\n<!-- mark -->\n' >>"$WORK/k/$p"
done
sed -i '270s/^17 2101599 /17 2101598 /' "$WORK/keys/$CHENGDE.txt"
build "$WORK/keys" "$WORK/k"
check "the page of the code 承德 no longer has is made again" \
  bash -c "! grep -qF mark '$WORK/k/codes/2101599.md'"
check "... without 承德" bash -c "! grep -qF '$CHENGDE' '$WORK/k/codes/2101599.md'"
check "the new code has its page" has "$CHENGDE" "$WORK/k/codes/2101598.md"
check "the page of their parent, with a new child, is made again" \
  bash -c "! grep -qF mark '$WORK/k/codes/21015.md'"
check "... and links the new code" has "(2101598.html)" "$WORK/k/codes/21015.md"
check "the page of a code no input built has is linked" marked "$WORK/k/codes/2010801.md"
check "the page of a code whose rows and children are the same is linked" \
  marked "$WORK/k/codes/210.md"

# One department across the years: a year added between two others rebuilds its neighbours'
# pages and the department's timeline, and the incremental site equals a full build; so does
# removing it again.
ZX=jiangsu-cppcc-general-office
mkdir -p "$WORK/years"
cp -r "$SRC/content/2017-$ZX" "$SRC/content/2019-$ZX" "$SRC/content/aliases.tsv" "$WORK/years/"
cp "$SRC/content/$NANCHONG.txt" "$WORK/years/"
build "$WORK/years" "$WORK/ya"
other=$(inode "$WORK/ya/departments/$NANCHONG.html")
timeline="$WORK/ya/departments/dept-de0f70fd5060/index.html"
check "two years of a department have a timeline" test -f "$timeline"
check "the later year links the earlier as 上一年" \
  has "<a href=\"2017-$ZX.html\">← 上一年（2017 年）</a>" "$WORK/ya/departments/2019-$ZX.html"
cp -r "$SRC/content/2018-$ZX" "$WORK/years/"
series_json="$WORK/ya/data/timelines/dept-de0f70fd5060.json" series_csv="$WORK/ya/data/timeline.csv"
for f in "${timeline%.html}.md" "$series_json" "$series_csv"; do printf '\n<!-- mark -->\n' >>"$f"; done
GONGKAI_TIMING=1 build "$WORK/years" "$WORK/ya"
check "the timeline of a department with a year added is made again" \
  bash -c "! grep -qF mark '${timeline%.html}.md'"
check "... and its files across years" bash -c "! grep -qF mark '$series_json' '$series_csv'"
check "a year added is built, its neighbours built again, the other department not" \
  has "(1 unchanged, not parsed again)" "$WORK/err"
check "the earlier year now links the added one as 下一年" \
  has "<a href=\"2018-$ZX.html\">下一年（2018 年）→</a>" "$WORK/ya/departments/2017-$ZX.html"
check "the later year now links the added one as 上一年" \
  has "<a href=\"2018-$ZX.html\">← 上一年（2018 年）</a>" "$WORK/ya/departments/2019-$ZX.html"
check "the timeline has the added year" has "2018 年" "$timeline"
check "a year added makes the search index from the last build's" \
  has "search index: from the last build's" "$WORK/err"
check "another department's page is not rewritten when a year is added" \
  test "$(inode "$WORK/ya/departments/$NANCHONG.html")" = "$other"
build "$WORK/years" "$WORK/yfull"
check "after a year is added the incremental site equals a full build" same_tree "$WORK/ya" "$WORK/yfull"
printf '\n<!-- mark -->\n' >>"$series_csv"
GONGKAI_TIMING=1 build "$WORK/years" "$WORK/ya"
check "an unchanged rebuild of three years parses nothing again" has "(4 unchanged, not parsed again)" "$WORK/err"
check "... and links timeline.csv (no series has a year built)" marked "$series_csv"
# Another department changed: the timeline, whose key (what it shows) is the same, is linked;
# so are its files across years (none of its years was built), not timeline.csv (南充's rows).
for f in "${timeline%.html}.md" "$series_json" "$series_csv"; do printf '\n<!-- mark -->\n' >>"$f"; done
echo "补充说明：无。" >>"$WORK/years/$NANCHONG.txt"
build "$WORK/years" "$WORK/ya"
check "the timeline of a department whose years did not change is linked" \
  marked "${timeline%.html}.md"
check "... and its file across years" marked "$series_json"
check "... but timeline.csv is made again" bash -c "! grep -qF mark '$series_csv'"
printf '\n<!-- mark -->\n' >>"$series_csv"
rm -r "$WORK/years/2018-$ZX" "$WORK/years/2019-$ZX"
GONGKAI_TIMING=1 build "$WORK/years" "$WORK/ya"
check "years removed (no series left) make timeline.csv again" bash -c "! grep -qF mark '$series_csv'"
check "years removed make the search index from the last build's" \
  has "search index: from the last build's" "$WORK/err"
check "a department left with one year has no timeline" test ! -e "$timeline"
check "its page no longer links other years" bash -c "! grep -q '历年：' '$WORK/ya/departments/2017-$ZX.html'"
rm -rf "$WORK/yfull" && build "$WORK/years" "$WORK/yfull"
check "after years are removed the incremental site equals a full build" same_tree "$WORK/ya" "$WORK/yfull"

# Checks between years: a 2021 disclosure (Chengde's text with its years moved back one) whose
# 收入总计 is 1927.16 on line 85, where the 2022 one says on line 745 "较 2021年预算 1536.36万元
# 增加 390.80万元": a prior-year-figure and a prior-year-change warning, on both years.
mkdir -p "$WORK/pair"
cp "$SRC/content/$CHENGDE.txt" "$WORK/pair/"
sed 's/2022/2021/g' "$SRC/content/$CHENGDE.txt" >"$WORK/pair/2021-hebei-chengde-healthcare-security-bureau.txt"
build "$WORK/pair" "$WORK/pa"
figure='2022 年公开第 745 行所说上年收入总计为 1536.36 万元，2021 年公开（2021-hebei-chengde-healthcare-security-bureau）第 85 行为 1927.16 万元'
change='2022 年公开第 745 行说收入总计比上年增加 390.80 万元；两年公开的数字之差（1927.16 万元 − 2021 年公开 2021-hebei-chengde-healthcare-security-bureau 第 85 行的 1927.16 万元）为相差 0.00 万元'
for y in 2021 2022; do
  check "prior-year-figure is in $y's data" has "$figure" "$WORK/pa/data/$y-hebei-chengde-healthcare-security-bureau.json"
  check "prior-year-change is in $y's data" has "$change" "$WORK/pa/data/$y-hebei-chengde-healthcare-security-bureau.json"
  check "prior-year-figure is on $y's page" has "$figure" "$WORK/pa/departments/$y-hebei-chengde-healthcare-security-bureau.html"
done
across() {  # across YEAR FIELD: that year's findings between years, each as rule:FIELD
  node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(d.findings.filter((f) => f.rule.startsWith("prior-year"))
      .map((f) => f.rule + ":" + [].concat(f[process.argv[2]]).join(",")).join(" "))' \
    "$WORK/pa/data/$1-hebei-chengde-healthcare-security-bureau.json" "$2"
}
# The stated changes of 2022 (收入总计 +390.80 l.745, 基本 +150.48, 人员 +137.71, 公用 +12.77
# l.747, 公务接待费 +0.12 l.767) against a 2021 with the same figures: each a prior-year-change.
check "2022's findings between years cite its own lines (and the figure compared)" \
  test "$(across 2022 lines)" = "prior-year-figure:745 prior-year-change:745,85 prior-year-change:747,238 prior-year-change:747,505 prior-year-change:747,505 prior-year-change:767,616"
check "2021's cite its own lines" \
  test "$(across 2021 lines)" = "prior-year-figure:85 prior-year-change:85 prior-year-change:238 prior-year-change:505 prior-year-change:505 prior-year-change:616"
check "they are warnings, never errors" test "$(across 2022 severity | tr ' ' '\n' | sort -u)" = "prior-year-change:warning
prior-year-figure:warning"
check "the rule's page lists both years" has "2021-hebei-chengde-healthcare-security-bureau" "$WORK/pa/rules/prior-year-figure.html"
check "... and the later" has "2022-hebei-chengde-healthcare-security-bureau" "$WORK/pa/rules/prior-year-figure.html"

# The alias list: a 2021 that calls the department 承德市医保局 is the same department only
# through content/aliases.tsv; a bad line of the list is reported with its line, left out,
# and the build still publishes (exit status 1).
mkdir -p "$WORK/alias"
cp "$SRC/content/$CHENGDE.txt" "$WORK/alias/"
sed 's/2022/2021/g; s/承德市医疗保障局/承德市医保局/g' "$SRC/content/$CHENGDE.txt" \
  >"$WORK/alias/2021-hebei-chengde-healthcare-security-bureau.txt"
build "$WORK/alias" "$WORK/al"
check "without an alias a renamed department is another department" \
  test ! -e "$WORK/al/departments/dept-46da23b5b1a8/index.html"
printf '# 别名\n承德市医保局\t承德市医疗保障局\n承德市医保局 承德市医疗保障局\n' >"$WORK/alias/aliases.tsv"
build "$WORK/alias" "$WORK/al"
status=$?
check "a bad line of the alias list makes the build exit 1" test "$status" = 1
check "... reported with its path and line" has \
  "$WORK/alias/aliases.tsv:3: error: expected two names separated by one tab: other name<TAB>full name, e.g. 省法院<TAB>江苏省高级人民法院 [aliases]" "$WORK/err"
check "... as its only diagnostic line" test "$(grep -c 'error:' "$WORK/err")" = 1
check "through the alias the two years are one department (dept- + sha256(承德市医疗保障局))" \
  test -f "$WORK/al/departments/dept-46da23b5b1a8/index.html"
check "the alias list is not published as a disclosure" test ! -e "$WORK/al/originals/aliases"

# A template change re-renders what uses it.
cp -r "$SRC/templates" "$WORK/templates"
sed -i 's/## 派生指标/## 派生指标（改）/' "$WORK/templates/department.md"
build "$WORK/content" "$WORK/a" "$WORK/templates"
check "a template change re-renders every department" has "built 10 disclosures" "$WORK/err"
check "nothing is reused after a template change" bash -c "! grep -q unchanged '$WORK/err'"
check "the pages show the new template" has "派生指标（改）" "$WORK/a/departments/$NANCHONG.html"
# A code page is linked from the last site when its key (what it is made from, with every
# template) is the last build's: a change of code.md changes every key.
sed -i 's/## 各部门的金额（万元）/## 各部门的金额（万元，改）/' "$WORK/templates/code.md"
build "$WORK/content" "$WORK/a" "$WORK/templates"
check "a change of code.md re-renders the code pages" has "各部门的金额（万元，改）" "$WORK/a/codes/201.html"

# A removed input leaves nothing behind.
rm "$WORK/content/$NANCHONG.txt"
GONGKAI_TIMING=1 build "$WORK/content" "$WORK/a" "$WORK/templates"
check "an input removed makes the search index from the last build's" \
  has "search index: from the last build's" "$WORK/err"
build "$WORK/content" "$WORK/rfull" "$WORK/templates"
check "after an input is removed the incremental site equals a full build" same_tree "$WORK/a" "$WORK/rfull"
check "the removed disclosure's page is gone" test ! -e "$WORK/a/departments/$NANCHONG.html"
check "its data file is gone" test ! -e "$WORK/a/data/$NANCHONG.json"
check "its source page is gone" test ! -e "$WORK/a/source/$NANCHONG.html"
check "the index no longer lists it" bash -c "! grep -q '$NANCHONG' '$WORK/a/index.html'"
check "no code page lists it" bash -c "! grep -rq '$NANCHONG' '$WORK/a/codes'"
check "its original is gone" test ! -e "$WORK/a/originals/$NANCHONG"
check "SHA256SUMS no longer lists it" bash -c "! grep -q '$NANCHONG' '$WORK/a/SHA256SUMS'"
check "SHA256SUMS checks after an input is removed" sums_ok "$WORK/a"
check "SHA256SUMS lists every file after an input is removed" sums_complete "$WORK/a"
check "the marker too" marker_complete "$WORK/a"

# A page changed in place in the published site (the same file written over) is not blessed
# by the next incremental build: its page is linked again as it is, with the checksum gongkai
# gave it, so sha256sum -c keeps reporting it; a full build (without the cache) writes it anew.
# A page replaced by another file (sed -i) is not blessed either: the spare still holds
# gongkai's (the site's own file until then), and the build takes that one.
page="$WORK/a/departments/$CHENGDE.html"
sed -i 's/承德市医疗保障局/承德市医疗保障局（换）/' "$page"
build "$WORK/content" "$WORK/a" "$WORK/templates"
check "a page replaced in the site is gongkai's again after an incremental build" \
  bash -c "! grep -q '（换）' '$page'"
check "... and its checksum holds" sums_ok "$WORK/a"
tampered=$(sed 's/承德市医疗保障局/承德市医疗保障局（篡改）/' "$page") && printf '%s\n' "$tampered" >"$page"
build "$WORK/content" "$WORK/a" "$WORK/templates"
check "an incremental build keeps reporting a page changed in place" sums_fail "$WORK/a"
rm -rf "$WORK/a.cache"
build "$WORK/content" "$WORK/a" "$WORK/templates"
check "a full build writes it anew" sums_ok "$WORK/a"
check "... as gongkai renders it" bash -c "! grep -q '（篡改）' '$page'"

# A CSV download changed in place is not carried into the next one: an incremental build takes
# a department's rows from the last site's file only when that file is the bytes it wrote (its
# SHA-256 kept in the cache); else the rows of a department not built again would be the
# changed ones, blessed with a new checksum.
csv="$WORK/a/data/departments.csv"
tampered=$(sed 's/^\(2023-sichuan-cangxi[^,]*\),[^,]*/\1,苍溪（篡改）/' "$csv") && printf '%s\n' "$tampered" >"$csv"
check "(the CSV's row was changed in place)" grep -q '苍溪（篡改）' "$csv"
# So for timeline.csv, whose rows of a department none of whose years is built (the 政协's)
# are taken from the last file.
tcsv="$WORK/a/data/timeline.csv"
tampered=$(sed 's/^\(dept-de0f70fd5060,[^,]*\),/\1（篡改）,/' "$tcsv") && printf '%s\n' "$tampered" >"$tcsv"
check "(timeline.csv's rows were changed in place)" grep -q '^dept-de0f70fd5060,[^,]*（篡改）' "$tcsv"
printf '\n（本行为测试追加）\n' >>"$WORK/content/$CHENGDE.txt"
build "$WORK/content" "$WORK/a" "$WORK/templates"
check "an edit's CSV does not carry a row changed in place" bash -c "! grep -q '（篡改）' '$csv'"
check "... nor does timeline.csv" bash -c "! grep -q '（篡改）' '$tcsv'"
check "... and SHA256SUMS holds" sums_ok "$WORK/a"

echo "build: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
