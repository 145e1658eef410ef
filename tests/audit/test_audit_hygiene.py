"""Audit store hygiene: deleted files leave every output, one audit per --out folder,
orphaned workers exit quietly after ``kill -9`` of the audit."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.audit.lock import AuditLocked, audit_lock
from checker.audit.run import AuditOptions, run_audit
from checker.cli import main
from checker.options import CheckOptions
from tests.conftest import REPORTS, SEEDS

OPTIONS = AuditOptions(CheckOptions(today=date(2026, 11, 23)), jobs=1, progress=False)


def folder_of_seeds(tmp_path: Path, keys=("000", "001", "002")) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for key in keys:
        (folder / SEEDS[key].name).write_bytes(SEEDS[key].read_bytes())
    return folder


def test_a_deleted_file_leaves_the_store_and_every_output(tmp_path):
    folder, out = folder_of_seeds(tmp_path), tmp_path / "out"
    first = run_audit([str(folder)], out, OPTIONS)
    assert first.files == 3 and sum(first.statuses.values()) == 3
    (folder / SEEDS["001"].name).unlink()
    second = run_audit([str(folder)], out, OPTIONS)
    assert second.pruned == 1 and second.skipped == 2
    assert second.files == sum(second.statuses.values()) == 2
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))["results"]
    assert sorted(Path(r["path"]).name for r in results) == sorted(SEEDS[k].name for k in ("000", "002"))
    with open(out / "results.csv", encoding="utf-8-sig") as handle:
        assert not any(SEEDS["001"].name in ",".join(row) for row in csv.reader(handle))
    db = sqlite3.connect(out / "audit.sqlite")
    try:
        assert db.execute("SELECT count(*) FROM reports").fetchone()[0] == 2
    finally:
        db.close()
    assert SEEDS["001"].name not in (out / "index.html").read_text(encoding="utf-8")


HOLD = (
    "import sys, time\nfrom pathlib import Path\nfrom checker.audit.lock import audit_lock\n"
    "with audit_lock(Path(sys.argv[1])):\n    print('held', flush=True)\n    time.sleep(60)\n"
)


def hold_lock(out: Path) -> subprocess.Popen:
    """Another process holding the output folder's lock (as a running audit does)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


@pytest.mark.parametrize("lang, words", [("zh", "另一个审查"), ("en", "Another audit")])
def test_a_second_audit_on_the_same_out_is_refused_with_a_clear_message(tmp_path, lang, words):
    folder, out = folder_of_seeds(tmp_path, ("000",)), tmp_path / "out"
    holder = hold_lock(out)
    try:
        with pytest.raises(AuditLocked):
            run_audit([str(folder)], out, OPTIONS)
        args = ["audit", str(folder), "--out", str(out), "--lang", lang, "--no-progress"]
        run = CliRunner().invoke(main, args)
        assert run.exit_code == 2 and words in run.output and str(holder.pid) in run.output
        assert "Traceback" not in run.output and not (out / "results.json").exists()
    finally:
        holder.kill()
        holder.wait()
    # a lock left by a killed holder does not block: the kernel released it
    assert run_audit([str(folder)], out, OPTIONS).files == 1
    with audit_lock(out), audit_lock(out):  # re-entrant within one process (CLI around run_audit)
        assert run_audit([str(folder)], out, OPTIONS).files == 1


def test_orphaned_workers_exit_quietly_after_kill_9(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(60):  # enough work that the kill lands mid-run
        for report in sorted(REPORTS.glob("*.txt")):
            (folder / f"{i:02d}_{report.name}").write_bytes(report.read_bytes())
    out = tmp_path / "out"
    command = [sys.executable, "-m", "checker", "audit", str(folder), "--out", str(out), "--jobs", "2"]
    process = subprocess.Popen([*command, "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if (out / "audit.sqlite").exists():
            with contextlib.suppress(sqlite3.Error):
                db = sqlite3.connect(out / "audit.sqlite", timeout=5)
                try:
                    if db.execute("SELECT count(*) FROM reports").fetchone()[0] >= 10:
                        break
                finally:
                    db.close()
        time.sleep(0.05)
    assert process.poll() is None, "the audit finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    # stderr reaches end of file only when every process holding it (workers, fork server) is gone
    _, stderr = process.communicate(timeout=60)
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text and "Error" not in text, text


def test_a_file_name_that_is_not_utf8_gets_its_row_and_is_skipped_when_unchanged(tmp_path):
    """Such a name reaches Python as lone surrogates, which SQLite text cannot hold: the report is
    stored and listed under its name with the stray bytes written \\xNN, and resumes like any other."""
    folder, out = folder_of_seeds(tmp_path, keys=("000",)), tmp_path / "out"
    odd = os.fsdecode(os.fsencode(str(folder)) + b"/\xff\xfe" + "名.txt".encode())
    Path(odd).write_bytes(SEEDS["001"].read_bytes())
    first = run_audit([str(folder)], out, OPTIONS)
    assert (first.files, first.checked, first.statuses) == (2, 2, {"ok": 2})
    paths = [row["path"] for row in json.loads((out / "results.json").read_text(encoding="utf-8"))["results"]]
    assert paths == sorted([str(folder / SEEDS["000"].name), str(folder) + "/\\xff\\xfe名.txt"])
    again = run_audit([str(folder)], out, OPTIONS)
    assert (again.checked, again.skipped, again.pruned) == (0, 2, 0)
