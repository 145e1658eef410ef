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
from collections.abc import Iterable, Sequence
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


def encode_block(
    hashes: np.ndarray,
    masks: np.ndarray,
    part_sizes: list[np.ndarray],
    keys: list[np.ndarray],
    signed: list[np.ndarray],
    positions: Iterable[int],
) -> list[bytes]:
    """The records of a block's reports at ``positions``, as :meth:`Record.decode` reads them:
    each block-wide array turned into bytes once, each report's record cut from them (one
    report at a time, numpy's per-call cost made the cache 0.9 s of a 10,000-report first run)."""
    sizes = np.stack(part_sizes, axis=1).astype("<i8")  # reports × columns
    flags = np.stack(signed, axis=1).astype(np.uint8)  # reports × selections
    bands = np.stack(keys, axis=1).astype("<u8")  # reports × selections × bands
    head = np.array([sizes.shape[1], bands.shape[1], bands.shape[2]], dtype="<i4").tobytes()
    size_bytes, flag_bytes, key_bytes = sizes.tobytes(), flags.tobytes(), bands.tobytes()
    hash_bytes, mask_bytes = hashes.astype("<u4").tobytes(), masks.astype(np.uint8).tobytes()
    bounds = np.concatenate(([0], np.cumsum(sizes[:, 0]))).tolist()
    size_width, flag_width = 8 * sizes.shape[1], flags.shape[1]
    key_width = 8 * bands.shape[1] * bands.shape[2]
    return [
        b"".join(
            (
                head,
                size_bytes[k * size_width : (k + 1) * size_width],
                flag_bytes[k * flag_width : (k + 1) * flag_width],
                key_bytes[k * key_width : (k + 1) * key_width],
                hash_bytes[4 * bounds[k] : 4 * bounds[k + 1]],
                mask_bytes[bounds[k] : bounds[k + 1]],
            )
        )
        for k in positions
    ]


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
        # the reports whose record was taken: their rows are those the stored copy pairs were
        # found in (a record is committed with the pairs, in one transaction, and kept only while
        # its row is), so a stored pair of two of them has the passages it would be given again
        self.unchanged: set[str] = set()
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
                self.unchanged.add(path)
        self.reused += len(found)
        return found

    def put(self, path: str, version: float | None, record: bytes) -> None:
        """Keep a report's record (:func:`encode_block`; a report with no version is never taken:
        not kept)."""
        self.worked += 1
        if version is None or not self.rarity:
            return
        self._pending.append((self.options, path, version, self.rarity, record))
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
