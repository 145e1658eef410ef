"""presence — the element is there and has substance.

Missing when the element cannot be found at all; weak when it is found but holds fewer
than ``min_chars`` Han characters (headings not counted), or, with ``heading_required``,
when it is only mentioned in passing instead of having a part of its own. An element the
text lacks but the page it was copied from states (``page_meta`` of the element: a web
copy's 成文日期) is weak, losing ``page_loss`` of the weight, and the message's
``page_note`` quotes the page. A missing
element's finding points where it belongs (:mod:`checker.check.placement`), and its
``problem`` names the parts around that place ("缺失，应写在“一、…”部分之后、“三、…”部分之前").
Message values: ``problem`` (缺失… / 内容过少… / 没有单列…), ``chars``, ``min_chars``,
``agency``, ``year``, ``suggested_date``, ``page_note``.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.check.placement import Gap, heading_label, missing_gap
from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.i18n import cn_date, t
from checker.model import Status
from checker.packs.model import Rule
from checker.parse.dates import parse_date

PARAMS = params_schema(
    {
        "min_chars": described(
            {"type": "integer", "minimum": 0},
            "汉字少于此数即判为内容过少（不计标题）",
            "fewer Han characters than this (headings not counted) is too little content",
        ),
        "page_loss": described(
            {"type": "number", "minimum": 0, "maximum": 1},
            "正文中没有、但网页信息栏注明时（要素的 page_meta）扣减的权重比例，默认 0.5",
            "share of the weight lost when only the page states it (the element's page_meta); 0.5",
        ),
        "heading_required": described(
            {"type": "boolean"},
            "要求该要素单列一部分，只是顺带提到不算",
            "the element must have a part of its own; a passing mention does not count",
        ),
    },
)

VALUES = ("problem", "chars", "min_chars", "page_note", "suggested_date")  # what its messages may name


def _suggested_date(ctx: Context) -> str:
    year = ctx.document.meta.year
    if year is None:
        return "20××年×月×日"
    return f"{year + 1}年1月×日"


def _values(ctx: Context, min_chars: int, chars: int, problem: str) -> dict:
    """The message values of a finding (made only for a finding: most elements pass)."""
    return {
        "agency": ctx.agency_hint(),
        "year": ctx.year_hint(),
        "suggested_date": _suggested_date(ctx),
        "min_chars": min_chars,
        "chars": chars,
        "problem": problem,
        "page_note": "",
    }


def _page_values(ctx: Context, rule: Rule, values: dict) -> dict:
    """The values of a finding on an element only the page states: the page's value quoted,
    and as the suggestion's date that date in the standard form."""
    stated_on_page = ctx.page_stated(rule.element)
    assert stated_on_page is not None
    key, stated = stated_on_page
    parsed = parse_date(stated)
    written = stated
    if parsed is not None:  # the report is in Chinese whatever the language of the advice
        values["suggested_date"] = cn_date(parsed.date)
        written = parsed.date.isoformat() if ctx.lang == "en" else values["suggested_date"]
    values["page_note"] = t("rt.presence.page-note", ctx.lang, label=key, value=written)
    return values


def _missing_problem(gap: Gap | None, ctx: Context) -> str:
    """缺失, and where the part belongs when headings around the place can name it."""
    lang = ctx.lang
    if gap is None or (gap.follows is None and gap.precedes is None):
        return t("rt.presence.missing", lang)
    if gap.follows is None:
        assert gap.precedes is not None
        return t("rt.presence.missing-before", lang, before=heading_label(gap.precedes))
    after = heading_label(gap.follows)
    if gap.precedes is not None:
        return t("rt.presence.missing-between", lang, after=after, before=heading_label(gap.precedes))
    if ctx.document.signature is not None:
        return t("rt.presence.missing-after-signed", lang, after=after)
    return t("rt.presence.missing-after", lang, after=after)


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    lang = ctx.lang
    min_chars = rule.params.get("min_chars", 0)
    locus = ctx.locus(rule.element)
    if locus is None or locus.how == "page":
        found = {e: loc.line for e, loc in ctx.loci.items() if loc is not None and loc.how != "page"}
        gap = missing_gap(rule.element, ctx.document, ctx.pack.elements, found)
        values = _values(ctx, min_chars, 0, _missing_problem(gap, ctx))
        loss: float = 1.0
        status: Status = "missing"
        if locus is not None:  # only the page states it
            values = _page_values(ctx, rule, values)
            loss, status = rule.params.get("page_loss", 0.5), "weak"
        if gap is None:
            yield Hit(loss, status, None, 0, 0, values)
        else:  # a point between characters: before the paragraph's first or after its last
            offset = len(gap.paragraph.text) if gap.at_end else 0
            yield Hit(loss, status, gap.paragraph, offset, 0, values)
        return
    chars = locus.body_han_count
    if chars < min_chars:
        values = _values(ctx, min_chars, chars, t("rt.presence.thin", lang, chars=chars, min_chars=min_chars))
        yield Hit(1.0 - chars / max(min_chars, 1) * 0.5, "weak", locus.anchor, *locus.anchor_span, values)
    elif rule.params.get("heading_required") and locus.how != "heading":
        values = _values(ctx, min_chars, chars, t("rt.presence.passing", lang))
        yield Hit(0.3, "weak", locus.anchor, *locus.anchor_span, values)
