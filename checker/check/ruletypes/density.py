"""density — verifiable facts per 1,000 Han characters of a part.

Counts matches of ``patterns`` (figures with units: 次、人次、件、场、万元、%; titles in 《》;
dates) in the part and compares the rate per 1,000 Han characters with ``min_per_1000``.
Parts shorter than ``min_chars`` are left to the presence rule. The finding names the
sub-sections that carry no fact at all. Message values: ``rate``, ``floor``, ``facts``,
``empty`` (sub-section titles without facts, "—" when there are none) and ``empty_note``
(a clause naming them, "；没有任何数据的小节：“…”", empty when there are none).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.i18n import t
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST, pattern_of

PARAMS = params_schema(
    {
        "patterns": described(
            REGEX_LIST,
            "可核实事实（数字与单位、《》、日期）的正则表达式",
            "regular expression of a verifiable fact (number with unit, 《title》, date)",
        ),
        "min_per_1000": described(
            {"type": "number", "minimum": 0},
            "每千个汉字至少的事实数",
            "fewest facts per thousand Han characters",
        ),
        "min_chars": described(
            {"type": "integer", "minimum": 0},
            "短于此汉字数的部分交给 presence 规则",
            "parts shorter than this many Han characters are left to the presence rule",
        ),
    },
    required=("patterns", "min_per_1000"),
)

VALUES = ("rate", "floor", "facts", "empty", "empty_note")  # what its messages may name


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    locus = ctx.locus(rule.element)
    if locus is None:
        return
    pattern = pattern_of(rule.params["patterns"])
    chars = locus.text_han_count
    if chars < rule.params.get("min_chars", 200):
        return
    facts = len(pattern.findall(locus.text))
    rate = 1000 * facts / chars
    floor = rule.params["min_per_1000"]
    if rate >= floor:
        return
    empty = []
    for section in locus.sections:
        for sub in section.walk():
            own = "".join(p.text for p in [sub.paragraph, *sub.body])
            if sub is not section and not sub.children and not pattern.search(own):
                empty.append(sub.heading.title)
    titles = t("rt.list-separator", ctx.lang).join(f"“{title}”" for title in empty[:4])
    values = {
        "rate": f"{rate:.1f}",
        "floor": f"{floor:g}",
        "facts": facts,
        "empty": titles or "—",
        "empty_note": t("rt.density.empty", ctx.lang, titles=titles) if titles else "",
    }
    yield Hit(min(1.0, 1 - rate / floor + 0.2), "weak", locus.anchor, *locus.anchor_span, values)
