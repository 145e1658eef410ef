"""Tracked changes (w:del / w:ins with author and date) that Word and WPS accept or reject.

A fix is split into the smallest edits (difflib on characters), so 2024年01月08日 →
2024年1月8日 shows as two deleted zeros, not as a whole date struck out.
"""

from __future__ import annotations

import datetime as dt
import difflib

import msgspec
from lxml import etree

from checker.annotate.textmap import (
    Owned,
    covering_runs,
    first_free_revision_id,
    run_at,
    run_properties_copy,
    split_at,
    walk,
)
from checker.annotate.wordml import element, text_node, w

_DELETED_TAGS = {w("t"): w("delText"), w("instrText"): w("delInstrText")}


class Revisions(msgspec.Struct):
    """Issues revision ids and records the elements it adds."""

    author: str
    date: str = msgspec.field(default_factory=lambda: dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    owned: Owned = msgspec.field(default_factory=Owned)
    count: int = 0

    @classmethod
    def for_body(cls, body: etree._Element, author: str, unread: frozenset = frozenset()) -> Revisions:
        """Ids above any the document already uses for its own revisions (insertions,
        deletions, formatting changes…: Word gives them all one sequence); ``unread``: runs
        whose text the reader left out, which no offset counts."""
        return cls(author, owned=Owned(next_revision_id=first_free_revision_id(body), unread=unread))

    def _wrapper(self, tag: str) -> etree._Element:
        return element(tag, id=self.owned.revision_id(), author=self.author, date=self.date)

    def delete(self, paragraph: etree._Element, start: int, end: int) -> etree._Element | None:
        """Mark characters ``start:end`` deleted; the last w:del (new text goes after it)."""
        last = None
        for run in covering_runs(paragraph, start, end, self.owned):
            wrapper = self._wrapper("del")
            run.addprevious(wrapper)
            wrapper.append(run)
            for node in run.iter():
                if node.tag in _DELETED_TAGS:
                    node.tag = _DELETED_TAGS[node.tag]
            self.owned.deleted.add(wrapper)
            last = wrapper
        return last

    def insert(self, paragraph: etree._Element, offset: int, text: str, after: etree._Element | None) -> None:
        """Insert ``text`` as a tracked insertion at ``offset`` (or right after ``after``)."""
        if after is None:
            split_at(paragraph, offset, self.owned)
        length = len(walk(paragraph, self.owned).text)
        neighbour = run_at(paragraph, offset, self.owned)
        run = element("r")
        properties = (
            None if neighbour is None else run_properties_copy(neighbour, self.owned, keep_changes=False)
        )
        if properties is not None:
            run.append(properties)
        run.append(text_node(text))
        wrapper = self._wrapper("ins")
        wrapper.append(run)
        if after is not None:
            after.addnext(wrapper)
        elif neighbour is not None and offset < length:
            _outermost(neighbour, paragraph).addprevious(wrapper)
        elif neighbour is not None:
            _outermost(neighbour, paragraph).addnext(wrapper)
        else:
            paragraph.append(wrapper)
        self.owned.inserted.add(wrapper)

    def replace(self, paragraph: etree._Element, start: int, old: str, new: str) -> None:
        """Track the edits that turn ``old`` (at ``start``) into ``new``, smallest first."""
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for op, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if op == "equal":
                continue
            last = self.delete(paragraph, start + i1, start + i2) if i2 > i1 else None
            if j2 > j1:
                self.insert(paragraph, start + i1, new[j1:j2], last)
        self.count += 1


def _outermost(run: etree._Element, paragraph: etree._Element) -> etree._Element:
    """The run itself, or its own-deletion wrapper, as the paragraph-level neighbour."""
    parent = run.getparent()
    if parent is not None and parent is not paragraph and parent.tag == w("del"):
        return parent
    return run
