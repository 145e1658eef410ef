"""主要举措和成效: verifiable facts per 1,000 characters."""

from __future__ import annotations

import re

from tests.rules.helpers import findings, seed, status


def test_measures_with_figures_pass():
    for key in ("000", "001", "003", "004"):
        assert findings(seed(key), "measures-evidence") == [], key


def test_measures_without_any_figure_are_weak():
    text = seed("003")
    start, end = (
        text.index("二、推进法治政府建设的主要举措和成效"),
        text.index("三、推进法治政府建设存在的不足"),
    )
    measures = re.sub(r"\d+(余)?次", "多次", text[start:end])
    measures = re.sub(r"《[^》]+》", "法律法规", measures)
    edited = text[:start] + measures + text[end:]
    [finding] = findings(edited, "measures-evidence")
    assert finding.line == 9 and "每千字" in finding.message
    assert status(edited, "measures") == "weak"
