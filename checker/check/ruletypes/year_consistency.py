"""year-consistency — the title, the opening and the part headings name the same year.

The reported year comes from the title (else the opening). A different year in the
opening ("2023年，我局…" under a 2024 title), in "现将…年…报告如下", or in the heading of
the measures/problems/duties parts is flagged where it is written. Message values:
``found``, ``expected``, ``where``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.check.ruletypes.base import Context, Hit, params_schema
from checker.i18n import t
from checker.model import Paragraph
from checker.packs.model import Rule

PARAMS = params_schema({})  # no parameters


DOCUMENT_LEVEL = True  # checked even when its element is missing

_YEAR = re.compile(r"(?<![\d\-—~])(20\d{2})年(?!\d)")
_OPENING = re.compile(r"^(20\d{2})年|现将[^。]{0,40}?(20\d{2})年")
_PARTS = ("measures", "problems", "first-responsible-person")


def _claims(ctx: Context) -> Iterator[tuple[Paragraph, re.Match[str], str]]:
    document = ctx.document
    lang = ctx.lang
    for paragraph in document.title:
        match = _YEAR.search(paragraph.text)
        if match:
            yield paragraph, match, t("rt.where.title", lang)
    for paragraph in document.preamble[:2]:
        for match in _OPENING.finditer(paragraph.text):
            yield paragraph, match, t("rt.where.opening", lang)
    for element in _PARTS:
        locus = ctx.locus(element)
        if locus is None or locus.how != "heading":
            continue
        for section in locus.sections:
            in_paragraph = (
                _YEAR.search(section.paragraph.text) if _YEAR.search(section.heading.title) else None
            )
            if in_paragraph:
                yield section.paragraph, in_paragraph, t("rt.where.heading", lang)


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    expected = ctx.document.meta.year
    if expected is None:
        return
    for paragraph, match, where in _claims(ctx):
        if match is None:
            continue
        year_text = next(g for g in match.groups() if g) if match.groups() else match.group(1)
        found = int(year_text)
        if found != expected:
            start = match.start(match.groups().index(year_text) + 1)
            yield Hit(
                1.0, "weak", paragraph, start, 5, {"found": found, "expected": expected, "where": where}
            )
