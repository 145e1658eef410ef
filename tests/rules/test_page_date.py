"""A web copy whose text has no date, on a page whose information table states its 成文日期.

The page's header said "成文日期：2025-01-23" while the checklist said "✗ 成文日期 缺失": the
element is now weak (half the rule's weight lost, ``page_loss`` in the pack), the finding
quotes the page and suggests that date in the standard form, and date-window judges it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import analyse_bytes
from checker.packs.pack import load_pack
from checker.packs.yamlsrc import ConfigError
from tests.conftest import TODAY
from tests.read_support import FORMATS

PAGE = (FORMATS / "seed1.html").read_bytes()  # the page states 成文日期 2025-01-23; its text ends undated
NATIONAL = Path(__file__).resolve().parents[2] / "rules" / "national.yaml"


def _check(data: bytes, **options):
    return analyse_bytes(data, "seed1.html", today=TODAY, **options).result


def _element(result, element_id: str):
    return next(e for e in result.elements if e.id == element_id)


def _findings(result, rule: str):
    return [f for f in result.findings if f.rule == rule]


def test_the_page_date_makes_the_date_weak_and_is_quoted():
    result = _check(PAGE)
    date = _element(result, "date")
    assert date.status == "weak"
    (finding,) = _findings(result, "date-present")
    assert finding.severity == "error"
    assert (
        finding.message == "报告末尾没有成文日期（网页信息栏注明成文日期为2025年1月23日，正文中也应写明）。"
    )
    assert "例如“2025年1月23日”" in finding.suggestion
    assert date.weight - date.score == pytest.approx(8 * 0.5)  # date-present's weight, halved
    assert not _findings(result, "date-window")  # 2025-01-23 is in the window


def test_english_quotes_the_page_but_suggests_the_chinese_form():
    (finding,) = _findings(_check(PAGE, lang="en"), "date-present")
    assert "gives 成文日期 as 2025-01-23" in finding.message
    assert '"2025年1月23日"' in finding.suggestion


def test_a_late_page_date_is_late():
    late = PAGE.replace("成文日期：2025-01-23".encode(), "成文日期：2025-05-23".encode())
    (finding,) = _findings(_check(late), "date-window")
    assert "晚于报告时限" in finding.message and "2025-05-23" in finding.message


def test_a_page_date_that_is_no_date_counts_for_nothing():
    blank = PAGE.replace("成文日期：2025-01-23".encode(), "成文日期：".encode())
    result = _check(blank)
    assert _element(result, "date").status == "missing"
    (finding,) = _findings(result, "date-present")
    assert finding.message == "报告末尾没有成文日期。"


def test_a_text_with_its_own_date_is_judged_by_it():
    signed = '<br>卢氏县退役军人事务局<br>2025年1月20日</div>\n</div>\n<div class="relate">'
    dated = PAGE.replace(b'</div>\n</div>\n<div class="relate">', signed.encode())
    assert dated != PAGE
    result = _check(dated)
    assert _element(result, "date").status == "present"
    assert not _findings(result, "date-present")
    assert result.meta.date == "2025-01-20"


def test_a_pack_without_page_meta_keeps_the_date_missing(tmp_path: Path):
    national = NATIONAL.read_text(encoding="utf-8")
    assert national.count("    page_meta: 成文日期\n") == 1
    pack = tmp_path / "nopage.yaml"
    pack.write_text(
        national.replace("    page_meta: 成文日期\n", "").replace("id: national", "id: nopage", 1), "utf-8"
    )
    result = _check(PAGE, pack=str(pack))
    assert _element(result, "date").status == "missing"
    assert _findings(result, "date-present")[0].message == "报告末尾没有成文日期。"


def test_page_meta_on_an_element_that_is_no_date_is_refused(tmp_path: Path):
    pack = tmp_path / "signature-page.yaml"
    pack.write_text(
        "id: signature-page\nversion: '1'\nname: 试\nextends: national\nelements:\n"
        "  - id: signature\n    name: 发文机关署名\n    locator: signature\n    page_meta: 发布机构\n",
        "utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_pack(str(pack))
    assert (info.value.line, info.value.field) == (8, "elements[0].locator")
    assert "date" in str(info.value)


def test_page_loss_out_of_range_is_refused(tmp_path: Path):
    pack = tmp_path / "loss.yaml"
    pack.write_text(
        "id: loss\nversion: '1'\nname: 试\nextends: national\nrules:\n"
        "  - id: date-present\n    params: {page_loss: 2}\n",
        "utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_pack(str(pack))
    assert (info.value.line, info.value.field) == (7, "rules[0].params.page_loss")
