"""Digests of what an audit's copy pairs and output files are made from.

A re-run with nothing new need not redo copy detection nor rewrite the outputs: the copy pairs
are kept when :func:`copy_inputs` equals the digest stored beside them, and the output files when
:func:`output_inputs` equals the one in their marker (:mod:`checker.audit.marker`). Each digest
covers everything its results are computed from — the stored rows of the option set (any row
checked, re-checked or pruned since changes it: every stored row gets a new ``checked_at``), the
rule pack's whole content, the option key and the fzcheck version — so a digest that matches
means the work would give the same bytes again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import msgspec

from checker import __version__
from checker.audit.store import Store
from checker.packs.model import Pack

# what copy detection reads of a row (its features and texts are rewritten only with the row,
# which always gets a new checked_at)
COPY_COLUMNS = "path, sha256, status, is_report, agency, year, checked_at"
# what the output writers read of a row (checker.audit.corpus)
OUTPUT_COLUMNS = "path, status, agency, year, score, grade, is_report, checked_at"
COPY_TABLE_COLUMNS = "kind, part, a_path, b_path, similarity, similarity_b, shared_json"


def pack_digest(pack: Pack) -> str:
    """SHA-256 of the pack's whole content (rules, thresholds, names), not only its id@version."""
    return hashlib.sha256(msgspec.json.encode(pack, order="deterministic")).hexdigest()


def copy_inputs(store: Store, options: str, pack: Pack) -> str:
    """Digest of everything the copy pairs of ``options`` are computed from."""
    digest = _started("copies", options, pack)
    sql = f"SELECT {COPY_COLUMNS} FROM reports WHERE options=? ORDER BY path"
    for row in store.db.execute(sql, (options,)):
        _add(digest, repr(tuple(row)))
    return digest.hexdigest()


def output_inputs(store: Store, options: str, pack: Pack, out: Path, lang: str) -> str:
    """Digest of everything the output files of ``options`` in ``out`` are written from: every
    row's current result (copy findings and verdicts included) and the copy pairs."""
    digest = _started("outputs", options, pack, lang, str(out.resolve()))
    sql = f"SELECT {OUTPUT_COLUMNS}, result_json FROM reports WHERE options=? ORDER BY path"
    for *fields, result in store.db.execute(sql, (options,)):
        _add(digest, repr(tuple(fields)))
        _add(digest, result)
    sql = f"SELECT {COPY_TABLE_COLUMNS} FROM copies WHERE options=? ORDER BY {COPY_TABLE_COLUMNS}"
    for row in store.db.execute(sql, (options,)):
        _add(digest, repr(tuple(row)))
    return digest.hexdigest()


def _started(what: str, options: str, pack: Pack, *more: str) -> Any:
    digest = hashlib.sha256()
    for part in (what, __version__, options, pack_digest(pack), *more):
        _add(digest, part)
    return digest


def _add(digest: Any, text: str) -> None:
    """Add ``text`` and its length (so no two sequences of parts run together alike)."""
    data = text.encode("utf-8", "surrogatepass")
    digest.update(len(data).to_bytes(8, "little"))
    digest.update(data)
