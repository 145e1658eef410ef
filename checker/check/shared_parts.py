"""One part under two names: "三、存在的不足和下一步打算" holds the shortcomings, then the plan.

Both elements find that section by its heading, and each would read the other's text as its
own: the plan's items counted among the shortcomings' causes, a shortcoming quoted as a vague
plan item. When the section's text shows where the second part begins, each element keeps its
own share: at a sub-heading that names the second and not the first ("（二）下一步打算"), else
at the first paragraph that speaks of the second ("下一步，我局将…"), else where the items'
numbering starts again (一是…二是… then 一是…). With no such place both keep the whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import checker.regex_cache as regex_cache
from checker.check.locus import Locus
from checker.model import Paragraph, Section
from checker.packs.model import Element
from checker.packs.patterns import any_of

# the first item of a list: 一是, (一), 1. (or 1、) at a paragraph's start
_FIRST_ITEM = regex_cache.compile(r"^(?:一是|[(（]一[)）]|1[.、．])")
_LATER_ITEM = regex_cache.compile(r"^(?:[二三四五六七八九十]是|[(（][二三四五六七八九十][)）]|[2-9][.、．])")

Named = Callable[[str], bool]  # whether a heading's title names an element


def split_shared(loci: dict[str, Locus | None], elements: Sequence[Element], names: dict[str, Named]) -> None:
    """Give each pair of elements found at the same section its own share of it, in place.

    ``names``: element id → whether a title names that element (its heading patterns)."""
    shared: dict[int, tuple[Locus, list[str]]] = {}  # id of the section → its locus, the elements
    for element in elements:
        locus = loci.get(element.id)
        if locus is not None and locus.how == "heading" and len(locus.sections) == 1:
            shared.setdefault(id(locus.sections[0]), (locus, []))[1].append(element.id)
    for locus, ids in shared.values():
        if len(ids) != 2:
            continue
        section = locus.sections[0]
        first, second = _in_title_order(section.heading.title, ids, names)
        keywords = any_of(next(e for e in elements if e.id == second).spec.get("keywords", ()))
        cut = _cut(section, names[first], names[second], keywords)
        if cut is None:
            continue
        at = next(i for i, p in enumerate(locus.paragraphs) if p.index == cut.index)
        loci[first] = Locus(first, "heading", locus.paragraphs[:at], (section,))
        loci[second] = Locus(second, "heading", locus.paragraphs[at:], _sections_from(section, cut))


def _in_title_order(title: str, ids: list[str], names: dict[str, Named]) -> tuple[str, str]:
    """The two ids in the order the title names them ("不足和下一步打算": problems first)."""
    starts = {element_id: _first_named(title, names[element_id]) for element_id in ids}
    ordered = sorted(ids, key=lambda element_id: starts[element_id])
    return ordered[0], ordered[1]


def _first_named(title: str, named: Named) -> int:
    """The shortest prefix of ``title`` that names the element: where its name ends."""
    return next((end for end in range(1, len(title) + 1) if named(title[:end])), len(title))


def _cut(section: Section, first: Named, second: Named, keywords: re.Pattern[str] | None) -> Paragraph | None:
    """The paragraph where the second part begins, if the section shows it: some text of the
    first part must come before it."""
    body = [p for p in section.all_paragraphs() if p.index != section.paragraph.index]
    at = _sub_heading(section, first, second, body)
    if at is None and keywords is not None:
        at = next((i for i, p in enumerate(body) if keywords.search(p.text)), None)
    if at is None:
        at = _numbering_restart(body)
    return body[at] if at else None  # None, or 0: nothing of the first part before it


def _sub_heading(section: Section, first: Named, second: Named, body: list[Paragraph]) -> int | None:
    """Where a sub-heading names the second part and not the first ("（二）下一步打算")."""
    for child in section.children:
        if second(child.heading.title) and not first(child.heading.title):
            return next(i for i, p in enumerate(body) if p.index == child.paragraph.index)
    return None


def _numbering_restart(body: list[Paragraph]) -> int | None:
    """Where the items' numbering starts again: 一是…二是… then 一是…."""
    seen_later = False
    for i, paragraph in enumerate(body):
        if _LATER_ITEM.match(paragraph.text):
            seen_later = True
        elif seen_later and _FIRST_ITEM.match(paragraph.text):
            return i
    return None


def _sections_from(section: Section, cut: Paragraph) -> tuple[Section, ...]:
    """The sub-sections of ``section`` from the cut on (their bare headings are no body text)."""
    return tuple(child for child in section.children if child.paragraph.index >= cut.index)
