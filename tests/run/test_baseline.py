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
    assert data["version"] == 2 and data["scores"]["reports/r.txt"] > 0
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


@pytest.fixture
def seed000(tmp_path, monkeypatch):
    """Seed 000 (eight number-spacing findings: lines 5 and 7 both "2024 年", then six others)
    with its baseline."""
    (tmp_path / "reports").mkdir()
    shutil.copy(SEEDS["000"], tmp_path / "reports" / "r.txt")
    monkeypatch.chdir(tmp_path)
    assert invoke("baseline", "reports", "-o", "base.json").exit_code == 0
    return tmp_path / "reports" / "r.txt"


def _new_findings(*extra: str) -> tuple[int, list[dict]]:
    result = invoke("check", "--baseline", "base.json", "--format", "json", *extra, "reports")
    findings = json.loads(result.stdout)["results"][0]["findings"]
    return result.exit_code, [f for f in findings if not f["waived"]]


def _edit_line(report, number: int, old: str, new: str) -> None:
    lines = report.read_text(encoding="utf-8").split("\n")
    assert old in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    report.write_text("\n".join(lines), encoding="utf-8")


def test_fixing_the_first_number_spacing_finding_leaves_the_others_matched(seed000):
    """The fingerprint counted a hit's place among all hits of its rule: fixing the first one
    made the seven after it "new" and the baselined CI failed (exit 1)."""
    _edit_line(seed000, 5, "2024 年", "2024年")
    code, new = _new_findings()
    assert (code, new) == (0, [])
    _edit_line(seed000, 11, "作 2 次", "作2次")  # one in the middle, with an excerpt of its own
    assert _new_findings() == (0, [])


def test_one_new_number_spacing_hit_is_one_new_finding(seed000):
    _edit_line(seed000, 11, "作 2 次", "作 2 次，新增 3 项")  # before five others of the rule
    code, new = _new_findings()
    assert code == 1
    assert [(f["rule"], f["excerpt"]) for f in new] == [("number-spacing", "增 3 项")]


def test_inserting_a_line_at_the_top_leaves_every_finding_matched(seed000):
    seed000.write_text("\n" + seed000.read_text(encoding="utf-8"), encoding="utf-8")
    assert _new_findings() == (0, [])


def test_the_fingerprint_does_not_depend_on_the_folder_and_sarif_carries_it(seed000, tmp_path):
    moved = tmp_path / "2024" / "deep" / "r.txt"
    moved.parent.mkdir(parents=True)
    shutil.copy(seed000, moved)

    def prints(path):
        return [
            f["fingerprint"]
            for f in json.loads(invoke("check", "--format", "json", str(path)).stdout)["results"][0][
                "findings"
            ]
        ]

    here = prints(seed000)
    assert here == prints(moved) and len(set(here)) == len(here)
    sarif = json.loads(invoke("check", "--format", "sarif", str(seed000)).stdout)
    assert [r["partialFingerprints"]["fzcheck/v2"] for r in sarif["runs"][0]["results"]] == here


def test_a_version_1_baseline_is_refused_with_what_to_do(seed000):
    data = json.loads((seed000.parent.parent / "base.json").read_text(encoding="utf-8"))
    data["version"] = 1
    (seed000.parent.parent / "old.json").write_text(json.dumps(data), encoding="utf-8")
    zh = invoke("check", "--baseline", "old.json", "reports")
    assert (
        zh.exit_code == 2
        and "旧版格式（version 1）" in zh.stderr
        and "fzcheck baseline 重新生成" in zh.stderr
    )
    en = invoke("check", "--lang", "en", "--baseline", "old.json", "reports")
    assert en.exit_code == 2 and "old format (version 1)" in en.stderr


def test_baseline_exits_2_when_an_input_could_not_be_read(tmp_path):
    import subprocess

    from tests.conftest import FZCHECK

    shutil.copy(SEEDS["000"], tmp_path / "r.txt")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    run = subprocess.run(
        [*FZCHECK, "baseline", "--no-config", "r.txt", "broken.docx", "-o", "bl.json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert run.returncode == 2, run.stderr  # as check on the same files: CI notices the missing report
    assert "已写入基线 bl.json：1 份报告" in run.stdout
    assert "✗ broken.docx" in run.stderr and "Traceback" not in run.stderr
    check = subprocess.run(
        [*FZCHECK, "check", "--no-config", "r.txt", "broken.docx"],
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert check.returncode == run.returncode
