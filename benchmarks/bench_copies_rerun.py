"""Copy detection on a finished audit's store: a first detection, then a re-run after one report
changed, in wall and CPU seconds and the parent's peak memory, in this process.

The store is copied first (the audit's folder is left alone). "One changed" rewrites one row's
``checked_at`` (as storing a re-checked file does): with the second pass's cache
(:mod:`checker.audit.featurecache`) only that report is worked out again; code without it redoes
everything. Run it with ``PYTHONPATH`` set to another checkout to compare two commits on the
same store in the same minutes; the pairs found are compared with ``--same-as``'s.

    python benchmarks/make_corpus.py 10000 /tmp/c10k --length 2.2
    fzcheck audit /tmp/c10k --out /tmp/o10k --today 2025-03-01
    python benchmarks/bench_copies_rerun.py /tmp/o10k
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

from records import save_record, stamped

HERE = Path(__file__).resolve().parent
PAGE = os.sysconf("SC_PAGE_SIZE")


class Peak:
    """This process's resident memory at its largest, sampled every few milliseconds."""

    def __init__(self) -> None:
        self.bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            with open("/proc/self/statm", "rb") as handle:
                self.bytes = max(self.bytes, int(handle.read().split()[1]) * PAGE)
            time.sleep(0.003)

    def __enter__(self) -> Peak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def detect(store, key: str, pack, workdir: Path) -> tuple[dict[str, float], list]:
    """One detection: seconds (wall, CPU), peak MB, and the pairs found."""
    from checker.audit.apply import detect_copies

    wall, cpu = time.perf_counter(), time.process_time()
    with Peak() as peak:
        pairs = detect_copies(store, key, pack, workdir)
    figures = {
        "wall_s": round(time.perf_counter() - wall, 2),
        "cpu_s": round(time.process_time() - cpu, 2),
        "peak_mb": round(peak.bytes / 2**20, 1),
    }
    return figures, pairs


def measure(out: Path) -> dict:
    from checker.audit.run import options_key
    from checker.audit.store import Store
    from checker.options import CheckOptions

    options = CheckOptions(pack="national", lang="zh", today=date(2025, 3, 1))
    pack = options.rule_pack()
    key = options_key(pack.label, options)
    with tempfile.TemporaryDirectory(dir=out.parent) as scratch:
        folder = Path(scratch)
        shutil.copy(out / "audit.sqlite", folder / "audit.sqlite")
        store = Store(folder / "audit.sqlite")
        try:
            first, pairs = detect(store, key, pack, folder)
            with store.db:
                middle = store.db.execute(
                    "SELECT path FROM reports WHERE options=? AND status='ok' ORDER BY path LIMIT 1 OFFSET ?",
                    (key, store.count(key) // 2),
                ).fetchone()[0]
                store.db.execute(
                    "UPDATE reports SET checked_at = checked_at + 1 WHERE options=? AND path=?", (key, middle)
                )
            changed, again = detect(store, key, pack, folder)
        finally:
            store.close()
    if again != pairs:
        raise SystemExit("the re-run found other pairs than the first detection")
    return {"pairs": len(pairs), "first": first, "one_changed": changed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="a finished audit's folder (its audit.sqlite)")
    parser.add_argument("--label", default="", help="suffix of the record's file name")
    args = parser.parse_args()
    import checker

    figures = measure(args.out) | {"code": str(Path(checker.__file__).parent.parent)}
    print(json.dumps(figures, indent=1))
    save_record("copies-rerun", stamped(run=figures), f"-{args.label}" if args.label else "")


if __name__ == "__main__":
    sys.path.append(str(HERE.parent))  # after PYTHONPATH: another checkout's code is measured
    main()
