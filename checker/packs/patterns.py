"""Rule-pack regular expressions: compiled once, an alternation per list."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import checker.regex_cache as regex_cache
from checker.regex_firstchars import fast

# A list of regular expressions in a JSON Schema. ``format: regex`` is what marks a string
# as a pattern: the loader compiles every such string (see :func:`regex_fields`), so a rule
# type declares its pattern parameters simply by using this in its parameter schema.
REGEX = {"type": "string", "minLength": 1, "format": "regex"}
REGEX_LIST: dict[str, Any] = {"type": "array", "items": REGEX}


@lru_cache(maxsize=1024)
def _compile(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """The alternation, searching only from the characters a match can start with
    (:func:`checker.regex_firstchars.fast`: the same matches, found without trying every
    position, which is what Python's engine does for an alternation of character classes)."""
    return fast(regex_cache.compile("|".join(f"(?:{p})" for p in patterns))) if patterns else None


def any_of(patterns: Iterable[str]) -> re.Pattern[str] | None:
    """One compiled alternation of ``patterns`` (None for an empty list), cached."""
    return _compile(tuple(patterns))


_NEVER = regex_cache.compile(r"(?!)")


def pattern_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """Like :func:`any_of`, for a list the schema requires: an empty one never matches."""
    return any_of(patterns) or _NEVER


def regex_fields(schema: dict[str, Any], data: Any, path: tuple = (), root: dict | None = None):
    """Every (path, string) in ``data`` that ``schema`` marks ``format: regex``.

    Follows ``properties``, ``items`` and local ``$ref``s (``#/$defs/...``, resolved in
    ``root``); conditional parts (``allOf``/``if``) are left to the caller.
    """
    root = root if root is not None else schema
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rpartition("/")[2]]
    if isinstance(data, str):
        if schema.get("format") == "regex":
            yield path, data
    elif isinstance(data, dict):
        properties = schema.get("properties", {})
        for key, value in data.items():
            if key in properties:
                yield from regex_fields(properties[key], value, (*path, key), root)
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(data):
            yield from regex_fields(schema["items"], item, (*path, i), root)


def holds_regex(schema: Any) -> bool:
    """Whether a (sub)schema holds a ``format: regex`` string anywhere inside."""
    if isinstance(schema, dict):
        return schema.get("format") == "regex" or any(holds_regex(v) for v in schema.values())
    if isinstance(schema, list):
        return any(holds_regex(v) for v in schema)
    return False
