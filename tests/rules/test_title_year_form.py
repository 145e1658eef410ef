"""A title whose year lacks 年 ("沅江路街道2024法治政府建设年度报告", corpus page 027) is noted,
with the fix "2024年"; a year inside a range or a bracketed note, or followed by 年/年度, is not."""

from __future__ import annotations

import unicodedata

import pytest

from checker.api import check_file, check_text
from tests.conftest import CORPUS, REPORTS, TODAY, seed_text


def _title_years(result):
    return [f for f in result.findings if f.rule == "title-year-form"]


def test_the_corpus_title_without_nian_is_noted_with_its_fix():
    (finding,) = _title_years(check_file(CORPUS / "pages" / "027.txt", today=TODAY))
    assert (finding.line, finding.column, finding.excerpt, finding.severity) == (1, 6, "2024", "info")
    assert finding.message == "标题中的年份“2024”后少了“年”字。"
    assert finding.fix is not None and (finding.fix.old, finding.fix.new) == ("2024", "2024年")


@pytest.mark.parametrize("path", sorted(REPORTS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_the_seed_titles_are_not_noted(path):
    assert not _title_years(check_file(path, today=TODAY))


SEED_TITLE = "株洲市退役军人事务局\n\n2024 年法治政府建设情况年度报告"


def _titled(title: str):
    text = seed_text("000")
    assert text.count(SEED_TITLE) == 1
    result = check_text(text.replace(SEED_TITLE, title), today=TODAY)
    assert result.meta.title == unicodedata.normalize("NFKC", title)  # read as the title
    return result


def test_the_seed_retitled_without_nian_is_noted():
    (finding,) = _title_years(_titled("株洲市退役军人事务局2024法治政府建设年度报告"))
    assert finding.excerpt == "2024"


@pytest.mark.parametrize(
    "title",
    [
        "株洲市退役军人事务局2024年度法治政府建设工作报告",
        "株洲市退役军人事务局落实《法治政府建设实施纲要（2021－2025年）》暨2024年法治政府建设年度报告",
        "株洲市退役军人事务局法治政府建设年度报告（2024年）",
        "株洲市退役军人事务局2024—2025年法治政府建设情况报告",
    ],
)
def test_years_written_in_full_or_in_ranges_are_not_noted(title):
    assert not _title_years(_titled(title))
