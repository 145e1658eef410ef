"""SHA-256 digests of files, remembered between runs by the files' stat signatures.

Trusting a cached pack or data file means knowing that the files it came from are unchanged.
Hashing them on every run (the national pack, the loader's code, the data files: ~90 KB) was
a fifth of what a single ``fzcheck check`` does besides importing. As git's index does, a file
whose size, modification time (ns) and inode are those recorded with its digest is taken as
unchanged; any other is read and hashed again. A file modified less than ``RACY_NS`` before it
was hashed is always hashed again: a second edit within the file system's timestamp granularity
could leave its signature as it was. The records live in the user's cache
(``~/.cache/fzcheck/digests.marshal``, off with ``FZCHECK_NO_CACHE=1``: then every file is hashed).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from checker.digests import sha256_hex
from checker.user_cache import MarshalFile, cache_root

RACY_NS = 2_000_000_000  # FAT's 2 s; ext4, XFS, btrfs and APFS keep nanoseconds
MAX_ENTRIES = 4096

_RECORDS = MarshalFile(lambda: _records_file())  # path → (size, mtime_ns, inode, hashed_at_ns, digest)


def file_digest(path: str | Path) -> str | None:
    """The SHA-256 (hex) of the file at ``path``; None when it cannot be read."""
    name = os.path.abspath(path)
    try:
        info = os.stat(name)
    except OSError:
        return None
    signature = (info.st_size, info.st_mtime_ns, info.st_ino)
    records = _RECORDS.entries()
    record = records.get(name)
    if _still_current(record, signature):
        return record[4]  # type: ignore[index, no-any-return]
    hashed_at = time.time_ns()
    digest = _hash_file(name)
    if digest is not None:
        if len(records) >= MAX_ENTRIES:
            records.clear()
        records[name] = (*signature, hashed_at, digest)
        _RECORDS.added()
    return digest


def _still_current(record: object, signature: tuple[int, int, int]) -> bool:
    """Whether ``record`` (as kept, or damaged) vouches for a file with this ``signature``."""
    if not isinstance(record, tuple) or len(record) != 5 or not isinstance(record[4], str):
        return False
    size, mtime_ns, inode, hashed_at, _digest = record
    if (size, mtime_ns, inode) != signature or not isinstance(hashed_at, int):
        return False
    return bool(mtime_ns + RACY_NS <= hashed_at)  # else it may have changed within its timestamp


def _hash_file(name: str) -> str | None:
    try:
        return sha256_hex(Path(name).read_bytes())
    except OSError:
        return None


def _records_file() -> Path | None:
    root = cache_root()
    return None if root is None else root / "digests.marshal"
