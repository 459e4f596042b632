#!/usr/bin/env bash
# The opening of a disclosure, then on line 5 one line of 10 MiB (10,485,760 ASCII characters).
set -eu  # no pipefail: head closes the pipe early on purpose
src=$(dirname "$0")/../../../content/2022-hebei-chengde-healthcare-security-bureau.txt
{ head -n 4 "$src"; head -c 10485760 /dev/zero | tr '\0' '9'; printf '\n'; sed -n '5,$p' "$src"; } >"$1"
