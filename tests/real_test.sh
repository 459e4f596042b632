#!/usr/bin/env bash
# The real documents: bench/real/harness.mjs over shared/corpus (163 published PDFs beside the
# repository), with the hand-checked goldens (tests/real/golden), the ledger of error findings
# checked by hand (tests/real/ledger.tsv) and the list of identities that cannot hold
# (tests/real/explained.tsv). Fails on a golden mismatch, an error finding not in the ledger,
# or a document that crashes or times out. The report is kept in WORK_DIR/report.txt.
# usage: real_test.sh GONGKAI SOURCE_DIR WORK_DIR
set -u
GONGKAI=$1 SRC=$2 WORK=$3
CORPUS=${GONGKAI_CORPUS:-$SRC/../shared/corpus}
if [ ! -d "$CORPUS/cities" ]; then
  echo "SKIPPED: no corpus at $CORPUS (set GONGKAI_CORPUS to shared/corpus)"
  exit 77
fi
rm -rf "$WORK" && mkdir -p "$WORK"
node "$SRC/bench/real/harness.mjs" --gongkai "$GONGKAI" --corpus "$CORPUS" --repo "$SRC" \
  --out "$WORK" --strict >"$WORK/stdout.txt" 2>&1
status=$?
# The totals, not the 163 lines of documents.
sed -n '/^identities:$/,$p' "$WORK/stdout.txt"
exit $status
