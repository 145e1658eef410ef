"""agency-consistency — the body's name agrees in title, opening and signature, and is spelt right.

Names agree when equal or when one is the other with its region prefix (解放区退役军人事务局
vs 焦作市解放区退役军人事务局). Near-misses of the body's own name inside the text
(退役军事务局 for 退役军人事务局: one character dropped, added or changed, up to
``max_distance``) are flagged where they occur; names shorter than five characters are not
searched, since 教育局 and 体育局 are both real bodies. A standard short name (``short_names``:
市卫健委 for 株洲市卫生健康委员会, 高新区管委会 for 高新技术产业开发区管理委员会) is the same body,
neither a mismatch nor a typo. Message values: ``found``, ``expected``,
``kind`` (``mismatch`` between title, opening and signature; ``typo`` for a near-miss).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.i18n import t
from checker.model import Paragraph
from checker.packs.model import Rule
from checker.parse.agency import names_agree
from checker.parse.evidence import agreeing
from checker.text.distance import edit_distance

PARAMS = params_schema(
    {
        "short_names": described(
            {
                "type": "object",
                "additionalProperties": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 2},
                    "minItems": 1,
                },
            },
            "规范化简称：全称（或其中一段）→ 可用的简称，如“卫生健康委员会: [卫健委, 卫生健康委]”",
            "standard short names: a full name (or part of one) -> the short forms that stand for it",
        ),
        "max_distance": described(
            {"type": "integer", "minimum": 1},
            "与机关名称相差至多几个字仍视为笔误",
            "how many characters a name may differ from the body's own and still count as a typo",
        ),
    },
)

VALUES = ("found", "expected", "agree", "kind")  # what its messages may name


DOCUMENT_LEVEL = True  # checked even when its element is missing

_REGION_END = "省市区县州旗盟镇乡"


def _core(name: str) -> str:
    """The body's own name without its region prefix: 株洲市退役军人事务局 → 退役军人事务局."""
    name = name.removeprefix("中共").removesuffix("党组")
    cut = max(name.rfind(ch) for ch in _REGION_END)
    core = name[cut + 1 :] if 0 <= cut < len(name) - 2 else name
    return core if len(core) >= 3 else name


class ShortNames:
    """Names with every full or short form of a body written one way, so that the standard
    short name and the full name compare equal (市卫健委 / 株洲市卫生健康委员会)."""

    def __init__(self, table: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
        self._canonical: dict[str, str] = {}
        for number, (full, shorts) in enumerate(table):
            for form in (full, *shorts):
                self._canonical[form] = f"〔{number}〕"
        forms = sorted(self._canonical, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, forms))) if forms else None

    def canonical(self, name: str) -> str:
        if self._pattern is None:
            return name
        return self._pattern.sub(lambda match: self._canonical[match.group()], name)

    def agree(self, a: str, b: str) -> bool:
        return names_agree(a, b) or names_agree(self.canonical(a), self.canonical(b))


def _short_names(rule: Rule) -> ShortNames:
    table = rule.params.get("short_names") or {}
    return _compiled(tuple((full, tuple(shorts)) for full, shorts in table.items()))


@functools.cache
def _compiled(table: tuple[tuple[str, tuple[str, ...]], ...]) -> ShortNames:
    return ShortNames(table)


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    evidence = ctx.document.evidence
    reference = evidence.agency
    if reference is None:
        return
    short_names = _short_names(rule)
    agree = ""  # which sources agree: worked out at the first finding (most reports have none)
    for claim in evidence.agency_claims:
        if not short_names.agree(claim.value, reference):
            agree = agree or _agreement(ctx, reference)
            values = {"found": claim.value, "expected": reference, "agree": agree, "kind": "mismatch"}
            yield Hit(1.0, "weak", claim.paragraph, claim.offset, claim.length, values)
    core = _core(reference)
    for paragraph, start, window in _near_misses(rule, ctx, core):
        if short_names.canonical(window) == short_names.canonical(core):
            continue  # the standard short name, not a typo
        agree = agree or _agreement(ctx, reference)
        values = {"found": window, "expected": core, "agree": agree, "kind": "typo"}
        yield Hit(1.0, None, paragraph, start, len(window), values)


def _agreement(ctx: Context, reference: str) -> str:
    """ "标题、落款写作“××局”": the sources that name the body as the reference does."""
    sources = agreeing(ctx.document.evidence.agency_claims, reference, names_agree)
    names = t("rt.list-separator", ctx.lang).join(t(f"rt.where.{s}", ctx.lang) for s in sources)
    return t("rt.agree.name", ctx.lang, sources=names, name=reference)


MIN_CORE_FOR_TYPOS = 5  # 教育局/体育局 are both real bodies: only long names have telltale typos


def _near_misses(rule: Rule, ctx: Context, core: str) -> Iterator[tuple[Paragraph, int, str]]:
    """(paragraph, offset, text) of each near-miss of ``core`` in the text."""
    if len(core) < MIN_CORE_FOR_TYPOS:
        return
    limit = rule.params.get("max_distance", 1)
    last = core[-1]
    seen: set[str] = set()
    for paragraph in ctx.document.paragraphs:
        text = paragraph.text
        position = text.find(last)
        while position >= 0:
            for size in range(len(core) - limit, len(core) + limit + 1):
                start = position + 1 - size
                if start < 0:
                    continue
                window = text[start : position + 1]
                if core in window or window in seen or window in core:
                    continue
                if window[0] == core[0] and 0 < edit_distance(window, core, limit) <= limit:
                    seen.add(window)
                    yield paragraph, start, window
                    break
            position = text.find(last, position + 1)
