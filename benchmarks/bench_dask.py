"""Dask LocalCluster against the process pool on this machine, and a projection to 100k/1M reports.

For two corpus sizes (default 500 and 2000 generated reports) ``run_audit`` runs once with
the process pool (``--executor processes -j 2``) and once on a Dask ``LocalCluster`` of two
worker processes (``--executor dask``), each into a fresh store. The check phase is timed
separately from copy detection and the outputs. From the two sizes come, per executor, a
fixed cost (pool or cluster start-up) and a marginal cost per file; the projection for
100,000 and 1,000,000 reports on W workers is

    check = fixed + N × (marginal per file × 2 cores) / W      (workers do the per-file work)
    copies = N × (measured copy-phase seconds per file)          (runs on the client, linear)

which assumes a worker per core, input on a shared file system and a client that keeps
up with storing the rows (measured here: the client's share of the check phase).

    python benchmarks/bench_dask.py                 # N = 500, 2000
    python benchmarks/bench_dask.py --n 200 800     # quick
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from make_corpus import build  # noqa: E402
from records import save_record, stamped  # noqa: E402

from checker.audit.run import AuditOptions, run_audit  # noqa: E402
from checker.options import CheckOptions  # noqa: E402

TODAY = dt.date(2025, 3, 1)
CORES = 2


def timed(corpus: Path, out: Path, executor: str) -> dict:
    options = AuditOptions(CheckOptions(today=TODAY), jobs=CORES, progress=False, executor=executor)
    started = time.perf_counter()
    summary = run_audit([str(corpus)], out, options)
    return {
        "wall_s": time.perf_counter() - started,
        "check_s": summary.seconds["check"],
        "copies_s": summary.seconds["copies"],
        "outputs_s": summary.seconds.get("outputs", 0.0),
        "files": summary.files,
        "copy_pairs": summary.copies,
    }


def project(small: dict, large: dict, n_small: int, n_large: int) -> dict:
    """Fixed and per-file cost of the check phase from two sizes; copies linear in N."""
    per_file = (large["check_s"] - small["check_s"]) / (n_large - n_small)
    fixed = max(0.0, small["check_s"] - per_file * n_small)
    copies_per_file = large["copies_s"] / n_large
    out = {"fixed_s": fixed, "per_file_s_on_2_cores": per_file, "copies_per_file_s": copies_per_file}
    for n in (100_000, 1_000_000):
        for workers in (2, 16, 64):
            check = fixed + n * per_file * CORES / workers
            out[f"{n}_on_{workers}_workers_min"] = round((check + n * copies_per_file) / 60, 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs=2, default=[500, 2000])
    parser.add_argument("--tmp", type=Path, default=None)
    args = parser.parse_args()
    runs: dict[str, dict[int, dict]] = {"processes": {}, "dask": {}}
    for n in args.n:
        with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
            corpus = Path(tmp) / "corpus"
            build(n, corpus)
            (corpus / "manifest.json").unlink()
            for executor in ("processes", "dask"):
                runs[executor][n] = row = timed(corpus, Path(tmp) / executor, executor)
                print(
                    f"N={n:>6} {executor:<9} wall {row['wall_s']:6.1f} s  check {row['check_s']:6.1f} s  "
                    f"({n / row['check_s']:.0f} files/s)  copies {row['copies_s']:.1f} s",
                    flush=True,
                )
    small, large = args.n
    record = stamped(
        note="2 cores shared with other jobs while measured",
        runs={executor: {str(n): row for n, row in sizes.items()} for executor, sizes in runs.items()},
        dask_vs_processes_check=runs["dask"][large]["check_s"] / runs["processes"][large]["check_s"],
        projection={
            executor: project(sizes[small], sizes[large], small, large) for executor, sizes in runs.items()
        },
    )
    print(f"dask / processes, check phase at N={large}: {record['dask_vs_processes_check']:.2f}×")
    for executor, projection in record["projection"].items():
        print(executor, json.dumps(projection))
    save_record("dask", record)


if __name__ == "__main__":
    main()
