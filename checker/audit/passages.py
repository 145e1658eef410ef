"""The shared passages behind a copy match: longest sentences of one report found in the other."""

from __future__ import annotations

from difflib import SequenceMatcher

import checker.regex_cache as regex_cache
from checker.audit.features import PART_BITS, WHOLE
from checker.audit.shingles import sentences

_SPACE = regex_cache.compile(r"\s+")
MAX_PASSAGES = 5
MIN_CHARS = 12


def part_paragraphs(texts: list[tuple[int, int, str]], part: str) -> list[tuple[int, str]]:
    """(line, text) of the paragraphs of ``part`` (all body paragraphs for the whole text)."""
    if part == WHOLE:
        return [(line, text) for _, line, text in texts]
    bit = PART_BITS[part]
    return [(line, text) for mask, line, text in texts if mask & bit]


def shared_passages(
    texts_a: list[tuple[int, int, str]], texts_b: list[tuple[int, int, str]], part: str
) -> list[tuple[int, str]]:
    """(line in a, passage) for the longest passages of ``a``'s part also in ``b``, longest first."""
    other = _SPACE.sub("", "".join(text for _, _, text in texts_b))
    found: list[tuple[int, str]] = []
    for line, text in part_paragraphs(texts_a, part):
        for sentence in sentences(text, MIN_CHARS):
            if _SPACE.sub("", sentence) in other:
                found.append((line, sentence))
    if not found:
        found = _common_blocks(part_paragraphs(texts_a, part), other)
    found.sort(key=lambda item: (-len(item[1]), item[0]))
    unique: list[tuple[int, str]] = []
    for item in found:
        if all(item[1] != kept[1] for kept in unique):
            unique.append(item)
    return unique[:MAX_PASSAGES]


def _common_blocks(paragraphs: list[tuple[int, str]], other: str) -> list[tuple[int, str]]:
    """Fallback when no whole sentence matches (names swapped): long common character runs."""
    out = []
    for line, text in paragraphs:
        compact = _SPACE.sub("", text)[:4000]
        matcher = SequenceMatcher(None, compact, other[:20000], autojunk=False)
        for block in matcher.get_matching_blocks():
            if block.size >= MIN_CHARS:
                out.append((line, compact[block.a : block.a + block.size]))
    return out
