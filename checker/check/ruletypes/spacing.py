"""spacing — no spaces typed inside Chinese text, e.g. between a number and 年 (2024 年).

Normalisation deletes such spaces before any rule sees the text, so this type reads the
column map: a match of ``patterns`` (on normalised text) whose characters were not next
to each other in the original had something removed between them — a space the writer
typed. Text read from a PDF is not judged: its spaces are drawn by the layout (justified
and right-aligned lines), not typed. Each such match is a finding; message value
``match`` (normalised text). The element status is unchanged; give such a rule weight 0
when it should not move the score.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.model import Line, Paragraph
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST, pattern_of

PARAMS = params_schema(
    {
        "patterns": described(
            REGEX_LIST,
            "在规范化文本中匹配、原文中间夹有空格即报告的正则表达式",
            "regular expression that is reported when it matches the normalised text"
            " and the original has spaces inside the match",
        )
    },
    required=("patterns",),
)

DOCUMENT_LEVEL = True  # checked on the whole text, whatever the element's status
LAYOUT_SPACED_FORMATS = frozenset({"pdf"})


def _gap_inside(paragraph: Paragraph, start: int, end: int) -> bool:
    """Whether the original had characters (spaces) removed between ``start`` and ``end``."""
    if end - start < 2:
        return False
    line_a, column_a = paragraph.position(start)
    for index in range(start + 1, end):  # each character's place looked up once
        line_b, column_b = paragraph.position(index)
        if line_a == line_b and column_b - column_a > 1:
            return True
        line_a, column_a = line_b, column_b
    return False


def _has_removals(lines: tuple[Line, ...]) -> bool:
    return any(line.columns is not None for line in lines)


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    if ctx.source_format in LAYOUT_SPACED_FORMATS:
        return
    pattern = pattern_of(rule.params["patterns"])
    for paragraph in ctx.document.paragraphs:
        if not _has_removals(paragraph.lines):
            continue  # nothing was removed: the fast, common case
        for match in pattern.finditer(paragraph.text):
            if _gap_inside(paragraph, match.start(), match.end()):
                yield Hit(
                    1.0,
                    None,
                    paragraph,
                    match.start(),
                    match.end() - match.start(),
                    {"match": match.group(0)},
                )
