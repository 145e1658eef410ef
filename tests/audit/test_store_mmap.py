"""The store reads its file through a memory mapping, not one read call per page."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path

import pytest

from checker.api import analyse_file
from checker.audit.features import extract
from checker.audit.store import MMAP_BYTES, Store
from checker.audit.worker import row_for
from checker.options import CheckOptions
from tests.conftest import ROOT

PROC_IO = Path("/proc/self/io")


def _read_calls() -> int:
    """Read system calls (read, pread, …) this process has made so far (Linux)."""
    for line in PROC_IO.read_text().splitlines():
        if line.startswith("syscr:"):
            return int(line.split()[1])
    raise AssertionError("no syscr line in /proc/self/io")


def _fill(db: Path, copies: int) -> int:
    """Store every seed ``copies`` times under different names, as an audit would."""
    options = CheckOptions(today=dt.date(2025, 3, 1))
    store = Store(db)
    rows = 0
    try:
        for seed in sorted((ROOT / "reports").glob("*.txt")):
            analysis = analyse_file(seed, options=options)
            assert analysis.document is not None and analysis.loci is not None
            row = row_for(analysis.result, extract(analysis.document, analysis.loci), 0.01)
            for n in range(copies):
                store.put({**row, "path": f"{n:03d}-{seed.name}"}, "opts", "national", "1", 1, commit=False)
                rows += 1
        store.db.commit()
    finally:
        store.close()  # the last connection checkpoints the WAL into the file
    return rows


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts read calls in /proc/self/io (Linux)")
def test_reading_every_stored_result_back_makes_almost_no_read_calls(tmp_path):
    db = tmp_path / "audit.sqlite"
    rows = _fill(db, 30)
    sql = "SELECT path, result_json, hashes, masks, texts FROM reports ORDER BY path"
    store = Store(db)
    try:
        assert store.db.execute("PRAGMA mmap_size").fetchone()[0] == MMAP_BYTES
        before = _read_calls()
        read = store.db.execute(sql).fetchall()
        mapped_calls = _read_calls() - before
    finally:
        store.close()
    plain = sqlite3.connect(db)  # what the store did before: a read call for every page
    try:
        before = _read_calls()
        assert plain.execute(sql).fetchall() == read
        page_calls = _read_calls() - before
    finally:
        plain.close()
    assert len(read) == rows == 150
    assert page_calls > rows  # a stored result and its features span more than a page
    assert mapped_calls < rows // 5, (mapped_calls, page_calls)
