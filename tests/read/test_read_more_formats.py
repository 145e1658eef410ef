"""Web archives (MHT) and Word 2003 XML, as 公文 systems hand them out, often named .doc."""

from __future__ import annotations

import shutil

import pytest

from checker.read import InputError, read_bytes, read_path
from tests.conftest import seed_text
from tests.read_support import fixture, squeeze

# (archive, the page it wraps): Word's QP/gb2312 "单个文件网页" named .doc, IE's base64/UTF-8 one
MHT_FIXTURES = [("seed0-word-mht.doc", "seed0.html", "gb18030"), ("seed2-ie.mht", "seed2.html", "utf-8")]


def _mime(parts: str) -> bytes:
    """A minimal web archive around ``parts`` (each already with its headers)."""
    head = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n'
    return (head + parts + "--B--\r\n").encode("utf-8")


@pytest.mark.parametrize(("name", "page", "encoding"), MHT_FIXTURES)
def test_mht_reads_as_the_page_it_archives(name, page, encoding):
    archived, direct = read_path(fixture(name)), read_path(fixture(page))
    assert archived.format == "mht"
    assert archived.encoding == encoding
    assert archived.text == direct.text
    assert archived.meta == direct.meta


def test_mht_under_a_docx_name_is_read_as_a_web_archive(tmp_path):
    renamed = tmp_path / "report.docx"
    shutil.copy(fixture("seed2-ie.mht"), renamed)
    source = read_path(renamed)
    assert source.format == "mht"
    assert squeeze(seed_text("002")) in squeeze(source.text)


def test_mht_part_charset_wins_over_a_wrong_page_label():
    html = '<html><head><meta charset="utf-8"></head><body><p>法治政府建设年度报告</p></body></html>'
    part = "--B\r\nContent-Type: text/html; charset=gb2312\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    import base64

    data = _mime(part + base64.b64encode(html.encode("gb18030")).decode("ascii") + "\r\n")
    source = read_bytes(data, ".mht")
    assert source.text == "法治政府建设年度报告"


def test_mht_without_a_page_is_corrupt():
    data = _mime("--B\r\nContent-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lGODlh\r\n")
    with pytest.raises(InputError) as caught:
        read_bytes(data, ".mhtml")
    assert caught.value.code == "corrupt"


def test_word_2003_xml_under_a_doc_name_is_the_seed_text():
    source = read_path(fixture("seed3-word2003xml.doc"))
    paragraphs = [line.strip() for line in seed_text("003").splitlines() if line.strip()]
    assert source.format == "wordml"
    assert squeeze(source.text) == squeeze(seed_text("003"))
    assert len(source.text.split("\n")) == len(paragraphs)
    assert source.label(1) == "第1段"
    assert "表格1第1行第1列" in (source.line_labels or ())


def test_word_2003_xml_numbers_lists_and_leaves_out_what_is_not_printed():
    lines = read_path(fixture("seed3-word2003xml.doc")).text.split("\n")
    assert lines[3].startswith("一、党政主要负责人")  # Word's own rendering (wx:t)
    assert lines[5].startswith("（一）发挥好")  # replayed from w:lists (no wx:t)
    text = "\n".join(lines)
    for left_out in ("已删除的旧表述", "批注", "内部备注", "公开发布稿", "第 1 页"):
        assert left_out not in text


def test_word_2003_xml_does_not_expand_entities():
    entity = "&e;" * 10
    data = (
        '<?xml version="1.0"?><!DOCTYPE w:wordDocument [<!ENTITY e "膨胀膨胀膨胀膨胀">]>'
        '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>'
        f"<w:p><w:r><w:t>法治政府建设年度报告{entity}</w:t></w:r></w:p></w:body></w:wordDocument>"
    ).encode()
    source = read_bytes(data, ".doc")
    assert source.format == "wordml"
    assert "膨胀" not in source.text


def test_word_2003_xml_that_is_malformed_is_corrupt():
    data = (
        b'<?xml version="1.0"?><?mso-application progid="Word.Document"?>'
        b'<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><w:p>'
    )
    with pytest.raises(InputError) as caught:
        read_bytes(data, ".doc")
    assert caught.value.code == "corrupt"
