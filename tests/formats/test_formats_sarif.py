"""SARIF output: valid SARIF 2.1.0, one result per finding, rules, fingerprints, suppressions."""

from __future__ import annotations

import json

import jsonschema
from click.testing import CliRunner

from checker.cli import main
from tests.conftest import ROOT, SEEDS

SARIF_SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text("utf-8"))


def sarif_of(*args: str) -> dict:
    result = CliRunner().invoke(
        main, ["check", "--no-config", "--today", "2026-11-23", "--format", "sarif", *args]
    )
    return json.loads(result.stdout)


def test_sarif_is_valid_and_has_one_result_per_finding(monkeypatch):
    monkeypatch.chdir(ROOT)
    data = sarif_of("reports/")
    jsonschema.validate(data, SARIF_SCHEMA)
    run = data["runs"][0]
    json_out = CliRunner().invoke(
        main, ["check", "--no-config", "--today", "2026-11-23", "--format", "json", "reports/"]
    )
    findings = [f for r in json.loads(json_out.stdout)["results"] for f in r["findings"]]
    assert len(run["results"]) == len(findings) > 0
    fingerprints = {f["fingerprint"] for f in findings}
    assert {r["partialFingerprints"]["fzcheck/v2"] for r in run["results"]} == fingerprints


def test_sarif_locations_levels_and_rule_metadata(monkeypatch):
    monkeypatch.chdir(ROOT)
    run = sarif_of(str(SEEDS["001"].relative_to(ROOT)))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    date_result = next(r for r in run["results"] if r["ruleId"] == "date-present")
    assert date_result["level"] == "error"
    assert rules[date_result["ruleIndex"]]["id"] == "date-present"
    location = date_result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "reports/001_f491bedcbbc154a0.txt"
    assert location["region"]["startLine"] == 20 and location["region"]["startColumn"] >= 1
    descriptor = by_id["date-present"]
    assert descriptor["help"]["text"].startswith("在署名下方写成文日期")
    assert descriptor["properties"]["element"] == "date"
    assert descriptor["properties"]["weight"] > 0
    assert "GB/T 9704" in descriptor["properties"]["basis"]
    assert descriptor["shortDescription"]["text"] and descriptor["fullDescription"]["text"]
    assert by_id["date-form"]["defaultConfiguration"]["level"] == "note"


def test_sarif_run_properties_carry_score_grade_passed(monkeypatch):
    monkeypatch.chdir(ROOT)
    reports = sarif_of("reports/")["runs"][0]["properties"]["reports"]
    entry = reports["reports/000_ff357cf36fec75c2.txt"]
    assert entry["passed"] is True and entry["score"] >= 60 and entry["grade"]


def test_sarif_unreadable_file_is_a_tool_notification(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    data = sarif_of("empty.txt")
    jsonschema.validate(data, SARIF_SCHEMA)
    invocation = data["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    note = invocation["toolExecutionNotifications"][0]
    assert note["level"] == "error" and note["descriptor"]["id"] == "empty"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "empty.txt"


def test_a_text_that_is_not_a_report_is_an_error_result_as_the_gate_fails_it(tmp_path, monkeypatch):
    """The gate fails a non-report (exit 1), but SARIF had no result and no notification: code
    scanning showed nothing. It is now a file-level error of the rule not-a-report."""
    (tmp_path / "notes.txt").write_text("会议纪要\n\n今天讨论了午饭吃什么。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data = sarif_of("notes.txt", str(SEEDS["000"]))
    jsonschema.validate(data, SARIF_SCHEMA)
    run = data["runs"][0]
    (verdict,) = [r for r in run["results"] if r["ruleId"] == "not-a-report"]
    assert verdict["level"] == "error" and verdict["message"]["text"].startswith("不是法治政府建设年度报告：")
    assert run["tool"]["driver"]["rules"][verdict["ruleIndex"]]["id"] == "not-a-report"
    location = verdict["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "notes.txt" and location["region"] == {"startLine": 1}
    skipped = sarif_of("--skip-non-reports", "notes.txt")["runs"][0]
    assert skipped["results"] == [] and all(
        r["id"] != "not-a-report" for r in skipped["tool"]["driver"]["rules"]
    )
