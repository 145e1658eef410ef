"""Is this text a 法治政府建设年度报告 at all? Decided here, once, from weighed features.

Look-alikes — a 政府工作报告 ("各位代表：…"), a 政府信息公开工作年度报告, 工作要点, 讲话, 通知,
one person's 述法报告, a 工作总结 — share the vocabulary and often the parts. The pack's
``detection`` section names them; the features, strongest first:

0. an index page (``detection.listing``): report titles one a line, hardly any prose, though
   its own heading may name the reports;
1. the title's 文种 (``where: title``): a title ending in 讲话/通知/工作总结… names the kind;
2. a rule-of-law report title (``detection.title``) makes it a report whatever the text says;
3. the addressee (``where: addressee``, "各位代表：") and the opening (``where: head``);
4. how much of the text is about the subject: subject words at all (``min_subject_hits``)
   and the share of body text in paragraphs on law (``subject_share``).

A text that holds several reports (a compilation, 汇编) is told apart before all this:
:func:`later_reports` names them, and the text is not checked as one report.

A look-alike entry with ``unless`` does not apply when that pattern shows in the opening
(``head_chars``). A look-alike entry with ``parts``/``max_parts`` applies only when at most ``max_parts`` of
those statutory parts were found, so a real report missing parts is still a report, and a
工作总结 that has the statutory parts is a report with a title finding. A text holding the parts
``detection.report_parts`` names is not refused for what its opening mentions.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

import msgspec

import checker.regex_cache as regex_cache
from checker.i18n import t
from checker.model import Document
from checker.packs.model import Pack
from checker.packs.patterns import pattern_of
from checker.parse.parts import is_report_title, listed_titles, prose_chars


class Verdict(msgspec.Struct, frozen=True):
    """Report or not, why, and the evidence the decision rests on (user-facing)."""

    is_report: bool
    reason: str | None = None
    evidence: str | None = None


_HEADLINE = regex_cache.compile(r"^[^。，,；;：:]{2,60}$")


def _title(document: Document) -> tuple[str, str]:
    """The title and where it came from: the parsed title, the page's, or a headline-shaped
    first line (a 工作总结's title has none of the report words the title finder wants)."""
    if document.title:
        return document.title_text, "doctype.by-title"
    meta_title = document.source_meta.get("title", "")
    if meta_title:
        return meta_title, "doctype.by-title"
    first = document.paragraphs[0].text if document.paragraphs else ""
    return (first, "doctype.by-first-line") if _HEADLINE.match(first) else ("", "doctype.by-title")


def _applies(entry: dict[str, Any], found: Collection[str] | None, full_text: str) -> bool:
    """A look-alike with ``parts`` is one only while those parts are (mostly) absent; one with
    ``unless`` is none when that pattern shows in the opening (a news page that goes on
    "具体报告如下" and carries the whole report is the report)."""
    unless = entry.get("unless")
    if unless and regex_cache.compile(unless, re.MULTILINE).search(full_text[: entry.get("head_chars", 400)]):
        return False
    if "parts" not in entry or found is None:
        return True
    return _count_found(entry["parts"], found) <= entry.get("max_parts", 0)


def _holds_the_parts(detection: dict[str, Any], found: Collection[str] | None) -> bool:
    """The text has the statutory parts of a report (``detection.report_parts``): then a
    look-alike's words in its opening are a mention in passing ("同步做好政府信息公开年度报告编制
    工作"), not what the text is. Its title, or an addressee, still says what it is."""
    spec = detection.get("report_parts")
    if not spec or found is None:
        return False
    return _count_found(spec["parts"], found) >= spec.get("min", len(spec["parts"]))


def _count_found(parts: list[str], found: Collection[str]) -> int:
    """How many of the statutory ``parts`` the check located."""
    return sum(1 for part in parts if part in found)


def _where(entry: dict[str, Any]) -> list[str]:
    """Where a look-alike's pattern is looked for: title, addressee and/or head (default)."""
    return list(entry.get("where", ["head"]))


def _message(entry: dict[str, Any], lang: str) -> str:
    message = entry.get("message_en") if lang == "en" else entry.get("message")
    return message or t(f"notreport.{entry['reason']}", lang)


def _subject_share(document: Document, terms: list[str]) -> float:
    """Share of body characters in paragraphs that speak of law at all."""
    pattern = pattern_of(terms)
    body = document.body_paragraphs()
    total = sum(len(p.text) for p in body)
    if not total:
        return 1.0
    return sum(len(p.text) for p in body if pattern.search(p.text)) / total


def _is_report_title(detection: dict[str, Any], title: str) -> bool:
    """The title names a rule-of-law report (``detection.title``)."""
    return is_report_title(detection.get("title", []), title)


def _listing(document: Document, detection: dict[str, Any], lang: str) -> Verdict | None:
    """An index page: ``detection.listing.min_titles`` distinct report titles or more, one a line
    (a date beside each allowed), making up ``min_share`` of the text, and less prose than
    ``max_prose_chars`` (the reports themselves are elsewhere). A report's opening that repeats
    its title, or quotes last year's, is mostly prose."""
    spec = detection.get("listing")
    if not spec:
        return None
    enough = spec.get("max_prose_chars", 300)
    if prose_chars(document.paragraphs, enough) >= enough:  # the usual case: a report's text
        return None
    listed = [
        line for line, title in listed_titles(document.paragraphs) if _is_report_title(detection, title)
    ]
    distinct = {line.text.strip() for line in listed}
    if len(distinct) < spec.get("min_titles", 3):
        return None
    total = sum(len(p.text) for p in document.paragraphs)
    if sum(len(line.text.strip()) for line in listed) < spec.get("min_share", 0.5) * total:
        return None
    evidence = t(
        "doctype.listing", lang, count=len(distinct), line=listed[0].number, title=listed[0].text.strip()[:60]
    )
    return Verdict(False, t("notreport.listing", lang), evidence)


def later_reports(document: Document, pack: Pack) -> list[tuple[str, int]]:
    """Title and line of each rule-of-law report after the first in a compilation (汇编); []
    when the text holds one report (another kind of document after it, a 述法报告, is not one)."""
    detection = pack.detection
    return [
        (part.title, part.title_paragraph.line)
        for part in document.later
        if _is_report_title(detection, part.title)
    ]


def decide(document: Document, pack: Pack, lang: str = "zh", found: Collection[str] | None = None) -> Verdict:
    """Weigh the features in order of strength; ``found``: ids of the elements located."""
    detection = pack.detection
    listing = _listing(document, detection, lang)
    if listing is not None:
        return listing
    entries = detection.get("not_report", [])
    title, title_source = _title(document)
    full_text = "\n".join(p.text for p in document.paragraphs)
    for entry in entries:
        in_title = "title" in _where(entry) and regex_cache.compile(entry["pattern"]).search(title)
        if in_title and _applies(entry, found, full_text):
            return Verdict(False, _message(entry, lang), t(title_source, lang, title=title[:60]))
    if document.title and _is_report_title(detection, title):
        return Verdict(True, evidence=t("doctype.report-title", lang, title=title[:60]))
    addressee = document.addressee.text if document.addressee else ""
    structured = _holds_the_parts(detection, found)
    for entry in entries:
        for where in _where(entry):
            if where == "title" or (where == "head" and structured):
                continue
            text = addressee if where == "addressee" else full_text[: entry.get("head_chars", 400)]
            match = regex_cache.compile(entry["pattern"], re.MULTILINE).search(text)
            if match and _applies(entry, found, full_text):
                key = f"doctype.by-{where}"
                return Verdict(False, _message(entry, lang), t(key, lang, text=match.group(0)[:30]))
    if title and _is_report_title(detection, title):
        return Verdict(True, evidence=t("doctype.report-title", lang, title=title[:60]))
    subject = detection.get("subject", [])
    if subject:
        hits = len(pattern_of(subject).findall(full_text))
        if hits < detection.get("min_subject_hits", 1):
            return Verdict(False, t("notreport.no-subject", lang), t("doctype.subject-hits", lang, hits=hits))
    share_spec = detection.get("subject_share")
    if share_spec:
        share = _subject_share(document, share_spec["terms"])
        if share < share_spec.get("min", 0.25):
            percent = round(100 * share)
            return Verdict(False, t("notreport.off-subject", lang), t("doctype.share", lang, percent=percent))
    return Verdict(True)


def not_report_reason(
    document: Document, pack: Pack, lang: str = "zh", found: Collection[str] | None = None
) -> str | None:
    """None for a report; otherwise the reason and its evidence, for the user to read."""
    verdict = decide(document, pack, lang, found)
    if verdict.is_report:
        return None
    if verdict.evidence:
        return t("doctype.reason-with-evidence", lang, reason=verdict.reason, evidence=verdict.evidence)
    return verdict.reason
