"""Characters of a Word paragraph mapped to the runs that hold them; runs split on demand.

The reader (``checker.read.docx_text``) turns a w:p into text from its visible runs; this
module walks the same runs the same way, so an offset in that text names one character of
one w:t (or one w:tab, w:br …). Anchoring a comment or a tracked change on a text range
then means splitting runs at the range's ends so that whole runs cover it.

Offsets are always in the paragraph's text as the reader saw the input: runs this module's
callers wrapped in their own w:del still count, text in their own w:ins does not, so
several ranges in one paragraph can be processed in any order.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from checker.annotate.wordml import MC, XML_SPACE, w

_TEXT_TAGS = frozenset({w("t"), w("delText")})
_ONE_CHAR = {w("tab"): "\t", w("ptab"): "\t", w("cr"): "\n", w("noBreakHyphen"): "-"}
_HIDDEN = frozenset({w("del"), w("moveFrom"), f"{{{MC}}}Fallback", w("txbxContent")})


@dataclass
class Owned:
    """The w:del and w:ins elements annotate itself added (not part of the input's text)."""

    deleted: set[etree._Element] = field(default_factory=set)
    inserted: set[etree._Element] = field(default_factory=set)


@dataclass(frozen=True)
class Slot:
    """One character: ``child`` of ``run`` (a w:t when ``index`` counts into its text)."""

    run: etree._Element
    child: etree._Element
    index: int


def _visible(run: etree._Element, paragraph: etree._Element, owned: Owned) -> bool:
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


def runs_of(paragraph: etree._Element, owned: Owned) -> list[etree._Element]:
    """The paragraph's runs that carry its text, in document order."""
    return [run for run in paragraph.iter(w("r")) if _visible(run, paragraph, owned)]


def char_slots(paragraph: etree._Element, owned: Owned) -> tuple[str, list[Slot]]:
    """The paragraph's text and, for each of its characters, where it sits."""
    chars: list[str] = []
    slots: list[Slot] = []
    for run in runs_of(paragraph, owned):
        for child in run:
            text = _child_text(child)
            for index, char in enumerate(text):
                chars.append(char)
                slots.append(Slot(run, child, index))
    return "".join(chars), slots


def _split_text(child: etree._Element, index: int) -> etree._Element:
    """Cut a w:t in two at ``index``; return the second half (a new sibling)."""
    text = child.text or ""
    tail = copy.deepcopy(child)
    tail.text = text[index:]
    tail.set(XML_SPACE, "preserve")
    child.text = text[:index]
    child.set(XML_SPACE, "preserve")
    child.addnext(tail)
    return tail


def _split_run_before(run: etree._Element, child: etree._Element) -> None:
    """Move ``child`` and what follows it into a new run after ``run`` (same properties)."""
    before = [c for c in run if c is not child and c.tag != w("rPr")]
    first_content = next((c for c in run if c.tag != w("rPr")), None)
    if first_content is child or not before:
        return
    new_run = etree.Element(run.tag, attrib=dict(run.attrib), nsmap=run.nsmap)
    properties = run.find(w("rPr"))
    if properties is not None:
        new_run.append(copy.deepcopy(properties))
    moving = False
    for node in list(run):
        if node is child:
            moving = True
        if moving:
            new_run.append(node)
    run.addnext(new_run)


def split_at(paragraph: etree._Element, offset: int, owned: Owned) -> None:
    """Make a run boundary right before character ``offset`` (no-op at either end)."""
    _, slots = char_slots(paragraph, owned)
    if not 0 < offset < len(slots):
        return
    slot = slots[offset]
    child = slot.child
    if slot.index > 0:
        child = _split_text(child, slot.index)
    _split_run_before(slot.run, child)


def covering_runs(paragraph: etree._Element, start: int, end: int, owned: Owned) -> list[etree._Element]:
    """Whole runs covering characters ``start:end`` after splitting at both ends."""
    split_at(paragraph, end, owned)
    split_at(paragraph, start, owned)
    _, slots = char_slots(paragraph, owned)
    runs: list[etree._Element] = []
    for slot in slots[start:end]:
        if not runs or runs[-1] is not slot.run:
            runs.append(slot.run)
    return runs
