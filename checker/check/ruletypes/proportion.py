"""proportion — a part far out of proportion to another (by Han characters).

``compare_to`` names the other element; the ratio this/other must stay within
``min_ratio``..``max_ratio`` (a plan longer than the results, a one-line problems part).
Message values: ``chars``, ``other_chars``, ``ratio``.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.packs.model import Rule

PARAMS = params_schema(
    {
        "compare_to": described(
            {"type": "string"},
            "与之比较篇幅的要素 id",
            "id of the element whose length this one is compared with",
        ),
        "max_ratio": described(
            {"type": "number", "minimum": 0},
            "本要素与比较要素篇幅之比的上限",
            "highest ratio of this element's length to the other's",
        ),
        "min_ratio": described(
            {"type": "number", "minimum": 0},
            "本要素与比较要素篇幅之比的下限",
            "lowest ratio of this element's length to the other's",
        ),
    },
)

VALUES = ("chars", "other_chars", "ratio")  # what its messages may name


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    locus = ctx.locus(rule.element)
    other = ctx.locus(rule.params.get("compare_to", "measures"))
    if locus is None or other is None:
        return
    chars, other_chars = locus.body_han_count, other.body_han_count
    if other_chars == 0:
        return
    ratio = chars / other_chars
    too_big = "max_ratio" in rule.params and ratio > rule.params["max_ratio"]
    too_small = "min_ratio" in rule.params and ratio < rule.params["min_ratio"]
    if too_big or too_small:
        yield Hit(
            1.0,
            "weak" if too_small else None,
            locus.anchor,
            *locus.anchor_span,
            {"chars": chars, "other_chars": other_chars, "ratio": f"{ratio:.0%}"},
        )
