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
from checker.packs.model import Rule
from checker.parse.agency import agency_from_opening, agency_from_title

PARAMS = params_schema(
    {
        "max_distance": described({"type": "integer", "minimum": 1}, "与机关名称相差至多几个字仍视为笔误"),
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


def _short(name: str) -> str:
    """The standard short form: no 中共…党组 wrapper, 人民政府 → 政府."""
    return name.removeprefix("中共").removesuffix("党组").replace("人民政府", "政府")


_BODY_OF_PLACE = ("政府", "党委", "党工委", "委员会", "办事处", "党组")


def _agree(a: str, b: str) -> bool:
    """Same body: equal, one with its region prefix, or a place and its government
    (贤庠镇 / 贤庠镇人民政府)."""
    a, b = _short(a), _short(b)
    if a == b or a.endswith(b) or b.endswith(a):
        return True
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter) and longer[len(shorter) :] in _BODY_OF_PLACE


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    document = ctx.document
    names = []
    if document.title:
        from_title = agency_from_title(document.title_text)
        if from_title:
            names.append((from_title, document.title[0]))
    if document.preamble:
        from_opening = agency_from_opening(document.preamble[0].text)
        if from_opening:
            names.append((from_opening, document.preamble[0]))
    if document.signature_agency and document.signature is not None:
        names.append((document.signature_agency, document.signature))
    if not names:
        return
    reference = names[0][0]
    for name, paragraph in names[1:]:
        if not _agree(name, reference):
            start = paragraph.text.find(name)
            yield Hit(
                1.0,
                "weak",
                paragraph,
                max(start, 0),
                len(name),
                {"found": name, "expected": reference, "kind": "mismatch"},
            )
    yield from _near_misses(rule, ctx, _core(reference))


MIN_CORE_FOR_TYPOS = 5  # 教育局/体育局 are both real bodies: only long names have telltale typos


def _near_misses(rule: Rule, ctx: Context, core: str) -> Iterator[Hit]:
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
                if window[0] == core[0] and 0 < _distance(window, core, limit) <= limit:
                    seen.add(window)
                    yield Hit(
                        1.0,
                        None,
                        paragraph,
                        start,
                        len(window),
                        {"found": window, "expected": core, "kind": "typo"},
                    )
                    break
            position = text.find(last, position + 1)
