"""required-pattern — something that must be said: at least ``min_hits`` matches of ``patterns``.

Used by department packs (the laws a body is expected to cite). Scope is the element or
the whole document. Message values: ``hits``, ``min_hits``.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.check.ruletypes.base import SCOPE, Context, Hit, described, params_schema, scope_pieces
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST, pattern_of

PARAMS = params_schema(
    {
        "patterns": described(REGEX_LIST, "要查找的正则表达式", "regular expression to look for"),
        "min_hits": described({"type": "integer", "minimum": 1}, "至少匹配的次数", "fewest matches"),
        "scope": SCOPE,
    },
    required=("patterns",),
)

VALUES = ("hits", "min_hits")  # what its messages may name


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    pieces = scope_pieces(rule, ctx)
    pattern = pattern_of(rule.params["patterns"])
    hits = sum(len(pattern.findall(p.text[start:end])) for p, start, end in pieces)
    need = rule.params.get("min_hits", 1)
    if hits < need:
        anchor, start = (pieces[0][0], pieces[0][1]) if pieces else (None, 0)
        yield Hit(
            1.0 - hits / need,
            "weak" if rule.params.get("scope") != "document" else None,
            anchor,
            start,
            0,
            {"hits": hits, "min_hits": need},
        )
