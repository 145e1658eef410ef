"""A provincial rule-pack author's slips are refused at load, each with file, line, field and a
plain sentence in Chinese (English with --lang en), never a traceback nor a pack that misbehaves
later: a value a message cannot fill, unbalanced braces, a duplicate id, a day that does not
exist, a reversed window, an element nothing finds, a regex typed in Chinese quotes, a blank
fix, a misspelt override, an English-only message, a missing or circular ``extends``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.api import check_text
from checker.cli import main
from checker.packs.pack import load_pack
from checker.packs.yamlsrc import ConfigError
from tests.conftest import seed_text

TODAY = dt.date(2026, 11, 1)
HEAD = 'id: local\nversion: "1"\nextends: national\n'
RULE = """\
rules:
  - id: cites-province-law
    element: measures
    type: required-pattern
    severity: warning
    weight: 3
    params: {scope: document, patterns: ["某省法治政府建设规定"]}
    message: 报告没有提及本省规定。
    suggestion: 写明贯彻本省规定的举措。
    basis: {source: 某省法治政府建设规定}
"""


def edited(old: str, new: str) -> str:
    assert old in RULE
    return HEAD + RULE.replace(old, new)


# (what the author wrote, line, field, words of the Chinese sentence)
MISTAKES = {
    "value-the-type-lacks": (
        edited("没有提及本省规定。", "没有提及本省规定（{count}处）。"),
        11,
        "rules[0].message",
        "{count}",
    ),
    "unclosed-brace": (
        edited("没有提及本省规定。", "没有提及本省规定{hits"),
        11,
        "rules[0].message",
        "花括号不配对",
    ),
    "english-only-message": (
        edited("报告没有提及本省规定。", "The report does not cite it."),
        11,
        "rules[0].message",
        "没有中文",
    ),
    "duplicate-rule-id": (HEAD + RULE + RULE.split("\n", 1)[1], 14, "rules[1].id", "写了两次"),
    "regex-in-chinese-quotes": (
        edited('["某省法治政府建设规定"]', "[“某省法治政府建设规定”]"),
        10,
        "rules[0].params.patterns[0]",
        "中文引号",
    ),
    "fullwidth-colon": (edited("severity: warning", "severity： warning"), 8, "", "中文冒号"),
    "message-opening-with-a-value": (
        edited("suggestion: 写明", "suggestion: {agency}写明"),
        12,
        "",
        "加上英文引号",
    ),
    "misspelt-override": (
        HEAD + "rules:\n  - id: date-windw\n    severity: error\n",
        5,
        "rules[0].id",
        "date-window",
    ),
    "no-such-day": (HEAD + 'parameters:\n  publish_by: "02-30"\n', 5, "parameters.publish_by", "没有这一天"),
    "reversed-window": (
        HEAD + 'parameters:\n  reporting_window: {from: "03-01", to: "01-01"}\n',
        5,
        "parameters.reporting_window",
        "晚于结束",
    ),
    "element-nothing-finds": (
        HEAD + "elements:\n  - id: rectification\n    name: 督察整改情况\n    locator: section\n",
        5,
        "elements[0]",
        "无法在报告中找到",
    ),
    "blank-fix": (
        HEAD + 'rules:\n  - id: no-request-wording\n    fix: {replace: " "}\n',
        6,
        "rules[0].fix.replace",
        "delete",
    ),
    "fix-naming-a-value-the-type-lacks": (
        HEAD + 'rules:\n  - id: opening-period\n    fix: {replace: "{standard}"}\n',
        6,
        "rules[0].fix.replace",
        "{standard}",
    ),
    "fix-with-an-unclosed-brace": (
        HEAD + 'rules:\n  - id: number-spacing\n    fix: {replace: "{match"}\n',
        6,
        "rules[0].fix.replace",
        "花括号不配对",
    ),
    "extends-a-pack-that-does-not-exist": (
        'id: local\nversion: "1"\nextends: nationl\n',
        3,
        "extends",
        "没有名为“nationl”的规则包",
    ),
    "empty-message": (
        edited("message: 报告没有提及本省规定。", 'message: ""'),
        11,
        "rules[0].message",
        "不能为空",
    ),
}


def write(tmp_path: Path, text: str, name: str = "local.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_a_mistake_is_refused_with_file_line_field_and_a_chinese_sentence(tmp_path, name):
    text, line, field, words = MISTAKES[name]
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    error = info.value
    assert (error.file, error.line, error.field) == (str(path), line, field), error
    assert words in error.problem and re.search(r"[\u4e00-\u9fff]", error.problem)


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_rules_validate_names_the_mistake_in_either_language(tmp_path, name):
    text, line, _, _ = MISTAKES[name]
    path = write(tmp_path, text)
    said = {}
    for lang in ("zh", "en"):
        run = CliRunner().invoke(main, ["rules", "validate", "--lang", lang, str(path)])
        assert run.exit_code == 2, run.output
        assert run.exception is None or isinstance(run.exception, SystemExit)
        assert "Traceback" not in run.output and f"{path}:{line}: " in run.output
        said[lang] = run.output.split(f"{path}:{line}: ", 1)[1]
    assert re.search(r"[\u4e00-\u9fff]", said["zh"]) and re.search(
        r"\b(?:the|a|an|is|has|must|no)\b", said["en"]
    )


def test_a_circular_extends_names_the_chain_at_the_extends_line(tmp_path):
    write(tmp_path, 'id: a\nversion: "1"\nextends: b.yaml\n', "a.yaml")
    write(tmp_path, 'id: b\nversion: "1"\nextends: a.yaml\n', "b.yaml")
    with pytest.raises(ConfigError) as info:
        load_pack(tmp_path / "a.yaml")
    assert info.value.line == 3 and info.value.field == "extends"
    assert "a.yaml → b.yaml → a.yaml" in info.value.problem


def test_a_weight_of_zero_is_accepted_and_reported_without_points(tmp_path):
    """Weight 0 is a documented choice (number-spacing): the finding shows, the score ignores it."""
    path = write(tmp_path, HEAD + RULE.replace("weight: 3", "weight: 0"))
    result = check_text(seed_text("003"), pack=load_pack(path), today=TODAY)
    national = check_text(seed_text("003"), today=TODAY)
    assert "cites-province-law" in {f.rule for f in result.findings}
    assert result.score == national.score


def test_bundled_and_example_packs_still_load():
    for name in ("national", "veterans", "province-example"):
        assert load_pack(name).rules
    assert load_pack(Path(__file__).parents[2] / "examples" / "custom-pack.yaml").rules


def test_a_misspelt_override_far_from_any_rule_still_reads_as_an_incomplete_new_rule(tmp_path):
    path = write(tmp_path, HEAD + "rules:\n  - id: my-own-rule\n    severity: error\n")
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert "新规则缺少必填字段" in info.value.problem


def test_rules_validate_lists_the_elements_when_a_rule_names_an_unknown_one(tmp_path):
    path = write(tmp_path, edited("element: measures", "element: rectification"))
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert "rectification" in info.value.problem and "measures" in info.value.problem
