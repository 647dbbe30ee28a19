#!/usr/bin/env bash
# Coverage-guided fuzzing of the decoders that read outside bytes (stored records, event payloads,
# JSON commands) with libFuzzer: builds `order-engine-fuzz` with `-sanitize=fuzzer` in its own
# build directory, writes seed inputs, fuzzes for SECONDS and fails on any finding (a trap or an
# error of the wrong type; the input is kept under .build/libfuzzer/findings/).
# Usage: Tests/fuzz/libfuzzer.sh [SECONDS]
set -euo pipefail

seconds=${1:-60}
cd "$(dirname "$0")/../.."
scratch=.build/libfuzzer
swift build --scratch-path "$scratch" --product order-engine-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING
fuzzer="$(swift build --scratch-path "$scratch" --show-bin-path)/order-engine-fuzz"
swift build --product order-engine-fuzz
"$(swift build --show-bin-path)/order-engine-fuzz" --write-seeds "$scratch/seeds"
corpus=$(mktemp -d "${TMPDIR:-/tmp}/order-engine-fuzz-XXXXXX")
trap 'rm -rf "$corpus"' EXIT
mkdir -p "$scratch/findings"
"$fuzzer" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$scratch/findings/" "$corpus" "$scratch/seeds" 2>&1 | tee "$scratch/last-run.log" | grep -E "^(#[0-9]+ +DONE|Done|stat::|==|INFO: Seed)|ERROR|SUMMARY" || true
grep -q "^Done [0-9]* runs" "$scratch/last-run.log" || { echo "✘ libFuzzer stopped on a finding (see $scratch/findings)"; exit 1; }
echo "✔ libFuzzer: $(grep -o '^Done [0-9]* runs' "$scratch/last-run.log" | grep -o '[0-9]*') inputs in ${seconds} s, no finding"
