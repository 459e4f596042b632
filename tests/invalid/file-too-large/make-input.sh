#!/usr/bin/env bash
# 100 MiB of disclosure text (a disclosure repeated): over the 16 MiB limit, rejected unread.
set -eu  # no pipefail: head closes the pipe early on purpose
src=$(dirname "$0")/../../../content/2022-hebei-chengde-healthcare-security-bureau.txt
for _ in $(seq 2700); do cat "$src"; done | head -c 104857600 >"$1"
