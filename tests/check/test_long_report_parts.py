"""Long government reports (tests/fixtures/variants/long/): each part where an expert reads it,
and nothing of an attachment, table or box taken for the report's own text."""

from __future__ import annotations

import pytest

from checker.api import check_file
from tests.conftest import ROOT, TODAY

LONG = ROOT / "tests" / "fixtures" / "variants" / "long"


def statuses(name: str) -> tuple[dict[str, str], list[str]]:
    result = check_file(LONG / name, today=TODAY)
    assert result.status == "ok" and result.is_report
    return {e.id: e.status for e in result.elements}, [f.rule for f in result.findings]


@pytest.mark.parametrize("name", ["L1_city_toc_five_levels.docx", "L8_city_six_parts_attachments.docx"])
def test_signature_and_date_before_a_long_attachment_are_found(name):
    # a 附件 statistics table read from Word is a paragraph per cell: with the 附件2 list
    # after it, more than 40 paragraphs followed the signed date, the report was taken to
    # run on to the end, and the plan swallowed the attachment (24 "plan items", 5 concrete)
    status, rules = statuses(name)
    assert status["signature"] == "present" and status["date"] == "present"
    assert status["next-year-plan"] == "present"
    assert "next-year-plan-concrete" not in rules
