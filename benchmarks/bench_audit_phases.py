"""Where an audit's wall time goes: the moments each phase of ``fzcheck audit`` starts and ends.

Runs the audit command in this process (its workers, fork server and workbook helper are its
children as usual) on a generated corpus, with each phase wrapped by a timer:

* start: from the command's first line to the first result from a worker;
* check: first to last result (the workers' phase; the parent stores rows);
* copies, findings, verdicts, outputs: the phases after checking, which run in the parent
  (copy detection on two threads; the workbook in a helper process from 2,000 reports).

Prints the timeline and writes ``benchmarks/results/audit-phases-<date>.json``.

    python benchmarks/bench_audit_phases.py            # N = 2000, 10000
    python benchmarks/bench_audit_phases.py --n 500    # quick
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from records import save_record, stamped

HERE = Path(__file__).resolve().parent
# after PYTHONPATH, so that PYTHONPATH=<another checkout> measures that checkout's code
sys.path.append(str(HERE.parent))

PHASES = (
    ("checker.audit.apply", "detect_copies", "copies"),
    ("checker.audit.apply", "apply_findings", "findings"),
    ("checker.audit.verdicts", "judge_stored", "verdicts"),
    ("checker.audit.outputs", "write_outputs", "outputs"),
)


@contextlib.contextmanager
def timed_phases(marks: dict[str, float], started: float) -> Iterator[None]:
    """Record in ``marks`` (seconds since ``started``) when each phase begins and ends."""
    import importlib

    import checker.audit.pool as pool

    originals: list[tuple[Any, str, Any]] = []

    def wrap(module: Any, name: str, label: str) -> None:
        original = getattr(module, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            marks[f"{label}_from"] = time.perf_counter() - started
            try:
                return original(*args, **kwargs)
            finally:
                marks[f"{label}_to"] = time.perf_counter() - started

        originals.append((module, name, original))
        setattr(module, name, timed)

    run = pool.WorkerPool.run

    def results(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        for outcome in run(self, *args, **kwargs):
            marks.setdefault("first_result", time.perf_counter() - started)
            yield outcome
        marks["last_result"] = time.perf_counter() - started

    originals.append((pool.WorkerPool, "run", run))
    pool.WorkerPool.run = results  # type: ignore[method-assign]
    for module_name, name, label in PHASES:
        wrap(importlib.import_module(module_name), name, label)
    try:
        yield
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)


def audit_phases(corpus: Path, out: Path) -> dict[str, float]:
    """Run ``fzcheck audit`` on ``corpus`` here; the phase marks and the whole wall time."""
    started = time.perf_counter()
    from checker.cli import main

    marks: dict[str, float] = {"epoch": time.time()}  # the wall clock at ``started``
    args = ["audit", str(corpus), "--out", str(out), "--today", "2025-03-01", "--no-progress"]
    with (
        open(os.devnull, "w") as quiet,
        contextlib.redirect_stdout(quiet),
        contextlib.redirect_stderr(quiet),
        timed_phases(marks, started),
        contextlib.suppress(SystemExit),
    ):
        main(args)
    marks["wall"] = time.perf_counter() - started
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[2000, 10000])
    args = parser.parse_args()
    from make_corpus import build

    runs = []
    columns = (("first", 6), ("check", 6), ("copies", 7), ("findings", 9), ("verdicts", 9), ("outputs", 8))
    print(f"{'N':>7} " + " ".join(f"{name:>{width}}" for name, width in columns) + f" {'wall':>6}")
    for n in args.n:
        with tempfile.TemporaryDirectory() as tmp:
            corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
            build(n, corpus)
            (corpus / "manifest.json").unlink()
            marks = audit_phases(corpus, out)
        spans = {
            "first": marks["first_result"],
            "check": marks["last_result"] - marks["first_result"],
            **{label: marks[f"{label}_to"] - marks[f"{label}_from"] for _, _, label in PHASES},
        }
        runs.append({"n": n, "marks": marks, "seconds": spans, "reports_per_s": n / marks["wall"]})
        cells = " ".join(f"{spans[name]:>{width}.2f}" for name, width in columns)
        print(f"{n:>7} {cells} {marks['wall']:>6.2f}")
    save_record("audit-phases", stamped(runs=runs))


if __name__ == "__main__":
    main()
