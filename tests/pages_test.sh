#!/usr/bin/env bash
# Golden Markdown pages: one page of each family (a department, the index, the rules and one
# rule, the codes and one code, the glossary and one term, the comparison, a department across years), built from content/, must equal
# tests/pages/<path> byte for byte — a change to a template or a context builder shows here as
# a diff. After a deliberate change, rewrite them with tests/pages/update.sh and read the diff.
# usage: pages_test.sh GONGKAI SOURCE_DIR WORK_DIR
set -u
GONGKAI=$1 SRC=$2 WORK=$3
rm -rf "$WORK" && mkdir -p "$WORK"
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
"$GONGKAI" build --content "$SRC/content" --out "$WORK/site" --templates "$SRC/templates" \
  --assets "$SRC/assets" >"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err"; echo "FAIL: build"; exit 1; }
same() {  # same PATH: the built page equals its golden
  diff -u "$SRC/tests/pages/$1" "$WORK/site/$1" >"$WORK/diff" || { head -n 40 "$WORK/diff"; return 1; }
}
goldens=$(cd "$SRC/tests/pages" && find . -name '*.md' | sed 's|^\./||' | sort)
# has_page PATTERN [EXCEPT]: a golden whose path matches PATTERN (and is not EXCEPT)
has_page() { grep -x "$1" <<<"$goldens" | grep -vqx "${2:-}"; }
check "a golden department page" has_page 'departments/[^/]*\.md'
check "a golden index" has_page 'index\.md'
check "a golden rules index" has_page 'rules/index\.md'
check "a golden rule page" has_page 'rules/[^/]*\.md' 'rules/index\.md'
check "a golden codes index" has_page 'codes/index\.md'
check "a golden code page" has_page 'codes/[^/]*\.md' 'codes/index\.md'
check "a golden glossary" has_page 'glossary\.md'
check "a golden glossary term page" has_page 'glossary/g[0-9a-f]*\.md'
check "a golden comparison" has_page 'compare\.md'
check "a golden page across years" has_page 'departments/dept-[0-9a-f]*/index\.md'
for page in $goldens; do
  check "$page equals its golden" same "$page"
done
echo "pages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
