"""Baselines: old findings are hidden after lines shift; new defects still fail."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.conftest import SEEDS


def invoke(*args: str):
    return CliRunner().invoke(main, [*args[:1], "--no-config", "--today", "2026-11-23", *args[1:]])


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "reports").mkdir()
    shutil.copy(SEEDS["001"], tmp_path / "reports" / "r.txt")
    monkeypatch.chdir(tmp_path)
    result = invoke("baseline", "reports", "-o", ".fzcheck-baseline.json")
    assert result.exit_code == 0, result.output
    return tmp_path


def test_baseline_records_path_rule_and_fingerprint(repo):
    data = json.loads((repo / ".fzcheck-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["scores"]["reports/r.txt"] > 0
    entries = {(e["path"], e["rule"]) for e in data["findings"]}
    assert ("reports/r.txt", "date-present") in entries
    assert all(len(e["fingerprint"]) >= 8 for e in data["findings"])


def test_baseline_hides_old_findings_after_lines_shift(repo):
    assert invoke("check", "--fail-on", "info", "reports").exit_code == 1
    report = repo / "reports" / "r.txt"
    report.write_text("\n\n\n" + report.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("check", "--baseline", ".fzcheck-baseline.json", "--format", "json", "reports")
    assert result.exit_code == 0, result.stderr
    findings = json.loads(result.stdout)["results"][0]["findings"]
    assert findings and all(f["waived"] and "基线" in f["waived"] for f in findings)
    date = next(f for f in findings if f["rule"] == "date-present")
    assert date["line"] == 23  # moved down three lines, still recognised


def test_new_defect_fails_despite_baseline(repo):
    report = repo / "reports" / "r.txt"
    report.write_text(report.read_text(encoding="utf-8") + "\n妥否，请批示。\n", encoding="utf-8")
    result = invoke("check", "--baseline", ".fzcheck-baseline.json", "--format", "json", "reports")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["results"][0]["findings"]
    new = [f for f in findings if not f["waived"]]
    assert [f["rule"] for f in new] == ["no-request-wording"]


def test_baseline_from_config_and_no_baseline_flag(repo):
    (repo / ".fzcheck.yaml").write_text("fail_on: info\nbaseline: .fzcheck-baseline.json\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["check", "--today", "2026-11-23", "reports"])
    assert run.exit_code == 0
    run = CliRunner().invoke(main, ["check", "--today", "2026-11-23", "--no-baseline", "reports"])
    assert run.exit_code == 1


def test_baseline_accepts_an_old_low_score_but_not_a_drop(repo):
    assert invoke("check", "--fail-under", "99", "reports").exit_code == 1
    assert (
        invoke("check", "--fail-under", "99", "--baseline", ".fzcheck-baseline.json", "reports").exit_code
        == 0
    )
    report = repo / "reports" / "r.txt"
    report.write_text(report.read_text(encoding="utf-8") + "\n妥否，请批示。\n", encoding="utf-8")
    dropped = invoke(
        "check", "--fail-under", "99", "--fail-on", "error", "--baseline", ".fzcheck-baseline.json", "reports"
    )
    assert dropped.exit_code == 1 and "低于" in dropped.stderr


def test_missing_baseline_file_is_a_usage_error(tmp_path, monkeypatch):
    shutil.copy(SEEDS["000"], tmp_path / "r.txt")
    monkeypatch.chdir(tmp_path)
    assert invoke("check", "--baseline", "nope.json", "r.txt").exit_code == 2


def test_baseline_keeps_no_result_it_has_recorded(tmp_path, monkeypatch):
    """A baseline over many files keeps each report's score and findings, not its result."""
    import checker.run.config_run as config_run

    runs = []
    real = config_run.check_files

    def spy(outcome, files, *args, **kwargs):
        runs.append(real(outcome, files, *args, **kwargs))
        return runs[-1]

    monkeypatch.setattr(config_run, "check_files", spy)
    target = tmp_path / "baseline.json"
    result = invoke("baseline", str(SEEDS["000"]), str(SEEDS["001"]), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert len(runs) == 1 and runs[0].results == []
    data = json.loads(target.read_text(encoding="utf-8"))
    assert len(data["scores"]) == 2 and len(data["findings"]) > 0
    assert "2 份报告" in result.output
