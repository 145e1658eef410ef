"""Loaded rule packs remembered between runs, keyed by the content of everything they came from.

Loading a pack parses its YAML files, validates them and compiles every pattern to check
it: more than half of a single ``fzcheck check`` outside the interpreter's start. What the
loader produces — the merged pack data with its ``extends`` chain resolved, and the files it
came from — is plain JSON, so it is kept in the user's cache (``~/.cache/fzcheck/packs``,
beside the validation cache; ``FZCHECK_NO_CACHE=1`` turns both off). An entry is used only
while every source file, the pack schema (with each rule type's parameters) and the loader's
own code still have the sha256 recorded with it: any edit means a full load again. (A file
is hashed only when its stat signature changed: :mod:`checker.file_digests`.)

The digests are taken after the load, so they vouch for the bytes loaded only if no source
changed in between: a load is remembered only when every source was last modified at least
``RACY_NS`` before the load began (an editor saving while ``fzcheck`` ran would otherwise leave
the old rules remembered under the new file's digest, for every later run).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import msgspec

from checker.digests import sha256_hex
from checker.file_digests import RACY_NS, file_digest
from checker.user_cache import cache_root, remember_file

FORMAT = 2  # bump when the cached data's meaning changes
# the modules whose code decides what a loaded pack holds
_LOADER = ("pack.py", "yamlsrc.py", "patterns.py", "bundled.py", "cache.py")


def _entry(pack_path: str, schema: dict[str, Any]) -> Path | None:
    root = cache_root()
    if root is None:
        return None
    here = Path(__file__).parent
    code = [file_digest(here / name) or "" for name in _LOADER]
    schema_digest = sha256_hex(msgspec.json.encode(schema, order="sorted"))
    key = msgspec.json.encode([FORMAT, pack_path, code, schema_digest])
    return root / "packs" / (sha256_hex(key) + ".json")


def lookup(pack_path: str, schema: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]] | None:
    """The loader's (data, sources) for ``pack_path`` if remembered and still current."""
    entry = _entry(pack_path, schema)
    if entry is None:
        return None
    try:
        record = msgspec.json.decode(entry.read_bytes())
    except (OSError, ValueError):  # msgspec.DecodeError is a ValueError
        return None
    if not isinstance(record, dict):
        return None
    digests = record.get("sources")
    if not isinstance(digests, list) or not digests:
        return None
    for source, digest in digests:
        if file_digest(source) != digest:
            return None
    return record["data"], tuple(source for source, _ in digests)


def remember(
    pack_path: str, schema: dict[str, Any], data: dict[str, Any], sources: tuple[str, ...], began_ns: int
) -> None:
    """Keep (data, sources), loaded from a load that began at ``began_ns`` (``time.time_ns()``),
    when no source may have changed since it began and they survive a JSON round trip unchanged
    (plain YAML does: a date, a non-string key or a number JSON cannot hold is not kept, and is
    loaded each time)."""
    entry = _entry(pack_path, schema)
    if entry is None or not all(_settled(source, began_ns) for source in sources):
        return
    try:
        text = msgspec.json.encode(
            {"sources": [[source, file_digest(source)] for source in sources], "data": data}
        )
        if msgspec.json.decode(text)["data"] != data:
            return
    except (TypeError, ValueError, msgspec.EncodeError):  # not plain JSON data: load it each time
        return
    remember_file(entry, text)


def _settled(source: str, began_ns: int) -> bool:
    """Whether ``source`` was last modified well before ``began_ns`` (so what was loaded from it
    is what it holds now, whatever the file system's timestamp granularity)."""
    try:
        return os.stat(source).st_mtime_ns + RACY_NS <= began_ns
    except OSError:
        return False
