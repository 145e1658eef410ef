"""How an audit starts: the files are listed once, and the fork server comes up early."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from checker.audit.run import AuditOptions, run_audit
from checker.cli import main
from checker.options import CheckOptions
from tests.conftest import SEEDS

OPTIONS = AuditOptions(CheckOptions(today=date(2026, 11, 23)), jobs=1, progress=False)


def test_an_audit_checks_the_files_its_caller_listed_without_listing_them_again(tmp_path, monkeypatch):
    listed = tmp_path / SEEDS["000"].name
    listed.write_bytes(SEEDS["000"].read_bytes())
    import checker.run.collect as collect

    def no_second_walk(paths):  # pragma: no cover - called only when the listing is ignored
        raise AssertionError(f"listed again: {paths}")

    monkeypatch.setattr(collect, "collect_paths", no_second_walk)
    summary = run_audit([str(tmp_path / "a folder that is not there")], tmp_path / "out", OPTIONS, [listed])
    assert summary.files == 1 and summary.checked == 1 and summary.statuses == {"ok": 1}


def test_the_audit_command_walks_its_folders_once(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for key in ("000", "001"):
        (folder / SEEDS[key].name).write_bytes(SEEDS[key].read_bytes())
    import checker.run.collect as collect

    walks = []
    real = collect.collect_paths

    def counted(paths, *args, **kwargs):
        walks.append(list(paths))
        return real(paths, *args, **kwargs)

    monkeypatch.setattr(collect, "collect_paths", counted)
    args = ["audit", str(folder), "--out", str(tmp_path / "out"), "-j", "1", "--no-config"]
    result = CliRunner().invoke(main, [*args, "--today", "2026-11-23", "--no-progress"])
    assert result.exit_code in (0, 1), result.output
    assert walks == [[str(folder)]]
    assert (tmp_path / "out" / "results.json").exists()


FORKSERVER_EARLY = """
import sys, time
from multiprocessing import forkserver
from checker.audit.pool import start_forkserver_soon
start_forkserver_soon()
deadline = time.monotonic() + 60
while forkserver._forkserver._forkserver_pid is None and time.monotonic() < deadline:
    time.sleep(0.01)
print(forkserver._forkserver._forkserver_pid, sorted(forkserver._forkserver._preload_modules))
"""


def test_the_fork_server_comes_up_on_its_own_with_the_checker_preloaded():
    done = subprocess.run(
        [sys.executable, "-c", FORKSERVER_EARLY],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    pid, modules = done.stdout.split(" ", 1)
    assert int(pid) > 0
    assert "checker.api" in modules and "rjieba" in modules
    assert done.stderr == ""


FORKSERVER_CTRL_C = """
import os, signal, sys, time
from multiprocessing import forkserver
from checker.audit.pool import WorkerPool, start_forkserver_soon
from checker.audit.worker import WorkerConfig

def masks(pid):
    status = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status").read().splitlines())
    return {name: bool(int(status[name], 16) & 1 << signal.SIGINT - 1) for name in ("SigBlk", "SigIgn")}

start_forkserver_soon()
deadline = time.monotonic() + 60
while forkserver._forkserver._forkserver_pid is None and time.monotonic() < deadline:
    time.sleep(0.001)
server = forkserver._forkserver._forkserver_pid
print("server", masks(server))
os.kill(server, signal.SIGINT)  # Ctrl+C while it still imports the checker
pool = WorkerPool(1, WorkerConfig(), 60.0)
[outcome] = pool.run([sys.argv[1]], keep=True)
print("worker", masks(pool.workers[0].process.pid))
print("outcome", outcome.kind, forkserver._forkserver._forkserver_pid == server)
pool.close()
"""


def test_ctrl_c_while_the_fork_server_starts_is_left_to_the_audit():
    """Ctrl+C reaches the whole process group, the fork server too: while it imported the checker
    (1-2 s on a loaded machine) it died of it with a KeyboardInterrupt traceback, and so did a
    worker caught between its fork and its first line. It is born with SIGINT blocked, so a
    Ctrl+C then is held, and dropped once it ignores SIGINT; its workers ignore it and unblock
    it (their own children start as usual)."""
    done = subprocess.run(
        [sys.executable, "-c", FORKSERVER_CTRL_C, str(SEEDS["000"])],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert done.stderr == "" and done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "server {'SigBlk': True, 'SigIgn': False}"
    assert lines[1] == "worker {'SigBlk': False, 'SigIgn': True}"
    assert lines[2] == "outcome done True"  # the same fork server, alive, started the worker
