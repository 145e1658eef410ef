"""Bundled YAML data files (laws, plenary sessions) remembered as JSON between runs.

Parsing ``rules/data/laws.yaml`` takes longer than checking a report, and importing the YAML
parser for it another 20 ms of every ``fzcheck check``. The parsed data is kept in the user's
cache (``~/.cache/fzcheck/data``, off with ``FZCHECK_NO_CACHE=1``) under the sha256 of the
file's bytes, so any edit to the file means a fresh parse. Dates are written as ISO strings,
on the first parse too, so a run from the cache and a run without it see the same values.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import msgspec

from checker.file_digests import file_digest
from checker.user_cache import cache_root, remember_file

FORMAT = 1  # bump when the cached data's meaning changes


def _plain(value: Any) -> Any:
    """What JSON cannot hold, as text: YAML dates become ISO strings."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in a data file")


def load_data(path: Path) -> Any:
    """The data of YAML file ``path`` (dates as ISO strings), parsed at most once per edit."""
    from checker.packs.yamlsrc import load_yaml

    root = cache_root()
    digest = file_digest(path) if root is not None else None
    entry = None
    if root is not None and digest is not None:
        entry = root / "data" / f"{digest}-{FORMAT}.json"
        try:
            return msgspec.json.decode(entry.read_bytes())
        except (OSError, ValueError):  # msgspec.DecodeError is a ValueError
            pass
    import json  # only when the file changed: the cache is read with msgspec, ~10 × faster

    text = json.dumps(load_yaml(path).data, ensure_ascii=False, default=_plain)
    data = json.loads(text)
    if entry is not None and _same_when_read_back(text, data):
        remember_file(entry, text.encode("utf-8"))
    return data


def _same_when_read_back(text: str, data: Any) -> bool:
    """Whether msgspec reads ``text`` back as ``data`` (not a number beyond 64 bits, say)."""
    try:
        return bool(msgspec.json.decode(text.encode("utf-8")) == data)
    except ValueError:
        return False
