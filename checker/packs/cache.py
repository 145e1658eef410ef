"""Loaded rule packs remembered between runs, keyed by the content of everything they came from.

Loading a pack parses its YAML files, validates them and compiles every pattern to check
it: more than half of a single ``fzcheck check`` outside the interpreter's start. What the
loader produces — the merged pack data with its ``extends`` chain resolved, and the files it
came from — is plain JSON, so it is kept in the user's cache (``~/.cache/fzcheck/packs``,
beside the validation cache; ``FZCHECK_NO_CACHE=1`` turns both off). An entry is used only
while every source file, the pack schema (with each rule type's parameters) and the loader's
own code still have the sha256 recorded with it: any edit means a full load again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from checker.user_cache import cache_root, remember_file

FORMAT = 1  # bump when the cached data's meaning changes
# the modules whose code decides what a loaded pack holds
_LOADER = ("pack.py", "yamlsrc.py", "patterns.py", "bundled.py", "cache.py")


def _sha256_file(path: str | Path) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _entry(pack_path: str, schema: dict[str, Any]) -> Path | None:
    root = cache_root()
    if root is None:
        return None
    here = Path(__file__).parent
    code = [_sha256_file(here / name) or "" for name in _LOADER]
    schema_text = json.dumps(schema, sort_keys=True, ensure_ascii=False)
    key = json.dumps([FORMAT, pack_path, code, hashlib.sha256(schema_text.encode()).hexdigest()])
    return root / "packs" / (hashlib.sha256(key.encode("utf-8")).hexdigest() + ".json")


def lookup(pack_path: str, schema: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]] | None:
    """The loader's (data, sources) for ``pack_path`` if remembered and still current."""
    entry = _entry(pack_path, schema)
    if entry is None:
        return None
    try:
        record = json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    digests = record.get("sources")
    if not isinstance(digests, list) or not digests:
        return None
    for source, digest in digests:
        if _sha256_file(source) != digest:
            return None
    return record["data"], tuple(source for source, _ in digests)


def remember(pack_path: str, schema: dict[str, Any], data: dict[str, Any], sources: tuple[str, ...]) -> None:
    """Keep (data, sources) when they survive a JSON round trip unchanged (plain YAML does)."""
    entry = _entry(pack_path, schema)
    if entry is None:
        return
    try:
        text = json.dumps(
            {"sources": [[source, _sha256_file(source)] for source in sources], "data": data},
            ensure_ascii=False,
        )
    except (TypeError, ValueError):  # a YAML date or other non-JSON value: load it each time
        return
    if json.loads(text)["data"] != data:
        return
    remember_file(entry, text.encode("utf-8"))
