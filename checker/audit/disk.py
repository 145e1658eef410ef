"""A disk that refuses the audit's writes (full, read-only, failing) as the words a file write gives.

SQLite reports a full disk as ``sqlite3.OperationalError('database or disk is full')`` with no
errno; the outputs' writers raise a bare ``OSError`` naming no file. Both become the
:class:`~checker.outfiles.CannotWrite` every command prints for a file it cannot write, so an
audit stopped by its disk says which file and why instead of ending in a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from checker.outfiles import CannotWrite, cannot_write

# primary SQLite result codes (the low byte of ``sqlite_errorcode``) that are the disk's doing
_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 3, 8, 10, 13, 14
_ERRNO = {
    _SQLITE_PERM: errno.EACCES,
    _SQLITE_READONLY: errno.EACCES,  # a read-only file system is refused earlier, at the lock
    _SQLITE_IOERR: errno.EIO,
    _SQLITE_FULL: errno.ENOSPC,
    _SQLITE_CANTOPEN: errno.EACCES,
}


def store_os_error(exc: sqlite3.Error, store: Path) -> OSError | None:
    """The disk-level cause of a store failure as an ``OSError``; ``None`` when it is not one."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    number = _ERRNO.get(code)
    if number is None:
        return None
    return OSError(number, os.strerror(number), str(store))


@contextlib.contextmanager
def naming(path: Path, lang: str) -> Iterator[None]:
    """Turn an ``OSError`` raised while ``path`` is written into :class:`CannotWrite` naming it."""
    try:
        yield
    except OSError as exc:
        raise cannot_write(path, exc, lang) from exc


def refusal(exc: BaseException, store: Path, lang: str) -> CannotWrite | None:
    """The user's message for a write the disk refused during an audit; ``None`` for anything else."""
    if isinstance(exc, CannotWrite):
        return exc
    if isinstance(exc, sqlite3.Error):
        cause = store_os_error(exc, store)
        return None if cause is None else cannot_write(store, cause, lang)
    if isinstance(exc, OSError):
        return cannot_write(exc.filename or store.parent, exc, lang)
    return None
