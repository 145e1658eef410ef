"""The LSH index's de-duplication gives exactly what numpy's generic ``unique`` gives."""

from __future__ import annotations

import numpy as np

from checker.audit.lsh import _ENTRY, _PAIR, _unique_entries, _unique_pairs


def test_unique_entries_and_pairs_equal_numpy_unique_of_the_records():
    rng = np.random.default_rng(20_240_601)
    for n in (0, 1, 7, 5_000):
        entries = np.empty(n, dtype=_ENTRY)
        # few distinct keys (shared buckets), keys near both ends of uint64, repeated reports
        entries["key"] = rng.choice(np.array([0, 1, 2**63, 2**64 - 1, 12345], dtype=np.uint64), n)
        entries["doc"] = rng.integers(0, 40, n)
        assert np.array_equal(_unique_entries(entries), np.unique(entries))
        pairs = np.empty(n, dtype=_PAIR)
        pairs["lo"] = rng.integers(0, 30, n)
        pairs["hi"] = rng.choice(np.array([0, 5, 2**31 - 1], dtype=np.int32), n)
        assert np.array_equal(_unique_pairs(pairs), np.unique(pairs))


def _minhash(hashes: np.ndarray) -> np.ndarray:
    """A subset's signature by definition: the minimum of each hash function over it."""
    from checker.audit.signatures import _MULTIPLIERS, _OFFSETS

    values = hashes.astype(np.uint64)
    with np.errstate(over="ignore"):
        mixed = (values[None, :] * _MULTIPLIERS[:, None] + _OFFSETS[:, None]) >> np.uint64(32)
    return mixed.min(axis=1).astype(np.uint32)


def test_band_keys_of_a_stack_of_signatures_are_each_signatures_keys():
    from checker.audit.signatures import band_keys

    rng = np.random.default_rng(7)
    hashes = np.unique(rng.integers(0, 2**32, 300, dtype=np.uint64).astype(np.uint32))
    masks = rng.integers(0, 8, len(hashes)).astype(np.uint8)
    selections = [np.ones(len(hashes), dtype=bool), masks == 0, (masks & 2) != 0]
    stacked = np.stack([_minhash(hashes[chosen]) for chosen in selections])
    keys = band_keys(stacked)
    for row, signature in zip(keys, stacked, strict=True):
        assert np.array_equal(row, band_keys(signature))


def test_block_band_keys_equal_each_reports_own_signature_keys():
    """Reports worked out together (some empty, some with a part left empty) get, row by row,
    the band keys of their own MinHash signature."""
    from checker.audit.signatures import band_keys, block_band_keys

    rng = np.random.default_rng(11)
    sizes = [0, 40, 1, 0, 300, 7, 0]
    reports = [np.unique(rng.integers(0, 2**32, n, dtype=np.uint64).astype(np.uint32)) for n in sizes]
    owner = np.repeat(np.arange(len(reports)), [len(r) for r in reports])
    hashes = np.concatenate(reports)
    masks = rng.integers(0, 8, len(hashes)).astype(np.uint8)
    masks[owner == 5] = 0  # a report whose parts are all empty
    selections = [np.ones(len(hashes), dtype=bool), masks == 0, (masks & 2) != 0]
    keys = block_band_keys(hashes, owner, len(reports), selections)
    for chosen, block in zip(selections, keys, strict=True):
        for report, row in enumerate(block):
            subset = hashes[(owner == report) & chosen]
            if len(subset):
                assert np.array_equal(row, band_keys(_minhash(subset)))
    nothing = block_band_keys(hashes[:0], owner[:0], 3, [np.ones(0, dtype=bool)])
    assert [block.shape for block in nothing] == [(3, 32)]


def _one_by_one(sketch, documents):
    """The sketch's counts by definition: each document adds one to every slot it holds (once,
    however many of its hashes fall there), saturating at 255."""
    counts = sketch.counts.copy()
    for document in documents:
        for row in range(len(counts)):
            slots = np.unique(sketch._slots(document, row))
            counts[row][slots] = np.minimum(counts[row][slots], 254) + 1
    return counts


def test_document_frequencies_added_together_equal_adding_one_by_one():
    """Batched counting keeps the sketch's meaning: a document counts once per slot, counts
    saturate at 255, whatever the batch."""
    from checker.audit.dfsketch import DocumentFrequency

    rng = np.random.default_rng(3)
    common = np.arange(50, dtype=np.uint32)  # in every document: saturates
    documents = [
        np.unique(
            np.concatenate(
                [common, rng.integers(0, 2**32, rng.integers(0, 200), dtype=np.uint64).astype(np.uint32)]
            )
        )
        for _ in range(300)
    ]
    together = DocumentFrequency(width_bits=12)
    one_by_one = _one_by_one(together, documents)
    for start in range(0, len(documents), 64):
        together.add(documents[start : start + 64])
    together.add([])
    assert np.array_equal(one_by_one, together.counts)
    assert one_by_one.max() == 255


def test_common_positions_equal_intersect1d_with_indices():
    from checker.audit.copies import _common

    rng = np.random.default_rng(5)
    for size_a, size_b, top in [(0, 5, 10), (5, 0, 10), (1, 1, 2), (300, 200, 1000), (50, 4000, 2**32 - 1)]:
        a = np.unique(rng.integers(0, top, size_a, dtype=np.uint64)).astype(np.uint32)
        b = np.unique(rng.integers(0, top, size_b, dtype=np.uint64)).astype(np.uint32)
        _, want_a, want_b = np.intersect1d(a, b, assume_unique=True, return_indices=True)
        got_a, got_b = _common(a, b)
        assert got_a.tolist() == want_a.tolist()
        assert got_b.tolist() == want_b.tolist()
    assert len(_common(np.arange(10, dtype=np.uint32), np.arange(5, 15, dtype=np.uint32))[0]) == 5
