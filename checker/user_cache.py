"""Where fzcheck keeps what it remembers between runs (loaded packs, validations, data files,
compiled regexes), and how an entry is written there."""

from __future__ import annotations

import os
from pathlib import Path


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
