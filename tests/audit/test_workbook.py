"""audit.xlsx: report text stays text; the workbook's sheets, header, widths, filters and
conditional formats as openpyxl reads them; the helper process writes the same book."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from checker.audit import outputs, workbook
from checker.audit.corpus import load_corpus
from checker.audit.marker import MARKER_NAME
from checker.audit.run import DB_NAME, AuditOptions, options_key, run_audit
from checker.audit.store import Store
from checker.audit.workbook import write_workbook
from checker.audit.xlsx import Workbook
from checker.audit.xlsx import sheet as xlsx_sheet
from checker.options import CheckOptions
from checker.packs.pack import load_pack
from tests.conftest import SEEDS

openpyxl = pytest.importorskip("openpyxl")


def _sheets(path: Path) -> dict[str, bytes]:
    """The workbook's parts without docProps (which carry the creation time)."""
    with zipfile.ZipFile(path) as book:
        return {name: book.read(name) for name in book.namelist() if not name.startswith("docProps")}


def _sheets_of(content: bytes) -> dict[str, bytes]:
    """:func:`_sheets` of a workbook held in memory."""
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        return {name: book.read(name) for name in book.namelist() if not name.startswith("docProps")}


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    """The five seed reports and a broken docx audited into a store, no outputs written."""
    root = tmp_path_factory.mktemp("seeds")
    folder = root / "reports"
    folder.mkdir()
    for path in SEEDS.values():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 broken")
    options = CheckOptions(today=date.fromisoformat("2025-03-01"))
    run_audit([str(folder)], root / "out", AuditOptions(options, jobs=1, progress=False, outputs=False))
    pack = load_pack("national")
    return root / "out" / DB_NAME, options_key(pack.label, options), pack


def test_report_text_is_written_as_text_never_as_formula_or_link(tmp_path):
    values = ["文本", "", None, 3, 2.5, "=1+1", "{=SUM(A1:A2)}", "http://example.org", "行: 3", " 空", "@x"]
    values += ["+1", "-1", '=HYPERLINK("http://example.org")', "<r><t>x</t></r>"]
    # xlsxwriter's constant_memory mode wrote text from <r> to </r> as raw XML: this made B1 a formula
    values += ['<r><t>x</t></r></is></c><c r="B1"><f>HYPERLINK("http://example.org")</f></c><c><is><r></r>']
    path = tmp_path / "cells.xlsx"
    with Workbook(path) as book:  # as write_workbook writes the audit's rows
        book.sheet("s").rows([[], values])
    sheet = openpyxl.load_workbook(path).active
    cells = [sheet.cell(row=2, column=column + 1) for column in range(len(values))]
    assert [cell.value for cell in cells] == ["文本", None, None, 3, 2.5, *values[5:]]
    assert all(cell.data_type == "s" for cell in cells if isinstance(cell.value, str))
    assert all(cell.hyperlink is None for cell in cells)
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
        assert not [name for name in archive.namelist() if "_rels/sheet" in name]  # no link targets
    assert "<f>" not in sheet_xml and "hyperlink" not in sheet_xml


def _written(seeds_store, folder: Path) -> Path:
    """``audit.xlsx`` of the seeds' store, written into ``folder``."""
    db, key, pack = seeds_store
    store = Store(db)
    try:
        return write_workbook(load_corpus(store, key, pack), folder / "audit.xlsx")
    finally:
        store.close()


def test_audit_workbook_as_openpyxl_reads_it(seeds_store, tmp_path):
    path = _written(seeds_store, tmp_path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["汇总", "要素覆盖", "问题清单", "雷同", "错误"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        head = sheet["A1"]
        assert head.font.b and head.fill.fgColor.rgb == "FF1F4E79" and head.font.color.rgb == "FFFFFFFF"
        assert head.border.left.style == "thin" and head.alignment.wrap_text
    summary = book["汇总"]
    widths = [summary.column_dimensions[c].width for c in "ABCDEFGHI"]
    assert widths == [w + 0.7109375 for w in (6, 48, 28, 8, 8, 8, 10, 8, 10)]
    assert summary.auto_filter.ref == "A1:I6" and book["问题清单"].auto_filter.ref.startswith("A1:K")
    assert [type(summary.cell(2, c).value) for c in (1, 2, 4, 5, 8)] == [int, str, int, float, int]

    def rules(sheet):
        return [
            (str(cf.sqref), [(r.type, r.formula) for r in cf.rules]) for cf in sheet.conditional_formatting
        ]

    assert rules(summary) == [("E2:E6", [("colorScale", [])]), ("G2:G6", [("cellIs", ['"未通过"'])])]
    assert rules(book["要素覆盖"]) == [
        ("D2:J6", [("cellIs", ['"✓"']), ("cellIs", ['"△"']), ("cellIs", ['"✗"'])])
    ]
    findings = book["问题清单"]
    assert rules(findings) == [(f"F2:F{findings.max_row}", [("cellIs", ['"错误"'])])]
    errors = list(book["错误"].iter_rows(min_row=2, values_only=True))
    assert len(errors) == 1 and errors[0][0].endswith("broken.docx")
    dxfs = [(d.fill.bgColor.rgb, d.font.color.rgb) for d in book._differential_styles.dxf]
    assert dxfs == [("FFFFC7CE", "FF9C0006"), ("FFC6EFCE", "FF006100"), ("FFFFEB9C", "FF9C5700")]


def test_rows_past_a_sheets_limit_go_on_in_continuation_sheets_none_lost(seeds_store, tmp_path, monkeypatch):
    """Excel holds 1,048,576 rows a sheet: about 135,000 reports' findings. The writer raised
    ValueError there, after the whole audit had been checked; now the rows go on in 问题清单（续2）…"""
    whole = openpyxl.load_workbook(_written(seeds_store, tmp_path), read_only=True)
    expected = {name: list(whole[name].iter_rows(min_row=2, values_only=True)) for name in whole.sheetnames}
    monkeypatch.setattr(xlsx_sheet, "MAX_ROWS", 11)  # as if Excel took a header and 10 rows a sheet
    monkeypatch.setattr(workbook, "ROWS_PER_SHEET", 11, raising=False)
    (tmp_path / "small").mkdir()
    book = openpyxl.load_workbook(_written(seeds_store, tmp_path / "small"))
    findings = [name for name in book.sheetnames if name.startswith("问题清单")]
    assert len(expected["问题清单"]) > 20 and len(findings) == -(-len(expected["问题清单"]) // 10)
    assert book.sheetnames == ["汇总", "要素覆盖", *findings, "雷同", "错误"]
    assert findings[:3] == ["问题清单", "问题清单（续2）", "问题清单（续3）"]
    rows = []
    for name in findings:
        sheet = book[name]
        assert sheet.max_row <= 11 and sheet.freeze_panes == "A2"
        assert [c.value for c in sheet[1]] == [c.value for c in book["问题清单"][1]]  # the header again
        assert sheet.auto_filter.ref == f"A1:K{sheet.max_row}"
        rows += list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows == expected["问题清单"]  # every finding once, in order
    assert list(book["汇总"].iter_rows(min_row=2, values_only=True)) == expected["汇总"]


def _must_not_run(*_args):
    raise AssertionError("the workbook was written in the parent process")


def test_workbook_from_the_helper_process_equals_the_one_written_inline(seeds_store, tmp_path, monkeypatch):
    db, key, pack = seeds_store
    store = Store(db)
    try:
        assert store.count(key) == len(SEEDS) + 1
        written = {}
        for name, threshold in (("inline", 10**9), ("helper", 1)):
            monkeypatch.setattr(outputs, "PARALLEL_FROM", threshold)
            if name == "helper":  # this process must not write it: the helper did
                monkeypatch.setattr(outputs, "write_workbook", _must_not_run)
            target = tmp_path / name
            target.mkdir()
            paths = outputs.write_outputs(store, key, pack, target)
            assert [Path(p).name for p in paths] == [
                "results.json",
                "results.csv",
                "audit.xlsx",
                "index.html",
            ]
            written[name] = _sheets(target / "audit.xlsx")
    finally:
        store.close()
    assert written["inline"] == written["helper"]
    assert any(name.startswith("xl/worksheets/") for name in written["helper"])


def _calc() -> str:
    """soffice with its spreadsheet module (``libreoffice-calc-nogui``): a skip outside CI, a
    failure in CI, as for the other system tools."""
    import os
    import shutil

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    program = Path(os.path.realpath(soffice)).parent if soffice else None
    if soffice and program is not None and list(program.glob("libsclo.so*")):
        return soffice
    if os.environ.get("CI"):
        pytest.fail("CI must install libreoffice-calc-nogui (see .ci/run)")
    pytest.skip("LibreOffice Calc not installed: apt-get install libreoffice-calc-nogui")


def test_libreoffice_calc_opens_the_audit_workbook_and_reads_every_cell(seeds_store, tmp_path):
    """What a reader's spreadsheet program sees: LibreOffice converts every sheet to CSV, and
    each equals the sheet's cells as written (numbers as LibreOffice prints them)."""
    import csv
    import subprocess

    soffice = _calc()
    path = _written(seeds_store, tmp_path)
    profile = (tmp_path / "profile").as_uri()
    # 44,34,76: comma, double quote, UTF-8; the last -1: every sheet to its own file
    csv_filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            csv_filter,
            "--outdir",
            str(tmp_path / "csv"),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        exported = tmp_path / "csv" / f"audit-{sheet.title}.csv"
        assert exported.exists(), sorted(p.name for p in (tmp_path / "csv").iterdir())
        with exported.open(encoding="utf-8", newline="") as handle:
            seen = [row for row in csv.reader(handle)]
        written = [
            ["" if v is None else (f"{v:g}" if isinstance(v, float) else str(v)) for v in row]
            for row in sheet.iter_rows(values_only=True)
        ]
        width = max(map(len, written))
        assert [row + [""] * (width - len(row)) for row in seen] == written, sheet.title


def _interrupt(*_args, **_kwargs):
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("checker.audit.outputs", "element_status"),  # per row of results.csv, the file open
        ("checker.audit.dashboard", "_write_data"),  # index.html half written
        ("checker.audit.xlsx.book", "styles_xml"),  # inside the workbook's zip
    ],
)
def test_outputs_interrupted_while_written_keep_the_previous_ones(
    seeds_store, tmp_path, monkeypatch, module, name
):
    """Each output is written beside its name and renamed into place when complete: an audit
    stopped while writing one (Ctrl+C, a full disk) leaves the last complete set and no part file."""
    import importlib

    db, key, pack = seeds_store
    store = Store(db)
    try:
        monkeypatch.setattr(outputs, "PARALLEL_FROM", 10**9)
        outputs.write_outputs(store, key, pack, tmp_path)
        (tmp_path / MARKER_NAME).unlink()  # else the second call keeps the current files unwritten
        before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
        monkeypatch.setattr(importlib.import_module(module), name, _interrupt)
        with pytest.raises(KeyboardInterrupt):
            outputs.write_outputs(store, key, pack, tmp_path)
    finally:
        store.close()
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert sorted(after) == sorted(before) == ["audit.xlsx", "index.html", "results.csv", "results.json"]
    # a workbook finished before the interruption is a new one: its creation time may be a second
    # later (it failed once so), its sheets are the same
    assert _sheets(tmp_path / "audit.xlsx") == _sheets_of(before["audit.xlsx"])
    assert {k: v for k, v in after.items() if k != "audit.xlsx"} == {
        k: v for k, v in before.items() if k != "audit.xlsx"
    }
