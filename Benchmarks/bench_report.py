#!/usr/bin/env python3
"""Helpers of Benchmarks/run.sh (not part of Padan).

    bench_report.py input-bytes PIPELINE.toml   total size on disk of every input file the pipeline names
    bench_report.py summarize RESULTS_DIR       medians and ratios of RESULTS_DIR/runs.jsonl, printed as a
                                                table and written to summary.md and summary.json
"""
import glob
import json
import os
import re
import statistics
import sys
import tomllib

# Stages of `summary.json` that do fuzzy work: unit matching (names, soft Dice) and the candidate
# search of unlinked people (Jaro-Winkler within birth date and sex blocks).
FUZZY_STAGES = ("match_units", "candidates")


def fuzzy_wall(stages: dict):
    """Seconds of the run during which a fuzzy stage runs: the union of the two stages' spans, not their sum.

    `padan run` (RunAnalysis.perform) starts two sides when reading ends: normalize then match_units on one,
    match_people then candidates on the other, so each span is known from the stages' seconds. The candidate
    search starts when people are matched and runs while units are still being matched: summed, the time both
    run at once would count twice (the sum is printed too)."""
    n, u, m, c = (stages.get(k) for k in ("normalize", "match_units", "match_people", "candidates"))
    if None in (n, u, m, c):
        return sum(v for k, v in stages.items() if k in FUZZY_STAGES and v is not None)
    units, search = (n, n + u), (m, m + c)
    if search[0] > units[1] or units[0] > search[1]:
        return u + c
    return max(units[1], search[1]) - min(units[0], search[0])
# Targets of the national-scale issue.
TARGETS = {
    "padan_vs_duckdb_national": 2.0,
    "padan_vs_duckdb_tenth": 1.5,
    "rss_vs_input": 1.5,
    "scaling": (8.0, 12.0),
    "fuzzy_share": 0.10,
}


def input_files(pipeline_path: str) -> list[str]:
    base = os.path.dirname(os.path.abspath(pipeline_path))
    with open(pipeline_path, "rb") as fh:
        inputs = tomllib.load(fh)["inputs"]
    out = []
    for patterns in inputs.values():
        for pattern in [patterns] if isinstance(patterns, str) else patterns:
            out += sorted(glob.glob(os.path.join(base, pattern)))
    return out


def stage_lines(path: str, what: str = "seconds") -> dict:
    """Per stage, from `padan run` progress lines (`[write] ... — 12,34 dtk, memori puncak 2.345 MiB`):
    the seconds, or with what="memory" the process's peak resident MiB when the stage ended."""
    out = {}
    if not os.path.exists(path):
        return out
    for line in open(path, encoding="utf-8", errors="replace"):
        m = re.match(r"^\[(\w+)\] .* — ([0-9.]+(?:,[0-9]+)?) dtk(?:, memori puncak ([0-9.]+) MiB)?", line.strip())
        if not m:
            continue
        if what == "memory":
            if m.group(3):
                out[m.group(1)] = float(m.group(3).replace(".", ""))
        else:
            out[m.group(1)] = float(m.group(2).replace(".", "").replace(",", "."))
    return out


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=2, unit=""):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}{unit}"


def summarize(results: str) -> int:
    records = [json.loads(line) for line in open(os.path.join(results, "runs.jsonl")) if line.strip()]
    machine = next((r for r in records if r["kind"] == "machine"), {})
    scales = []
    for r in records:
        if r.get("scale") and r["scale"] not in scales and r["kind"] != "sample":
            scales.append(r["scale"])
    out = {"machine": machine, "scales": {}, "ratios": {}}
    version = "?"
    for scale in scales:
        first = [r for r in records if r["kind"] == "padan" and r["scale"] == scale and not r["second"]]
        second = [r for r in records if r["kind"] == "padan" and r["scale"] == scale and r["second"]]
        duck = [r for r in records if r["kind"] == "duckdb" and r["scale"] == scale]
        stage_runs = []
        memory_runs = []
        inputs = {}
        for r in first:
            with open(os.path.join(results, r["summary"])) as fh:
                summary = json.load(fh)
            stages = {s["name"]: s["seconds"] for s in summary["stages"]}
            # write and record end after summary.json is written: their seconds are on the progress lines.
            for name, seconds in (stage_lines(os.path.join(results, r["stderr"])) if r.get("stderr") else {}).items():
                stages.setdefault(name, seconds)
            version = summary.get("padan_version", version)
            stage_runs.append(stages)
            memory_runs.append(stage_lines(os.path.join(results, r["stderr"]), "memory") if r.get("stderr") else {})
            inputs = summary.get("inputs", {})
        fuzzy_walls = [fuzzy_wall(st) for st in stage_runs]
        names = list(stage_runs[0]) if stage_runs else []
        stages = {n: median([s.get(n) for s in stage_runs]) for n in names}
        stage_memory = {n: median([m.get(n) for m in memory_runs]) for n in names}
        input_bytes = first[0]["input_bytes"] if first else None
        s = {
            "input_bytes": input_bytes,
            "input_rows": {k: v.get("rows") for k, v in inputs.items()} if first else {},
            "padan_seconds": median([r["seconds"] for r in first]),
            "padan_seconds_all": [r["seconds"] for r in first],
            "padan_cpu_seconds": median([r["user"] + r["sys"] for r in first]),
            "padan_rss_kb": median([r["rss_kb"] for r in first]),
            "padan_output_bytes": median([r.get("output_bytes") for r in first]),
            "padan_second_seconds": median([r["seconds"] for r in second]),
            "padan_second_rss_kb": median([r["rss_kb"] for r in second]),
            "stages": stages,
            "stage_peak_mib": stage_memory,
            "duckdb_seconds": median([r["seconds"] for r in duck]),
            "duckdb_inprocess_seconds": median([r["result"]["seconds"] for r in duck]),
            "duckdb_rss_kb": median([r["rss_kb"] for r in duck]),
        }
        p, d, di = s["padan_seconds"], s["duckdb_seconds"], s["duckdb_inprocess_seconds"]
        s["padan_vs_duckdb"] = p / d if p and d else None
        s["padan_vs_duckdb_inprocess"] = p / di if p and di else None
        s["rss_vs_input"] = s["padan_rss_kb"] * 1024 / input_bytes if s["padan_rss_kb"] and input_bytes else None
        second_rss = s["padan_second_rss_kb"]
        s["second_rss_vs_input"] = second_rss * 1024 / input_bytes if second_rss and input_bytes else None
        summed = sum(v for k, v in stages.items() if k in FUZZY_STAGES and v is not None)
        s["fuzzy_summed_seconds"] = summed
        s["fuzzy_summed_share"] = summed / p if p else None
        s["fuzzy_seconds"] = median(fuzzy_walls)
        s["fuzzy_share"] = median([w / r["seconds"] for w, r in zip(fuzzy_walls, first) if r["seconds"]])
        out["scales"][scale] = s
    out["machine"]["padan"] = f"{version} ({machine.get('padan', '?')})"
    if "national" in out["scales"] and "tenth" in out["scales"]:
        n, t = out["scales"]["national"]["padan_seconds"], out["scales"]["tenth"]["padan_seconds"]
        out["ratios"]["time_national_vs_tenth"] = n / t if n and t else None
    text = render(out)
    print(text)
    with open(os.path.join(results, "summary.md"), "w") as fh:
        fh.write(text + "\n")
    with open(os.path.join(results, "summary.json"), "w") as fh:
        json.dump(out, fh, indent=2)
    return 0


def verdict(value, limit, low=None):
    if value is None:
        return ""
    ok = value <= limit and (low is None or value >= low)
    return " ✓" if ok else " ✗"


def warmup_note(machine: dict) -> str:
    """How many untimed runs of each tool came first (results from before `--warmup` say nothing)."""
    warmup = machine.get("warmup")
    return "" if not warmup else f" after {warmup} untimed run(s) of each"


def render(out: dict) -> str:
    m = out["machine"]
    lines = [
        f"# Padan vs DuckDB — {m.get('cores', '?')} cores, load {m.get('load', '?')} at start, "
        f"median of {m.get('runs', '?')} run(s){warmup_note(m)}; padan {m.get('padan', '?')}, "
        f"duckdb {m.get('duckdb', '?')}",
        "",
    ]
    scales = out["scales"]
    names = list(scales)
    header = "| figure | " + " | ".join(names) + " |"
    lines += [header, "|---|" + "---|" * len(names)]

    def row(label, key, digits=2, unit="", scale_fn=None, target=None):
        cells = []
        for name in names:
            v = scales[name].get(key)
            if scale_fn and v is not None:
                v = scale_fn(v)
            mark = ""
            if target:
                limit = target(name)
                if limit is not None:
                    mark = verdict(v, *limit) if isinstance(limit, tuple) else verdict(v, limit)
            cells.append(fmt(v, digits, unit) + mark)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    row("input files (MB)", "input_bytes", 1, "", lambda v: v / 1e6)
    for kind in ("dapodik_ptk", "siasn_pns", "dapodik_sekolah", "siasn_unor", "pmm_skp"):
        cells = [fmt(scales[n]["input_rows"].get(kind), 0) for n in names]
        lines.append(f"| rows {kind} | " + " | ".join(cells) + " |")
    row("padan run, first (s, median)", "padan_seconds")
    row("padan run, CPU user+sys (s)", "padan_cpu_seconds")
    row("padan run, second run (s)", "padan_second_seconds")
    row("padan peak RSS (MiB)", "padan_rss_kb", 0, "", lambda v: v / 1024)
    row("padan peak RSS, second run (MiB)", "padan_second_rss_kb", 0, "", lambda v: v / 1024)
    row("padan output folder (MB)", "padan_output_bytes", 1, "", lambda v: v / 1e6)
    row("duckdb baseline, process (s, median)", "duckdb_seconds")
    row("duckdb baseline, in-process (s)", "duckdb_inprocess_seconds")
    row("duckdb peak RSS (MiB)", "duckdb_rss_kb", 0, "", lambda v: v / 1024)
    national_or_tenth = lambda n: TARGETS["padan_vs_duckdb_national"] if n == "national" else (
        TARGETS["padan_vs_duckdb_tenth"] if n == "tenth" else None)
    row("**padan ÷ duckdb (process)**", "padan_vs_duckdb", target=national_or_tenth)
    row("padan ÷ duckdb (in-process)", "padan_vs_duckdb_inprocess")
    row("**peak RSS ÷ input size**", "rss_vs_input", target=lambda n: TARGETS["rss_vs_input"])
    row("peak RSS ÷ input size, second run", "second_rss_vs_input", target=lambda n: TARGETS["rss_vs_input"])
    row("fuzzy stages, summed (s)", "fuzzy_summed_seconds", 3)
    row("fuzzy stages, summed ÷ total", "fuzzy_summed_share", 3)
    row("fuzzy stages, wall time they run (s)", "fuzzy_seconds", 3)
    row("**fuzzy stages' wall time ÷ total**", "fuzzy_share", 3, target=lambda n: TARGETS["fuzzy_share"])
    stage_names = []
    for name in names:
        for stage in scales[name]["stages"]:
            if stage not in stage_names:
                stage_names.append(stage)
    for stage in stage_names:
        cells = [fmt(scales[n]["stages"].get(stage), 3) for n in names]
        lines.append(f"| stage {stage} (s) | " + " | ".join(cells) + " |")
    for stage in stage_names:
        cells = [fmt(scales[n].get("stage_peak_mib", {}).get(stage), 0) for n in names]
        lines.append(f"| peak RSS at end of {stage} (MiB) | " + " | ".join(cells) + " |")
    scaling = out["ratios"].get("time_national_vs_tenth")
    if scaling is not None:
        lo, hi = TARGETS["scaling"]
        lines += ["", f"**time(100%) ÷ time(10%)** = {scaling:.2f} (target {lo:g}–{hi:g}){verdict(scaling, hi, lo)}"]
    lines += ["", "Targets: padan ÷ duckdb ≤ 2 at national scale, ≤ 1.5 at 10%; peak RSS ÷ input < 1.5; "
              "time(100%) ÷ time(10%) in 8–12; fuzzy stages < 10% of the run."]
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "input-bytes":
        print(sum(os.path.getsize(f) for f in input_files(sys.argv[2])))
        return 0
    if len(sys.argv) == 3 and sys.argv[1] == "summarize":
        return summarize(sys.argv[2])
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main())
