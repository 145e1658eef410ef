"""plenary-timeline — Party sessions cited must have happened before the report was written.

Finds 二十届三中全会 and list forms (二十届一中、二中、三中全会) and checks each against
the bundled dates; a report cannot cite a session that began after its date (or after
the end of its reporting window when undated). Message values: ``session``, ``held``.
"""

from __future__ import annotations

from collections.abc import Iterator

import checker.regex_cache as regex_cache
from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.check.ruletypes.citations import reference_date
from checker.packs.catalogue import plenaries
from checker.packs.model import Rule

PARAMS = params_schema(
    {
        "catalogue": described(
            {"type": "string"},
            "使用的名录文件（默认内置名录）",
            "catalogue file to use (default: the bundled one)",
        ),
    },
)


DOCUMENT_LEVEL = True  # checked even when its element is missing

_LIST = regex_cache.compile(r"(十九|二十|二十一)届((?:[一二三四五六七八九十]中(?:全会)?[、和及与]?)+)全?会?")
_ONE = regex_cache.compile(r"[一二三四五六七八九十]中")


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    when = reference_date(ctx)
    if when is None:
        return
    sessions = {p.name: p for p in plenaries(rule.params.get("catalogue", "data/plenary.yaml"))}
    for paragraph in ctx.document.paragraphs:
        if "届" not in paragraph.text:
            continue  # every session named has it: a quick way past most paragraphs
        for match in _LIST.finditer(paragraph.text):
            congress = match.group(1)
            for one in _ONE.finditer(match.group(2)):
                name = f"{congress}届{one.group(0)}全会"
                session = sessions.get(name)
                if session and session.start > when:
                    start = match.start(2) + one.start()
                    yield Hit(
                        1.0,
                        None,
                        paragraph,
                        start,
                        2,
                        {"session": name, "held": f"{session.start.year}年{session.start.month}月"},
                    )
