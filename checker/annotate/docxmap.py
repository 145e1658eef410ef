"""Map the reader's lines of a docx back to its paragraphs (see :mod:`linemap`)."""

from __future__ import annotations

from checker.annotate.linemap import LineMap, LinePlace
from checker.annotate.textmap import Owned, walk


def docx_line_map(
    paragraphs: list[tuple[object, str, str]], lines: list[str], unread_runs: frozenset = frozenset()
) -> LineMap:
    """Lines as the reader numbered them; a paragraph whose text differs from the reader's
    line (a layout the walk here does not reproduce) is left out, and findings on it fall
    back to a search for their quote. ``unread_runs``: runs whose text the reader left out
    (hidden text): offsets skip them, here and wherever the map is used."""
    line_map = LineMap(unread_runs=unread_runs)
    number = 0
    owned = Owned(unread=unread_runs)
    for paragraph, _label, marker in paragraphs:  # checker.read.docx_text.iter_paragraphs
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
