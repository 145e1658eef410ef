"""Find copied passages across a corpus of reports without comparing every pair.

Each report brings its sampled shingle hashes (:mod:`checker.audit.shingles`), each
tagged with the parts (measures, problems, next-year plan) it occurs in. An inverted
index — built by sorting all hashes once — gives, per hash, the reports containing it:

* hashes in more than ``max_df`` reports are boilerplate (习近平新时代中国特色社会主义思想,
  依法行政 …) and are dropped everywhere;
* every remaining hash votes for each pair of reports holding it, so the work grows with
  the number of *shared rare* shingles, not with the square of the corpus;
* pairs with at least ``min_shared`` votes are verified exactly: the share of one report's
  part (or whole text) whose rare shingles also occur in the other report.

Pairs are between different bodies (one bureau copying another) or a body and its own
earlier report (recycled problems or plans); two reports of one body for the same year
are the same report in two files and are not compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from checker.audit.features import PART_BITS, WHOLE

ACROSS, PREVIOUS = "across", "previous-year"
ACROSS_PARTS = (WHOLE, "measures", "problems", "next-year-plan")
PREVIOUS_PARTS = ("problems", "next-year-plan")
MIN_PART_HASHES = 5  # fewer rare sampled shingles than this: too short to judge


@dataclass(frozen=True)
class Doc:
    """One report as copy detection sees it."""

    path: str
    agency: str | None
    year: int | None
    hashes: np.ndarray  # uint32, sorted, unique
    masks: np.ndarray  # uint8, part bits per hash


@dataclass(frozen=True)
class Match:
    """``a``'s ``part`` shares ``similarity`` of its rare shingles with ``b``'s report."""

    kind: str
    part: str
    a: int
    b: int
    similarity: float


def body_key(agency: str | None) -> str | None:
    """Agency names compared loosely: no spaces, no 中共…党组 wrapper."""
    if not agency:
        return None
    name = re.sub(r"\s+", "", agency)
    name = re.sub(r"^中共", "", name)
    return re.sub(r"(?:党组|党委)$", "", name) or None


def max_df_for(n_docs: int, share: float = 0.05, floor: int = 3, ceiling: int = 50) -> int:
    """Document frequency above which a shingle counts as boilerplate."""
    return int(min(ceiling, max(floor, round(share * n_docs))))


@dataclass(frozen=True)
class _Shared:
    """Per candidate pair (lo < hi): shared rare shingles in total and per part of each side."""

    lo: np.ndarray
    hi: np.ndarray
    votes: np.ndarray
    lo_in_part: dict[str, np.ndarray]  # shared shingles lying in lo's part
    hi_in_part: dict[str, np.ndarray]


EMISSION_BUDGET = 500_000  # pair emissions held at once: bounds memory whatever the corpus size
SLICE_EMISSIONS = 500_000  # emissions generated per slice of one document-frequency group


@dataclass(frozen=True)
class _Index:
    """The inverted index: rare shingles grouped by document frequency, owners ascending."""

    n: int
    owners: np.ndarray  # doc index per (shingle, doc) entry, sorted by shingle then doc
    masks: np.ndarray  # part bits per entry
    groups: list[tuple[int, np.ndarray]]  # (document frequency, start offsets of its shingles)


def _build_index(docs: list[Doc], max_df: int) -> tuple[_Index, np.ndarray]:
    """The index and each document's number of rare shingles per part (whole, then parts)."""
    n = len(docs)
    lengths = np.array([len(d.hashes) for d in docs], dtype=np.int64)
    all_hashes = np.concatenate([d.hashes for d in docs])
    owners = np.repeat(np.arange(n, dtype=np.int32), lengths)
    order = np.argsort(all_hashes, kind="stable")  # stable: owners stay ascending per shingle
    owners, masks = owners[order], np.concatenate([d.masks for d in docs])[order]
    _, starts, counts = np.unique(all_hashes[order], return_index=True, return_counts=True)
    rare = np.repeat(counts <= max_df, counts)
    sizes = np.zeros((n, 1 + len(PART_BITS)), dtype=np.int64)
    sizes[:, 0] = np.bincount(owners[rare], minlength=n)
    for column, bit in enumerate(PART_BITS.values(), 1):
        sizes[:, column] = np.bincount(owners[rare & ((masks & bit) != 0)], minlength=n)
    shared = (counts >= 2) & (counts <= max_df)
    groups = [(int(size), starts[counts == size]) for size in np.unique(counts[shared])]
    return _Index(n, owners, masks, groups), sizes


def _emissions(index: _Index, low: int, high: int):
    """(a, b, mask_a, mask_b) for every shared rare shingle of every pair a < b, low ≤ a < high."""
    for size, group_starts in index.groups:
        first, second = np.triu_indices(size, 1)
        rows = max(1, SLICE_EMISSIONS // len(first))
        for offset in range(0, len(group_starts), rows):
            positions = group_starts[offset : offset + rows, None] + np.arange(size)
            members = index.owners[positions]
            # members ascend along a row: rows entirely outside [low, high) as first member go
            useful = (members[:, 0] < high) & (members[:, -2] >= low)
            if not useful.any():
                continue
            members, member_masks = members[useful], index.masks[positions[useful]]
            a, b = members[:, first].ravel(), members[:, second].ravel()
            keep = (a >= low) & (a < high)
            yield (
                a[keep],
                b[keep],
                member_masks[:, first].ravel()[keep],
                member_masks[:, second].ravel()[keep],
            )


def _chunks(index: _Index) -> list[tuple[int, int]]:
    """Ranges of first documents whose pair emissions fit :data:`EMISSION_BUDGET` each."""
    per_doc = np.zeros(index.n, dtype=np.int64)
    for size, group_starts in index.groups:
        for j in range(size - 1):  # the member at place j is the first of size-1-j pairs
            per_doc += np.bincount(index.owners[group_starts + j], minlength=index.n) * (size - 1 - j)
    bounds, running, low = [], 0, 0
    for doc, count in enumerate(per_doc.tolist()):
        if running and running + count > EMISSION_BUDGET:
            bounds.append((low, doc))
            low, running = doc, 0
        running += count
    bounds.append((low, index.n))
    return bounds


def _shared_counts(docs: list[Doc], max_df: int, min_shared: int) -> tuple[_Shared, np.ndarray]:
    """Count, from the inverted index, what every pair with ``min_shared`` votes shares.

    Pairs are counted in chunks of first documents, each complete on its own (every shingle
    a pair shares is emitted in its first document's chunk), so memory stays bounded by
    :data:`EMISSION_BUDGET` however many reports there are. Also returns each document's
    number of rare shingles per part, the denominators of containment.
    """
    index, sizes = _build_index(docs, max_df)
    n = index.n
    key_type = np.int32 if n * n < 2**31 else np.int64  # half the memory below 46,000 reports
    found: list[tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], dict[str, np.ndarray]]] = []
    for low, high in _chunks(index):
        pieces = list(_emissions(index, low, high))
        if not pieces:
            continue
        a = np.concatenate([p[0] for p in pieces]).astype(key_type)
        keys = a * n + np.concatenate([p[1] for p in pieces]).astype(key_type)
        mask_a, mask_b = np.concatenate([p[2] for p in pieces]), np.concatenate([p[3] for p in pieces])
        del pieces, a
        pair_keys, inverse, votes = np.unique(keys, return_inverse=True, return_counts=True)
        del keys
        keep = votes >= min_shared
        lo_in_part, hi_in_part = {}, {}
        for name, bit in PART_BITS.items():  # counting a subset avoids float weight arrays
            lo_in_part[name] = np.bincount(inverse[(mask_a & bit) != 0], minlength=len(pair_keys))[keep]
            hi_in_part[name] = np.bincount(inverse[(mask_b & bit) != 0], minlength=len(pair_keys))[keep]
        found.append((pair_keys[keep].astype(np.int64), votes[keep], lo_in_part, hi_in_part))
    empty = np.empty(0, dtype=np.int64)
    if not found:
        return _Shared(empty, empty, empty, {}, {}), sizes
    chosen = np.concatenate([f[0] for f in found])
    parts = list(PART_BITS)
    return (
        _Shared(
            chosen // n,
            chosen % n,
            np.concatenate([f[1] for f in found]),
            {name: np.concatenate([f[2][name] for f in found]) for name in parts},
            {name: np.concatenate([f[3][name] for f in found]) for name in parts},
        ),
        sizes,
    )


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


def find_matches(
    docs: list[Doc], min_similarity: dict[str, float], *, min_shared: int = 6, max_df: int | None = None
) -> list[Match]:
    """Every (kind, part, a, b) whose similarity reaches ``min_similarity[kind]``.

    Shared-shingle counts per pair and part come straight from the inverted index, so no
    pair is compared shingle by shingle: the cost grows with the shared rare shingles.
    """
    if len(docs) < 2:
        return []
    limit = max_df if max_df is not None else max_df_for(len(docs))
    shared, sizes = _shared_counts(docs, limit, min_shared)
    if not len(shared.lo):
        return []
    keys = [body_key(d.agency) for d in docs]
    years = [d.year for d in docs]
    lo_sim, hi_sim = _similarities(shared, sizes, True), _similarities(shared, sizes, False)
    floor = min(min_similarity.values())
    parts = (WHOLE, *PART_BITS)
    reaches = np.zeros(len(shared.lo), dtype=bool)
    for name in parts:
        reaches |= np.nan_to_num(lo_sim[name]) >= floor
        reaches |= np.nan_to_num(hi_sim[name]) >= floor
    matches: list[Match] = []
    for k in np.flatnonzero(reaches).tolist():
        i, j = int(shared.lo[k]), int(shared.hi[k])
        if keys[i] is not None and keys[i] == keys[j]:
            year_i, year_j = years[i], years[j]
            if year_i is None or year_j is None or year_i == year_j:
                continue
            # only the later report can have recycled the earlier one
            directions = [(i, j, lo_sim)] if year_i > year_j else [(j, i, hi_sim)]
            kind, names = PREVIOUS, tuple(PREVIOUS_PARTS)
        else:
            directions, kind, names = [(i, j, lo_sim), (j, i, hi_sim)], ACROSS, ACROSS_PARTS
        for a, b, sims in directions:
            for name in names:
                similarity = float(sims[name][k])
                if not np.isnan(similarity) and similarity >= min_similarity[kind]:
                    matches.append(Match(kind, name, a, b, round(similarity, 4)))
    matches.sort(key=lambda m: (docs[m.a].path, docs[m.b].path, m.kind, m.part))
    return matches
