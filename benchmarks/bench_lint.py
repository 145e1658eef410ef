"""Check-only speed in characters per second on one core, against autocorrect's lint and a regex.

On the same texts (the five seeds and generated reports of about half a seed's length, already
decoded), one process times, round by round:

* baseline: one alternation of report keywords searched over each text (``re.findall``);
* autocorrect: ``autocorrect_py.lint_for(text, "txt")`` (a Rust CJK copy linter), when installed;
* fzcheck: ``checker.api.check_text`` — normalise, parse, locate, rules, score.

Prints characters/s and each as a ratio to the baseline. ``pip install autocorrect-py`` for
the comparison; without it the autocorrect row is left out and says so.

    python benchmarks/bench_lint.py --reports 200 --rounds 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from records import save_record, stamped

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KEYWORDS = re.compile("法治政府|依法行政|行政执法|复议|诉讼|普法|合法性审查|存在的问题|下一步")


def texts(generated: int) -> list[str]:
    """The seeds plus ``generated`` reports from ``make_corpus.py`` (seed 7)."""
    sys.path.insert(0, str(HERE))
    from make_corpus import build

    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "reports").glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        build(generated, Path(tmp))
        out += [p.read_text(encoding="utf-8") for p in sorted(Path(tmp).glob("*.txt"))]
    return out


def best_of(function: Callable[[str], object], corpus: list[str], rounds: int) -> float:
    """Fastest of ``rounds`` passes over the corpus, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for text in corpus:
            function(text)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200, help="generated reports besides the seeds")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from checker.api import check_text

    corpus = texts(args.reports)
    chars = sum(map(len, corpus))
    today = dt.date(2025, 3, 1)
    candidates: dict[str, Callable[[str], object]] = {"regex baseline": KEYWORDS.findall}
    try:
        import autocorrect_py

        candidates["autocorrect lint"] = lambda text: autocorrect_py.lint_for(text, "txt")
    except ImportError:
        print("autocorrect-py is not installed: compared against the baseline only")
    candidates["fzcheck check_text"] = lambda text: check_text(text, today=today)
    for function in candidates.values():  # warm: pack loaded, patterns compiled, segmenter loaded
        function(corpus[0])
    seconds = {name: best_of(function, corpus, args.rounds) for name, function in candidates.items()}
    base = seconds["regex baseline"]
    print(f"{len(corpus)} texts, {chars} characters, best of {args.rounds} rounds, one process")
    print(f"{'measure':20} {'M chars/s':>10} {'ms/report':>10} {'× baseline time':>16}")
    for name, value in seconds.items():
        per_report = 1000 * value / len(corpus)
        print(f"{name:20} {chars / value / 1e6:10.2f} {per_report:10.3f} {value / base:16.1f}")
    if "autocorrect lint" in seconds:
        ratio = seconds["autocorrect lint"] / seconds["fzcheck check_text"]
        print(f"fzcheck check_text speed / autocorrect lint speed: {ratio:.2f}")
    record = stamped(
        texts=len(corpus),
        chars=chars,
        seconds=seconds,
        chars_per_s={name: chars / value for name, value in seconds.items()},
    )
    save_record("lint", record)


if __name__ == "__main__":
    main()
