"""Ctrl+C or SIGTERM while ``fzcheck annotate`` checks a report: one sentence saying nothing was
written and the command can be run again, exit 130 / 143, no traceback, no file left."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from tests.annotate.test_budget import SLOW_PACK
from tests.conftest import FZCHECK, SEEDS

CPU_SECONDS = 3.0  # an annotate of a seed takes well under this: past it, it is in the slow rule


def _cpu_seconds(pid: int) -> float:
    """User and system time of process ``pid`` so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads a process's CPU time in /proc")
@pytest.mark.parametrize(
    ("signum", "code", "lang", "words"),
    [
        (signal.SIGINT, 130, "zh", "批注已中断。没有写出批注文件，也没有留下写了一半的文件"),
        (signal.SIGTERM, 143, "en", "Annotation interrupted. No annotated file was written"),
    ],
)
def test_a_stopped_annotate_says_so_and_writes_nothing(tmp_path, signum, code, lang, words):
    pack = tmp_path / "poly.yaml"
    pack.write_text(SLOW_PACK, encoding="utf-8")
    report = tmp_path / "r.txt"
    shutil.copy(SEEDS["000"], report)
    command = [*FZCHECK, "--lang", lang, "annotate", "--no-config", "--timeout", "0", "--pack", str(pack)]
    process = subprocess.Popen(
        [*command, str(report)], cwd=tmp_path, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:  # the rule backtracks for ever: stop it once it is well into it
        while process.poll() is None and _cpu_seconds(process.pid) < CPU_SECONDS:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.05)
    finally:
        if signum == signal.SIGINT:  # as Ctrl+C in a terminal: to the whole group
            os.killpg(process.pid, signum)
        else:
            process.send_signal(signum)
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == code, stderr
    assert words in stderr and "Traceback" not in stderr, stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["poly.yaml", "r.txt"]
