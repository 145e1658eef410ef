"""``fzcheck audit --store postgresql://…``: same rows and resume behaviour as the SQLite store."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.audit.run import AuditOptions, run_audit
from checker.options import CheckOptions
from tests.audit.test_audit import FZCHECK, _make_corpus
from tests.conftest import ROOT, SEEDS
from tests.postgres import create_database, postgres_server

TODAY = "2025-03-01"


@pytest.fixture(scope="module")
def server():
    with postgres_server() as template:
        yield template


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    _make_corpus().build(150, folder, seed=5)
    (folder / "manifest.json").unlink()
    (folder / "zz_empty.txt").write_text("", encoding="utf-8")
    return folder


def _options(store: str | None = None) -> AuditOptions:
    return AuditOptions(CheckOptions(today=date.fromisoformat(TODAY)), jobs=2, progress=False, store=store)


@pytest.fixture(scope="module")
def in_sqlite(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sqlite")
    run_audit([str(corpus)], out, _options())
    return out


def _results(out: Path) -> list[dict]:
    return json.loads((out / "results.json").read_text(encoding="utf-8"))["results"]


def _count(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url) as connection:
            return connection.execute("SELECT count(*) FROM reports").fetchone()[0]
    except psycopg.errors.UndefinedTable:
        return 0


def test_postgres_store_gives_the_sqlite_rows_and_copies(server, corpus, in_sqlite, tmp_path):
    import sqlite3

    import psycopg

    url = create_database(server, "same_rows")
    summary = run_audit([str(corpus)], tmp_path, _options(url))
    assert summary.checked == summary.files == len(_results(in_sqlite))
    assert _results(tmp_path) == _results(in_sqlite)
    query = "SELECT kind, part, a_path, b_path, similarity, shared_json FROM copies ORDER BY 1, 2, 3, 4"
    with psycopg.connect(url) as connection:
        in_postgres = [tuple(row) for row in connection.execute(query)]
    with sqlite3.connect(in_sqlite / "audit.sqlite") as connection:
        assert in_postgres == connection.execute(query).fetchall()
    assert in_postgres
    assert not (tmp_path / "audit.sqlite").exists()
    again = run_audit([str(corpus)], tmp_path, _options(url))
    assert again.checked == 0 and again.skipped == again.files


def test_kill_9_mid_run_then_resume_on_postgres_checks_every_file_once(server, corpus, in_sqlite, tmp_path):
    url = create_database(server, "resume")
    out = tmp_path / "out"
    command = [*FZCHECK, "audit", str(corpus), "--out", str(out), "--store", url, "--jobs", "1"]
    command += ["--today", TODAY, "--no-progress"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while process.poll() is None and _count(url) < 20:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.05)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    files = len(_results(in_sqlite))
    done_before = _count(url)
    assert 0 < done_before < files, "the audit was not interrupted mid-run"
    summary = run_audit([str(corpus)], out, _options(url))
    assert summary.skipped == done_before
    assert summary.checked == files - done_before
    assert _results(out) == _results(in_sqlite)


def test_store_option_takes_only_postgresql_urls(tmp_path):
    from checker.cli import main

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / SEEDS["001"].name).write_bytes(SEEDS["001"].read_bytes())
    result = CliRunner().invoke(main, ["audit", str(folder), "--out", str(tmp_path / "o"), "--store", "x.db"])
    assert result.exit_code == 2 and "postgresql://" in result.output
