"""The README stays true: its rule table is the pack's, its commands exist."""

from __future__ import annotations

import re

from checker.packs.pack import load_pack
from checker.packs.ruledoc import rules_markdown
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_rule_table_matches_the_national_pack():
    assert rules_markdown(load_pack("national")) in README


def test_generated_blocks_are_up_to_date():
    """Rule table, seed statuses and the example output are regenerated from the code."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_readme.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr


def test_every_national_rule_is_documented_with_basis_and_weight():
    pack = load_pack("national")
    for rule in pack.rules:
        assert f"| `{rule.id}` |" in README
        assert rule.basis.source


def test_quick_start_commands_come_first():
    head = README[:1500]
    assert "pip install . && fzcheck check reports/" in head
    assert "pip install -e '.[test]' && python -m pytest -q" in head


def test_ci_script_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "step install pip install -q -e '.[test]'" in ci
    assert "step pytest python -m pytest -q" in ci
    # ruff and mypy are steps of their own: they run (and report) even after a failing test.
    assert "step ruff ruff check" in ci and "step mypy mypy" in ci
    assert "set -e" not in ci  # no step may end the script early


def test_selfcheck_runs_the_readme_line_from_a_bare_venv():
    """.ci/selfcheck finds the README's test command with its own pattern and runs it in a clone."""
    selfcheck = (ROOT / ".ci" / "selfcheck").read_text(encoding="utf-8")
    pattern = re.search(r'grep -m1 -E "(.+?)" "\$root/README.md"', selfcheck)
    assert pattern, "selfcheck reads the README's command"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line for line in readme.splitlines() if re.search(pattern.group(1), line)]
    assert lines and lines[0].startswith("python3 -m venv .venv")
    assert "env -u VIRTUAL_ENV" in selfcheck and "git clone" in selfcheck
    assert ".ci/selfcheck" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
