"""Control sequences in a file name or a report's text are shown escaped (``\\x1b``), never sent
to the terminal: OSC 0 would set the window title, OSC 52 write the clipboard."""

from __future__ import annotations

import subprocess

from tests.conftest import FZCHECK, SEEDS

TITLE = "\x1b]0;PWNED\x07"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4K\x07"


def _folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"a{TITLE}b.txt").write_bytes(SEEDS["000"].read_bytes())
    lines = SEEDS["003"].read_text(encoding="utf-8").split("\n")
    lines[3] = lines[3].replace("党政", CLIPBOARD + "党政", 1)
    (folder / "body.txt").write_text("\n".join(lines), encoding="utf-8")
    return folder


def test_check_text_output_escapes_controls_in_names_and_excerpts(tmp_path):
    folder = _folder(tmp_path)
    for colour in ("--color", "--no-color"):
        run = subprocess.run(
            [*FZCHECK, "check", colour, "--no-config", str(folder)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode in (0, 1), run.stderr
        assert "\x07" not in run.stdout and "\x1b]" not in run.stdout
        assert "a\\x1b]0;PWNED\\x07b.txt" in run.stdout
        assert "“一、\\x1b]52;c;cm0gLXJmIH4K\\x07党政" in run.stdout
        if colour == "--color":
            assert "\x1b[1m" in run.stdout  # the report's own styling is kept


def test_gate_lines_on_stderr_escape_controls_in_names(tmp_path):
    folder = _folder(tmp_path)
    run = subprocess.run(
        [*FZCHECK, "check", "--no-config", "--fail-under", "100", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert "\x1b" not in run.stderr and "a\\x1b]0;PWNED\\x07b.txt" in run.stderr
