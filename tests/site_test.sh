#!/usr/bin/env bash
# The built site: every link resolves and none leaves the site, the HTML is valid (tidy), the
# downloads, sitemap and SHA256SUMS are there, and a real Chromium can search it, follow results
# and figures to their source lines and PDF lines to the pages of the originals, filter and
# sort the index, all from file://; its screenshots (desktop and phone) are left in
# WORK_DIR/screenshots.
# usage: site_test.sh GONGKAI SOURCE_DIR WORK_DIR
set -u
GONGKAI=$1 SRC=$2 WORK=$3
rm -rf "$WORK" && mkdir -p "$WORK"
failed=0
step() { echo "== $*"; }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

step "build"
# The content, with one file of the 北京 folder named as publishers name files (Chinese, spaces,
# full- and half-width brackets, `#` and `%`), so its links are tested from file:// and HTTP.
cp -r "$SRC/content" "$WORK/content"
mv "$WORK/content/2026-beijing-audit-bureau/附件2 北京市审计局2026年度部门预算报表.pdf" \
  "$WORK/content/2026-beijing-audit-bureau/附件2 北京市审计局2026年度部门预算报表（公开）[表] #1 100%.pdf"
"$GONGKAI" build --content "$WORK/content" --out "$WORK/site" --templates "$SRC/templates" \
  --assets "$SRC/assets" --base-url https://budget.example.gov.cn/ || fail "build"
SITE="$WORK/site"
(cd "$SITE" && sha256sum -c --quiet --strict SHA256SUMS) || fail "SHA256SUMS"

step "downloads, sitemap, 404"
head -1 "$SITE/data/departments.csv" | grep -q '^id,department,region,level,year,income_total' || fail "departments.csv header"
[ "$(wc -l < "$SITE/data/departments.csv")" -eq 11 ] || fail "departments.csv has a row per department"
grep -q '^2022-hebei-chengde-healthcare-security-bureau,承德市医疗保障局,承德市,city,2022,1927.16,' "$SITE/data/departments.csv" || fail "departments.csv Chengde row"
grep -q '^2022-sichuan-nanchong-medical-security-center,南充市医疗保障中心,2022,2101599,其他医疗保障管理事务支出,3,125.64,,125.64,633' "$SITE/data/functional.csv" || fail "functional.csv row"
grep -q '<loc>https://budget.example.gov.cn/departments/2022-sichuan-nanchong-medical-security-center.html</loc>' "$SITE/sitemap.xml" || fail "sitemap lists a department page"
[ -f "$SITE/404.html" ] || fail "404 page"

step "HTML validity (tidy)"
bad=0
while IFS= read -r -d '' page; do
  out=$(tidy -q -e -utf8 "$page" 2>&1 >/dev/null | grep -v 'trimming empty <span>')
  if [ -n "$out" ]; then bad=$((bad + 1)); echo "$page"; echo "$out" | head -3; fi
done < <(find "$SITE" -name '*.html' -print0)
[ "$bad" -eq 0 ] || fail "$bad pages with tidy warnings or errors"

step "links"
node "$SRC/tests/site/linkcheck.mjs" "$SITE" || fail "link check"

step "browser"
node "$SRC/tests/site/browser.test.mjs" "$SITE" "$WORK/screenshots" "$WORK/content" || fail "browser test"

step "paged index and comparison (a generated corpus of 270, in series of 3 years)"
"$GONGKAI" corpus --n 270 --seed 7 --years 3 --out "$WORK/corpus" >/dev/null || fail "corpus"
"$GONGKAI" build --content "$WORK/corpus" --out "$WORK/paged" --templates "$SRC/templates" \
  --assets "$SRC/assets" >/dev/null || fail "paged build"
node "$SRC/tests/site/paged.test.mjs" "$WORK/paged" || fail "paged index browser test"
node "$SRC/tests/site/linkcheck.mjs" "$WORK/paged" || fail "paged link check"

pages=$(find "$SITE" -name '*.html' | wc -l)
size=$(du -sk "$SITE" | cut -f1)
echo "site: $pages HTML pages, ${size} KiB"
[ "$failed" -eq 0 ] && echo "site: all checks passed"
[ "$failed" -eq 0 ]
