"""Where fzcheck keeps what it remembers between runs (loaded packs, validations, data files,
compiled regexes), and how an entry is written there."""

from __future__ import annotations

import atexit
import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cache_root() -> Path | None:
    """``~/.cache/fzcheck`` (or under ``XDG_CACHE_HOME``); None when ``FZCHECK_NO_CACHE`` is set."""
    if os.environ.get("FZCHECK_NO_CACHE"):
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "fzcheck"


def remember_file(path: Path, content: bytes) -> None:
    """Write a cache entry whole or not at all: readers see the old entry or the new one, never
    half (a temporary file per process, then an atomic rename). A cache that cannot be written
    (a read-only home, a full disk) only costs the next run the work again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(content)
        os.replace(temporary, path)
    except OSError:
        pass


class MarshalFile:
    """A dict of plain values kept in one marshal file of the cache: read at the first
    :meth:`entries`, written back at exit when this run :meth:`added` to it. ``where`` names
    the file (None: caching off). A file that cannot be read counts as empty."""

    def __init__(self, where: Callable[[], Path | None]) -> None:
        self._where = where
        self._entries: dict[Any, Any] = {}
        self._loaded = False
        self._added = 0
        atexit.register(self.save)

    def entries(self) -> dict[Any, Any]:
        """The remembered entries (the same dict each call; add to it, then call :meth:`added`)."""
        if not self._loaded:
            self._loaded = True
            path = self._where()
            try:
                found = marshal.loads(path.read_bytes()) if path is not None else None
            except (OSError, EOFError, ValueError, TypeError):
                found = None
            if isinstance(found, dict):
                self._entries.update(found)
        return self._entries

    def added(self) -> None:
        """Note that this run added an entry: the file is written back at exit."""
        self._added += 1

    def save(self) -> None:
        """Write the entries back when this run added any."""
        if not self._added:
            return
        path = self._where()
        if path is not None:
            remember_file(path, marshal.dumps(self._entries))
        self._added = 0
