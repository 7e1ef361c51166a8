#!/usr/bin/env python3
"""`secnlp similar` end to end, through the CLI, on a store of N stored sections (issue 17).

    bench/similar_cli_bench.py [--rows 100000] [--queries 30] [--bin build/tools/secnlp]

Builds (once, in a scratch folder; not timed) a secnlp database of N synthetic filings, each with
a Risk Factors (1A) term vector shaped like the 10-K sections of bench/nearest_bench.cpp: term
ids drawn from a Zipf law over 50,000 ids, 300-800 distinct terms per section, filing dates
spread over 2001-2024. The schema comes from `secnlp process` on the project's samples; the
synthetic rows are inserted with Python's sqlite3 in the store's own layout (term_vector_codec.h:
varint count, then varint id delta and varint count per term).

Then times, as separate processes (what a user waits for):
  first   the first `similar` after the store changed: builds the point-in-time index (.pit)
  warm    `similar --to ACCESSION --section 1A --top 10` for --queries different filings, each
          as of its own filing date (the default), index file in the page cache
  as-of   the same with --as-of 2010-06-30 (a prefix of the corpus)
Prints a Markdown table of wall-clock milliseconds (median, p90, max) and the target
(<= 100 ms warm). Exits 1 when a command fails, never because of slowness.
"""
import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def varint_bytes(values):
    """Concatenated LEB128 varints of non-negative integers < 2**28 (numpy, vectorised)."""
    v = np.asarray(values, dtype=np.uint32)
    n = 1 + (v >= 1 << 7).astype(np.int64) + (v >= 1 << 14) + (v >= 1 << 21)
    out = np.empty(int(n.sum()), dtype=np.uint8)
    starts = np.concatenate(([0], np.cumsum(n)[:-1]))
    for k in range(4):
        has = n > k
        byte = (v[has] >> (7 * k)) & 0x7F
        more = (n[has] > k + 1).astype(np.uint8) << 7
        out[starts[has] + k] = byte.astype(np.uint8) | more
    return out.tobytes()


def build_store(db, rows, seed):
    rng = np.random.default_rng(seed)
    vocabulary = 50_000
    weights = 1.0 / np.arange(1, vocabulary + 1)
    cdf = np.cumsum(weights) / weights.sum()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    cur = con.cursor()
    cur.execute("BEGIN")
    start = 978_307_200  # 2001-01-01
    span = 24 * 365 * 86_400
    for i in range(rows):
        want = int(rng.integers(300, 801))
        tokens = np.searchsorted(cdf, rng.random(want * 4))
        ids, counts = np.unique(tokens, return_counts=True)
        ids, counts = ids[:want], counts[:want]
        deltas = np.diff(np.concatenate(([0], ids)))
        pairs = np.empty(2 * len(ids), dtype=np.uint32)
        pairs[0::2] = deltas
        pairs[1::2] = counts
        blob = varint_bytes(np.concatenate(([len(ids)], pairs)))
        when = time.gmtime(start + (span * i) // rows)
        available = time.strftime("%Y-%m-%dT%H:%M:%S", when)
        accession = f"9{i:09d}-{when.tm_year % 100:02d}-{i % 1_000_000:06d}"
        cur.execute(
            "INSERT INTO documents(path, size, content_hash, config_hash, status, cik, ticker, form,"
            " fiscal_year, filed, accession, doc_key, kind, available_at)"
            " VALUES (?, 1, ?, 'bench', 'ok', ?, '', '10-K', ?, ?, ?, ?, 'document', ?)",
            (f"/bench/{accession}.htm", f"{i:016x}", str(9_000_000 + i % 5000), when.tm_year,
             available[:10], accession, "accession:" + accession, available))
        doc_id = cur.lastrowid
        cur.execute(
            "INSERT INTO term_vectors(doc_id, scope, unique_terms, total, data) VALUES (?, '1A', ?, ?, ?)",
            (doc_id, len(ids), int(counts.sum()), blob))
    con.commit()
    accessions = [r[0] for r in con.execute("SELECT accession FROM documents WHERE path LIKE '/bench/%'")]
    con.close()
    return accessions


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ms = (time.perf_counter() - t0) * 1000
    if p.returncode != 0:
        sys.exit(f"similar_cli_bench: {' '.join(cmd)} failed ({p.returncode}): {p.stderr.strip()}")
    return ms, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=30)
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "tools", "secnlp"))
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--store", help="keep the synthetic store in this folder and reuse it when "
                    "it is there (default: a temporary folder)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="secnlp-similar-bench-") as scratch:
        tmp = a.store or scratch
        os.makedirs(tmp, exist_ok=True)
        db = os.path.join(tmp, "bench.db")
        if os.path.exists(db):
            con = sqlite3.connect(db)
            accessions = [r[0] for r in con.execute(
                "SELECT accession FROM documents WHERE path LIKE '/bench/%'")]
            con.close()
            if len(accessions) != a.rows:
                sys.exit(f"similar_cli_bench: {db} holds {len(accessions)} rows, not {a.rows}")
            for stale in [f for f in os.listdir(tmp) if f.endswith(".pit")]:
                os.remove(os.path.join(tmp, stale))
        else:
            subprocess.run([a.bin, "process", os.path.join(ROOT, "samples"), "--db", db,
                            "--progress", "off"],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            t0 = time.perf_counter()
            accessions = build_store(db, a.rows, a.seed)
            print(f"store: {a.rows} sections written in {time.perf_counter() - t0:.1f} s "
                  f"({os.path.getsize(db) / 1e6:.0f} MB)", file=sys.stderr)
        picks = random.Random(a.seed).sample(accessions, min(a.queries, len(accessions)))
        base = [a.bin, "similar", "--db", db, "--section", "1A", "--top", "10", "--to"]
        first, _ = run(base + [picks[0]])
        warm = [run(base + [acc])[0] for acc in picks]
        as_of = [run(base + [acc, "--as-of", "2010-06-30"])[0] for acc in picks]
        index = os.path.join(tmp, "bench.db.nearest-1A.pit")
        size = os.path.getsize(index) / 1e6 if os.path.exists(index) else 0

    def row(name, ms, target):
        ms = sorted(ms)
        p90 = ms[min(len(ms) - 1, int(0.9 * len(ms)))]
        met = "" if not target else ("yes" if statistics.median(ms) <= target else "no")
        return (f"| {name:<34} | {statistics.median(ms):9.1f} | {p90:7.1f} | {max(ms):7.1f} |"
                f" {('<= %d ms' % target) if target else '':<9} | {met:<3} |")

    print(f"\n`secnlp similar` through the CLI, {a.rows:,} stored 1A sections, index {size:.0f} MB\n")
    print("| run                                | median ms | p90 ms  | max ms  | target    | met |")
    print("|------------------------------------|----------:|--------:|--------:|-----------|-----|")
    print(row("first (builds the index)", [first], 0))
    print(row(f"warm, as of each filing ({len(warm)})", warm, 100))
    print(row(f"warm, --as-of 2010-06-30 ({len(as_of)})", as_of, 100))


if __name__ == "__main__":
    main()
