"""Rules as documentation and as tests: explain, types, test, and every bundled example."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from checker.check.ruletypes import RULE_TYPES
from checker.cli import main
from checker.packs.pack import bundled_packs, load_pack
from checker.packs.ruletest import check_pack_examples, check_rule_examples
from tests.conftest import ROOT


def invoke(*args: str):
    return CliRunner().invoke(main, ["rules", *args])


def test_explain_shows_what_why_basis_type_and_examples():
    output = invoke("explain", "title-present").stdout
    for expected in (
        "查什么：正文前有标题",
        "针对：标题",
        "级别：错误",
        "权重：6",
        "依据：《党政机关公文处理工作条例》",
        "规则类型：presence",
        "合格的例子",
        "不合格的例子",
        "怎么改：",
    ):
        assert expected in output


def _patterns(value) -> list[str]:
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in (_patterns(item) if key != "name" else [])]
    if isinstance(value, list):
        return [p for item in value for p in _patterns(item)]
    return [value] if isinstance(value, str) and any(c in value for c in "[(?|\\") else []


@pytest.mark.parametrize("rule_id", [r.id for r in load_pack("national").rules])
def test_explain_contains_no_regex_unless_verbose(rule_id):
    rule = next(r for r in load_pack("national").rules if r.id == rule_id)
    output = invoke("explain", rule_id).stdout
    patterns = _patterns(rule.params)
    assert not [p for p in patterns if p in output]
    assert "(?" not in output and "[^" not in output and "{'" not in output
    if rule.examples.get("pass"):
        assert rule.examples["pass"][0].strip().splitlines()[0][:20] in output
    if patterns:
        assert patterns[0] in invoke("explain", rule_id, "--verbose").stdout


def test_explain_in_english_is_english():
    output = invoke("explain", "first-responsible-person-duties", "--lang", "en").stdout
    assert "What it looks for: " in output and "An example that fails:" in output
    assert "Legal basis: " in output and "查什么" not in output


def test_explain_unknown_rule_is_a_usage_error():
    result = invoke("explain", "no-such-rule")
    assert result.exit_code == 2 and "title-present" in result.stderr


def test_types_lists_every_registered_type_in_plain_words():
    output = invoke("types").stdout
    for name in RULE_TYPES:
        assert f"■ {name}\n" in output
    assert "报告里有没有这一部分" in output and "使用该类型的规则：title-present" in output
    assert "min_chars" in invoke("types", "--verbose").stdout  # the docstring, for rule authors


def test_rules_test_passes_and_fails(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(
        "id: good\nversion: '1'\nextends: national\nrules:\n"
        "  - id: mentions-review-law\n    element: measures\n    type: forbidden\n"
        "    severity: info\n    weight: 1\n    params: {patterns: ['妥否'], scope: document}\n"
        "    message: 报告夹带请示。\n    suggestion: 删去请示。\n    basis: {source: 测试}\n"
        "    examples:\n      pass: ['全年办理案件10件。']\n      fail: ['妥否，请批示。']\n",
        encoding="utf-8",
    )
    pack = load_pack(good)
    outcomes = check_rule_examples(pack, next(r for r in pack.rules if r.id == "mentions-review-law"))
    assert [(o.kind, o.ok) for o in outcomes] == [("pass", True), ("fail", True)]
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        good.read_text(encoding="utf-8").replace("fail: ['妥否，请批示。']", "fail: ['没有请示。']"),
        encoding="utf-8",
    )
    result = invoke("test", str(bad))
    assert result.exit_code == 1
    assert "mentions-review-law" in result.stdout and "✗ fail[0]" in result.stdout


def test_rules_test_cli_prints_a_table_per_pack():
    result = invoke("test", "veterans")
    assert "veterans@" in result.stdout and "veterans-core-laws" in result.stdout


@pytest.mark.parametrize("name", [*bundled_packs(), str(ROOT / "examples" / "custom-pack.yaml")])
def test_every_example_in_every_bundled_pack_is_right(name):
    failing = [
        f"{o.rule} {o.kind}[{o.index}]: {o.error or [f.message for f in o.findings]}"
        for o in check_pack_examples(load_pack(name))
        if not o.ok
    ]
    assert not failing, "\n".join(failing)


def test_validate_reports_file_line_and_field(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "id: broken\nversion: '1'\nextends: national\nrules:\n  - id: x\n    colour: red\n", encoding="utf-8"
    )
    result = invoke("validate", str(broken))
    assert result.exit_code == 2 and f"{broken}:6" in result.stderr and "colour" in result.stderr


def test_types_in_english_name_parameters_in_english():
    output = invoke("types", "--lang", "en").stdout
    assert "Parameters:" in output and "min_chars (integer ≥ 0)" in output
    assert "可设参数" not in output and "使用该类型的规则" not in output and "整数" not in output


def test_types_in_english_describe_every_parameter_in_english():
    from checker.check.ruletypes import params_schemas

    output = invoke("types", "--lang", "en").stdout
    for name, schema in params_schemas().items():
        for parameter, declared in schema.get("properties", {}).items():
            english = declared.get("description_en")
            assert english and not any("\u4e00" <= ch <= "\u9fff" for ch in english.replace("报告", "")), (
                name,
                parameter,
            )
            assert english in output, (name, parameter)


def test_rules_types_lists_the_values_a_message_may_name():
    """What a pack author needs to write "{problem}" rather than a "{count}" the type lacks."""
    output = invoke("types").stdout
    presence = output.split("■ presence\n", 1)[1].split("■ ", 1)[0]
    assert "提示、建议和修改中可写的值" in presence and "{problem}" in presence and "{agency}" in presence


def test_rules_list_says_what_a_weight_is_worth():
    """Weights need not add up to 100: the list says their total and a weight's share."""
    output = invoke("list", "--pack", "province-example").stdout
    total = sum(rule.weight for rule in load_pack("province-example").rules if rule.enabled)
    assert f"启用的规则权重合计 {total:g}：得分 = 100 × 得到的权重 ÷ {total:g}" in output
