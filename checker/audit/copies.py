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


def _shared_counts(docs: list[Doc], max_df: int, min_shared: int) -> tuple[_Shared, np.ndarray]:
    """Count, from the inverted index, what every pair with ``min_shared`` votes shares.

    Also returns each document's number of rare shingles per part (rows: docs, columns:
    whole then :data:`PART_BITS`), the denominators of containment.
    """
    n = len(docs)
    lengths = np.array([len(d.hashes) for d in docs], dtype=np.int64)
    all_hashes = np.concatenate([d.hashes for d in docs])
    all_masks = np.concatenate([d.masks for d in docs])
    owners = np.repeat(np.arange(n, dtype=np.int32), lengths)
    order = np.argsort(all_hashes, kind="stable")
    hashes, owners, masks = all_hashes[order], owners[order], all_masks[order]
    _, starts, counts = np.unique(hashes, return_index=True, return_counts=True)
    rare = np.repeat(counts <= max_df, counts)
    sizes = np.zeros((n, 1 + len(PART_BITS)), dtype=np.int64)
    sizes[:, 0] = np.bincount(owners[rare], minlength=n)
    for column, bit in enumerate(PART_BITS.values(), 1):
        sizes[:, column] = np.bincount(owners[rare & ((masks & bit) != 0)], minlength=n)
    keys, lo_masks, hi_masks = [], [], []
    for size in np.unique(counts[(counts >= 2) & (counts <= max_df)]):
        positions = starts[counts == size][:, None] + np.arange(size)
        members, member_masks = owners[positions], masks[positions]
        first, second = np.triu_indices(int(size), 1)
        a, b = members[:, first].ravel(), members[:, second].ravel()
        mask_a, mask_b = member_masks[:, first].ravel(), member_masks[:, second].ravel()
        swap = a > b
        key_type = np.int32 if n * n < 2**31 else np.int64  # half the memory below 46,000 reports
        low = np.where(swap, b, a).astype(key_type, copy=False)
        keys.append(low * key_type(n) + np.where(swap, a, b).astype(key_type, copy=False))
        lo_masks.append(np.where(swap, mask_b, mask_a))
        hi_masks.append(np.where(swap, mask_a, mask_b))
    empty = np.empty(0, dtype=np.int64)
    if not keys:
        return _Shared(empty, empty, empty, {}, {}), sizes
    all_keys = np.concatenate(keys)
    del keys
    pair_keys, inverse, votes = np.unique(all_keys, return_inverse=True, return_counts=True)
    del all_keys
    lo_mask, hi_mask = np.concatenate(lo_masks), np.concatenate(hi_masks)
    del lo_masks, hi_masks
    keep = votes >= min_shared
    lo_in_part, hi_in_part = {}, {}
    for name, bit in PART_BITS.items():  # counting a subset avoids float weight arrays
        lo_in_part[name] = np.bincount(inverse[(lo_mask & bit) != 0], minlength=len(pair_keys))[keep]
        hi_in_part[name] = np.bincount(inverse[(hi_mask & bit) != 0], minlength=len(pair_keys))[keep]
    chosen = pair_keys[keep]
    return _Shared(chosen // n, chosen % n, votes[keep], lo_in_part, hi_in_part), sizes


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
            if years[i] is None or years[j] is None or years[i] == years[j]:
                continue
            # only the later report can have recycled the earlier one
            directions = [(i, j, lo_sim)] if years[i] > years[j] else [(j, i, hi_sim)]
            kind, names = PREVIOUS, PREVIOUS_PARTS
        else:
            directions, kind, names = [(i, j, lo_sim), (j, i, hi_sim)], ACROSS, ACROSS_PARTS
        for a, b, sims in directions:
            for name in names:
                similarity = float(sims[name][k])
                if not np.isnan(similarity) and similarity >= min_similarity[kind]:
                    matches.append(Match(kind, name, a, b, round(similarity, 4)))
    matches.sort(key=lambda m: (docs[m.a].path, docs[m.b].path, m.kind, m.part))
    return matches
