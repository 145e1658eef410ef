"""How ``fzcheck check`` grows with the size of a document, shape by shape.

Each shape is a document no real report looks like, but a merged file, a converted table or a
hostile upload might: the bundled reports' paragraphs copied over and over with a tenth of
their characters changed, one long line, random characters, tens of thousands of headings,
nested headings, one-character lines, citations, tab-separated cells. Each is written at two
sizes (default 250,000 and 1,000,000 characters) and checked by the installed console script
as a user runs it (over 2 MB in a child process under the 30-second budget of a file).

For each, the CPU seconds of the check, the same as a ratio to reading, decoding and searching
the file with the standard library in a fresh interpreter (the baseline), and the growth
exponent between the sizes: 1.0 is linear; a step quadratic in the document shows as ~2 (or
as a ``timeout`` row). Writes ``benchmarks/results/scaling-<date>.json``.

    python benchmarks/bench_scaling.py
    python benchmarks/bench_scaling.py --sizes 100000 400000 --shapes headings one-line
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from installed import FZCHECK, run_measured
from records import save_record, stamped

ROOT = Path(__file__).resolve().parent.parent
TITLE = "关于2024年法治政府建设情况的报告"
NUMERALS = "一二三四五六七八九十"
BASELINE = (
    "import re, sys; t = open(sys.argv[1], 'rb').read().decode('utf-8');"
    " len(re.findall('法治政府|依法行政|存在的问题|下一步', t))"
)


def _han(rng: random.Random, n: int) -> str:
    return "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(n))


def _lines(make: Callable[[random.Random, int], str], chars: int, rng: random.Random) -> str:
    out, total = [TITLE], 0
    while total < chars:
        line = make(rng, len(out))
        out.append(line)
        total += len(line) + 1
    return "\n".join(out)


def _seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted((ROOT / "reports").glob("*.txt")):
        paragraphs += [line for line in path.read_text(encoding="utf-8").splitlines() if len(line) > 30]
    return paragraphs


def _near_copy(paragraphs: list[str]) -> Callable[[random.Random, int], str]:
    def make(rng: random.Random, _: int) -> str:
        line = rng.choice(paragraphs)
        return "".join(c if rng.random() > 0.1 else chr(rng.randint(0x4E00, 0x9FFF)) for c in line)

    return make


def _nested(rng: random.Random, i: int) -> str:
    n, m = NUMERALS[i % 10], i % 9 + 1
    return f"{n}、{_han(rng, 6)}\n（{n}）{_han(rng, 6)}\n{m}.{_han(rng, 6)}\n（{m}）{_han(rng, 20)}。"


SHAPES: dict[str, Callable[[int, random.Random], str]] = {
    "near-copies": lambda chars, rng: _lines(_near_copy(_seed_paragraphs()), chars, rng),
    "one-line": lambda chars, rng: TITLE + "\n" + _han(rng, chars),
    "random-paragraphs": lambda chars, rng: _lines(lambda r, _: _han(r, 200) + "。", chars, rng),
    "headings": lambda chars, rng: _lines(lambda r, i: f"{NUMERALS[i % 10]}、{_han(r, 8)}", chars, rng),
    "nested-headings": lambda chars, rng: _lines(_nested, chars, rng),
    "short-lines": lambda chars, rng: _lines(lambda r, _: _han(r, 1), chars, rng),
    "citations": lambda chars, rng: _lines(
        lambda r, i: f"依据《{_han(r, 6)}条例》和《中华人民共和国{_han(r, 4)}法》第{i}条", chars, rng
    ),
    "tab-cells": lambda chars, rng: _lines(lambda r, _: "\t".join(_han(r, 3) for _ in range(8)), chars, rng),
}


def _cpu(command: list[str]) -> tuple[float, bytes]:
    """(CPU seconds, user + system, of ``command`` and its children; its standard output)."""
    _, seconds, done = run_measured(command, cwd=ROOT, capture_output=True)
    return seconds, done.stdout


def measure(shape: str, chars: int, folder: Path) -> dict:
    """One shape at one size: check CPU, baseline CPU, the result's status and findings."""
    path = folder / f"{shape}-{chars}.txt"
    path.write_text(SHAPES[shape](chars, random.Random(chars)), encoding="utf-8")
    baseline, _ = _cpu([sys.executable, "-c", BASELINE, str(path)])
    check = [FZCHECK, "check", "--no-config", "--format", "json", "--today", "2025-03-01", str(path)]
    seconds, out = _cpu(check)
    (result,) = json.loads(out)["results"]
    status = result["status"] if result["status"] == "ok" else result["error"]["code"]
    return {
        "chars": chars,
        "check_cpu_s": round(seconds, 3),
        "baseline_cpu_s": round(baseline, 3),
        "ratio": round(seconds / baseline, 1),
        "status": status,
        "findings": len(result.get("findings", [])),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs=2, default=(250_000, 1_000_000), metavar=("SMALL", "LARGE")
    )
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    args = parser.parse_args()
    small, large = args.sizes
    rows = {}
    header = ("shape", "size", "check s", "× base", "status", "findings", "growth")
    print("{:18} {:>9} {:>8} {:>7} {:>8} {:>8} {:>7}".format(*header))
    with tempfile.TemporaryDirectory() as folder:
        for shape in args.shapes:
            runs = [measure(shape, chars, Path(folder)) for chars in (small, large)]
            exponent = math.log(runs[1]["check_cpu_s"] / runs[0]["check_cpu_s"]) / math.log(large / small)
            rows[shape] = {"runs": runs, "growth_exponent": round(exponent, 2)}
            for run, grown in zip(runs, ("", f"{exponent:.2f}"), strict=True):
                print(
                    f"{shape:18} {run['chars']:>9,} {run['check_cpu_s']:8.2f} {run['ratio']:7.1f}"
                    f" {run['status']:>8} {run['findings']:8,} {grown:>7}"
                )
    save_record("scaling", stamped(sizes=[small, large], shapes=rows))


if __name__ == "__main__":
    main()
