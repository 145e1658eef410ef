"""``fzcheck audit --pack`` with a provincial pack that adds an element: the workbook's coverage
and findings sheets, results.csv and the dashboard all carry it, named in Chinese."""

from __future__ import annotations

import csv
import shutil

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.packs.pack import load_pack
from tests.conftest import ROOT, SEEDS

openpyxl = pytest.importorskip("openpyxl")

PACK = ROOT / "examples" / "province-pack.yaml"
NEW = "督察反馈问题整改情况"


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    root = tmp_path_factory.mktemp("province")
    folder = root / "reports"
    folder.mkdir()
    for path in SEEDS.values():
        shutil.copy(path, folder / path.name)
    out = root / "out"
    args = [
        "audit",
        str(folder),
        "--out",
        str(out),
        "--pack",
        str(PACK),
        "--today",
        "2026-11-01",
        "--jobs",
        "1",
    ]
    run = CliRunner().invoke(main, [*args, "--no-config"])
    assert run.exit_code in (0, 1), run.output
    return out


def test_the_coverage_sheet_has_a_column_for_the_new_element(audited):
    sheet = openpyxl.load_workbook(audited / "audit.xlsx")["要素覆盖"]
    header = [cell.value for cell in sheet[1]]
    assert header[-1] == NEW
    marks = [row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(marks) == ["△", "✗", "✗", "✗", "✗"]


def test_the_findings_sheet_names_elements_in_chinese(audited):
    sheet = openpyxl.load_workbook(audited / "audit.xlsx")["问题清单"]
    header = [cell.value for cell in sheet[1]]
    column = header.index("要素")
    named = {row[column] for row in sheet.iter_rows(min_row=2, values_only=True)}
    names = {element.name for element in load_pack(PACK).elements}
    assert NEW in named and named <= names


def test_results_csv_keeps_element_ids_as_columns(audited):
    with (audited / "results.csv").open(encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle))
    # the element columns by id, the pack's new one last among them (then the duplicate column)
    assert header[-2:] == ["inspection-rectification", "duplicate"]


def test_the_dashboard_names_the_new_element(audited):
    assert NEW in (audited / "index.html").read_text(encoding="utf-8")
