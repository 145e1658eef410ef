"""The audit's SQLite store (WAL): one row per file and option set, committed in short batches.

A row is keyed by (path, options) where ``options`` names the rule pack, its version and
the language/date settings, so a re-run skips files whose content hash and options are
unchanged, and a run killed at any moment resumes without losing or repeating anything.
``base_json`` is the single-file result; ``result_json`` adds the cross-report copy
findings and is rewritten by every copy-detection pass.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

from checker.audit.pgstore import PgConnection, is_url

# reports_options_path serves every read of one audit's rows in path order (the verdicts' pages,
# the outputs' streams). Without it SQLite took reports_agency_year and sorted all the audit's
# rows, whole results included, for each page of 500: 1.1-1.9 s at 10,000 reports, growing with
# the square of the corpus; with it, 0.13 s.
# Columns are stored in this order, and a row of a seed-sized report is ~16 KB, most of it
# in overflow pages that SQLite reads in a chain from the first. So the small columns come
# first, then what copy detection streams twice (hashes, masks), then the results every output
# reads, then what only a few rows are asked for (texts, for the quotes of copied passages).
# With the JSON before the hashes, the features pass read 134 MB of a 10,000-report store;
# in this order, 47 MB. A store made with the earlier order keeps it and still works: every
# statement names its columns.
# memory_mb is the memory budget (--max-memory, 0: none) a row was checked under; a store made
# before it existed gets it added (empty) when opened (:data:`ADDED_COLUMNS`).
SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    path TEXT NOT NULL,
    options TEXT NOT NULL,
    pack_id TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    sha256 TEXT,
    status TEXT NOT NULL,
    error_code TEXT,
    is_report INTEGER NOT NULL DEFAULT 0,
    score REAL,
    grade TEXT,
    agency TEXT,
    year INTEGER,
    seconds REAL,
    memory_mb INTEGER,
    checked_at REAL NOT NULL,
    run_id INTEGER,
    hashes BLOB,
    masks BLOB,
    result_json TEXT NOT NULL,
    base_json TEXT NOT NULL,
    texts BLOB,
    PRIMARY KEY (path, options)
);
CREATE INDEX IF NOT EXISTS reports_agency_year ON reports (options, agency, year);
CREATE INDEX IF NOT EXISTS reports_options_path ON reports (options, path);
CREATE TABLE IF NOT EXISTS copies (
    options TEXT NOT NULL,
    kind TEXT NOT NULL,
    part TEXT NOT NULL,
    a_path TEXT NOT NULL,
    b_path TEXT NOT NULL,
    similarity REAL NOT NULL,
    similarity_b REAL NOT NULL,
    shared_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS copy_inputs (
    options TEXT PRIMARY KEY,
    digest TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS copy_features (
    options TEXT NOT NULL,
    path TEXT NOT NULL,
    version REAL NOT NULL,
    rarity TEXT NOT NULL,
    record BLOB NOT NULL,
    PRIMARY KEY (options, path)
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    options TEXT NOT NULL,
    started REAL NOT NULL,
    finished REAL,
    files INTEGER,
    checked INTEGER,
    skipped INTEGER
);
"""

COLUMNS = (
    "path",
    "sha256",
    "status",
    "error_code",
    "is_report",
    "score",
    "grade",
    "agency",
    "year",
    "result_json",
    "hashes",
    "masks",
    "texts",
    "seconds",
    "memory_mb",
)

# Columns later versions added, with their type: opening an older store adds them, empty.
ADDED_COLUMNS = {"memory_mb": "INTEGER"}


_ALL = (*COLUMNS, "base_json", "options", "pack_id", "pack_version", "checked_at", "run_id")
_INSERT = f"INTO reports ({', '.join(_ALL)}) VALUES ({', '.join('?' * len(_ALL))})"
_UPSERT = {
    "sqlite": f"INSERT OR REPLACE {_INSERT}",
    "postgresql": f"INSERT {_INSERT} ON CONFLICT (path, options) DO UPDATE SET "
    + ", ".join(f"{c} = EXCLUDED.{c}" for c in _ALL if c not in ("path", "options")),
}


class Store:
    """Thin wrapper over the connection; ``put`` commits unless the caller batches (``commit=False``)."""

    def __init__(self, path: Path | str) -> None:
        """``path``: the SQLite file, or a ``postgresql://`` URL (:mod:`checker.audit.pgstore`)."""
        self.path = path
        self.db: Any
        if is_url(path):
            self.dialect = "postgresql"
            self.db = PgConnection(str(path))
            return
        self.dialect = "sqlite"
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        present = {row[1] for row in self.db.execute("PRAGMA table_info(reports)")}
        for column, kind in ADDED_COLUMNS.items():
            if column not in present:
                self.db.execute(f"ALTER TABLE reports ADD COLUMN {column} {kind}")
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    def known_hashes(self, options: str) -> dict[str, str | None]:
        """path → sha256 of the rows already stored under ``options``."""
        rows = self.db.execute("SELECT path, sha256 FROM reports WHERE options=?", (options,))
        return dict(rows.fetchall())

    def timed_out_under(self, options: str, timeout: float) -> list[str]:
        """Paths whose row is a timeout under a shorter time budget than ``timeout`` (0: none).

        A timeout row's ``seconds`` is the budget it ran out of; under a longer one the file may
        well finish, so a re-run given more time checks it again instead of keeping the row."""
        budget = float("inf") if timeout <= 0 else timeout
        rows = self.db.execute(
            "SELECT path FROM reports WHERE options=? AND status='timeout' AND seconds < ?", (options, budget)
        )
        return [path for (path,) in rows.fetchall()]

    def out_of_memory_under(self, options: str, memory_mb: int) -> list[str]:
        """Paths whose row ran out of a smaller memory budget than ``memory_mb`` (0: none).

        Under a larger budget the file may well be checked, so a re-run given more memory checks
        it again instead of keeping the row. A row from a store made before budgets were stored
        has none recorded: it is checked again too, once, and then carries its budget."""
        budget = float("inf") if memory_mb <= 0 else memory_mb
        rows = self.db.execute(
            "SELECT path, memory_mb FROM reports WHERE options=? AND status='memory'", (options,)
        )
        return [path for path, failed in rows.fetchall() if failed is None or 0 < failed < budget]

    def forget(self, options: str, paths: list[str]) -> int:
        """Drop the rows of ``paths`` under ``options`` (files gone since the last run)."""
        self.db.executemany("DELETE FROM reports WHERE options=? AND path=?", [(options, p) for p in paths])
        self.db.commit()
        return len(paths)

    def copies_made_from(self, options: str) -> str | None:
        """The digest of the inputs the stored copy pairs of ``options`` were detected from
        (:func:`checker.audit.current.copy_inputs`); None when unknown."""
        row = self.db.execute("SELECT digest FROM copy_inputs WHERE options=?", (options,)).fetchone()
        return None if row is None else str(row[0])

    def note_copies_made_from(self, options: str, digest: str | None) -> None:
        """Record ``digest`` (None: unknown) for the copy pairs of ``options``; in the caller's
        transaction, the one that stores the pairs, so that pairs and digest are never out of step."""
        if digest is None:
            self.db.execute("DELETE FROM copy_inputs WHERE options=?", (options,))
            return
        self.db.execute(
            "INSERT INTO copy_inputs (options, digest) VALUES (?, ?)"
            " ON CONFLICT (options) DO UPDATE SET digest = EXCLUDED.digest",
            (options, digest),
        )

    def start_run(self, options: str, files: int) -> int:
        returning = " RETURNING id" if self.dialect == "postgresql" else ""
        cursor = self.db.execute(
            "INSERT INTO runs (options, started, files) VALUES (?, ?, ?)" + returning,
            (options, time.time(), files),
        )
        self.db.commit()
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, checked: int, skipped: int) -> None:
        self.db.execute(
            "UPDATE runs SET finished=?, checked=?, skipped=? WHERE id=?",
            (time.time(), checked, skipped, run_id),
        )
        self.db.commit()

    def put(
        self,
        row: dict[str, Any],
        options: str,
        pack_id: str,
        pack_version: str,
        run_id: int,
        commit: bool = True,
    ) -> None:
        """Insert or replace one file's row (base and current result start equal)."""
        values = [row.get(c) for c in COLUMNS]
        self.db.execute(
            _UPSERT[self.dialect],
            [*values, row["result_json"], options, pack_id, pack_version, time.time(), run_id],
        )
        if commit:
            self.db.commit()

    def rows(
        self, options: str, columns: str = "*", where: str = "", order: str = "path"
    ) -> Iterator[sqlite3.Row]:
        cursor = self.db.cursor()
        cursor.row_factory = sqlite3.Row
        sql = f"SELECT {columns} FROM reports WHERE options=? {where} ORDER BY {order}"
        # not ``yield from``: it would close the cursor when the generator is dropped, and after an
        # interrupt the store is closed first ("Cannot operate on a closed database" on the terminal)
        for row in cursor.execute(sql, (options,)):  # noqa: UP028
            yield row

    def count(self, options: str) -> int:
        return self.db.execute("SELECT count(*) FROM reports WHERE options=?", (options,)).fetchone()[0]


def load_result(raw: str) -> dict[str, Any]:
    """A stored ``result_json`` as a dict. msgspec reads it a quarter faster than ``json`` (the
    outputs and the verdicts read every row); what msgspec refuses goes to ``json``."""
    try:
        data: dict[str, Any] = msgspec.json.decode(raw)
    except (msgspec.DecodeError, UnicodeEncodeError):  # a NaN; a lone surrogate in a file name
        data = json.loads(raw)
    return data
