"""A memory row says the file ran out of that budget, not that it cannot be checked: a re-run
given a larger ``--max-memory`` checks it again; the same or a smaller budget keeps the row.
Rows carry the budget they were checked under; a store made before they did still opens and
resumes, in SQLite and in PostgreSQL."""

from __future__ import annotations

import mmap
import sqlite3
from pathlib import Path

import pytest

from checker.audit import pool as pool_module
from checker.audit import worker as worker_module
from checker.audit.run import AuditOptions, run_audit
from checker.audit.store import Store
from tests.audit.corpora import audit_options, results_of
from tests.audit.test_worker_start import workers_doing
from tests.conftest import SEEDS
from tests.postgres import create_database, postgres_server

HUNGRY = "（本行让测试在检查本文件时申请 600 MB 内存）"
HUNGRY_MB = 600


def hungry(path: str) -> dict:
    """The audit's task, but a marked file first maps 600 MB: over a smaller --max-memory the
    worker's real address-space limit refuses it, as it would a report that needs that much."""
    if HUNGRY in Path(path).read_text(encoding="utf-8"):
        try:
            with mmap.mmap(-1, HUNGRY_MB << 20):
                pass
        except OSError as exc:  # ENOMEM: what malloc turns into MemoryError
            raise MemoryError from exc
    return worker_module.check_path(path)


HUNGRY_JOB = pool_module.Job(hungry, pool_module._memory_row, worker_module.internal_row)


@pytest.fixture
def hungry_workers(monkeypatch):
    workers_doing(monkeypatch, HUNGRY_JOB)


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for key in ("001", "002"):
        (folder / SEEDS[key].name).write_bytes(SEEDS[key].read_bytes())
    text = SEEDS["000"].read_text(encoding="utf-8") + "\n" + HUNGRY + "\n"
    (folder / "000_hungry.txt").write_text(text, encoding="utf-8")
    return folder


def _audit(folder: Path, out: Path, memory_mb: int, store: str | None = None) -> tuple[int, str]:
    """Files checked by an audit under ``memory_mb``, and the hungry file's outcome ("ok", or
    the code of its error)."""
    options: AuditOptions = audit_options(memory_mb=memory_mb, store=store)
    summary = run_audit([str(folder)], out, options)
    row = {Path(r["path"]).name: r for r in results_of(out)}["000_hungry.txt"]
    return summary.checked, row["error"]["code"] if row.get("error") else row["status"]


def test_a_rerun_given_more_memory_checks_the_memory_rows_again(folder, tmp_path, hungry_workers):
    out = tmp_path / "out"
    assert _audit(folder, out, 400) == (3, "memory")
    assert _audit(folder, out, 400) == (0, "memory")  # the same budget: the row stands
    assert _audit(folder, out, 300) == (0, "memory")  # a smaller one too
    assert _audit(folder, out, 1500) == (1, "ok")  # more memory: checked again, and it fits
    assert _audit(folder, out, 1500) == (0, "ok")


def _drop_budget_column(path: Path) -> None:
    """Make ``path`` a store as the previous version wrote it: no memory_mb column."""
    db = sqlite3.connect(path)
    db.execute("ALTER TABLE reports DROP COLUMN memory_mb")
    db.commit()
    db.close()


def test_a_store_from_before_budgets_were_stored_opens_and_resumes(folder, tmp_path, hungry_workers):
    out = tmp_path / "out"
    assert _audit(folder, out, 400) == (3, "memory")
    _drop_budget_column(out / "audit.sqlite")
    store = Store(out / "audit.sqlite")  # opening it adds the column, the rows kept
    try:
        rows = store.db.execute("SELECT path, status, memory_mb FROM reports").fetchall()
    finally:
        store.close()
    assert sorted((Path(p).name, s, m) for p, s, m in rows) == [
        ("000_hungry.txt", "memory", None),
        (SEEDS["001"].name, "ok", None),
        (SEEDS["002"].name, "ok", None),
    ]
    # the budget the old row failed under is unknown: it is checked again, once; the rest skipped
    assert _audit(folder, out, 400) == (1, "memory")
    assert _audit(folder, out, 400) == (0, "memory")
    assert _audit(folder, out, 1500) == (1, "ok")


def test_postgres_rows_carry_their_budget_and_an_older_store_resumes(folder, tmp_path, hungry_workers):
    import psycopg

    with postgres_server() as template:
        url = create_database(template, "memory_budget")
        assert _audit(folder, tmp_path / "a", 400, url) == (3, "memory")
        assert _audit(folder, tmp_path / "a", 400, url) == (0, "memory")
        assert _audit(folder, tmp_path / "a", 1500, url) == (1, "ok")

        old = create_database(template, "before_budgets")
        assert _audit(folder, tmp_path / "b", 400, old) == (3, "memory")
        with psycopg.connect(old) as connection:
            connection.execute("ALTER TABLE reports DROP COLUMN memory_mb")
        assert _audit(folder, tmp_path / "b", 400, old) == (1, "memory")  # opened, column added
        assert _audit(folder, tmp_path / "b", 400, old) == (0, "memory")
        assert _audit(folder, tmp_path / "b", 1500, old) == (1, "ok")
