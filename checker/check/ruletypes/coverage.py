"""coverage — a part covers enough of a list of expected topics.

``items`` each have a ``name`` and ``patterns`` (regular expressions on the text) and/or
``words`` (whole words after segmentation with the domain dictionary, so 述法 counts in
"年终述职中专门述法" but not in "陈述法律意见"); a topic counts when any of them matches
the part (or the whole ``scope: document``). Weak when fewer than ``min_items`` topics
are covered; the message names the missing ones. Message values: ``covered``, ``total``,
``missing``, ``min_items``. With ``skip_titles``, text inside 《》 is left out: a law's name
is no account of the duty it is named after.
"""

from __future__ import annotations

from collections.abc import Iterator

import checker.regex_cache as regex_cache
from checker.check.ruletypes.base import SCOPE, Context, Hit, described, params_schema, scope_pieces
from checker.i18n import t
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST, any_of

_TITLE = regex_cache.compile(r"《[^《》]{1,60}》")

PARAMS = params_schema(
    {
        "min_items": described(
            {"type": "integer", "minimum": 1}, "至少涵盖的条目数", "fewest items to cover"
        ),
        "scope": SCOPE,
        "skip_titles": described(
            {"type": "boolean"},
            "不看《》书名号内的文字（“学习《行政复议法》”不算写了行政复议职责）",
            "leave out text inside title marks (a law's name studied is no report on the duty it names)",
        ),
        "items": described(
            {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string"},
                        "name_en": {"type": "string"},
                        "patterns": REGEX_LIST,
                        "words": {"type": "array", "items": {"type": "string", "minLength": 1}},
                    },
                    "anyOf": [{"required": ["patterns"]}, {"required": ["words"]}],
                },
            },
            "条目列表：每项有 name，并有 patterns（正则）和/或 words（分词后的整词）",
            "the items: each has a name, and patterns (regular expressions) and/or words"
            " (whole words after segmentation)",
        ),
    },
    required=("items", "min_items"),
)

VALUES = ("covered", "total", "missing", "min_items")  # what its messages may name


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    pieces = scope_pieces(rule, ctx)
    if not pieces:
        return
    text = "".join(p.text[start:end] for p, start, end in pieces)
    if rule.params.get("skip_titles"):
        text = _TITLE.sub("《》", text)
    en = ctx.lang == "en"
    missing = []
    for item in rule.params["items"]:
        if not _covers(item, text):
            missing.append(item.get("name_en", item["name"]) if en else item["name"])
    total = len(rule.params["items"])
    covered = total - len(missing)
    if covered >= rule.params["min_items"]:
        return
    anchor, start, end = pieces[0]
    yield Hit(
        (rule.params["min_items"] - covered) / rule.params["min_items"],
        "weak",
        anchor,
        start,
        end - start,
        {
            "covered": covered,
            "total": total,
            "missing": t("rt.list-separator", ctx.lang).join(missing),
            "min_items": rule.params["min_items"],
        },
    )


def _covers(item: dict, text: str) -> bool:
    pattern = any_of(item.get("patterns", ()))
    if pattern is not None and pattern.search(text):
        return True
    wanted = frozenset(item.get("words", ()))
    if not wanted:
        return False
    from checker.text.tokens import has_word  # segmentation is loaded only when a rule needs it

    return has_word(text, wanted) is not None
