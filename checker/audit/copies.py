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


def candidate_pairs(docs: list[Doc], max_df: int, min_shared: int) -> tuple[np.ndarray, np.ndarray]:
    """(pairs as an (k, 2) array of doc indices, boilerplate hashes) from the inverted index."""
    if len(docs) < 2:
        return np.empty((0, 2), dtype=np.int64), np.empty(0, dtype=np.uint32)
    lengths = np.array([len(d.hashes) for d in docs], dtype=np.int64)
    all_hashes = np.concatenate([d.hashes for d in docs])
    owners = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
    order = np.argsort(all_hashes, kind="stable")
    hashes, owners = all_hashes[order], owners[order]
    unique, starts, counts = np.unique(hashes, return_index=True, return_counts=True)
    boilerplate = unique[counts > max_df]
    keys = []
    n = len(docs)
    for size in np.unique(counts[(counts >= 2) & (counts <= max_df)]):
        group_starts = starts[counts == size]
        members = owners[group_starts[:, None] + np.arange(size)]
        first, second = np.triu_indices(int(size), 1)
        a, b = members[:, first].ravel(), members[:, second].ravel()
        keys.append(np.minimum(a, b) * n + np.maximum(a, b))
    if not keys:
        return np.empty((0, 2), dtype=np.int64), boilerplate
    pair_keys, votes = np.unique(np.concatenate(keys), return_counts=True)
    chosen = pair_keys[votes >= min_shared]
    return np.stack([chosen // n, chosen % n], axis=1), boilerplate


def _containment(part: np.ndarray, other: np.ndarray) -> float | None:
    if len(part) < MIN_PART_HASHES:
        return None
    return float(np.isin(part, other, assume_unique=True).sum()) / len(part)


def _parts(doc_hashes: np.ndarray, masks: np.ndarray, names: tuple[str, ...]) -> dict[str, np.ndarray]:
    out = {}
    for name in names:
        out[name] = doc_hashes if name == WHOLE else doc_hashes[(masks & PART_BITS[name]) != 0]
    return out


def find_matches(
    docs: list[Doc], min_similarity: dict[str, float], *, min_shared: int = 6, max_df: int | None = None
) -> list[Match]:
    """Every (kind, part, a, b) whose similarity reaches ``min_similarity[kind]``."""
    limit = max_df if max_df is not None else max_df_for(len(docs))
    pairs, boilerplate = candidate_pairs(docs, limit, min_shared)
    rare: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def rare_of(i: int) -> tuple[np.ndarray, np.ndarray]:
        if i not in rare:
            keep = ~np.isin(docs[i].hashes, boilerplate, assume_unique=True)
            rare[i] = docs[i].hashes[keep], docs[i].masks[keep]
        return rare[i]

    matches: list[Match] = []
    for i, j in pairs.tolist():
        key_i, key_j = body_key(docs[i].agency), body_key(docs[j].agency)
        if key_i is not None and key_i == key_j:
            year_i, year_j = docs[i].year, docs[j].year
            if year_i is None or year_j is None or year_i == year_j:
                continue
            later, earlier = (i, j) if year_i > year_j else (j, i)
            directions, kind, names = [(later, earlier)], PREVIOUS, PREVIOUS_PARTS
        else:
            directions, kind, names = [(i, j), (j, i)], ACROSS, ACROSS_PARTS
        for a, b in directions:
            hashes_a, masks_a = rare_of(a)
            hashes_b, _ = rare_of(b)
            for name, part in _parts(hashes_a, masks_a, names).items():
                similarity = _containment(part, hashes_b)
                if similarity is not None and similarity >= min_similarity[kind]:
                    matches.append(Match(kind, name, a, b, round(similarity, 4)))
    matches.sort(key=lambda m: (docs[m.a].path, docs[m.b].path, m.kind, m.part))
    return matches
