"""主要举措和成效: verifiable facts per 1,000 characters."""

from __future__ import annotations

import re

import pytest

from checker.api import check_file
from tests.conftest import CORPUS, TODAY
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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_thin_part_without_sub_sections_names_no_empty_list(lang):
    """Corpus 083's measures have no sub-section: the message says nothing of sub-sections
    (it read "没有任何数据的小节：—"); corpus 037's names those without a fact."""
    bare = check_file(CORPUS / "pages" / "083.txt", today=TODAY, lang=lang)
    [finding] = [f for f in bare.findings if f.rule == "measures-evidence"]
    assert "—" not in finding.message
    assert ("小节" not in finding.message) if lang == "zh" else ("sub-sections" not in finding.message)
    named = check_file(CORPUS / "pages" / "037.txt", today=TODAY, lang=lang)
    [finding] = [f for f in named.findings if f.rule == "measures-evidence"]
    assert "“以理论武装把准政治方向”" in finding.message
