"""Files as offices really make them: a two-page PDF, a .doc numbered by Word, RTF and ODT."""

from __future__ import annotations

import shutil

import pytest

from checker.api import check_file
from checker.read import read_path
from checker.read.errors import InputError
from checker.read.office_convert import has_numbered_lists
from checker.read.pdf_furniture import furniture_mask
from tests.conftest import seed_text
from tests.read_support import BAD, fixture, require_tool, squeeze


def _statuses(path) -> dict[str, str]:
    result = check_file(str(path))
    return {element.id: element.status for element in result.elements}


def test_a_line_at_opposite_edges_of_two_pages_is_no_running_head():
    """The issuing body opens page 1 and, as the signature, closes page 2."""
    first, second = ([f"{page}页正文{line}" for line in "甲乙丙丁戊"] for page in "上下")
    pages = [
        ["某某县司法局", "关于2024年法治政府建设情况的报告", *first],
        [*second, "某某县司法局", "2025年3月1日"],
    ]
    assert furniture_mask(pages) == [[False] * 7, [False] * 7]
    headed = [["某某县司法局", *first], ["某某县司法局", *second]]  # the top of both pages: a header
    assert furniture_mask(headed) == [[True] + [False] * 5, [True] + [False] * 5]


def test_a_two_page_pdf_keeps_its_agency_line_and_signature():
    path = fixture("short-seed0.pdf")
    source = read_path(path)
    assert squeeze(source.text) == squeeze(seed_text("000"))
    statuses = _statuses(path)
    assert statuses["title"] == "present"
    assert statuses["signature"] == "present" and statuses["date"] == "present"


def _brackets(text: str) -> str:
    return text.replace("（", "(").replace("）", ")")


def test_a_doc_numbered_by_word_keeps_its_part_numbers():
    """antiword leaves out numbers Word writes itself; such a .doc goes to LibreOffice."""
    require_tool("soffice")
    require_tool("antiword")
    path = fixture("numbered-seed1.doc")
    assert has_numbered_lists(path.read_bytes())
    assert not has_numbered_lists(fixture("seed1.doc").read_bytes())
    source = read_path(path)
    assert source.format == "doc"
    assert squeeze(_brackets(source.text)) == squeeze(_brackets(seed_text("001")))
    assert any(line.strip().startswith("一、") for line in source.text.splitlines())
    assert _statuses(path) == _statuses(fixture("seed1.docx"))


@pytest.mark.parametrize(("name", "fmt"), [("seed0.rtf", "rtf"), ("seed0.odt", "odt")])
def test_rtf_and_odt_are_read_through_libreoffice(name, fmt):
    require_tool("soffice")
    source = read_path(fixture(name))
    assert source.format == fmt
    assert squeeze(source.text) == squeeze(seed_text("000"))


@pytest.mark.parametrize("suffix", [".doc", ".docx"])
def test_an_odt_under_a_word_name_is_read_as_odt(tmp_path, suffix):
    require_tool("soffice")
    renamed = tmp_path / f"report{suffix}"
    shutil.copyfile(fixture("seed0.odt"), renamed)
    source = read_path(renamed)
    assert source.format == "odt"
    assert squeeze(source.text) == squeeze(seed_text("000"))


def test_a_docx_named_odt_is_read_as_docx(tmp_path):
    renamed = tmp_path / "report.odt"
    shutil.copyfile(fixture("seed1.docx"), renamed)
    assert read_path(renamed).format == "docx"


def test_a_docx_named_wps_is_read_as_docx(tmp_path):
    """WPS users' files are not always WPS inside: a docx saved as .wps is read by the docx reader."""
    renamed = tmp_path / "report.wps"
    shutil.copyfile(fixture("seed1.docx"), renamed)
    source = read_path(renamed)
    assert source.format == "docx"
    assert source.text == read_path(fixture("seed1.docx")).text


def test_a_zip_bomb_named_wps_is_refused_as_one(tmp_path):
    """Named .wps, the bomb went to LibreOffice, which read it, past the zip guards."""
    renamed = tmp_path / "report.wps"
    shutil.copyfile(BAD / "bomb.docx", renamed)
    with pytest.raises(InputError) as caught:
        read_path(renamed)
    assert caught.value.code == "zip-bomb"
