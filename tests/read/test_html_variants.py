"""HTML as editors and office suites write it: wrapped source lines, paragraphs in numbered lists."""

from __future__ import annotations

import html
import re
import subprocess

import pytest

from checker.api import analyse_bytes, check_file
from checker.read import read_bytes, read_path
from tests.conftest import seed_text
from tests.read_support import SEED_KEYS, fixture, han_coverage, require_tool, squeeze

WRAP = 20  # CMS editors wrap a paragraph's source every 40–80 characters; 20 wraps every seed
_PART = re.compile(r"^([一二三四五六七八九十]+)、")
_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


def _seed_lines(key: str) -> list[str]:
    return [line.strip() for line in seed_text(key).split("\n") if line.strip()]


def _wrap(text: str) -> str:
    """Hard-wrap ``text`` about every WRAP characters, never inside an ASCII word or number."""
    out, start = [], 0
    while len(text) - start > WRAP:
        cut = start + WRAP
        while cut < len(text) and (text[cut - 1].isascii() or text[cut].isascii()):
            cut += 1
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return "\n".join(out)


def _page(body: str) -> bytes:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>\n{body}\n</body></html>".encode()


def _paragraphs(lines: list[str], *, wrap: bool = False) -> str:
    return "\n".join(f"<p>{_wrap(html.escape(line)) if wrap else html.escape(line)}</p>" for line in lines)


def _elements(path) -> list[tuple[str, str, int | None]]:
    result = check_file(str(path))
    return [(element.id, element.status, element.line) for element in result.elements]


@pytest.mark.parametrize("key", SEED_KEYS)
def test_hard_wrapped_paragraphs_read_and_check_as_the_unwrapped_page(key, tmp_path):
    lines = _seed_lines(key)
    plain, wrapped = tmp_path / "plain.html", tmp_path / "wrapped.html"
    plain.write_bytes(_page(_paragraphs(lines)))
    wrapped.write_bytes(_page(_paragraphs(lines, wrap=True)))
    assert wrapped.read_bytes().count(b"\n") > plain.read_bytes().count(b"\n") + 5
    assert read_path(wrapped).text == read_path(plain).text
    assert _elements(wrapped) == _elements(plain)  # statuses and line numbers alike


@pytest.mark.parametrize("key", SEED_KEYS)
def test_paragraphs_straight_inside_an_aspnet_form_are_read(key):
    lines = _seed_lines(key)
    plain = read_bytes(_page(_paragraphs(lines)), ".html").text
    form = _page(f'<form method="post" action="./show.aspx?id=1" id="form1">\n{_paragraphs(lines)}\n</form>')
    assert read_bytes(form, ".html").text == plain


def test_a_source_newline_is_a_space_between_words_and_nothing_between_han():
    opening = _seed_lines("001")[2]
    page = _page(
        f"<p>{_wrap(opening)}</p>\n<p>Saved as a Word\ndocument, then\n\tas a web page.</p>\n"
        "<pre>第一行\n第二行</pre>\n<div style='white-space: pre-line'>甲\n乙</div>"
    )
    lines = read_bytes(page, ".html").text.split("\n")
    assert lines == [opening, "Saved as a Word document, then as a web page.", "第一行", "第二行", "甲", "乙"]


def test_libreoffice_web_pages_of_the_seeds_keep_whole_paragraphs(tmp_path):
    """LibreOffice wraps a paragraph's source; saved as .doc it is still read as HTML."""
    require_tool("soffice")
    sources = [fixture(f"seed{number}.docx") for number in range(5)]
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "html", "--outdir", str(tmp_path), *map(str, sources)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    for source in sources:
        as_doc = tmp_path / f"{source.stem}.doc"
        as_doc.write_bytes((tmp_path / f"{source.stem}.html").read_bytes())
        read = read_path(as_doc)
        assert read.format == "html"
        html_lines = [squeeze(line) for line in read.text.split("\n")]
        for line in read_path(source).text.split("\n"):
            paragraph = _MARKER.sub("", squeeze(line))  # LibreOffice writes list numbers as <ol>
            assert any(html_line.endswith(paragraph) for html_line in html_lines), (source.name, line)


def _list_page(lines: list[str], list_attributes: str) -> bytes:
    """The seed as a numbered list of parts, each <li> holding its heading and paragraphs."""
    parts = [index for index, line in enumerate(lines) if _PART.match(line)]
    items = []
    for start, end in zip(parts, [*parts[1:], len(lines)], strict=True):
        heading = _PART.sub("", lines[start])
        items.append(f"<li><p>{html.escape(heading)}</p>\n{_paragraphs(lines[start + 1 : end])}</li>")
    return _page(f"{_paragraphs(lines[: parts[0]])}\n<ol {list_attributes}>\n" + "\n".join(items) + "\n</ol>")


@pytest.mark.parametrize("key", SEED_KEYS)
def test_paragraphs_inside_a_numbered_list_are_all_read(key, tmp_path):
    lines = _seed_lines(key)
    plain, listed = tmp_path / "plain.html", tmp_path / "listed.html"
    plain.write_bytes(_page(_paragraphs(lines)))
    listed.write_bytes(_list_page(lines, 'style="list-style-type: cjk-ideographic"'))
    text = read_path(listed).text
    assert han_coverage(seed_text(key), text) == 1.0
    assert text == read_path(plain).text  # "一、" … drawn as a browser draws them
    assert _elements(listed) == _elements(plain)


@pytest.mark.parametrize(
    ("attributes", "markers"),
    [
        ('type="I"', ["I. ", "II. ", "III. ", "IV. ", "V. ", "VI. ", "VII. "]),
        ('type="a" start="3"', ["c. ", "d. ", "e. ", "f. ", "g. ", "h. ", "i. "]),
        (
            'start="9" style="list-style: cjk-ideographic inside"',
            ["九、", "十、", "十一、", "十二、", "十三、", "十四、", "十五、"],
        ),
        ('style="list-style-type: simp-chinese-formal"', [f"{n}、" for n in "壹贰叁肆伍陆柒"]),
        ("", [""] * 7),  # a plain <ol> does not say how it counts: no marker
    ],
)
def test_list_markers_follow_the_list_style(attributes, markers):
    lines = _seed_lines("004")  # seven parts, 一、 to 七、
    read = read_bytes(_list_page(lines, attributes), ".html").text.split("\n")
    headings = [_PART.sub("", line) for line in lines if _PART.match(line)]
    assert len(headings) == len(markers) == 7
    for heading, marker in zip(headings, markers, strict=True):
        assert f"{marker}{heading}".rstrip() in read, marker


def test_a_wrapped_publication_table_gives_whole_values():
    """A CMS wraps the metadata cells' source too: 成文日期 and 发布机构 are read whole."""
    body = "".join(f"<p>{line}</p>" for line in seed_text("001").split("\n") if line.strip())
    page = (
        '<html><head><meta charset="utf-8"><title>报告</title></head><body><table><tr>'
        "<td>发布机构：</td><td>卢氏县退役军人\n事务局</td><td>成文日期：</td><td>2025年1月\n23日</td>"
        f'</tr></table><div id="zoom">{body}</div></body></html>'
    ).encode()
    source = read_bytes(page, ".html")
    assert source.meta["发布机构"] == "卢氏县退役军人事务局"
    assert source.meta["成文日期"] == "2025年1月23日"
    assert analyse_bytes(page, "report.html").result.meta.date == "2025-01-23"
