"""JUnit output parsed back: a suite per report, a testcase per element, failures carry findings."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from click.testing import CliRunner

from checker.cli import main
from tests.conftest import ROOT, SEEDS, seed_text


def junit_of(*args: str) -> ET.Element:
    result = CliRunner().invoke(
        main, ["check", "--no-config", "--today", "2026-11-23", "--format", "junit", *args]
    )
    return ET.fromstring(result.stdout.encode("utf-8"))


def test_junit_suite_per_report_and_case_per_element(national):
    root = junit_of(str(SEEDS["000"]), str(SEEDS["001"]))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(SEEDS["000"]), str(SEEDS["001"])]
    for suite in suites:
        assert len(suite.findall("testcase")) == len(national.elements)
        assert suite.get("tests") == str(len(national.elements))
    assert int(root.get("tests")) == 2 * len(national.elements)


def test_junit_failures_carry_the_findings_of_a_failing_report():
    suite = junit_of("--fail-under", "90", str(SEEDS["001"])).find("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    failure = cases["成文日期 (date)"].find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert "date-present" in failure.text and "报告末尾没有成文日期" in failure.text
    assert "建议：" in failure.text and "依据：" in failure.text
    props = {p.get("name"): p.get("value") for p in suite.find("properties")}
    assert float(props["score"]) > 0 and props["passed"] == "false"
    assert int(suite.get("failures")) == sum(c.find("failure") is not None for c in cases.values()) > 0


def test_junit_counts_no_failure_in_a_passing_report():
    """Seed 001 passes on its score although it has error-level findings: failures="0", and the
    findings are still listed (in system-out), so the count matches the exit code 0."""
    root = junit_of("--fail-under", "60", str(SEEDS["001"]))
    suite = root.find("testsuite")
    assert root.get("failures") == "0" and suite.get("failures") == "0"
    out = "".join(c.findtext("system-out") or "" for c in suite.findall("testcase"))
    assert "报告末尾没有成文日期" in out


def test_junit_english_labels():
    root = junit_of("--lang", "en", "--fail-under", "90", str(SEEDS["001"]))
    text = "".join(f.text or "" for f in root.iter("failure"))
    assert "Suggestion: " in text and "Basis: " in text
    assert "建议" not in text and "依据" not in text


def test_junit_unreadable_file_is_an_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    suite = junit_of(str(empty)).find("testsuite")
    error = suite.find("testcase/error")
    assert error is not None and error.get("type") == "empty"
    assert suite.get("errors") == "1"


def test_junit_is_well_formed_for_every_seed():
    root = junit_of(str(ROOT / "reports"))
    assert len(root.findall("testsuite")) == 5


def test_junit_stays_well_formed_with_control_characters_in_the_report(tmp_path):
    """A BEL and a form feed (a PDF page break) in the text, and a BEL in the file name, reach
    excerpts, messages and attributes; XML 1.0 forbids both, so they must not be written."""
    lines = seed_text("000").split("\n")
    lines[4] = lines[4][:4] + "\x07" + lines[4][4:]
    lines[24] = lines[24][:4] + "\x0c\x07" + lines[24][4:]
    report = tmp_path / "ctrl\x07.txt"
    report.write_text("\n".join(lines), encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--no-config",
            "--today",
            "2026-11-23",
            "--format",
            "junit",
            "--fail-under",
            "99",
            str(report),
        ],
    )
    assert result.exit_code == 1, result.output
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", result.stdout)
    root = ET.fromstring(result.stdout.encode("utf-8"))  # raised "not well-formed" before
    suite = root.find("testsuite")
    assert suite.get("name") == str(report).replace("\x07", "\ufffd")
    text = "".join(f.text or "" for f in root.iter("failure"))
    assert "\ufffd" in text  # the BEL inside an excerpt, shown as replaced
    assert int(root.get("failures")) > 0


def _not_a_report(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("会议纪要\n\n今天讨论了午饭吃什么。大家一致同意吃面。\n", encoding="utf-8")
    return notes


def test_junit_fails_a_text_that_is_not_a_report_as_the_exit_code_does(tmp_path):
    """The gate fails a non-report (exit 1), so JUnit must count a failure: it said skipped,
    failures="0", and GitLab/Jenkins showed a green test report on a red job."""
    notes = _not_a_report(tmp_path)
    args = [
        "check",
        "--no-config",
        "--today",
        "2026-11-23",
        "--format",
        "junit",
        str(notes),
        str(SEEDS["000"]),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert (root.get("failures"), root.get("skipped")) == ("1", "0")
    failure = root.find("testsuite/testcase[@name='is-report']/failure")
    assert failure is not None and failure.get("message") == "不是法治政府建设年度报告"
    assert failure.get("type") == "gate" and failure.text.startswith("不是法治政府建设年度报告：")
    english = junit_of("--lang", "en", str(notes)).find("testsuite/testcase/failure")
    assert english.get("message") == "not a rule-of-law report"


def test_junit_skips_a_non_report_that_skip_non_reports_lets_through(tmp_path):
    notes = _not_a_report(tmp_path)
    args = ["check", "--no-config", "--skip-non-reports", "--format", "junit", str(notes)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert (root.get("failures"), root.get("skipped")) == ("0", "1")
