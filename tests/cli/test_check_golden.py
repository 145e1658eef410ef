"""``fzcheck check --format json`` on the bundled reports stays byte-identical.

The golden file was written by the code before the options object and the rule-type
parameter declarations were introduced (a refactoring that must not change any output).
A change that alters checking on purpose regenerates it (from the repository root:
``python -m checker check --format json --today 2026-11-01 reports/ > GOLDEN``) and says
why in its commit.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "fixtures" / "golden" / "check-reports-json-today-2026-11-01.json"


def test_json_output_on_bundled_reports_is_byte_identical_to_golden(tmp_path):
    env = {**os.environ, "FZCHECK_NO_CACHE": "1", "XDG_CACHE_HOME": str(tmp_path)}
    completed = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--format", "json", "--today", "2026-11-01", "reports/"],
        cwd=ROOT,
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr.decode("utf-8", "replace")
    assert completed.stdout == GOLDEN.read_bytes()
