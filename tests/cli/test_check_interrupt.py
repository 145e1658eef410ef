"""Ctrl+C or SIGTERM in the middle of ``fzcheck check`` over a folder: one sentence saying no
half-written output file was left and the command can be run again, the shell's exit code for
the signal (130, 143, not 1, which means a report failed the gate), no traceback, and neither
the --output file nor its unfinished copy on disk."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.audit.corpora import TODAY, corpus_folder, signal_when
from tests.conftest import FZCHECK


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return corpus_folder(tmp_path_factory.mktemp("corpus"), 150, seed=7, broken_docx=False)


def _unfinished(out: Path) -> list[Path]:
    """The --output file being written (it takes its name only when the check is complete)."""
    return [path for path in out.glob(".report.json.*.tmp") if path.stat().st_size > 0]


@pytest.mark.parametrize(
    ("signum", "group", "code", "lang", "words"),
    [
        (signal.SIGINT, True, 130, "zh", "检查已中断。没有留下写了一半的输出文件，重新运行同一命令即可"),
        (signal.SIGTERM, False, 143, "zh", "检查已中断。"),
        (signal.SIGINT, True, 130, "en", "Check interrupted. No half-written output file was left"),
        (signal.SIGTERM, False, 143, "en", "Check interrupted."),
    ],
)
def test_a_stopped_check_says_so_and_leaves_no_half_file(corpus, tmp_path, signum, group, code, lang, words):
    out = tmp_path / "out"
    out.mkdir()
    command = [*FZCHECK, "--lang", lang, "check", str(corpus), "--no-config", "--today", TODAY]
    command += ["--format", "json", "--output", str(out / "report.json")]
    stopped = signal_when(command, lambda: bool(_unfinished(out)), poll=0.02, signum=signum, group=group)
    assert stopped.returncode == code, stopped.stderr
    assert words in stopped.stderr and "Traceback" not in stopped.stderr, stopped.stderr
    assert "已中止" not in stopped.stderr and "Aborted" not in stopped.stderr
    assert list(out.iterdir()) == []  # neither report.json nor the half of it


@pytest.mark.parametrize(("lang", "words"), [("zh", "已中止。"), ("en", "Aborted!")])
def test_ctrl_c_before_a_command_handles_it_ends_with_the_shells_code(monkeypatch, lang, words):
    """A Ctrl+C that lands before the sub-command set up its own handling (an audit starting its
    workers, a pack being loaded) says "已中止。" and ends with 130, as one after does; Click
    alone ended it with 1, which a script reads as "a report failed the gate"."""
    from click.testing import CliRunner

    import checker.cli.rules as rules_cli
    from checker.cli import main

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(rules_cli, "_load", interrupted)
    done = CliRunner().invoke(main, ["--lang", lang, "rules", "list"])
    assert done.exit_code == 130, done.output
    assert words in done.output and "Traceback" not in done.output
