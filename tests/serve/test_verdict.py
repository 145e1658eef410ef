"""The self-check page gives the verdict the terminal gives: a pass with errors left says so,
in the warning colour, in Chinese and in English (real seeds through the real renderers)."""

from __future__ import annotations

import re

from msgspec.structs import replace

from checker.api import check_file, check_text
from checker.formats import RenderContext
from checker.formats.jsonout import document
from checker.formats.text import render, verdict
from checker.options import CheckOptions
from checker.serve.result_html import render_result
from tests.conftest import SEEDS, TODAY


def _page(result, lang: str = "zh") -> str:
    options = CheckOptions(lang=lang)
    return render_result(document([result], RenderContext(options)), None, lang)


def _score_block(page: str) -> tuple[str, str]:
    """(the class of the score block, its text without tags)."""
    match = re.search(r'<div class="fz-score (\w+)">(.*?)</div>', page)
    assert match is not None, page[:500]
    return match.group(1), re.sub(r"<[^>]+>", "", match.group(2))


def test_pass_with_errors_is_a_warning_on_the_page_worded_as_in_the_terminal():
    result = check_file(SEEDS["001"], today=TODAY)  # a real report without 落款 and date
    assert result.passed and sum(f.severity == "error" for f in result.findings) == 2
    state, text = _score_block(_page(result))
    assert state == "warn"
    assert text.endswith("· 通过（总分达标，但有 2 处错误需改正）")
    terminal = render([result], RenderContext(CheckOptions(), color=False))
    assert f"　{verdict(result, 'zh')}\n" in terminal and verdict(result, "zh") in text


def test_pass_with_errors_in_english():
    result = check_file(SEEDS["003"], today=TODAY, lang="en")
    state, text = _score_block(_page(result, "en"))
    assert state == "warn"
    assert text.endswith("passed (the score reaches the pass mark, but 2 errors need fixing)")
    one = check_file(SEEDS["004"], today=TODAY, lang="en")  # one error: no title
    assert _score_block(_page(one, "en"))[1].endswith("but 1 error needs fixing)")


def test_clean_pass_and_fail_keep_their_colours():
    clean = check_file(SEEDS["000"], today=TODAY)
    assert clean.passed and not any(f.severity == "error" for f in clean.findings)
    state, text = _score_block(_page(clean))
    assert state == "pass" and text.endswith("· 通过")
    failed = check_text("关于2024年法治政府建设情况的报告\n", today=TODAY)
    assert not failed.passed
    state, text = _score_block(_page(failed))
    assert state == "fail" and text.endswith("· 未通过")


def test_waived_errors_do_not_count():
    result = check_file(SEEDS["004"], today=TODAY)
    findings = tuple(replace(f, waived="已说明") if f.severity == "error" else f for f in result.findings)
    state, text = _score_block(_page(replace(result, findings=findings)))
    assert state == "pass" and text.endswith("· 通过")


def test_the_page_style_has_an_orange_for_the_warning():
    page = _page(check_file(SEEDS["001"], today=TODAY))
    assert re.search(r"\.fz-score\.warn\{color:#8f5500\}", page)
