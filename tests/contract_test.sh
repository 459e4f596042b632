#!/usr/bin/env bash
# The published data files follow the public contract (disclosure.schema.json).
# usage: contract_test.sh GONGKAI SOURCE_DIR WORK_DIR
set -eu
GONGKAI=$1 SRC=$2 WORK=$3
rm -rf "$WORK" && mkdir -p "$WORK"
[ -d "$SRC/node_modules/ajv" ] || { echo "node_modules/ajv missing: run 'npm ci' in $SRC"; exit 1; }
"$GONGKAI" build --content "$SRC/content" --out "$WORK/site" --templates "$SRC/templates" \
  --assets "$SRC/assets"
node "$SRC/tests/contract/validate.mjs" "$WORK/site"
