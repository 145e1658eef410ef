"""Bodies whose names end in neither 局/委/办 nor 政府: customs, prisons, zones, unions, banks.

Each signed seed is checked again with its body's name replaced by another kind of body; the
signature, the title and the meta must read the new name as they read the old one.
"""

from __future__ import annotations

import pytest

from checker import check_text
from checker.parse.agency import (
    agency_from_opening,
    agency_from_title,
    as_written,
    is_signature_line,
    names_agree,
)
from tests.conftest import TODAY, seed_text

# the seeds that are signed (001-003 end without a 落款)
AGENCY = {"000": "株洲市退役军人事务局", "004": "韶关市武江区退役军人事务局"}
BODIES = [
    "长沙海关",
    "株洲高新技术产业开发区",
    "株洲高新区",
    "湖南湘江新区",
    "湖南省株洲监狱",
    "株洲市总工会",
    "株洲市妇女联合会",
    "株洲市供销合作社",
    "株洲市供销合作社联合社",
    "中国人民银行株洲市分行",
    "中国银行株洲市芦淞支行",
    "株洲市气象台",
    "株洲市人大常委会",
    "湖南建工集团",
]


def reading(text: str):
    result = check_text(text, today=TODAY)
    assert result.is_report, result.not_report_reason
    return [(e.id, e.status, e.line) for e in result.elements], result.meta.agency


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("key", sorted(AGENCY))
def test_seed_signed_by_another_kind_of_body(key, body):
    text = seed_text(key)
    assert AGENCY[key] in text
    elements, agency = reading(text.replace(AGENCY[key], body))
    assert agency == body
    assert elements == reading(text)[0]


@pytest.mark.parametrize("body", BODIES)
def test_name_forms(body):
    assert is_signature_line(body)
    assert agency_from_title(body + "2024年法治政府建设年度报告") == body
    assert agency_from_title("关于" + body + "2024年度法治政府建设情况的报告") == body
    assert agency_from_opening("2024年，" + body + "坚持以习近平法治思想为指导。") == body


@pytest.mark.parametrize(
    "name",
    ["株洲经济技术开发区管委会", "株洲高新区党工委", "湖南湘江新区管理委员会", "株洲市供销合作社联合社"],
)
def test_zone_or_cooperative_is_not_cut_short(name):
    # the opening's name runs to the body's own 管委会/党工委/联合社, not to the zone's name in it
    assert agency_from_opening("2024年，" + name + "坚持依法行政。") == name


def test_zone_and_its_administrative_committee_are_one_body():
    assert names_agree("株洲高新区", "株洲高新区管委会")
    assert names_agree("株洲经济技术开发区管理委员会", "株洲经济技术开发区")
    assert not names_agree("株洲高新区", "株洲市总工会")


@pytest.mark.parametrize("line", ["株洲市天元区", "株洲市电视台", "株洲市商会", "株洲银行", "株洲市城区"])
def test_bare_one_character_endings_are_no_suffix(line):
    # 区/台/会/行 alone end ordinary words: only whole words (开发区, 气象台, 工会, 分行) count
    assert not is_signature_line(line)


UNDER_ANOTHER = [
    "国家税务总局株洲市税务局",
    "株洲市公安局交通警察支队",
    "株洲市人民政府办公室",
    "株洲市永宁镇市场监督管理局",
]


@pytest.mark.parametrize("body", UNDER_ANOTHER)
def test_a_body_named_under_the_one_above_it_is_read_whole_in_the_opening(body):
    """The opening's name is read up to its first 局/镇/政府 ("国家税务总局"); written out in
    full as the title and the signature give it, it is that body, not a second one."""
    text = seed_text("000").replace(AGENCY["000"], body)
    result = check_text(text, today=TODAY)
    assert not [f for f in result.findings if f.rule == "agency-consistency"]
    assert {e.id: e.status for e in result.elements}["signature"] == "present"


def test_a_different_body_in_the_opening_is_still_a_different_body():
    full, township = "国家税务总局株洲市税务局", "株洲市永宁镇"
    assert as_written("国家税务总局", f"2024年，{full}坚持…", [full]) == full
    # the township itself opening a report its bureau signs: a second body, still flagged
    assert as_written(township, f"2024年，{township}坚持…", [f"{township}市场监督管理局"]) == township
    assert not names_agree("株洲市永宁镇", "株洲市永宁镇市场监督管理局")
