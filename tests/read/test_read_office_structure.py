""".doc, .wps, .odt and .rtf reports keep the docx reader's structure (paragraph and table-cell
labels, alignment, heading styles): LibreOffice converts them to docx, not to plain text.

The reports are tests/parse/test_table_cells.py's: parts as bold lines or Heading 1, a
statistics table, a task table in the plan, a one-cell box, a right-aligned signature and date,
a table as 附件 after the date. LibreOffice saves them as Word 97–2003, ODT and RTF; a .wps is
such a Word-compatible file (as WPS Office saves it) under its own name.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from checker.api import analyse_bytes
from checker.read import office_convert, read_bytes
from checker.read.errors import InputError
from tests.parse.test_table_cells import AGENCY, PARTS, TASKS, TODAY, _report
from tests.read_support import require_tool

FILTERS = {".doc": "doc:MS Word 97", ".odt": "odt", ".rtf": "rtf"}
SUFFIXES = (".doc", ".wps", ".odt", ".rtf")


@functools.cache
def _converted(style: str, suffix: str) -> bytes:
    """The report saved by LibreOffice in the format of ``suffix``."""
    if suffix == ".wps":
        return _converted(style, ".doc")
    with tempfile.TemporaryDirectory(prefix="fzcheck-test-") as tmp:
        source = Path(tmp) / "report.docx"
        source.write_bytes(_report(style))
        binary = shutil.which("soffice") or "soffice"
        profile = (Path(tmp) / "profile").as_uri()
        command = [binary, f"-env:UserInstallation={profile}", "--headless", "--convert-to"]
        target = [FILTERS[suffix], "--outdir", tmp, str(source)]
        subprocess.run([*command, *target], capture_output=True, timeout=120)
        return (Path(tmp) / f"report{suffix}").read_bytes()


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_table_cells_in_a_converted_report_are_no_parts(suffix):
    # before: each short cell (2023年, 责任单位, 完成时限) of the tables was a part of its own
    require_tool("soffice")
    analysis = analyse_bytes(_converted("bold", suffix), f"report{suffix}", today=TODAY)
    assert analysis.result.format == suffix[1:]
    document = analysis.document
    assert document is not None
    assert [s.heading.title for s in document.sections] == PARTS
    plan = [p.text for p in document.sections[3].body]
    rows = ["".join(row) for row in TASKS]
    assert [text for text in plan if text in rows] == rows  # a task row is one item of the plan
    assert document.signature is not None and document.signature.text == AGENCY
    assert document.date is not None and document.date.iso == "2025-03-10"


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_word_heading_styles_survive_the_conversion(suffix):
    require_tool("soffice")
    source = read_bytes(_converted("Heading 1", suffix), suffix)
    assert source.format == suffix[1:]
    assert source.layout is not None
    headings = [
        line
        for line, hint in zip(source.text.split("\n"), source.layout, strict=True)
        if hint is not None and hint.style == "heading"
    ]
    assert headings == PARTS


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_converted_report_keeps_cell_labels_and_its_right_aligned_signature(suffix):
    require_tool("soffice")
    source = read_bytes(_converted("bold", suffix), suffix)
    assert source.layout is not None and source.line_labels is not None
    lines = source.text.split("\n")
    signature = len(lines) - 1 - lines[::-1].index(AGENCY)
    assert source.layout[signature] is not None and source.layout[signature].align == "right"
    assert lines[signature + 1] == "2025年3月10日" and source.layout[signature + 1].align == "right"
    labelled = zip(source.line_labels, source.layout, strict=True)
    cells = [label for label, hint in labelled if hint is not None and hint.cell is not None]
    assert "表格3第1行第3列" in cells  # the task table's header cell 责任单位
    assert source.line_labels[0] == "第1段"


def test_a_failed_docx_conversion_falls_back_to_the_text(monkeypatch):
    require_tool("soffice")
    convert = office_convert._soffice_convert

    def no_docx(data, suffix, target, extension, timeout):
        if extension == "docx":
            raise InputError("corrupt", error="LibreOffice: 无法转换")
        return convert(data, suffix, target, extension, timeout)

    monkeypatch.setattr(office_convert, "_soffice_convert", no_docx)
    source = read_bytes(_converted("bold", ".wps"), ".wps")
    assert source.format == "wps"
    assert source.layout is None
    assert AGENCY in source.text.split("\n")
