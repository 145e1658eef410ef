"""Document frequencies of shingles in fixed memory: a count-min sketch.

Each shingle hash is counted in one slot of each of ``rows`` arrays; its estimate is the
smallest of its counts, which is never below the truth (collisions only add), so a
shingle is never taken for rarer than it is. Counts saturate at 255: copy detection only
asks whether a shingle is in at most ``max_df`` (≤ 50) reports. With the default 2 × 2^25
slots (64 MB whatever the corpus size) the estimates are exact in practice up to tens of
millions of distinct shingles.
"""

from __future__ import annotations

import numpy as np

_SALTS = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))


def _slots(hashes: np.ndarray, row: int, shift: np.uint64) -> np.ndarray:
    """The slot of each hash in row ``row`` (``shift``: 64 minus the width in bits)."""
    with np.errstate(over="ignore"):
        return ((hashes.astype(np.uint64) + np.uint64(1)) * _SALTS[row]) >> shift


class DocumentFrequency:
    """How many documents contain each shingle, estimated from above in fixed memory."""

    def __init__(self, width_bits: int = 25, rows: int = 2) -> None:
        if not 1 <= rows <= len(_SALTS):
            raise ValueError(f"rows must be 1..{len(_SALTS)}")
        if not 1 <= width_bits <= 32:  # add packs a slot into 32 bits
            raise ValueError("width_bits must be 1..32")
        self.shift = np.uint64(64 - width_bits)
        self.counts = np.zeros((rows, 1 << width_bits), dtype=np.uint8)

    def _slots(self, hashes: np.ndarray, row: int) -> np.ndarray:
        return _slots(hashes, row, self.shift)

    def add(self, documents: list[np.ndarray]) -> None:
        """Count documents, each the unique uint32 hashes it holds: a slot counts once per
        document that holds it, however many of its hashes fall there, and saturates at 255
        (``k`` documents at once add ``min(count + k, 255)``)."""
        self.add_tally(self.tally(documents))

    def tally(self, documents: list[np.ndarray]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per row, (slots, how many of ``documents`` hold each): the counting of :meth:`add`
        without touching the counts, so several threads can tally blocks at once."""
        if not documents:
            return []
        sizes = np.fromiter(map(len, documents), dtype=np.int64, count=len(documents))
        owner = np.repeat(np.arange(len(documents), dtype=np.uint64), sizes) << np.uint64(32)
        hashes = np.concatenate(documents)
        tallies = []
        for row in range(len(self.counts)):
            per_document = np.unique(owner | self._slots(hashes, row))  # slots < 2^32
            tallies.append(np.unique(per_document & np.uint64(0xFFFFFFFF), return_counts=True))
        return tallies

    def add_tally(self, tallies: list[tuple[np.ndarray, np.ndarray]]) -> None:
        """Add what :meth:`tally` counted (saturating: the order of blocks does not matter)."""
        for counts, (slots, times) in zip(self.counts, tallies):  # noqa: B905 (empty: no documents)
            counts[slots] = np.minimum(counts[slots] + times, 255)

    def rare(self, max_df: int) -> RareShingles:
        """Which shingles are in at most ``max_df`` documents, in an eighth of the memory."""
        return RareShingles(self, max_df)

    def estimate(self, hashes: np.ndarray) -> np.ndarray:
        """Upper estimates of the document frequency of each hash."""
        found = self.counts[0][self._slots(hashes, 0)]
        for row in range(1, len(self.counts)):
            found = np.minimum(found, self.counts[row][self._slots(hashes, row)])
        return found


PACK_AT_ONCE = 1 << 20  # slots compared and packed at a time (a multiple of 8)


def _rare_bits(counts: np.ndarray, max_df: int) -> np.ndarray:
    """``np.packbits(counts <= max_df)`` without the whole boolean array (32 MB a row) at once."""
    bits = np.empty((len(counts) + 7) // 8, dtype=np.uint8)
    for low in range(0, len(counts), PACK_AT_ONCE):
        packed = np.packbits(counts[low : low + PACK_AT_ONCE] <= max_df)
        bits[low // 8 : low // 8 + len(packed)] = packed
    return bits


class RareShingles:
    """``sketch.estimate(hashes) <= max_df`` from one bit per slot and row instead of a count:
    the smallest count is at most ``max_df`` exactly when some row's count is. 8 MB instead of the
    sketch's 64, so copy detection's second pass need not hold the counts."""

    def __init__(self, sketch: DocumentFrequency, max_df: int) -> None:
        self.shift = sketch.shift  # not the sketch itself: its counts are let go
        self.bits = [_rare_bits(counts, max_df) for counts in sketch.counts]

    def of(self, hashes: np.ndarray) -> np.ndarray:
        """Whether each hash is rare (a boolean array)."""
        found = np.zeros(len(hashes), dtype=bool)
        for row, bits in enumerate(self.bits):
            slots = _slots(hashes, row, self.shift)
            byte = bits[slots >> np.uint64(3)]
            shift = (np.uint64(7) - (slots & np.uint64(7))).astype(np.uint8)  # packbits: high bit first
            found |= ((byte >> shift) & 1).astype(bool)
        return found
