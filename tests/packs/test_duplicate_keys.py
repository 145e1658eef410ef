"""A key written twice in one YAML mapping of a pack or a config: PyYAML keeps the later value
without a word, so a rule's first pattern or a config's first setting would silently vanish."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.packs.pack import load_pack
from checker.packs.yamlsrc import ConfigError, parse_yaml
from checker.run.config import load_config
from tests.conftest import SEEDS

RULE_TWICE_PATTERNED = """id: twice
version: '1'
extends: national
rules:
  - id: local.rule
    type: required_phrase
    pattern: 法治
    pattern: 依法行政
"""


def test_a_field_written_twice_in_a_rule_names_both_lines():
    with pytest.raises(ConfigError) as caught:
        parse_yaml(RULE_TWICE_PATTERNED, "pack.yaml")
    error = caught.value
    assert (error.file, error.line, error.field) == ("pack.yaml", 8, "rules[0].pattern")
    assert error.describe("zh") == (
        "pack.yaml:8: rules[0].pattern: "
        "这个字段写了两次（第一次在第 7 行），后写的会悄悄替换先写的；请删去或合并其中一处"
    )
    assert "this field is written twice (first on line 7)" in error.describe("en")


def test_a_pack_and_a_config_with_a_repeated_key_are_refused(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(RULE_TWICE_PATTERNED, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_pack(pack)
    config = tmp_path / ".fzcheck.yaml"
    config.write_text("fail_under: 80\npack: national\nfail_under: 20\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert (caught.value.line, caught.value.field) == (3, "fail_under")
    run = CliRunner().invoke(main, ["check", "--config", str(config), str(SEEDS["000"])])
    assert run.exit_code == 2 and "写了两次" in run.output and "Traceback" not in run.output


def test_merge_keys_and_equal_keys_in_different_mappings_are_accepted():
    document = parse_yaml("base: &b {x: 1}\na:\n  <<: *b\n  y: 2\nb:\n  y: 3\n")
    assert document.data == {"base": {"x": 1}, "a": {"x": 1, "y": 2}, "b": {"y": 3}}


def test_a_huge_field_name_is_shortened_in_the_message():
    with pytest.raises(ConfigError) as caught:
        parse_yaml(f"? {'a' * 5000}\n: 1\n? {'a' * 5000}\n: 2\n", "pack.yaml")
    message = caught.value.describe("zh")
    assert len(message) < 200 and "…" in message
