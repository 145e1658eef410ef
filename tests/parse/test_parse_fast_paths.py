"""Patterns and tests rewritten to run cheaper match exactly what their plain forms match."""

from __future__ import annotations

import random
import re

from checker.parse import headings, linebreaks
from checker.parse.dates import DATE_PATTERN
from checker.parse.evidence import _ANY_YEAR
from tests.conftest import ROOT


def _texts(pieces: str, count: int = 3000) -> list[str]:
    """The seed reports' lines and random strings of ``pieces`` (the characters and words that
    matter, separated by spaces; a lone space is written "␣")."""
    reports = sorted((ROOT / "reports").glob("*.txt"))
    texts = [line for path in reports for line in path.read_text("utf-8").split("\n")]
    choices = [piece.replace("␣", " ") for piece in pieces.split()]
    rng = random.Random(5)
    texts += ["".join(rng.choice(choices) for _ in range(rng.randint(0, 16))) for _ in range(count)]
    return texts


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(pattern.groups + 1)) for m in pattern.finditer(text)]


def test_any_year_matches_as_the_look_behind_first_form():
    plain = re.compile(r"(?<![\d\-—–~])(20\d{2})(?:年|年度)?(?![\d\-—–~])")
    for text in _texts("2 2 0 0 1 3 年 年度 - — – ~ x 中 ٣"):
        assert _spans(_ANY_YEAR, text) == _spans(plain, text), text


def test_line_ending_and_holding_tests_agree_with_their_regex_forms():
    title_end = re.compile(r"(报告|情况|汇报|总结|工作)$")
    title_block_end = re.compile(r"(?:报告|总结|汇报|讲话|发言|致辞|通知|通报|方案|要点|计划)[)）]?$")
    heading_end = re.compile(r"(?:情况|成效|举措|不足|原因|安排|职责|思路|措施|做法|打算|要点)$")
    navigation = re.compile(r"[|｜]| > |当前位置|所在位置")
    words = "报告 报 告 情况 汇报 总结 工作 ) ） 成效 要点 讲话 通知 计划 "
    words += "| ␣ ␣>␣ ｜ > 当前位置 所在位置 所在 x"
    for text in _texts(words):
        assert text.endswith(linebreaks._TITLE_END) == bool(title_end.search(text)), text
        assert text.endswith(linebreaks._TITLE_BLOCK_END) == bool(title_block_end.search(text)), text
        assert text.endswith(linebreaks._HEADING_END) == bool(heading_end.search(text)), text
        assert linebreaks._holds_any(text, linebreaks._NAVIGATION) == bool(navigation.search(text)), text
    for text in _texts("发布 成文 时间 日期 信息 来源 浏览 次数 字号 作者 编辑 : ： | ␣ ␣>␣ ｜ > 当前位置 x"):
        found = linebreaks._FURNITURE.search(text) is not None
        assert linebreaks._holds_any(text, linebreaks._FURNITURE_MARKS) == found, text


def test_date_line_and_heading_marker_agree_with_their_plain_forms():
    date_line = re.compile(rf"^(?:{DATE_PATTERN.pattern})$")
    for text in _texts("2024年 2024 24年 二〇二四年 1 12 十二 月 日 年 二 〇 十 三 . - / ٣ x", 20000):
        assert linebreaks.is_date_line(text) == bool(date_line.match(text)), text
    for text in _texts("第 一 二 十 三 部分 章 、 , . ( ) 0 1 2 3 ٣ ① ⑳ ⑴ ␣ x 年", 20000):
        plain = next(((m.group(0), rank) for p, rank in headings._MARKERS if (m := p.match(text))), None)
        assert headings.heading_marker(text) == plain, text


def test_run_on_cuts_are_those_of_the_look_behind_form():
    """``paragraphs.run_on_cuts`` (three patterns that start with the character they need)
    cuts where the zero-width alternation it replaced did."""
    from checker.parse.paragraphs import run_on_cuts

    plain = re.compile(
        r"(?<=[。！？；：:;!?])(?=(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分))"
        r"|(?<![第条款项])(?=\([一二三四五六七八九十]{1,3}\))"
        r"|(?<=[。！？])(?=[^。！？]{0,40}(?:\d{4}|[〇○零一二三四五六七八九]{4})年[^。！？]{1,6}日$)"
    )
    pieces = "。 ！ ？ ； ： : ; ! ? 一 二 十 三、 、 第 条 款 项 部分 ( ) (一) "
    pieces += "2024 二〇二四 年 月 日 1 8 工作 法治 ，"
    texts = _texts(pieces, 0)
    choices = pieces.split()
    rng = random.Random(9)
    texts += ["".join(rng.choice(choices) for _ in range(rng.randint(0, 80))) for _ in range(20000)]
    texts += [text * 3 for text in texts[:200]]  # long lines, as run-on reports have
    for _ in range(5000):  # closing dates near the limits: 0-45 characters before, 0-8 inside
        middle = "".join(rng.choice("法治工作，!1") for _ in range(rng.randint(0, 45)))
        year = rng.choice(["2024", "二〇二四", "202", "二〇二"])
        inside = "".join(rng.choice("一二1。月") for _ in range(rng.randint(0, 8)))
        after = rng.choice(["", "", "日", "。", "x"])
        start = rng.choice(["工作。", "报告！", "？", "无"])
        texts.append(start + middle + year + "年" + inside + "日" + after)
    cut = 0
    for text in texts:
        expected = {m.start() for m in plain.finditer(text)}
        assert run_on_cuts(text) == expected, text
        cut += bool(expected)
    assert cut > 2000  # the strings reach every kind of cut, not only none
    dated = [text for text in texts[-5000:] if any(m.start() > 0 for m in plain.finditer(text))]
    assert len(dated) > 200
