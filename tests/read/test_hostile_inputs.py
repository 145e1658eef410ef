"""Hostile inputs built from a seed file: each is read within bounds, or refused with a code and
a plain message; never ``internal``, never a string that grows with a number in the file."""

from __future__ import annotations

import codecs
import re
import time
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest

from checker.api import check_file
from checker.i18n import t
from checker.read import InputError, docx_text, read_bytes, source
from checker.read.counters import MAX_DRAWN
from checker.read.depth import MAX_ATTRIBUTES, check_attributes
from checker.read.docx_numbering import format_number
from checker.read.pdf_furniture import furniture_mask
from checker.read.source import MAX_LINES, MAX_PARAGRAPHS, SourceText
from tests.read_support import FORMATS, fixture

# seed0.docx numbers its part headings with list 90, level 0: chineseCounting "%1、"
LEVEL = '<w:start w:val="{}"/><w:numFmt w:val="{}"/><w:suff w:val="nothing"/><w:lvlText w:val="{}"/>'
SEED_LEVEL0 = LEVEL.format("1", "chineseCounting", "%1、")
SEED_NUM90 = '<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def seed_docx(**edits: Callable[[str], str]) -> bytes:
    """seed0.docx with some parts rewritten: ``document``, ``numbering``, ``styles`` (word/*.xml)."""
    source = fixture("seed0.docx")
    out = BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for entry in original.infolist():
            data = original.read(entry)
            edit = edits.get(entry.filename.removeprefix("word/").removesuffix(".xml"))
            if edit is not None:
                text = data.decode("utf-8")
                changed = edit(text)
                assert changed != text, f"edit of {entry.filename} changed nothing"
                data = changed.encode("utf-8")
            copy.writestr(entry, data)
    return out.getvalue()


def seed_level0(start: str, fmt: str, text: str = "%1、") -> Callable[[str], str]:
    return lambda xml: xml.replace(SEED_LEVEL0, LEVEL.format(start, fmt, text))


def lines(data: bytes, suffix: str = ".docx") -> list[str]:
    return read_bytes(data, suffix).text.split("\n")


# F1: a list counter parsed from the file can be any number; no format may draw it at length


@pytest.mark.parametrize(
    "fmt",
    [
        "upperLetter",
        "lowerLetter",
        "upperRoman",
        "lowerRoman",
        "decimalFullWidth",
        "ideographDigital",
        "chineseCounting",
        "hex",
        "decimalZero",
        "bullet",
    ],
)
@pytest.mark.parametrize("start", ["10000000000", "1000000000000", "9" * 5001, "-99999999999"])
def test_a_huge_list_start_draws_a_short_marker(fmt, start):
    data = seed_docx(numbering=seed_level0(start, fmt))
    parts = [line for line in lines(data) if line.endswith(("主要举措及成效", "法治政府建设主要问题和不足"))]
    assert len(parts) == 2 and all(len(line) < 60 for line in parts), parts


def test_a_huge_start_override_draws_a_short_marker():
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="100000000000"/></w:lvlOverride>'
    data = seed_docx(
        numbering=lambda xml: seed_level0("1", "upperRoman")(xml).replace(
            SEED_NUM90, SEED_NUM90.replace("</w:num>", override + "</w:num>")
        )
    )
    assert max(len(line) for line in lines(data)) < 1000  # the longest body paragraph, not a numeral


def test_a_long_level_pattern_is_cut():
    data = seed_docx(numbering=seed_level0("3000", "upperLetter", "%1" * 5000))
    assert max(len(line) for line in lines(data)) < 10_000  # 580,000 characters uncut


@pytest.mark.parametrize(
    "fmt",
    [
        "upperLetter",
        "upperRoman",
        "ideographDigital",
        "decimalEnclosedParen",
        "ideographEnclosedCircle",
        "chineseLegalSimplified",
        "hex",
        "numberInDash",
    ],
)
@pytest.mark.parametrize("value", [MAX_DRAWN + 1, 32767, 10**12, 10**100])
def test_every_format_is_bounded(fmt, value):
    assert format_number(value, fmt) in (str(value), f"({value})", f"{value}.", f"- {value} -")


def test_ordinary_values_keep_their_styles():
    assert format_number(28, "upperLetter") == "BB"
    assert format_number(2024, "upperRoman") == "MMXXIV"
    assert format_number(2024, "taiwaneseDigital") == "二〇二四"


WORDML_LEVEL1 = '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:nfc w:val="37"/>'


def seed_wordml(old: str, new: str) -> bytes:
    """seed3-word2003xml.doc (Word 2003 XML named .doc) with one piece of its XML replaced."""
    text = fixture("seed3-word2003xml.doc").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new).encode("utf-8")


@pytest.mark.parametrize("nfc", ["3", "1"])  # upperLetter, upperRoman
def test_word_2003_xml_list_start_is_bounded(nfc):
    data = seed_wordml(
        WORDML_LEVEL1, f'<w:lvl w:ilvl="1"><w:start w:val="1000000000000"/><w:nfc w:val="{nfc}"/>'
    )
    assert "（32767）发挥好法治建设带头人和主心骨的作用。" in "\n".join(lines(data, ".doc"))


# F6: an integer attribute that is no number is ignored, as Word does: never a ValueError

FIRST_NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'
FIRST_PARAGRAPH = "<w:p><w:r><w:t>株洲市退役军人事务局</w:t></w:r></w:p>"


def _first_paragraph(inner: str, properties: str = "") -> Callable[[str], str]:
    """Put ``properties`` (w:pPr children) and a run holding ``inner`` into the first paragraph."""
    return lambda xml: xml.replace(
        FIRST_PARAGRAPH,
        f"<w:p><w:pPr>{properties}</w:pPr><w:r><w:t>株洲市退役军人事务局</w:t>{inner}</w:r></w:p>",
        1,
    )


@pytest.mark.parametrize(
    "edits",
    [
        {"document": lambda xml: xml.replace(FIRST_NUMBERED, FIRST_NUMBERED.replace('"0"', '"one"'), 1)},
        {
            "document": lambda xml: xml.replace(
                FIRST_NUMBERED, FIRST_NUMBERED.replace('"0"', '"' + "7" * 5001 + '"')
            )
        },
        {"numbering": seed_level0("abc", "chineseCounting")},
        {"numbering": seed_level0("", "chineseCounting")},
        {
            "numbering": lambda xml: xml.replace(
                '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>',
                '<w:lvl w:ilvl="zero"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                '<w:lvlRestart w:val="x"/>',
            )
        },
        {"document": _first_paragraph("", '<w:outlineLvl w:val="x"/>')},
        {"document": _first_paragraph("", '<w:outlineLvl w:val="-7"/>')},
        {"document": _first_paragraph('<w:sym w:font="SimSun" w:char="ZZZZ"/>')},
        {"document": _first_paragraph('<w:sym w:font="SimSun" w:char="110000"/>')},
        {"document": _first_paragraph('<w:sym w:font="SimSun" w:char="' + "F" * 5001 + '"/>')},
        {"document": _first_paragraph('<w:sym w:font="SimSun" w:char=""/>')},
    ],
    ids=[
        "ilvl-word",
        "ilvl-5001-digits",
        "start-word",
        "start-empty",
        "abstract-ilvl-and-restart",
        "outline-word",
        "outline-negative",
        "sym-not-hex",
        "sym-past-unicode",
        "sym-5001-digits",
        "sym-empty",
    ],
)
def test_malformed_integer_attributes_are_ignored(edits):
    text = lines(seed_docx(**edits))
    assert text[0] == "株洲市退役军人事务局"
    assert "一、主要举措及成效" in text and "二、法治政府建设主要问题和不足" in text


def test_a_valid_symbol_is_kept():
    text = lines(seed_docx(document=_first_paragraph('<w:sym w:font="SimSun" w:char="2605"/>')))
    assert text[0] == "株洲市退役军人事务局★"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('<w:nfc w:val="37"/>', '<w:nfc w:val="x"/>'),
        ('<w:lvl w:ilvl="1">', '<w:lvl w:ilvl="one">'),
        ('<w:listPr><w:ilvl w:val="1"/>', '<w:listPr><w:ilvl w:val="eins"/>'),
        (
            '<w:list w:ilfo="1"><w:ilst w:val="0"/>',
            '<w:list w:ilfo="1"><w:ilst w:val="0"/>'
            '<w:lvlOverride w:ilvl="x"><w:startOverride w:val="y"/></w:lvlOverride>',
        ),
    ],
    ids=["nfc", "lvl-ilvl", "list-ilvl", "override"],
)
def test_word_2003_xml_malformed_integers_are_ignored(old, new):
    text = lines(seed_wordml(old, new), ".doc")
    assert text[0] == "魏都区退役军人事务局" and len(text) > 20


# F4: no surrogate code point leaves a reader (they cannot be encoded: audit's tokeniser died)


@pytest.mark.parametrize("char", ["D800", "DFFF", "DBFF"])
def test_a_surrogate_symbol_is_dropped(char):
    source = read_bytes(
        seed_docx(document=_first_paragraph(f'<w:sym w:font="SimSun" w:char="{char}"/>')), ".docx"
    )
    assert source.text.split("\n")[0] == "株洲市退役军人事务局"
    source.text.encode("utf-8")


def test_source_text_never_holds_surrogates():
    source = SourceText("法治\ud800政府\ud83d\ude00建设\udfff", meta={"发布机构": "\udc80局"})
    assert source.text == "法治\ufffd政府\U0001f600建设\ufffd" and source.meta == {"发布机构": "\ufffd局"}
    source.text.encode("utf-8")


def test_surrogate_references_in_html_are_replaced():
    page = fixture("seed0.html").read_bytes().decode("gb18030")
    page = page.replace("现将有关情况报告如下", "现将&#xD800;有关&#xDFFF;")
    text = read_bytes(page.encode("gb18030"), ".html").text
    assert "现将\ufffd有关\ufffd" in text


# F15: a small file of a million empty paragraphs or lines is refused before per-line work


def _refused(data: bytes, suffix: str) -> InputError:
    with pytest.raises(InputError) as caught:
        read_bytes(data, suffix)
    return caught.value


def test_a_docx_of_empty_paragraphs_is_refused_before_the_walk(monkeypatch):
    data = seed_docx(document=lambda xml: xml.replace("<w:body>", "<w:body>" + "<w:p/>" * MAX_PARAGRAPHS))
    assert len(data) < 100_000
    started = time.monotonic()
    error = _refused(data, ".docx")
    assert error.code == "too-many-lines" and error.details["limit"] == MAX_PARAGRAPHS
    assert time.monotonic() - started < 5  # the walk alone took 3 s (30 s for a million)
    monkeypatch.setattr(docx_text, "_paragraphs", None)  # refused before any paragraph is read
    assert _refused(data, ".docx").code == "too-many-lines"


def test_text_of_newlines_is_refused(tmp_path):
    text = fixture("seed0.txt").read_text(encoding="utf-8")
    assert _refused((text + "\n" * MAX_LINES).encode("utf-8"), ".txt").code == "too-many-lines"
    path = tmp_path / "lines.txt"
    path.write_text(text + "\n" * MAX_LINES, encoding="utf-8")
    result = check_file(path)
    assert result.error.code == "too-many-lines" and f"上限 {MAX_LINES} 个" in result.error.message


def test_word_2003_xml_of_empty_paragraphs_is_refused(monkeypatch):
    monkeypatch.setattr(source, "MAX_PARAGRAPHS", 1000)
    data = seed_wordml("<w:body>", "<w:body>" + "<w:p/>" * 1000)
    assert _refused(data, ".doc").code == "too-many-lines"


def test_reports_are_far_below_the_line_cap():
    for name in ("seed0.docx", "seed3-word2003xml.doc", "seed0.txt", "seed0.pdf"):
        assert (
            read_bytes(fixture(name).read_bytes(), Path(name).suffix).text.count("\n") < MAX_PARAGRAPHS // 100
        )


# F3: one element with thousands of attributes (lexbor: quadratic, in C, past any timer)


def _seed_page(attributes: str) -> bytes:
    page = fixture("seed0.html").read_bytes().decode("gb18030")
    assert page.count("<body>") == 1
    return page.replace("<body>", f"<body><div {attributes}>", 1).encode("gb18030")


@pytest.mark.parametrize(
    "attribute",
    ["a{}", 'a{}="x"', 'a{}="x>"', "a{}='>'", "a{}=x", "a<{}", '"{}'],
    ids=["bare", "quoted", "quoted-gt", "single-quoted-gt", "unquoted", "lt-in-name", "quote-name"],
)
def test_an_element_with_thousands_of_attributes_is_refused(attribute):
    data = _seed_page(" ".join(attribute.format(i) for i in range(MAX_ATTRIBUTES + 1)))
    error = _refused(data, ".html")
    assert error.code == "too-many-attributes" and error.details == {
        "count": MAX_ATTRIBUTES + 1,
        "limit": MAX_ATTRIBUTES,
    }
    read_bytes(_seed_page(" ".join(attribute.format(i) for i in range(MAX_ATTRIBUTES))), ".html")


def test_an_attribute_flood_is_refused_fast(tmp_path):
    path = tmp_path / "flood.html"
    path.write_bytes(_seed_page(" ".join(f"a{i}" for i in range(40_000))))  # lexbor: 3 s
    started = time.monotonic()
    result = check_file(path)
    assert result.error.code == "too-many-attributes" and "40000" in result.error.message
    assert time.monotonic() - started < 2


def test_real_pages_pass_the_attribute_scan():
    for page in FORMATS.glob("*.html"):
        check_attributes(page.read_bytes().decode("gb18030", "replace"), limit=30)


# F14: the right code for encrypted zips, lxml's depth limit, NUL padding, one-line pages


def test_a_zip_encrypted_docx_is_encrypted_not_corrupt():
    data = bytearray(fixture("seed0.docx").read_bytes())
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # local and central headers
        at = data.find(signature)
        while at >= 0:
            data[at + flags_at] |= 0x1
            at = data.find(signature, at + 4)
    assert _refused(bytes(data), ".docx").code == "encrypted"


def test_docx_xml_deeper_than_lxml_allows_is_too_deep():
    nested = "<w:customXml>" * 300 + "<w:p><w:r><w:t>法治</w:t></w:r></w:p>" + "</w:customXml>" * 300
    error = _refused(seed_docx(document=lambda xml: xml.replace("<w:body>", "<w:body>" + nested)), ".docx")
    assert error.code == "too-deep" and error.details == {"limit": 256}


def test_word_2003_xml_deeper_than_lxml_allows_is_too_deep():
    nested = "<wx:sub-section>" * 300 + "</wx:sub-section>" * 300
    assert _refused(seed_wordml("<w:body>", "<w:body>" + nested), ".doc").code == "too-deep"


@pytest.mark.parametrize(("name", "encoding"), [("seed0.txt", "utf-8"), ("seed0.gb18030.txt", "gb18030")])
@pytest.mark.parametrize("padding", [1, 7, 20_000])
def test_trailing_nul_bytes_are_padding(name, encoding, padding):
    data = fixture(name).read_bytes()
    source = read_bytes(data + b"\x00" * padding, ".txt")
    assert source.text == read_bytes(data, ".txt").text and encoding in source.encoding


def test_nul_bytes_inside_the_text_are_still_binary():
    data = fixture("seed0.txt").read_bytes().removeprefix(codecs.BOM_UTF8)
    assert _refused(data[:100] + b"\x00" * 50 + data[100:], ".txt").code == "binary"
    assert _refused(b"\x00" * 100, ".txt").code == "binary"


def test_utf16_without_a_bom_still_reads_with_trailing_nuls():
    text = fixture("seed0.txt").read_text(encoding="utf-8-sig")
    for data in (text.encode("utf-16-le"), codecs.BOM_UTF16_LE + text.encode("utf-16-le")):
        assert read_bytes(data + b"\x00\x00", ".txt").text == read_bytes(data, ".txt").text


def _one_line_pages(lines: list[str]) -> bytes:
    """A PDF (Helvetica, no embedded font) with one line of text a page, at the same place."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    kids = []
    for index, line in enumerate(lines):
        content = f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET".encode("ascii")
        objects[4 + 2 * index] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
        objects[5 + 2 * index] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % (4 + 2 * index)
        )
        kids.append(5 + 2 * index)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offsets[number] for number in range(1, len(objects) + 1))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_pdf_of_one_line_a_page_keeps_its_text():
    lines = [f"Item {number}: the rule of law report" for number in range(30)]
    assert read_bytes(_one_line_pages(lines), ".pdf").text.split("\n") == lines


def test_running_headers_are_still_dropped_when_there_is_body_text():
    body = ["First", "Second", "Third", "Fourth", "Fifth"]
    pages = [
        ["Header line", *(f"{word} paragraph of page {word * n}" for word in body), f"- {n} -"]
        for n in range(1, 6)
    ]
    assert furniture_mask(pages) == [[True, False, False, False, False, False, True]] * 5


# F13: a library's complaint reaches the user as a Chinese sentence, its English text after it

_LAUGHS = "".join(
    f'<!ENTITY {name} "{("&" + previous + ";") * 10 if previous else "a" * 10}">'
    for previous, name in zip(["", *"abcdefg"], "abcdefgh", strict=True)
)


def _plain_chinese(error: InputError) -> str:
    """The zh message, checked to say its cause in Chinese before any library text."""
    message = t(f"error.{error.code}", "zh", **error.details)
    head = message.split("（详情：")[0]
    assert set(re.findall(r"[A-Za-z]+", head)) <= {"docx", "XML", "PDF", "zip", "Word"}, message
    assert "<string>" not in message and "object at 0x" not in message
    return message


@pytest.mark.parametrize(
    ("edit", "cause"),
    [
        (
            lambda xml: xml.replace(
                "standalone='yes'?>", f"standalone='yes'?><!DOCTYPE w:document [{_LAUGHS}]>"
            ).replace("株洲市退役军人事务局</w:t>", "&h;</w:t>", 1),
            "实体引用展开过多",
        ),
        (lambda xml: xml[: len(xml) // 2], "XML 内容不符合语法"),
        (lambda xml: xml.replace("<w:body>", "<w:body><w:p xml>", 1), "XML 内容不符合语法"),
    ],
    ids=["billion-laughs", "truncated-xml", "attribute-without-value"],
)
def test_broken_docx_xml_is_said_in_chinese(edit, cause):
    error = _refused(seed_docx(document=edit), ".docx")
    assert error.code == "corrupt" and cause in _plain_chinese(error)


def test_a_truncated_docx_is_said_in_chinese():
    data = fixture("seed0.docx").read_bytes()
    error = _refused(data[: len(data) // 2], ".docx")
    assert error.code == "corrupt" and "zip 压缩包结构损坏" in _plain_chinese(error)


def test_a_pdf_page_that_fails_to_load_is_said_in_chinese():
    data = fixture("seed0.pdf").read_bytes()
    broken = data.replace(b"/Type /Page\n", b"/Type /Pagx\n").replace(b"/Type/Page", b"/Type/Pagx")
    error = _refused(broken, ".pdf")
    assert error.code == "corrupt" and "PDF 中有页面结构损坏" in _plain_chinese(error)


def test_a_pdf_that_fails_to_open_is_said_in_chinese():
    data = fixture("seed0.pdf").read_bytes()
    error = _refused(data[:3000], ".pdf")  # cut: no cross-reference table, no pages
    assert error.code == "corrupt" and "PDF 文件结构损坏" in _plain_chinese(error)


def test_broken_word_2003_xml_is_said_in_chinese():
    error = _refused(seed_wordml("<w:body>", "<w:body><w:p xml>"), ".doc")
    assert error.code == "corrupt" and "XML 内容不符合语法" in _plain_chinese(error)
