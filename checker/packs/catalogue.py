"""Bundled, dated reference data: laws and regulations, Party plenary sessions.

The data are YAML files under ``rules/data/`` with their sources, so a wrong date is
corrected in data, never in code.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import msgspec

import checker.regex_cache as regex_cache
from checker.packs.bundled import rules_dir
from checker.packs.data_cache import load_data


class Law(msgspec.Struct, frozen=True):
    """A law or regulation; ``promulgated``: the day it was made public (公布), when known —
    from then on it can be studied, publicised and planned for, before it comes into force."""

    title: str
    aliases: tuple[str, ...]
    in_force: dt.date
    repealed: dt.date | None
    replaced_by: str | None
    source: str
    promulgated: dt.date | None = None


class Plenary(msgspec.Struct, frozen=True):
    """A session (or what was named at one) and its dates; ``patterns`` find it written other
    than as "十九届五中全会" (二十大, 习近平法治思想); ``event`` says what happened then."""

    name: str
    start: dt.date
    end: dt.date
    patterns: tuple[str, ...] = ()
    event: str = "召开"
    event_en: str = "held"


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@lru_cache(maxsize=8)
def _data(name: str) -> dict:
    """One data file parsed once per process (and once per edit, with the user cache)."""
    return load_data(rules_dir() / name)


@lru_cache(maxsize=8)
def laws(name: str = "data/laws.yaml") -> tuple[Law, ...]:
    data = _data(name)
    return tuple(
        Law(
            entry["title"],
            tuple(entry.get("aliases", [])),
            _date(entry["in_force"]),  # type: ignore[arg-type]
            _date(entry.get("repealed")),
            entry.get("replaced_by"),
            entry.get("source", ""),
            _date(entry.get("promulgated")),
        )
        for entry in data["laws"]
    )


@lru_cache(maxsize=8)
def known_titles(name: str = "data/laws.yaml") -> frozenset[str]:
    """Names of national laws kept without dates, short form (no 中华人民共和国)."""
    data = _data(name)
    return frozenset(str(title) for title in data.get("known_titles", []))


_DASHES = regex_cache.compile(r"[—–－~～]+")
_YEAR_RANGE_END = regex_cache.compile(r"(\d{4})年?([)）])")


def title_key(title: str) -> str:
    """A cited title in comparable form: one dash kind, no spaces, "(2021-2025年)" = "(2021-2025)"."""
    key = _DASHES.sub("-", title.replace(" ", "").replace("（", "(").replace("）", ")"))
    return _YEAR_RANGE_END.sub(r"\1\2", key)


@lru_cache(maxsize=8)
def law_index(name: str = "data/laws.yaml") -> dict[str, Law]:
    """Every title and alias (as :func:`title_key`), also without 中华人民共和国, → its Law."""
    index: dict[str, Law] = {}
    for law in laws(name):
        for title in (law.title, *law.aliases):
            index[title_key(title)] = law
            index[title_key(title.removeprefix("中华人民共和国"))] = law
    return index


@lru_cache(maxsize=8)
def plenaries(name: str = "data/plenary.yaml") -> tuple[Plenary, ...]:
    data = _data(name)
    return tuple(
        Plenary(
            e["name"],
            _date(e["start"]),  # type: ignore[arg-type]
            _date(e["end"]),  # type: ignore[arg-type]
            tuple(e.get("patterns", ())),
            e.get("event", "召开"),
            e.get("event_en", "held"),
        )
        for e in data["sessions"]
    )
