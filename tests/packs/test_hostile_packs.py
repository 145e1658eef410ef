"""Hostile rule packs and configs are refused at load: backtracking regexes, YAML alias bombs,
loosely typed overrides, config paths that are not regular files."""

from __future__ import annotations

import os
import re
import textwrap
import time

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.packs.pack import load_pack
from checker.packs.regex_safety import unsafe_reason
from checker.packs.yamlsrc import MAX_NODES, ConfigError, parse_yaml
from checker.run.budget import BudgetExceeded, _alarm
from checker.run.config import load_config
from tests.conftest import SEEDS

CATASTROPHIC = [r"(a+)+$", r"(.*){20}x", r"(a|aa)*b", r"(?:x*y?)*z", r"(\w+\s?)+$", r"(?:.|a)+!"]
SAFE = [r"(\d+年)+", r"(?:第[一二三四五六七八九十]+条)+", r"([^，]+，)+", r"(?:一|二)+", r"a*+b", r"(?>a+)+b"]


def pack_with_pattern(tmp_path, pattern: str):
    path = tmp_path / "pack.yaml"
    body = f"""\
        id: local
        version: '1'
        extends: national
        rules:
          - id: extra-rule
            element: problems
            type: forbidden
            severity: warning
            weight: 2
            params: {{patterns: ['{pattern}']}}
            message: 套话
            suggestion: 写具体
            basis: {{source: 测试}}
        """
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_a_backtracking_pattern_is_refused_with_file_line_and_field(tmp_path, pattern):
    path = pack_with_pattern(tmp_path, pattern)
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert info.value.file == str(path)
    assert info.value.line == 10 and info.value.field == "rules[0].params.patterns[0]"
    assert "灾难性回溯" in info.value.problem


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(.*){20}x", r"(a|aa)*b"])
def test_the_refused_shapes_really_backtrack(pattern):
    """What the analysis refuses does stall ``re`` on one short hostile line."""
    line = "a" * 64 + "!"
    with pytest.raises(BudgetExceeded), _alarm(0.3):
        re.search(pattern, line)


@pytest.mark.parametrize("pattern", SAFE)
def test_delimited_and_possessive_repeats_are_accepted(tmp_path, pattern):
    assert unsafe_reason(pattern) is None
    pack = load_pack(pack_with_pattern(tmp_path, pattern))
    assert any(rule.id == "extra-rule" for rule in pack.rules)


def test_bundled_packs_pass_the_analysis():
    for name in ("national", "veterans", "province-example"):
        assert load_pack(name).rules


def test_the_reason_is_in_english_on_request():
    assert "backtracks catastrophically" in unsafe_reason(r"(a+)+$", "en")


def test_an_override_of_an_inherited_rule_is_checked_too(tmp_path):
    path = tmp_path / "pack.yaml"
    path.write_text(
        "id: o\nversion: '1'\nextends: national\nrules:\n"
        "  - id: measures-evidence\n    params:\n      patterns: ['(.*){20}x']\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert info.value.line == 7 and "回溯" in info.value.problem


@pytest.mark.parametrize("patterns", ["[123, null]", "[null]", "'不是列表'", "[{a: 1}]"])
def test_an_extending_pack_is_validated_as_strictly_as_a_full_one(tmp_path, monkeypatch, patterns):
    monkeypatch.setenv("FZCHECK_NO_CACHE", "1")
    path = tmp_path / "pack.yaml"
    path.write_text(
        "id: o\nversion: '1'\nextends: national\nrules:\n"
        f"  - id: measures-evidence\n    params:\n      patterns: {patterns}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert info.value.line == 7
    assert info.value.field.startswith("rules[0].params.patterns")


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    lines = [f"l0: &l0 [{', '.join(['x'] * width)}]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [4, 9])
def test_alias_bombs_are_refused_by_count(levels):
    text = alias_bomb(levels)
    expanded = sum(9**i for i in range(1, levels + 1))
    if expanded <= MAX_NODES:
        assert parse_yaml(text).data["l0"] == ["x"] * 9  # small anchors stay legal
        return
    started = time.monotonic()
    with pytest.raises(ConfigError) as info:
        parse_yaml(text, "bomb.yaml")
    assert "别名" in info.value.problem and str(MAX_NODES) in info.value.problem
    assert time.monotonic() - started < 10


def test_a_recursive_alias_is_refused():
    with pytest.raises(ConfigError):
        parse_yaml("a: &a [1, *a]\n")


def test_alias_bomb_in_a_pack_and_in_fzcheck_yaml(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text("id: b\nversion: '1'\nextends: national\n" + alias_bomb(), encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_pack(pack)
    assert "别名" in str(info.value)
    config = tmp_path / ".fzcheck.yaml"
    config.write_text(alias_bomb(), encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(config)
    run = CliRunner().invoke(main, ["check", "--config", str(config), str(SEEDS["000"])])
    assert run.exit_code == 2 and "别名" in run.output and "Traceback" not in run.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")
def test_a_config_that_is_a_fifo_or_device_is_a_clear_error(tmp_path):
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    for config, kind in ((fifo, "命名管道"), ("/dev/zero", "设备文件")):
        started = time.monotonic()
        run = CliRunner().invoke(main, ["check", "--config", str(config), str(SEEDS["000"])])
        assert run.exit_code == 2, run.output
        assert "不是普通文件" in run.output and kind in run.output
        assert time.monotonic() - started < 10
    run = CliRunner().invoke(main, ["check", "--config", str(tmp_path), str(SEEDS["000"])])
    assert run.exit_code == 2 and "Traceback" not in run.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")
def test_a_baseline_that_is_a_fifo_is_refused_unread(tmp_path):
    fifo = tmp_path / "baseline.json"
    os.mkfifo(fifo)
    run = CliRunner().invoke(main, ["check", "--no-config", "--baseline", str(fifo), str(SEEDS["000"])])
    assert run.exit_code == 2 and "Traceback" not in run.output
