#!/usr/bin/env bash
# Rewrites the golden Markdown pages of tests/pages/ from a build of content/. Read the diff
# (git diff tests/pages) before committing it: every figure in them was checked by hand.
# usage: bash tests/pages/update.sh [GONGKAI]   (default build/gongkai)
set -euo pipefail
cd "$(dirname "$0")/../.."
GONGKAI=${1:-build/gongkai}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$GONGKAI" build --content content --out "$WORK/site" --templates templates --assets assets \
  2>"$WORK/err" || { cat "$WORK/err"; exit 1; }
for page in $(cd tests/pages && find . -name '*.md' | sed 's|^\./||'); do
  cp "$WORK/site/$page" "tests/pages/$page"
done
git status --short tests/pages
