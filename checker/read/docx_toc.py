"""A Word table of contents: the entries a reader takes for a list, not for the report's parts.

A TOC is a field (w:fldChar begin … w:instrText " TOC …" … end, over any number of paragraphs,
holding nested PAGEREF/HYPERLINK fields, or a w:fldSimple), Word's "Table of Contents" content
control, or paragraphs in the "toc N" styles; its heading (目录) goes with it.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = f"{{{W}}}"
# what the reader never reads: deleted and moved-away revisions, VML copies of text boxes
SKIPPED_ANCESTORS = "ancestor::w:del or ancestor::w:moveFrom or ancestor::mc:Fallback"
_TOC_HEADINGS = frozenset({"目录", "目次", "contents", "tableofcontents"})


class TocParts(NamedTuple):
    """What lies inside a table of contents field: runs, and paragraphs touching it."""

    runs: frozenset
    paragraphs: frozenset


@functools.cache
def _xpaths():
    """Compiled once, on first use, so importing this module stays cheap."""
    from lxml import etree

    paths = {
        "toc_field": ".//w:instrText[contains(translate(., 'toc', 'TOC'), 'TOC')]"
        " | .//w:fldSimple[contains(translate(@w:instr, 'toc', 'TOC'), 'TOC')]",
        "field_parts": f".//*[(self::w:p or self::w:r or self::w:fldSimple) and not({SKIPPED_ANCESTORS})]",
    }
    namespaces = {"w": W, "mc": MC}
    return {name: etree.XPath(path, namespaces=namespaces) for name, path in paths.items()}


def toc_parts(body) -> TocParts:
    """The runs inside a TOC field's result, and the paragraphs that hold or lie in one.

    A complex field (w:fldChar begin … w:instrText " TOC …" … separate … end) spans any
    number of paragraphs and holds nested PAGEREF/HYPERLINK fields, so the field marks are
    replayed in document order with a stack. Nothing to do in a body without a TOC field.
    """
    if not _xpaths()["toc_field"](body):
        return TocParts(frozenset(), frozenset())
    runs: set = set()
    paragraphs: set = set()
    stack: list[str] = []  # instruction text of each open field, outermost first
    for element in _xpaths()["field_parts"](body):
        if element.tag == f"{_W}fldSimple":
            if _is_toc(element.get(f"{_W}instr", "")):
                runs.update(element.iter(f"{_W}r"))
                paragraphs.update(element.iterancestors(f"{_W}p"))
            continue
        inside = any(_is_toc(instruction) for instruction in stack)
        if element.tag == f"{_W}p":
            if inside:
                paragraphs.add(element)
            continue
        for child in element:
            if child.tag == f"{_W}fldChar":
                kind = child.get(f"{_W}fldCharType")
                if kind == "begin":
                    stack.append("")
                elif kind == "end" and stack:
                    stack.pop()
            elif child.tag == f"{_W}instrText" and stack:
                stack[-1] += child.text or ""
            inside = inside or any(_is_toc(instruction) for instruction in stack)
        if inside:
            runs.add(element)
            paragraphs.update(element.iterancestors(f"{_W}p"))
    return TocParts(frozenset(runs), frozenset(paragraphs))


def _is_toc(instruction: str) -> bool:
    """Whether a field instruction is TOC (contents, or a table of figures: TOC \\c)."""
    words = instruction.split()
    return bool(words) and words[0].upper() == "TOC"


def is_toc_control(sdt) -> bool:
    """Whether a w:sdt is Word's table of contents building block."""
    gallery = sdt.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
    return gallery is not None and gallery.get(f"{_W}val", "").strip().lower() == "table of contents"


def is_toc_heading(text: str) -> bool:
    """Whether a line is a contents list's own heading ("目  录", "Contents")."""
    return "".join(text.split()).lower() in _TOC_HEADINGS
