"""Rule-pack regular expressions: compiled once, an alternation per list."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

# params keys (and element keys) whose values are lists of regular expressions
PATTERN_KEYS = frozenset(
    {
        "patterns",
        "cause_patterns",
        "concrete_patterns",
        "ignore",
        "headings",
        "keywords",
        "exclude",
        "subject",
        "doctype",
        "title",
    }
)


@lru_cache(maxsize=1024)
def _compile(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def any_of(patterns: Iterable[str]) -> re.Pattern[str] | None:
    """One compiled alternation of ``patterns`` (None for an empty list), cached."""
    return _compile(tuple(patterns))


_NEVER = re.compile(r"(?!)")


def pattern_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """Like :func:`any_of`, for a list the schema requires: an empty one never matches."""
    return any_of(patterns) or _NEVER


def pattern_fields(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every (path, regex) in a pack's elements/params, for validation at load time."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in PATTERN_KEYS and isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        yield (*path, key, i), item
            else:
                yield from pattern_fields(value, (*path, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from pattern_fields(item, (*path, i))
