"""Fixtures for the annotate tests: the seed docx files and real-text variants of them."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import docx
from docx.text.paragraph import Paragraph

from checker.read.docx_text import iter_paragraphs

FORMATS = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
TODAY = dt.date(2026, 11, 23)
MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+\.)\s*")


def seed_docx(number: int) -> bytes:
    return (FORMATS / f"seed{number}.docx").read_bytes()


def squeeze(text: str) -> str:
    """Text without whitespace, for comparing a quote with the range that holds it."""
    return re.sub(r"\s+", "", text)


def quote_of(excerpt: str) -> str:
    """The part of a finding's excerpt that is document text: no clip mark, no numbering marker
    (Word draws "一、" from numbering.xml; it is in the checked text but in no run)."""
    return squeeze(MARKER.sub("", excerpt.removesuffix("…")))


def edit_docx(data: bytes, edit) -> bytes:
    """Apply ``edit(paragraphs)`` to the body paragraphs in reading order (python-docx
    Paragraph objects keep each run's formatting) and return the new bytes."""
    document = docx.Document(io.BytesIO(data))
    paragraphs = [Paragraph(p, document._body) for p, _label, _marker in iter_paragraphs(document)]
    edit(paragraphs)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_text(paragraph, old: str, new: str) -> None:
    """Replace text inside one run of ``paragraph`` (the fixture runs hold whole phrases)."""
    for run in paragraph.runs:
        if old in run.text:
            run.text = run.text.replace(old, new)
            return
    raise AssertionError(f"{old!r} not in one run of {paragraph.text!r}")


def delete(paragraph) -> None:
    element = paragraph._p
    element.getparent().remove(element)
