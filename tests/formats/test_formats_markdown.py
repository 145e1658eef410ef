"""Markdown summary: a table of reports, then each report's findings."""

from __future__ import annotations

from click.testing import CliRunner

from checker.cli import main
from checker.formats.markdown import cell
from tests.conftest import ROOT


def test_summary_table_and_findings(monkeypatch):
    monkeypatch.chdir(ROOT)
    output = (
        CliRunner()
        .invoke(main, ["check", "--no-config", "--format", "markdown", "--today", "2026-11-23", "reports/"])
        .stdout
    )
    lines = output.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("| 文件 |"))
    rows = lines[header + 2 : header + 7]
    assert len(rows) == 5 and all(r.startswith("| reports/") for r in rows)
    row_001 = next(r for r in rows if "001_" in r)
    assert "发文机关署名" in row_001 and "成文日期" in row_001  # missing elements
    row_004 = next(r for r in rows if "004_" in r)
    assert "标题" in row_004
    assert "### reports/001_f491bedcbbc154a0.txt 的问题" in output
    assert "`date-present`" in output


def test_english_headers(monkeypatch):
    monkeypatch.chdir(ROOT)
    output = (
        CliRunner()
        .invoke(
            main,
            [
                "check",
                "--no-config",
                "--format",
                "markdown",
                "--lang",
                "en",
                "reports/000_ff357cf36fec75c2.txt",
            ],
        )
        .stdout
    )
    assert "| File | Score | Grade |" in output


def test_cells_cannot_break_the_table():
    assert cell("a|b\nc") == "a\\|b c"
