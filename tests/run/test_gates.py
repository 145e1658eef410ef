"""Gates and exit codes: --fail-under, --fail-on, unreadable input."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from checker.api import check_text
from checker.run.exitcodes import exit_code
from checker.run.gates import Gate, failures, judge
from tests.conftest import SEEDS, seed_text


def check(*args: str):
    return CliRunner().invoke(main_cli(), ["check", "--no-config", "--today", "2026-11-23", *args])


def main_cli():
    from checker.cli import main

    return main


def test_fail_on_error_fails_a_report_that_passes_on_score():
    assert check(str(SEEDS["001"])).exit_code == 0
    result = check("--fail-on", "error", str(SEEDS["001"]))
    assert result.exit_code == 1
    assert "错误" in result.stderr


def test_fail_on_counts_only_findings_at_or_above_the_level():
    result = check_text(seed_text("000"), today=None)
    levels = {f.severity for f in result.findings}
    for level, rank in (("error", 2), ("warning", 1), ("info", 0)):
        expected = any({"info": 0, "warning": 1, "error": 2}[s] >= rank for s in levels)
        assert bool(failures(result, Gate(0, level))) == expected


def test_fail_under_gate_and_reason_text():
    result = check_text(seed_text("001"))
    judged, reasons = judge(result, Gate(99.5))
    assert not judged.passed and "低于" in reasons[0]
    assert judge(result, Gate(10))[0].passed


def test_exit_code_two_for_unreadable_input_even_when_others_pass(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    shutil.copy(SEEDS["000"], tmp_path / "good.txt")
    result = check(str(tmp_path / "good.txt"), str(empty))
    assert result.exit_code == 2
    assert "good.txt" in result.stdout  # the readable file is still reported


def test_exit_codes_helper():
    good = judge(check_text(seed_text("000")), Gate(0))[0]
    bad = judge(check_text(seed_text("000")), Gate(100.1))[0]
    assert (exit_code([good]), exit_code([good, bad])) == (0, 1)


def test_unknown_format_is_a_usage_error():
    assert check("--format", "yaml", str(SEEDS["000"])).exit_code == 2


def test_check_help_documents_exit_codes():
    help_text = CliRunner().invoke(main_cli(), ["check", "--help"]).stdout
    assert "退出码" in help_text and "--fail-on" in help_text and "--baseline" in help_text
