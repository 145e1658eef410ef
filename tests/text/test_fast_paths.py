"""The fast forms of two per-line steps give exactly what their plain definitions give."""

from __future__ import annotations

import random
import re

from checker.text.lookalikes import lookalike_map
from checker.text.normalize import _CJK_PUNCT, _FOLD, _HAN, _SPACE_RUN, _WIDE_RANGES, display_width, fold
from tests.conftest import ROOT

_WIDE = re.compile(f"[{_WIDE_RANGES}]")


def _lines() -> list[str]:
    reports = sorted((ROOT / "reports").glob("*.txt"))
    lines = [line for path in reports for line in path.read_text("utf-8").split("\n")]
    rng = random.Random(11)
    alphabet = [chr(c) for c in (*range(0x20, 0x7F), *range(0x3000, 0x3040), *range(0xFF00, 0xFF70))]
    alphabet += ["中", "国", "\u00a0", "\t", "\U0001f600", "\U00020000", "\u1100", "\uffe6", "\ufeff"]
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(500)]
    return lines


def test_display_width_counts_wide_characters_twice():
    for code in [*range(0xD800), *range(0xE000, 0x10000), 0x10000, 0x1F600, 0x20000, 0x10FFFF]:
        char = chr(code)
        assert display_width(char) == 1 + bool(_WIDE.match(char)), hex(code)
    for line in _lines():
        assert display_width(line) == len(line) + len(_WIDE.findall(line)), line


def test_fold_replaces_as_translating_by_the_fold_mapping_does():
    """The fold mapping is _FOLD and the look-alike table (built only when a text needs it)."""
    mapping = {**_FOLD, **lookalike_map()}
    every_bmp_char = "".join(chr(c) for c in range(0xD800)) + "".join(chr(c) for c in range(0xE000, 0x10000))
    assert fold(every_bmp_char) == every_bmp_char.translate(mapping)
    assert fold(every_bmp_char[::-1]) == every_bmp_char[::-1].translate(mapping)
    beyond = "".join(map(chr, range(0x10000, 0x30000))) + "".join(map(chr, range(0xE0000, 0xE0200)))
    assert fold("法" + beyond) == ("法" + beyond).translate(mapping)
    for line in _lines():
        assert fold(line) == line.translate(mapping)
    whole = "\n".join(_lines())
    assert fold(whole).split("\n") == [fold(line) for line in whole.split("\n")]


def test_space_run_matches_as_the_look_behind_first_form():
    plain = re.compile(
        rf"(?<=[{_HAN}{_CJK_PUNCT}\d%,.:;!?()]) +(?=[{_HAN}{_CJK_PUNCT}])"
        rf"|(?<=[{_HAN}{_CJK_PUNCT}]) +(?=[\d(%])"
    )
    rng = random.Random(3)
    alphabet = ["中", "，", "“", "1", "%", ",", "(", ")", "a", " ", " ", "  ", "-"]
    texts = _lines() + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20))) for _ in range(5000)]
    for text in texts:
        assert [m.span() for m in _SPACE_RUN.finditer(text)] == [m.span() for m in plain.finditer(text)], text
