"""What copy detection's second pass worked out for each report, kept in the store for the next run.

Per report the second pass works out its rare shingles and their part bits, how many lie in each
part, which parts have enough to be signed, and the LSH band keys of each part's signature
(:meth:`checker.audit.copies._Corpus.fill`): 40% of a detection's time, the MinHash above all.
All of it is a function of the report's own shingles and of which shingles are rare, nothing
else. So a report whose stored row is the same one (same ``checked_at``: every rewrite of a row
gets a new one) under the same rarity (the same rare bits, boilerplate cut and fzcheck version:
:func:`rarity_digest`) gets back exactly what it would work out again, and only the reports
checked since are worked out. The candidate pairs, their confirmation and the passages are then
found over every report as in a first detection: a re-run's pairs are a first run's.

When one changed report moves any shingle across the boilerplate cut, or the number of bodies
moves the cut itself, the rarity differs and every report is worked out again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import msgspec
import numpy as np

from checker import __version__
from checker.audit.dfsketch import RareShingles
from checker.audit.store import Store

FLUSH = 500  # records written per statement


class Record(msgspec.Struct, frozen=True):
    """One report's second-pass work (see :class:`checker.audit.copies._BlockWork`)."""

    hashes: np.ndarray  # uint32: its rare shingles
    masks: np.ndarray  # uint8: their part bits
    sizes: np.ndarray  # int64: rare shingles in all, then in each part
    keys: np.ndarray  # uint64, selections × bands: band keys (a row unsigned: meaningless)
    signed: np.ndarray  # bool, per selection: enough shingles to be signed

    def encode(self) -> bytes:
        head = np.array([len(self.sizes), *self.keys.shape], dtype="<i4")
        return b"".join(
            (
                head.tobytes(),
                self.sizes.astype("<i8").tobytes(),
                self.signed.astype(np.uint8).tobytes(),
                self.keys.astype("<u8").tobytes(),
                self.hashes.astype("<u4").tobytes(),
                self.masks.astype(np.uint8).tobytes(),
            )
        )

    @classmethod
    def decode(cls, blob: bytes) -> Record:
        data = memoryview(blob)
        columns, selections, bands = np.frombuffer(data, "<i4", 3).tolist()
        at = 12
        sizes = np.frombuffer(data, "<i8", columns, at).astype(np.int64)
        at += 8 * columns
        signed = np.frombuffer(data, np.uint8, selections, at).astype(bool)
        at += selections
        keys = np.frombuffer(data, "<u8", selections * bands, at).astype(np.uint64).reshape(selections, bands)
        at += 8 * selections * bands
        count = (len(data) - at) // 5
        hashes = np.frombuffer(data, "<u4", count, at).astype(np.uint32)
        masks = np.frombuffer(data, np.uint8, count, at + 4 * count).copy()
        return cls(hashes, masks, sizes, keys, signed)


def rarity_digest(max_df: int, rare: RareShingles) -> str:
    """SHA-256 of what makes shingles rare: the cut, the rare bits, the fzcheck version."""
    digest = hashlib.sha256(f"{__version__}\x1f{max_df}\x1f{len(rare.bits)}".encode())
    for bits in rare.bits:
        digest.update(bits.tobytes())
    return digest.hexdigest()


class FeatureCache:
    """The ``copy_features`` rows of one option set: read a block of reports at a time, written
    a batch at a time in the store's current transaction (a run stopped half-way leaves records
    that are each whole and each tied to its row's version: nothing wrong is ever reused)."""

    def __init__(self, store: Store, options: str) -> None:
        self.store, self.options = store, options
        self.rarity = ""
        self.reused = 0  # reports whose record was taken, this detection
        self.worked = 0  # reports worked out
        self._pending: list[tuple[Any, ...]] = []

    def begin(self, rarity: str) -> None:
        """This detection's rarity: only records made under it are taken."""
        self.rarity = rarity

    def known(self, paths: Sequence[str], versions: Sequence[float | None]) -> dict[int, Record]:
        """Position in ``paths`` → record, for the reports stored with this version and rarity."""
        wanted = {path: k for k, (path, version) in enumerate(zip(paths, versions, strict=True)) if version}
        if not wanted or not self.rarity:
            return {}
        marks = ", ".join("?" * len(wanted))
        rows = self.store.db.execute(
            "SELECT path, version, record FROM copy_features"
            f" WHERE options=? AND rarity=? AND path IN ({marks})",
            (self.options, self.rarity, *wanted),
        ).fetchall()
        found = {}
        for path, version, blob in rows:
            k = wanted[path]
            if version == versions[k]:
                found[k] = Record.decode(bytes(blob))
        self.reused += len(found)
        return found

    def put(self, path: str, version: float | None, record: Record) -> None:
        """Keep a report's record (a report with no version is never taken: not kept)."""
        self.worked += 1
        if version is None or not self.rarity:
            return
        self._pending.append((self.options, path, version, self.rarity, record.encode()))
        if len(self._pending) >= FLUSH:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self.store.db.executemany(
                "INSERT INTO copy_features (options, path, version, rarity, record) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (options, path) DO UPDATE SET version = EXCLUDED.version,"
                " rarity = EXCLUDED.rarity, record = EXCLUDED.record",
                self._pending,
            )
            self._pending = []

    def finish(self) -> None:
        """Write what is pending and drop the records no detection can take any more: made under
        another rarity, or of a report no longer stored."""
        self.flush()
        self.store.db.execute(
            "DELETE FROM copy_features WHERE options=? AND (rarity != ? OR path NOT IN"
            " (SELECT path FROM reports WHERE options=?))",
            (self.options, self.rarity, self.options),
        )
