"""Reading an audit's stored results in path order, with the store's (options, path) index and without.

The verdicts read the store a page of 500 rows at a time (``verdicts.PAGE_SQL``) and the outputs
stream it in path order. For each N a store of N rows is filled with a real result (a seed's,
under N paths), then both reads are timed twice in the same run: as the store has them, and
after dropping ``reports_options_path``, which is how every store was read before that index
(SQLite then took the agency index and sorted all the audit's rows for every page). The ratio
shows the old reads growing with the square of N and the new ones linearly.

    python benchmarks/bench_store_reads.py               # N = 2000, 10000, 20000
    python benchmarks/bench_store_reads.py --n 1000      # quick
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

from records import save_record, stamped

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.api import check_file  # noqa: E402
from checker.audit.store import Store  # noqa: E402
from checker.audit.verdicts import PAGE, PAGE_SQL  # noqa: E402
from checker.formats.jsonout import result_to_dict  # noqa: E402
from checker.options import CheckOptions  # noqa: E402

OPTIONS = "national@bench|zh|2025-03-01"
STREAM_SQL = "SELECT path, result_json FROM reports WHERE options=? ORDER BY path"


def fill(path: Path, n: int) -> Store:
    """A store of ``n`` rows, each a seed's real result under its own path."""
    seed = sorted((ROOT / "reports").glob("*.txt"))[0]
    result = result_to_dict(check_file(seed, options=CheckOptions(today=dt.date(2025, 3, 1))))
    store = Store(path)
    for i in range(n):
        name = f"corpus/{i:06d}.txt"
        row = {
            "path": name,
            "sha256": f"{i:064x}",
            "status": "ok",
            "is_report": 1,
            "score": result["score"],
            "agency": f"机关{i % 97}",
            "year": 2023,
            "result_json": json.dumps({**result, "path": name}, ensure_ascii=False),
        }
        store.put(row, OPTIONS, "national", "bench", 1, commit=False)
    store.db.commit()
    return store


def paged(store: Store) -> float:
    """Seconds to read every row a page at a time, as the verdicts do."""
    started, last = time.perf_counter(), ""
    while page := store.db.execute(PAGE_SQL, (OPTIONS, last, PAGE)).fetchall():
        last = page[-1][0]
    return time.perf_counter() - started


def streamed(store: Store) -> float:
    """Seconds to stream every row in path order, as the outputs do."""
    started = time.perf_counter()
    for _ in store.db.execute(STREAM_SQL, (OPTIONS,)):
        pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[2000, 10000, 20000])
    args = parser.parse_args()
    runs = []
    header = ("N", "paged, index", "paged, old", "×", "stream, index", "stream, old")
    print("  ".join(f"{h:>{w}}" for h, w in zip(header, (7, 13, 11, 6, 14, 12), strict=True)))
    for n in args.n:
        with tempfile.TemporaryDirectory() as tmp:
            store = fill(Path(tmp) / "audit.sqlite", n)
            try:
                new = (paged(store), streamed(store))
                store.db.execute("DROP INDEX reports_options_path")
                old = (paged(store), streamed(store))
            finally:
                store.close()
        runs.append(
            {"n": n, "paged_s": new[0], "paged_old_s": old[0], "stream_s": new[1], "stream_old_s": old[1]}
        )
        ratio = old[0] / new[0]
        new_s, old_s = (f"{new[0]:>12.3f}s", f"{new[1]:>13.3f}s"), (f"{old[0]:>10.3f}s", f"{old[1]:>11.3f}s")
        print(f"{n:>7}  {new_s[0]}  {old_s[0]}  {ratio:>6.1f}  {new_s[1]}  {old_s[1]}")
    save_record("store-reads", stamped(runs=runs))


if __name__ == "__main__":
    main()
