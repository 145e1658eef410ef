"""Texts joined by "\\n" for one search, and where a position in the join falls.

A rule that searches many paragraphs (or pieces of them) pays more in calls than in characters
when it searches each apart; joined once, one ``finditer`` runs in C, and each match is placed
back in its text by a bisection of the texts' starts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class Joined:
    """``text``: the texts joined by "\\n"; :meth:`where` places a position of it in one of them."""

    def __init__(self, texts: Iterable[str]) -> None:
        parts = list(texts)
        self.starts: list[int] = []
        position = 0
        for part in parts:
            self.starts.append(position)
            position += len(part) + 1  # the "\n" that joins them
        self.text = "\n".join(parts)

    def where(self, at: int) -> tuple[int, int]:
        """(index of the text holding position ``at`` of the join, offset of ``at`` in it)."""
        index = bisect_right(self.starts, at) - 1
        return index, at - self.starts[index]
