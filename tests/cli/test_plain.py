"""Plain language from the first keystroke: no Click English in Chinese mode, correct English
plurals with --lang en, usage errors that say what to do, tables aligned by display width."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.text.width import display_width
from tests.conftest import REPORTS, SEEDS

# Click's own English words that must not reach a Chinese user.
CLICK_ENGLISH = re.compile(
    r"Usage|Options|Commands|Error|Try '|for help|Show this|No such|Missing|Invalid value|"
    r"is not one of|is not a valid|not in the range|does not exist|default:|required|"
    r"\[OPTIONS\]|COMMAND|ARGS|TEXT|PATH|FLOAT|INTEGER|Got unexpected|Did you mean|Errno|Traceback"
)


def run(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="fzcheck")


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    """Every sub-command, through Click's own listing (the top level imports its commands lazily)."""
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("command", [(), *_commands(main)], ids=lambda c: " ".join(c) or "fzcheck")
def test_every_help_is_free_of_click_english(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert not CLICK_ENGLISH.findall(result.output), result.output
    assert "用法：fzcheck" in result.output


@pytest.mark.parametrize("command", [(), *_commands(main)], ids=lambda c: " ".join(c) or "fzcheck")
def test_every_help_in_english_uses_click_english(command):
    result = run(*command, "--help", "--lang", "en") if command else run("--lang", "en", "--help")
    assert "Usage: fzcheck" in result.output and "Show this message and exit." in result.output
    # our own help texts are translated too (no Han characters outside quoted examples)
    lines = [line for line in result.output.splitlines() if re.search(r"[\u4e00-\u9fff]", line)]
    assert not [line for line in lines if "“" not in line and "《" not in line], lines


def test_lang_option_has_help_text():
    assert "输出语言" in run("check", "-h").output
    assert "Output language" in run("check", "-h", "--lang", "en").output


def test_help_is_not_wrapped_inside_a_word():
    output = run("check", "--help").output
    words = {"markdown", "sarif", "junit", "github", "--output", "fail_under", ".fzcheck.yaml"}
    for line in output.splitlines():
        tail = line.rstrip().rsplit(" ", 1)[-1]
        # a line may end with a complete word, never with the first part of one
        assert not any(w != tail and w.startswith(tail) and len(tail) > 1 for w in words if tail.isascii())
    assert "markdown。" in output or "markdown" in output.replace("\n", "")


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--no-such-option"),
        ("check", "--format"),
        ("check", "--fail-under", "abc"),
        ("check", "--fail-under", "120"),
        ("check", "--fail-on", "fatal"),
        ("rules", "explain"),
        ("rules", "nosuch"),
        ("nosuch",),
        ("audit", "reports"),
        ("check", "--lang", "fr", "reports"),
    ],
)
def test_usage_errors_are_chinese_and_exit_two(args):
    result = run(*args)
    assert result.exit_code == 2
    assert not CLICK_ENGLISH.findall(result.output), result.output
    assert "错误：" in result.output


def test_usage_errors_in_english_are_click_english():
    result = run("check", "--lang", "en", "--no-such-option")
    assert result.exit_code == 2 and "No such option" in result.output and "Usage:" in result.output


def test_missing_file_says_what_to_do_without_errno():
    result = run("check", "没有的文件.txt")
    assert result.exit_code == 2
    assert "找不到这个文件，请检查文件名和所在目录是否写对" in result.output
    assert not CLICK_ENGLISH.findall(result.output + result.stderr)
    english = run("check", "--lang", "en", "没有的文件.txt")
    assert "There is no such file" in english.output and "Errno" not in english.output


def test_missing_file_is_not_said_twice_and_no_paths_says_what_to_write(tmp_path, monkeypatch):
    result = run("check", "没有的文件.txt")
    assert "无法读取" not in result.output + result.stderr  # the gate line points back instead
    assert "未能检查（原因见上）" in result.output + result.stderr
    monkeypatch.chdir(tmp_path)  # no file named and no ./reports folder here
    bare = run("check")
    assert bare.exit_code == 2
    assert "请在命令后写上要检查的报告文件，例如：fzcheck check 报告.docx" in bare.output + bare.stderr
    assert "./reports" not in bare.output + bare.stderr
    assert "Name the report to check" in run("check", "--lang", "en").output


@pytest.mark.parametrize("pack", ["no-such-pack", "rules/nothing.yaml"])
def test_bad_pack_is_a_plain_usage_error(pack):
    for command in (
        ("check", "--no-config", "--pack", pack, str(SEEDS["000"])),
        ("rules", "list", "--pack", pack),
    ):
        result = run(*command)
        assert result.exit_code == 2
        assert "national、veterans、province-example" in result.stderr
        assert not CLICK_ENGLISH.findall(result.output)


def test_broken_pack_file_names_file_and_line(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\nversion: '1'\nrules: [1\n", encoding="utf-8")
    result = run("rules", "list", "--pack", str(broken))
    assert result.exit_code == 2 and "broken.yaml:" in result.stderr and "规则包无法使用" in result.stderr


def test_two_formats_without_output_exit_two():
    result = run("check", "--format", "json", "--format", "text", str(SEEDS["000"]))
    assert result.exit_code == 2 and result.stdout == ""
    assert "--output" in result.output and not CLICK_ENGLISH.findall(result.output)
    english = run("check", "--lang", "en", "--format", "json", "--format", "sarif", str(SEEDS["000"]))
    assert english.exit_code == 2 and "2 formats but 0 --output files" in english.output


def test_two_formats_with_one_output_write_both(tmp_path):
    target = tmp_path / "out.json"
    result = run(
        "check",
        "--today",
        "2026-11-23",
        "--format",
        "json",
        "--format",
        "text",
        "-o",
        str(target),
        str(SEEDS["000"]),
    )
    assert result.exit_code in (0, 1) and target.read_text(encoding="utf-8").startswith("{")
    assert "要素检查" in result.stdout


def test_english_plurals():
    one = run("check", "--lang", "en", "--today", "2026-11-23", str(REPORTS / "003_b4af584f926d2a40.txt"))
    assert "1 file: " in one.output and "1 files" not in one.output
    assert "covers 1 duty (" in one.output and "1 duties" not in one.output
    assert "2 errors" in one.output and "2 notes" in one.output
    assert "(35 characters)" in one.output
    many = run("check", "--lang", "en", "--today", "2026-11-23", str(REPORTS))
    assert "5 files: " in many.output
    assert "covers 3 duties" in many.output
    assert "Grade pass  passed" not in many.output and "Verdict: passed" in many.output


def test_pass_with_errors_says_why():
    result = run("check", "--today", "2026-11-23", str(SEEDS["001"]))
    assert "通过（总分达标，但有 2 处错误需改正）" in result.output


def test_locations_a_person_can_find():
    output = run("check", "--today", "2026-11-23", str(REPORTS / "003_b4af584f926d2a40.txt")).output
    assert "第13行第478字 这段文字与第13行第245字的文字重复" in output  # a long line: both places
    assert "第28行之后 报告末尾没有成文日期" in output  # a missing part placed
    assert "第18行 存在的不足" in output  # a short line: no 字 offset
    assert not re.search(r"第\d+行:\d+", output)


def test_rules_list_columns_align_by_display_width():
    lines = [line for line in run("rules", "list").output.splitlines()[1:] if line.startswith("  ")]
    header, rows = lines[0], lines[1:]  # the table, without the pack's name and the totals under it
    starts = [display_width(header[: header.index(name)]) for name in ("要素", "级别", "权重")]
    for row in rows:
        cells = row.split()
        element_at = display_width(row[: row.index(cells[1], len(cells[0]) + 2)])
        level_at = display_width(row[: row.index(cells[2], row.index(cells[1]) + len(cells[1]))])
        assert [element_at, level_at] == starts[:2], row


def test_audit_takes_the_gates_and_exits_one_on_a_failing_report(tmp_path):
    passing = run(
        "audit", "--no-config", "--today", "2026-11-23", "-j", "1", "--out", str(tmp_path / "a"), str(REPORTS)
    )
    assert passing.exit_code == 0, passing.output
    assert "状态：ok" not in passing.stderr and "已检查的 5 份中未通过 0 份" in passing.stderr
    failing = run(
        "audit",
        "--no-config",
        "--today",
        "2026-11-23",
        "-j",
        "1",
        "--fail-under",
        "75",
        "--out",
        str(tmp_path / "a"),
        str(REPORTS),
    )
    assert failing.exit_code == 1
    assert "003_b4af584f926d2a40.txt：得分 66.7 低于及格线 75" in failing.stderr
    stored = (tmp_path / "a" / "results.json").read_text(encoding="utf-8")
    assert '"passed": false' in stored.replace("\n", "").replace("  ", " ") or "false" in stored


def test_audit_applies_the_config_and_its_waivers(tmp_path):
    config = tmp_path / ".fzcheck.yaml"
    config.write_text(
        "fail_on: error\nwaivers:\n  - rule: date-present\n    reason: 网页转载\n"
        "  - rule: signature-present\n    reason: 网页转载\n  - rule: title-present\n    reason: 转载\n",
        encoding="utf-8",
    )
    strict = run(
        "audit",
        "--no-waivers",
        "--config",
        str(config),
        "--today",
        "2026-11-23",
        "-j",
        "1",
        "--out",
        str(tmp_path / "o"),
        str(REPORTS),
    )
    assert strict.exit_code == 1 and "“错误”及以上级别问题" in strict.stderr
    waived = run(
        "audit",
        "--config",
        str(config),
        "--today",
        "2026-11-23",
        "-j",
        "1",
        "--out",
        str(tmp_path / "o"),
        str(REPORTS),
    )
    assert waived.exit_code == 0, waived.stderr


def test_audit_summary_in_english_has_plurals(tmp_path):
    result = run(
        "audit",
        "--lang",
        "en",
        "--no-config",
        "--today",
        "2026-11-23",
        "-j",
        "1",
        "--no-progress",
        "--out",
        str(tmp_path / "o"),
        str(SEEDS["000"]),
    )
    assert result.exit_code == 0, result.stderr
    assert "1 file: 1 checked now" in result.stderr and "0 pairs of copies" in result.stderr
    assert "1/1 report (0 skipped, 0 problems)" in result.stderr
