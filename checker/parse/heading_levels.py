"""Which numbered headings a document nests under which: its own order when it inverts the usual one.

Official documents rank their markers 第一部分 > 一、 > (一) > 1. > (1) > ①, and most reports
follow that. Some number their parts 1、2、3、 and the items inside them (一)(二): read by the
usual ranks, every (一) would close the part above it and leave the part empty. What a document
nests is shown by where each numbering starts again: an item numbered 1 right after a heading of
another marker is that heading's first child. When the document's restarts say that a marker
usually ranked higher sits inside one usually ranked lower more often than the other way round,
its markers are ranked in the order they first appear instead. Otherwise nothing changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from checker.model import Heading
from checker.parse.headings import undecorated

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def marker_number(marker: str) -> int | None:
    """The number a heading marker counts: 三、 → 3, (十二) → 12, 4. → 4, ② → 2, 第一部分 → 1."""
    marker = undecorated(marker)
    digits = "".join(c for c in marker if c.isdigit() and c.isascii())
    if digits:
        return int(digits)
    for c in marker:
        if "\u2460" <= c <= "\u2473":
            return ord(c) - 0x2460 + 1
    numeral = "".join(c for c in marker if c in _CN_DIGITS or c == "十")
    if not numeral:
        return None
    if "十" not in numeral:
        return _CN_DIGITS.get(numeral) if len(numeral) == 1 else None
    tens, _, ones = numeral.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def level_order(headings: Sequence[Heading | None]) -> dict[int, int]:
    """A new rank for each marker rank of ``headings`` (in document order) when the document nests
    them against the usual order; an empty mapping when it follows it."""
    marked = [h for h in headings if h is not None and h.marker]
    # only an item ranked above the heading it follows can turn the order over: most reports
    # have none, and their markers' numbers are not read at all
    if not any(h.rank < p.rank and marker_number(h.marker) == 1 for p, h in pairwise(marked)):
        return {}
    children: Counter[tuple[int, int]] = Counter()  # (child rank, parent rank) → restarts seen
    for previous, heading in pairwise(marked):
        if heading.rank != previous.rank and marker_number(heading.marker) == 1:
            children[heading.rank, previous.rank] += 1
    inverted = any(
        count > children[parent, child] for (child, parent), count in children.items() if child < parent
    )
    if not inverted:
        return {}
    first_seen = list(dict.fromkeys(h.rank for h in marked))
    return dict(zip(first_seen, sorted(first_seen), strict=True))
