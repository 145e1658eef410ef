"""Mechanical fixes declared by rules (``fix:`` in the pack), turned into :class:`Fix` values.

A rule's ``fix`` says what its finding's text becomes, without code:

- ``replace: "{standard}"`` — a template filled with the finding's message values;
- ``delete: true`` (with optional ``trailing`` patterns: punctuation right after the text
  that goes with it, e.g. the 。 after 妥否，请批示);
- ``strip_spaces: true`` — the text as written, without its spaces (2024 年 → 2024年);
- ``when: {value: expected}`` — only findings whose message values match.

The fix works on the text as the user wrote it (the original line, through the column map),
so ``annotate --fix`` can find and replace it in the document. Fixes spanning several
lines are not offered: a line break inside a tracked change is a judgement call.
"""

from __future__ import annotations

import re
from typing import Any

from checker.model import Fix, Paragraph

_SPACES = " \t\u3000\u00a0"


class _Template(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def original_span(
    paragraph: Paragraph, offset: int, length: int, lines: list[str]
) -> tuple[int, int, int] | None:
    """(line, first column, last column) of a hit in the original, 1-based; None across lines."""
    first_line, first_column = paragraph.position(offset)
    last_line, last_column = paragraph.position(offset + length - 1)
    if first_line != last_line or not 1 <= first_line <= len(lines) or last_column < first_column:
        return None
    return first_line, first_column, last_column


def _matches(when: dict[str, Any], values: dict[str, Any]) -> bool:
    return all(str(values.get(key)) == str(expected) for key, expected in when.items())


def make_fix(
    spec: dict[str, Any] | None,
    paragraph: Paragraph | None,
    offset: int,
    length: int,
    values: dict[str, Any],
    lines: list[str],
) -> Fix | None:
    """The fix a rule's ``spec`` makes of one hit, or None when it does not apply."""
    if not spec or paragraph is None or length <= 0 or not _matches(spec.get("when", {}), values):
        return None
    span = original_span(paragraph, offset, length, lines)
    if span is None:
        return None
    line, first, last = span
    text = lines[line - 1]
    old = text[first - 1 : last]
    if not old:
        return None
    if spec.get("delete"):
        rest = text[last:]
        for pattern in spec.get("trailing", []):
            match = re.match(pattern, rest)
            if match and match.end():
                old += match.group(0)
                break
        new = ""
    elif spec.get("strip_spaces"):
        new = "".join(ch for ch in old if ch not in _SPACES)
    else:
        new = str(spec.get("replace", old)).format_map(_Template(values))
    return None if new == old else Fix(old, new)
