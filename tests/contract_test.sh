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
# The “三公” table's previous-year block (previous_year), which content/ does not print: a series
# of the 綦江 template prints it from its second year on (gongkai corpus --years).
"$GONGKAI" corpus --n 5 --seed 1 --years 3 --from "$SRC/content" --out "$WORK/series" >/dev/null
mv "$WORK/series/MANIFEST.tsv" "$WORK/series-manifest.tsv"
"$GONGKAI" build --content "$WORK/series" --out "$WORK/series-site" --templates "$SRC/templates" \
  --assets "$SRC/assets"
node "$SRC/tests/contract/validate.mjs" "$WORK/series-site"
node -e '
  const fs = require("fs"), dir = process.argv[1] + "/data";
  const n = fs.readdirSync(dir).filter((f) => f.endsWith(".json"))
    .filter((f) => JSON.parse(fs.readFileSync(dir + "/" + f, "utf8")).previous_year.three_public).length;
  if (n !== 2) { console.error(`expected 2 data files with a previous-year “三公” block, found ${n}`); process.exit(1); }
  console.log("previous_year.three_public: 2 data files");' "$WORK/series-site"
