"""Instructions, not seconds: the work of a check, of an audit worker and of one command.

On a shared two-core machine the same run can take 1.5 × longer a few minutes later, so a gain
of 10–20 % cannot be told from noise by a clock. ``valgrind --tool=callgrind`` counts the
instructions a process executes, the same whatever else the machine is doing. Each figure is
the difference between two runs of this script that differ only in the work measured (start-up,
imports and warm-up cancel out):

* ``check_text``: instructions per character over the seeds and 60 generated reports (seed 7),
  two passes minus none, after one warm pass;
* audit worker: instructions per report of ``checker.audit.worker.check_path`` (read, check,
  copy features, store row) over 150 generated reports, one pass minus none;
* ``fzcheck check`` on a seed: the installed console script, the whole command, with a fresh user
  cache warmed by two runs; and ``python -c "import checker"`` beside it.

Needs valgrind (``apt-get install valgrind``); takes a few minutes.

    python benchmarks/bench_instructions.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from installed import ENV, FZCHECK
from records import save_record, stamped

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = ROOT / "reports" / "000_ff357cf36fec75c2.txt"
_COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(command: list[str], env: dict[str, str] | None = None) -> int:
    """Instructions callgrind counts for ``command`` (its output discarded)."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        cwd=ROOT,
        env=env or ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{done.stderr[-500:]}")
    return int(found.group(1))


def _work(kind: str, passes: int, corpus: str) -> None:
    """The measured work, run inside callgrind: ``passes`` passes after one warm pass."""
    sys.path.insert(0, str(ROOT))
    today = dt.date(2025, 3, 1)
    if kind == "check_text":
        from bench_lint import texts

        from checker.api import check_text

        corpus_texts = texts(60)
        for text in corpus_texts:
            check_text(text, today=today)
        for _ in range(passes):
            for text in corpus_texts:
                check_text(text, today=today)
        print(sum(map(len, corpus_texts)))
        return
    from checker.audit import worker
    from checker.options import CheckOptions

    worker.init(worker.WorkerConfig(check=CheckOptions(today=today)))
    files = sorted(str(p) for p in Path(corpus).glob("*.txt"))[:150]
    for path in files:
        worker.check_path(path)
    for _ in range(passes):
        for path in files:
            worker.check_path(path)
    print(len(files))


def _check_command() -> int:
    """Instructions of the installed ``fzcheck`` on a seed, its user cache fresh and warmed by
    two runs first (what the cache holds changes the count: every pattern other packs and tests
    compiled is read back with the ones a check uses)."""
    command = [FZCHECK, "check", "--today", "2025-03-01", str(SEED)]
    with tempfile.TemporaryDirectory() as cache:
        env = {**ENV, "XDG_CACHE_HOME": cache}
        env.pop("FZCHECK_NO_CACHE", None)
        for _ in range(2):
            subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=False)
        return instructions(command, env)


def _difference(kind: str, passes: int, corpus: str) -> tuple[int, int]:
    """(instructions of ``passes`` passes of ``kind``, the units one pass covers)."""
    me = [sys.executable, str(Path(__file__).resolve()), "--work", kind, "--corpus", corpus]
    counted = subprocess.run([*me, "--passes", "0"], env=ENV, capture_output=True, text=True, check=True)
    units = int(counted.stdout)
    return instructions([*me, "--passes", str(passes)]) - instructions([*me, "--passes", "0"]), units


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", choices=["check_text", "worker"], help=argparse.SUPPRESS)
    parser.add_argument("--passes", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.work:
        _work(args.work, args.passes, args.corpus)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    from make_corpus import build

    with tempfile.TemporaryDirectory() as tmp:
        build(200, Path(tmp))
        text_instructions, chars = _difference("check_text", 2, tmp)
        worker_instructions, reports = _difference("worker", 1, tmp)
    per_char = text_instructions / 2 / chars
    per_report = worker_instructions / reports
    command = _check_command()
    bare = instructions([sys.executable, "-c", "import checker"])
    print(f"check_text             {per_char:12,.0f} instructions per character ({chars:,} characters)")
    print(f"audit worker           {per_report:12,.0f} instructions per report ({reports} reports)")
    ratio = command / bare
    print(f"fzcheck check (seed)   {command:12,} instructions, {ratio:.1f} × import checker ({bare:,})")
    save_record(
        "instructions",
        stamped(
            check_text_per_char=per_char,
            worker_per_report=per_report,
            check_command=command,
            import_checker=bare,
        ),
    )


if __name__ == "__main__":
    main()
