"""Find where each required element of a report is: a section, some paragraphs, or nothing.

No order or wording is fixed nationally, so an element is found wherever it is: a
top-level section, a sub-section inside another (a 第一责任人 part inside the measures), or
only paragraphs that speak of it. Elements are matched in ``priority`` order; an element
with ``claim_unassigned`` also takes every top-level section no other element took
(reports often spread their measures over several untitled-as-such parts).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from checker.check.inner_parts import OPENING_CHARS, narrowed, told
from checker.check.locus import Locus
from checker.check.shared_parts import split_shared
from checker.model import Document, Paragraph, Section
from checker.packs.model import Element, Pack
from checker.packs.patterns import any_of
from checker.parse.dates import parse_date
from checker.parse.headings import parse_heading


def for_year(patterns: Iterable[str], year: int | None) -> tuple[str, ...]:
    """``patterns`` with ``{year}`` and ``{next_year}`` written out for the year the report is on
    ("2025年度…主要举措" is next year's plan in a 2024 report); with no year known they stand for
    nothing that matches."""
    this, following = (str(year), str(year + 1)) if year is not None else (_NOTHING, _NOTHING)
    return tuple(p.replace("{next_year}", following).replace("{year}", this) for p in patterns)


_NOTHING = "(?!)"


def title_names(element: Element, year: int | None = None) -> Callable[[str], bool]:
    """Whether a heading's title names ``element`` (its ``headings``, not its ``exclude``),
    the patterns written out for the report's ``year`` (:func:`for_year`)."""
    headings, exclude = _heading_patterns(
        tuple(element.spec.get("headings", ())), tuple(element.spec.get("exclude", ())), year
    )
    if headings is None:
        return lambda title: False
    if exclude is None:
        return lambda title: headings.search(title) is not None
    return lambda title: headings.search(title) is not None and exclude.search(title) is None


@functools.lru_cache(maxsize=256)
def _heading_patterns(
    headings: tuple[str, ...], exclude: tuple[str, ...], year: int | None
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The compiled headings and exclude of an element for a year: written out once per year,
    not once per report (writing ``{year}`` out makes new strings, hashed anew for the cache)."""
    return any_of(for_year(headings, year)), any_of(for_year(exclude, year))


def _headed(sections: tuple[Section, ...], named: Callable[[str], bool]) -> list[Section]:
    """The sections whose heading's title is ``named``."""
    return [s for s in sections if named(s.heading.title)]


def _locate_by_heading(
    headed: list[Section], element: Element, taken: set[int], foreign: frozenset[int] = frozenset()
) -> Locus | None:
    """``headed``: the sections whose heading names the element (see :func:`_headed`)."""
    matches = [s for s in headed if s.paragraph.index not in foreign]
    if not matches:
        return None
    shallowest = min(s.depth for s in matches)
    chosen = [s for s in matches if s.depth == shallowest and id(s) not in taken]
    chosen = chosen or [s for s in matches if s.depth == shallowest]
    chosen = chosen[:1] if shallowest > 0 else chosen
    return _section_locus(element.id, chosen)


def _locate_by_keyword(
    body: tuple[Paragraph, ...],
    element: Element,
    used: set[int],
    among: set[int] | None = None,
    others: re.Pattern[str] | None = None,
) -> Locus | None:
    """Paragraphs that speak of the element, outside the parts other elements hold.
    ``body``: the document's body paragraphs; with ``among``, only those paragraphs are
    searched (the caller knows the others do not speak of it); ``others``: the keywords of
    the other parts, where the run of paragraphs after the first one stops."""
    keywords = any_of(element.spec.get("keywords", ()))
    if keywords is None:
        return None
    for paragraph in body:
        if among is not None and paragraph.index not in among:
            continue
        if paragraph.index not in used and keywords.search(paragraph.text):
            run = tuple(p for p in _run_from(body, paragraph, others) if p.index not in used)
            return Locus(element.id, "keyword", run)
    return None


def _section_locus(element_id: str, sections: list[Section]) -> Locus:
    paragraphs: dict[int, Paragraph] = {}
    for section in sections:
        for paragraph in section.all_paragraphs():
            paragraphs[paragraph.index] = paragraph
    ordered = tuple(paragraphs[i] for i in sorted(paragraphs))
    return Locus(element_id, "heading", ordered, tuple(sections))


def _run_from(
    body: tuple[Paragraph, ...], start: Paragraph, others: re.Pattern[str] | None = None
) -> tuple[Paragraph, ...]:
    """The paragraph that mentions an element and the un-headed paragraphs after it, up to
    one that opens by speaking of another part (``others`` within its first
    :data:`OPENING_CHARS` characters): unheaded shortcomings followed by an unheaded plan
    ("2026年，××部将…") are two parts, not one."""
    run = [start]
    position = next(i for i, p in enumerate(body) if p.index == start.index)
    for paragraph in body[position + 1 :]:
        if parse_heading(paragraph.text) is not None:
            break
        if others is not None and others.search(paragraph.text, 0, OPENING_CHARS):
            break
        run.append(paragraph)
    return tuple(run)


def _from_page(document: Document, element: Element) -> Locus | None:
    """A date the text lacks but the page it was copied from states (``page_meta``: the
    information table's key, e.g. 成文日期), anchored where it belongs: after the signature,
    else after the last paragraph. ``how`` is "page"."""
    key = element.spec.get("page_meta")
    value = document.source_meta.get(key) if key else None
    if not value or parse_date(value) is None or not document.paragraphs:
        return None
    anchor = document.signature if document.signature is not None else document.paragraphs[-1]
    return Locus(element.id, "page", (anchor,))


def _claim_unassigned(
    document: Document, locus: Locus | None, element_id: str, taken: set[int]
) -> Locus | None:
    extra = [s for s in document.sections if id(s) not in taken]
    if not extra:
        return locus
    sections = list(locus.sections) if locus else []
    present = {id(s) for s in sections}  # by identity: ``in`` on the list compared whole
    sections.extend(s for s in extra if id(s) not in present)  # sections, quadratic in them
    sections.sort(key=lambda s: s.paragraph.index)
    located = _section_locus(element_id, sections)
    return located if locus is None or locus.how == "heading" else locus


def _foreign(headed: dict[str, list[Section]], element: Element) -> frozenset[int]:
    """Paragraphs inside the parts an element must stay ``outside`` of: a sub-item
    落实第一责任人职责 of the next-year plan is plan, not the report on the duties.
    ``headed``: element id → the sections whose heading names it."""
    indices: set[int] = set()
    for other_id in element.spec.get("outside", ()):
        for section in headed[other_id]:
            indices.update(p.index for p in section.all_paragraphs())
    return frozenset(indices)


def locate_elements(document: Document, pack: Pack) -> dict[str, Locus | None]:
    """Map each element id of the pack to its :class:`Locus` in the document, or None."""
    loci: dict[str, Locus | None] = {}
    taken: set[int] = set()
    ordered = sorted(pack.elements, key=lambda e: e.spec.get("priority", 100))
    # every section's heading is matched against every element's once, here
    sections = tuple(document.all_sections())
    body = document.body_paragraphs()  # and the body paragraphs listed once, for keyword search
    year = document.meta.year if document.meta is not None else None
    names = {e.id: title_names(e, year) for e in pack.elements}
    headed = {e.id: _headed(sections, names[e.id]) for e in pack.elements}
    foreign = {e.id: _foreign(headed, e) for e in ordered if e.spec.get("outside")}
    catch_all = {e.id for e in pack.elements if e.spec.get("claim_unassigned")}
    elements = {e.id: e for e in pack.elements}
    for element in ordered:
        if element.locator == "title":
            loci[element.id] = Locus(element.id, "title", document.title) if document.title else None
        elif element.locator == "signature":
            sig = document.signature
            loci[element.id] = Locus(element.id, "signature", (sig,)) if sig else None
        elif element.locator == "date":
            date = document.date
            if date is not None:
                loci[element.id] = Locus(element.id, "date", (date.paragraph,))
            else:
                loci[element.id] = _from_page(document, element)
        else:
            locus = _locate_by_heading(
                headed[element.id], element, taken, foreign.get(element.id, frozenset())
            )
            if locus is not None:
                taken.update(id(s) for s in locus.sections)
            loci[element.id] = locus
    # a part named for two elements ("存在的不足和下一步打算"): each its own share of it
    split_shared(loci, ordered, names)
    preamble = _preamble(document, body)
    # second pass: elements with no heading of their own, found by what their paragraphs say
    for element in ordered:
        if element.locator != "section" or loci[element.id] is not None:
            continue
        # paragraphs of the specific parts are off limits; the catch-all measures part is not
        # (a 第一责任人 paragraph inside the measures is still that element's)
        specific = [locus for other_id, locus in loci.items() if locus and other_id not in catch_all]
        outside = foreign.get(element.id, frozenset())
        # the lead-in before the first part names what the report covers ("落实…第一责任人职责，
        # …现将有关情况报告如下"): a part is looked for there only when it is nowhere else
        held = {p.index for locus in specific for p in locus.paragraphs} | outside
        outside_lead = outside | preamble
        used = held | preamble
        others = any_of(
            keyword
            for other in ordered
            if other.id != element.id and other.locator == "section"
            for keyword in other.spec.get("keywords", ())
        )
        locus = _locate_by_keyword(body, element, used, others=others)
        if locus is None:
            # a part with no heading of its own may trail another one ("今后，我局将…" at the end
            # of the problems part): look past each specific part's heading and lead paragraph
            lead = {p.index for locus in specific for p in locus.paragraphs[:2]} | outside_lead
            # the paragraphs outside ``used`` were searched just now: only those inside are new
            locus = _locate_by_keyword(body, element, lead, among=used, others=others)
        if locus is None:
            # a part may open another's: the plan part's first paragraph ("在肯定成绩的同时，
            # …还存在一些短板和不足…主要原因是…", as ministries write) holds the shortcomings
            locus = _opening_paragraph(element, loci, elements, outside)
        if locus is None and preamble:
            lead_in = _locate_by_keyword(body, element, held, among=preamble, others=others)
            loci[element.id] = told(narrowed(lead_in, element), element) if lead_in is not None else None
            continue
        # found inside another part's paragraph: only the sentences about the element
        loci[element.id] = narrowed(locus, element) if locus is not None else None
    for element in ordered:
        if element.spec.get("claim_unassigned"):
            locus = _claim_unassigned(document, loci[element.id], element.id, taken)
            loci[element.id] = locus
            if locus is not None:
                taken.update(id(s) for s in locus.sections)
    for element in ordered:
        if element.spec.get("claim_unassigned") and loci.get(element.id) is None:
            loci[element.id] = _unheaded_body(document, body, element.id, loci)
    return {e.id: loci.get(e.id) for e in pack.elements}


def _preamble(document: Document, body: tuple[Paragraph, ...]) -> set[int]:
    """The body paragraphs before the first numbered part, in a report that has parts."""
    if not document.sections:
        return set()
    first = document.sections[0].paragraph.index
    return {p.index for p in body if p.index < first}


def _opening_paragraph(
    element: Element, loci: dict[str, Locus | None], elements: dict[str, Element], outside: frozenset[int]
) -> Locus | None:
    """The first body paragraph of another element's headed part when it speaks of ``element``
    and not of its own part's subject."""
    keywords = any_of(element.spec.get("keywords", ()))
    if keywords is None:
        return None
    for other_id, other in loci.items():
        if other is None or other.how != "heading" or other_id == element.id or not other.body_paragraphs:
            continue
        opening = other.body_paragraphs[0]
        own = any_of(elements[other_id].spec.get("keywords", ()))
        if (
            opening.index not in outside
            and keywords.search(opening.text)
            and (own is None or not own.search(opening.text))
        ):
            return Locus(element.id, "keyword", (opening,))
    return None


def _unheaded_body(
    document: Document, body: tuple[Paragraph, ...], element_id: str, loci: dict[str, Locus | None]
) -> Locus | None:
    """A report without numbered sections: its measures are the body no other element took."""
    if document.sections:
        return None
    used = {p.index for locus in loci.values() if locus for p in locus.paragraphs if locus.holds_whole(p)}
    rest = tuple(p for p in body if p.index not in used)
    return Locus(element_id, "block", rest) if rest else None
