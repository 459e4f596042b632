#!/usr/bin/env bash
# Inputs that once crashed gongkai (found by fuzzing, kept in fuzz/regressions/): `gongkai
# check` must end each with exit 0 or 1 (a disclosure, or a diagnostic), never a crash or a
# sanitizer report.
# usage: regressions_test.sh GONGKAI SOURCE_DIR WORK_DIR
set -u
GONGKAI=$1 SRC=$2 WORK=$3
rm -rf "$WORK" && mkdir -p "$WORK"
passed=0 failed=0
for f in "$SRC"/fuzz/regressions/*; do
  timeout 30 "$GONGKAI" check "$f" >"$WORK/out" 2>"$WORK/err"
  status=$?
  if [ "$status" -le 1 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL: $(basename "$f"): exit $status"; tail -n 5 "$WORK/err"
  fi
done
echo "regressions: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
