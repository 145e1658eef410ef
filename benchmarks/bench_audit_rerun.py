"""What a re-run of ``fzcheck audit`` costs against the first run: with nothing new, and with one
report changed.

For each N (default 2000 and 10000) a corpus is generated with ``make_corpus.py``, audited into a
fresh folder (first), audited again with no file changed (rerun: the copy pairs and the outputs
are current and kept), then once more after one report was edited (one changed: that report is
checked, copy detection and the outputs are redone). Each run is the installed ``fzcheck audit``
as a user runs it. Prints the seconds and the ratios to the first run, and writes
``benchmarks/results/audit-rerun-<date>.json``.

    python benchmarks/bench_audit_rerun.py              # N = 2000, 10000
    python benchmarks/bench_audit_rerun.py --n 500      # quick
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from installed import FZCHECK, run_measured
from records import save_record, stamped

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def audit_seconds(corpus: Path, out: Path) -> float:
    """Wall seconds of one ``fzcheck audit`` of ``corpus`` into ``out`` (exit 0 or 1: gates)."""
    command = [FZCHECK, "audit", str(corpus), "--out", str(out), "--today", "2025-03-01", "--no-progress"]
    wall, _, done = run_measured(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode not in (0, 1):
        raise SystemExit(f"audit failed ({done.returncode}): {done.stderr.decode(errors='replace')[-800:]}")
    return wall


def measure(n: int) -> dict[str, float]:
    """First run, unchanged re-run and one-changed re-run of a corpus of ``n`` reports."""
    from make_corpus import build

    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        build(n, corpus)
        (corpus / "manifest.json").unlink()
        first = audit_seconds(corpus, out)
        rerun = audit_seconds(corpus, out)
        report = sorted(corpus.glob("*.txt"))[n // 2]
        report.write_text(report.read_text(encoding="utf-8") + "\n附件：无。\n", encoding="utf-8")
        one_changed = audit_seconds(corpus, out)
    return {"first": first, "rerun": rerun, "one_changed": one_changed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[2000, 10000])
    args = parser.parse_args()
    runs = []
    print(f"{'N':>7} {'first':>7} {'rerun':>7} {'ratio':>6} {'1 changed':>10} {'ratio':>6}")
    for n in args.n:
        seconds = measure(n)
        ratio, changed_ratio = seconds["rerun"] / seconds["first"], seconds["one_changed"] / seconds["first"]
        runs.append({"n": n, "seconds": seconds, "rerun_ratio": ratio, "one_changed_ratio": changed_ratio})
        print(
            f"{n:>7} {seconds['first']:>7.2f} {seconds['rerun']:>7.2f} {ratio:>6.3f}"
            f" {seconds['one_changed']:>10.2f} {changed_ratio:>6.3f}"
        )
    save_record("audit-rerun", stamped(runs=runs))


if __name__ == "__main__":
    main()
