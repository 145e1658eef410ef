"""Split paragraphs into sentences and items, keeping offsets for findings."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import msgspec

import checker.regex_cache as regex_cache
from checker.model import Paragraph

_SENTENCE = regex_cache.compile(r"[^。！？!?;；]+[。！？!?;；]?")
_ITEM_START = regex_cache.compile(
    r"(?:^|(?<=[。;；]))\s*(?:[一二三四五六七八九十]是|\d{1,2}[.、]|\(\d{1,2}\)|[①-⑳])"
)
_HAN_RUN = regex_cache.compile(r"[\u4e00-\u9fff]+")


class Span(msgspec.Struct, frozen=True):
    """A piece of a paragraph: ``text`` is ``paragraph.text[start:start + len(text)]``."""

    paragraph: Paragraph
    start: int
    text: str


def han_count(text: str) -> int:
    return sum(map(len, _HAN_RUN.findall(text)))


def sentences(paragraphs: Sequence[Paragraph], min_han: int = 4) -> Iterator[Span]:
    """Sentences with at least ``min_han`` Han characters."""
    for paragraph in paragraphs:
        for match in _SENTENCE.finditer(paragraph.text):
            if han_count(match.group(0)) >= min_han:
                yield Span(paragraph, match.start(), match.group(0))


def items(paragraphs: Sequence[Paragraph]) -> list[Span]:
    """The enumerated items of a part: 一是…/1.…/(1)… inside paragraphs, else paragraphs.

    A part written as sub-sections ((一)…(二)…) yields one item per paragraph; a part
    written as one paragraph of 一是…二是… yields one item per 是-clause.
    """
    out: list[Span] = []
    for paragraph in paragraphs:
        starts = [m.start() for m in _ITEM_START.finditer(paragraph.text)]
        if len(starts) < 2:
            out.append(Span(paragraph, 0, paragraph.text))
            continue
        if starts[0] > 0:
            out.append(Span(paragraph, 0, paragraph.text[: starts[0]]))
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(paragraph.text)
            out.append(Span(paragraph, start, paragraph.text[start:end]))
    return [item for item in out if han_count(item.text) >= 6]
