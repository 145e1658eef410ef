"""Report meta: issuing body, year reported on, title, date — from title, body or signature."""

from __future__ import annotations

from checker.model import Document, Evidence, Meta
from checker.parse.agency import agency_from_opening, agency_from_title
from checker.parse.evidence import report_date


def _agency(document: Document) -> str | None:
    if document.signature_agency:
        return document.signature_agency
    found = agency_from_title(document.title_text)
    if found:
        return found
    for paragraph in document.preamble[:2]:
        found = agency_from_opening(paragraph.text)
        if found:
            return found
    return document.source_meta.get("发布机构") or None


def extract_meta(document: Document, evidence: Evidence) -> Meta:
    """Meta from the parsed parts; the year is the one the weighed evidence supports."""
    title = document.title_text or document.source_meta.get("title") or None
    return Meta(agency=_agency(document), year=evidence.year, title=title, date=report_date(document))
