"""required-pattern — something that must be said: at least ``min_hits`` matches of ``patterns``.

Used by department packs (the laws a body is expected to cite). Scope is the element or
the whole document. Message values: ``hits``, ``min_hits``.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.check.ruletypes.base import Context, Hit, scope_paragraphs
from checker.packs.pack import Rule
from checker.packs.patterns import pattern_of


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    paragraphs = scope_paragraphs(rule, ctx)
    pattern = pattern_of(rule.params["patterns"])
    hits = sum(len(pattern.findall(p.text)) for p in paragraphs)
    need = rule.params.get("min_hits", 1)
    if hits < need:
        anchor = paragraphs[0] if paragraphs else None
        yield Hit(
            1.0 - hits / need,
            "weak" if rule.params.get("scope") != "document" else None,
            anchor,
            0,
            0,
            {"hits": hits, "min_hits": need},
        )
