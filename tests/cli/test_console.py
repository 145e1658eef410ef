"""The ``fzcheck`` executable and its start-up: the same command line, loaded for less."""

from __future__ import annotations

import contextlib
import subprocess
import sys

from click.testing import CliRunner

from checker.cli import main as command
from tests.conftest import ROOT, SEEDS, TODAY


def test_the_console_script_and_python_m_run_the_entry_point():
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # tomllib is 3.11+; this runs on 3.10
    assert '[project.scripts]\nfzcheck = "checker.console:main"\n' in project
    module_main = (ROOT / "checker" / "__main__.py").read_text(encoding="utf-8")
    assert "from checker.console import main" in module_main


def test_the_entry_point_prints_what_the_command_line_prints():
    arguments = ["check", "--no-config", "--today", TODAY.isoformat(), "--format", "json", str(SEEDS["003"])]
    done = subprocess.run(
        [sys.executable, "-m", "checker", *arguments], cwd=ROOT, capture_output=True, check=False
    )
    in_process = CliRunner().invoke(command, arguments)
    assert done.returncode == in_process.exit_code
    assert done.stdout == in_process.stdout_bytes
    assert b'"score"' in done.stdout


def test_start_up_objects_are_frozen_and_the_collector_runs_for_the_rest():
    probe = (
        "import gc, sys\n"
        "from checker import console\n"
        "sys.argv = ['fzcheck', '--version']\n"
        "try:\n"
        "    console.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.isenabled(), gc.get_freeze_count(), 'checker.cli' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    enabled, frozen, imported = done.stdout.splitlines()[-1].split()  # after the version line
    assert (enabled, imported) == ("True", "True")
    assert int(frozen) > 20_000  # the command line's modules, classes and functions


def test_loading_the_command_line_leaves_gettext_alone():
    """Click's words go through the catalogue from the start, so nothing searches for .mo files."""
    probe = "import sys, checker.cli; print('locale' in sys.modules, 'gettext' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]  # gettext loaded (Click imports it), never asked


def test_the_version_is_worded_in_the_language_of_the_run():
    from checker import __version__

    def printed(*arguments: str) -> str:
        return CliRunner().invoke(command, list(arguments)).output

    assert printed("--version") == f"fzcheck，版本 {__version__}\n"
    assert printed("--lang", "en", "--version") == f"fzcheck, version {__version__}\n"
    assert printed("--version", "--lang", "en") == f"fzcheck, version {__version__}\n"


EXIT_PROBE = (
    "import atexit, sys\n"
    "from checker import console\n"
    "atexit.register(lambda: sys.stdout.write('exit handlers ran\\n'))\n"
    "sys.argv = ['fzcheck', *sys.argv[1:]]\n"
    "console.main()\n"
)


def _probe(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", EXIT_PROBE, *arguments], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_a_check_ends_with_its_exit_handlers_run_its_output_whole_and_its_status(tmp_path):
    arguments = ["check", "--no-config", "--today", TODAY.isoformat(), "--format", "json", str(SEEDS["003"])]
    report = tmp_path / "out.json"
    done = _probe(*arguments[:-1], "--output", str(report), arguments[-1])
    in_process = CliRunner().invoke(command, arguments)
    assert done.returncode == in_process.exit_code
    assert done.stdout.splitlines()[-1] == "exit handlers ran"
    assert report.read_text(encoding="utf-8").strip() == in_process.output.strip()  # written whole
    failed = _probe("check", "--no-config", "--fail-under", "100", str(SEEDS["003"]))
    assert failed.returncode == 1 and failed.stdout.splitlines()[-1] == "exit handlers ran"
    assert _probe("check", "--no-such-option").returncode == 2


def test_only_a_check_alone_in_its_process_skips_the_shutdown(monkeypatch):
    """The quick exit is taken after ``check`` only, with no other thread, a numeric status and
    flushed streams; otherwise the usual exit follows."""
    from checker import console

    exits: list[int] = []

    def fake_exit(code: int) -> None:
        exits.append(code)
        raise SystemExit(code)  # os._exit never returns

    threads = [1]  # how many threads the process has (the test run may have more of its own)
    monkeypatch.setattr(console.threading, "active_count", lambda: threads[0])
    monkeypatch.setattr(console.os, "_exit", fake_exit)
    monkeypatch.setattr(console.atexit, "_run_exitfuncs", lambda: exits.append(-1))
    with contextlib.suppress(SystemExit):
        console._exit_now(SystemExit(1))
    with contextlib.suppress(SystemExit):
        console._exit_now(SystemExit(None))
    assert exits == [-1, 1, -1, 0]
    console._exit_now(SystemExit("a message, not a status"))
    threads[0] = 2
    console._exit_now(SystemExit(0))
    assert exits == [-1, 1, -1, 0]  # neither took the quick exit
    CliRunner().invoke(command, ["check", "--no-config", str(SEEDS["003"])])
    assert command.resolved == "check" and "check" in console.QUICK_EXIT
    CliRunner().invoke(command, ["--version"])
    assert command.resolved is None
