"""plenary-timeline — Party sessions cited must have happened before the report was written.

Finds 二十届三中全会 and list forms (二十届一中、二中、三中全会), and what the catalogue's
``patterns`` describe (二十大, 党的第二十次全国代表大会, 习近平法治思想 — named at a meeting,
not a plenary session), and checks each against the bundled dates; a report cannot cite what
began after its date (or after the end of its reporting window when undated). Each event is
reported once, at its first mention. Message values: ``session``, ``held``, ``event`` (召开,
提出: what happened on that date).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import checker.regex_cache as regex_cache
from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.check.ruletypes.citations import reference_date
from checker.packs.catalogue import Plenary, plenaries
from checker.packs.model import Rule
from checker.packs.patterns import pattern_of

PARAMS = params_schema(
    {
        "catalogue": described(
            {"type": "string"},
            "使用的名录文件（默认内置名录）",
            "catalogue file to use (default: the bundled one)",
        ),
    },
)

VALUES = ("session", "held", "event")  # what its messages may name


DOCUMENT_LEVEL = True  # checked even when its element is missing

_LIST = regex_cache.compile(r"(十九|二十|二十一)届((?:[一二三四五六七八九十]中(?:全会)?[、和及与]?)+)全?会?")
_ONE = regex_cache.compile(r"[一二三四五六七八九十]中")


@lru_cache(maxsize=8)
def _written(catalogue: str) -> tuple[tuple[Plenary, re.Pattern[str]], ...]:
    """The catalogue's events that have ``patterns``, each with its patterns compiled as one
    (searched only from the characters a match can start with: :func:`any_of`)."""
    return tuple(
        (session, pattern_of(session.patterns)) for session in plenaries(catalogue) if session.patterns
    )


def _listed(paragraph_text: str, sessions: dict[str, Plenary]) -> Iterator[tuple[Plenary, int, int]]:
    """Every plenary session named in the text by its name: (session, offset, length)."""
    if "届" not in paragraph_text:  # every plenary session's name has it
        return
    for match in _LIST.finditer(paragraph_text):
        congress = match.group(1)
        for one in _ONE.finditer(match.group(2)):
            session = sessions.get(f"{congress}届{one.group(0)}全会")
            if session:
                yield session, match.start(2) + one.start(), 2


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    when = reference_date(ctx)
    if when is None:
        return
    catalogue = rule.params.get("catalogue", "data/plenary.yaml")
    sessions = {p.name: p for p in plenaries(catalogue)}
    paragraphs = ctx.document.paragraphs
    # only what began after the report can be cited wrongly (a report of 2025 looks for nothing
    # of 2020: 习近平法治思想 is in nearly every report), only what the text holds somewhere, and
    # each only up to its first mention: it is reported once
    whole = "\n".join(p.text for p in paragraphs)
    pending = [(s, pattern) for s, pattern in _written(catalogue) if s.start > when and pattern.search(whole)]
    reported: set[str] = set()
    for paragraph in paragraphs:
        text = paragraph.text
        found = [m for m in _listed(text, sessions) if m[0].start > when and m[0].name not in reported]
        for session, pattern in pending:
            match = pattern.search(text)
            if match is not None and session.name not in reported:
                found.append((session, match.start(), match.end() - match.start()))
        for session, start, length in found:
            if session.name in reported:
                continue
            reported.add(session.name)
            yield Hit(1.0, None, paragraph, start, length, _values(session, ctx.lang))
        if found:
            pending = [(s, pattern) for s, pattern in pending if s.name not in reported]


def _values(session: Plenary, lang: str) -> dict[str, str]:
    """The message values: the month as the date-form rule asks (2024年7月, no 07)."""
    event = session.event_en if lang == "en" else session.event
    return {"session": session.name, "held": f"{session.start.year}年{session.start.month}月", "event": event}
