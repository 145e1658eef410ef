"""leftovers — template wording nobody filled in: ``××局``, ``20XX年``, ``X月X日``, ``XX个``,
``【单位名称】``, ``（此处填写……）``, Word's ``单击或点击此处输入文字。``.

Each entry of ``kinds`` gives the patterns of one kind of leftover and what belongs in its
place (``fill``, ``fill_en``). Every match in the report's paragraphs is a finding, quoted
where it stands: message values ``match`` (the text left) and ``fill`` (what to write there,
in the message's language). All patterns are searched as one alternation. The element status
is unchanged.

A kind with ``word_placeholders: true`` also takes every Word content control that still shows
its placeholder (the docx reader marks them: :mod:`checker.read.docx_placeholders`), whatever
its text says; one that a pattern matched already is reported once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import checker.regex_cache as regex_cache
from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.check.ruletypes.joined import Joined
from checker.model import Paragraph
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST
from checker.read.docx_placeholders import PLACEHOLDERS_KEY, Placeholder, decode
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
        "word_placeholders": described(
            {"type": "boolean"},
            "Word 文档中仍显示占位文字的内容控件（无论写的是什么）也算这一类",
            "Word content controls still showing their placeholder (whatever it says) are of this kind",
        ),
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
    paragraphs = ctx.document.paragraphs
    # one search over the paragraphs joined (a search per paragraph cost more in calls than in
    # characters); a match never spans two of them
    joined = Joined(p.text for p in paragraphs)
    found: set[tuple[int, int]] = set()  # (paragraph index, offset) of each character quoted
    for match in pattern.finditer(joined.text):
        number, start = joined.where(match.start())
        paragraph = paragraphs[number]
        end = start + match.end() - match.start()
        if end > len(paragraph.text):
            continue
        kind = kinds[int(match.lastgroup[1:])]  # type: ignore[index]
        found.update((paragraph.index, i) for i in range(start, end))
        yield Hit(1.0, None, paragraph, start, end - start, {"match": match.group(0), "fill": kind[fill_key]})
    marked = ctx.document.source_meta.get(PLACEHOLDERS_KEY)
    kind = next((k for k in kinds if k.get("word_placeholders")), None)
    if marked and kind is not None:
        for paragraph, start, end in _placed(decode(marked), paragraphs):
            if not any((paragraph.index, i) in found for i in range(start, end)):
                values = {"match": paragraph.text[start:end], "fill": kind[fill_key]}
                yield Hit(1.0, None, paragraph, start, end - start, values)


def _placed(
    pieces: list[Placeholder], paragraphs: tuple[Paragraph, ...]
) -> Iterator[tuple[Paragraph, int, int]]:
    """Each piece of the reader's lines as (paragraph, start, end) in the paragraph's text:
    the characters whose original column lies in the piece (normalising may have dropped some)."""
    wanted = {piece.line for piece in pieces}
    lines = [(p, i, line) for p in paragraphs for i, line in enumerate(p.lines) if line.number in wanted]
    for piece in pieces:
        first, last = piece.start + 1, piece.start + piece.length  # 1-based columns
        for paragraph, index, line in lines:
            if line.number != piece.line:
                continue
            inside = [i for i in range(len(line.text)) if first <= line.column(i) <= last]
            if inside:
                base = paragraph.starts[index]
                yield paragraph, base + inside[0], base + inside[-1] + 1
