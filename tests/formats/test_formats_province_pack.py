"""Every ``check`` format with a provincial pack that adds an element and rules: the JSON is
schema-valid, and SARIF, JUnit and Markdown carry the new element and rules, with the rule
descriptions free of the template placeholders only a report fills in."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.conftest import ROOT

PACK = str(ROOT / "examples" / "province-pack.yaml")
RESULT_SCHEMA = json.loads((ROOT / "checker" / "data" / "result.schema.json").read_text("utf-8"))
NEW_RULES = ("inspection-rectification-present", "inspection-rectification-concrete", "fazhi-not-fazhi")


def output(fmt: str, *args: str) -> str:
    run = CliRunner().invoke(
        main,
        ["check", "--no-config", "--today", "2026-11-01", "--pack", PACK, "--format", fmt, *args, "reports/"],
    )
    assert run.exit_code in (0, 1), run.output
    return run.stdout


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_json_is_schema_valid_and_names_the_new_element():
    data = json.loads(output("json"))
    jsonschema.validate(data, RESULT_SCHEMA)
    for result in data["results"]:
        element = next(e for e in result["elements"] if e["id"] == "inspection-rectification")
        assert element["name"] == "督察反馈问题整改情况"
    assert data["tool"]["rulepack"] == "example-province@2025.1"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sarif_rule_descriptions_show_no_placeholders(lang):
    rules = json.loads(output("sarif", "--lang", lang))["runs"][0]["tool"]["driver"]["rules"]
    by_id = {rule["id"]: rule for rule in rules}
    assert set(NEW_RULES) <= set(by_id)
    for rule in rules:
        texts = (rule["shortDescription"]["text"], rule["fullDescription"]["text"], rule["help"]["text"])
        assert not [text for text in texts if re.search(r"\{\w+\}", text)], rule["id"]


def test_junit_and_markdown_carry_the_new_element_and_rules():
    junit = output("junit")
    assert 'name="督察反馈问题整改情况 (inspection-rectification)"' in junit
    markdown = output("markdown")
    assert "`inspection-rectification-present`" in markdown
    assert "“上年度法治督察反馈问题整改情况”缺失" in markdown
