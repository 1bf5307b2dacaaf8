#!/usr/bin/env bash
# Build the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ and run each for
# SECONDS (default 600) on its committed seed corpus. Findings land in build-fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
./scripts/install-deps.sh
command -v clang++ >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-14-dev; }
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DHADATH_FUZZ=ON -DHADATH_TESTS=OFF \
  -DHADATH_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fsanitize=fuzzer-no-link" >/dev/null
ninja -C build-fuzz text_fuzzer jsonl_fuzzer time_fuzzer search_fuzzer
mkdir -p build-fuzz/findings
for f in text jsonl time search; do
  work=build-fuzz/corpus-$f
  mkdir -p "$work"
  echo "fuzz: $f for ${seconds}s"
  build-fuzz/fuzz/${f}_fuzzer "$work" "fuzz/corpus/$f" -max_total_time="$seconds" -max_len=4096 \
    -artifact_prefix=build-fuzz/findings/$f- -print_final_stats=1 2>&1 | tail -12
done
