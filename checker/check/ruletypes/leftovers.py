"""leftovers — template wording nobody filled in: ``××局``, ``20XX年``, ``X月X日``, ``XX个``,
``【单位名称】``, ``（此处填写……）``, Word's ``单击或点击此处输入文字。``.

Each entry of ``kinds`` gives the patterns of one kind of leftover and what belongs in its
place (``fill``, ``fill_en``). Every match in the report's paragraphs is a finding, quoted
where it stands: message values ``match`` (the text left) and ``fill`` (what to write there,
in the message's language). All patterns are searched as one alternation. The element status
is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import checker.regex_cache as regex_cache
from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST
from checker.regex_firstchars import fast

_TEXT: dict[str, Any] = {"type": "string", "minLength": 1}
_KIND: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["patterns", "fill", "fill_en"],
    "properties": {
        "patterns": described(REGEX_LIST, "这类模板残留的正则表达式", "regular expression of the leftover"),
        "fill": described(_TEXT, "此处应填写的内容", "what belongs in its place"),
        "fill_en": described(_TEXT, "同上（英文）", "the same, in English"),
    },
}

PARAMS = params_schema(
    {
        "kinds": described(
            {"type": "array", "minItems": 1, "items": _KIND},
            "各类模板残留及其应填写的内容",
            "the kinds of leftover, each with what belongs in its place",
        ),
    },
    required=("kinds",),
)

VALUES = ("match", "fill")  # what its messages may name

DOCUMENT_LEVEL = True  # a leftover is one wherever it stands


@lru_cache(maxsize=64)
def _alternation(kinds: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    """One pattern for every kind: the branch of kind ``i`` is the group ``k{i}``."""
    branches = (f"(?P<k{i}>{'|'.join(f'(?:{p})' for p in patterns)})" for i, patterns in enumerate(kinds))
    return fast(regex_cache.compile("|".join(branches)))


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    kinds = rule.params["kinds"]
    pattern = _alternation(tuple(tuple(kind["patterns"]) for kind in kinds))
    fill_key = "fill_en" if ctx.lang == "en" else "fill"
    for paragraph in ctx.document.paragraphs:
        for match in pattern.finditer(paragraph.text):
            kind = kinds[int(match.lastgroup[1:])]  # type: ignore[index]
            values = {"match": match.group(0), "fill": kind[fill_key]}
            yield Hit(1.0, None, paragraph, match.start(), match.end() - match.start(), values)
