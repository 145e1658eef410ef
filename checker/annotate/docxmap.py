"""Map the reader's lines of a docx back to its paragraphs (see :mod:`linemap`)."""

from __future__ import annotations

from lxml import etree

from checker.annotate.linemap import LineMap, LinePlace
from checker.annotate.textmap import Owned, walk
from checker.annotate.wordml import element, w


def docx_line_map(
    paragraphs: list[tuple[object, str, str]],
    lines: list[str],
    unread_runs: frozenset = frozenset(),
    chunk_lines: dict[object, int] | None = None,
) -> LineMap:
    """Lines as the reader numbered them; a paragraph whose text differs from the reader's
    line (a layout the walk here does not reproduce) is left out, and findings on it fall
    back to a search for their quote. ``unread_runs``: runs whose text the reader left out
    (hidden text): offsets skip them, here and wherever the map is used. ``chunk_lines``:
    the w:altChunk elements among ``paragraphs`` and how many lines each gave; no run holds
    those lines, so they map to the end of the paragraph before the chunk (see
    :func:`_stand_in`), marked ``embedded``."""
    line_map = LineMap(unread_runs=unread_runs)
    chunks = chunk_lines or {}
    number = 0
    owned = Owned(unread=unread_runs)
    previous: etree._Element | None = None
    for paragraph, _label, marker in paragraphs:  # checker.read.docx_text.iter_paragraphs
        if paragraph in chunks:
            anchor = previous if previous is not None else _stand_in(paragraph)
            end = len(walk(anchor, owned).text)
            for _ in range(chunks[paragraph]):
                number += 1
                line_map.add(number, LinePlace(anchor, end, 1, 0, embedded=True))
            continue
        previous = paragraph
        text = walk(paragraph, owned).text
        pieces = (marker + text).split("\n")
        base = -len(marker)
        for index, piece in enumerate(pieces):
            number += 1
            prefix = len(marker) if index == 0 else 0
            if number <= len(lines) and lines[number - 1] == piece:
                line_map.add(number, LinePlace(paragraph, base + prefix, prefix + 1, len(piece) - prefix))
            base += len(piece) + 1
    return line_map


def _stand_in(chunk) -> etree._Element:
    """The paragraph that carries comments on a chunk no read paragraph precedes: the
    document's first w:p, else a new empty one put before the chunk, its mark hidden so
    that neither the page nor a reader of the copy sees a line more."""
    root = chunk.getroottree().getroot()
    first = next(root.iter(w("p")), None)
    if first is None:
        first = element("p")
        mark = element("rPr")
        mark.append(element("vanish"))
        properties = element("pPr")
        properties.append(mark)
        first.append(properties)
        chunk.addprevious(first)
    return first
