"""One audit at a time per output folder: an exclusive lock on ``OUT/audit.lock``.

Two audits writing the same store would interleave rows, runs and outputs. The lock is an
``flock`` on an open file, so the kernel releases it when its holder exits in any way
(``kill -9`` included): a stale lock file never blocks the next run.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = "audit.lock"
_HELD: set[str] = set()  # output folders this process holds the lock of


class AuditLocked(Exception):
    """Another audit holds the lock on this output folder; ``holder`` is its pid if known."""

    def __init__(self, out: Path, holder: str) -> None:
        super().__init__(str(out))
        self.out, self.holder = out, holder


@contextlib.contextmanager
def audit_lock(out: Path) -> Iterator[None]:
    """Hold the output folder's lock for the block; :class:`AuditLocked` when taken."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - no flock (Windows): run unlocked
        yield
        return
    out.mkdir(parents=True, exist_ok=True)
    key = str(out.resolve())
    if key in _HELD:  # this process holds it already (the CLI around run_audit): re-entrant
        yield
        return
    fd = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            raise AuditLocked(out, holder) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        _HELD.add(key)
        try:
            yield
        finally:
            _HELD.discard(key)
    finally:
        os.close(fd)  # closing the descriptor releases the lock
