"""Memory and CPU of ``fzcheck check`` over a folder, by format, as the folder grows.

For each N (default 300 and 2000) a corpus of seed-sized reports is generated with
``make_corpus.py --length 2.2``; then, through the installed console script, each format is
written for the whole folder (to a file, as CI does) and timed against the baseline of the same
run: ``fzcheck check`` of one of those reports in text. Prints, per format and N, the peak
resident memory of the process (and its ratio to the one-report baseline) and the CPU per
report. A run that keeps every result until the end grows with N; one that writes each result
as it is checked stays flat.

    python benchmarks/bench_check_many.py                  # N = 300, 2000
    python benchmarks/bench_check_many.py --sizes 300 10000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import ENV, FZCHECK
from records import save_record, stamped

HERE = Path(__file__).resolve().parent
FORMATS = ("text", "json", "sarif", "junit", "markdown", "github")
TODAY = "2025-03-01"


def measured(command: list[str]) -> tuple[float, float, int]:
    """(wall s, CPU s, peak resident MB) of one run of ``command``, its output thrown away."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if process.returncode not in (0, 1, 2):
        raise SystemExit(f"{command[:4]}… exited {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 2000])
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for n in args.sizes:
            corpus = Path(scratch) / f"c{n}"
            subprocess.run(
                [sys.executable, str(HERE / "make_corpus.py"), str(n), str(corpus), "--length", "2.2"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            one = str(sorted(corpus.glob("*.txt"))[0])
            base_command = [FZCHECK, "check", "--no-config", "--today", TODAY, one]
            measured(base_command)  # caches and byte code in place
            _, base_cpu, base_peak = measured(base_command)
            for name in args.formats:
                out = str(Path(scratch) / f"out.{name}")
                command = [FZCHECK, "check", "--no-config", "--today", TODAY, "--format", name, "-o", out]
                wall, cpu, peak = measured([*command, str(corpus)])
                rows.append(
                    {
                        "n": n,
                        "format": name,
                        "wall_s": round(wall, 2),
                        "cpu_ms_per_report": round(cpu / n * 1000, 2),
                        "peak_mb": peak,
                        "baseline_peak_mb": base_peak,
                        "peak_vs_baseline": round(peak / base_peak, 2),
                        "baseline_cpu_s": round(base_cpu, 3),
                    }
                )
                row = rows[-1]
                print(
                    f"N={n:>6} {name:<9} peak {peak:>5} MB ({row['peak_vs_baseline']:.2f} × one report's "
                    f"{base_peak} MB)  CPU {row['cpu_ms_per_report']:.2f} ms a report  wall {wall:.1f} s"
                )
    save_record("check-many", stamped(today=TODAY, rows=rows))


if __name__ == "__main__":
    main()
