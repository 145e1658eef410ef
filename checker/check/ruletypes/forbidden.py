"""forbidden — wording that must not appear (a request inside a report, stock phrases).

Every match of ``patterns`` in the ``scope`` (the element or the whole document) is a
finding; message value ``match`` is the matched text. The element status is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.check.ruletypes.base import SCOPE, Context, Hit, described, params_schema, scope_pieces
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST, pattern_of

PARAMS = params_schema(
    {
        "patterns": described(REGEX_LIST, "要查找的正则表达式", "regular expression to look for"),
        "scope": SCOPE,
    },
    required=("patterns",),
)

VALUES = ("match",)  # what its messages may name


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    pattern = pattern_of(rule.params["patterns"])
    for paragraph, start, end in scope_pieces(rule, ctx):
        text = paragraph.text if (start, end) == (0, len(paragraph.text)) else paragraph.text[start:end]
        for match in pattern.finditer(text):
            yield Hit(
                1.0,
                None,
                paragraph,
                start + match.start(),
                match.end() - match.start(),
                {"match": match.group(0)},
            )
