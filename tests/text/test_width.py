"""Display width: Han characters take two columns; tables align and wrapping never splits a word."""

from __future__ import annotations

import re

from checker.text.width import display_width, pad, table, wrap

HELP = (
    "输出格式，可多次指定：text、json、sarif、junit、github、markdown。"
    "指定多个格式时，除最后一个外都要用 --output 写入文件。"
)


def test_han_and_full_width_take_two_columns():
    assert display_width("abc") == 3 and display_width("要素检查") == 8 and display_width("（A）") == 5
    assert display_width(pad("标题", 10)) == 10 and pad("5", 3, ">") == "  5"


def test_table_columns_start_at_the_same_display_column():
    rows = [["规则", "要素", "级别"], ["title-present", "标题", "错误"], ["x", "第一责任人履职情况", "警告"]]
    lines = table(rows)
    starts = {display_width(line[: line.index(row[2])]) for line, row in zip(lines, rows, strict=True)}
    assert len(starts) == 1


def test_wrap_fits_the_width_and_keeps_words_whole():
    for width in range(12, 60):
        lines = wrap(HELP, width)
        assert all(display_width(line) <= width for line in lines), width
        joined = "".join(lines)
        for word in re.findall(r"[A-Za-z-]{3,}", HELP):
            assert word in joined, (width, word)
        assert all(not line.startswith(("，", "。", "、", "：")) for line in lines)
    assert wrap("<文件名>.checked.docx 一二", 12)[0] == "<文件名>.checked.docx"
