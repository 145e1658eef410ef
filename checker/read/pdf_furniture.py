"""Page furniture in PDFs: page-number lines and running headers/footers.

Printed reports put "— 3 —" or "第 3 页 共 9 页" at the foot of every page and often a
running header on top; left in the text they split paragraphs and pollute keywords.
Only lines at a page's top or bottom edge are candidates, so body text is never touched.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import checker.regex_cache as regex_cache

EDGE_LINES = 2  # how many lines at each page edge may be furniture
_DASHES = r"\-—–－―─一_~·•.．\s"  # 一: OCR reads a printed dash as one
PAGE_NUMBER_PATTERNS = (
    regex_cache.compile(rf"^[{_DASHES}]*\d{{1,4}}[{_DASHES}]*$"),  # 3, -3-, — 3 —, ·3·
    regex_cache.compile(r"^第\s*\d{1,4}\s*页\s*(?:[,，/、]?\s*共\s*\d{1,4}\s*页)?$"),  # 第3页 共9页
    regex_cache.compile(r"^共\s*\d{1,4}\s*页\s*[,，/、]?\s*第\s*\d{1,4}\s*页$"),
    regex_cache.compile(r"^\d{1,4}\s*/\s*\d{1,4}$"),  # 3/9
    regex_cache.compile(r"^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE),
)


def is_page_number(line: str) -> bool:
    """True for a line that only states a page number, in any of the usual styles."""
    text = line.strip()
    if not text or len(text) > 24:
        return False
    return any(pattern.match(text) for pattern in PAGE_NUMBER_PATTERNS)


def _edge_key(line: str) -> str:
    """Page-independent form of a line: digits masked, spaces gone."""
    return re.sub(r"\d+", "#", "".join(line.split()))


def _edge_indexes(count: int) -> list[tuple[str, int]]:
    """(edge, index) of the lines at a page's top ("head") and bottom ("tail") edges."""
    head = [("head", i) for i in range(min(EDGE_LINES, count))]
    tail = [("tail", i) for i in range(max(count - EDGE_LINES, len(head)), count)]
    return head + tail


def furniture_mask(pages: list[list[str]]) -> list[list[bool]]:
    """For each page and line: True when the line is a page number or a running header/footer.

    A running line is one whose digit-masked text sits at the same edge (top or bottom) of
    more than half of the pages (at least two). The edge matters in a short file: the issuing
    body's name opens the first page and, as the signature, closes the last one, without being
    a header of either. When running lines are all the text there is (one line a page), they
    are kept: removing them would leave a file with a text layer looking like a scan.
    """
    seen: Counter[tuple[str, str]] = Counter()
    for lines in pages:
        seen.update(
            {(edge, _edge_key(lines[i])) for edge, i in _edge_indexes(len(lines)) if lines[i].strip()}
        )
    threshold = max(2, math.floor(len(pages) / 2) + 1)
    running = {edge_key for edge_key, count in seen.items() if count >= threshold and len(edge_key[1]) <= 60}
    mask = _mask(pages, running)
    if running and not any(
        line.strip() and not flag
        for lines, flags in zip(pages, mask, strict=True)
        for line, flag in zip(lines, flags, strict=True)
    ):
        # every line with text repeats at an edge (a file of one line a page): that is the text
        return _mask(pages, set())
    return mask


def _mask(pages: list[list[str]], running: set[tuple[str, str]]) -> list[list[bool]]:
    """Page numbers and the ``running`` (edge, key) lines flagged."""
    mask: list[list[bool]] = []
    for lines in pages:
        flags = [False] * len(lines)
        for edge, i in _edge_indexes(len(lines)):
            if is_page_number(lines[i]) or (edge, _edge_key(lines[i])) in running:
                flags[i] = True
        mask.append(flags)
    return mask
