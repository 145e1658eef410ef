"""Rule packs are validated; a bad pack is refused with file, line and field."""

from __future__ import annotations

import textwrap

import pytest

from checker.packs.pack import bundled_packs, load_pack
from checker.packs.yamlsrc import ConfigError

GOOD_RULE = """
  - id: extra-rule
    element: problems
    type: forbidden
    severity: warning
    weight: 2
    params: {patterns: ["有待进一步提高"]}
    message: 套话
    suggestion: 写具体
    basis: {source: 测试}
"""


def write(tmp_path, body: str):
    path = tmp_path / "pack.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_national_pack_loads_with_every_element(national):
    ids = [e.id for e in national.elements]
    assert ids == [
        "title",
        "measures",
        "problems",
        "first-responsible-person",
        "next-year-plan",
        "signature",
        "date",
    ]
    for rule in national.rules:
        assert rule.message and rule.suggestion and rule.basis.source and rule.weight >= 0
        assert rule.severity in ("error", "warning", "info")


def test_every_bundled_pack_loads():
    for name in bundled_packs():
        assert load_pack(name).rules


def test_unknown_key_is_refused_with_line_and_field(tmp_path):
    path = write(
        tmp_path,
        """\
        id: local
        version: "1"
        extends: national
        rules:
          - id: problems-present
            weight: 20
            wieght: 3
        """,
    )
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    error = info.value
    assert error.line == 7 and error.field == "rules[0].wieght"
    assert str(path) in str(error)


def test_wrong_type_of_value_names_the_field(tmp_path):
    path = write(
        tmp_path,
        """\
        id: local
        version: "1"
        extends: national
        rules:
          - id: problems-present
            severity: fatal
        """,
    )
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert info.value.line == 6 and info.value.field == "rules[0].severity"


def test_unknown_rule_type_is_refused(tmp_path):
    path = write(
        tmp_path,
        "id: local\nversion: '1'\nextends: national\nrules:"
        + GOOD_RULE.replace("type: forbidden", "type: nonsense"),
    )
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert "nonsense" in str(info.value) and info.value.line == 5


def test_yaml_syntax_error_has_line(tmp_path):
    path = write(tmp_path, "id: local\nversion: '1'\nrules: [\n  - id: x\n")
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert info.value.line is not None


def test_params_of_a_rule_type_are_checked(tmp_path):
    path = write(
        tmp_path,
        "id: local\nversion: '1'\nextends: national\nrules:"
        + GOOD_RULE.replace("params: {patterns:", "params: {scope: element, pattern:"),
    )
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert info.value.field.startswith("rules[0].params")


def test_extending_pack_adds_and_overrides_rules(tmp_path):
    path = write(
        tmp_path,
        "id: local\nversion: '1'\nextends: national\n"
        "disable: [date-form]\nrules:"
        + GOOD_RULE
        + "  - id: measures-present\n    params: {min_chars: 5000}\n",
    )
    pack = load_pack(path)
    by_id = {r.id: r for r in pack.rules}
    assert "extra-rule" in by_id
    assert by_id["measures-present"].params["min_chars"] == 5000
    assert by_id["measures-present"].message  # inherited fields kept
    assert not by_id["date-form"].enabled


def test_extended_pack_changes_an_outcome(tmp_path):
    from checker.api import check_file
    from tests.conftest import SEEDS, TODAY

    path = write(
        tmp_path,
        "id: strict\nversion: '1'\nextends: national\nrules:\n"
        "  - id: measures-present\n    params: {min_chars: 5000}\n",
    )
    national_result = check_file(SEEDS["000"], today=TODAY)
    strict_result = check_file(SEEDS["000"], pack=str(path), today=TODAY)
    status = {e.id: e.status for e in strict_result.elements}
    assert status["measures"] == "weak"
    assert {e.id: e.status for e in national_result.elements}["measures"] == "present"
    assert strict_result.score < national_result.score


def test_bad_regular_expression_is_refused_with_line_and_field(tmp_path):
    path = write(
        tmp_path,
        "id: local\nversion: '1'\nextends: national\nrules:"
        + GOOD_RULE.replace('params: {patterns: ["有待进一步提高"]}', 'params: {patterns: ["有待(进一步"]}'),
    )
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert info.value.line == 10 and info.value.field == "rules[0].params.patterns[0]"
    assert "正则表达式" in str(info.value)


def test_a_new_required_element_takes_yaml_only(tmp_path):
    """A department pack adds an element (法律顾问制度) with its own rule: no code involved."""
    from checker.api import check_file
    from tests.conftest import SEEDS, TODAY

    path = write(
        tmp_path,
        """\
        id: justice-bureau
        version: "1"
        extends: national
        elements:
          - id: legal-adviser
            name: 法律顾问制度落实情况
            locator: section
            headings: ["法律顾问"]
            keywords: ["法律顾问|公职律师"]
        rules:
          - id: legal-adviser-present
            element: legal-adviser
            type: presence
            severity: warning
            weight: 5
            params: {min_chars: 20}
            message: “法律顾问制度落实情况”{problem}。
            suggestion: 写明法律顾问、公职律师参与重大决策和合同审查的情况。
            basis: {source: 《法治政府建设实施纲要（2021－2025年）》, note: 示例：部门包新增要素}
        """,
    )
    with_adviser = check_file(SEEDS["000"], pack=str(path), today=TODAY)  # 聘请专业律师团队担任法律顾问
    without = check_file(SEEDS["003"], pack=str(path), today=TODAY)
    status = {e.id: e.status for e in with_adviser.elements}
    assert status["legal-adviser"] == "present"
    assert {e.id: e.status for e in without.elements}["legal-adviser"] == "missing"
    [finding] = [f for f in without.findings if f.rule == "legal-adviser-present"]
    # a part the pack lists after the national four belongs after them: 003's last part
    after = "四、下一年度推进法治政府建设的初步安排"
    assert finding.message == f"“法律顾问制度落实情况”缺失，应写在“{after}”部分之后。"
