"""The store keeps a row's small columns and copy features ahead of its results and texts.

A stored row of a real report is ~16 KB, most of it in overflow pages that SQLite reads in a
chain from the first. Copy detection streams every row's hashes and masks twice; with the
results stored before them, each pass read nearly the whole store (134 MB of a 10,000-report
store), now about a third of it. A store made with the earlier column order still works.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from checker.audit import worker
from checker.audit.apply import doc_stream
from checker.audit.store import Store
from checker.audit.worker import WorkerConfig

REPORTS = sorted((Path(__file__).resolve().parents[2] / "reports").glob("*.txt"))
OPTIONS = "national@1|zh|2025-03-01"
COPIES = 60  # each bundled report stored under this many names: 300 rows
IO = Path("/proc/self/io")


@pytest.fixture(scope="module")
def seed_rows() -> list[dict]:
    """The store rows the audit's workers make of the bundled reports (results, features, texts)."""
    worker.init(WorkerConfig(memory_mb=0))
    rows = [worker.check_path(str(path)) for path in REPORTS]
    assert all(row["hashes"] and row["texts"] for row in rows)
    return rows


def _fill(store: Store, rows: list[dict]) -> None:
    for copy in range(COPIES):
        for row in rows:
            store.put(
                {**row, "path": f"{copy:03d}/{Path(row['path']).name}"},
                OPTIONS,
                "national",
                "1",
                1,
                commit=False,
            )
    store.db.commit()


def _bytes_read() -> int:
    return int(dict(line.split(": ") for line in IO.read_text().splitlines())["rchar"])


@pytest.mark.skipif(not IO.exists(), reason="needs Linux's /proc/self/io to count the bytes read")
def test_the_features_pass_reads_a_fraction_of_the_store(tmp_path, seed_rows):
    path = tmp_path / "audit.sqlite"
    store = Store(path)
    _fill(store, seed_rows)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    size = path.stat().st_size
    store = Store(path)  # a fresh connection: nothing of the file in SQLite's own cache
    try:
        before = _bytes_read()
        docs = list(doc_stream(store, OPTIONS)())
        read = _bytes_read() - before
    finally:
        store.close()
    assert len(docs) == COPIES * len(seed_rows)
    assert all(doc.hashes.size for doc in docs)
    # results and texts are ~80 % of a row: reading past them would read nearly the whole file
    assert read < 0.45 * size, (read, size)


def test_a_store_with_the_earlier_column_order_still_works(tmp_path, seed_rows):
    path = tmp_path / "audit.sqlite"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE reports (path TEXT NOT NULL, options TEXT NOT NULL, pack_id TEXT NOT NULL,"
        " pack_version TEXT NOT NULL, sha256 TEXT, status TEXT NOT NULL, error_code TEXT,"
        " is_report INTEGER NOT NULL DEFAULT 0, score REAL, grade TEXT, agency TEXT, year INTEGER,"
        " base_json TEXT NOT NULL, result_json TEXT NOT NULL, hashes BLOB, masks BLOB, texts BLOB,"
        " seconds REAL, checked_at REAL NOT NULL, run_id INTEGER, PRIMARY KEY (path, options))"
    )
    db.commit()
    db.close()
    store = Store(path)
    try:
        _fill(store, seed_rows[:2])
        docs = list(doc_stream(store, OPTIONS)())
        stored = dict(store.db.execute("SELECT path, result_json FROM reports WHERE options=?", (OPTIONS,)))
    finally:
        store.close()
    assert len(docs) == COPIES * 2
    assert stored[f"000/{Path(seed_rows[0]['path']).name}"] == seed_rows[0]["result_json"]
    assert [doc.hashes.tobytes() for doc in docs[:1]] == [
        next(row["hashes"] for row in seed_rows[:2] if docs[0].path.endswith(Path(row["path"]).name))
    ]
