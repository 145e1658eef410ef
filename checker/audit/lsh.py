"""The LSH index on disk: band keys → reports, and the candidate pairs they imply.

Entries (band key, report) are appended to partition files chosen by key, so one
partition holds every entry of its keys; each partition is sorted on its own, its buckets
turned into pairs, and the pairs appended to pair-partition files chosen by the first
report; each pair partition is then de-duplicated on its own. Every step holds one
partition in memory, and partitions are sized by ``ENTRIES_PER_PARTITION``, so memory does
not grow with the number of reports — only the number of files does.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ENTRIES_PER_PARTITION = 250_000
_ENTRY = np.dtype([("key", "<u8"), ("doc", "<i4")])
_PAIR = np.dtype([("lo", "<i4"), ("hi", "<i4")])
_FLUSH = 200_000


def partitions_for(entries: int) -> int:
    return max(1, math.ceil(entries / ENTRIES_PER_PARTITION))


class BandIndex:
    """Band keys of every report, partitioned on disk under ``folder``."""

    def __init__(self, folder: Path, partitions: int, max_bucket: int) -> None:
        self.folder = folder
        self.partitions = partitions
        self.max_bucket = max_bucket
        folder.mkdir(parents=True, exist_ok=True)
        self._keys: list[np.ndarray] = []
        self._docs: list[np.ndarray] = []
        self._pending = 0

    def add(self, docs: np.ndarray, keys: np.ndarray) -> None:
        """Put each report ``docs[r]`` into the buckets ``keys[r]`` (a row of uint64 keys each)."""
        if len(docs):
            self._keys.append(keys.ravel())
            self._docs.append(np.repeat(docs.astype(np.int32), keys.shape[1]))
            self._pending += keys.size
            if self._pending >= _FLUSH:
                self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        entries = np.empty(self._pending, dtype=_ENTRY)
        entries["key"] = np.concatenate(self._keys)
        entries["doc"] = np.concatenate(self._docs)
        _append_by(
            entries, entries["key"] % np.uint64(self.partitions), self.folder / "bands", self.partitions
        )
        self._keys, self._docs, self._pending = [], [], 0

    def pairs(self) -> Iterator[np.ndarray]:
        """Distinct candidate pairs (lo < hi), one array per pair partition, sorted by (lo, hi)."""
        self._flush()
        for part in range(self.partitions):
            path = _file(self.folder / "bands", part)
            if not path.exists():
                continue
            entries = _unique_entries(np.fromfile(path, dtype=_ENTRY))  # one entry per (key, doc)
            path.unlink()
            pairs = _bucket_pairs(entries["key"], entries["doc"], self.max_bucket)
            if len(pairs):
                _append_by(pairs, pairs["lo"] % self.partitions, self.folder / "pairs", self.partitions)
        for part in range(self.partitions):
            path = _file(self.folder / "pairs", part)
            if path.exists():
                found = _unique_pairs(np.fromfile(path, dtype=_PAIR))
                path.unlink()
                yield found


def _unique_entries(entries: np.ndarray) -> np.ndarray:
    """``np.unique`` of (key, doc) records, sorted by key then doc: two integer sorts
    (``lexsort``) instead of numpy's generic comparison of structured records, 5–10× faster."""
    order = np.lexsort((entries["doc"], entries["key"]))
    entries = entries[order]
    keep = np.ones(len(entries), dtype=bool)
    keep[1:] = (entries["key"][1:] != entries["key"][:-1]) | (entries["doc"][1:] != entries["doc"][:-1])
    return entries[keep]


def _unique_pairs(pairs: np.ndarray) -> np.ndarray:
    """``np.unique`` of (lo, hi) pairs of non-negative report numbers, via one int64 each."""
    packed = np.unique((pairs["lo"].astype(np.int64) << 32) | pairs["hi"].astype(np.int64))
    out = np.empty(len(packed), dtype=_PAIR)
    out["lo"] = packed >> 32
    out["hi"] = packed & 0xFFFFFFFF
    return out


def _file(stem: Path, part: int) -> Path:
    return stem.with_name(f"{stem.name}-{part:05d}.bin")


def _append_by(records: np.ndarray, part_of: np.ndarray, stem: Path, partitions: int) -> None:
    order = np.argsort(part_of, kind="stable")
    records, part_of = records[order], part_of[order]
    bounds = np.searchsorted(part_of, np.arange(partitions + 1))
    for part in range(partitions):
        low, high = int(bounds[part]), int(bounds[part + 1])
        if high > low:
            with _file(stem, part).open("ab") as handle:
                records[low:high].tofile(handle)


def _bucket_pairs(keys: np.ndarray, docs: np.ndarray, max_bucket: int) -> np.ndarray:
    """Every pair of reports sharing a key (entries sorted by key, then report)."""
    _, starts, sizes = np.unique(keys, return_index=True, return_counts=True)
    chunks = []
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= max_bucket)]).tolist():
        first, second = np.triu_indices(size, 1)
        members = docs[starts[sizes == size][:, None] + np.arange(size)]
        pairs = np.empty(members.shape[0] * len(first), dtype=_PAIR)
        pairs["lo"] = members[:, first].ravel()
        pairs["hi"] = members[:, second].ravel()
        chunks.append(pairs)
    return np.concatenate(chunks) if chunks else np.empty(0, dtype=_PAIR)
