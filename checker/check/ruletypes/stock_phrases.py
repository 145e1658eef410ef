"""stock-phrases — a part made mostly of boilerplate that fits any body.

Each sentence of the part is tested against ``patterns`` (学习不够深入, 意识有待提高, 力度
不够, …); a sentence is stock when it matches and is short (at most ``max_sentence_chars``
Han characters: a long sentence carries its own specifics). When at least ``max_ratio``
of the sentences are stock, the part is weak; the finding quotes the first stock sentence.
Message values: ``stock``, ``total``, ``percent``.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST, pattern_of
from checker.text.sentences import han_count, sentences

PARAMS = params_schema(
    {
        "patterns": described(REGEX_LIST, "套话的正则表达式", "regular expression of a stock phrase"),
        "max_ratio": described(
            {"type": "number", "minimum": 0, "maximum": 1},
            "套话句子比例达到此值即判为弱（0–1）",
            "share of stock-phrase sentences from which the part is weak (0–1)",
        ),
        "max_sentence_chars": described(
            {"type": "integer", "minimum": 1},
            "不超过此汉字数的句子才可能算套话",
            "only sentences of at most this many Han characters can count as stock phrases",
        ),
    },
    required=("patterns",),
)

VALUES = ("stock", "total", "percent")  # what its messages may name


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    locus = ctx.locus(rule.element)
    if locus is None:
        return
    pattern = pattern_of(rule.params["patterns"])
    spans = list(sentences(locus.body_paragraphs, 6))
    longest = rule.params.get("max_sentence_chars", 40)
    stock = [s for s in spans if han_count(s.text) <= longest and pattern.search(s.text)]
    if not spans or len(stock) / len(spans) < rule.params.get("max_ratio", 0.5):
        return
    first = stock[0]
    yield Hit(
        len(stock) / len(spans),
        "weak",
        first.paragraph,
        first.start,
        len(first.text),
        {"stock": len(stock), "total": len(spans), "percent": round(100 * len(stock) / len(spans))},
    )
