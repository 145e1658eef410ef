"""Seeds written the way other agencies write them read as the seeds do: the leader's duties
under a generic item, "七.2024年…" headings, a table of contents, dates above or labelled, a
school as the issuing body, and spaces that lay a line out (not typed by mistake)."""

from __future__ import annotations

import pytest

from checker import check_text
from tests.conftest import CORPUS, SEEDS, TODAY, seed_text


def _reading(text: str):
    result = check_text(text, today=TODAY)
    assert result.is_report, result.not_report_reason
    return result.meta.agency, result.meta.date, [(e.id, e.status) for e in result.elements]


# seed 000 reports the leader's duties as item (一) of its measures, under a heading naming them
DUTIES_ITEM = "(一) 认真履行“第一责任人”职责。"
DUTIES_SENTENCE = "局党组书记、局长主动扛牢法治政府建设“第一责任人”职责"


@pytest.mark.parametrize(
    "sentence",
    [
        DUTIES_SENTENCE,
        "局党组书记严格落实“第一责任人”责任",
        "局党组书记、局长严格落实法治建设第一责任人责任",
        "充分发挥党政主要负责人推进法治建设第一责任人作用",
        "局长作为法治建设第一责任人，亲自部署法治工作",
        "局“一把手”切实扛起法治建设第一责任",
    ],
)
def test_the_leaders_duties_under_a_generic_item_are_found_by_what_they_say(sentence):
    text = seed_text("000")
    assert text.count(DUTIES_ITEM) == 1 and text.count(DUTIES_SENTENCE) == 1
    generic = text.replace(DUTIES_ITEM, "(一) 加强组织领导。").replace(DUTIES_SENTENCE, sentence)
    statuses = dict(_reading(generic)[2])
    assert statuses["first-responsible-person"] != "missing"
    assert statuses == dict(_reading(text)[2])


@pytest.mark.parametrize("dot", [".", "．"])
@pytest.mark.parametrize(("key", "heading"), [("004", "七、2024年度"), ("002", "四、2024 年度")])
def test_a_part_numbered_with_a_dot_before_its_year_is_a_part(key, heading, dot):
    text = seed_text(key)
    assert text.count(heading) == 1
    assert _reading(text.replace(heading, heading.replace("、", dot))) == _reading(text)


def _with_contents(text: str, leaders: str, label: bool = True) -> str:
    """The seed with a 目录 listing its numbered parts put under its title."""
    lines = text.split("\n")
    parts = [line.strip() for line in lines if line.strip()[:2] in ("一、", "二、", "三、", "四、", "五、")]
    contents = [
        *(["目  录"] if label else []),
        *(f"{part}{leaders}{page}" for page, part in enumerate(parts, 1)),
    ]
    return "\n".join([lines[0], *contents, *lines[1:]])


@pytest.mark.parametrize(
    ("leaders", "label"),
    [("…………………", True), (" ", True), ("", True), ("…………………", False), ("........", False)],
)
@pytest.mark.parametrize("key", sorted(SEEDS))
def test_a_table_of_contents_is_not_read_as_the_parts(key, leaders, label):
    text = seed_text(key)
    with_contents = _with_contents(text, leaders, label)
    plain = check_text(text, today=TODAY)
    listed = check_text(with_contents, today=TODAY)
    assert _reading(with_contents) == _reading(text)
    assert sorted(f.rule for f in listed.findings) == sorted(f.rule for f in plain.findings)


SIGNED = ["000", "004"]  # the seeds that end with a signing body and a date


@pytest.mark.parametrize("key", SIGNED)
def test_a_date_written_above_the_signing_body_is_the_date(key):
    lines = seed_text(key).rstrip().split("\n")
    swapped = "\n".join([*lines[:-2], lines[-1], lines[-2]])
    assert _reading(swapped) == _reading(seed_text(key))


@pytest.mark.parametrize("label", ["日期：", "成文日期："])
@pytest.mark.parametrize("key", SIGNED)
def test_a_labelled_date_keeps_the_signature_and_the_date(key, label):
    lines = seed_text(key).rstrip().split("\n")
    labelled = "\n".join([*lines[:-1], label + lines[-1].strip()])
    assert _reading(labelled) == _reading(seed_text(key))


@pytest.mark.parametrize("school", ["临湘市第一中学", "湖南信息职业技术学院", "中共株洲市委党校"])
def test_a_school_is_an_issuing_body(school):
    text = seed_text("000").replace("株洲市退役军人事务局", school)
    agency, _, statuses = _reading(text)
    assert agency == school
    assert dict(statuses)["signature"] == "present"


def _spacing_notes(text: str) -> list[str]:
    result = check_text(text, today=TODAY)
    return [f.excerpt for f in result.findings if f.rule == "number-spacing"]


def test_spaces_that_lay_a_line_out_are_no_stray_spaces():
    text = seed_text("004").rstrip()  # signed, and with no stray space of its own
    assert _spacing_notes(text) == []
    lines = text.split("\n")
    laid_out = [
        *lines[:-2],
        "表1　主要指标\n指标\t数量\t同比\n行政复议案件\t3\t-25%\n普法活动\t36",
        f"{lines[-2].strip()}    {lines[-1].strip()}",  # signing body and date on one line
    ]
    assert _spacing_notes("\n".join(laid_out)) == []
    part = next(line for line in lines if line.startswith("二、"))
    assert _spacing_notes(text.replace(part, "第二部分 2024年" + part[2:])) == []


def test_a_space_typed_beside_a_number_is_still_noted():
    text = seed_text("004").rstrip()
    sentence = next(line for line in text.split("\n") if "2023年" in line and len(line) > 40)
    typed = text.replace(sentence, sentence.replace("2023年", "于 2023 年", 1))
    assert _spacing_notes(typed) == ["于 2023 年"]


@pytest.mark.parametrize(
    ("page", "typed"),
    [
        # 发布时间:2024-12-21 12:04:21 来源: sp20241221; the news dateline "中新网 3月29日电" is
        # the outlet's, not the report writer's (tests/check/test_spacing_furniture.py)
        ("011.txt", []),
        ("065.txt", []),  # 发布时间:2025-02-10 来源: 本网
        ("091.txt", []),  # 时间:2025-02-19 信息来源: …
        ("033.txt", []),  # 发布日期:2023-03-31    点击数:
        ("099.txt", ["局 2023年"]),  # its 发布时间 line parts fields; "我局 2023年" is typed
    ],
)
def test_the_gap_after_a_date_time_or_code_on_a_portal_line_is_no_stray_space(page, typed):
    text = (CORPUS / "pages" / page).read_text(encoding="utf-8")
    assert _spacing_notes(text) == typed


def test_a_space_typed_after_a_year_range_is_still_noted():
    text = seed_text("004").rstrip()
    typed = text.replace("(2021-2025年)", "(2021-2025 年)", 1)
    assert typed != text
    assert _spacing_notes(typed) == ["2025 年"]
