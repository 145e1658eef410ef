"""Is this text a 法治政府建设年度报告 at all? Look-alikes are told apart by pack patterns."""

from __future__ import annotations

import re

from checker.check.locate import Locus
from checker.i18n import t
from checker.model import Document
from checker.packs.model import Pack
from checker.packs.patterns import pattern_of


def not_report_reason(
    document: Document, pack: Pack, lang: str = "zh", loci: dict[str, Locus | None] | None = None
) -> str | None:
    """None for a report; otherwise a user-facing reason why it is not one.

    An entry with ``parts``/``max_parts`` applies only when at most ``max_parts`` of those
    elements were found (a 工作总结 that still has the statutory parts is a report).
    """
    detection = pack.detection
    full_text = "\n".join(p.text for p in document.paragraphs)
    for entry in detection.get("not_report", []):
        head = full_text[: entry.get("head_chars", 400)]
        if "parts" in entry and loci is not None:
            found = sum(1 for part in entry["parts"] if loci.get(part) is not None)
            if found > entry.get("max_parts", 0):
                continue
        if re.search(entry["pattern"], head, re.MULTILINE):
            message = entry.get("message_en") if lang == "en" else entry.get("message")
            return message or t(f"notreport.{entry['reason']}", lang)
    title_patterns = detection.get("title", [])
    title = document.title_text or document.source_meta.get("title", "")
    if title and any(re.search(p, title) for p in title_patterns):
        return None
    subject = detection.get("subject", [])
    if subject:
        hits = len(pattern_of(subject).findall(full_text))
        if hits < detection.get("min_subject_hits", 1):
            return t("notreport.no-subject", lang)
    return None
