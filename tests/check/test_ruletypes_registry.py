"""Rule types own their parameters: a new type is one module plus one registry line.

The type here lives in a temporary module outside the package; nothing else (no central
schema, no pattern-key list, no loader change) is touched, and its parameters are still
validated with file, line and field, its patterns compiled at load time, and its parameters
documented by ``fzcheck rules types``.
"""

from __future__ import annotations

import sys
import textwrap

import pytest
from click.testing import CliRunner

from checker.api import check_text
from checker.check.ruletypes import RULE_TYPES, params_schemas
from checker.cli import main
from checker.packs.pack import load_pack, outer_schema
from checker.packs.patterns import holds_regex
from checker.packs.yamlsrc import ConfigError
from tests.conftest import TODAY, seed_text

MODULE = '''\
"""phrase-count — a part names a phrase at least ``min_count`` times.

Message value: ``count``.
"""

from checker.check.ruletypes.base import Hit, described, params_schema
from checker.packs.patterns import REGEX_LIST, pattern_of

PARAMS = params_schema(
    {
        "phrases": described(REGEX_LIST, "要数的说法", "phrases to count"),
        "min_count": described({"type": "integer", "minimum": 1}, "至少出现的次数", "fewest occurrences"),
    },
    required=("phrases",),
)


def check(rule, ctx):
    locus = ctx.locus(rule.element)
    text = "".join(p.text for p in locus.paragraphs) if locus else ""
    count = len(pattern_of(rule.params["phrases"]).findall(text))
    if count < rule.params.get("min_count", 1):
        yield Hit(values={"count": count, "lang": ctx.lang})
'''

PACK = """\
id: counted
version: "1"
extends: national
rules:
  - id: mentions-training-often
    element: measures
    type: phrase-count
    severity: info
    weight: 1
    message: "“培训”只出现了 {count} 次"
    suggestion: 多写培训。
    basis: {source: 测试}
    params:
      phrases: [培训]
      min_count: %s
"""


@pytest.fixture
def phrase_count(tmp_path, monkeypatch):
    """Register the temporary module as rule type ``phrase-count`` (one registry entry)."""
    name = f"phrase_count_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text(MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(RULE_TYPES, "phrase-count", name)
    yield "phrase-count"
    sys.modules.pop(name, None)


def write_pack(tmp_path, min_count: str, extra: str = "", name: str = "counted.yaml"):
    path = tmp_path / name
    path.write_text(PACK % min_count + textwrap.indent(extra, "      "), encoding="utf-8")
    return path


def test_new_rule_type_from_a_module_and_a_registry_line_runs(tmp_path, phrase_count):
    pack = load_pack(write_pack(tmp_path, "1000"))
    [rule] = [r for r in pack.rules if r.type == phrase_count]
    findings = [f for f in check_text(seed_text("000"), pack=pack, today=TODAY).findings if f.rule == rule.id]
    assert len(findings) == 1 and findings[0].message.startswith("“培训”只出现了 ")
    satisfied = check_text(
        seed_text("000"), pack=load_pack(write_pack(tmp_path, "1", name="once.yaml")), today=TODAY
    )
    assert rule.id not in {f.rule for f in satisfied.findings}


def test_bad_parameter_of_the_new_type_names_file_line_and_field(tmp_path, phrase_count):
    path = write_pack(tmp_path, '"three"')
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert info.value.file == str(path)
    assert info.value.line == 15 and info.value.field == "rules[0].params.min_count"


def test_unknown_parameter_of_the_new_type_is_refused(tmp_path, phrase_count):
    path = write_pack(tmp_path, "2", "colour: red\n")
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert info.value.line == 16 and info.value.field == "rules[0].params.colour"
    assert "未知字段" in info.value.problem


def test_pattern_parameter_of_the_new_type_is_compiled_at_load(tmp_path, phrase_count):
    path = tmp_path / "counted.yaml"
    path.write_text((PACK % "2").replace("phrases: [培训]", "phrases: ['培训(']"), encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert info.value.line == 14 and info.value.field == "rules[0].params.phrases[0]"
    assert "正则表达式写法有误" in info.value.problem


def test_rules_types_documents_the_new_type_from_its_declaration(phrase_count):
    output = CliRunner().invoke(main, ["rules", "types"]).stdout
    block = output.split(f"■ {phrase_count}\n", 1)[1].split("■ ", 1)[0]
    assert "phrases（必填，正则表达式列表）：要数的说法" in block
    assert "min_count（整数 ≥ 1）：至少出现的次数" in block


def test_the_outer_schema_holds_no_rule_type_parameters():
    rule = outer_schema()["$defs"]["rule"]
    assert "allOf" not in rule and "properties" not in rule["properties"]["params"]
    assert all("type" in schema for schema in params_schemas().values())
    assert holds_regex(params_schemas()["forbidden"]) and not holds_regex(params_schemas()["copy"])
