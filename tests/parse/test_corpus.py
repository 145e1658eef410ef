"""Real report openings from government sites, with their noise, and look-alikes."""

from __future__ import annotations

import re

import pytest

from checker.api import check_file
from tests.conftest import CORPUS, TODAY

INDEX = (CORPUS / "INDEX.md").read_text(encoding="utf-8")
ROWS = {
    m.group(1): (m.group(2).strip(), int(m.group(3)))
    for m in re.finditer(r"^\| ((?:pages|negatives)/\d+\.txt) \| ([^|]+) \| (\d{4}) \|", INDEX, re.M)
}
PAGES = sorted(k for k in ROWS if k.startswith("pages/"))

# Openings whose visible text names the body in a title, opening sentence or signature
# (INDEX.md: the others show only 我局 / 区… / a hacked or redacted name).
AGENCY_VISIBLE = {
    "pages/005.txt": "退役军人事务部",
    "pages/017.txt": "广州市卫生健康委",
    "pages/025.txt": "酉阳土家族苗族自治县可大乡",
    "pages/037.txt": "汕尾市退役军人事务局",
    "pages/043.txt": "贤庠镇人民政府",
    "pages/049.txt": "重庆市生态环境局",
    "pages/053.txt": "梧州市人力资源和社会保障局",
    "pages/061.txt": "中共青岛市交通运输局党组",
    "pages/063.txt": "农业农村部",
    "pages/065.txt": "紫金县农业农村局",
    "pages/077.txt": "佛山市水利局",
    "pages/079.txt": "广州市水务局",
    "pages/081.txt": "垫江县水利局",
    "pages/085.txt": "徐闻县文化广电旅游体育局",
    "pages/087.txt": "审计署",
    "pages/089.txt": "龙川县司法局",
    "pages/091.txt": "夏县司法局",
    "pages/093.txt": "蒸湘区司法局",
    "pages/101.txt": "奉节县青龙镇",
    "pages/013.txt": "金华市教育局",
    "pages/023.txt": "桐木漯瑶族乡人民政府",
    "pages/045.txt": "券桥镇",
    "pages/029.txt": "汤头街道",
    "pages/041.txt": "三张镇",
}


@pytest.mark.parametrize("key", PAGES)
def test_every_opening_parses_as_a_report_with_its_year(key):
    result = check_file(CORPUS / key, today=TODAY)
    assert result.status == "ok", result.error
    assert result.is_report, result.not_report_reason
    expected_year = ROWS[key][1]
    if key != "pages/097.txt":  # years redacted to "x01x年度" by the republishing site
        assert result.meta.year == expected_year


@pytest.mark.parametrize("key", sorted(AGENCY_VISIBLE))
def test_agency_found_where_the_text_shows_it(key):
    result = check_file(CORPUS / key, today=TODAY)
    assert result.meta.agency == AGENCY_VISIBLE[key]


@pytest.mark.parametrize("key", sorted(k for k in ROWS if k.startswith("negatives/")))
def test_look_alikes_are_not_reports(key):
    result = check_file(CORPUS / key, today=TODAY)
    assert result.status == "ok" and result.is_report is False
    assert "政府信息公开" in result.not_report_reason


def test_spam_line_is_not_part_of_the_title():
    result = check_file(CORPUS / "pages/005.txt", today=TODAY)
    assert result.meta.title == "退役军人事务部2021年法治政府建设年度报告"


def test_title_split_with_spaced_report_word():
    result = check_file(CORPUS / "pages/075.txt", today=TODAY)
    assert result.meta.title.endswith("法治政府建设情况的报告")
    assert result.meta.year == 2021


def test_navigation_breadcrumb_does_not_swallow_the_title():
    result = check_file(CORPUS / "pages/099.txt", today=TODAY)
    assert result.meta.title == "2023年度退役军人事务局法治政府建设工作报告"


def test_metadata_table_date_is_used_when_body_has_none():
    result = check_file(CORPUS / "pages/029.txt", today=TODAY)
    assert result.meta.year == 2024
    assert result.meta.date == "2025-02-14"  # 成文日期 from the copied publication table


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("株洲市退役军人事务局关于法治政府建设督察自查情况的报告", "督察自查"),
        ("张三同志2024年度述职述法报告", "述法报告"),
        ("株洲市2025年法治政府建设工作要点", "工作要点"),
    ],
)
def test_other_look_alikes_are_not_reports(title, reason):
    from checker.api import check_text
    from tests.conftest import seed_text

    text = seed_text("000").replace("株洲市退役军人事务局\n\n2024 年法治政府建设情况年度报告", title, 1)
    result = check_text(text, today=TODAY)
    assert result.is_report is False and reason in result.not_report_reason
