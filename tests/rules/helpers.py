"""Run the national pack on real (or minimally edited) text and pick one rule's findings."""

from __future__ import annotations

from checker.api import check_text
from tests.conftest import TODAY, seed_text


def findings(text: str, rule: str):
    result = check_text(text, today=TODAY)
    assert result.is_report, result.not_report_reason
    return [f for f in result.findings if f.rule == rule]


def status(text: str, element: str) -> str:
    result = check_text(text, today=TODAY)
    return next(e.status for e in result.elements if e.id == element)


def seed(key: str) -> str:
    return seed_text(key)


def edit(key: str, old: str, new: str) -> str:
    text = seed_text(key)
    assert old in text, old
    return text.replace(old, new, 1)
