"""causes — the shortcomings part analyses why, not only what.

Counts cause statements (``cause_patterns``: 原因, 由于, 究其, 根源, 受…影响, 主观上…) in the
part's text (headings excluded, so a heading "存在的不足和原因" alone does not count).
Weak when fewer than ``min_causes``. Message value: ``causes`` (the count).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST, pattern_of

PARAMS = params_schema(
    {
        "cause_patterns": described(
            REGEX_LIST, "原因分析语句的正则表达式", "regular expression of a sentence that analyses causes"
        ),
        "min_causes": described(
            {"type": "integer", "minimum": 1}, "至少的原因分析语句数", "fewest cause-analysis sentences"
        ),
    },
    required=("cause_patterns",),
)


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    locus = ctx.locus(rule.element)
    if locus is None:
        return
    pattern = pattern_of(rule.params["cause_patterns"])
    count = len(pattern.findall(locus.body_text))
    if count < rule.params.get("min_causes", 1):
        yield Hit(1.0, "weak", locus.anchor, 0, len(locus.anchor.text), {"causes": count})
