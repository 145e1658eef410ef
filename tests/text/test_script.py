"""Traditional-script detection and length-preserving conversion to simplified."""

from __future__ import annotations

import pytest

from checker.text.script import looks_traditional, to_simplified
from tests.conftest import CORPUS, SEEDS, seed_text

TRADITIONAL_PAGE = CORPUS / "pages" / "041.txt"


def test_the_traditional_corpus_page_is_detected():
    assert looks_traditional(TRADITIONAL_PAGE.read_text(encoding="utf-8"))


SIMPLIFIED = [p for p in sorted((CORPUS / "pages").glob("*.txt")) if p != TRADITIONAL_PAGE]


@pytest.mark.parametrize("path", SIMPLIFIED + sorted(SEEDS.values()), ids=lambda p: p.name)
def test_simplified_texts_are_not_flagged(path):
    assert not looks_traditional(path.read_text(encoding="utf-8"))


def test_conversion_keeps_every_line_length():
    for line in TRADITIONAL_PAGE.read_text(encoding="utf-8").split("\n"):
        assert len(to_simplified(line)) == len(line)


def test_traditional_page_reads_as_simplified():
    simplified = to_simplified(TRADITIONAL_PAGE.read_text(encoding="utf-8"))
    assert "在区委、区政府的正确领导下,三张镇坚持以习近平新时代中国特色社会主义思想为指导" in simplified
    assert "推进法治政府建设的主要举措和成效" in simplified
    assert not looks_traditional(simplified)


def test_simplified_text_is_unchanged():
    text = seed_text("000")
    assert to_simplified(text) == text


def test_length_changing_phrases_fall_back_to_single_characters(monkeypatch):
    from checker.text import script

    class Stretching:
        def convert(self, text: str) -> str:
            return (
                text.replace("國", "国").replace("與", "与与")
                if len(text) > 1
                else ({"國": "国", "與": "与"}.get(text, text))
            )

    monkeypatch.setattr(script, "_converter", lambda: Stretching())
    script._char_to_simplified.cache_clear()
    assert to_simplified("國與國") == "国与国"
    script._char_to_simplified.cache_clear()


def test_empty_string():
    assert to_simplified("") == ""
