#!/usr/bin/env bash
# Padan against DuckDB on the very same files (Benchmarks/README.md).
#
#   Benchmarks/run.sh [--scale 0.1|1.0|both] [--runs N] [--warmup W] [--seed S] [--smoke] [--no-duckdb] [--regenerate]
#
# Builds `padan` in release mode, generates (or reuses) synthetic regions under Benchmarks/data/ with
# `padan sample`, times `padan run` end to end (median of N first runs, each on a fresh store and output,
# then one second run on the last store) with peak memory from /usr/bin/time -v and per-stage seconds
# from summary.json, times Benchmarks/duckdb_baseline.py on the same pipeline (median of N, each run right
# after a Padan run; W untimed runs of each first, 1 by default), and writes
# the figures and ratios to Benchmarks/results/<UTC time>/ (summary.md, summary.json, runs.jsonl).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/Benchmarks"
SCALE="both"
RUNS=3
WARMUP=1
SEED=1
SMOKE=0
DUCKDB=1
REGENERATE=0
NATIONAL_TEACHERS=3000000

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --scale) SCALE="${2:?--scale needs 0.1, 1.0 or both}"; shift 2 ;;
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        --warmup) WARMUP="${2:?--warmup needs a number}"; shift 2 ;;
        --seed) SEED="${2:?--seed needs a number}"; shift 2 ;;
        --smoke) SMOKE=1; shift ;;
        --no-duckdb) DUCKDB=0; shift ;;
        --regenerate) REGENERATE=1; shift ;;
        -h|--help) usage 0 ;;
        *) echo "run.sh: unknown option $1" >&2; usage 64 ;;
    esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs must be a positive number" >&2; exit 64; }
[[ "$WARMUP" =~ ^[0-9]+$ ]] || { echo "run.sh: --warmup must be a number" >&2; exit 64; }

# name:teachers of each scale measured, in order.
declare -a SCALES
if [[ $SMOKE == 1 ]]; then
    SCALES=("smoke:2000")
    RUNS=1
    WARMUP=0
else
    case "$SCALE" in
        0.1) SCALES=("tenth:$((NATIONAL_TEACHERS / 10))") ;;
        1.0|1) SCALES=("national:$NATIONAL_TEACHERS") ;;
        both) SCALES=("tenth:$((NATIONAL_TEACHERS / 10))" "national:$NATIONAL_TEACHERS") ;;
        *) echo "run.sh: --scale must be 0.1, 1.0 or both" >&2; exit 64 ;;
    esac
fi

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
    log "installing GNU time (Debian package 'time') for peak memory"
    if [[ $(id -u) == 0 ]]; then apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
    else sudo apt-get install -y -qq time >/dev/null; fi
fi
if [[ $DUCKDB == 1 ]] && ! python3 -c 'import duckdb' 2>/dev/null; then
    log "installing duckdb with pip"
    if ! python3 -m pip install --quiet duckdb; then
        log "duckdb could not be installed: DuckDB figures are skipped"
        DUCKDB=0
    fi
fi

# Built as the README installs it: release, with link-time optimization across every module (`Benchmarks/README.md`:
# 5–9% faster than without), in a build folder of its own so that a plain `swift build -c release` is not redone.
# Where the toolchain cannot, a plain release build.
log "building padan (release, link-time optimized; the first time takes about 5 minutes)"
LTO=(--experimental-lto-mode=full --scratch-path "$ROOT/.build/lto")
if ! (cd "$ROOT" && swift build -c release --product padan "${LTO[@]}" 2>&1 | tail -1) >&2; then
    log "link-time optimized build failed: building without it"
    LTO=()
    (cd "$ROOT" && swift build -c release --product padan 2>&1 | tail -1) >&2
fi
PADAN="$(cd "$ROOT" && swift build -c release "${LTO[@]}" --show-bin-path)/padan"
[[ -x "$PADAN" ]] || { echo "run.sh: $PADAN not built" >&2; exit 70; }

load1=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load1" -v c="$(nproc)" 'BEGIN { exit !(l > c / 2) }'; then
    log "warning: load average $load1 on $(nproc) cores; other work will slow both tools and widen the spread"
fi

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RESULTS="$BENCH/results/$STAMP"
mkdir -p "$RESULTS"
RAW="$RESULTS/runs.jsonl"
: > "$RAW"
{
    echo "{\"kind\": \"machine\", \"cores\": $(nproc), \"mem_kb\": $(awk '/MemTotal/ {print $2}' /proc/meminfo),"
    echo " \"load\": \"$(cut -d' ' -f1-3 /proc/loadavg)\", \"padan\": \"$(cd "$ROOT" && git describe --always --dirty 2>/dev/null || echo unknown)\","
    echo " \"duckdb\": \"$(python3 -c 'import duckdb; print(duckdb.__version__)' 2>/dev/null || echo none)\", \"runs\": $RUNS, \"warmup\": $WARMUP}"
} | tr -d '\n' >> "$RAW"
echo >> "$RAW"

# Runs "$@" under /usr/bin/time -v (stdout and stderr as the caller redirects them); sets T_WALL (seconds),
# T_RSS (peak resident KiB), T_USER and T_SYS (CPU seconds). Fails as the command fails.
timed() {
    local tfile start end status=0
    tfile="$(mktemp)"
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$tfile" "$@" || status=$?
    end=$(date +%s.%N)
    T_WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    T_RSS=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tfile")
    T_USER=$(awk -F': ' '/User time/ {print $2}' "$tfile")
    T_SYS=$(awk -F': ' '/System time/ {print $2}' "$tfile")
    rm -f "$tfile"
    if [[ $status != 0 ]]; then echo "run.sh: failed ($status): $*" >&2; return "$status"; fi
}

for entry in "${SCALES[@]}"; do
    name="${entry%%:*}"; teachers="${entry##*:}"
    data="$BENCH/data/$name-$teachers-s$SEED"
    if [[ $REGENERATE == 1 || ! -f "$data/.complete" ]]; then
        log "$name: generating $teachers teachers (seed $SEED) into ${data#"$ROOT"/}"
        rm -rf "$data"
        timed "$PADAN" sample "$data" --teachers "$teachers" --seed "$SEED" --quiet
        echo "teachers=$teachers seed=$SEED" > "$data/.complete"
        echo "{\"kind\": \"sample\", \"scale\": \"$name\", \"seconds\": $T_WALL, \"rss_kb\": $T_RSS}" >> "$RAW"
    else
        log "$name: reusing ${data#"$ROOT"/}"
    fi
    input_bytes=$(python3 "$BENCH/bench_report.py" input-bytes "$data/pipeline.toml")
    work="$data/bench-work"
    # The region's pipeline with its store and output moved into the work folder.
    pipeline="$data/bench-pipeline.toml"
    sed -e "s|^store = .*|store = \"bench-work/state/padan.sqlite\"|" \
        -e "s|^output_dir = .*|output_dir = \"bench-work/out\"|" "$data/pipeline.toml" > "$pipeline"

    # Untimed runs of each first: the first run of a scale takes memory the machine has not used for a while,
    # which on this VM costs the host's page faults as well as the guest's. In the eight benchmarks before this
    # was added, the first national Padan run had 2.4–3.8 s of system time against 1.6–2.2 s for the later ones
    # (0.3–2.1 s more wall time), while DuckDB's first run, after it, was as fast as its others.
    for ((i = 1; i <= WARMUP; i++)); do
        rm -rf "$work"; mkdir -p "$work"
        sync
        log "$name: warm-up $i/$WARMUP (padan$([[ $DUCKDB == 1 ]] && echo " and duckdb"), not timed)"
        "$PADAN" run "$pipeline" --quiet > /dev/null 2>&1 || { log "$name: padan failed in the warm-up"; exit 1; }
        if [[ $DUCKDB == 1 ]]; then python3 "$BENCH/duckdb_baseline.py" "$pipeline" > /dev/null; fi
    done

    # Each Padan run is followed by a baseline run: the host's speed drifts by a quarter over minutes here, and
    # runs taken in turn put the same drift on both sides of the ratio.
    for ((i = 1; i <= RUNS; i++)); do
        rm -rf "$work"; mkdir -p "$work"
        # The previous run's 1.7 GB of output still being flushed to disk would slow this one's writes
        # (the kernel throttles writers past its dirty-page limit): start each run with nothing to flush.
        sync
        log "$name: padan run $i/$RUNS (first run, fresh store)"
        # Progress as plain lines on stderr (not a terminal): one per stage with its seconds, write and
        # record included (summary.json is written before those two end).
        timed "$PADAN" run "$pipeline" --progress auto > /dev/null 2> "$RESULTS/$name-padan-$i.stderr"
        cp "$work/out/latest/summary.json" "$RESULTS/$name-padan-$i-summary.json"
        echo "{\"kind\": \"padan\", \"scale\": \"$name\", \"run\": $i, \"second\": false, \"seconds\": $T_WALL, \"rss_kb\": $T_RSS, \"user\": $T_USER, \"sys\": $T_SYS, \"input_bytes\": $input_bytes, \"summary\": \"$name-padan-$i-summary.json\", \"stderr\": \"$name-padan-$i.stderr\", \"output_bytes\": $(du -sb "$work/out/latest/" | cut -f1)}" >> "$RAW"
        log "$name: padan run $i: ${T_WALL}s, peak RSS $((T_RSS / 1024)) MiB"
        if [[ $DUCKDB == 1 ]]; then
            log "$name: duckdb baseline $i/$RUNS"
            sync
            out="$(mktemp)"
            timed python3 "$BENCH/duckdb_baseline.py" "$pipeline" > "$out"
            echo "{\"kind\": \"duckdb\", \"scale\": \"$name\", \"run\": $i, \"seconds\": $T_WALL, \"rss_kb\": $T_RSS, \"user\": $T_USER, \"sys\": $T_SYS, \"input_bytes\": $input_bytes, \"result\": $(tail -1 "$out")}" >> "$RAW"
            log "$name: duckdb $i: ${T_WALL}s (in-process $(python3 -c 'import json,sys; print(round(json.load(sys.stdin)["seconds"], 2))' < "$out")s)"
            rm -f "$out"
        fi
    done
    log "$name: padan run again on the last store (second run)"
    sync
    timed "$PADAN" run "$pipeline" --progress auto > /dev/null 2> "$RESULTS/$name-padan-second.stderr"
    cp "$work/out/latest/summary.json" "$RESULTS/$name-padan-second-summary.json"
    echo "{\"kind\": \"padan\", \"scale\": \"$name\", \"run\": 0, \"second\": true, \"seconds\": $T_WALL, \"rss_kb\": $T_RSS, \"user\": $T_USER, \"sys\": $T_SYS, \"input_bytes\": $input_bytes, \"summary\": \"$name-padan-second-summary.json\", \"stderr\": \"$name-padan-second.stderr\"}" >> "$RAW"
    log "$name: second run: ${T_WALL}s, peak RSS $((T_RSS / 1024)) MiB"
    rm -rf "$work"
done

python3 "$BENCH/bench_report.py" summarize "$RESULTS"
ln -sfn "$STAMP" "$BENCH/results/latest"
log "results in ${RESULTS#"$ROOT"/} (summary.md, summary.json, runs.jsonl)"
