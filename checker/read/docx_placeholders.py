"""Content controls still showing their placeholder: where their text stands in the lines.

A Word content control (w:sdt) that nobody filled in shows its placeholder text, grey, with
``w:sdtPr/w:showingPlcHdr`` set: Word's "单击或点击此处输入文字。" or a template's own note
("【请输入单位名称】"). The page shows that text, so the reader keeps it in its line; it is
unfilled template text, and the reader says where it stands in ``SourceText.meta`` under
:data:`PLACEHOLDERS_KEY` ("line:start:length" of each piece, ";" between them; 1-based line,
0-based start in the reader's line). The ``leftovers`` rule type reports each piece, whatever
its wording.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import NamedTuple

from checker.read.docx_toc import W

PLACEHOLDERS_KEY = "未填写的内容控件"
_W = f"{{{W}}}"


class Placeholder(NamedTuple):
    """Placeholder text in the reader's lines: 1-based line, 0-based start, length."""

    line: int
    start: int
    length: int


@functools.cache
def _xpath():
    """Compiled on first use, so importing this module stays cheap."""
    from lxml import etree

    return etree.XPath(
        ".//w:r[ancestor::w:sdt[w:sdtPr/w:showingPlcHdr]]",
        namespaces={"w": W},
    )


def has_placeholders(body) -> bool:
    """Whether any content control in ``body`` shows its placeholder (most documents: none)."""
    return body.find(f".//{_W}showingPlcHdr") is not None


def placeholder_runs(paragraph) -> frozenset:
    """The runs of a w:p that lie in a content control showing its placeholder (the control
    may be inside the paragraph, or hold the paragraph, its cell or its row)."""
    return frozenset(_xpath()(paragraph))


def line_pieces(spans: Iterable[tuple[int, int]], text: str, first_line: int) -> list[Placeholder]:
    """The spans (start, length) of a paragraph's ``text`` as pieces of the reader's lines:
    ``text`` gives lines ``first_line``, ``first_line + 1`` … at its soft breaks ("\\n")."""
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    pieces: list[Placeholder] = []
    for start, length in spans:
        end = start + length
        for number, line_start in enumerate(starts):
            line_end = starts[number + 1] - 1 if number + 1 < len(starts) else len(text)
            low, high = max(start, line_start), min(end, line_end)
            if low < high:
                pieces.append(Placeholder(first_line + number, low - line_start, high - low))
    return pieces


def encode(pieces: Iterable[Placeholder]) -> str:
    return ";".join(f"{p.line}:{p.start}:{p.length}" for p in pieces)


def decode(value: str) -> list[Placeholder]:
    """The pieces :func:`encode` wrote; anything malformed is passed over."""
    pieces = []
    for item in value.split(";"):
        parts = item.split(":")
        if len(parts) == 3 and all(part.isdigit() for part in parts):
            line, start, length = (int(part) for part in parts)
            if line >= 1 and length > 0:
                pieces.append(Placeholder(line, start, length))
    return pieces
