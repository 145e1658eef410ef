"""Characters of a Word paragraph mapped to the runs that hold them; runs split on demand.

The reader (``checker.read.docx_text``) turns a w:p into text from its visible runs; this
module walks the same runs the same way, so an offset in that text names one character of
one w:t (or one w:tab, w:br …). Anchoring a comment or a tracked change on a text range
then means splitting runs at the range's ends so that whole runs cover it.

Offsets are always in the paragraph's text as the reader saw the input: runs that
annotate itself wrapped in a w:del still count, text in its own w:ins does not, so several
ranges in one paragraph can be processed in any order. The walk of a paragraph is kept,
and updated when a split changes its runs.
"""

from __future__ import annotations

import copy
from bisect import bisect_right

import msgspec
from lxml import etree

from checker.annotate.wordml import MC, XML_SPACE, w

_TEXT_TAGS = frozenset({w("t"), w("delText")})
_ONE_CHAR = {w("tab"): "\t", w("ptab"): "\t", w("cr"): "\n", w("noBreakHyphen"): "-"}
_HIDDEN = frozenset({w("del"), w("moveFrom"), f"{{{MC}}}Fallback", w("txbxContent")})
_RUN = w("r")
_RUN_PROPERTIES = w("rPr")
_FORMAT_CHANGE = w("rPrChange")
# Elements whose w:id is a revision id: Word wants each one unique in the document.
REVISION_TAGS = frozenset(
    w(tag)
    for tag in (
        "ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
        "tblGridChange", "tcPrChange", "trPrChange", "numberingChange", "cellIns", "cellDel", "cellMerge",
    )
)  # fmt: skip


class Segment(msgspec.Struct, frozen=True):
    """Characters ``start:start+length`` of the paragraph text, held by ``child`` of ``run``."""

    run: etree._Element
    child: etree._Element
    start: int
    length: int


class Walk(msgspec.Struct, frozen=True):
    """A paragraph's text and the segments that hold it, in order."""

    text: str
    segments: tuple[Segment, ...]
    starts: tuple[int, ...]

    def at(self, offset: int) -> tuple[Segment, int]:
        """The segment holding character ``offset`` and the index inside it."""
        segment = self.segments[bisect_right(self.starts, offset) - 1]
        return segment, offset - segment.start


class Owned(msgspec.Struct):
    """The w:del and w:ins elements annotate itself added (not part of the input's text),
    the walks of paragraphs not changed since, and the next free revision id (a run split
    in two under someone's tracked formatting change needs a second change, with its own id)."""

    deleted: set[etree._Element] = msgspec.field(default_factory=set)
    inserted: set[etree._Element] = msgspec.field(default_factory=set)
    walks: dict[etree._Element, Walk] = msgspec.field(default_factory=dict)
    next_revision_id: int = 1
    unread: frozenset = frozenset()  # runs whose text the reader left out (hidden text)

    def revision_id(self) -> str:
        """A revision id no element of the document has yet."""
        issued = self.next_revision_id
        self.next_revision_id += 1
        return str(issued)


def first_free_revision_id(root: etree._Element) -> int:
    """One above the highest revision id under ``root`` (1 when it has none)."""
    found = (node.get(w("id"), "") for node in root.iter(*REVISION_TAGS))
    return max((int(value) for value in found if value.isdigit()), default=0) + 1


def run_properties_copy(run: etree._Element, owned: Owned, *, keep_changes: bool) -> etree._Element | None:
    """A copy of ``run``'s w:rPr for a new run: a tracked formatting change in it gets a new
    revision id (``keep_changes``: the new run holds part of the same text) or is left out
    (the new run holds new text, which nobody reformatted)."""
    properties = run.find(_RUN_PROPERTIES)
    if properties is None:
        return None
    copied = copy.deepcopy(properties)
    for change in copied.findall(_FORMAT_CHANGE):
        if keep_changes:
            change.set(w("id"), owned.revision_id())
        else:
            copied.remove(change)
    return copied


def _visible(run: etree._Element, paragraph: etree._Element, owned: Owned) -> bool:
    if run in owned.unread:
        return False
    parent = run.getparent()
    if parent is paragraph:
        return True
    for ancestor in run.iterancestors():
        if ancestor is paragraph:
            return True
        if ancestor in owned.inserted:
            return False
        if ancestor.tag in _HIDDEN and ancestor not in owned.deleted:
            return False
    return True


def _child_text(child: etree._Element) -> str:
    tag = child.tag
    if tag in _TEXT_TAGS:
        return child.text or ""
    if tag in _ONE_CHAR:
        return _ONE_CHAR[tag]
    if tag == w("br"):
        return "" if child.get(w("type")) in ("page", "column") else "\n"
    if tag == w("sym"):
        code = int(child.get(w("char"), "0"), 16)
        return chr(code) if code and not 0xF000 <= code <= 0xF0FF else ""
    return ""


def walk(paragraph: etree._Element, owned: Owned) -> Walk:
    """The paragraph's text and where each piece of it sits (kept; a split updates it)."""
    cached = owned.walks.get(paragraph)
    if cached is not None:
        return cached
    pieces: list[str] = []
    segments: list[Segment] = []
    position = 0
    for run in paragraph.iter(_RUN):
        if not _visible(run, paragraph, owned):
            continue
        for child in run:
            text = _child_text(child)
            if text:
                pieces.append(text)
                segments.append(Segment(run, child, position, len(text)))
                position += len(text)
    result = Walk("".join(pieces), tuple(segments), tuple(s.start for s in segments))
    owned.walks[paragraph] = result
    return result


def _split_text(child: etree._Element, index: int) -> etree._Element:
    """Cut a w:t (or w:delText) in two at ``index``; return the second half (a new sibling)."""
    text = child.text or ""
    tail = child.makeelement(child.tag, child.attrib)
    tail.text = text[index:]
    tail.set(XML_SPACE, "preserve")
    child.text = text[:index]
    child.set(XML_SPACE, "preserve")
    child.addnext(tail)
    return tail


def _first_content(run: etree._Element) -> etree._Element | None:
    return next((c for c in run if c.tag != _RUN_PROPERTIES), None)


def _split_run_before(run: etree._Element, child: etree._Element, owned: Owned) -> etree._Element:
    """Move ``child`` and what follows it into a new run after ``run`` (same properties)."""
    new_run = run.makeelement(run.tag, run.attrib)
    properties = run_properties_copy(run, owned, keep_changes=True)
    if properties is not None:
        new_run.append(properties)
    moving = False
    for node in list(run):
        if node is child:
            moving = True
        if moving:
            new_run.append(node)
    run.addnext(new_run)
    return new_run


def split_at(paragraph: etree._Element, offset: int, owned: Owned) -> None:
    """Make a run boundary right before character ``offset`` (no-op at either end).

    The paragraph's walk is updated in place of walking it again: the segment cut in two,
    and the segments after it in the same run moved to the new run."""
    current = walk(paragraph, owned)
    if not 0 < offset < len(current.text):
        return
    position = bisect_right(current.starts, offset) - 1
    segment = current.segments[position]
    index = offset - segment.start
    run, child = segment.run, segment.child
    if index == 0 and child is _first_content(run):
        return  # already a boundary
    segments = list(current.segments)
    if index > 0:
        child = _split_text(child, index)
        segments[position] = Segment(run, segment.child, segment.start, index)
        position += 1
        segments.insert(position, Segment(run, child, offset, segment.length - index))
    new_run = _split_run_before(run, child, owned)
    while position < len(segments) and segments[position].run is run:
        moved = segments[position]
        segments[position] = Segment(new_run, moved.child, moved.start, moved.length)
        position += 1
    starts = current.starts if index == 0 else tuple(s.start for s in segments)
    owned.walks[paragraph] = Walk(current.text, tuple(segments), starts)


def covering_runs(paragraph: etree._Element, start: int, end: int, owned: Owned) -> list[etree._Element]:
    """Whole runs covering characters ``start:end`` after splitting at both ends."""
    split_at(paragraph, end, owned)
    split_at(paragraph, start, owned)
    current = walk(paragraph, owned)
    runs: list[etree._Element] = []
    if start >= end or start >= len(current.text):
        return runs
    first = bisect_right(current.starts, start) - 1
    for segment in current.segments[first:]:
        if segment.start >= end:
            break
        if not runs or runs[-1] is not segment.run:
            runs.append(segment.run)
    return runs


def run_at(paragraph: etree._Element, offset: int, owned: Owned) -> etree._Element | None:
    """The run holding character ``offset`` (the last run for the end), None when empty."""
    current = walk(paragraph, owned)
    if not current.segments:
        return None
    return current.at(min(offset, len(current.text) - 1))[0].run
