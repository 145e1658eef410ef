"""agency-consistency — the body's name agrees in title, opening and signature, and is spelt right.

Names agree when equal or when one is the other with its region prefix (解放区退役军人事务局
vs 焦作市解放区退役军人事务局). Near-misses of the body's own name inside the text
(退役军事务局 for 退役军人事务局: one character dropped, added or changed, up to
``max_distance``) are flagged where they occur; names shorter than five characters are not
searched, since 教育局 and 体育局 are both real bodies. Message values: ``found``, ``expected``,
``kind`` (``mismatch`` between title, opening and signature; ``typo`` for a near-miss).
"""

from __future__ import annotations

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
        "max_distance": described(
            {"type": "integer", "minimum": 1},
            "与机关名称相差至多几个字仍视为笔误",
            "how many characters a name may differ from the body's own and still count as a typo",
        ),
    },
)


DOCUMENT_LEVEL = True  # checked even when its element is missing

_REGION_END = "省市区县州旗盟镇乡"


def _core(name: str) -> str:
    """The body's own name without its region prefix: 株洲市退役军人事务局 → 退役军人事务局."""
    name = name.removeprefix("中共").removesuffix("党组")
    cut = max(name.rfind(ch) for ch in _REGION_END)
    core = name[cut + 1 :] if 0 <= cut < len(name) - 2 else name
    return core if len(core) >= 3 else name


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    evidence = ctx.document.evidence
    reference = evidence.agency
    if reference is None:
        return
    agree = ""  # which sources agree: worked out at the first finding (most reports have none)
    for claim in evidence.agency_claims:
        if not names_agree(claim.value, reference):
            agree = agree or _agreement(ctx, reference)
            values = {"found": claim.value, "expected": reference, "agree": agree, "kind": "mismatch"}
            yield Hit(1.0, "weak", claim.paragraph, claim.offset, claim.length, values)
    core = _core(reference)
    for paragraph, start, window in _near_misses(rule, ctx, core):
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
