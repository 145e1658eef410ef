"""Hostile files of classes the readers mishandled: each gets its code and a message in both
languages, never ``internal``, a hang or a silent misreading."""

from __future__ import annotations

import email
import io
import os
import re
import warnings
import zipfile
from pathlib import Path

import pytest

from checker.api import analyse_file
from checker.read import InputError, office_convert, read_path
from tests.conftest import SEEDS, seed_text
from tests.read_support import fixture

W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _result(path: Path, lang: str = "zh"):
    return analyse_file(path, lang=lang).result


def _error(path: Path, lang: str = "zh") -> tuple[str, str]:
    result = _result(path, lang)
    assert result.error is not None, result
    return result.error.code, result.error.message


def _docx_with(path: Path, parts: dict[str, bytes], extra: list[tuple[str, bytes]] = ()) -> Path:
    """seed0.docx with some parts replaced and ``extra`` entries appended (duplicates allowed)."""
    source = zipfile.ZipFile(fixture("seed0.docx"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            archive.writestr(name, parts.get(name, source.read(name)))
        for name, data in extra:
            with warnings.catch_warnings():  # zipfile warns of a duplicate name it writes
                warnings.simplefilter("ignore")
                archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    "document",
    [
        b"<x/>",
        "<html><body><p>2024年法治政府建设报告</p></body></html>".encode(),
        b"<w:document " + W + b"/>",
    ],
    ids=["other-root", "html-root", "no-body"],
)
def test_a_docx_whose_main_part_is_no_word_body_is_corrupt(tmp_path, document):
    path = _docx_with(tmp_path / "r.docx", {"word/document.xml": document})
    code, message = _error(path)
    assert code == "corrupt"
    assert message == "文件已损坏或格式不正确：不是 Word 文档（正文部分不是 Word 的正文格式）"
    assert _error(path, "en")[1].endswith("not a Word document (its main part holds no Word body)")


@pytest.mark.parametrize("second", ["word/document.xml", "WORD/Document.xml"])
def test_a_docx_with_two_parts_of_one_name_is_corrupt(tmp_path, second):
    path = _docx_with(tmp_path / "r.docx", {}, [(second, b"<w:document " + W + b"><w:body/></w:document>")])
    code, message = _error(path)
    assert code == "corrupt" and f"压缩包中有两个同名的部分“{second}”" in message
    assert f"the archive holds two parts named '{second}'" in _error(path, "en")[1]


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".docx", ".rtf", ".odt"])
def test_a_pdf_under_a_word_name_is_read_as_the_pdf(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    path.write_bytes(fixture("seed0.pdf").read_bytes())
    result = _result(path)
    assert result.error is None and result.is_report and result.meta.agency == "株洲市退役军人事务局"


@pytest.mark.parametrize("name", ["seed0.docx", "seed0.html"])
def test_a_word_file_or_page_under_a_pdf_name_is_read_as_what_it_is(tmp_path, name):
    path = tmp_path / "report.pdf"
    path.write_bytes(fixture(name).read_bytes())
    result = _result(path)
    assert result.error is None and result.is_report


def _mht(body: str) -> bytes:
    return ("MIME-Version: 1.0\r\n" + body).encode()


def test_a_web_archive_nested_3000_deep_is_too_deep_not_a_recursion_error(tmp_path):
    inner = f"Content-Type: text/html; charset=utf-8\r\n\r\n<html><body>{seed_text('000')}</body></html>"
    for level in range(3000):
        header = f'Content-Type: multipart/related; boundary="b{level}"\r\n\r\n'
        inner = f"{header}--b{level}\r\n{inner}\r\n--b{level}--"
    path = tmp_path / "deep.mht"
    path.write_bytes(_mht(inner))
    code, message = _error(path)
    assert (code, message) == (
        "too-deep",
        "文档嵌套过深（超过 50 层），不像一份正常的报告，为安全起见拒绝读取。",
    )


def test_a_web_archive_of_200000_parts_is_refused_before_parsing(tmp_path, monkeypatch):
    part = "--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n"
    parts = part * 200_000
    path = tmp_path / "parts.mht"
    path.write_bytes(_mht(f'Content-Type: multipart/related; boundary="B"\r\n\r\n{parts}--B--\r\n'))

    def no_parsing(*args, **kwargs):
        raise AssertionError("the archive was parsed")

    monkeypatch.setattr(email, "message_from_bytes", no_parsing)
    code, message = _error(path)
    assert code == "corrupt" and "MHT 网页档案的部分过多（超过 5000 个）" in message
    assert "the MHT web archive holds too many parts (over 5000)" in _error(path, "en")[1]


def _pdf_of_pages(count: int) -> bytes:
    """A small PDF whose page tree lists one page ``count`` times."""
    content = b"BT /F1 12 Tf 72 720 Td (Annual report) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join([b"3 0 R"] * count) + b"] /Count %d >>" % count,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_pdf_of_200000_pages_is_refused_by_its_page_count(tmp_path):
    path = tmp_path / "pages.pdf"
    path.write_bytes(_pdf_of_pages(200_000))  # 1.2 MB; read page by page it took 1 GB
    code, message = _error(path)
    assert code == "too-many-pages"
    assert message == "文件页数过多（200000 页，上限 5000 页），不像一份年度报告，已跳过。"
    english = "The document has too many pages (200000, limit 5000); not an annual report."
    assert _error(path, "en")[1] == english


@pytest.mark.parametrize("suffix", [".rtf", ".doc", ".wps"])
def test_rtf_binary_data_past_the_end_is_refused_before_libreoffice(tmp_path, monkeypatch, suffix):
    path = tmp_path / f"report{suffix}"
    path.write_bytes(b"{\\rtf1 {\\bin999999999 x}" + seed_text("000")[:200].encode("ascii", "ignore") + b"}")

    def no_tool(*args, **kwargs):
        raise AssertionError("LibreOffice was started")

    monkeypatch.setattr(office_convert, "soffice_path", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(office_convert, "run_tool", no_tool)
    assert _error(path) == ("corrupt", "文件已损坏或格式不正确：RTF 中声明的二进制数据超出了文件末尾")
    assert _error(path, "en")[1].endswith("the RTF declares binary data that runs past the end of the file")


def test_libreoffice_start_up_warnings_are_not_the_reason_given(tmp_path, monkeypatch):
    import subprocess

    def failing(command, timeout, **kwargs):
        stderr = (
            b"Warning: failed to launch javaldx - java may not function correctly\n"
            b"Error: source file could not be loaded\n"
        )
        return subprocess.CompletedProcess(command, 1, b"", stderr)

    monkeypatch.setattr(office_convert, "soffice_path", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(office_convert, "run_tool", failing)
    path = tmp_path / "empty-ole.wps"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    assert _error(path) == ("corrupt", "文件已损坏或格式不正确：LibreOffice 无法打开该文件")
    assert _error(path, "en")[1] == "The file is corrupt or malformed: LibreOffice cannot open the file"


def _page(charset: str) -> str:
    body = "".join(f"<p>{line}</p>" for line in seed_text("000").splitlines())
    return f'<html><head><meta charset="{charset}"></head><body>{body}</body></html>'


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_page_without_a_bom_is_read(tmp_path, encoding):
    path = tmp_path / "page.html"
    path.write_bytes(_page("utf-16").encode(encoding))
    result = _result(path)
    assert result.error is None and result.is_report and result.meta.agency == "株洲市退役军人事务局"


def test_a_utf8_page_labelled_utf16_is_read_as_utf8(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(_page("utf-16").encode("utf-8"))
    result = _result(path)
    assert result.error is None and result.is_report


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_text_with_a_few_damaged_bytes_is_read(tmp_path, encoding):
    data = seed_text("000").encode(encoding)
    middle = len(data) // 2
    path = tmp_path / "report.txt"
    path.write_bytes(data[:middle] + b"\xff\x80\xfe" + data[middle:])
    source = read_path(path)
    assert source.encoding == ("utf-8" if encoding == "utf-8" else "gb18030")
    assert "株洲市退役军人事务局" in source.text and 1 <= source.text.count("\ufffd") <= 4


def test_bytes_that_are_mostly_undecodable_are_still_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 200)
    with pytest.raises(InputError) as caught:
        read_path(path)
    assert caught.value.code == "decode"


def test_the_seed_reports_still_read_as_before():
    for key in ("000", "001"):
        assert read_path(SEEDS[key]).encoding == "utf-8"
    assert os.path.exists(fixture("seed1.gbk.txt"))
    assert read_path(fixture("seed1.gbk.txt")).encoding == "gb18030"


@pytest.mark.parametrize(
    "data",
    [b"\xef\xbb\xbf", b"\xff\xfe", "\ufeff\u3000\n\t \r\n".encode(), "\u3000\n".encode("gbk") * 500],
    ids=["utf8-bom", "utf16-bom", "blanks", "gbk-full-width-spaces"],
)
def test_a_text_of_a_bom_or_blanks_alone_is_empty_not_a_non_report(tmp_path, data):
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    assert _error(path) == ("empty", "文件为空，没有可检查的内容。")


def _zip_without(name: str) -> bytes:
    source = zipfile.ZipFile(fixture("seed0.docx"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry in source.namelist():
            if entry != name:
                archive.writestr(entry, source.read(entry))
    return buffer.getvalue()


CORRUPT_FILES = {
    "truncated.docx": lambda: fixture("seed0.docx").read_bytes()[:5000],
    "no-content-types.docx": lambda: _zip_without("[Content_Types].xml"),
    "broken-xml.docx": lambda: _docx_bytes({"word/document.xml": b"<w:document " + W + b"><w:body><w:p>"}),
    "truncated.pdf": lambda: fixture("seed0.pdf").read_bytes()[:3000],
    "not-multipart.mht": lambda: b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n<html></html>",
    "no-page.mht": lambda: _mht(
        'Content-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
        "Content-Type: image/png\r\n\r\nAAAA\r\n--B--\r\n"
    ),
    "frameset.html": lambda: b"<html><frameset><frame src='a.html'></frameset></html>",
    "word2003.doc": lambda: (
        b'<?xml version="1.0"?><?mso-application progid="Word.Document"?>'
        b'<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><w:p>'
    ),
}


def _docx_bytes(parts: dict[str, bytes]) -> bytes:
    source = zipfile.ZipFile(fixture("seed0.docx"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in source.namelist():
            archive.writestr(name, parts.get(name, source.read(name)))
    return buffer.getvalue()


@pytest.mark.parametrize("name", sorted(CORRUPT_FILES))
def test_why_a_file_is_corrupt_is_said_in_english_under_lang_en(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(CORRUPT_FILES[name]())
    code, message = _error(path, "en")
    assert code == "corrupt"
    assert not re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", message), message
    zh_code, zh_message = _error(path)
    assert zh_code == "corrupt" and zh_message.startswith("文件已损坏或格式不正确：")


def _docx_of_chunk_references(references: int, chunk: bytes) -> bytes:
    """seed0.docx whose body ends with ``references`` altChunks that all show one HTML part."""
    source = zipfile.ZipFile(fixture("seed0.docx"))
    parts = {name: source.read(name) for name in source.namelist()}
    chunk_tag = b'<w:altChunk r:id="rIdChunk"/>'
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"</w:body>", chunk_tag * references + b"</w:body>"
    )
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdChunk" Target="chunk.html" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/aFChunk"/></Relationships>',
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Default Extension="html" ContentType="text/html"/></Types>'
    )
    parts["word/chunk.html"] = chunk
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_altchunks_that_all_show_one_part_are_refused_before_their_sum_is_built(tmp_path, monkeypatch):
    from checker.read import docx_chunks

    paragraph = "<p>" + "法" * 200 + "</p>"
    chunk = ("<html><body>" + paragraph * 30 + "</body></html>").encode()
    path = tmp_path / "amplified.docx"
    path.write_bytes(_docx_of_chunk_references(20_000, chunk))  # 28 KB; 120 M characters shown
    assert path.stat().st_size < 100_000
    reads = []
    read_chunk = docx_chunks.html_fragment_lines

    def counted(data: bytes) -> list[str]:
        reads.append(len(data))
        return read_chunk(data)

    monkeypatch.setattr(docx_chunks, "html_fragment_lines", counted)
    code, message = _error(path)
    assert code == "too-long" and "上限 5000000 字" in message
    # about 6,000 characters a chunk: the cap is passed near the 830th, the other 19,000 are unread
    assert 800 < len(reads) < 900


def test_an_altchunk_shown_once_is_still_read(tmp_path):
    chunk = ("<html><body><p>" + seed_text("001").replace("\n", "</p><p>") + "</p></body></html>").encode()
    path = tmp_path / "chunk.docx"
    path.write_bytes(_docx_of_chunk_references(1, chunk))
    source = read_path(path)
    assert "卢氏县退役军人事务局" in source.text and "株洲市退役军人事务局" in source.text
