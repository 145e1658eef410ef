"""plan-concreteness — a plan that can be checked next year.

Each item of the plan (sub-section, 一是… clause, or paragraph) should name something
checkable: a figure, a deadline or period, a law or document to draft, a responsible
unit (``concrete_patterns``). A sub-section whose heading stands on its own line
("(一)明确核心，持续深化法治工作" over its paragraphs) is one item, judged on all its text and
quoted by its heading. Weak when the share of concrete items is below ``min_ratio``; the
finding quotes the first vague item. Message values: ``concrete``, ``total``, ``percent``,
``share`` (the count in words: "5项中只有1项", "5项都没有").
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.check.locus import Locus
from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.i18n import t
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST, pattern_of
from checker.text.sentences import Span, items

PARAMS = params_schema(
    {
        "concrete_patterns": described(
            REGEX_LIST,
            "可检验内容（数字、期限、文件、责任单位）的正则表达式",
            "regular expression of checkable content (number, deadline, document, responsible unit)",
        ),
        "min_ratio": described(
            {"type": "number", "minimum": 0, "maximum": 1},
            "具体条目所占比例下限（0–1）",
            "lowest share of concrete items (0–1)",
        ),
        "min_items": described(
            {"type": "integer", "minimum": 0},
            "计划条目少于此数时不判比例",
            "with fewer plan items than this the share is not judged",
        ),
    },
    required=("concrete_patterns",),
)

VALUES = ("concrete", "total", "percent", "share")  # what its messages may name


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    locus = ctx.locus(rule.element)
    if locus is None:
        return
    pattern = pattern_of(rule.params["concrete_patterns"])
    judged = _plan_items(locus)
    plan_items = [item for item, _ in judged]
    if len(plan_items) < rule.params.get("min_items", 1):
        return
    concrete = [item for item, text in judged if pattern.search(text)]
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
        {
            "concrete": len(concrete),
            "total": len(plan_items),
            "percent": round(100 * ratio),
            "share": _share(len(concrete), len(plan_items), ctx.lang),
        },
    )


def _plan_items(locus: Locus) -> list[tuple[Span, str]]:
    """The plan's items, each with the text it is judged on: a sub-section under a heading of
    its own line is one item (its heading quoted, all its paragraphs judged); the rest are
    split by :func:`items`."""
    grouped: list[tuple[Span, str]] = []
    covered: set[int] = set()
    for section in locus.sections:
        for child in section.children:
            paragraphs = child.all_paragraphs()
            if child.heading.run_in or len(paragraphs) < 2:
                continue
            covered.update(p.index for p in paragraphs)
            heading = Span(child.paragraph, 0, child.paragraph.text)
            grouped.append((heading, "".join(p.text for p in paragraphs)))
    rest = [p for p in locus.body_paragraphs if p.index not in covered]
    judged = [(item, item.text) for item in items(rest)] + grouped
    judged.sort(key=lambda pair: (pair[0].paragraph.index, pair[0].start))
    return judged


def _share(concrete: int, total: int, lang: str) -> str:
    """ "5项中只有1项", "5项都没有", "唯一的一项没有": the count in words that read naturally."""
    if concrete == 0:
        return t("rt.plan.share-only-item" if total == 1 else "rt.plan.share-none", lang, total=total)
    return t("rt.plan.share-some", lang, total=total, concrete=concrete)
