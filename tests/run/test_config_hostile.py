"""Hostile ``.fzcheck.yaml`` files and packs: each is refused with file:line:field in plain words
and exit 2 (never a traceback, never a silently disabled gate)."""

from __future__ import annotations

import shutil
import subprocess
import textwrap

import pytest

from tests.conftest import FZCHECK, SEEDS


def fzcheck(cwd, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*FZCHECK, *args], capture_output=True, text=True, timeout=120, cwd=cwd)


@pytest.fixture
def folder(tmp_path):
    shutil.copy(SEEDS["003"], tmp_path / "r.txt")
    return tmp_path


@pytest.mark.parametrize(
    ("config", "where", "spelt"),
    [
        ("rules:\n  date-form: {weight: .inf}\n", ":2: rules.date-form.weight:", ".inf"),
        ("fail_under: .nan\n", ":1: fail_under:", ".nan"),
        ("overrides:\n  - paths: ['*.txt']\n    fail_under: .NaN\n", ":3: overrides[0].fail_under:", ".nan"),
    ],
)
def test_a_non_finite_number_in_the_config_is_refused(folder, config, where, spelt):
    (folder / ".fzcheck.yaml").write_text(config, encoding="utf-8")
    expected = {"zh": f"应为有限的数字，实际写的是 {spelt}", "en": f"must be a finite number, not {spelt}"}
    for lang, text in expected.items():
        run = fzcheck(folder, "--lang", lang, "check", "r.txt")
        assert run.returncode == 2, run.stdout
        assert where in run.stderr and text in run.stderr and "Traceback" not in run.stderr


def test_a_non_finite_number_in_a_pack_is_refused(folder):
    (folder / "p.yaml").write_text(
        textwrap.dedent(
            """\
            id: local
            version: '1'
            extends: national
            parameters: {fail_under: .nan}
            rules:
              - id: extra-rule
                element: measures
                type: required-pattern
                severity: info
                weight: .inf
                params: {scope: document, patterns: ['法治']}
                message: 没有。
                suggestion: 写。
                basis: {source: 测试}
            """
        ),
        encoding="utf-8",
    )
    validate = fzcheck(folder, "rules", "validate", "p.yaml")
    assert validate.returncode == 2 and "p.yaml:4: parameters.fail_under: 应为有限的数字" in validate.stderr
    check = fzcheck(folder, "check", "--format", "json", "--pack", "p.yaml", "r.txt")
    assert check.returncode == 2 and "NaN" not in check.stdout
    assert "应为有限的数字，实际写的是 .nan" in check.stderr


@pytest.mark.parametrize(
    ("option", "value"), [("--fail-under", "nan"), ("--timeout", "inf"), ("--timeout", "1e300")]
)
def test_a_non_finite_number_on_the_command_line_is_a_usage_error(folder, option, value):
    run = fzcheck(folder, "check", option, value, "r.txt")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert f"'{option}' 的值无效" in run.stderr


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('pack: "\\x00"\n', ".fzcheck.yaml:1: pack: 没有名为“\\x00”的规则包"),
        ('pack: "rules/a\\x00.yaml"\n', ".fzcheck.yaml:1: pack: 没有名为“rules/a\\x00.yaml”的规则包"),
        ('baseline: "\\x00"\n', "基线文件无法使用："),
    ],
)
def test_a_nul_byte_in_a_path_in_the_config_is_a_config_error(folder, config, expected):
    (folder / ".fzcheck.yaml").write_text(config, encoding="utf-8")
    run = fzcheck(folder, "check", "r.txt")
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert expected in run.stderr and "\x00" not in run.stderr


def test_a_nul_byte_in_a_packs_extends_is_a_pack_error(folder):
    (folder / "p.yaml").write_text('id: p\nversion: "1"\nextends: "\\x00"\n', encoding="utf-8")
    run = fzcheck(folder, "--lang", "en", "check", "--pack", "p.yaml", "r.txt")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "p.yaml:3: extends: there is no rule pack or file named '\\x00'" in run.stderr
    assert "\x00" not in run.stderr


@pytest.mark.parametrize(
    ("config", "zh", "en"),
    [
        ("fail_under: 2024-01-01\n", "应为数字，实际写的是 日期 2024-01-01", "not the date 2024-01-01"),
        ("fail_under: !!binary aGVsbG8=\n", "应为数字，实际写的是 二进制数据", "not binary data"),
        ("fail_under: {a: 1}\n", "应为数字，实际写的是 映射（键: 值）", "not a mapping (key: value)"),
        (
            "a: " + "[" * 900 + "]" * 900 + "\n",
            ":1: (根): 嵌套过深（超过 200 层）",
            "nested deeper than 200 levels",
        ),
        (
            "# " + "x" * (9 * 1024 * 1024) + "\n",
            "无法读取：文件过大（超过 8 MB）",
            "the file is larger than 8 MB",
        ),
        (
            "fail_under: 1 # \udcff\n",
            "无法读取：不是 UTF-8 编码的文本",
            "cannot be read: it is not UTF-8 text",
        ),
    ],
)
def test_config_errors_say_what_was_written_in_words_not_python_reprs(folder, config, zh, en):
    (folder / ".fzcheck.yaml").write_bytes(config.encode("utf-8", "surrogateescape"))
    for lang, expected in (("zh", zh), ("en", en)):
        run = fzcheck(folder, "--lang", lang, "check", "r.txt")
        assert run.returncode == 2 and expected in run.stderr, run.stderr
        for python in ("datetime.", "b'", "{'", "TooLarge", "UnicodeDecodeError", "别名"):
            assert python not in run.stderr
