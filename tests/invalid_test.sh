#!/usr/bin/env bash
# Invalid-input cases. Each tests/invalid/<case>/ holds a bad input (input.* as it is, or
# make-input.sh that writes it, for the big ones) and `expected`: exactly what `gongkai parse`
# prints on stderr, with INPUT standing for the input's path. Every case must exit 1 with
# exactly those lines, within 30 s and (unless --no-limits, for sanitizer builds) 1 GiB of
# address space. Then one build over every case and the five good disclosures must build the
# five, report each case with the same diagnostic, list each on the index, and exit 1.
# usage: invalid_test.sh GONGKAI SOURCE_DIR WORK_DIR [--no-limits]
set -u
GONGKAI=$1 SRC=$2 WORK=$3 LIMITS=${4:-}
rm -rf "$WORK" && mkdir -p "$WORK/content"
passed=0 failed=0
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

run_limited() {  # run_limited OUT ERR ARGS...: gongkai with a time and memory limit
  local out=$1 err=$2; shift 2
  (
    [ "$LIMITS" = "--no-limits" ] || ulimit -v 1048576
    exec timeout 30 "$GONGKAI" "$@" >"$out" 2>"$err"
  )
}

cases=0
for dir in "$SRC"/tests/invalid/*/; do
  name=$(basename "$dir")
  [ -f "$dir/expected" ] || { fail "$name: no expected file"; continue; }
  if [ -f "$dir/make-input.sh" ]; then
    input="$WORK/content/$name.txt"
    bash "$dir/make-input.sh" "$input" || { fail "$name: make-input.sh failed"; continue; }
  else
    src=$(ls "$dir" | grep '^input' | head -n 1)
    [ -n "$src" ] || { fail "$name: no input file"; continue; }
    input="$WORK/content/$name.${src#*.}"
    cp "$dir/$src" "$input"
  fi
  cases=$((cases + 1))
  sed "s|INPUT|$input|g" "$dir/expected" >"$WORK/$name.expected"
  start=$(date +%s%N)
  run_limited "$WORK/$name.out" "$WORK/$name.err" parse "$input"
  status=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ "$status" -ne 1 ]; then
    fail "$name: exit $status, expected 1 (124: timed out; 134/139: crashed)"
    head -n 5 "$WORK/$name.err"
  elif ! diff -u "$WORK/$name.expected" "$WORK/$name.err" >"$WORK/$name.diff"; then
    fail "$name: diagnostics differ"
    cat "$WORK/$name.diff"
  else
    passed=$((passed + 1))
    echo "ok: $name (${ms} ms)"
  fi
done

# One build over all the bad inputs and the five good disclosures.
cp "$SRC"/content/*.txt "$WORK/content/"
run_limited "$WORK/build.out" "$WORK/build.err" build --content "$WORK/content" \
  --out "$WORK/site" --templates "$SRC/templates" --assets "$SRC/assets"
status=$?
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else fail "$name"; fi
}
check "the build exits 1 (it exited $status)" test "$status" -eq 1
check "the build builds the five good disclosures" grep -q "built 5 disclosures" "$WORK/build.err"
check "the build counts every bad input as failed" grep -q "; $cases could not be parsed" "$WORK/build.err"
for dir in "$SRC"/tests/invalid/*/; do
  name=$(basename "$dir")
  [ -f "$WORK/$name.expected" ] || continue
  while IFS= read -r line; do
    check "the build reports $name as parse does: $line" grep -qxF -- "$line" "$WORK/build.err"
  done <"$WORK/$name.expected"
done
failures=$(grep -o "未能解析" "$WORK/site/index.md" 2>/dev/null | wc -l)
check "the index lists each of the $cases bad inputs as failed (it lists $failures)" \
  test "$failures" -eq "$cases"
pages=$(ls "$WORK/site/departments/"*.html 2>/dev/null | wc -l)
check "only the five good disclosures have pages (there are $pages)" test "$pages" -eq 5
originals=$(find "$WORK/site/originals" -type f 2>/dev/null | wc -l)
check "only the five good disclosures are copied into the site (there are $originals)" \
  test "$originals" -eq 5
check "SHA256SUMS checks" bash -c "cd '$WORK/site' && sha256sum -c --quiet --strict SHA256SUMS"
check "beside the site only the spare is left: marked, of hard links to the site's files" \
  test -f "$WORK/site.building/.gongkai-spare" -a \
  -z "$(find "$WORK/site.building" -type f ! -name .gongkai-spare -links 1)"

rm -f "$WORK"/content/file-too-large.txt  # 100 MiB: not worth keeping
echo "invalid: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$cases" -gt 0 ]
