"""A user cache that cannot be looked into (another user's folder, a path the system refuses) is
no cache: every command works as with ``FZCHECK_NO_CACHE=1``, never a traceback."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import FZCHECK, SEEDS


@pytest.mark.parametrize(
    "args",
    [
        ("check", str(SEEDS["000"])),
        ("--lang", "en", "check", str(SEEDS["000"])),
        ("rules", "validate", "national"),
    ],
)
def test_a_cache_path_the_system_refuses_is_no_cache(tmp_path, args):
    refused = tmp_path / ("x" * 300)  # stat() fails with ENAMETOOLONG, not "does not exist"
    env = {k: v for k, v in os.environ.items() if k != "FZCHECK_NO_CACHE"}
    env["XDG_CACHE_HOME"] = str(refused)
    run = subprocess.run([*FZCHECK, *args], capture_output=True, text=True, timeout=120, env=env)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 0, run.stderr
    plain = subprocess.run(
        [*FZCHECK, *args], capture_output=True, text=True, timeout=120, env={**env, "FZCHECK_NO_CACHE": "1"}
    )
    assert run.stdout == plain.stdout
