"""GitHub workflow commands: one annotation per finding, escaped the way the runner expects."""

from __future__ import annotations

from click.testing import CliRunner

from checker.cli import main
from checker.formats.github import command, escape_data, escape_property
from tests.conftest import ROOT, SEEDS


def test_message_escaping_of_percent_and_newlines():
    assert escape_data("100%\r\nok") == "100%25%0D%0Aok"
    assert escape_data("a:b,c") == "a:b,c"  # only properties escape : and ,


def test_property_escaping_of_colon_and_comma():
    assert escape_property("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A"


def test_command_leaves_out_missing_properties():
    line = command(
        "error",
        "报告末尾没有成文日期。\n建议：…",
        file="a,b.txt",
        line=3,
        col=None,
        title="fzcheck date-present",
    )
    assert line == (
        "::error file=a%2Cb.txt,line=3,title=fzcheck date-present::报告末尾没有成文日期。%0A建议：…"
    )


def test_findings_become_annotations_on_the_file(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--no-config",
            "--format",
            "github",
            "--today",
            "2026-11-23",
            str(SEEDS["001"].relative_to(ROOT)),
        ],
    )
    lines = result.stdout.splitlines()
    assert all(line.startswith("::") for line in lines)
    date = next(line for line in lines if "date-present" in line)
    assert date.startswith("::error file=reports/001_f491bedcbbc154a0.txt,line=20,col=")
    assert "%0A建议：" in date and "\n" not in date
    assert lines[0].startswith("::notice file=reports/001_f491bedcbbc154a0.txt")


def test_each_report_line_carries_the_gate_verdict(tmp_path, monkeypatch):
    """A report failing --fail-under was only a ::notice ("❌ 未通过") and a text that is not a
    report a ::warning, while the job failed; both are now ::error, a passing report ::notice."""
    (tmp_path / "notes.txt").write_text("会议纪要\n\n今天讨论了午饭吃什么。\n", encoding="utf-8")
    import shutil

    shutil.copy(SEEDS["004"], tmp_path / "r.txt")
    monkeypatch.chdir(tmp_path)

    def summaries(*args):
        base = ["check", "--no-config", "--today", "2026-11-23", "--format", "github"]
        result = CliRunner().invoke(main, [*base, *args])
        return result.exit_code, [line for line in result.stdout.splitlines() if "title=fzcheck::" in line]

    code, lines = summaries("--fail-under", "90", "r.txt")
    assert code == 1 and len(lines) == 1 and lines[0].startswith("::error file=r.txt,title=fzcheck::")
    code, lines = summaries("--fail-under", "60", "r.txt")
    assert code == 0 and lines[0].startswith("::notice file=r.txt,title=fzcheck::")
    code, lines = summaries("notes.txt")
    assert code == 1 and lines[0].startswith("::error file=notes.txt,title=fzcheck::")
    code, lines = summaries("--skip-non-reports", "notes.txt")
    assert code == 0 and lines[0].startswith("::notice file=notes.txt,title=fzcheck::")
