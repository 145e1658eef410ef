"""MinHash signatures of a report's rare shingles, one per part, and their LSH band keys.

Two sets of shingles with Jaccard similarity J agree on each MinHash value with probability
J; cutting the ``PERMUTATIONS`` values into ``BANDS`` bands of ``ROWS`` makes two parts
share at least one band key with probability 1 − (1 − J^ROWS)^BANDS: 0.95 at J = 0.3,
0.9999 at J = 0.5, 0.08 at J = 0.05. Band keys are the buckets of the on-disk index
(:mod:`checker.audit.lsh`); only reports sharing a bucket are compared exactly.

The hash family is multiply-shift on 64 bits with fixed seeds, so signatures computed in
different processes, runs or machines agree.
"""

from __future__ import annotations

import numpy as np

PERMUTATIONS = 64
ROWS = 2
BANDS = PERMUTATIONS // ROWS

_SEEDS = np.random.default_rng(20_240_601)
_MULTIPLIERS = _SEEDS.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_OFFSETS = _SEEDS.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
_BAND_SALTS = _SEEDS.integers(1, 2**63, size=(BANDS, ROWS), dtype=np.uint64) | np.uint64(1)


def _mixed(hashes: np.ndarray) -> np.ndarray:
    """Each hash under each of the ``PERMUTATIONS`` hash functions (PERMUTATIONS × n)."""
    values = hashes.astype(np.uint64)
    with np.errstate(over="ignore"):
        return (values[None, :] * _MULTIPLIERS[:, None] + _OFFSETS[:, None]) >> np.uint64(32)


def band_keys(signature: np.ndarray) -> np.ndarray:
    """One uint64 key per band: the band's ``ROWS`` values and its number, mixed. A stack of
    signatures (k × PERMUTATIONS) gives k rows of keys."""
    rows = signature.astype(np.uint64).reshape(*signature.shape[:-1], BANDS, ROWS)
    with np.errstate(over="ignore"):
        mixed = (rows + np.uint64(1)) * _BAND_SALTS
        key = np.bitwise_xor.reduce(mixed, axis=-1)
        key ^= key >> np.uint64(29)
        key *= np.uint64(0xBF58476D1CE4E5B9)
        key ^= key >> np.uint64(32)
    return key


_NOTHING = np.uint64(1 << 32)  # above every mixed value (they are below 2^32)


# Hashes mixed at a time: each is mixed under every hash function (PERMUTATIONS × 8 bytes), so a
# block holding one report of millions of characters would otherwise need gigabytes at once.
# 32,768 take 16 MB an array (~50 MB at the peak of a step); a block of 64 seed-sized reports
# has ~25,000, one step.
HASHES_AT_ONCE = 1 << 15


def block_band_keys(
    hashes: np.ndarray, owner: np.ndarray, count: int, selections: list[np.ndarray]
) -> list[np.ndarray]:
    """Band keys of several reports at once: ``hashes`` grouped by report (``owner``, the report
    of each hash, non-decreasing, in ``range(count)``); for each selection (a boolean mask over
    ``hashes``) a ``count × BANDS`` array whose row ``r`` equals
    the band keys of the MinHash signature of ``r``'s selected hashes (each hash function's
    minimum over them, as uint32). A row of a report with nothing
    selected is meaningless: the caller keeps only reports with enough selected hashes.
    The minima are taken ``HASHES_AT_ONCE`` hashes at a time (a minimum of minima is the same)."""
    minima = [np.full((PERMUTATIONS, count), _NOTHING, dtype=np.uint64) for _ in selections]
    for low in range(0, len(hashes), HASHES_AT_ONCE):
        part = slice(low, low + HASHES_AT_ONCE)
        mixed, owners = _mixed(hashes[part]), owner[part]
        present = np.flatnonzero(np.bincount(owners, minlength=count))
        starts = np.searchsorted(owners, present)
        for minimum, chosen in zip(minima, selections, strict=True):
            reduced = np.minimum.reduceat(np.where(chosen[part], mixed, _NOTHING), starts, axis=1)
            minimum[:, present] = np.minimum(minimum[:, present], reduced)
    return [band_keys(minimum.T.astype(np.uint32)) for minimum in minima]
