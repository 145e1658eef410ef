"""Throughput, memory and scaling of ``fzcheck audit``, against a read-and-decode baseline.

For each N (default 1000, 2000 and 10000) a corpus is generated with ``make_corpus.py``; its
reports average about 1,500 characters, half the seeds' ~3,100 (``--length 2.2`` makes them a
seed's length), and the table's first line says so for the run. Then

* baseline: the same files read, decoded as UTF-8 and searched with one regular expression
  (standard library only) on all cores by a ProcessPoolExecutor — the floor any audit pays;
* audit: ``fzcheck audit`` end to end (check, store, copy detection, xlsx/csv/json/html),
  run as a subprocess so its peak RSS (parent and workers) and the CPU time of every process
  it starts can be sampled from /proc.

Prints a table (reports/s, the ratio of audit time to baseline time, CPU milliseconds per
report over all processes, peak memory) and writes ``benchmarks/results/audit-<date>.json``;
single-report latency is ``bench_startup.py``'s. The 100k projection is linear in the check
phase (per-file work) plus the measured growth of the copy phase.

    python benchmarks/bench_audit.py            # N = 1000, 2000, 10000
    python benchmarks/bench_audit.py --n 200    # quick
    python benchmarks/bench_audit.py --length 2.2   # reports of a seed's length (~3,100 characters)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from installed import FZCHECK
from records import save_record, stamped

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))


KEYWORDS = re.compile("法治政府|依法行政|行政执法|复议|诉讼|普法|合法性审查|存在的问题|下一步")


def _decode(path: str) -> int:
    """Read, decode and search one file with the standard library only, so the floor does not
    move when the checker's own reader changes."""
    return len(KEYWORDS.findall(Path(path).read_bytes().decode("utf-8", errors="replace")))


def mean_chars(files: list[str]) -> float:
    """Mean characters per file (UTF-8): what "a report" weighs in the figures beside it."""
    return sum(len(Path(f).read_text(encoding="utf-8")) for f in files) / max(1, len(files))


def baseline(files: list[str]) -> float:
    """Seconds to read, decode and search one keyword alternation in every file on all cores."""
    started = time.perf_counter()
    with ProcessPoolExecutor(os.cpu_count()) as pool:
        sum(pool.map(_decode, files, chunksize=64))
    return time.perf_counter() - started


PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
SAMPLE_S = 0.25  # one sample costs ~1 ms of CPU: the audit it measures shares the two cores


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _tree_sample(root: int) -> tuple[int, int, dict[int, float]]:
    """(parent RSS, RSS of all descendants) in kB, and the CPU seconds (user + system) each
    process of the tree has used so far, from ``/proc/<pid>/stat`` (one short read per
    process: reading every ``status`` file took ~11 ms of CPU a sample)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat[stat.rindex(b")") + 2 :].split()  # after "pid (comm) ": state, ppid, …
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * PAGE_KB
        cpu[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime
    stack, total, tree = list(children.get(root, [])), 0, {root: cpu.get(root, 0.0)}
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        tree[pid] = cpu.get(pid, 0.0)
        stack.extend(children.get(pid, []))
    return rss.get(root, 0), total, tree


def audit(corpus: Path, out: Path) -> dict:
    """Run fzcheck audit as a subprocess, sampling memory; returns seconds, peaks and the summary line."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [FZCHECK, "audit", str(corpus), "--out", str(out), "--today", "2025-03-01", "--no-progress"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak_parent = peak_children = 0
    cpu_seen: dict[int, float] = {}  # the last CPU seconds read of every process of the tree
    while process.poll() is None:
        parent, kids, cpu = _tree_sample(process.pid)
        peak_parent, peak_children = max(peak_parent, parent), max(peak_children, kids)
        cpu_seen.update(cpu)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=SAMPLE_S)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read() if process.stderr else ""
    return {
        "seconds": seconds,
        # at most one sample interval short per process (what it used after its last sample)
        "cpu_s": sum(cpu_seen.values()),
        "peak_parent_mb": peak_parent / 1024,
        "peak_workers_mb": peak_children / 1024,
        "summary": stderr.strip().splitlines()[-1] if stderr.strip() else "",
        "rc": process.returncode,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 2000, 10000])
    parser.add_argument(
        "--length",
        type=float,
        default=1.0,
        help="paragraphs per part × this (make_corpus.py; 2.2: seed-sized)",
    )
    args = parser.parse_args()
    from make_corpus import build

    rows = []
    for n in args.n:
        with tempfile.TemporaryDirectory() as tmp:
            corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
            build(n, corpus, length=args.length)
            (corpus / "manifest.json").unlink()
            files = sorted(str(p) for p in corpus.glob("*.txt"))
            base = baseline(files)
            result = audit(corpus, out)
            rows.append(
                {
                    "n": n,
                    "length": args.length,
                    "chars_per_report": mean_chars(files),
                    "baseline_s": base,
                    "baseline_per_s": n / base,
                    **result,
                    "audit_per_s": n / result["seconds"],
                    "cpu_ms_per_report": 1000 * result["cpu_s"] / n,
                    "ratio_vs_baseline": result["seconds"] / base,
                    "db_mb": (out / "audit.sqlite").stat().st_size / 2**20,
                }
            )
    if len(rows) >= 2:
        small, large = rows[0], rows[-1]
        per_file = (large["seconds"] - small["seconds"]) / (large["n"] - small["n"])
        projection = {
            "n": 100_000,
            "seconds": large["seconds"] + per_file * (100_000 - large["n"]),
            "method": "linear in N from the two largest runs (copy phase is sub-quadratic, "
            "boilerplate capped at df 50)",
        }
    else:
        projection = None
    seed_chars = mean_chars(sorted(str(p) for p in (ROOT / "reports").glob("*.txt")))
    for row in rows:
        row["seed_chars_per_report"] = seed_chars
    print(
        f"reports of {rows[0]['chars_per_report']:,.0f} characters on average "
        f"(the seeds in reports/: {seed_chars:,.0f})"
    )
    print(
        f"{'N':>7} {'baseline/s':>11} {'audit/s':>9} {'ratio':>6} {'CPU ms/report':>14} {'parent MB':>10} "
        f"{'workers MB':>11} {'db MB':>7}"
    )
    for row in rows:
        print(
            f"{row['n']:>7} {row['baseline_per_s']:>11.0f} {row['audit_per_s']:>9.0f} "
            f"{row['ratio_vs_baseline']:>6.1f} {row['cpu_ms_per_report']:>14.2f} "
            f"{row['peak_parent_mb']:>10.0f} {row['peak_workers_mb']:>11.0f} "
            f"{row['db_mb']:>7.1f}"
        )
        print(f"        {row['summary']}")
    if projection:
        print(f"projected 100k: {projection['seconds'] / 60:.1f} min ({projection['method']})")
    record = stamped(
        runs=rows,
        projection_100k=projection,
    )
    save_record("audit", record)


if __name__ == "__main__":
    main()
