"""How the benchmarks run fzcheck: as a user does, through the installed console script, with
byte code cached as after ``pip install`` (an environment may have turned that off with
``PYTHONDONTWRITEBYTECODE``; the child processes run without it)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

FZCHECK = str(Path(sys.executable).with_name("fzcheck"))  # the installed console script
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_measured(command: list[str], **run: Any) -> tuple[float, float, subprocess.CompletedProcess]:
    """Run ``command`` (``subprocess.run`` keywords in ``run``; ``env`` defaults to :data:`ENV`)
    and return its wall seconds, the CPU seconds (user + system) of it and its children, and
    the finished process."""
    run.setdefault("env", ENV)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, check=False, **run)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done
