"""Files holding more than, or other than, one report, built from the seed reports the way
publishers post them: a compilation (汇编), a report followed by its head's 述法报告, an annex,
an index page of links, a report split over two web pages."""

from __future__ import annotations

import html
import io
from pathlib import Path

import docx

from tests.conftest import seed_text

# seeds 003 ends without its closing and 004 without its title: as a compilation prints them
SEED_004 = "韶关市武江区退役军人事务局\n2023年法治政府建设工作报告\n" + seed_text("004")
SEED_003 = seed_text("003").rstrip() + "\n魏都区退役军人事务局\n2024年1月15日\n"
COMPILATION_TITLES = (
    "株洲市退役军人事务局2024 年法治政府建设情况年度报告",
    "韶关市武江区退役军人事务局2023年法治政府建设工作报告",
    "魏都区退役军人事务局关于2023年法治政府建设情况的报告",
)
COMPILATION = "\n\n".join(
    ["某市退役军人事务系统2023—2024年度法治政府建设年度报告汇编", seed_text("000"), SEED_004, SEED_003]
)

SHUFA = """2023年度党政主要负责人述法报告
局党组书记、局长　张某某
2023年，本人认真履行推进法治建设第一责任人职责，把法治建设摆在全局工作的重要位置，与业务工作同部署、同推进、同督促、同考核。现将本人述法情况报告如下：
一、学法用法情况
全年参加党组理论学习中心组专题学法6次，带头学习《中华人民共和国退役军人保障法》《法治政府建设实施纲要（2021—2025年）》，撰写学习体会2篇，在全局干部大会上讲授法治课1次。
二、依法决策情况
主持召开党组会议、局务会议专题研究法治建设工作3次，重大行政决策均严格履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序，全年未发生因决策违法被纠错的情况。
三、存在的不足和下一步打算
对新出台法律法规的学习还不够深入，运用法治思维解决信访难题的能力有待提高。下一步，本人将继续带头尊法学法守法用法，督促班子成员履行“一岗双责”，推动法治建设各项任务落地见效。
张某某
2024年1月10日
"""
REPORT_THEN_SHUFA = seed_text("000").rstrip() + "\n\n" + SHUFA

ANNEX = """
附件
2024年度法治政府建设重点任务完成情况表
序号　工作任务　完成情况
1　行政规范性文件清理　已完成
2　行政执法案卷评查　已完成
"""
REPORT_WITH_ANNEX = seed_text("000").rstrip() + "\n" + ANNEX

LISTED = (
    ("株洲市退役军人事务局", "2024", "2025-01-23"),
    ("株洲市司法局", "2024", "2025-01-20"),
    ("株洲市教育局", "2024", "2025-01-22"),
    ("株洲市财政局", "2023", "2024-01-19"),
)
INDEX_PAGE = "\n".join(
    [
        "首页 > 政务公开 > 法治政府建设 > 年度报告",
        "法治政府建设年度报告",
        *(f"{body}{year}年度法治政府建设情况报告  {day}" for body, year, day in LISTED),
        "共4条  1/1页  首页  上一页  下一页  尾页",
    ]
)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


SEED_001 = _lines(seed_text("001"))
PAGE_ONE = "\n".join([*SEED_001[: len(SEED_001) // 2], "1  2  下一页"])
PAGE_TWO = "\n".join(["上一页  1  2", *SEED_001[len(SEED_001) // 2 :]])


def line_of(text: str, wanted: str) -> int:
    """1-based number of the first line of ``text`` holding ``wanted`` (spaces ignored)."""
    squeezed = wanted.replace(" ", "")
    return next(n for n, line in enumerate(text.split("\n"), 1) if squeezed in line.replace(" ", ""))


def docx_bytes(text: str) -> bytes:
    """``text`` as a Word document, one paragraph per non-empty line."""
    document = docx.Document()
    for line in _lines(text):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_docx(text: str, path: Path) -> Path:
    """``text`` as a Word file, one paragraph per non-empty line."""
    path.write_bytes(docx_bytes(text))
    return path


def as_html(text: str, path: Path) -> Path:
    """``text`` as a portal page: navigation, then one ``<p>`` per non-empty line."""
    body = "".join(f"<p>{html.escape(line)}</p>" for line in _lines(text))
    page = (
        f"<html><head><meta charset='utf-8'><title>{html.escape(_lines(text)[0])}</title></head><body>"
        f"<div class='nav'>首页 | 政务公开</div><div class='article-content'>{body}</div></body></html>"
    )
    path.write_text(page, encoding="utf-8")
    return path


# ---- another document before the report ----------------------------------------------------
SHUFA_THEN_REPORT = SHUFA + "\n" + seed_text("000")
SHUFA_REPORT_SHUFA = SHUFA + "\n" + REPORT_THEN_SHUFA


# ---- a compilation whose closing dates were dropped: each report ends with its signature ------
def without_closing_date(text: str) -> str:
    """``text`` without its last line when that is a closing date (2025年1月23日)."""
    lines = text.rstrip().split("\n")
    assert lines[-1].strip().endswith("日"), lines[-1]
    return "\n".join(lines[:-1]).rstrip() + "\n"


UNDATED_SEED_003 = seed_text("003").rstrip() + "\n魏都区退役军人事务局\n"
UNDATED_COMPILATION = "\n\n".join(
    [
        "某市退役军人事务系统2023—2024年度法治政府建设年度报告汇编",
        without_closing_date(seed_text("000")),
        without_closing_date(SEED_004),
        UNDATED_SEED_003,
    ]
)
# the same with each later title on one line, the body's name in it
UNDATED_COMPILATION_ONE_LINE_TITLES = UNDATED_COMPILATION.replace(
    "韶关市武江区退役军人事务局\n2023年", "韶关市武江区退役军人事务局2023年"
).replace("魏都区退役军人事务局\n关于2023年", "魏都区退役军人事务局关于2023年")


# ---- portal pages: a report published over two pages, and whole reports with other links -----
ARTICLE = "t20250124_4567890"


def portal_page(lines: list[str], title: str, *, in_content: str = "", after_content: str = "") -> str:
    """A TRS-style article page: title and publication line, the text in ``#zoom`` (one ``<p>``
    a line, ``in_content`` at its end), then ``after_content`` (a pager, 上一篇/下一篇)."""
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (
        f"<html><head><meta charset='utf-8'><title>{html.escape(title)}_卢氏县人民政府</title></head><body>"
        "<div class='nav'>首页 | 政务公开 | 法治政府建设</div><div class='article'>"
        f"<h1>{html.escape(title)}</h1><div class='info'>发布时间：2025-01-24"
        " 来源：卢氏县退役军人事务局</div>"
        f"<div id='zoom'>{body}{in_content}</div>{after_content}</div>"
        "<div class='footer'>主办：卢氏县人民政府办公室</div></body></html>"
    )


SEED_001_TITLE = "卢氏县退役军人事务局关于2024年度法治政府建设工作报告"
HALF = len(SEED_001) // 2
SEED_001_BODY = SEED_001[2:]  # the page's own title is the <h1> above the text


def trs_script_pager(current: int, count: int = 2, prefix: str = ARTICLE) -> str:
    """TRS's pager: a script that writes the page links when the page is shown."""
    return (
        "<div class='page'><script language='javascript'>"
        f"var currentPage = {current};//所在页从0开始\nvar countPage = {count};//共多少页\n"
        f'createPageHTML(countPage, currentPage, "{prefix}", "html");</script></div>'
    )


STATIC_PAGER_FIRST = (
    f"<div class='page'><span class='current'>1</span> <a href='{ARTICLE}_1.html'>2</a> "
    f"<a href='{ARTICLE}_1.html'>下一页</a> <a href='{ARTICLE}_1.html'>尾页</a></div>"
)
STATIC_PAGER_LAST = (
    f"<div class='page'><a href='{ARTICLE}.html'>首页</a> <a href='{ARTICLE}.html'>上一页</a> "
    f"<a href='{ARTICLE}.html'>1</a> <span class='current'>2</span></div>"
)
# links to other articles: the previous and next in the column, not pages of this one
PREV_NEXT = (
    "<div class='prev-next'><p>上一篇：<a href='../202401/t20240115_3456789.html'>"
    "卢氏县退役军人事务局关于2023年度法治政府建设工作报告</a></p>"
    "<p>下一篇：<a href='./t20250130_4567999.html'>关于开展2025年春节走访慰问退役军人工作的通知</a></p></div>"
)
PREV_NEXT_BARE = (
    "<div class='articlePage'><a href='../202401/t20240115_3456789.html'>上一篇</a> "
    "<a href='./t20250130_4567999.html'>下一篇</a></div>"
)
# the column's list pager, shown beside (or, in some templates, under) the article
LIST_PAGER = (
    "<div class='page'><span>1</span> <a href='index_1.html'>2</a> <a href='index_2.html'>3</a> "
    "<a href='index_1.html'>下一页</a> <a href='index_2.html'>尾页</a></div>"
)


def trs_list_page(count: int = 3) -> str:
    """A column's first list page of report titles, its pager written by TRS's script."""
    items = "".join(
        f"<li><a href='./t2025012{n}_{n}.html'>{html.escape(body)}{year}年度法治政府建设情况报告</a>"
        f"<span>{day}</span></li>"
        for n, (body, year, day) in enumerate(LISTED)
    )
    return (
        "<html><head><meta charset='utf-8'><title>法治政府建设年度报告_株洲市人民政府</title></head><body>"
        f"<div class='list'><h2>法治政府建设年度报告</h2><ul>{items}</ul>"
        f"{trs_script_pager(0, count, 'index')}</div></body></html>"
    )
