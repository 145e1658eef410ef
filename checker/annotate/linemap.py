"""Where each line of the checked text sits in the Word document being annotated.

Findings name a line and a column of the text the reader produced (1-based, in the
original characters). For a docx input that text was made paragraph by paragraph, with
Word's numbering marker ("一、") in front, which no run holds; for other inputs annotate
writes the paragraphs itself, and one long line may have been cut into several. Either
way a stretch of a line maps to a w:p and an offset in the text of its runs.
"""

from __future__ import annotations

import msgspec
from lxml import etree


class LinePlace(msgspec.Struct, frozen=True):
    paragraph: etree._Element
    base: int  # offset in the paragraph's run text of the line's ``first_column``
    first_column: int  # 1-based column of the line where the runs' text begins
    length: int  # characters of the line held by runs from there
    embedded: bool = False  # the line is in a part shown in place (w:altChunk): ``paragraph`` stands in


class LineMap(msgspec.Struct):
    places: dict[int, list[LinePlace]] = msgspec.field(default_factory=dict)
    unread_runs: frozenset = frozenset()  # runs the reader left out: no offset counts them

    def add(self, line: int, place: LinePlace) -> None:
        self.places.setdefault(line, []).append(place)

    def _place(self, line: int, column: int) -> LinePlace | None:
        candidates = self.places.get(line)
        if not candidates:
            return None
        chosen = candidates[0]
        for place in candidates:
            if place.first_column <= column:
                chosen = place
        return chosen

    def embedded(self, line: int) -> bool:
        """Whether a line lies in a part the document shows in place, where no comment can be
        anchored (its places stand in for it at the end of the paragraph before)."""
        return any(place.embedded for place in self.places.get(line, ()))

    def locate(self, line: int, column: int) -> tuple[etree._Element, int] | None:
        """(w:p, offset) of 1-based ``line``/``column``; columns in a marker snap to its end."""
        place = self._place(line, column)
        if place is None:
            return None
        inside = min(max(column - place.first_column, 0), place.length)
        return place.paragraph, place.base + inside

    def locate_end(self, line: int, column: int) -> tuple[etree._Element, int] | None:
        """(w:p, offset just after) the character at ``line``/``column``."""
        place = self._place(line, column)
        if place is None:
            return None
        inside = min(max(column - place.first_column + 1, 0), place.length)
        return place.paragraph, place.base + inside

    def line_edge(self, line: int, at_end: bool) -> tuple[etree._Element, int] | None:
        """(w:p, offset) at the start or the end of a line's text."""
        candidates = self.places.get(line)
        if not candidates:
            return None
        place = candidates[-1] if at_end else candidates[0]
        return place.paragraph, place.base + (place.length if at_end else 0)
