"""What the end-to-end audit tests share: a generated corpus with hostile files, the options
they audit it with, and how they read an audit's results and copies back."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from checker.audit.run import AuditOptions, run_audit
from checker.options import CheckOptions
from tests.conftest import ROOT

TODAY = "2025-03-01"
# seed 000 with a line a slow pack's rule backtracks on for ~10^10 steps: it never finishes
HOSTILE = (
    (ROOT / "reports" / "000_ff357cf36fec75c2.txt").read_text(encoding="utf-8") + "\n" + "a" * 64 + "!\n"
)
COPIES_QUERY = "SELECT kind, part, a_path, b_path, similarity, shared_json FROM copies ORDER BY 1, 2, 3, 4"


def make_corpus():
    """``benchmarks/make_corpus.py`` as a module."""
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    return module


def fresh_copy(pristine: Path, folder: Path) -> Path:
    """``folder`` made a copy of the corpus in ``pristine`` (a test that edits files edits this)."""
    folder.mkdir()
    for file in sorted(pristine.iterdir()):
        (folder / file.name).write_bytes(file.read_bytes())
    return folder


def corpus_folder(folder: Path, reports: int, seed: int, broken_docx: bool = True) -> Path:
    """``reports`` generated reports in ``folder``, plus an empty file and (``broken_docx``) a
    docx that is no zip: every audit must give those an error row and check the rest."""
    make_corpus().build(reports, folder, seed=seed)
    (folder / "manifest.json").unlink()
    (folder / "zz_empty.txt").write_text("", encoding="utf-8")
    if broken_docx:
        (folder / "zz_broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return folder


def audit_options(**extra) -> AuditOptions:
    """Two workers, no progress bar, the fixed 'today' of these tests."""
    return AuditOptions(CheckOptions(today=date.fromisoformat(TODAY)), jobs=2, progress=False, **extra)


def audited(corpus: Path, out: Path, **extra) -> Path:
    """``out`` after an audit of ``corpus`` with :func:`audit_options` (``extra`` added)."""
    run_audit([str(corpus)], out, audit_options(**extra))
    return out


def kill_9_when(command: list[str], enough: Callable[[], bool], poll: float) -> None:
    """Run the audit ``command`` and ``kill -9`` it as soon as ``enough()`` (or when it ends)."""
    signal_when(command, enough, poll, signal.SIGKILL)


def signal_when(
    command: list[str], enough: Callable[[], bool], poll: float, signum: int, group: bool = False
) -> subprocess.CompletedProcess:
    """Run the audit ``command`` in a session of its own and send it ``signum`` as soon as
    ``enough()`` (or when it ends); ``group``: to its whole process group, as Ctrl+C in a terminal
    does. Returns the exit status and stderr once it has ended."""
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        while process.poll() is None and not enough():
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=poll)
    finally:
        with contextlib.suppress(ProcessLookupError):
            (os.killpg if group else os.kill)(process.pid, signum)
        _, stderr = process.communicate()
    return subprocess.CompletedProcess(command, process.returncode, "", stderr)


def slow_pack(folder: Path) -> Path:
    """A pack with a rule whose pattern backtracks polynomially on :data:`HOSTILE` (64 a's split
    8 ways: ~10^10 steps); it passes the load-time analysis, which refuses only the exponential
    shapes such as (a+)+$, so only the time budget stops it."""
    pack = folder / "slow.yaml"
    pack.write_text(
        "id: slow\nversion: '1'\nextends: national\nrules:\n"
        "  - id: catastrophic\n    element: signature\n    type: forbidden\n    severity: info\n"
        "    weight: 1\n    params: {patterns: ['a*a*a*a*a*a*a*a*b'], scope: document}\n"
        "    message: 回溯\n    suggestion: 无\n    basis: {source: 测试}\n",
        encoding="utf-8",
    )
    return pack


def stored_rows(out: Path) -> int:
    """How many result rows ``out/audit.sqlite`` holds so far (0 before the store or its table
    exists; the file is not created by asking)."""
    if not (out / "audit.sqlite").exists():
        return 0
    db = sqlite3.connect(out / "audit.sqlite", timeout=30)
    try:
        return db.execute("SELECT count(*) FROM reports").fetchone()[0]
    except sqlite3.OperationalError:  # the table is not created yet
        return 0
    finally:
        db.close()


def results_of(out: Path) -> list[dict]:
    """The result rows of ``out/results.json``."""
    return json.loads((out / "results.json").read_text(encoding="utf-8"))["results"]


def copies_of(out: Path) -> list[tuple]:
    """The copy pairs of ``out/audit.sqlite``, in a fixed order."""
    with sqlite3.connect(out / "audit.sqlite") as db:
        return db.execute(COPIES_QUERY).fetchall()
