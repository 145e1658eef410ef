"""number-spacing reads what the writer typed, not the spaces of the page a report was copied from."""

from __future__ import annotations

from checker.api import check_text
from tests.conftest import CORPUS, TODAY, seed_text


def _spacing(text: str) -> list[tuple[int | None, str]]:
    result = check_text(text, today=TODAY)
    return [(f.line, f.excerpt) for f in result.findings if f.rule == "number-spacing"]


def _corpus(name: str) -> str:
    return (CORPUS / "pages" / f"{name}.txt").read_text(encoding="utf-8")


def test_the_portal_lines_above_the_title_are_not_the_writers():
    """Corpus 009 opens with the portal's clock "天津市静海区人民政府 2019年12月3日星期二"."""
    assert not any(excerpt.startswith("府 2019") for _, excerpt in _spacing(_corpus("009")))


def test_a_news_dateline_is_not_the_writers():
    """Corpora 011 and 067 reprint a report under "中新网 3月29日电": the site parts outlet and date."""
    for name in ("011", "067"):
        assert not any("3月" in excerpt for _, excerpt in _spacing(_corpus(name))), name


def test_typed_spaces_in_the_report_are_still_found():
    """The space the writer typed stays a finding: in the body of corpus 099 ("现将我局 2023年…",
    below its breadcrumb line), in seed 000's title and lead-in ("2024 年"), and in a sentence
    above the title (a cover note)."""
    assert (7, "局 2023年") in _spacing(_corpus("099"))
    assert {(5, "2024 年"), (7, "2024 年")} <= set(_spacing(seed_text("000")))
    noted = "现将我局 2024年法治政府建设情况报告如下。\n\n" + seed_text("000")
    assert (1, "局 2024年") in _spacing(noted)
