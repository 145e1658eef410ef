"""fzcheck audit end to end: resume after kill -9, per-file time budget, outputs, skipping."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from checker.audit.run import AuditOptions, run_audit
from checker.options import CheckOptions
from tests.audit.corpora import (
    HOSTILE,
    TODAY,
    audit_options,
    audited,
    corpus_folder,
    kill_9_when,
    results_of,
    slow_pack,
    stored_rows,
)
from tests.conftest import FZCHECK, ROOT, SEEDS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return corpus_folder(tmp_path_factory.mktemp("corpus"), 400, seed=3)


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory) -> Path:
    return audited(corpus, tmp_path_factory.mktemp("whole"))


def test_kill_9_mid_run_then_resume_checks_every_file_exactly_once(corpus, uninterrupted, tmp_path):
    out = tmp_path / "out"
    command = [
        *FZCHECK,
        "audit",
        str(corpus),
        "--out",
        str(out),
        "--jobs",
        "1",
        "--today",
        TODAY,
        "--no-progress",
    ]
    kill_9_when(command, lambda: stored_rows(out) >= 20, poll=0.02)
    files = len(results_of(uninterrupted))
    done_before = stored_rows(out)
    assert 0 < done_before < files, "the audit was not interrupted mid-run"
    assert not (out / "results.json").exists()

    summary = run_audit(
        [str(corpus)],
        out,
        audit_options(),
    )
    assert summary.skipped == done_before
    assert summary.checked == files - done_before
    resumed = results_of(out)
    assert len({r["path"] for r in resumed}) == len(resumed) == files
    assert resumed == results_of(uninterrupted)


def test_rerun_skips_unchanged_files_and_rechecks_changed_ones(corpus, uninterrupted):
    summary = run_audit(
        [str(corpus)],
        uninterrupted,
        audit_options(),
    )
    assert summary.checked == 0 and summary.skipped == summary.files


def test_unreadable_files_are_error_rows_and_the_rest_is_checked(uninterrupted):
    results = {Path(r["path"]).name: r for r in results_of(uninterrupted)}
    assert results["zz_empty.txt"]["status"] == "error"
    assert results["zz_empty.txt"]["error"]["code"] == "empty"
    assert results["zz_broken.docx"]["status"] == "error"
    assert sum(r["status"] == "ok" for r in results.values()) == len(results) - 2


def test_results_equal_fzcheck_check_json(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in SEEDS.values():
        (folder / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    run_audit(
        [str(folder)],
        out,
        audit_options(),
    )
    checked = subprocess.run(
        [*FZCHECK, "check", str(folder), "--format", "json", "--today", TODAY],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    expected = json.loads(checked.stdout)
    audited = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert audited["tool"] == expected["tool"]
    assert audited["results"] == expected["results"]
    csv_lines = (out / "results.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(csv_lines) == 1 + len(SEEDS)


def test_a_file_over_the_time_budget_is_recorded_as_timeout(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "000_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    for key in ("001", "002", "003"):
        (folder / SEEDS[key].name).write_bytes(SEEDS[key].read_bytes())
    pack = slow_pack(tmp_path)
    out = tmp_path / "out"
    options = AuditOptions(
        CheckOptions(pack=str(pack), today=date.fromisoformat(TODAY)), jobs=1, timeout=5, progress=False
    )
    summary = run_audit([str(folder)], out, options)
    results = {Path(r["path"]).name: r for r in results_of(out)}
    assert results["000_hostile.txt"]["status"] == "error"
    assert results["000_hostile.txt"]["error"]["code"] == "timeout"
    assert summary.statuses == {"ok": 3, "timeout": 1}
    assert all(results[SEEDS[k].name]["status"] == "ok" for k in ("001", "002", "003"))
    again = run_audit([str(folder)], out, options)
    assert again.skipped == 4 and again.checked == 0  # the killed task's row kept the file's hash


def test_a_rerun_given_more_time_checks_the_timed_out_files_again(tmp_path):
    """A timeout row says the file ran out of that budget, not that it cannot be checked: a
    re-run with a longer --timeout checks it again; one with the same or a shorter keeps it."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "000_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / SEEDS["001"].name).write_bytes(SEEDS["001"].read_bytes())
    pack = slow_pack(tmp_path)
    out = tmp_path / "out"

    def audit(timeout: float):
        check = CheckOptions(pack=str(pack), today=date.fromisoformat(TODAY))
        summary = run_audit([str(folder)], out, AuditOptions(check, jobs=1, timeout=timeout, progress=False))
        message = {Path(r["path"]).name: r for r in results_of(out)}["000_hostile.txt"]["error"]["message"]
        return summary.checked, summary.statuses, message

    assert audit(0.5) == (2, {"ok": 1, "timeout": 1}, "处理超时（超过 0.5 秒），已跳过。")
    assert audit(1.5) == (1, {"ok": 1, "timeout": 1}, "处理超时（超过 1.5 秒），已跳过。")  # more time
    assert audit(1.5)[0] == 0 and audit(0.5)[0] == 0  # the same or less: the row stands
