"""Weighed evidence for the year reported on and for the body's name.

A report says its year in several places: the title, the opening ("2023年，我局…",
"现将…2023年…报告如下"), the headings of its parts ("一、2023年主要工作"), the date (a report
dated January 2024 is about 2023) and the plan ("2024年工作安排" is the plan of a 2023
report). Each place is a claim; the year most claims support wins, the title counting a
little more than any other single place so that title-against-opening stays with the
title. When the title alone says 2024 and the rest agree on 2023, the title is the odd one
out. The body's name is weighed the same way over title, opening and signature.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import checker.regex_cache as regex_cache
from checker.model import Claim, Document, Evidence, Paragraph
from checker.parse.agency import agency_from_opening, agency_from_title, as_written, names_agree
from checker.parse.dates import parse_date

# the title outweighs any one other place; the year the body names most only tips a tie
WEIGHTS = {
    "title": 1.5,
    "opening": 1.0,
    "heading": 1.0,
    "date": 1.0,
    "plan": 1.0,
    "body": 0.75,
    "signature": 1.2,
}
_TITLE_YEAR = regex_cache.compile(r"(?<![\d\-—–~])(20\d{2})\s*年?度?(?![\d\-—–~])")
_YEAR = regex_cache.compile(r"(?<![\d\-—~])(20\d{2})年(?!\d)")
_OPENING = regex_cache.compile(r"^(20\d{2})年|(?:现将|关于)[^。]{0,30}?(20\d{2})年")
PLAN_WORDS = regex_cache.compile(r"安排|计划|打算|思路|要点|下一步|下一年|明年|目标")


def report_date(document: Document) -> str | None:
    """The written date, else the 成文日期/发布日期 of the page it was copied from."""
    if document.date is not None and document.date.iso:
        return document.date.iso
    for key in ("成文日期", "发布日期"):
        value = document.source_meta.get(key)
        parsed = parse_date(value) if value else None
        if parsed:
            return parsed.date.isoformat()
    return None


def _first(pattern: re.Pattern[str], paragraph: Paragraph, source: str, shift: int = 0) -> Claim | None:
    match = pattern.search(paragraph.text)
    if match is None:
        return None
    group = next(i for i, g in enumerate(match.groups(), 1) if g)
    year = int(match.group(group)) - shift
    return Claim(source, str(year), paragraph, match.start(group), 4)


# A year not inside a longer number or a range: "(?<![\d\-—–~])(20\d{2})…", with the
# look-behind moved after the leading "2" (it then looks at the character before the "2").
# The same matches, but a pattern that starts with a literal lets the regex engine skip
# straight from one "2" to the next instead of trying a match at every character: 4× cheaper
# over a report's body.
_ANY_YEAR = regex_cache.compile(r"(2(?<![\d\-—–~]2)0\d{2})(?:年|年度)?(?![\d\-—–~])")


def _body_years(document: Document, own_claims_only: bool = False) -> Counter[int]:
    """How often the body names each year. As a claim of its own it leaves out what other
    claims already read: the opening, and the plan parts (which name the next year)."""
    skip: set[int] = set()
    if own_claims_only:
        skip.update(p.index for p in document.preamble[:1])
        for section in document.sections:
            if PLAN_WORDS.search(section.heading.title):
                skip.update(p.index for p in section.all_paragraphs())
    return Counter(
        int(m.group(1))
        for p in document.body_paragraphs()
        if p.index not in skip
        for m in _ANY_YEAR.finditer(p.text)
    )


def year_claims(document: Document) -> list[Claim]:
    """Every place that names the reported year, in document order of sources."""
    claims: list[Claim] = []
    for paragraph in document.title:
        claim = _first(_TITLE_YEAR, paragraph, "title")
        if claim:
            claims.append(claim)
            break
    for paragraph in document.preamble[:1]:
        claim = _first(_OPENING, paragraph, "opening")
        if claim:
            claims.append(claim)
    for section in document.sections:  # the parts, not their sub-items
        if not _YEAR.search(section.heading.title):
            continue
        planned = bool(PLAN_WORDS.search(section.heading.title))  # "2024年工作安排": a 2023 report
        claim = _first(_YEAR, section.paragraph, "plan" if planned else "heading", 1 if planned else 0)
        if claim:
            claims.append(claim)
    date = report_date(document)
    if date:
        year, month = int(date[:4]), int(date[5:7])
        # a year-end report (some counties ask for one in December) is about its own year
        own_year = month >= 10 and _body_years(document).get(year)
        written = document.date
        reported = str(year if own_year else year - 1)
        claims.append(
            Claim(
                "date", reported, written.paragraph if written else None, written.offset if written else 0, 4
            )
        )
    counts = _body_years(document, own_claims_only=True)
    if counts:
        # the first most frequent, as most_common(1) gives it, without importing heapq for it
        claims.append(Claim("body", str(max(counts, key=counts.__getitem__))))
    return claims


def supported(claims: list[Claim]) -> str | None:
    """The value the claims support most (weights per source; several headings count once)."""
    votes: dict[str, float] = defaultdict(float)
    counted: set[tuple[str, str]] = set()
    for claim in claims:
        if (claim.source, claim.value) in counted:
            continue
        counted.add((claim.source, claim.value))
        votes[claim.value] += WEIGHTS[claim.source]
    if not votes:
        return None
    order = {claim.value: i for i, claim in reversed(list(enumerate(claims)))}
    return max(votes, key=lambda value: (votes[value], -order[value]))


def agency_claims(document: Document) -> list[Claim]:
    """The body's name in title, opening and signature."""
    claims: list[Claim] = []
    if document.title:
        name = agency_from_title(document.title_text)
        if name:
            claims.append(_named("title", name, document.title[0]))
    if document.preamble:
        opening = document.preamble[0].text
        name = agency_from_opening(opening)
        if name:
            known = [c.value for c in claims] + [document.signature_agency or ""]
            claims.append(_named("opening", as_written(name, opening, known), document.preamble[0]))
    if document.signature_agency and document.signature is not None:
        claims.append(_named("signature", document.signature_agency, document.signature))
    return claims


def _named(source: str, name: str, paragraph: Paragraph) -> Claim:
    return Claim(source, name, paragraph, max(paragraph.text.find(name), 0), len(name))


def supported_agency(claims: list[Claim]) -> str | None:
    """The name of the group of agreeing claims with the most weight (title first on ties)."""
    best: tuple[float, int] | None = None
    chosen: str | None = None
    for index, claim in enumerate(claims):
        weight = sum(WEIGHTS[c.source] for c in claims if names_agree(c.value, claim.value))
        rank = (weight, -index)
        if best is None or rank > best:
            best, chosen = rank, claim.value
    return chosen


def collect_evidence(document: Document) -> Evidence:
    years = year_claims(document)
    year = supported(years)
    names = agency_claims(document)
    return Evidence(tuple(years), tuple(names), int(year) if year else None, supported_agency(names))


def agreeing(claims: tuple[Claim, ...], value: str, same=None) -> list[str]:
    """The sources whose claim agrees with ``value``, in order, each once."""
    out: list[str] = []
    for claim in claims:
        agrees = same(claim.value, value) if same else claim.value == value
        if agrees and claim.source not in out:
            out.append(claim.source)
    return out
