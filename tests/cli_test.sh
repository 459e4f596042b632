#!/usr/bin/env bash
# Command-line behaviour: exit codes, diagnostics in path:line: error: form, a build that
# goes on past bad files, and a failed build that leaves the previous site in place.
# usage: cli_test.sh GONGKAI SOURCE_DIR WORK_DIR [--no-limits]
#   --no-limits: a sanitizer build (its shadow memory needs more address space than a limit allows)
set -u
GONGKAI=$1 SRC=$2 WORK=$3 LIMITS=${4:-}
rm -rf "$WORK" && mkdir -p "$WORK"
passed=0 failed=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
run() {  # run EXPECTED_STATUS ARGS... ; stdout -> $WORK/out, stderr -> $WORK/err
  local expected=$1; shift
  "$GONGKAI" "$@" >"$WORK/out" 2>"$WORK/err"
  local status=$?
  [ "$status" -eq "$expected" ] || { echo "  gongkai $*: exit $status, expected $expected"; cat "$WORK/err"; return 1; }
}
has() { grep -qF -- "$1" "$2" || { echo "  '$1' not in $2:"; head -5 "$2"; return 1; }; }

check "--version exits 0 and names the version" run 0 --version
check "--version output" has "gongkai 0.1.0" "$WORK/out"
check "--help exits 0" run 0 --help
check "--help lists parse and build" has "parse FILE" "$WORK/out"
check "no command is a usage error" run 2
check "unknown command is a usage error" run 2 frobnicate
check "usage error says what is wrong" has "unknown command: frobnicate" "$WORK/err"
check "parse without a file is a usage error" run 2 parse
check "build with an unknown option is a usage error" run 2 build --colour

check "parse of a missing file exits 1" run 1 parse "$WORK/missing.txt"
check "missing file message" has "$WORK/missing.txt: error: cannot open the file [read]" "$WORK/err"

NANCHONG="$SRC/content/2022-sichuan-nanchong-medical-security-center.txt"
check "parse of a disclosure exits 0" run 0 parse "$NANCHONG"
check "parse prints the department" has '"name": "南充市医疗保障中心"' "$WORK/out"
check "parse prints schema_version" has '"schema_version": 1' "$WORK/out"
check "parse prints income_total in 万元" has '"income_total": 460.74' "$WORK/out"
check "parse prints the line of income_total" has '"income_total": 495' "$WORK/out"

# "-" is standard input, named <stdin> in messages.
check "parse - reads standard input" run 0 parse - <"$NANCHONG"
check "parse - prints the department" has '"name": "南充市医疗保障中心"' "$WORK/out"
check "parse - names the source <stdin>" has '"path": "<stdin>"' "$WORK/out"
printf 'line one\n\xff broken\n' | "$GONGKAI" parse - >"$WORK/out" 2>"$WORK/err"
check "parse - of invalid UTF-8 reports <stdin> with its line" has "<stdin>:2: error: the encoding could not be determined" "$WORK/err"

# check: one line per finding, path:line: severity: message [rule-id]; exit 1 on an error.
QIJIANG="$SRC/content/2022-chongqing-qijiang-medical-security-affairs-center.txt"
check "check of a disclosure with only warnings exits 0" run 0 check "$NANCHONG"
check "check prints a warning finding with its line and rule" has \
  "$NANCHONG:181: warning: 第 181 行说住房保障支出（221）22.47 万元，占 5.22%" "$WORK/out"
check "the finding names its rule" has "[narrative-share]" "$WORK/out"
check "check of a disclosure with an error exits 1" run 1 check "$NANCHONG" "$QIJIANG"
check "check reports the wrong department in a title" has \
  "$QIJIANG:132: error: 第 132 行的标题或单位名称写的是“天津市蓟江区医疗保障事务中心”" "$WORK/out"
check "check goes on to every file" has "$NANCHONG:181: warning:" "$WORK/out"
check "check without a file is a usage error" run 2 check
check "check - of a disclosure with an error exits 1" run 1 check - <"$QIJIANG"
check "check - reports the finding at <stdin> and its line" has \
  "<stdin>:132: error: 第 132 行的标题或单位名称写的是“天津市蓟江区医疗保障事务中心”" "$WORK/out"
check "parse output carries the findings" run 0 parse "$NANCHONG"
check "parse output has the finding's rule" has '"rule": "narrative-share"' "$WORK/out"
check "parse output has claims with a status" has '"status": "inconsistent"' "$WORK/out"

# Bad input: invalid UTF-8 on line 3, and a text that is not a budget disclosure.
printf 'line one\nline two\n\xff\xfe broken\n' >"$WORK/broken.txt"
check "parse of invalid UTF-8 exits 1" run 1 parse "$WORK/broken.txt"
check "invalid UTF-8 is reported with its line" has "$WORK/broken.txt:3: error: the encoding could not be determined: the file is not UTF-8" "$WORK/err"
printf '关于做好秋季防火工作的通知\n各单位：请做好防火工作。\n' >"$WORK/notice.txt"
check "parse of a non-disclosure exits 1" run 1 parse "$WORK/notice.txt"
check "non-disclosure message" has "notice.txt: error: no standard budget table found" "$WORK/err"

# An exception that reaches the top (std::bad_alloc: memory limited to 50 MB while a 12 MB
# file is read; gongkai itself starts in 40 MB with jemalloc, which reserves address space as
# it starts and dies before main below that, 20 MB without) is one diagnostic and exit 2, not
# an abort. Not under AddressSanitizer (--no-limits), which needs far more address space.
if [ "$LIMITS" != --no-limits ]; then
  head -c 12000000 /dev/zero | tr '\0' 'a' | fold -w 5000 >"$WORK/big.txt"
  (ulimit -v 50000; "$GONGKAI" parse "$WORK/big.txt" >"$WORK/out" 2>"$WORK/err")
  status=$?
  check "an exception at the top exits 2 (exit $status)" test "$status" -eq 2
  check "an exception at the top is one diagnostic" has \
    "gongkai: error: internal error: std::bad_alloc (please report it) [internal]" "$WORK/err"
  rm -f "$WORK/big.txt"
fi

# A build over the five disclosures plus the two bad files: exit 1, the rest is built.
mkdir -p "$WORK/content"
cp "$SRC"/content/*.txt "$WORK/content/"
cp "$WORK/broken.txt" "$WORK/notice.txt" "$WORK/content/"
check "build with bad files exits 1" run 1 build --content "$WORK/content" --out "$WORK/site" \
  --templates "$SRC/templates" --assets "$SRC/assets"
check "build reports the bad file with its line" has "broken.txt:3: error:" "$WORK/err"
check "build reports the non-disclosure" has "notice.txt: error: no standard budget table" "$WORK/err"
check "build says what it built" has "built 5 disclosures" "$WORK/err"
pages=$(ls "$WORK/site/departments/"*.html 2>/dev/null | wc -l)
check "the five good disclosures have pages" test "$pages" -eq 5
data=$(ls "$WORK/site/data/"*.json 2>/dev/null | wc -l)
check "the five good disclosures have data files" test "$data" -eq 5
check "the index marks the failed file" has "未能解析" "$WORK/site/index.md"
check "the index links a department" has "departments/2022-hebei-chengde-healthcare-security-bureau.html" "$WORK/site/index.html"
check "a department page links a figure to its source line" has \
  'href="../source/2022-hebei-chengde-healthcare-security-bureau.html#L85"' \
  "$WORK/site/departments/2022-hebei-chengde-healthcare-security-bureau.html"
check "the source view has a target for that line" has 'id="L85"' \
  "$WORK/site/source/2022-hebei-chengde-healthcare-security-bureau.html"
check "the department Markdown has a GFM table" has "|---|---:|" \
  "$WORK/site/departments/2022-sichuan-nanchong-medical-security-center.md"
check "the HTML page has the table rendered" has "<table>" \
  "$WORK/site/departments/2022-sichuan-nanchong-medical-security-center.html"
check "pages declare zh-CN" has '<html lang="zh-CN">' "$WORK/site/index.html"
check "beside the site only the spare is left: marked, of hard links to the site's files" \
  test -f "$WORK/site.building/.gongkai-spare" -a \
  -z "$(find "$WORK/site.building" -type f ! -name .gongkai-spare -links 1)"
check "the rule catalogue is built" test -f "$WORK/site/rules/index.html"
check "a rule page lists the department where it fired" has "departments/2022-chongqing-qijiang-medical-security-affairs-center.html" \
  "$WORK/site/rules/department-identity.html"
check "a department page shows its findings" has "narrative-share" \
  "$WORK/site/departments/2022-sichuan-nanchong-medical-security-center.html"
check "the index counts findings" has "核对问题" "$WORK/site/index.html"

# Downloads: a text cell that begins with = + - @ (a department's or a row's name) would run
# as a formula in a spreadsheet: it gets a leading '. Numbers stay numbers, negative ones too
# (a carry-over of -12.50 and its share -12.50 / 4695.70 = -0.27%). Read as a spreadsheet
# program reads them, with Python's csv module.
CANGXI="$SRC/content/2023-sichuan-cangxi-healthcare-security-bureau.txt"
mkdir -p "$WORK/formula"
sed -e 's/苍溪县医疗保障局/=苍溪县医疗保障局/g' -e 's/^七、上年结转\t1,007.24/七、上年结转\t-12.50/' \
  -e 's/\t机关事业单位基本养老保险缴费支出\t49.98\t/\t+机关事业单位基本养老保险缴费支出\t49.98\t/' \
  -e 's/\t行政单位医疗\t17.33\t/\t-行政单位医疗\t17.33\t/' \
  -e 's/\t其他医疗保障管理事务支出\t0.14\t/\t@其他医疗保障管理事务支出\t0.14\t/' \
  "$CANGXI" >"$WORK/formula/2023-formula.txt"
check "build of the disclosure with formula names exits 0" run 0 build --content "$WORK/formula" \
  --out "$WORK/formula-site" --templates "$SRC/templates" --assets "$SRC/assets"
# csv_cells FILE KEY_COLUMN KEY COLUMN EXPECTED: no cell of FILE is a formula, and the one row
# whose KEY_COLUMN is KEY has EXPECTED in COLUMN.
csv_cells() {
  python3 - "$@" <<'PY'
import csv, re, sys
path, key_col, key, col, expected = sys.argv[1:6]
with open(path, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
# No cell a spreadsheet would take for a formula: none begins with = + @ tab CR, and one that
# begins with - is a number.
for r in rows:
    for k, v in r.items():
        if v[:1] in ("=", "+", "@", "\t", "\r") or (v[:1] == "-" and not re.fullmatch(r"-\d+(\.\d+)?", v)):
            print(f"  {path}: {k} = {v!r} is a formula"); sys.exit(1)
got = [r[col] for r in rows if r[key_col] == key]
if got != [expected]:
    print(f"  {path}: {col} of {key_col}={key}: {got}, expected [{expected!r}]"); sys.exit(1)
PY
}
DCSV="$WORK/formula-site/data/departments.csv" FCSV="$WORK/formula-site/data/functional.csv"
check "departments.csv: a name beginning with = gets a '" csv_cells "$DCSV" id 2023-formula department "'=苍溪县医疗保障局"
check "departments.csv: a negative amount stays a number" csv_cells "$DCSV" id 2023-formula carryover_in "-12.50"
check "departments.csv: a negative share stays a number" csv_cells "$DCSV" id 2023-formula carryover_share "-0.27"
check "departments.csv: the amounts beside them are unchanged" csv_cells "$DCSV" id 2023-formula income_total "4695.70"
check "functional.csv: a row name beginning with + gets a '" csv_cells "$FCSV" code 2080505 name "'+机关事业单位基本养老保险缴费支出"
check "functional.csv: a row name beginning with - gets a '" csv_cells "$FCSV" code 2101101 name "'-行政单位医疗"
check "functional.csv: a row name beginning with @ gets a '" csv_cells "$FCSV" code 2101599 name "'@其他医疗保障管理事务支出"
check "functional.csv: the row's amount is unchanged" csv_cells "$FCSV" code 2101599 total "0.14"

# A build that cannot run leaves the previous site as it was.
check "build with missing templates exits 2" run 2 build --content "$WORK/content" \
  --out "$WORK/site" --templates "$WORK/no-templates" --assets "$SRC/assets"
check "missing template message" has "cannot read template" "$WORK/err"
check "the previous site is still there" test -f "$WORK/site/index.html"
check "build of a missing content folder exits 2" run 2 build --content "$WORK/nowhere" \
  --out "$WORK/site2" --templates "$SRC/templates"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
