"""Patterns and tests rewritten to run cheaper match exactly what their plain forms match."""

from __future__ import annotations

import random
import re

from checker.parse.evidence import _ANY_YEAR
from tests.conftest import ROOT


def _texts(pieces: str, count: int = 3000) -> list[str]:
    """The seed reports' lines and random strings of ``pieces`` (the characters and words that
    matter, separated by spaces; a lone space is written "␣")."""
    reports = sorted((ROOT / "reports").glob("*.txt"))
    texts = [line for path in reports for line in path.read_text("utf-8").split("\n")]
    choices = [piece.replace("␣", " ") for piece in pieces.split()]
    rng = random.Random(5)
    texts += ["".join(rng.choice(choices) for _ in range(rng.randint(0, 16))) for _ in range(count)]
    return texts


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(pattern.groups + 1)) for m in pattern.finditer(text)]


def test_any_year_matches_as_the_look_behind_first_form():
    plain = re.compile(r"(?<![\d\-—–~])(20\d{2})(?:年|年度)?(?![\d\-—–~])")
    for text in _texts("2 2 0 0 1 3 年 年度 - — – ~ x 中 ٣"):
        assert _spans(_ANY_YEAR, text) == _spans(plain, text), text

