"""A file's time budget starts when its worker is ready, not when the worker is forked: a worker
that is slow to import and load its pack (a loaded machine) does not time a file out. A worker
that never gets ready is replaced; when none can start, the audit stops with one clear sentence
instead of hanging, and blames no file.

The tests hold a worker's start-up with ``Job.before_start`` (a callable the worker runs before
its imports and pack load; nothing a user can set): ``time.sleep`` for a slow start, ``os._exit``
for a worker dying in start-up."""

from __future__ import annotations

import os
import time
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.audit import pool as pool_module
from checker.audit import worker as worker_module
from checker.audit.pool import WorkersCannotStart
from checker.audit.run import AuditOptions, run_audit
from checker.cli import main
from checker.options import CheckOptions
from tests.audit.corpora import results_of, stored_rows
from tests.conftest import SEEDS

TIMEOUT = 2.0  # a seed takes ~0.07 s to check: far inside, even on a loaded machine
HELD = 3 * TIMEOUT  # longer than the budget: counted against the first files, it times them out


def first_start_hangs(counter: str) -> None:
    """Hang the first worker's start-up for good (counted in ``counter``); later ones start."""
    path = Path(counter)
    starts = int(path.read_text()) + 1 if path.exists() else 1
    path.write_text(str(starts))
    if starts == 1:
        time.sleep(3600)


def workers_doing(monkeypatch, job: pool_module.Job) -> None:
    """Every worker the audit's pool starts runs ``job`` instead of the audit's own."""

    def start(self):
        return pool_module.start_worker(self.context, self.config, job)

    monkeypatch.setattr(pool_module.WorkerPool, "_start", start)


def workers_starting_with(monkeypatch, before_start) -> None:
    job = pool_module.Job(
        worker_module.check_path, pool_module._memory_row, worker_module.internal_row, before_start
    )
    workers_doing(monkeypatch, job)


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for key in ("000", "001", "002", "003"):
        (folder / SEEDS[key].name).write_bytes(SEEDS[key].read_bytes())
    return folder


def _options(lang: str = "zh") -> AuditOptions:
    check = CheckOptions(today=date(2025, 3, 1), lang=lang)
    return AuditOptions(check, jobs=2, timeout=TIMEOUT, progress=False)


def test_a_slow_worker_start_does_not_time_out_its_first_files(folder, tmp_path, monkeypatch):
    workers_starting_with(monkeypatch, partial(time.sleep, HELD))
    summary = run_audit([str(folder)], tmp_path / "out", _options())
    assert summary.statuses == {"ok": 4} and summary.checked == 4

    monkeypatch.undo()  # the same folder, workers starting at once
    run_audit([str(folder)], tmp_path / "whole", _options())
    assert results_of(tmp_path / "out") == results_of(tmp_path / "whole")


def test_a_worker_stuck_in_start_up_is_replaced_and_every_file_checked(folder, tmp_path, monkeypatch):
    counter = tmp_path / "starts"
    workers_starting_with(monkeypatch, partial(first_start_hangs, str(counter)))
    monkeypatch.setattr(pool_module, "STARTUP_LIMIT_S", 1.0)
    options = AuditOptions(CheckOptions(today=date(2025, 3, 1)), jobs=1, timeout=TIMEOUT, progress=False)
    summary = run_audit([str(folder)], tmp_path / "out", options)
    assert counter.read_text() == "2"  # the stuck one, then its replacement
    assert summary.statuses == {"ok": 4} and summary.checked == 4


@pytest.mark.parametrize(
    ("before_start", "lang", "words"),
    [
        (partial(time.sleep, 3600), "zh", "工作进程无法启动（连续 3 个工作进程在 1 秒内未能就绪）"),
        (partial(os._exit, 3), "zh", "工作进程无法启动（连续 3 个工作进程在启动时退出，退出码 3）"),
        (partial(time.sleep, 3600), "en", "Worker processes cannot start (3 workers in a row were not ready"),
    ],
)
def test_workers_that_never_start_stop_the_audit_with_a_clear_error(
    folder, tmp_path, monkeypatch, before_start, lang, words
):
    workers_starting_with(monkeypatch, before_start)
    monkeypatch.setattr(pool_module, "STARTUP_LIMIT_S", 1.0)
    out = tmp_path / "out"
    with pytest.raises(WorkersCannotStart) as stopped:
        run_audit([str(folder)], out, _options(lang))
    assert str(stopped.value).startswith(words), str(stopped.value)
    assert stored_rows(out) == 0  # no file blamed: none was opened

    monkeypatch.undo()  # the machine mended: the same command checks every file
    summary = run_audit([str(folder)], out, _options(lang))
    assert summary.statuses == {"ok": 4} and summary.checked == 4


def test_the_command_says_so_in_one_sentence_and_exits_2(folder, tmp_path, monkeypatch):
    workers_starting_with(monkeypatch, partial(os._exit, 3))
    monkeypatch.setattr(pool_module, "STARTUP_LIMIT_S", 1.0)
    args = ["audit", str(folder), "--out", str(tmp_path / "out"), "--no-progress", "--timeout", "2"]
    stopped = CliRunner().invoke(main, args)
    assert stopped.exit_code == 2, stopped.output
    assert "工作进程无法启动" in stopped.output and "重新运行同一命令即可继续" in stopped.output
    assert stopped.exception is None or isinstance(stopped.exception, SystemExit)


def test_a_worker_killed_before_its_first_task_is_replaced_and_no_file_lost(folder, tmp_path, monkeypatch):
    """The OOM killer or an operator may kill a worker still starting: the task then handed to it
    cannot be sent; it goes to the replacement, and no file is blamed or lost."""
    started = []
    start = pool_module.WorkerPool._start

    def killed_first(self):
        worker = start(self)
        started.append(worker)
        if len(started) == 1:
            worker.process.kill()
            worker.process.join()
        return worker

    monkeypatch.setattr(pool_module.WorkerPool, "_start", killed_first)
    options = AuditOptions(CheckOptions(today=date(2025, 3, 1)), jobs=1, timeout=TIMEOUT, progress=False)
    summary = run_audit([str(folder)], tmp_path / "out", options)
    assert len(started) == 2 and summary.statuses == {"ok": 4} and summary.checked == 4
