"""Annotating a report against checking it, in the same run (goal: annotate ≤ 2× check).

Run: ``python benchmarks/bench_annotate.py [--repeat N]``. For each seed docx (and seed0
as txt and pdf) prints the median time to check the bytes (``analyse_bytes``: read, parse,
rules) and to annotate them (the same check, then the copy with comments; with ``--fix``
also the tracked changes), and the ratio. The pack is loaded once before timing, as the
web page and a warm command line have it.

As ``timeit`` does, the garbage collector is off while a call is timed and runs between
calls: python-docx's documents are reference cycles, and a collection started inside one
call frees the garbage of the calls before it, so with it on the same collection lands on
whichever call crosses the threshold (in the order check, annotate, annotate --fix, that
was plain annotate, by 5–9 ms per call). ``--gc`` times with the collector on.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.annotate import annotate  # noqa: E402
from checker.api import analyse_bytes  # noqa: E402
from checker.options import CheckOptions  # noqa: E402
from checker.packs.pack import load_pack  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "formats"
FILES = [f"seed{n}.docx" for n in range(5)] + ["seed0.txt", "seed0.pdf"]
GOAL = 2.0


def _timed(action, *args, collect: bool = True, **kwargs) -> float:
    """CPU seconds of one call; with ``collect`` the collector runs before it, not during."""
    if collect:
        gc.collect()
        gc.disable()
    try:
        start = time.process_time()
        action(*args, **kwargs)
        return time.process_time() - start
    finally:
        if collect:
            gc.enable()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--gc", action="store_true", help="leave the garbage collector on while timing")
    args = parser.parse_args()
    collect = not args.gc
    options = CheckOptions(pack=load_pack("national"))
    print(f"{'file':<12} {'check ms':>9} {'annotate ms':>12} {'ratio':>6} {'--fix ms':>9} {'ratio':>6}")
    worst_docx = worst_plain = 0.0
    for name in FILES:
        data = (FIXTURES / name).read_bytes()
        annotate(data, name, options=options, fix=True)  # warm: imports, caches
        if collect:  # what is alive now (modules, the pack) is never scanned again: collections stay short
            gc.collect()
            gc.freeze()
        samples: dict[str, list[float]] = {"check": [], "plain": [], "fix": []}
        for _ in range(args.repeat):  # interleaved, so load from other processes hits all three alike
            samples["check"].append(_timed(analyse_bytes, data, name, collect=collect, options=options))
            samples["plain"].append(_timed(annotate, data, name, collect=collect, options=options))
            samples["fix"].append(_timed(annotate, data, name, collect=collect, options=options, fix=True))
        check, plain, fixed = (statistics.median(samples[k]) for k in ("check", "plain", "fix"))
        if name.endswith(".docx"):
            worst_docx = max(worst_docx, fixed / check)
            worst_plain = max(worst_plain, plain / check)
        print(
            f"{name:<12} {check * 1000:9.1f} {plain * 1000:12.1f} {plain / check:6.2f}"
            f" {fixed * 1000:9.1f} {fixed / check:6.2f}"
        )
    print(
        f"worst docx ratio, CPU time: annotate / check {worst_plain:.2f}, annotate --fix / check"
        f" {worst_docx:.2f} (goal ≤ {GOAL:g})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
