"""Per-file time and memory budget of ``fzcheck check`` (checker/run/budget.py).

The limits are parameters: tiny budgets keep the tests fast and make the overrun certain
(a real check of a seed report takes far more than a millisecond).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.api import check_file, error_result
from checker.cli import main
from checker.run.budget import Budget, risky, run_within
from tests.conftest import SEEDS, seed_text


def failure(path: Path, code: str, details: dict[str, object]):
    return error_result(str(path), code, "zh", **details)


def big_report(tmp_path: Path, megabytes: float) -> Path:
    """A real report repeated to ``megabytes`` (over the in-process size threshold)."""
    text = seed_text("000")
    path = tmp_path / "big.txt"
    path.write_text(text * (int(megabytes * 1024 * 1024) // len(text.encode()) + 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("in_process_bytes", [10**9, 0], ids=["in-process", "child"])
def test_a_real_check_over_its_time_budget_is_a_timeout_row(in_process_bytes):
    path = SEEDS["000"]
    budget = Budget(timeout=0.001, memory_mb=0, in_process_bytes=in_process_bytes)
    assert risky(path, budget) == (in_process_bytes == 0)
    result = run_within(budget, path, partial(check_file, path), partial(failure, path))
    assert result.status == "error" and result.error.code == "timeout"
    assert "0.001 秒" in result.error.message


@pytest.mark.parametrize("in_process_bytes", [10**9, 0], ids=["in-process", "child"])
def test_a_hang_is_stopped_at_the_deadline(in_process_bytes):
    path = SEEDS["000"]

    def hang():
        time.sleep(60)

    started = time.monotonic()
    result = run_within(Budget(0.3, 0, in_process_bytes), path, hang, partial(failure, path))
    assert result.error.code == "timeout"
    assert time.monotonic() - started < 10


def test_within_budget_the_result_is_the_same_in_and_out_of_process():
    path = SEEDS["001"]
    direct = check_file(path)
    for in_process_bytes in (10**9, 0):
        budget = Budget(60, 2048, in_process_bytes)
        assert run_within(budget, path, partial(check_file, path), partial(failure, path)) == direct


@pytest.mark.parametrize("memory_mb", [64, 256])
def test_a_child_over_its_memory_budget_is_a_memory_row(memory_mb):
    path = SEEDS["000"]

    def hog():
        return bytearray(2 * 1024 * 1024 * 1024)

    result = run_within(Budget(30, memory_mb, 0), path, hog, partial(failure, path))
    assert result.error.code == "memory"
    assert f"{memory_mb} MB" in result.error.message


def test_check_prints_the_over_budget_file_and_checks_the_others(tmp_path):
    big = big_report(tmp_path, 8)  # over 2 MB: checked in a child with the memory limit
    # A fresh process: a forked child may reuse memory its parent freed, which a long test
    # session has plenty of; the command as users run it has not.
    command = [sys.executable, "-m", "checker", "check", "--no-config", "--format", "json"]
    run = subprocess.run(
        [*command, "--max-memory", "48", str(big), str(SEEDS["000"])],
        capture_output=True,
        text=True,
        timeout=300,
    )
    rows = {Path(r["path"]).name: r for r in json.loads(run.stdout)["results"]}
    assert rows["big.txt"]["error"]["code"] == "memory"
    assert "48 MB" in rows["big.txt"]["error"]["message"]
    assert rows[SEEDS["000"].name]["status"] == "ok"
    assert run.returncode == 2  # a file could not be checked


def test_timeout_rows_in_english(tmp_path):
    big = big_report(tmp_path, 2.5)
    args = ["check", "--no-config", "--format", "json", "--lang", "en", "--timeout", "0.001"]
    run = CliRunner().invoke(main, [*args, str(big), str(SEEDS["000"])])
    rows = json.loads(run.stdout)["results"]
    assert [r["error"]["code"] for r in rows] == ["timeout", "timeout"]
    assert rows[0]["error"]["message"] == "Timed out after 0.001 s; skipped."


def test_default_budget_is_documented():
    run = CliRunner().invoke(main, ["check", "--help"])
    assert "--timeout" in run.stdout and "--max-memory" in run.stdout
    assert "30" in run.stdout and "1024" in run.stdout
