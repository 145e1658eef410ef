"""Helpers for the reader tests: the format fixtures, Han-text coverage, tool gating."""

from __future__ import annotations

import difflib
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS

FORMATS = Path(__file__).resolve().parent / "fixtures" / "formats"
BAD = FORMATS / "bad"
SEED_KEYS = sorted(SEEDS)
_HAN = re.compile(r"[\u3400-\u9fff]")


def seed_number(key: str) -> int:
    return int(key)


def fixture(name: str) -> Path:
    path = FORMATS / name
    assert path.exists(), f"missing fixture {path}; run scripts/make_format_fixtures.py"
    return path


def squeeze(text: str) -> str:
    """Text without any whitespace (full-width and no-break spaces included)."""
    return "".join(text.split())


def han(text: str) -> str:
    return "".join(_HAN.findall(text))


def han_coverage(expected: str, actual: str) -> float:
    """Share of ``expected``'s Han characters found in ``actual`` in the same order."""
    wanted, got = han(expected), han(actual)
    if not wanted:
        return 1.0
    matcher = difflib.SequenceMatcher(None, wanted, got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(wanted)


def require_tool(*names: str) -> None:
    """Skip (visibly) when none of the tools is installed, except in CI where they must be."""
    if any(shutil.which(name) for name in names):
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must install {' or '.join(names)} (see .ci/run)")
    pytest.skip(f"{' / '.join(names)} not installed: apt-get install antiword libreoffice-writer-nogui")
