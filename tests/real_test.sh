#!/usr/bin/env bash
# The real documents: bench/real/harness.mjs over shared/corpus (163 published PDFs beside the
# repository), with the hand-checked goldens (tests/real/golden), the ledger of error findings
# checked by hand (tests/real/ledger.tsv) and the list of identities that cannot hold
# (tests/real/explained.tsv). Fails on a golden mismatch, an error finding not in the ledger,
# or a document that crashes or times out. The report is kept in WORK_DIR/report.txt.
# usage: real_test.sh GONGKAI SOURCE_DIR WORK_DIR [--goldens]
#   --goldens: only the documents with a golden (tests/real/golden: every city and layout of the
#   corpus), for the sanitized pass, where the 163 take minutes; the unsanitized pass reads all.
set -u
GONGKAI=$1 SRC=$2 WORK=$3 SAMPLE=${4:-}
CORPUS=${GONGKAI_CORPUS:-$SRC/../shared/corpus}
if [ ! -d "$CORPUS/cities" ]; then
  echo "SKIPPED: no corpus at $CORPUS (set GONGKAI_CORPUS to shared/corpus)"
  exit 77
fi
rm -rf "$WORK" && mkdir -p "$WORK"
only=()
if [ "$SAMPLE" = --goldens ]; then
  for g in "$SRC"/tests/real/golden/*.json; do
    only+=(--only "$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).file)' "$g")")
  done
fi
node "$SRC/bench/real/harness.mjs" --gongkai "$GONGKAI" --corpus "$CORPUS" --repo "$SRC" \
  --out "$WORK" --strict "${only[@]}" >"$WORK/stdout.txt" 2>&1
status=$?
# The totals, not the 163 lines of documents.
sed -n '/^identities:$/,$p' "$WORK/stdout.txt"
exit $status
