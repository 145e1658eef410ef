"""Where a missing element belongs in the report: the one answer every output uses.

The presence rule points its finding here, so the terminal, the JSON, the self-check page
and the annotated Word copy all put a missing part in the same place. A missing title goes
before the first paragraph; a missing signature before the date (or at the end, with no
date), a missing date at the end; a missing part where it would stand in the order the pack
lists the parts: after the top-level parts of the elements before it, before the first
part after them (or at the end of the body, before the signature).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import msgspec

from checker.model import Document, Paragraph, Section
from checker.packs.model import Element

HEADING_CHARS = 30  # a heading named in a message is clipped to this many characters


class Gap(msgspec.Struct, frozen=True):
    """A place between characters: before the first or after the last one of ``paragraph``.

    ``follows`` / ``precedes``: the top-level sections around the place, when it sits between
    parts of the report (named to the reader: "after 一、…, before 三、…").
    """

    paragraph: Paragraph
    at_end: bool
    follows: Section | None = None
    precedes: Section | None = None


def _last_line(section: Section) -> int:
    return max(p.lines[-1].number for p in section.all_paragraphs())


def _top_section(document: Document, line: int) -> Section | None:
    for section in document.sections:
        if section.paragraph.line <= line <= _last_line(section):
            return section
    return None


def _closing_date(document: Document) -> Paragraph | None:
    """The date's paragraph when it closes the report: a 落款 belongs above it. A date under
    the title ("（2025年1月20日）") is no such place: the 落款 then belongs at the end."""
    date = document.date
    if date is None:
        return None
    body = document.body_paragraphs()
    if body and date.paragraph.index < body[0].index:
        return None
    return date.paragraph


def missing_gap(
    element_id: str, document: Document, elements: Sequence[Element], found: Mapping[str, int]
) -> Gap | None:
    """Where ``element_id`` belongs; ``elements``: the pack's elements in its order;
    ``found``: the first line of every element that is there. None for an empty document."""
    paragraphs = document.paragraphs
    if not paragraphs:
        return None
    locators = {e.id: e.locator for e in elements}
    locator = locators.get(element_id)
    if locator == "title" or element_id == "title":
        return Gap(paragraphs[0], False)
    signed = _closing_date(document) if locator == "signature" else None
    if signed is not None:
        return Gap(signed, False)
    if locator != "section":
        return Gap(paragraphs[-1], True)
    order = [e.id for e in elements if e.locator == "section"]
    index = order.index(element_id)
    boundary, follows = 0, None
    for earlier in order[:index]:
        if earlier not in found:
            continue
        section = _top_section(document, found[earlier])
        end = _last_line(section) if section else found[earlier]
        if end > boundary:
            boundary, follows = end, section
    for later in order[index + 1 :]:
        line = found.get(later)
        if line is None or line <= boundary:
            continue
        section = _top_section(document, line)
        start = section.paragraph.line if section else line
        before = [p for p in paragraphs if p.lines[-1].number < start]
        if before:
            return Gap(before[-1], True, follows, section)
        first = next(p for p in paragraphs if p.lines[-1].number >= start)
        return Gap(first, False, follows, section)
    body = document.body_paragraphs()
    return Gap(body[-1] if body else paragraphs[-1], True, follows, None)


def heading_label(section: Section) -> str:
    """A top-level heading as the reader can find it: marker and title (“一、主要举措及成效”)."""
    heading = section.heading
    title = heading.title
    if len(title) > HEADING_CHARS:
        title = title[: HEADING_CHARS - 1] + "…"
    return f"{heading.marker}{title}"
