"""causes — the shortcomings part analyses why, not only what.

Counts cause statements (``cause_patterns``: 原因, 由于, 究其, 根源, 受…影响, 主观上…) in the
part's text (headings excluded, so a heading "存在的不足和原因" alone does not count), and
sub-headings of the part that introduce its causes (``cause_headings``: "（二）原因分析") when
something is written under them: there the causes are often bare noun phrases ("1.思想认识不到位。").
Weak when fewer than ``min_causes``. Message value: ``causes`` (the count).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.model import Section
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST, pattern_of

PARAMS = params_schema(
    {
        "cause_patterns": described(
            REGEX_LIST, "原因分析语句的正则表达式", "regular expression of a sentence that analyses causes"
        ),
        "cause_headings": described(
            REGEX_LIST,
            "引出原因分析的小标题的正则表达式（如“原因分析”），小标题下有内容时算一处原因分析",
            'regular expression of a sub-heading that introduces the causes (such as "cause analysis");'
            " it counts as a cause statement when text follows it",
        ),
        "min_causes": described(
            {"type": "integer", "minimum": 1}, "至少的原因分析语句数", "fewest cause-analysis sentences"
        ),
    },
    required=("cause_patterns",),
)

VALUES = ("causes",)  # what its messages may name


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    locus = ctx.locus(rule.element)
    if locus is None:
        return
    pattern = pattern_of(rule.params["cause_patterns"])
    count = len(pattern.findall(locus.body_text))
    if "cause_headings" in rule.params:
        count += _cause_sections(locus.sections, pattern_of(rule.params["cause_headings"]))
    if count < rule.params.get("min_causes", 1):
        yield Hit(1.0, "weak", locus.anchor, 0, len(locus.anchor.text), {"causes": count})


def _cause_sections(parts: Iterable[Section], heading: re.Pattern[str]) -> int:
    """Sub-sections under the part's headings that introduce causes and have content."""
    count = 0
    stack = [child for part in parts for child in part.children]
    while stack:
        section = stack.pop()
        stack.extend(section.children)
        written = section.body or section.children or section.heading.run_in
        if written and heading.search(section.heading.title):
            count += 1
    return count
