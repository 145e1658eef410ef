"""Bundled, dated reference data: laws and regulations, Party plenary sessions.

The data are YAML files under ``rules/data/`` with their sources, so a wrong date is
corrected in data, never in code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from checker.pack import rules_dir
from checker.yamlsrc import load_yaml


@dataclass(frozen=True)
class Law:
    title: str
    aliases: tuple[str, ...]
    in_force: dt.date
    repealed: dt.date | None
    replaced_by: str | None
    source: str


@dataclass(frozen=True)
class Plenary:
    name: str
    start: dt.date
    end: dt.date


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@lru_cache(maxsize=8)
def laws(name: str = "data/laws.yaml") -> tuple[Law, ...]:
    data = load_yaml(rules_dir() / name).data
    return tuple(
        Law(
            entry["title"],
            tuple(entry.get("aliases", [])),
            _date(entry["in_force"]),  # type: ignore[arg-type]
            _date(entry.get("repealed")),
            entry.get("replaced_by"),
            entry.get("source", ""),
        )
        for entry in data["laws"]
    )


@lru_cache(maxsize=8)
def known_titles(name: str = "data/laws.yaml") -> frozenset[str]:
    """Names of national laws kept without dates, short form (no 中华人民共和国)."""
    data = load_yaml(rules_dir() / name).data
    return frozenset(str(title) for title in data.get("known_titles", []))


@lru_cache(maxsize=8)
def law_index(name: str = "data/laws.yaml") -> dict[str, Law]:
    """Every title and alias, also without the 中华人民共和国 prefix, → its Law."""
    index: dict[str, Law] = {}
    for law in laws(name):
        for title in (law.title, *law.aliases):
            index[title] = law
            index[title.removeprefix("中华人民共和国")] = law
    return index


@lru_cache(maxsize=8)
def plenaries(name: str = "data/plenary.yaml") -> tuple[Plenary, ...]:
    data = load_yaml(rules_dir() / name).data
    return tuple(
        Plenary(e["name"], _date(e["start"]), _date(e["end"]))  # type: ignore[arg-type]
        for e in data["sessions"]
    )
