"""HTML reader details: charset, article body, publication metadata, title."""

from __future__ import annotations

import pytest

from checker.read import read_bytes, read_path
from checker.read.charset import declared_charset, decode_html
from tests.conftest import seed_text
from tests.read_support import fixture

BOILERPLATE = ("首页", "政务公开", "当前位置", "分享到", "打印本页", "版权所有", "ICP备",
               "脚本内容", "统计代码", "上一篇", "字号")  # fmt: skip


def test_gb2312_page_is_decoded_as_gb18030():
    raw = fixture("seed0.html").read_bytes()
    assert b"charset=gb2312" in raw
    source = read_path(fixture("seed0.html"))
    assert source.encoding == "gb18030"
    assert "株洲市退役军人事务局" in source.text


@pytest.mark.parametrize("number", range(5))
def test_navigation_footer_scripts_and_share_bars_are_left_out(number):
    text = read_path(fixture(f"seed{number}.html")).text
    seed = seed_text(f"{number:03d}")
    for word in BOILERPLATE:
        assert word in seed or word not in text, word


def test_publication_table_goes_to_meta():
    meta = read_path(fixture("seed0.html")).meta
    assert meta["索引号"] == "11430200MB15007X/2025-00010"
    assert meta["发布机构"] == "株洲市退役军人事务局"
    assert meta["成文日期"] == "2025-01-23"
    assert meta["发布日期"] == "2025-01-24"
    assert meta["文号"] == "退役军人〔2025〕1号"
    assert meta["title"] == "株洲市退役军人事务局2024年法治政府建设情况年度报告"


def test_key_value_text_goes_to_meta():
    source = read_path(fixture("seed1.html"))  # "索引号：… 发布机构：…" spans, no table
    assert source.meta["索引号"] == "11430200MB15017X/2025-00011"
    assert source.meta["成文日期"] == "2025-01-23"
    assert source.meta["文号"] == "退役军人〔2025〕2号"
    assert "索引号" not in source.text


def test_title_from_title_tag_without_site_name():
    source = read_path(fixture("seed1.html"))
    assert source.meta["title"] == "卢氏县退役军人事务局关于2024年度法治政府建设工作报告"


def test_title_becomes_first_line_only_when_the_body_lacks_it():
    with_title = read_path(fixture("seed0.html")).text.split("\n")
    assert with_title[:2] == ["株洲市退役军人事务局", "2024 年法治政府建设情况年度报告"]
    without = read_path(fixture("seed3.html"))  # title only in the page's h1
    lines = without.text.split("\n")
    assert lines[0] == without.meta["title"] == "魏都区退役军人事务局关于2023年法治政府建设情况的报告"
    assert lines[1].startswith("2023年度，魏都区退役军人事务局")


def test_br_separated_lines_become_lines():
    lines = read_path(fixture("seed1.html")).text.split("\n")
    assert lines[0] == "卢氏县退役军人事务局"
    assert lines[1] == "关于2024年度法治政府建设工作报告"


def test_richest_block_is_found_without_a_known_container():
    page = (
        "<html><head><meta charset='utf-8'><title>报告</title></head><body>"
        "<div class='menu'><a>首页</a><a>机构概况</a><a>政务公开</a></div>"
        "<div class='q1'><div class='q2'>"
        + "".join(f"<p>第{n}段。法治政府建设工作扎实推进，依法行政水平不断提升。</p>" for n in range(6))
        + "</div></div><div>版权所有</div></body></html>"
    )
    lines = read_bytes(page.encode("utf-8"), ".html").text.split("\n")
    assert lines[0] == "第0段。法治政府建设工作扎实推进，依法行政水平不断提升。"
    assert len(lines) == 6


def test_meta_charset_and_content_sniffing():
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GBK">') == "gb18030"
    assert declared_charset(b"<meta charset='iso-8859-1'>") is None  # untrusted on .gov.cn
    text, encoding = decode_html("<p>法治政府</p>".encode("gb18030"))
    assert (text, encoding) == ("<p>法治政府</p>", "gb18030")
    text, encoding = decode_html("\ufeff<p>法治</p>".encode("utf-8"))
    assert encoding == "utf-8-sig" and text == "<p>法治</p>"
