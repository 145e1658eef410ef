"""Waivers: findings stay visible in every format with the reason, gates ignore them."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.conftest import SEEDS

CONFIG = """\
fail_on: error
waivers:
  - rule: signature-present
    paths: ["web/**"]
    reason: 网页转载版不含落款
  - rule: date-present
    reason: 原件日期已核对
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / ".fzcheck.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "web").mkdir()
    shutil.copy(SEEDS["001"], tmp_path / "web" / "r.txt")
    shutil.copy(SEEDS["001"], tmp_path / "r.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str):
    return CliRunner().invoke(main, ["check", "--today", "2026-11-23", *args])


def test_waived_findings_do_not_fail_the_severity_gate(project):
    assert check("web/r.txt").exit_code == 0
    assert check("r.txt").exit_code == 1  # signature waiver is only for web/**
    assert check("--no-waivers", "web/r.txt").exit_code == 1


def test_waived_findings_keep_the_score(project):
    waived = json.loads(check("--format", "json", "web/r.txt").stdout)["results"][0]
    plain = json.loads(check("--format", "json", "--no-waivers", "web/r.txt").stdout)["results"][0]
    assert waived["score"] == plain["score"]
    assert {f["rule"]: f["waived"] for f in waived["findings"]} == {
        "signature-present": "网页转载版不含落款",
        "date-present": "原件日期已核对",
        **{
            f["rule"]: None
            for f in waived["findings"]
            if f["rule"] not in ("signature-present", "date-present")
        },
    }
    assert all(f["waived"] is None for f in plain["findings"])


def test_waived_findings_appear_in_every_format(project):
    text = check("web/r.txt").stdout
    assert "已豁免：网页转载版不含落款" in text
    sarif = json.loads(check("--format", "sarif", "web/r.txt").stdout)
    suppressed = {
        r["ruleId"]: r["suppressions"][0] for r in sarif["runs"][0]["results"] if "suppressions" in r
    }
    assert suppressed["signature-present"]["justification"] == "网页转载版不含落款"
    assert suppressed["signature-present"]["kind"] == "external"
    junit = ET.fromstring(check("--format", "junit", "web/r.txt").stdout.encode("utf-8"))
    case = next(c for c in junit.iter("testcase") if "(signature)" in c.get("name"))
    assert case.find("failure") is None and "网页转载版不含落款" in case.find("system-out").text
    github = check("--format", "github", "web/r.txt").stdout
    line = next(x for x in github.splitlines() if "signature-present" in x)
    assert line.startswith("::notice ") and "网页转载版不含落款" in line
    markdown = check("--format", "markdown", "web/r.txt").stdout
    assert "已豁免：网页转载版不含落款" in markdown and "~~" in markdown


def test_no_waivers_shows_nothing_waived_in_any_format(project):
    for fmt in ("text", "sarif", "junit", "github", "markdown"):
        assert "网页转载版不含落款" not in check("--no-waivers", "--format", fmt, "web/r.txt").stdout


def test_waiver_by_fingerprint(tmp_path, monkeypatch):
    shutil.copy(SEEDS["001"], tmp_path / "r.txt")
    monkeypatch.chdir(tmp_path)
    findings = json.loads(check("--format", "json", "r.txt").stdout)["results"][0]["findings"]
    target = next(f for f in findings if f["rule"] == "date-present")
    (tmp_path / ".fzcheck.yaml").write_text(
        f"waivers:\n  - fingerprint: {target['fingerprint']}\n    reason: 已核对\n", encoding="utf-8"
    )
    after = json.loads(check("--format", "json", "r.txt").stdout)["results"][0]["findings"]
    assert [f["rule"] for f in after if f["waived"]] == ["date-present"]


def test_waived_findings_do_not_rescue_a_low_score(project):
    assert check("--fail-under", "99", "web/r.txt").exit_code == 1
