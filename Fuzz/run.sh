#!/bin/bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer and runs them (see Fuzz/README.md).
#   Fuzz/run.sh [csv|xml|normalize|all] [SECONDS]
# New corpus entries go to $PADAN_FUZZ_WORK/<target> (default .build-fuzz/corpus/<target>), crashing
# inputs to $PADAN_FUZZ_WORK/crashes/. Several targets run in parallel, one process each.
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-all}"
seconds="${2:-600}"
work="${PADAN_FUZZ_WORK:-.build-fuzz/corpus}"
targets=(csv xml normalize)
[ "$which" != all ] && targets=("$which")
for target in "${targets[@]}"; do
    swift build -c release --scratch-path .build-fuzz --product "padan-fuzz-$target" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DPADAN_FUZZ -Xswiftc -g
done
mkdir -p "$work/crashes"
for target in "${targets[@]}"; do
    mkdir -p "$work/$target"
    dict=()
    [ -f "Fuzz/$target.dict" ] && dict=("-dict=Fuzz/$target.dict")
    # Seeds are local (git-ignored): a fresh clone starts from the dictionary alone.
    seeds=()
    [ -d "Fuzz/Corpus/$target" ] && seeds=("Fuzz/Corpus/$target")
    # The Swift runtime's backtracer would catch a trap before libFuzzer could save the input.
    SWIFT_BACKTRACE=enable=no \
        ".build-fuzz/release/padan-fuzz-$target" "$work/$target" "${seeds[@]}" "${dict[@]}" \
        -max_len=8192 -timeout=10 -rss_limit_mb=2048 -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$work/crashes/$target-" > "$work/$target.log" 2>&1 &
done
wait
grep -h "stat::number_of_executed_units\|DONE\|SUMMARY" "$work"/*.log || true
ls "$work/crashes"
