"""Paragraph reconstruction: every line break scored as "continue" or "break"."""

from __future__ import annotations

import pytest

from checker.api import check_text
from checker.parse.paragraphs import join_paragraphs
from checker.text.normalize import normalise_text
from tests.check.test_mutations import wrap
from tests.conftest import CORPUS, SEEDS, TODAY, seed_text

WIDTHS = range(10, 61)
OPENINGS = sorted(p.name for p in (CORPUS / "pages").glob("*.txt"))


def statuses(result) -> dict[str, str]:
    return {e.id: e.status for e in result.elements}


def paragraphs(text: str) -> list[str]:
    return [p.text for p in join_paragraphs(normalise_text(text))]


@pytest.mark.parametrize("key", list(SEEDS))
@pytest.mark.parametrize("blank", [False, True], ids=["dense", "blank-lines"])
def test_every_seed_reads_the_same_at_every_wrap_width(key, blank):
    """PDF layouts and portals differ in line length: the verdict must not depend on it."""
    text = seed_text(key)
    plain = check_text(text, today=TODAY)
    for chars in WIDTHS:
        wrapped = check_text(wrap(text, chars, blank), today=TODAY)
        assert statuses(wrapped) == statuses(plain), chars
        assert wrapped.meta == plain.meta, chars
        assert abs(wrapped.score - plain.score) <= 3.0, chars


@pytest.mark.parametrize("name", OPENINGS)
def test_every_corpus_opening_reads_the_same_at_every_wrap_width(name):
    """Real openings with their navigation, metadata lines and spam suffixes, re-wrapped."""
    text = (CORPUS / "pages" / name).read_text(encoding="utf-8")
    plain = check_text(text, today=TODAY)
    for chars in WIDTHS:
        blank = chars % 2 == 1  # both layouts, alternating, to keep the run short
        wrapped = check_text(wrap(text, chars, blank), today=TODAY)
        assert wrapped.is_report == plain.is_report, (chars, blank)
        assert statuses(wrapped) == statuses(plain), (chars, blank)


def test_title_filling_the_line_ends_before_the_opening():
    """ "…治政府建设年度报告" fills a 10-character line; the opening "2021年，我局…" is not title."""
    text = wrap(
        "佛山市水利局2021年法治政府建设年度报告\n" + "2021年，我局认真履行法治建设职责。" * 8, 10, False
    )
    found = paragraphs(text)
    assert found[0] == "佛山市水利局2021年法治政府建设年度报告"
    assert found[1].startswith("2021年,我局")


def test_full_line_ending_in_baogao_runs_on_when_the_sentence_does():
    """ "根据法治政府建设年度报告" / "制度的要求，…" is one sentence, not a title and a body."""
    text = wrap(
        "根据法治政府建设年度报告制度的要求，现将我局2022年度法治政府建设工作报告如下：\n"
        + "我局依法行政。" * 20,
        12,
        False,
    )
    assert paragraphs(text)[0].startswith("根据法治政府建设年度报告制度的要求")


def test_breadcrumb_and_publication_line_do_not_absorb_title_or_opening():
    text = wrap(
        "首页 > 政务公开 > 部门信息公开目录 > 市退役军人事务局 > 文件通知\n"
        "2023年度退役军人事务局法治政府建设工作报告\n"
        "发布时间：2024-02-05 09:19 信息来源：洪江市退役军人事务局\n"
        + "2023年，我局以习近平法治思想为指导。"
        * 6,
        30,
        False,
    )
    found = paragraphs(text)
    assert "2023年度退役军人事务局法治政府建设工作报告" in found
    assert any(p.startswith("2023年,我局") for p in found)


def test_page_furniture_word_joins_nothing():
    """ "朗读" between a spam page title and the real one is a paragraph of its own."""
    text = wrap(
        "某局关于2023年法治政府建设工作情况的报告-和记娱乐国际\n朗读\n某局关于2023年法治政府\n建设工作情况的报告\n"
        + "2023年，我局依法行政。" * 8,
        10,
        False,
    )
    assert "朗读" in paragraphs(text)


def test_broken_off_clause_is_no_signature():
    """An excerpt ending "…在全省依法治省工作队" has no 落款."""
    result = check_text(seed_text("001").rstrip() + "\n在全省依法治省工作队", today=TODAY)
    assert next(e for e in result.elements if e.id == "signature").status == "missing"
