"""A worker killed under a task from outside (an operator's ``kill -9``, the OOM killer choosing
it for another program's memory) does not make that file an error row for good: the task is
tried once more on the fresh worker; a file that kills its worker again is recorded."""

from __future__ import annotations

import os
import signal
from datetime import date
from pathlib import Path

import pytest

from checker.audit import pool as pool_module
from checker.audit import worker as worker_module
from checker.audit.run import AuditOptions, run_audit
from checker.options import CheckOptions
from tests.audit.corpora import results_of
from tests.conftest import SEEDS

OPTIONS = AuditOptions(CheckOptions(today=date(2025, 3, 1)), jobs=1, progress=False)
KILLED_ONCE = "（本行让测试在检查本文件时杀死工作进程一次）"
KILLED_ALWAYS = "（本行让测试在每次检查本文件时杀死工作进程）"


def _attempts(path: str) -> Path:
    """Where a worker counts its attempts at ``path`` (beside the audited folder, not in it)."""
    return Path(path).parent.parent / "attempts" / Path(path).name


def killed_from_outside(path: str) -> dict:
    """The audit's task, but the worker is SIGKILLed at a marked file (once, or every time)."""
    text = Path(path).read_text(encoding="utf-8")
    counter = _attempts(path)
    tries = int(counter.read_text()) + 1 if counter.exists() else 1
    counter.write_text(str(tries))
    if KILLED_ALWAYS in text or (KILLED_ONCE in text and tries == 1):
        os.kill(os.getpid(), signal.SIGKILL)
    return worker_module.check_path(path)


KILLING_JOB = pool_module.Job(killed_from_outside, pool_module._memory_row, worker_module.internal_row)


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "attempts").mkdir()
    for key in ("000", "001", "002", "003"):
        (folder / SEEDS[key].name).write_bytes(SEEDS[key].read_bytes())
    return folder


@pytest.fixture
def killing_workers(monkeypatch):
    def start(self):
        return pool_module.start_worker(self.context, self.config, KILLING_JOB)

    monkeypatch.setattr(pool_module.WorkerPool, "_start", start)


def mark(folder: Path, key: str, line: str) -> str:
    """Seed ``key`` with ``line`` added at its end; returns its name."""
    name = f"marked_{SEEDS[key].name}"
    (folder / name).write_text(SEEDS[key].read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")
    return name


def test_a_worker_killed_once_under_a_file_leaves_no_error_row(
    folder, tmp_path, monkeypatch, killing_workers
):
    name = mark(folder, "001", KILLED_ONCE)
    summary = run_audit([str(folder)], tmp_path / "out", OPTIONS)
    assert (tmp_path / "attempts" / name).read_text() == "2"  # killed, then checked on a fresh worker
    assert summary.statuses == {"ok": 5} and summary.checked == 5

    monkeypatch.undo()  # the same folder, no worker killed
    whole = tmp_path / "whole"
    run_audit([str(folder)], whole, OPTIONS)
    assert results_of(tmp_path / "out") == results_of(whole)


def test_a_file_that_kills_its_worker_twice_is_recorded_once(folder, tmp_path, killing_workers):
    name = mark(folder, "002", KILLED_ALWAYS)
    summary = run_audit([str(folder)], tmp_path / "out", OPTIONS)
    assert (tmp_path / "attempts" / name).read_text() == "2"  # tried twice, then recorded
    assert summary.statuses == {"ok": 4, "memory": 1}
    results = {Path(r["path"]).name: r for r in results_of(tmp_path / "out")}
    assert results[name]["error"]["code"] == "memory"
    assert all(r["status"] == "ok" for n, r in results.items() if n != name)
