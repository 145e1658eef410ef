"""citations — titles in 《》 checked against a bundled, dated list of laws and regulations.

For each 《title》 (also the short form without 中华人民共和国): a title that is one or two
characters off a known one is flagged as misspelt; a known title not yet in force at the
report's date (or at the end of the year after the reported one when undated), or one
repealed before the reported year began, is flagged with its dates and successor; where the
catalogue knows the day a law was promulgated (``promulgated``), what counts is that it was
public by the report's date, in the measures and the plan alike: a 2024 report may tell of
studying a law promulgated in November 2024 that takes effect in 2025, a 2023 report cannot
plan to carry out a regulation first published in July 2024; a
national-law-looking title (中华人民共和国…法) that is not in the list is flagged for
checking. A citation in the next-year plan (``plan_part``, the element the plan is) is the
basis of next year's work and is judged against the plan year: a regulation repealed during
the reported year is flagged there, while the same citation for work done before its repeal
(in the measures) is not; a law that comes into force during the plan year may be planned for.
Message values: ``title``, ``problem``, ``correct``, ``advice`` ("，应为《correct》" when it
differs from the cited title, else empty).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache

import checker.regex_cache as regex_cache
from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.i18n import cn_date, t
from checker.packs.catalogue import known_titles, law_index, title_key
from checker.packs.model import Rule
from checker.text.distance import edit_distance

PARAMS = params_schema(
    {
        "catalogue": described(
            {"type": "string"},
            "使用的名录文件（默认内置名录）",
            "catalogue file to use (default: the bundled one)",
        ),
        "check": described(
            {"type": "array", "items": {"enum": ["unknown", "not-in-force", "repealed", "misspelt"]}},
            "要做的检查：未收录、尚未施行、已废止、名称有误",
            "checks to make: unknown, not yet in force, repealed, misspelt",
        ),
        "plan_part": described(
            {"type": "string"},
            "下一年度安排所在的要素（其中的引用按下一年度判断，默认 next-year-plan）",
            "element holding the next year's plan (citations in it are judged against the plan year;"
            " default next-year-plan)",
        ),
    },
)

VALUES = ("title", "problem", "correct", "advice")  # what its messages may name


DOCUMENT_LEVEL = True  # checked even when its element is missing

_CITED = regex_cache.compile(r"《([^《》]{2,60})》")
# only titles shaped like laws and regulations are compared for misspellings (not local plans,
# books or "大事记"): the name, less any (2021—2025年) range, ends with a legal document type
_RULE_SHAPE = regex_cache.compile(r"(?:法|条例|规定|办法|纲要|决定|准则|细则)(?:[(（][^)）]*[)）])?$")
_LAW_SHAPE = regex_cache.compile(r"^中华人民共和国.{1,30}法$")


def reference_date(ctx: Context) -> dt.date | None:
    """The date the report speaks from: its own date, else the end of the reporting window.

    A report on a year is written after that year, so a date inside it or before it (2024年1月
    on a 2024 report: the year mistyped, which the date rule reports) counts as the year's end:
    what happened during the reported year is no anachronism because of the typo."""
    meta = ctx.document.meta
    if meta.date:
        written = dt.date.fromisoformat(meta.date)
        if meta.year and written.year <= meta.year:
            return max(written, dt.date(meta.year, 12, 31))
        return written
    if meta.year:
        return dt.date(meta.year + 1, 3, 31)
    return None


PREFIX = "中华人民共和国"


def _shared_start(a: str, b: str) -> int:
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return size


MIN_SIMILARITY = 0.75  # 退役军人保障条例 ~ 退役军人保障法 (0.75); 消防法 ≁ 监察法 (0.33)


def _closest(title: str, index: dict) -> str | None:
    """The known title this one is most likely a misspelling of, if any.

    Titles are compared without the 中华人民共和国 prefix, by edit distance relative to the
    longer name, so two short, different laws are never taken for each other. The distance is
    the whole one: cut off at a limit, a far title looked as near as the limit allowed, and
    《法治政府建设与责任落实监督工作办法》 (four edits from the 督察工作规定) passed for a
    misspelling of 《法治中国建设规划(2020-2025)》.
    """
    core = title.removeprefix(PREFIX)
    best, best_rank = None, (MIN_SIMILARITY, -1)
    for known in index:
        known_core = known.removeprefix(PREFIX)
        if abs(len(known_core) - len(core)) > 2 or known_core[:2] != core[:2]:
            continue
        distance = edit_distance(core, known_core, max(len(core), len(known_core)))  # never cut off
        similarity = 1 - distance / max(len(core), len(known_core))
        rank = (similarity, _shared_start(core, known_core))  # ties: the longer shared start
        if distance > 0 and rank >= best_rank:
            best, best_rank = known, rank
    return best


@lru_cache(maxsize=4096)
def _closest_known(catalogue: str, title: str) -> str | None:
    """:func:`_closest` in a catalogue, remembered: an audit meets the same unknown titles in
    report after report, and each lookup compares against every law of the catalogue."""
    return _closest(title, law_index(catalogue))


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    catalogue = rule.params.get("catalogue", "data/laws.yaml")
    index = law_index(catalogue)
    checks = set(rule.params.get("check", ["misspelt", "not-in-force", "repealed", "unknown"]))
    reported_when = reference_date(ctx)
    reported_year = ctx.document.meta.year
    plan_part = rule.params.get("plan_part", "next-year-plan")
    lang = ctx.lang
    for paragraph in ctx.document.paragraphs:
        if "《" not in paragraph.text:
            continue  # no title cited (most paragraphs): skip the date work below
        planned = reported_year is not None and ctx.part_of(paragraph) == plan_part
        # the plan speaks of next year: in force by its end, not repealed before it begins
        year = reported_year + 1 if planned and reported_year else reported_year
        when = dt.date(year, 12, 31) if planned and year else reported_when
        for match in _CITED.finditer(paragraph.text):
            title = match.group(1).strip()
            law = index.get(title_key(title))
            problem = correct = None
            if law is None:
                shaped = "misspelt" in checks and _RULE_SHAPE.search(title)
                near = _closest_known(catalogue, title_key(title)) if shaped else None
                if near:
                    problem, correct = t("rt.citation.misspelt", lang), near
                elif (
                    "unknown" in checks
                    and _LAW_SHAPE.match(title)
                    and title.removeprefix(PREFIX) not in known_titles(catalogue)
                ):
                    problem = t("rt.citation.unknown", lang)
                    correct = title
            elif law.promulgated and reported_when and "not-in-force" in checks:
                # known from the day it was made public: a law promulgated by the report's date
                # may be studied, publicised or planned for before it comes into force
                if law.promulgated > reported_when:
                    problem = t("rt.citation.not-promulgated", lang, date=_when(law.promulgated, lang))
                    correct = law.title
            elif when and "not-in-force" in checks and law.in_force > when:
                problem = t("rt.citation.not-in-force", lang, date=_when(law.in_force, lang))
                correct = law.title
            elif year and law.repealed and "repealed" in checks and law.repealed <= dt.date(year, 1, 1):
                problem = t("rt.citation.repealed", lang, date=_when(law.repealed, lang))
                correct = law.replaced_by or law.title
            if problem:
                yield Hit(
                    1.0,
                    None,
                    paragraph,
                    match.start(),
                    match.end() - match.start(),
                    {
                        "title": title,
                        "problem": problem,
                        "correct": correct,
                        "advice": _advice(title, correct, lang),
                    },
                )


def _advice(title: str, correct: str | None, lang: str) -> str:
    """ "，应为《…》" when the right title differs from the cited one, else nothing (a title
    cited before it came into force is right as written)."""
    if not correct or title_key(correct) == title_key(title):
        return ""
    return t("rt.citation.should-be", lang, title=correct)


def _when(date: dt.date, lang: str) -> str:
    return date.isoformat() if lang == "en" else cn_date(date)
