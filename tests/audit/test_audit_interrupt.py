"""Ctrl+C or SIGTERM in the middle of an audit: one sentence saying the results are kept and how
to go on, the shell's exit code for the signal (130, 143), no traceback; the same command then
finishes with exactly the rows of an uninterrupted audit."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from checker.audit.run import run_audit
from checker.audit.store import Store
from tests.audit.corpora import (
    TODAY,
    audit_options,
    audited,
    corpus_folder,
    results_of,
    signal_when,
    stored_rows,
)
from tests.conftest import FZCHECK


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return corpus_folder(tmp_path_factory.mktemp("corpus"), 300, seed=5)


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory) -> Path:
    return audited(corpus, tmp_path_factory.mktemp("whole"))


@pytest.mark.parametrize(
    ("signum", "group", "code", "lang", "words"),
    [
        (
            signal.SIGINT,
            True,
            130,
            "zh",
            "审查已中断。已检查的结果都已保存，重新运行同一命令即可从中断处继续",
        ),
        (signal.SIGTERM, False, 143, "zh", "审查已中断。已检查的结果都已保存"),
    ],
)
def test_a_stopped_audit_says_so_and_the_rerun_finishes_it(
    corpus, uninterrupted, tmp_path, signum, group, code, lang, words
):
    out = tmp_path / "out"
    command = [*FZCHECK, "--lang", lang, "audit", str(corpus), "--out", str(out), "--jobs", "1"]
    command += ["--today", TODAY, "--no-progress"]
    stopped = signal_when(command, lambda: stored_rows(out) >= 20, poll=0.02, signum=signum, group=group)
    assert stopped.returncode == code, stopped.stderr
    assert words in stopped.stderr and "Traceback" not in stopped.stderr, stopped.stderr
    files = len(results_of(uninterrupted))
    kept = stored_rows(out)
    assert 0 < kept < files, "the audit was not stopped mid-run"
    assert not (out / "results.json").exists()

    summary = run_audit([str(corpus)], out, audit_options())
    assert summary.skipped == kept and summary.checked == files - kept
    assert results_of(out) == results_of(uninterrupted)


def test_rows_left_unread_when_the_store_closes_are_dropped_quietly(uninterrupted):
    """An interrupt leaves a stream of rows half read; it is dropped after the store closed."""
    store = Store(uninterrupted / "audit.sqlite")
    key = store.db.execute("SELECT options FROM reports LIMIT 1").fetchone()[0]
    rows = store.rows(key, "path")
    assert next(rows)["path"]
    store.close()
    rows.close()  # raised sqlite3.ProgrammingError ("Cannot operate on a closed database")
