"""Where fzcheck keeps what it remembers between runs (loaded packs, validations, compiled regexes)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path | None:
    """``~/.cache/fzcheck`` (or under ``XDG_CACHE_HOME``); None when ``FZCHECK_NO_CACHE`` is set."""
    if os.environ.get("FZCHECK_NO_CACHE"):
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "fzcheck"
