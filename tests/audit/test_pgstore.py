"""``fzcheck audit --store postgresql://…``: same rows and resume behaviour as the SQLite store."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.audit.run import AuditOptions, run_audit
from tests.audit.corpora import (
    COPIES_QUERY,
    TODAY,
    audit_options,
    audited,
    copies_of,
    corpus_folder,
    kill_9_when,
    results_of,
)
from tests.conftest import FZCHECK, SEEDS
from tests.postgres import create_database, postgres_server


@pytest.fixture(scope="module")
def server():
    with postgres_server() as template:
        yield template


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    # large enough that one commit interval (0.5 s) of a one-worker audit is a fraction of it
    return corpus_folder(tmp_path_factory.mktemp("corpus"), 600, seed=5, broken_docx=False)


def _options(store: str | None = None) -> AuditOptions:
    return audit_options(store=store)


@pytest.fixture(scope="module")
def in_sqlite(corpus, tmp_path_factory) -> Path:
    return audited(corpus, tmp_path_factory.mktemp("sqlite"))


def _count(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url) as connection:
            return connection.execute("SELECT count(*) FROM reports").fetchone()[0]
    except psycopg.errors.UndefinedTable:
        return 0


def _book(out: Path) -> dict[str, bytes]:
    """audit.xlsx's parts but docProps (which carry the time it was written)."""
    with zipfile.ZipFile(out / "audit.xlsx") as book:
        return {name: book.read(name) for name in book.namelist() if not name.startswith("docProps")}


def test_postgres_store_gives_the_sqlite_rows_and_copies(server, corpus, in_sqlite, tmp_path):
    import psycopg

    url = create_database(server, "same_rows")
    summary = run_audit([str(corpus)], tmp_path, _options(url))
    assert summary.checked == summary.files == len(results_of(in_sqlite))
    assert results_of(tmp_path) == results_of(in_sqlite)
    with psycopg.connect(url) as connection:
        in_postgres = [tuple(row) for row in connection.execute(COPIES_QUERY)]
    assert in_postgres == copies_of(in_sqlite)
    assert in_postgres
    assert not (tmp_path / "audit.sqlite").exists()
    assert _book(tmp_path) == _book(in_sqlite)  # the workbook's passes read Postgres as they read SQLite
    again = run_audit([str(corpus)], tmp_path, _options(url))
    assert again.checked == 0 and again.skipped == again.files


def test_kill_9_mid_run_then_resume_on_postgres_checks_every_file_once(server, corpus, in_sqlite, tmp_path):
    url = create_database(server, "resume")
    out = tmp_path / "out"
    command = [*FZCHECK, "audit", str(corpus), "--out", str(out), "--store", url, "--jobs", "1"]
    command += ["--today", TODAY, "--no-progress"]
    kill_9_when(command, lambda: _count(url) >= 20, poll=0.05)
    files = len(results_of(in_sqlite))
    done_before = _count(url)
    assert 0 < done_before < files, "the audit was not interrupted mid-run"
    summary = run_audit([str(corpus)], out, _options(url))
    assert summary.skipped == done_before
    assert summary.checked == files - done_before
    assert results_of(out) == results_of(in_sqlite)


def test_store_option_takes_only_postgresql_urls(tmp_path):
    from checker.cli import main

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / SEEDS["001"].name).write_bytes(SEEDS["001"].read_bytes())
    result = CliRunner().invoke(main, ["audit", str(folder), "--out", str(tmp_path / "o"), "--store", "x.db"])
    assert result.exit_code == 2 and "postgresql://" in result.output
