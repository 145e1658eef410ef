"""The text report puts what to fix first first: errors, then warnings, then notes."""

from __future__ import annotations

import re

from checker.api import check_file
from checker.formats import RenderContext
from checker.formats.text import render
from checker.options import CheckOptions
from tests.conftest import SEEDS, TODAY

TAGS = {"错误": 3, "警告": 2, "提示": 1, "error": 3, "warning": 2, "note": 1, "info": 1}


def _ranks(text: str) -> list[int]:
    return [TAGS[tag] for tag in re.findall(r"^\s{4}\[(\S+?)\]", text, re.MULTILINE)]


def test_errors_come_before_warnings_and_notes_in_reading_order_within_each():
    result = check_file(SEEDS["003"], today=TODAY)
    severities = {f.severity for f in result.findings}
    assert severities == {"error", "warning", "info"}  # the seed has all three
    assert [f.severity for f in result.findings] != sorted(
        (f.severity for f in result.findings), key=["error", "warning", "info"].index
    )  # in reading order an error comes after notes
    for lang in ("zh", "en"):
        text = render([result], RenderContext(CheckOptions(lang=lang)))
        ranks = _ranks(text)
        assert len(ranks) == len(result.findings)
        assert ranks == sorted(ranks, reverse=True)
    chinese = render([result], RenderContext(CheckOptions()))
    lines = [int(m) for m in re.findall(r"^\s{4}\[提示\] 第(\d+)行", chinese, re.MULTILINE)]
    assert lines == sorted(lines)
