#!/usr/bin/env bash
# 200,001 short lines (1.2 MB): within the size limit, over the limit of 200,000 lines.
set -eu  # no pipefail: head closes the pipe early on purpose
yes '1 2 3' | head -n 200001 >"$1"
