"""audit.xlsx: cells written directly keep write()'s meaning; the helper process writes the same book."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

from checker.audit import outputs
from checker.audit.run import DB_NAME, AuditOptions, options_key, run_audit
from checker.audit.store import Store
from checker.audit.workbook import BOOK_OPTIONS, _write_cells
from checker.options import CheckOptions
from checker.packs.pack import load_pack
from tests.conftest import SEEDS


def _sheets(path: Path) -> dict[str, bytes]:
    """The workbook's parts without docProps (which carry the creation time)."""
    with zipfile.ZipFile(path) as book:
        return {name: book.read(name) for name in book.namelist() if not name.startswith("docProps")}


def test_report_text_is_written_as_text_never_as_formula_or_link(tmp_path):
    import openpyxl
    import xlsxwriter

    values = ["文本", "", None, 3, 2.5, "=1+1", "{=SUM(A1:A2)}", "http://example.org", "行: 3", " 空", "@x"]
    path = tmp_path / "cells.xlsx"
    book = xlsxwriter.Workbook(str(path), BOOK_OPTIONS)  # as write_workbook opens the audit's book
    _write_cells(book.add_worksheet("s"), 1, values)
    book.close()
    sheet = openpyxl.load_workbook(path).active
    cells = [sheet.cell(row=2, column=column + 1) for column in range(len(values))]
    assert [cell.value for cell in cells] == ["文本", None, None, 3, 2.5, *values[5:]]
    assert all(cell.data_type == "s" for cell in cells if isinstance(cell.value, str))
    assert all(cell.hyperlink is None for cell in cells)
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "hyperlink" not in sheet_xml


def _must_not_run(*_args):
    raise AssertionError("the workbook was written in the parent process")


def test_workbook_from_the_helper_process_equals_the_one_written_inline(tmp_path, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in SEEDS.values():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 broken")
    out = tmp_path / "out"
    options = CheckOptions(today=date.fromisoformat("2025-03-01"))
    run_audit([str(folder)], out, AuditOptions(options, jobs=1, progress=False, outputs=False))
    pack = load_pack("national")
    store = Store(out / DB_NAME)
    key = options_key(pack.label, options)
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
