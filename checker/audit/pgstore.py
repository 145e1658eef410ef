"""The audit store on PostgreSQL (psycopg 3), for a team sharing one store.

Callers speak the SQLite store's dialect (``?`` placeholders, ``with store.db:`` for a
transaction, rows readable by position and by column name); :class:`PgConnection` is the
thin facade that translates it, so every query stays written once. Paths and option keys
use the ``C`` collation so ``ORDER BY path`` gives SQLite's byte order and the outputs come
out in the same order. Large ``SELECT``s that are iterated run in a server-side cursor, so
streaming every report's shingles (copy detection) does not load them all at once.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    path TEXT COLLATE "C" NOT NULL,
    options TEXT COLLATE "C" NOT NULL,
    pack_id TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    sha256 TEXT,
    status TEXT NOT NULL,
    error_code TEXT,
    is_report INTEGER NOT NULL DEFAULT 0,
    score DOUBLE PRECISION,
    grade TEXT,
    agency TEXT COLLATE "C",
    year INTEGER,
    base_json TEXT NOT NULL,
    result_json TEXT NOT NULL,
    hashes BYTEA,
    masks BYTEA,
    texts BYTEA,
    seconds DOUBLE PRECISION,
    memory_mb INTEGER,
    checked_at DOUBLE PRECISION NOT NULL,
    run_id INTEGER,
    PRIMARY KEY (path, options)
);
CREATE INDEX IF NOT EXISTS reports_agency_year ON reports (options, agency, year);
CREATE INDEX IF NOT EXISTS reports_options_path ON reports (options, path);
CREATE TABLE IF NOT EXISTS copies (
    options TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    part TEXT COLLATE "C" NOT NULL,
    a_path TEXT COLLATE "C" NOT NULL,
    b_path TEXT COLLATE "C" NOT NULL,
    similarity DOUBLE PRECISION NOT NULL,
    similarity_b DOUBLE PRECISION NOT NULL,
    shared_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS copy_inputs (
    options TEXT COLLATE "C" PRIMARY KEY,
    digest TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS copy_features (
    options TEXT COLLATE "C" NOT NULL,
    path TEXT COLLATE "C" NOT NULL,
    version DOUBLE PRECISION NOT NULL,
    rarity TEXT NOT NULL,
    record BYTEA NOT NULL,
    PRIMARY KEY (options, path)
);
CREATE TABLE IF NOT EXISTS runs (
    id SERIAL PRIMARY KEY,
    options TEXT NOT NULL,
    started DOUBLE PRECISION NOT NULL,
    finished DOUBLE PRECISION,
    files INTEGER,
    checked INTEGER,
    skipped INTEGER
)
"""
# Columns later versions added, with their type: opening an older store adds them, empty.
ADDED_COLUMNS = {"memory_mb": "INTEGER"}

_NAMES = itertools.count()


class PgMissing(RuntimeError):
    """``--store postgresql://…`` without psycopg installed."""


def psycopg_available() -> bool:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return False
    return True


def is_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def _translate(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


class Row(tuple):
    """A result row readable by position and by column name, like ``sqlite3.Row``."""

    names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row.names = names
        return row

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self.names)


class PgCursor:
    """Runs a statement when its rows are asked for: fetched at once, or streamed when iterated."""

    def __init__(self, connection: PgConnection) -> None:
        self.connection = connection
        self.row_factory: Any = None  # accepted for sqlite3 compatibility; rows are always Row
        self.lastrowid: int | None = None
        self._pending: tuple[str, Sequence[Any]] | None = None
        self._rows: list[Row] | None = None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> PgCursor:
        if sql.lstrip().upper().startswith("SELECT"):
            self._pending = (_translate(sql), tuple(params))
            return self
        with self.connection.raw.cursor() as cursor:
            cursor.execute(_translate(sql), tuple(params))
            if cursor.description:
                self._rows = _rows(cursor, cursor.fetchall())
                if self._rows and len(self._rows[0]) == 1:
                    self.lastrowid = self._rows[0][0]
        return self

    def _fetch(self) -> list[Row]:
        if self._rows is None and self._pending is not None:
            sql, params = self._pending
            with self.connection.raw.cursor() as cursor:
                cursor.execute(sql, params)
                self._rows = _rows(cursor, cursor.fetchall())
        return self._rows or []

    def fetchone(self) -> Row | None:
        rows = self._fetch()
        return rows.pop(0) if rows else None

    def fetchall(self) -> list[Row]:
        rows, self._rows = self._fetch(), []
        return rows

    def __iter__(self) -> Iterator[Row]:
        if self._rows is not None or self._pending is None:
            yield from self.fetchall()
            return
        sql, params = self._pending
        self._pending = None
        with self.connection.raw.cursor(name=f"fz{next(_NAMES)}", withhold=True) as cursor:
            cursor.itersize = 500
            cursor.execute(sql, params)
            names: dict[str, int] | None = None
            for values in cursor:
                if names is None:
                    names = {column.name: i for i, column in enumerate(cursor.description or ())}
                yield Row(values, names)


def _rows(cursor: Any, values: Iterable[Sequence[Any]]) -> list[Row]:
    names = {column.name: i for i, column in enumerate(cursor.description or ())}
    return [Row(v, names) for v in values]


class PgConnection:
    """The subset of ``sqlite3.Connection`` the audit uses, on a psycopg connection."""

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise PgMissing() from exc
        self.raw = psycopg.connect(url)
        self.execute("SET client_min_messages TO warning")
        for statement in SCHEMA.split(";"):
            self.execute(statement)
        self._add_columns()
        self.commit()

    def _add_columns(self) -> None:
        """Add to a store made by an earlier version the columns it lacks. Asked first, so that
        opening a current store takes no table lock another audit's reads would wait on."""
        present = {
            row[0]
            for row in self.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = 'reports'"
            ).fetchall()
        }
        for column, kind in ADDED_COLUMNS.items():
            if column not in present:
                self.execute(f"ALTER TABLE reports ADD COLUMN IF NOT EXISTS {column} {kind}")

    def cursor(self) -> PgCursor:
        return PgCursor(self)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> PgCursor:
        return PgCursor(self).execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(_translate(sql), [tuple(r) for r in rows])

    def commit(self) -> None:
        self.raw.commit()

    def rollback(self) -> None:
        self.raw.rollback()

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> PgConnection:
        return self

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.rollback()
