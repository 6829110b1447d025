#!/usr/bin/env python3
"""DuckDB baseline for Padan's benchmark: the exact-key work on the very same input files.

    python3 Benchmarks/duckdb_baseline.py PIPELINE.toml

Loads the CSV inputs named by the pipeline (dapodik_ptk, siasn_pns, unor_npsn, pmm_skp; XML inputs are
skipped: DuckDB has no XML reader) and performs:
  1. the NIP join of Dapodik PTK rows with SIASN (normalized NIP = nip_baru) with field-by-field
     comparison (name, birth date, sex, golongan),
  2. the NPSN crosswalk join of PTK rows with the BKD crosswalk,
  3. the SKP join of PMM rows with PTK rows by NIP.
Prints one JSON line: {"seconds": total, "load": ..., "joins": ..., "counts": {...}}.
It is a ruler, not part of Padan.
"""
import glob
import json
import os
import re
import sys
import time
import tomllib

import duckdb

ALIASES = {
    "dapodik_ptk": {"nama": ["nama"], "nip": ["nip"], "jk": ["jenis_kelamin", "jk", "l/p"],
                    "tgl": ["tanggal_lahir"], "gol": ["pangkat_golongan", "pangkat_golongan_terakhir", "pangkat/gol"],
                    "npsn": ["npsn"], "status": ["status_kepegawaian", "status_kepegawaian_id_str"]},
    "siasn_pns": {"pns_id": ["pns_id", "id", "pnsId"], "nip": ["nip_baru", "nipBaru"], "nama": ["nama"],
                  "tgl": ["tanggal_lahir", "tglLahir"], "jk": ["jenis_kelamin", "jenisKelamin"],
                  "gol": ["gol_akhir_nama", "golRuangAkhir"], "unor": ["unor_id", "unorId"]},
    "unor_npsn": {"unor": ["unor_id"], "npsn": ["npsn"]},
    "pmm_skp": {"nip": ["nip"], "npsn": ["npsn"], "periode": ["periode"], "peran": ["peran"]},
}


def key(name: str) -> str:
    return re.sub(r"[ _.\-/\ufeff]", "", name.strip().lower())


def files(base: str, patterns) -> list[str]:
    if isinstance(patterns, str):
        patterns = [patterns]
    out = []
    for p in patterns:
        out += sorted(glob.glob(os.path.join(base, p)))
    return [f for f in out if not is_xml(f)]


def is_xml(path: str) -> bool:
    import gzip
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as fh:
        head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")


def dialect(path: str) -> tuple[str, list[str]]:
    """The delimiter and column names from the header line (as Padan detects them)."""
    import csv
    import gzip
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as fh:
        header = fh.readline().decode("utf-8", "replace").lstrip("\ufeff").rstrip("\r\n")
    delim = max([",", ";", "|", "\t"], key=header.count)
    return delim, next(csv.reader([header], delimiter=delim))


def load(con, name: str, paths: list[str]) -> bool:
    if not paths:
        return False
    parts = []
    for i, path in enumerate(paths):
        rel = f"{name}_{i}"
        quoted = path.replace("'", "''")
        delim, names = dialect(path)
        columns = "{" + ", ".join(f"'{n.replace(chr(39), chr(39) * 2)}': 'VARCHAR'" for n in names) + "}"
        con.execute(f"CREATE TEMP VIEW {rel} AS SELECT * FROM read_csv('{quoted}', auto_detect=false, header=false, "
                    f"skip=1, columns={columns}, delim='{delim}', quote='\"', escape='\"', ignore_errors=true, "
                    "strict_mode=false)")
        cols = {key(c[0]): c[0] for c in con.execute(f"DESCRIBE {rel}").fetchall()}
        select = []
        for alias, names in ALIASES[name].items():
            col = next((cols[key(n)] for n in names if key(n) in cols), None)
            select.append(f'"{col}" AS {alias}' if col else f"NULL AS {alias}")
        parts.append(f"SELECT {', '.join(select)} FROM {rel}")
    con.execute(f"CREATE TABLE {name} AS " + " UNION ALL ".join(parts))
    return True


def main() -> int:
    path = sys.argv[1]
    base = os.path.dirname(os.path.abspath(path))
    with open(path, "rb") as fh:
        pipeline = tomllib.load(fh)
    con = duckdb.connect()
    con.execute("SET threads TO 2")
    start = time.perf_counter()
    have = {k: load(con, k, files(base, v)) for k, v in pipeline["inputs"].items() if k in ALIASES}
    loaded = time.perf_counter()
    counts = {}
    if have.get("dapodik_ptk") and have.get("siasn_pns"):
        con.execute("CREATE TABLE ptk_n AS SELECT *, regexp_replace(ltrim(nip, ''''), '[ .\\-]', '', 'g') AS nipn FROM dapodik_ptk")
        counts["nip_join"] = con.execute("""
            SELECT count(*),
                   sum(CASE WHEN upper(trim(p.nama)) <> upper(trim(s.nama)) THEN 1 ELSE 0 END),
                   sum(CASE WHEN p.tgl <> s.tgl THEN 1 ELSE 0 END),
                   sum(CASE WHEN upper(p.jk) <> upper(s.jk) THEN 1 ELSE 0 END),
                   sum(CASE WHEN upper(p.gol) <> upper(s.gol) THEN 1 ELSE 0 END)
            FROM ptk_n p JOIN siasn_pns s ON p.nipn = s.nip""").fetchone()
    if have.get("dapodik_ptk") and have.get("unor_npsn"):
        counts["npsn_join"] = con.execute(
            "SELECT count(*) FROM dapodik_ptk p JOIN unor_npsn c ON trim(p.npsn) = trim(c.npsn)").fetchone()[0]
    if have.get("pmm_skp") and have.get("dapodik_ptk"):
        counts["skp_join"] = con.execute("""
            SELECT count(*) FROM pmm_skp k
            JOIN ptk_n p ON regexp_replace(ltrim(k.nip, ''''), '[ .\\-]', '', 'g') = p.nipn""").fetchone()[0]
    done = time.perf_counter()
    print(json.dumps({"seconds": done - start, "load": loaded - start, "joins": done - loaded,
                      "counts": {k: (list(v) if isinstance(v, tuple) else v) for k, v in counts.items()}}, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
