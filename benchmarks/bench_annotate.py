"""Annotating a report against checking it, in the same run (goal: annotate ≤ 2× check).

Run: ``python benchmarks/bench_annotate.py [--repeat N]``. For each seed docx (and seed0
as txt and pdf) prints the median time to check the bytes (``analyse_bytes``: read, parse,
rules) and to annotate them (the same check, then the copy with comments; with ``--fix``
also the tracked changes), and the ratio. The pack is loaded once before timing, as the
web page and a warm command line have it.
"""

from __future__ import annotations

import argparse
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


def _timed(action, *args, **kwargs) -> float:
    start = time.process_time()
    action(*args, **kwargs)
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    options = CheckOptions(pack=load_pack("national"))
    print(f"{'file':<12} {'check ms':>9} {'annotate ms':>12} {'ratio':>6} {'--fix ms':>9} {'ratio':>6}")
    worst_docx = 0.0
    for name in FILES:
        data = (FIXTURES / name).read_bytes()
        annotate(data, name, options=options, fix=True)  # warm: imports, caches
        samples: dict[str, list[float]] = {"check": [], "plain": [], "fix": []}
        for _ in range(args.repeat):  # interleaved, so load from other processes hits all three alike
            samples["check"].append(_timed(analyse_bytes, data, name, options=options))
            samples["plain"].append(_timed(annotate, data, name, options=options))
            samples["fix"].append(_timed(annotate, data, name, options=options, fix=True))
        check, plain, fixed = (statistics.median(samples[k]) for k in ("check", "plain", "fix"))
        if name.endswith(".docx"):
            worst_docx = max(worst_docx, fixed / check)
        print(
            f"{name:<12} {check * 1000:9.1f} {plain * 1000:12.1f} {plain / check:6.2f}"
            f" {fixed * 1000:9.1f} {fixed / check:6.2f}"
        )
    print(f"worst docx ratio (annotate --fix / check, CPU time): {worst_docx:.2f} (goal ≤ {GOAL:g})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
