"""Wall time of one ``fzcheck check`` on a seed, against importing the package in the same run.

Three fresh-process timings, interleaved round by round so machine load hits them alike:

* ``python -c "import checker"`` — the floor of any Python command of this package;
* ``fzcheck check <seed>`` — the installed console script, the whole command: imports, pack,
  read, check, text output; with a user cache of its own, warmed by two runs first;
* the ``python -X importtime`` total of that command (the sum of its top-level imports).

Prints medians of wall and CPU time (user + system: steadier on a loaded machine) and their
ratios to the bare import. Byte code is cached as after ``pip install`` (the child processes
run without ``PYTHONDONTWRITEBYTECODE``). Run from the repository:

    python benchmarks/bench_startup.py --runs 15
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from installed import ENV, FZCHECK, run_measured
from records import save_record, stamped

ROOT = Path(__file__).resolve().parent.parent
_IMPORT_LINE = re.compile(r"^import time:\s+\d+ \|\s+(\d+) \| (\S.*)$")


def _timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds user+system) of one run of ``command``."""
    wall, cpu, _ = run_measured(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return wall, cpu


def import_total_s(command: list[str]) -> float:
    """Seconds ``-X importtime`` reports for the top-level imports of ``command``."""
    done = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    total = 0
    for line in done.stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match and not match.group(2).startswith(" "):  # top level: no indentation
            total += int(match.group(1))
    return total / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    seed = str(sorted((ROOT / "reports").glob("*.txt"))[0].relative_to(ROOT))
    bare = [sys.executable, "-c", "import checker"]
    check = [sys.executable, FZCHECK, "check", "--today", "2025-03-01", seed]
    with tempfile.TemporaryDirectory() as cache:
        ENV["XDG_CACHE_HOME"] = cache  # a user cache of this command alone (see bench_instructions)
        ENV.pop("FZCHECK_NO_CACHE", None)
        _timed(check)  # the caches and .pyc files in place, as for any second run
        _timed(check)
        _measure(args.runs, seed, bare, check)


def _measure(runs_wanted: int, seed: str, bare: list[str], check: list[str]) -> None:
    runs: dict[str, list[tuple[float, float]]] = {"import checker": [], "fzcheck check": []}
    imports: list[float] = []
    for _ in range(runs_wanted):
        runs["import checker"].append(_timed(bare))
        runs["fzcheck check"].append(_timed(check))
        imports.append(import_total_s(check))
    wall = {name: statistics.median(w for w, _ in values) for name, values in runs.items()}
    cpu = {name: statistics.median(c for _, c in values) for name, values in runs.items()}
    wall["importtime total"] = statistics.median(imports)  # importtime measures wall time
    base_wall, base_cpu = wall["import checker"], cpu["import checker"]
    print(f"one seed ({seed}), {runs_wanted} interleaved runs, medians (wall and CPU user+system)")
    print(f"{'measure':18} {'wall ms':>8} {'× import':>9} {'CPU ms':>8} {'× import':>9}")
    for name in wall:
        cpu_columns = f"{cpu[name] * 1000:8.1f} {cpu[name] / base_cpu:9.1f}" if name in cpu else ""
        print(f"{name:18} {wall[name] * 1000:8.1f} {wall[name] / base_wall:9.1f} {cpu_columns}")
    record = stamped(
        runs=runs_wanted,
        median_wall_s=wall,
        median_cpu_s=cpu,
        check_over_import_wall=wall["fzcheck check"] / base_wall,
        check_over_import_cpu=cpu["fzcheck check"] / base_cpu,
    )
    save_record("startup", record)


if __name__ == "__main__":
    main()
