#!/usr/bin/env bash
# The project's one entry point on a fresh Debian 12 machine (as root):
#   bash scripts/gongkai.sh site   install what is needed, build, generate site/ from content/
#   bash scripts/gongkai.sh test   install what is needed, build with -Werror, run every test
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_PACKAGES=(cmake make g++ pkg-config nlohmann-json3-dev libcmark-gfm-dev
  libcmark-gfm-extensions-dev libboost-filesystem-dev doctest-dev libkainjow-mustache-dev
  libpoppler-cpp-dev libssl-dev libjemalloc-dev)
# The browser test drives Debian's Chromium (with a CJK font, so its screenshots show Chinese);
# tidy validates the HTML; the hostile test renders the Markdown pages with cmark-gfm; the CLI
# and publish tests use Python (csv, a lock holder).
SITE_TEST_PACKAGES=(chromium tidy fonts-noto-cjk cmark-gfm python3)
# The fuzz target is built with clang's libFuzzer (and its sanitizer runtimes).
FUZZ_PACKAGES=(clang libclang-rt-14-dev)

apt_updated=0
install_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}"
  if [ "$apt_updated" -eq 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {  # build DIR [cmake options...]
  local dir=$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j"$(nproc)"
}

case "${1:-}" in
  site)
    install_packages "${BUILD_PACKAGES[@]}"
    build build
    ./build/gongkai build --content content --out site
    echo "open site/index.html"
    ;;
  test)
    install_packages "${BUILD_PACKAGES[@]}" "${SITE_TEST_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"
    command -v node >/dev/null 2>&1 || install_packages nodejs npm
    npm ci --no-audit --no-fund --loglevel=error
    # Without debug information (-g0): nothing reads it here, and it costs about 40% of a
    # file's compile time (rules_test.cc at -O2: 40 s with -g, 23 s without).
    build build-test -DGONGKAI_WERROR=ON -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g0"
    # Two tests at a time (each in its own folder; most of them run one build at a time).
    ctest --test-dir build-test --output-on-failure --parallel "$(nproc)"
    # How the parser does on the real published PDFs (the summary of the 'real' test).
    [ -f build-test/real-test/report.txt ] && sed -n '/^identities:$/,$p' build-test/real-test/report.txt
    # The same tests under AddressSanitizer and UndefinedBehaviorSanitizer (the -Werror gate
    # is the build above), built by clang, whose sanitized objects compile in less than half
    # GCC's time (site/build.cc: 11 s against 27 s), with every object also instrumented for
    # coverage (-fsanitize=fuzzer-no-link) so the same build links the fuzz target.
    # -O1 -g1 (line tables only): reports still name file and line.
    # Every test but the two longest, which ran above: 'site' (its browser walk and link check
    # run no gongkai code; its builds, of the seeds and of 270 generated inputs, are of the kind
    # the build and pages tests run sanitized) and 'publish' (dozens of builds of the same two
    # disclosures, each killed at one step of publishing; publish-mount and the build test take
    # the same publishing paths sanitized). 'real' reads the 14 documents with goldens here.
    build build-asan -DCMAKE_CXX_COMPILER=clang++ -DGONGKAI_SANITIZE=ON -DGONGKAI_FUZZ=ON \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1"
    ctest --test-dir build-asan --output-on-failure --parallel "$(nproc)" -E '^(site|publish)$'
    # Fuzz ingest -> parse -> checks for a minute from the five disclosures (fuzz/README.md);
    # the fuzz target links only gongkai_read (the reading stages), not the site's code.
    bash fuzz/run.sh build-asan/gongkai_fuzz 60 build-asan/fuzz
    ;;
  *)
    echo "usage: bash scripts/gongkai.sh site|test" >&2
    exit 2
    ;;
esac
