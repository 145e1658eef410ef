"""The paragraph texts of stored reports, read when a copy pair's passages are quoted."""

from __future__ import annotations

from collections import OrderedDict

from checker.audit.features import load_texts
from checker.audit.store import Store

TEXTS_KEPT = 64  # reports whose texts stay decoded: the most recently used ones


class TextCache:
    """(mask, line, text) of each body paragraph of a stored report, the most recently used
    :data:`TEXTS_KEPT` reports kept decoded: memory stays flat whatever the number of copies."""

    def __init__(self, store: Store, options: str, kept: int | None = None) -> None:
        self.store, self.options = store, options
        self.kept = TEXTS_KEPT if kept is None else kept
        self._decoded: OrderedDict[str, list[tuple[int, int, str]]] = OrderedDict()

    def get(self, path: str) -> list[tuple[int, int, str]]:
        """The texts of ``path`` (none for a report no longer stored)."""
        found = self._decoded.get(path)
        if found is not None:
            self._decoded.move_to_end(path)
            return found
        row = self.store.db.execute(
            "SELECT texts FROM reports WHERE options=? AND path=?", (self.options, path)
        ).fetchone()
        found = load_texts(row[0] if row else None)
        self._decoded[path] = found
        if len(self._decoded) > self.kept:
            self._decoded.popitem(last=False)
        return found
