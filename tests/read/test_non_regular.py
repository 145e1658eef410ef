"""Paths that are not regular files get one error row each, in ``check`` and ``audit``:
never a hang (FIFO), never an unbounded read (/dev/zero behind a symlink), never a missing row."""

from __future__ import annotations

import json
import os
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.audit.run import AuditOptions, run_audit
from checker.cli import main
from checker.options import CheckOptions
from checker.read.regular import NotRegular, TooLarge, read_regular
from tests.conftest import SEEDS

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero need a POSIX system")


@pytest.fixture
def hostile(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "folder.txt").mkdir()
    (folder / "good.txt").write_bytes(SEEDS["000"].read_bytes())
    return {p.name: p for p in folder.iterdir()}


EXPECTED = {"pipe.txt": "命名管道", "zero.txt": "设备文件", "folder.txt": "目录"}


def test_check_gives_each_non_regular_path_an_error_row(hostile):
    started = time.monotonic()
    run = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", *map(str, hostile.values())])
    assert time.monotonic() - started < 30
    rows = {Path(r["path"]).name: r for r in json.loads(run.stdout)["results"]}
    assert set(rows) == set(hostile)
    for name, kind in EXPECTED.items():
        assert rows[name]["error"]["code"] == "not-regular", rows[name]
        assert kind in rows[name]["error"]["message"]
    assert rows["good.txt"]["status"] == "ok"
    assert run.exit_code == 2


def test_a_folder_scan_lists_fifos_and_devices_too(hostile):
    folder = hostile["good.txt"].parent
    run = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", "--lang", "en", str(folder)])
    rows = {Path(r["path"]).name: r for r in json.loads(run.stdout)["results"]}
    assert rows["pipe.txt"]["error"]["message"] == "Not a regular file (a named pipe); skipped."
    assert rows["zero.txt"]["error"]["code"] == "not-regular"
    assert "folder.txt" not in rows  # a folder inside a scanned folder is scanned, not a report


def test_audit_gives_each_non_regular_path_an_error_row(hostile, tmp_path):
    out = tmp_path / "out"
    options = AuditOptions(CheckOptions(today=date(2026, 11, 23)), jobs=1, timeout=20, progress=False)
    started = time.monotonic()
    run_audit([str(p) for p in hostile.values()], out, options)
    again = run_audit([str(p) for p in hostile.values()], out, options)  # the parent hashes stored files
    assert time.monotonic() - started < 120
    rows = {Path(r["path"]).name: r for r in json.loads((out / "results.json").read_text("utf-8"))["results"]}
    assert set(rows) == set(hostile)
    assert {name: rows[name]["error"]["code"] for name in EXPECTED} == dict.fromkeys(EXPECTED, "not-regular")
    assert again.files == 4


@pytest.mark.parametrize("limit", [10, 1000])
def test_the_size_cap_applies_before_reading(tmp_path, limit):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * (limit + 1))
    with pytest.raises(TooLarge):
        read_regular(path, limit)
    assert read_regular(path, limit + 1) == b"x" * (limit + 1)
    with pytest.raises(NotRegular):
        read_regular("/dev/zero", limit)


def test_a_symbolic_link_to_itself_says_so(tmp_path):
    """self.txt -> self.txt: it said the file might be held by another program."""
    from checker.api import check_file

    loop = tmp_path / "self.txt"
    loop.symlink_to("self.txt")
    result = check_file(loop)
    assert result.error is not None and result.error.code == "unreadable"
    assert "符号链接循环" in result.error.message and "占用" not in result.error.message
    assert "leads back to itself" in check_file(loop, lang="en").error.message
