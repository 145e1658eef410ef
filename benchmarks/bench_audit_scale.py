"""One ``fzcheck audit`` at the office's scale, measured from outside: wall and CPU time, the peak
memory of the parent and of its workers, the phases, the store and every output's size.

The audit runs in a child process (``bench_audit_phases.audit_phases``, so the phases are timed
as there); this process samples ``/proc`` for the child and all its descendants (forkserver,
workers, workbook helper) every ``--every`` seconds. ``/usr/bin/time -v`` cannot do this: the
workers are the forkserver's children, so their CPU and memory never reach the command's rusage.

    python benchmarks/make_corpus.py 100000 /tmp/c100k --length 2.2
    python benchmarks/bench_audit_scale.py /tmp/c100k /tmp/out100k
    python benchmarks/bench_audit_scale.py /tmp/c100k /tmp/out100k --again   # the finished store
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from records import save_record, stamped

HERE = Path(__file__).resolve().parent
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")
OUTPUTS = ("audit.sqlite", "audit.sqlite-wal", "audit.xlsx", "index.html", "results.json", "results.csv")

CHILD = """
import json, sys
sys.path.insert(0, {here!r})
from pathlib import Path
from bench_audit_phases import audit_phases
marks = audit_phases(Path({corpus!r}), Path({out!r}))
Path({marks!r}).write_text(json.dumps(marks))
"""


def _stat(pid: int) -> tuple[int, float, int] | None:
    """(parent pid, CPU seconds, resident bytes) of ``pid``, None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        with open(f"/proc/{pid}/statm", "rb") as handle:
            resident = int(handle.read().split()[1]) * PAGE
    except (OSError, IndexError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK, resident


class Sampler:
    """The process tree under one pid: each process's last CPU reading and peak memory."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.cpu: dict[int, float] = {}
        self.peak: dict[int, int] = {}
        self.total_peak = 0  # the whole tree's resident memory at its largest sample
        # (wall clock, parent's resident bytes, largest other process's) of every sample: the
        # peaks of each phase are read off it by the phases' marks
        self.timeline: list[tuple[float, int, int]] = []

    def sample(self) -> None:
        stats = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit() and (stat := _stat(int(entry))) is not None:
                stats[int(entry)] = stat
        tree, grew = {self.root}, True
        while grew:
            grew = False
            for pid, (parent, _, _) in stats.items():
                if parent in tree and pid not in tree:
                    tree.add(pid)
                    grew = True
        total = other = 0
        for pid in tree & stats.keys():
            _, cpu, resident = stats[pid]
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), cpu)
            self.peak[pid] = max(self.peak.get(pid, 0), resident)
            total += resident
            if pid != self.root:
                other = max(other, resident)
        self.total_peak = max(self.total_peak, total)
        parent = stats[self.root][2] if self.root in stats else 0
        self.timeline.append((time.time(), parent, other))

    def phase_peaks(self, windows: dict[str, tuple[float, float]]) -> dict[str, dict[str, float]]:
        """Per phase (wall-clock window): the parent's peak and the largest other process's peak
        (during the outputs, the workbook helper; during the check, a worker), in MB."""
        peaks = {}
        for label, (low, high) in windows.items():
            inside = [(parent, other) for moment, parent, other in self.timeline if low <= moment <= high]
            if inside:
                peaks[label] = {
                    "parent_mb": round(max(p for p, _ in inside) / 2**20, 1),
                    "other_mb": round(max(o for _, o in inside) / 2**20, 1),
                }
        return peaks

    def figures(self) -> dict[str, float]:
        others = [pid for pid in self.peak if pid != self.root]
        return {
            "cpu_s": round(sum(self.cpu.values()), 1),
            "parent_cpu_s": round(self.cpu.get(self.root, 0.0), 1),
            "parent_peak_mb": round(self.peak.get(self.root, 0) / 2**20, 1),
            "child_peak_mb": round(max((self.peak[pid] for pid in others), default=0) / 2**20, 1),
            "tree_peak_mb": round(self.total_peak / 2**20, 1),
            "processes": len(self.peak),
        }


def measure(corpus: Path, out: Path, every: float) -> dict:
    marks_file = out.parent / f".{out.name}-marks.json"
    code = CHILD.format(here=str(HERE), corpus=str(corpus), out=str(out), marks=str(marks_file))
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code])
    sampler = Sampler(child.pid)
    while child.poll() is None:
        sampler.sample()
        time.sleep(every)
    wall = time.perf_counter() - started
    marks = json.loads(marks_file.read_text()) if marks_file.exists() else {}
    marks_file.unlink(missing_ok=True)
    phases = {
        "first": marks.get("first_result"),  # none when every file was skipped
        "check": marks["last_result"] - marks["first_result"] if "first_result" in marks else None,
        **{
            label: marks[f"{label}_to"] - marks[f"{label}_from"]
            for label in ("copies", "findings", "verdicts", "outputs")
            if f"{label}_to" in marks
        },
    }
    windows = _windows(marks)
    sizes = {name: (out / name).stat().st_size for name in OUTPUTS if (out / name).exists()}
    return {
        "corpus": str(corpus),
        "files": sum(1 for p in corpus.iterdir() if p.suffix == ".txt"),
        "wall_s": round(wall, 1),
        **sampler.figures(),
        "phases_s": {k: round(v, 2) for k, v in phases.items() if v is not None},
        "phase_peaks": sampler.phase_peaks(windows),
        "sizes_mb": {k: round(v / 2**20, 1) for k, v in sizes.items()},
        "exit": child.returncode,
    }


def _windows(marks: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Each phase's (start, end) on the wall clock, from the marks (seconds since ``epoch``)."""
    epoch = marks.get("epoch")
    if epoch is None:
        return {}
    bounds = {"check": ("first_result", "last_result")} | {
        label: (f"{label}_from", f"{label}_to") for label in ("copies", "findings", "verdicts", "outputs")
    }
    return {
        label: (epoch + marks[low], epoch + marks[high])
        for label, (low, high) in bounds.items()
        if low in marks and high in marks
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--every", type=float, default=0.5, help="seconds between samples")
    parser.add_argument("--label", default="", help="suffix of the record's file name")
    args = parser.parse_args()
    (args.corpus / "manifest.json").unlink(missing_ok=True)  # not a report
    figures = measure(args.corpus, args.out, args.every)
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    save_record("audit-scale", stamped(run=figures), f"-{args.label}" if args.label else "")


if __name__ == "__main__":
    main()
