"""The LSH index's de-duplication gives exactly what numpy's generic ``unique`` gives."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

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


@pytest.mark.parametrize("at_once", [1 << 16, 13])
def test_block_band_keys_equal_each_reports_own_signature_keys(monkeypatch, at_once):
    """Reports worked out together (some empty, some with a part left empty) get, row by row,
    the band keys of their own MinHash signature; also when the hashes are mixed 13 at a time,
    so that most reports are split between steps."""
    from checker.audit import signatures
    from checker.audit.signatures import band_keys, block_band_keys

    monkeypatch.setattr(signatures, "HASHES_AT_ONCE", at_once)

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


def _shared_by_definition(corpus, pairs, min_shared):
    """Per pair, as the confirmation step is defined: pairs of one body with an unknown year
    dropped (one year: compared, a report submitted twice); shared rare shingles by
    ``intersect1d``; part counts of each side's shared ones."""
    from checker.audit.copies import _NO_YEAR
    from checker.audit.features import PART_BITS

    out = []
    for i, j in zip(pairs["lo"].tolist(), pairs["hi"].tolist(), strict=True):
        same_body = corpus.bodies[i] >= 0 and corpus.bodies[i] == corpus.bodies[j]
        unknown = _NO_YEAR in (corpus.years[i], corpus.years[j])
        if same_body and unknown:
            continue
        (hashes_i, masks_i), (hashes_j, masks_j) = corpus.features(i), corpus.features(j)
        _, at_i, at_j = np.intersect1d(hashes_i, hashes_j, assume_unique=True, return_indices=True)
        if len(at_i) >= min_shared:
            lo_parts = [int(np.count_nonzero(masks_i[at_i] & bit)) for bit in PART_BITS.values()]
            hi_parts = [int(np.count_nonzero(masks_j[at_j] & bit)) for bit in PART_BITS.values()]
            out.append((i, j, len(at_i), lo_parts, hi_parts))
    return out


@pytest.mark.parametrize(("at_once", "shingles_at_once"), [(7, 1 << 22), (20_000, 1 << 22), (20_000, 300)])
def test_shared_shingles_of_all_pairs_at_once_equal_the_per_pair_definition(
    tmp_path, monkeypatch, at_once, shingles_at_once
):
    from checker.audit import copies
    from checker.audit.copies import Doc, _Corpus, _shared
    from checker.audit.dfsketch import DocumentFrequency
    from checker.audit.features import PART_BITS
    from checker.audit.lsh import _PAIR

    monkeypatch.setattr(copies, "PAIRS_AT_ONCE", at_once)  # 7: many steps, one pair split across none
    monkeypatch.setattr(copies, "SHINGLES_AT_ONCE", shingles_at_once)  # 300: a few pairs a step
    rng = np.random.default_rng(11)
    docs = []
    for k in range(240):
        size = int(rng.choice([0, 1, 4, 30, 200]))
        hashes = np.unique(rng.integers(0, 600, size)).astype(np.uint32)  # a small universe: overlaps
        masks = rng.integers(0, 8, len(hashes)).astype(np.uint8)
        agency = [None, "甲市司法局", "乙县人民政府", "丙区应急管理局"][k % 4]
        year = [None, 2022, 2023][int(rng.integers(0, 3))]
        docs.append(Doc(f"{k:04d}.txt", agency, year, hashes, masks))
    sketch = DocumentFrequency(width_bits=12)
    sketch.add([doc.hashes for doc in docs])
    corpus = _Corpus(tmp_path, len(docs), max_df=120)  # some shingles are boilerplate, dropped
    corpus.fill(docs, sketch.rare(120))
    corpus.open()
    try:
        lo = rng.integers(0, len(docs) - 1, 3000)
        hi = lo + 1 + (rng.integers(0, 10**6, 3000) % (len(docs) - 1 - lo))
        packed = np.unique((lo << 32) | hi)
        pairs = np.empty(len(packed), dtype=_PAIR)
        pairs["lo"], pairs["hi"] = packed >> 32, packed & 0xFFFFFFFF
        for min_shared in (1, 6):
            want = _shared_by_definition(corpus, pairs, min_shared)
            got = _shared(corpus, pairs, min_shared)
            names = list(PART_BITS)
            assert [
                (
                    int(got.lo[k]),
                    int(got.hi[k]),
                    int(got.votes[k]),
                    [int(got.lo_in_part[name][k]) for name in names],
                    [int(got.hi_in_part[name][k]) for name in names],
                )
                for k in range(len(got.lo))
            ] == want
            assert len(want) > 100 and any(w[2] < 6 for w in want) == (min_shared == 1)
        empty = _shared(corpus, pairs[:0], 6)
        assert len(empty.lo) == 0 and all(len(v) == 0 for v in empty.lo_in_part.values())
    finally:
        corpus.close()


def test_steps_of_pairs_hold_at_most_their_share_of_shingles(monkeypatch):
    """Pairs are confirmed in consecutive steps of at most ``PAIRS_AT_ONCE`` pairs and
    ``SHINGLES_AT_ONCE`` shingles, except a pair that alone has more, which is a step of its own."""
    from checker.audit import copies

    monkeypatch.setattr(copies, "PAIRS_AT_ONCE", 50)
    monkeypatch.setattr(copies, "SHINGLES_AT_ONCE", 1_000)
    rng = np.random.default_rng(3)
    shingles = rng.integers(0, 120, 2_000)
    shingles[[10, 11, 500]] = [5_000, 1_001, 80_000]  # reports of a million characters
    steps = list(copies._steps(shingles))
    assert steps[0].start == 0 and steps[-1].stop == len(shingles)
    assert all(a.stop == b.start for a, b in itertools.pairwise(steps))
    for step in steps:
        count = step.stop - step.start
        assert 1 <= count <= 50
        assert count == 1 or shingles[step].sum() <= 1_000
    assert {10, 11, 500} <= {step.start for step in steps if step.stop - step.start == 1}


def test_band_keys_of_a_report_of_a_million_hashes_take_tens_of_megabytes():
    """Every hash is mixed under all 64 hash functions (512 bytes a hash): at once, one huge
    report (a merged file of millions of characters) needed gigabytes in the audit's parent."""
    import tracemalloc

    from checker.audit.signatures import block_band_keys

    rng = np.random.default_rng(5)
    hashes = np.unique(rng.integers(0, 2**32, 1_000_000, dtype=np.uint64)).astype(np.uint32)
    owner = np.zeros(len(hashes), dtype=np.int64)
    masks = rng.integers(0, 8, len(hashes)).astype(np.uint8)
    selections = [np.ones(len(hashes), dtype=bool), masks == 0, (masks & 1) != 0]
    tracemalloc.start()
    try:
        keys = block_band_keys(hashes, owner, 1, selections)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [block.shape for block in keys] == [(1, 32)] * 3
    assert peak < 100 * 2**20, peak  # ~48 MB, inputs included; at once: ~1.5 GB


@pytest.mark.parametrize("max_df", [1, 3, 10, 50, 254])
def test_the_rare_bits_say_what_the_counts_say(monkeypatch, max_df):
    """The second pass's one bit per slot gives exactly the counts' verdict (packed a few slots at
    a time here, so the chunks' seams are crossed)."""
    from checker.audit import dfsketch
    from checker.audit.dfsketch import DocumentFrequency

    monkeypatch.setattr(dfsketch, "PACK_AT_ONCE", 64)
    rng = np.random.default_rng(5)
    sketch = DocumentFrequency(width_bits=14)
    # small hashes in most documents, large ones in a few: counts from 0 to 255
    ranges = (int(10 ** rng.uniform(1, 5.3)) for _ in range(1500))
    sketch.add([np.unique(rng.integers(0, top, 300)).astype(np.uint32) for top in ranges])
    hashes = rng.integers(0, 200_000, 50_000).astype(np.uint32)
    rare = sketch.rare(max_df).of(hashes)
    assert rare.tolist() == (sketch.estimate(hashes) <= max_df).tolist()
    assert 0 < rare.sum() < len(hashes)
