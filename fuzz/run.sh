#!/usr/bin/env bash
# A bounded fuzzing run, as CI does it:  bash fuzz/run.sh FUZZER SECONDS WORK_DIR
# Seeds: the five disclosures (fuzz/make_corpus.sh) and fuzz/regressions/ (inputs that once
# crashed); the corpus grown in WORK_DIR/corpus is kept for the next run. Any crash, sanitizer
# report, uncaught exception, input slower than 10 s or 2 GB of memory fails the run, and
# the input is left in WORK_DIR/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzzer=$1 seconds=$2 work=$3
mkdir -p "$work/corpus" "$work/artifacts"
rm -rf "$work/seeds"
bash fuzz/make_corpus.sh "$work/seeds" >/dev/null
# The regressions first, each once: they must not crash.
"$fuzzer" -runs=0 fuzz/regressions/* >"$work/regressions.log" 2>&1 ||
  { cat "$work/regressions.log"; echo "fuzz: a regression input crashes"; exit 1; }
status=0
"$fuzzer" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
  "$work/corpus" "$work/seeds" fuzz/regressions >"$work/fuzz.log" 2>&1 || status=$?
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/fuzz.log" | grep -o '[0-9]*$' || echo 0)
if [ "$status" -ne 0 ]; then
  grep -v -E '^(#|INFO|MERGE)' "$work/fuzz.log" | head -n 60
  echo "fuzz: FAILED after $runs executions; the input is in $work/artifacts/"
  exit 1
fi
echo "fuzz: $runs executions in $seconds s, no crash ($(ls "$work/corpus" | wc -l) inputs in the corpus)"
