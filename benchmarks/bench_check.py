"""In-process checking speed on the bundled reports, stage by stage, against reading them.

Prints reports/s and characters/s for the whole check and the share of each stage
(read+decode, normalise+parse, locate, rules), each as a ratio to a baseline that only
reads and decodes the same files in the same process. Run: python benchmarks/bench_check.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from functools import partial
from pathlib import Path

from checker.api import analyse_file, error_result
from checker.check.engine import evaluate
from checker.check.locate import locate_elements
from checker.options import CheckOptions
from checker.packs.pack import load_pack
from checker.parse.structure import parse_document
from checker.read import read_path
from checker.run.budget import DEFAULT_BUDGET, run_within

ROOT = Path(__file__).resolve().parent.parent


def _timed(function, rounds: int) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        function()
    return (time.perf_counter() - started) / rounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    files = sorted((ROOT / "reports").glob("*.txt"))
    pack = load_pack("national")
    options = CheckOptions(pack=pack, today=dt.date(2026, 11, 23))
    sources = [read_path(f) for f in files]
    documents = [parse_document(s) for s in sources]
    chars = sum(len(s.text) for s in sources)
    for source, document, file in zip(sources, documents, files, strict=True):  # warm caches
        evaluate(document, source, str(file), options)

    read = _timed(lambda: [read_path(f) for f in files], args.rounds)
    parse = _timed(lambda: [parse_document(s) for s in sources], args.rounds)
    locate = _timed(lambda: [locate_elements(d, pack) for d in documents], args.rounds)
    check = _timed(
        lambda: [evaluate(d, s, str(f), options) for s, d, f in zip(sources, documents, files, strict=True)],
        args.rounds,
    )
    total = read + parse + check
    one_file = _timed(lambda: [analyse_file(f, options=options) for f in files], args.rounds)
    budgeted = _timed(
        lambda: [
            run_within(
                DEFAULT_BUDGET,
                f,
                partial(analyse_file, f, options=options),
                lambda code, details: error_result("", code),
            )
            for f in files
        ],
        args.rounds,
    )
    rows = {
        "read + decode (baseline)": read,
        "normalise + parse": parse,
        "locate elements": locate,
        "locate + rules + score": check,
        "whole check": total,
        "check_file, no budget": one_file,
        "check_file, default budget": budgeted,
    }
    print(f"{len(files)} reports, {chars} characters, {args.rounds} rounds, one process")
    print(f"{'stage':28} {'ms/report':>10} {'× baseline':>11}")
    for name, seconds in rows.items():
        print(f"{name:28} {1000 * seconds / len(files):10.3f} {seconds / read:11.1f}")
    print(f"whole check: {len(files) / total:.0f} reports/s, {chars / total / 1e6:.2f} M characters/s")
    out = ROOT / "benchmarks" / "results" / f"check-{dt.date.today()}.json"
    out.write_text(
        json.dumps(
            {
                "reports": len(files),
                "chars": chars,
                "seconds_per_round": rows,
                "reports_per_s": len(files) / total,
                "chars_per_s": chars / total,
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    print(f"saved {out}")


if __name__ == "__main__":
    main()
