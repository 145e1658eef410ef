"""plan-concreteness — a plan that can be checked next year.

Each item of the plan (sub-section, 一是… clause, or paragraph) should name something
checkable: a figure, a deadline or period, a law or document to draft, a responsible
unit (``concrete_patterns``). Weak when the share of concrete items is below
``min_ratio``; the finding quotes the first vague item. Message values: ``concrete``,
``total``, ``percent``.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.check.ruletypes.base import Context, Hit
from checker.packs.pack import Rule
from checker.packs.patterns import pattern_of
from checker.text.sentences import items


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    locus = ctx.locus(rule.element)
    if locus is None:
        return
    pattern = pattern_of(rule.params["concrete_patterns"])
    plan_items = items(locus.body_paragraphs)
    if len(plan_items) < rule.params.get("min_items", 1):
        return
    concrete = [i for i in plan_items if pattern.search(i.text)]
    ratio = len(concrete) / len(plan_items)
    if ratio >= rule.params.get("min_ratio", 0.5):
        return
    vague = next(i for i in plan_items if i not in concrete)
    yield Hit(
        1.0 - ratio,
        "weak",
        vague.paragraph,
        vague.start,
        len(vague.text),
        {"concrete": len(concrete), "total": len(plan_items), "percent": round(100 * ratio)},
    )
