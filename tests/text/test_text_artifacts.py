"""Seed reports garbled as PDF text layers and web copies garble them score as the seeds,
and every finding still points at its character in the garbled original."""

from __future__ import annotations

import pytest

from checker.api import check_text
from checker.text.lookalikes import lookalike_map
from checker.text.normalize import normalise_text
from tests.conftest import SEEDS, seed_text
from tests.text_variants import (
    COMPATIBILITY,
    KANGXI,
    SUPPLEMENT,
    char_at,
    fake_bold,
    letter_spaced,
    per_line,
    with_invisible,
    with_lookalikes,
)

# number-spacing is a weight-0 note on typed spaces, which a spaced or doubled line no longer shows
_LAYOUT_NOTES = {"number-spacing"}


def _same_verdict(seed: str, variant: str) -> None:
    """``variant`` scores as ``seed``, with the same findings, each at the same character."""
    original, changed = check_text(seed), check_text(variant)
    assert changed.is_report and changed.score == original.score
    expected = [(f.rule, f.line) for f in original.findings if f.rule not in _LAYOUT_NOTES]
    found = [(f.rule, f.line) for f in changed.findings if f.rule not in _LAYOUT_NOTES]
    assert found == expected
    pairs = zip(
        [f for f in original.findings if f.rule not in _LAYOUT_NOTES],
        [f for f in changed.findings if f.rule not in _LAYOUT_NOTES],
        strict=True,
    )
    for before, after in pairs:
        want = char_at(seed, before.line, before.column)
        if not want:  # past the end of the line (a missing signature): no character to compare
            continue
        assert char_at(variant, after.line, after.column) in {want, KANGXI.get(want), SUPPLEMENT.get(want)}


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_kangxi_radicals_of_a_macos_pdf_export_read_as_the_characters(key):
    text = seed_text(key)
    variant = with_lookalikes(text, KANGXI)
    assert variant != text
    _same_verdict(text, variant)


def test_seed_1_with_kangxi_radicals_keeps_its_score():  # measured: 77.6 before, 45.9 with ⼈⼯⼀
    text = seed_text("001")
    assert check_text(with_lookalikes(text, KANGXI)).score == check_text(text).score == 77.6


@pytest.mark.parametrize("table", [COMPATIBILITY, SUPPLEMENT], ids=["compatibility", "supplement"])
def test_compatibility_ideographs_and_radical_supplement_forms_read_as_the_characters(table):
    text = seed_text("004")
    variant = with_lookalikes(text, table)
    assert variant != text
    _same_verdict(text, variant)


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_zero_width_characters_inside_words_are_invisible(mark):
    text = seed_text("001")
    _same_verdict(text, with_invisible(text, mark))


def test_zero_width_characters_inside_a_year_do_not_split_it():
    text = seed_text("000").replace("2025年1月23日", "2\u200b0\u200c2\u200d5年1\u2060月23日")
    assert check_text(text).meta.date == check_text(seed_text("000")).meta.date


@pytest.mark.parametrize("key", ["000", "002", "004"])
def test_fake_bold_headings_read_once(key):
    text = seed_text(key)
    _same_verdict(text, per_line(text, fake_bold, short_only=True))


@pytest.mark.parametrize("key", ["001", "003"])
def test_a_report_printed_twice_over_throughout_reads_once(key):
    text = seed_text(key)
    _same_verdict(text, per_line(text, fake_bold))


def test_legitimate_doubled_words_stay():
    text = "明明白白做人,层层压实责任,哈哈哈哈哈哈,————————,电话22334455。"
    assert normalise_text(text)[0].text == text


@pytest.mark.parametrize("space", [" ", "\u3000"])
@pytest.mark.parametrize("key", ["000", "002", "004"])  # 001 carries Word's [bookmark] residue, no PDF's
def test_letter_spaced_lines_read_as_written(key, space):
    text = seed_text(key)
    _same_verdict(text, per_line(text, lambda line: letter_spaced(line, space)))


def test_the_radicals_supplement_folds_as_the_unicode_database_says():
    """Read from UCD's EquivalentUnifiedIdeograph.txt (kept in checker/data), not written from
    memory: a range line covers each code point, and a component form folds to its component
    (⺮ is 𥫗, the bamboo on top, not 竹; a first table from memory had it as 竹)."""
    folded = lookalike_map()
    assert chr(folded[0x2E8C]) == chr(folded[0x2E8D]) == "小"  # 2E8C..2E8D ; 5C0F
    assert chr(folded[0x2EAE]) == "\U00025ad7" and chr(folded[0x2EB3]) == "\u34c1"
    assert {chr(folded[code]) for code in range(0x2EBE, 0x2EC1)} == {"艹"}
    assert len([code for code in folded if 0x2E80 <= code <= 0x2EFF]) == 114
