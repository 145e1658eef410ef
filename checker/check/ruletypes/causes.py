"""causes — the shortcomings part analyses why, not only what.

Counts cause statements (``cause_patterns``: 原因, 由于, 究其, 根源, 受…影响, 主观上…) in the
part's text (headings excluded, so a heading "存在的不足和原因" alone does not count), and
sub-headings of the part that introduce its causes (``cause_headings``: "（二）原因分析") when
something is written under them: there the causes are often bare noun phrases ("1.思想认识不到位。").
With ``stock_causes``, a statement counts only when it says something of the body's own case:
what is left of it (from the cause word to the sentence's end, or the text under a cause
sub-heading) once the stock wording is taken out ("主要原因是思想认识不够到位" leaves nothing)
must have ``min_specific_chars`` Han characters. Weak when fewer than ``min_causes`` count; when
the causes written are all stock wording, the finding quotes the first. Message values:
``causes`` (the count), ``why`` (no cause stated, or the stock cause quoted).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import checker.regex_cache as regex_cache
from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.check.ruletypes.joined import Joined
from checker.i18n import t
from checker.model import Paragraph, Section
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST, pattern_of
from checker.text.sentences import han_count

PARAMS = params_schema(
    {
        "cause_patterns": described(
            REGEX_LIST, "原因分析语句的正则表达式", "regular expression of a sentence that analyses causes"
        ),
        "cause_headings": described(
            REGEX_LIST,
            "引出原因分析的小标题的正则表达式（如“原因分析”），小标题下有内容时算一处原因分析",
            'regular expression of a sub-heading that introduces the causes (such as "cause analysis");'
            " it counts as a cause statement when text follows it",
        ),
        "min_causes": described(
            {"type": "integer", "minimum": 1}, "至少的原因分析语句数", "fewest cause-analysis sentences"
        ),
        "stock_causes": described(
            REGEX_LIST,
            "说不出本单位具体情况的原因套话和引出原因的套语（如“主要原因是”“思想认识不够到位”）的正则表达式；"
            "一处原因去掉这些后剩下的字数不足 min_specific_chars 时不算",
            "regular expression of stock cause wording (the lead-in 'the main cause is', 'not enough"
            " attention paid'); a cause statement with fewer than min_specific_chars left once it is"
            " taken out does not count",
        ),
        "min_specific_chars": described(
            {"type": "integer", "minimum": 1},
            "一处原因去掉套话后至少剩下的汉字数（默认 4）",
            "fewest Han characters a cause statement keeps once the stock wording is taken out (default 4)",
        ),
    },
    required=("cause_patterns",),
)

VALUES = ("causes", "why")  # what its messages may name

# where a cause statement ends: a sentence's end, or a paragraph's unless it ends on a colon
# ("原因如下：" and the list under it are one statement)
_STATEMENT_END = regex_cache.compile(r"[。；;！？!?]|(?<![:：])\n")
# a sentence that opens the next shortcoming or cause ("二是…", "（二）…", "2.…"), not one
# that explains the cause before it
_NEW_ITEM = regex_cache.compile(r"\s*(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[）)、.．])")
_LEADS_LIST = regex_cache.compile(r"[:：]")
_CLAUSE_START = regex_cache.compile(r"[，,。；;：:\n]")


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding ``at`` begins: a finding quotes "主要原因是…", not "原因是…"."""
    return max((m.end() for m in _CLAUSE_START.finditer(text, max(0, at - 30), at)), default=at)


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    locus = ctx.locus(rule.element)
    if locus is None:
        return
    stock = pattern_of(rule.params["stock_causes"]) if "stock_causes" in rule.params else None
    floor = rule.params.get("min_specific_chars", 4)
    pieces = locus.body_pieces
    joined = Joined(p.text[start:end] for p, start, end in pieces)
    text = joined.text
    count = 0
    first_stock: tuple[int | None, str | Paragraph] | None = None
    for match in pattern_of(rule.params["cause_patterns"]).finditer(text):
        end = _STATEMENT_END.search(text, match.end())
        statement = text[match.start() : end.start() if end else len(text)]
        if stock is None or _specific(statement, stock, floor):
            count += 1
            continue
        if end and end.group() != "\n" and not _NEW_ITEM.match(text, end.end()):
            # a cause named, then explained: "究其原因，思想认识还有差距。少数领导干部对…"
            # (not a sentence that leads into a list: "具体表现在：一是…" gives the symptoms)
            after = _STATEMENT_END.search(text, end.end())
            explained = text[end.end() : after.start() if after else len(text)]
            if not _LEADS_LIST.search(explained) and _specific(explained, stock, floor):
                count += 1
                continue
        if first_stock is None:
            start = _clause_start(text, match.start())
            first_stock = (start, text[start : match.start() + len(statement)])
    if "cause_headings" in rule.params:
        for written in _cause_sections(locus.sections, pattern_of(rule.params["cause_headings"])):
            under = "\n".join(p.text for p in written)
            if stock is None or _specific(under, stock, floor):
                count += 1
            elif first_stock is None:
                first_stock = (None, written[0])
    if count >= rule.params.get("min_causes", 1):
        return
    if first_stock is None:
        why = t("rt.causes.none", ctx.lang)
        yield Hit(1.0, "weak", locus.anchor, *locus.anchor_span, {"causes": count, "why": why})
        return
    paragraph, offset, length = _place(pieces, joined, *first_stock)
    quote = paragraph.text[offset : offset + length]
    why = t("rt.causes.stock", ctx.lang, quote=quote)
    yield Hit(1.0, "weak", paragraph, offset, length, {"causes": count, "why": why})


def _specific(statement: str, stock: re.Pattern[str], floor: int) -> bool:
    """Whether the statement says at least ``floor`` Han characters beyond the stock wording
    (taken out twice: "认识还不够到位" loses 还 first, then the phrase it split)."""
    rest = stock.sub("", stock.sub("", statement))
    return han_count(rest) >= floor


def _place(
    pieces: tuple[tuple[Paragraph, int, int], ...],
    joined: Joined,
    at: int | None,
    found: str | Paragraph,
) -> tuple[Paragraph, int, int]:
    """Paragraph, offset and length of a stock cause: a statement at ``at`` in the joined body
    text (cut at its paragraph's end), or the first paragraph under a cause sub-heading."""
    if isinstance(found, Paragraph):
        return found, 0, len(found.text)
    assert at is not None
    index, into = joined.where(at)
    paragraph, start, end = pieces[index]
    offset = start + into
    return paragraph, offset, min(len(found), end - offset)


def _cause_sections(parts: Iterable[Section], heading: re.Pattern[str]) -> Iterator[list[Paragraph]]:
    """The paragraphs under each sub-section of the part's headings that introduces causes and
    has content (its run-in text counts: "（二）原因分析。一是…")."""
    stack = [child for part in parts for child in part.children]
    while stack:
        section = stack.pop()
        stack.extend(section.children)
        if not heading.search(section.heading.title):
            continue
        written = [p for p in section.all_paragraphs() if p.index != section.paragraph.index]
        if section.heading.run_in:
            written.insert(0, section.paragraph)
        if written:
            yield written
