"""year-consistency — the title, the opening and the part headings name the same year.

The reported year is the one the weighed evidence supports (title, opening, part headings,
date and plan: :mod:`checker.parse.evidence`), so when the title alone says 2024 and the rest
agree on 2023, the title is flagged and nothing else. A year that differs from it in the
title, the opening ("2023年，我局…", "现将…年…报告如下") or the heading of the
measures/problems/duties parts is flagged where it is written; so is a sentence of those parts
that opens with an earlier year ("2023年，我局…" in a 2024 report, in a paragraph that names
no later year): text kept from last year's report; and one that opens with a later year
("2025年，我局没有发生…" in a 2024 report) and says nothing of the future (``future_words``:
将, 计划 …): a slip of the year, or events after the report was written. Next year named for
a plan in a part's heading ("存在的不足和2026年工作安排") is the plan's year, not a mistake.
Message values: ``found``, ``expected``, ``where``, ``agree`` (which sources support the
expected year).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import checker.regex_cache as regex_cache
from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.i18n import t
from checker.model import Paragraph
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST, pattern_of
from checker.parse.evidence import PLAN_WORDS, agreeing

PARAMS = params_schema(
    {
        "future_words": described(
            REGEX_LIST,
            "以后一年为主语的句子含这些词即是在说打算，不算年份写错；不写则不查以后的年份",
            "a sentence opening with a later year that holds one of these speaks of plans; "
            "without it later years are not checked",
        ),
    }
)

VALUES = ("found", "expected", "where", "agree")  # what its messages may name


DOCUMENT_LEVEL = True  # checked even when its element is missing

_YEAR = regex_cache.compile(r"(?<![\d\-—~])(20\d{2})年(?!\d)")
_OPENING = regex_cache.compile(r"^(20\d{2})年|现将[^。]{0,40}?(20\d{2})年")
_PARTS = ("measures", "problems", "first-responsible-person")
# a sentence whose subject is a year: "2023年，…", "2023年度，…", "2023年以来，…"
# (its start is checked apart: a pattern that begins with the digits is found by a fast scan)
_SENTENCE_YEAR = regex_cache.compile(r"(20\d{2})年度?(?:以来)?[，,]")
_SENTENCE_STARTS = frozenset("。；;")
_YEAR_NUMBER = regex_cache.compile(r"(?<![\d\-—~])(20\d{2})(?=年)")


def _claims(ctx: Context, future: re.Pattern[str] | None) -> Iterator[tuple[Paragraph, re.Match[str], str]]:
    """(paragraph, match, where) of each year written; ``where`` is the key of its place's name
    (title, opening, heading), put into words only for the few that disagree."""
    document = ctx.document
    for paragraph in document.title:
        match = _YEAR.search(paragraph.text)
        if match:
            yield paragraph, match, "title"
    for paragraph in document.preamble[:2]:
        for match in _OPENING.finditer(paragraph.text):
            yield paragraph, match, "opening"
    for element in _PARTS:
        locus = ctx.locus(element)
        if locus is None or locus.how != "heading":
            continue
        for section in locus.sections:
            in_paragraph = (
                _YEAR.search(section.paragraph.text) if _YEAR.search(section.heading.title) else None
            )
            if in_paragraph and not _plan_year(section.paragraph.text, in_paragraph, ctx.document.meta.year):
                yield section.paragraph, in_paragraph, "heading"
        yield from _stale_sentences(locus.body_paragraphs, ctx.document.meta.year, future)


def _plan_year(text: str, match: re.Match[str], expected: int | None) -> bool:
    """Whether a heading's year is next year's, named for the plan the part also holds
    ("存在的不足和2026年工作安排" in a 2025 report)."""
    if expected is None or int(match.group(1)) != expected + 1:
        return False
    return bool(PLAN_WORDS.search(text, match.end(), match.end() + 16))


def _stale_sentences(
    paragraphs, expected: int | None, future: re.Pattern[str] | None
) -> Iterator[tuple[Paragraph, re.Match[str], str]]:
    """Sentences of a part that open with an earlier year as their subject ("2023年，我局…" in a
    2024 report) in a paragraph that names no later one: text kept from an earlier report.
    A paragraph that goes on to the reported year ("2023年启动…；2024年，…") tells a story.
    With ``future``: sentences that open with a later year and speak of no plan."""
    if expected is None:
        return
    for paragraph in paragraphs:
        text = paragraph.text
        opening = [
            m
            for m in _SENTENCE_YEAR.finditer(text)
            if m.start() == 0 or text[m.start() - 1] in _SENTENCE_STARTS
        ]
        if not opening:
            continue
        earlier = [m for m in opening if int(m.group(1)) < expected]
        if earlier and not any(int(y) >= expected for y in _YEAR_NUMBER.findall(text)):
            for match in earlier:
                yield paragraph, match, "body-stale"
        if future is None:
            continue
        for match in opening:
            if int(match.group(1)) > expected and not future.search(_sentence(text, match.end())):
                yield paragraph, match, "body-later"


def _sentence(text: str, start: int) -> str:
    """The rest of the sentence from ``start`` (to the next 。；, or the end)."""
    ends = [at for at in (text.find(mark, start) for mark in "。；;") if at >= 0]
    return text[start : min(ends)] if ends else text[start:]


def agreement(ctx: Context, expected: int) -> str:
    """ "开头、小标题均表明报告年度为2023年": the sources that support the year."""
    sources = agreeing(ctx.document.evidence.year_claims, str(expected))
    if not sources:
        return t("rt.agree.year-none", ctx.lang, year=expected)
    names = t("rt.list-separator", ctx.lang).join(t(f"rt.where.{s}", ctx.lang) for s in sources)
    key = "rt.agree.year-many" if len(sources) > 1 else "rt.agree.year-one"
    return t(key, ctx.lang, sources=names, year=expected)


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    expected = ctx.document.meta.year
    if expected is None:
        return
    agree = ""
    words = rule.params.get("future_words")
    future = pattern_of(words) if words else None
    for paragraph, match, where in _claims(ctx, future):
        if match is None:
            continue
        year_text = next(g for g in match.groups() if g) if match.groups() else match.group(1)
        found = int(year_text)
        if found != expected:
            start = match.start(match.groups().index(year_text) + 1)
            agree = agree or agreement(ctx, expected)
            where_name = t(f"rt.where.{where}", ctx.lang)
            values = {"found": found, "expected": expected, "where": where_name, "agree": agree}
            yield Hit(1.0, "weak", paragraph, start, 5, values)
