"""Paged formats (PDF, OFD): visual lines of every page → one :class:`SourceText`.

Page numbers and running headers/footers are dropped (:mod:`checker.read.pdf_furniture`),
the rest keep labels "第P页第L行" (L counts the page's lines, furniture included, so a
label finds the line on the printed page) and layout hints (:mod:`checker.read.pdf_layout`).
"""

from __future__ import annotations

from checker.read.pdf_furniture import furniture_mask
from checker.read.pdf_layout import LineBox, page_layouts
from checker.read.source import LineLayout, SourceText


def paged_source(boxed: list[list[tuple[str, LineBox]]], format: str) -> SourceText:
    """The text of ``boxed`` pages (each a list of lines with their boxes), furniture removed."""
    pages = [[text for text, _ in page] for page in boxed]
    mask = furniture_mask(pages)
    kept = [
        [box for (_, box), furniture in zip(page, flags, strict=True) if not furniture]
        for page, flags in zip(boxed, mask, strict=True)
    ]
    hints = iter(hint for page in page_layouts(kept) for hint in page)
    lines: list[str] = []
    labels: list[str] = []
    layout: list[LineLayout | None] = []
    for page_number, (page_lines, flags) in enumerate(zip(pages, mask, strict=True), start=1):
        for line_number, (line, furniture) in enumerate(zip(page_lines, flags, strict=True), 1):
            if not furniture:
                lines.append(line)
                labels.append(f"第{page_number}页第{line_number}行")
                layout.append(next(hints))
    return SourceText(
        text="\n".join(lines), format=format, encoding=None, line_labels=tuple(labels), layout=tuple(layout)
    )


def visible_chars(source: SourceText) -> int:
    """Characters other than white space in the source's text."""
    return len("".join(source.text.split()))
