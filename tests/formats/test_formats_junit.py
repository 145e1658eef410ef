"""JUnit output parsed back: a suite per report, a testcase per element, failures carry findings."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from click.testing import CliRunner

from checker.cli import main
from tests.conftest import ROOT, SEEDS


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


def test_junit_failures_carry_the_findings():
    suite = junit_of(str(SEEDS["001"])).find("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    date_case = cases["成文日期 (date)"]
    failure = date_case.find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert "date-present" in failure.text and "报告末尾没有成文日期" in failure.text
    props = {p.get("name"): p.get("value") for p in suite.find("properties")}
    assert float(props["score"]) > 0 and props["passed"] in ("true", "false")
    assert int(suite.get("failures")) == sum(c.find("failure") is not None for c in cases.values())


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
