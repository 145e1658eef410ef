"""Find copied passages across a corpus of reports without comparing every pair.

Each report brings its sampled shingle hashes (:mod:`checker.audit.shingles`), each tagged
with the parts (measures, problems, next-year plan) it occurs in. Two streaming passes:

1. document frequencies of every shingle counted in *bodies*, in a fixed-memory sketch
   (:mod:`checker.audit.dfsketch`); shingles used by more than ``max_df`` bodies are
   boilerplate (习近平新时代中国特色社会主义思想, 依法行政 …) and dropped everywhere. The pass
   reads the reports body by body and counts each body's consecutive reports as one
   document, so a body that keeps its text for years counts once, not once a year (a report
   with no known body counts as its own);
2. per report, its rare shingles are written to a features file on disk and each part's
   rare shingles (whole text, measures, problems, plan, and the text in no part) get a
   MinHash signature whose band keys go to the on-disk LSH index (:mod:`checker.audit.lsh`).

Reports sharing a bucket are candidates; each candidate pair is confirmed exactly: the
share of one report's part (or whole text) whose rare shingles also occur in the other.
Memory is bounded by fixed buffers and a few small arrays per report, not by the shingles.

Pairs are between different bodies (one bureau copying another) or a body and its own
earlier report (recycled measures, problems or plans). Two reports of one body for the same
year whose whole texts each hold at least ``DUPLICATE_MIN`` of the other are one report
submitted twice (two files, or two versions of it): a ``duplicate`` pair, a fact about the
collection rather than copying in either text.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import BinaryIO

import msgspec
import numpy as np

from checker.audit.batches import batches
from checker.audit.dfsketch import DocumentFrequency, RareShingles
from checker.audit.featurecache import FeatureCache, Record, encode_block, rarity_digest
from checker.audit.features import PART_BITS, WHOLE
from checker.audit.lsh import BandIndex, partitions_for
from checker.audit.release import release_memory
from checker.audit.signatures import BANDS, block_band_keys
from checker.audit.threaded import ordered_map

ACROSS, PREVIOUS, DUPLICATE = "across", "previous-year", "duplicate"
ACROSS_PARTS = (WHOLE, "measures", "problems", "next-year-plan")
# a body's own earlier report: every part too. Measures copied from last year report last
# year's work (the rule probe's 2024 report whose measures were 2023's, word for word, passed)
PREVIOUS_PARTS = ACROSS_PARTS
# both whole texts share at least this much: the same report (a draft and its final version
# too); two reports of the same body and year that differ more are not compared
DUPLICATE_MIN = 0.8
MIN_PART_HASHES = 5  # fewer rare sampled shingles than this: too short to judge
SIGNED_PARTS = 2 + len(PART_BITS)  # whole, each part, text in no part
_NO_YEAR = -(2**31)
_CACHE = 4096  # feature records kept while confirming one partition of pairs
BLOCK = 64  # reports whose rare shingles and signatures are worked out together


class Doc(msgspec.Struct, frozen=True):
    """One report as copy detection sees it."""

    path: str
    agency: str | None
    year: int | None
    hashes: np.ndarray  # uint32, sorted, unique
    masks: np.ndarray  # uint8, part bits per hash
    version: float | None = None  # the stored row's checked_at: its cached work is taken only with it


class Match(msgspec.Struct, frozen=True):
    """``a``'s ``part`` shares ``similarity`` of its rare shingles with ``b``'s report (paths)."""

    kind: str
    part: str
    a: str
    b: str
    similarity: float


DocStream = Callable[[], Iterable[Doc]]


def body_key(agency: str | None) -> str | None:
    """Agency names compared loosely: no spaces, no 中共…党组 wrapper."""
    if not agency:
        return None
    name = re.sub(r"\s+", "", agency)
    name = re.sub(r"^中共", "", name)
    return re.sub(r"(?:党组|党委)$", "", name) or None


# A shingle used by more than this share of the bodies (at least BOILERPLATE_FLOOR, at most
# BOILERPLATE_CEILING bodies) is boilerplate. The floor was 3: in a county's audit of a few
# dozen reports, a report a body recycled four years running, or one several bodies copied, was
# in more than 3 reports and so dropped as stock phrases, copies and all. Real stock phrases are
# in far more reports than 10; with nothing dropped at all, 8 independent real reports still
# share less than half of any part (benchmarks/copy_accuracy.py).
BOILERPLATE_SHARE = 0.05
BOILERPLATE_FLOOR = 10
BOILERPLATE_CEILING = 50


def max_df_for(
    n_docs: int,
    share: float = BOILERPLATE_SHARE,
    floor: int = BOILERPLATE_FLOOR,
    ceiling: int = BOILERPLATE_CEILING,
) -> int:
    """Document frequency above which a shingle counts as boilerplate."""
    return int(min(ceiling, max(floor, round(share * n_docs))))


class _BlockWork(msgspec.Struct, frozen=True):
    """What :meth:`_Corpus.fill` works out for a block of reports before writing it."""

    hashes: np.ndarray  # the block's rare shingles, report after report
    masks: np.ndarray  # their part bits
    kept: np.ndarray  # rare shingles per report
    part_sizes: list[np.ndarray]  # per report: whole (= kept), then each part
    keys: list[np.ndarray]  # band keys per selection (whole, text in no part, each part)
    signed: list[np.ndarray]  # per selection, the reports with enough shingles to be signed
    worked: Sequence[int]  # the reports worked out here (the others' records were cached)

    def record(self, k: int) -> Record:
        """What was worked out for the block's report ``k`` alone."""
        low = int(self.kept[:k].sum())
        high = low + int(self.kept[k])
        return Record(
            self.hashes[low:high],
            self.masks[low:high],
            np.array([int(sizes[k]) for sizes in self.part_sizes], dtype=np.int64),
            np.stack([keys[k] for keys in self.keys]),
            np.array([bool(signed[k]) for signed in self.signed]),
        )

    @classmethod
    def of(cls, records: list[Record], worked: Sequence[int]) -> _BlockWork:
        """A block's work put together from its reports' records, in order."""
        columns = len(records[0].sizes)
        selections = len(records[0].signed)
        sizes = np.stack([r.sizes for r in records])
        return cls(
            np.concatenate([r.hashes for r in records]),
            np.concatenate([r.masks for r in records]),
            sizes[:, 0].copy(),
            [sizes[:, c].copy() for c in range(columns)],
            [np.stack([r.keys[s] for r in records]) for s in range(selections)],
            [np.array([r.signed[s] for r in records], dtype=bool) for s in range(selections)],
            worked,
        )


class _Corpus:
    """What the passes leave behind: features on disk, a few numbers per report in memory."""

    def __init__(self, folder: Path, n: int, max_df: int) -> None:
        self.n = n
        self.max_df = max_df
        self.offsets = np.zeros(n + 1, dtype=np.int64)  # feature record bounds (bytes)
        self.sizes = np.zeros((n, 1 + len(PART_BITS)), dtype=np.int32)  # rare shingles: whole, parts
        self.bodies = np.full(n, -1, dtype=np.int32)
        self.years = np.full(n, _NO_YEAR, dtype=np.int32)
        self.path_offsets = np.zeros(n + 1, dtype=np.int64)
        self.features_path = folder / "features.bin"
        self.paths_path = folder / "paths.bin"
        self.bands = BandIndex(folder / "lsh", partitions_for(n * SIGNED_PARTS * BANDS), 4 * max_df + 8)
        self._cache: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._fd = -1

    def fill(self, docs: Iterable[Doc], rare: RareShingles, cache: FeatureCache | None = None) -> None:
        """Second pass: rare shingles to disk, signatures into the LSH index, ``BLOCK``
        reports at a time (numpy's per-call cost would otherwise dominate a short report).
        The blocks' numbers are worked out on threads, and written here in order. With a
        ``cache``, a report's work is taken from it when it has the report's version, and
        what is worked out goes to it."""
        body_ids: dict[str, int] = {}

        def known(block: list[Doc]) -> tuple[list[Doc], dict[int, Record]]:
            if cache is None:
                return block, {}
            return block, cache.known([doc.path for doc in block], [doc.version for doc in block])

        def work(item: tuple[list[Doc], dict[int, Record]]) -> tuple[list[Doc], _BlockWork]:
            return item[0], self._cached_work(item[0], rare, item[1])

        with self.features_path.open("wb") as features, self.paths_path.open("wb") as paths:
            start = 0
            # the cache is read here, as ordered_map takes the blocks, not on its threads
            for block, done in ordered_map(work, map(known, batches(docs, BLOCK))):
                if start + len(block) > self.n:
                    raise RuntimeError("the corpus changed between the two passes")
                self._store_block(start, block, done, features, paths, body_ids)
                if cache is not None and len(done.worked):
                    records = encode_block(
                        done.hashes, done.masks, done.part_sizes, done.keys, done.signed, done.worked
                    )
                    for k, record in zip(done.worked, records, strict=True):
                        cache.put(block[k].path, block[k].version, record)
                start += len(block)

    def _cached_work(self, block: list[Doc], rare: RareShingles, known: dict[int, Record]) -> _BlockWork:
        """The block's work: the ``known`` reports' records, the others worked out (each report's
        work depends on its own shingles and the rare bits alone, not on the rest of the block)."""
        if not known:
            return self._block_work(block, rare)
        missing = [k for k in range(len(block)) if k not in known]
        records = dict(known)
        if missing:
            fresh = self._block_work([block[k] for k in missing], rare)
            records.update((k, fresh.record(j)) for j, k in enumerate(missing))
        return _BlockWork.of([records[k] for k in range(len(block))], missing)

    def _block_work(self, block: list[Doc], rare_shingles: RareShingles) -> _BlockWork:
        """A block's rare shingles, their counts per part and its band keys (reads only the
        rare bits: safe on several threads at once)."""
        count = len(block)
        sizes = np.fromiter((len(doc.hashes) for doc in block), dtype=np.int64, count=count)
        owner = np.repeat(np.arange(count), sizes)
        hashes = np.concatenate([doc.hashes for doc in block]).astype(np.uint32, copy=False)
        masks = np.concatenate([doc.masks for doc in block]).astype(np.uint8, copy=False)
        rare = rare_shingles.of(hashes)
        hashes, masks, owner = hashes[rare], masks[rare], owner[rare]
        kept = np.bincount(owner, minlength=count)
        part_sizes = [kept]
        selections = [np.ones(len(hashes), dtype=bool), masks == 0]  # whole, text in no part
        for bit in PART_BITS.values():
            inside = (masks & bit) != 0
            part_sizes.append(np.bincount(owner[inside], minlength=count))
            selections.append(inside)
        signed = [np.bincount(owner[chosen], minlength=count) >= MIN_PART_HASHES for chosen in selections]
        keys = block_band_keys(hashes, owner, count, selections)
        return _BlockWork(hashes, masks, kept, part_sizes, keys, signed, range(count))

    def _store_block(
        self,
        start: int,
        block: list[Doc],
        work: _BlockWork,
        features: BinaryIO,
        paths: BinaryIO,
        body_ids: dict[str, int],
    ) -> None:
        """Write a block's features and paths, note its reports, and index its band keys."""
        count = len(block)
        bounds = np.concatenate(([0], np.cumsum(work.kept))).tolist()
        hashes, masks = work.hashes, work.masks
        for k, doc in enumerate(block):
            i, low, high = start + k, bounds[k], bounds[k + 1]
            features.write(hashes[low:high].astype("<u4").tobytes() + masks[low:high].tobytes())
            self.offsets[i + 1] = self.offsets[i] + 5 * (high - low)
            encoded = doc.path.encode("utf-8", "surrogateescape")
            paths.write(encoded)
            self.path_offsets[i + 1] = self.path_offsets[i] + len(encoded)
            key = body_key(doc.agency)
            if key is not None:
                self.bodies[i] = body_ids.setdefault(key, len(body_ids))
            if doc.year is not None:
                self.years[i] = doc.year
        rows = slice(start, start + count)
        for column, part_size in enumerate(work.part_sizes):
            self.sizes[rows, column] = part_size
        docs = np.arange(start, start + count, dtype=np.int32)
        for keys, signed in zip(work.keys, work.signed, strict=True):
            self.bands.add(docs[signed], keys[signed])

    def open(self) -> None:
        self._fd = os.open(self.features_path, os.O_RDONLY)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def features(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Rare hashes and their part bits of report ``i`` (read, not mapped: RSS stays flat)."""
        found = self._cache.get(i)
        if found is None:
            start, end = int(self.offsets[i]), int(self.offsets[i + 1])
            raw = os.pread(self._fd, end - start, start)
            count = (end - start) // 5
            found = (np.frombuffer(raw, "<u4", count), np.frombuffer(raw, np.uint8, count, 4 * count))
            if len(self._cache) >= _CACHE:
                self._cache.clear()
            self._cache[i] = found
        return found

    def paths(self, indices: Iterable[int]) -> dict[int, str]:
        out = {}
        with self.paths_path.open("rb") as handle:
            for i in sorted(set(indices)):
                handle.seek(int(self.path_offsets[i]))
                out[i] = handle.read(int(self.path_offsets[i + 1] - self.path_offsets[i])).decode(
                    "utf-8", "surrogateescape"
                )
        return out


class _Shared(msgspec.Struct, frozen=True):
    """Per candidate pair (lo < hi): shared rare shingles in total and per part of each side."""

    lo: np.ndarray
    hi: np.ndarray
    votes: np.ndarray
    lo_in_part: dict[str, np.ndarray]  # shared shingles lying in lo's part
    hi_in_part: dict[str, np.ndarray]


PAIRS_AT_ONCE = 20_000  # candidate pairs confirmed in one vectorised step (bounds the memory)
# and at most this many rare shingles of both sides in all (each costs ~40 bytes in the step),
# so that pairs with a report of millions of characters do not take gigabytes at once. 2^22 took
# the parent's peak to 139 MB at 20,000 reports, 2^20 to 115, in the same time
SHINGLES_AT_ONCE = 1 << 20


def _shared(corpus: _Corpus, pairs: np.ndarray, min_shared: int) -> _Shared:
    """Exact shared rare shingles of each candidate pair with at least ``min_shared``."""
    lo, hi = pairs["lo"].astype(np.int64), pairs["hi"].astype(np.int64)
    same_body = (corpus.bodies[lo] >= 0) & (corpus.bodies[lo] == corpus.bodies[hi])
    unknown_year = (corpus.years[lo] == _NO_YEAR) | (corpus.years[hi] == _NO_YEAR)
    keep = ~(same_body & unknown_year)
    lo, hi = lo[keep], hi[keep]
    bits = list(PART_BITS.values())
    votes = np.zeros(len(lo), dtype=np.int64)
    lo_counts = np.zeros((len(lo), len(bits)), dtype=np.int64)
    hi_counts = np.zeros((len(lo), len(bits)), dtype=np.int64)
    for rows in _steps(corpus.sizes[lo, 0] + corpus.sizes[hi, 0]):
        _count_shared(corpus, lo[rows], hi[rows], votes[rows], lo_counts[rows], hi_counts[rows], bits)
    chosen = votes >= min_shared
    names = list(PART_BITS)
    return _Shared(
        lo[chosen],
        hi[chosen],
        votes[chosen],
        {name: lo_counts[chosen, c] for c, name in enumerate(names)},
        {name: hi_counts[chosen, c] for c, name in enumerate(names)},
    )


def _steps(shingles: np.ndarray) -> Iterator[slice]:
    """Consecutive runs of pairs, each of at most ``PAIRS_AT_ONCE`` pairs and, unless one pair
    alone has more, at most ``SHINGLES_AT_ONCE`` shingles (``shingles``: both sides' per pair)."""
    ends = np.cumsum(shingles)
    start = 0
    while start < len(shingles):
        below = int(np.searchsorted(ends, (ends[start - 1] if start else 0) + SHINGLES_AT_ONCE, "right"))
        stop = min(start + PAIRS_AT_ONCE, max(below, start + 1))
        yield slice(start, stop)
        start = stop


def _count_shared(
    corpus: _Corpus,
    lo: np.ndarray,
    hi: np.ndarray,
    votes: np.ndarray,
    lo_counts: np.ndarray,
    hi_counts: np.ndarray,
    bits: list[int],
) -> None:
    """Fill ``votes`` (shared rare shingles of pair ``k``) and the part counts of both sides, for
    all pairs at once: each side's shingles are laid out pair after pair as ``k << 32 | hash``,
    which keeps them sorted (each report's hashes are sorted and unique), so one binary search
    of one side in the other finds every shared shingle of every pair."""
    if not len(lo):
        return
    docs = np.unique(np.concatenate((lo, hi)))
    loaded = [corpus.features(int(doc)) for doc in docs.tolist()]
    sizes = np.fromiter((len(h) for h, _ in loaded), dtype=np.int64, count=len(loaded))
    starts = np.concatenate(([0], np.cumsum(sizes)))
    all_hashes = np.concatenate([h for h, _ in loaded]).astype(np.int64)
    all_masks = np.concatenate([m for _, m in loaded])

    def side(reports: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        at = np.searchsorted(docs, reports)
        counts = sizes[at]
        pair = np.repeat(np.arange(len(reports), dtype=np.int64), counts)
        first = np.repeat(starts[at] - (np.cumsum(counts) - counts), counts)
        taken = first + np.arange(len(pair), dtype=np.int64)  # each pair's report's hashes in turn
        return (pair << 32) | all_hashes[taken], all_masks[taken]

    keys_lo, masks_lo = side(lo)
    keys_hi, masks_hi = side(hi)
    if not len(keys_lo) or not len(keys_hi):
        return
    at_hi = np.searchsorted(keys_hi, keys_lo)
    np.minimum(at_hi, len(keys_hi) - 1, out=at_hi)
    found = keys_hi[at_hi] == keys_lo
    pair = (keys_lo[found] >> 32).astype(np.int64)
    shared_lo, shared_hi = masks_lo[found], masks_hi[at_hi[found]]
    votes[:] = np.bincount(pair, minlength=len(lo))
    for column, bit in enumerate(bits):
        lo_counts[:, column] = np.bincount(pair[(shared_lo & bit) != 0], minlength=len(lo))
        hi_counts[:, column] = np.bincount(pair[(shared_hi & bit) != 0], minlength=len(lo))


def _similarities(shared: _Shared, sizes: np.ndarray, lo_side: bool) -> dict[str, np.ndarray]:
    """Containment of each part of one side of every pair in the other report (NaN: too short)."""
    side = shared.lo if lo_side else shared.hi
    columns = {WHOLE: 0, **{name: i for i, name in enumerate(PART_BITS, 1)}}
    counts = {WHOLE: shared.votes, **(shared.lo_in_part if lo_side else shared.hi_in_part)}
    out = {}
    for name, column in columns.items():
        size = sizes[side, column].astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            out[name] = np.where(size >= MIN_PART_HASHES, counts[name] / size, np.nan)
    return out


def _classify(
    corpus: _Corpus, shared: _Shared, min_similarity: dict[str, float]
) -> list[tuple[str, str, int, int, float]]:
    """(kind, part, a, b, similarity) of every confirmed pair and part reaching its threshold;
    a report submitted twice is one ``duplicate`` pair (whole, the smaller of the two shares)."""
    lo_sim, hi_sim = _similarities(shared, corpus.sizes, True), _similarities(shared, corpus.sizes, False)
    duplicate_min = min_similarity.get(DUPLICATE, DUPLICATE_MIN)
    floor = min(duplicate_min, *min_similarity.values())
    reaches = np.zeros(len(shared.lo), dtype=bool)
    for name in (WHOLE, *PART_BITS):
        reaches |= np.nan_to_num(lo_sim[name]) >= floor
        reaches |= np.nan_to_num(hi_sim[name]) >= floor
    found = []
    names: tuple[str, ...]
    for k in np.flatnonzero(reaches).tolist():
        i, j = int(shared.lo[k]), int(shared.hi[k])
        same_body = corpus.bodies[i] >= 0 and corpus.bodies[i] == corpus.bodies[j]
        if same_body and corpus.years[i] == corpus.years[j]:
            similarity = float(np.minimum(lo_sim[WHOLE][k], hi_sim[WHOLE][k]))
            if similarity >= duplicate_min:  # NaN (too short) compares false
                found.append((DUPLICATE, WHOLE, i, j, round(similarity, 4)))
            continue
        if same_body:
            # only the later report can have recycled the earlier one (same years: above)
            directions = [(i, j, lo_sim)] if corpus.years[i] > corpus.years[j] else [(j, i, hi_sim)]
            kind, names = PREVIOUS, tuple(PREVIOUS_PARTS)
        else:
            directions, kind, names = [(i, j, lo_sim), (j, i, hi_sim)], ACROSS, ACROSS_PARTS
        for a, b, sims in directions:
            for name in names:
                similarity = float(sims[name][k])
                if not np.isnan(similarity) and similarity >= min_similarity[kind]:
                    found.append((kind, name, a, b, round(similarity, 4)))
    return found


def body_documents(docs: Iterable[Doc]) -> Iterator[tuple[int, np.ndarray]]:
    """(reports, shingles) of each body: a run of consecutive reports of one body (at most
    ``BLOCK`` of them, so memory stays bounded) is one document; a report of no known body is
    one on its own. A body read in two runs counts twice: never rarer than it is."""
    run: list[np.ndarray] = []
    run_key: str | None = None
    for doc in docs:
        key = body_key(doc.agency)
        if run and (key is None or key != run_key or len(run) >= BLOCK):
            yield len(run), np.concatenate(run)
            run = []
        run_key = key
        run.append(doc.hashes)
    if run:
        yield len(run), np.concatenate(run)


def _blocks(documents: Iterable[tuple[int, np.ndarray]]) -> Iterator[list[tuple[int, np.ndarray]]]:
    """Body documents taken together up to ``BLOCK`` reports in all (as the second pass's blocks)."""
    block: list[tuple[int, np.ndarray]] = []
    reports = 0
    for document in documents:
        if block and reports + document[0] > BLOCK:
            yield block
            block, reports = [], 0
        block.append(document)
        reports += document[0]
    if block:
        yield block


def _tally(
    sketch: DocumentFrequency, block: list[tuple[int, np.ndarray]]
) -> tuple[int, int, list[tuple[np.ndarray, np.ndarray]]]:
    """(reports, bodies, tallies) of a block of body documents (a slot counts once per body)."""
    return sum(count for count, _ in block), len(block), sketch.tally([hashes for _, hashes in block])


class _Rare(msgspec.Struct):
    """What the first pass leaves the second: the boilerplate cut and the shingles below it."""

    max_df: int
    shingles: RareShingles


def _first_pass(by_body: DocStream, max_df: int | None) -> tuple[int, _Rare]:
    """(reports, rare shingles) from the document frequencies counted in bodies. Only
    the rare bits leave: the counts (64 MB) are let go before the second pass."""
    sketch = DocumentFrequency()
    n = bodies = 0
    for reports, block_bodies, tallies in ordered_map(
        partial(_tally, sketch), _blocks(body_documents(by_body()))
    ):
        sketch.add_tally(tallies)  # blocks tallied on threads
        n += reports
        bodies += block_bodies
    limit = max_df if max_df is not None else max_df_for(bodies)
    return n, _Rare(limit, sketch.rare(limit))


def find_matches(
    docs: Sequence[Doc] | DocStream,
    min_similarity: dict[str, float],
    *,
    min_shared: int = 6,
    max_df: int | None = None,
    workdir: Path | None = None,
    by_body: DocStream | None = None,
    cache: FeatureCache | None = None,
) -> list[Match]:
    """Every (kind, part, a, b) whose similarity reaches ``min_similarity[kind]``.

    ``docs`` is a list or a callable giving the same reports in the same order each time it
    is called (it is read twice). ``by_body`` gives the same reports with each body's reports
    next to each other, for counting document frequencies in bodies (default: a list sorted
    by body; a callable ``docs`` itself). Scratch files go to a temporary folder in ``workdir``.
    ``cache``: the second pass's work of earlier runs (:mod:`checker.audit.featurecache`),
    taken where it holds and brought up to date.
    """
    stream: DocStream = docs if callable(docs) else (lambda: docs)
    if by_body is None:
        by_body = stream if callable(docs) else (lambda: sorted(docs, key=lambda d: body_key(d.agency) or ""))
    n, rare = _first_pass(by_body, max_df)
    if n < 2:
        return []
    with tempfile.TemporaryDirectory(prefix="copies-", dir=workdir) as folder:
        corpus = _Corpus(Path(folder), n, rare.max_df)
        release_memory()  # the counts, the first pass's blocks
        if cache is not None:
            cache.begin(rarity_digest(rare.max_df, rare.shingles))
        corpus.fill(stream(), rare.shingles, cache)
        if cache is not None:
            cache.finish()
        del rare
        release_memory()  # the rare bits, the second pass's blocks
        found: list[tuple[str, str, int, int, float]] = []
        corpus.open()
        try:
            for pairs in corpus.bands.pairs():
                found.extend(_classify(corpus, _shared(corpus, pairs, min_shared), min_similarity))
        finally:
            corpus.close()
        paths = corpus.paths([f[2] for f in found] + [f[3] for f in found])
    matches = [Match(kind, part, paths[a], paths[b], sim) for kind, part, a, b, sim in found]
    matches.sort(key=lambda m: (m.a, m.b, m.kind, m.part))
    return matches
