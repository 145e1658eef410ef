"""A report whose file name is not valid UTF-8 is checked and named in every output format."""

from __future__ import annotations

import os
import subprocess

import pytest

from checker.api import check_file
from checker.read.names import name_of
from tests.conftest import FZCHECK, ROOT, SEEDS, TODAY


@pytest.fixture
def odd_folder(tmp_path):
    """A seed under a name with two bytes that are not UTF-8 (Linux allows any bytes but / and NUL)."""
    folder = tmp_path / "in"
    folder.mkdir()
    path = os.fsencode(str(folder)) + b"/\xff\xfe" + "报告.txt".encode()
    with open(path, "wb") as handle:
        handle.write(SEEDS["001"].read_bytes())
    return folder


def test_a_name_that_is_not_utf8_keeps_its_bytes_as_escapes():
    odd = os.fsdecode(b"/r/\xff\xfe" + "报告.txt".encode())
    assert name_of(odd) == "/r/\\xff\\xfe报告.txt"
    assert name_of("/r/报告 2024.docx") == "/r/报告 2024.docx"
    assert name_of(os.fsdecode(b"/r/\xff.txt")) != name_of(os.fsdecode(b"/r/\xfe.txt"))


@pytest.mark.parametrize("form", ["text", "json", "sarif", "junit", "github", "markdown"])
def test_every_format_names_the_file_in_valid_utf8(odd_folder, form):
    done = subprocess.run(
        [*FZCHECK, "check", "--no-config", "--today", TODAY.isoformat(), "--format", form, str(odd_folder)],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")[-600:]
    assert b"Traceback" not in done.stderr
    output = done.stdout.decode("utf-8")  # strict: no stray bytes of the name
    assert "\\xff\\xfe报告.txt" in output.replace("\\\\", "\\") or "%5Cxff%5Cxfe" in output


def test_the_api_result_names_the_file_as_the_outputs_do(odd_folder):
    (path,) = odd_folder.iterdir()
    result = check_file(path, today=TODAY)
    assert result.status == "ok" and result.score is not None
    assert result.path == str(odd_folder) + "/\\xff\\xfe报告.txt"
