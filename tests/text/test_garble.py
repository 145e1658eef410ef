"""Garbled lines found and double encodings undone (checker/text/garble.py), on the seeds garbled
the way tools garble them; and no false alarm on any real text the tests hold."""

from __future__ import annotations

import opencc
import pytest

from checker.read import read_path
from checker.text.garble import find_garbled, mostly_garbled, repair
from tests.conftest import ROOT, SEEDS, seed_text
from tests.text_variants import (
    LOSSY,
    misread,
    windows_1252,
)


@pytest.mark.parametrize("key", sorted(SEEDS))
@pytest.mark.parametrize("how", sorted(LOSSY))
def test_a_seed_garbled_beyond_repair_is_mostly_garbled(key, how):
    garbled = LOSSY[how](seed_text(key))
    garbles = find_garbled(garbled)
    assert mostly_garbled(garbled, garbles)
    assert repair(garbled) is None


@pytest.mark.parametrize("key", sorted(SEEDS))
@pytest.mark.parametrize("written", ["utf-8", "gb18030"])
def test_a_seed_opened_as_windows_1252_is_restored_exactly(key, written):
    text = seed_text(key).replace("\xa0", " ")  # GBK has no no-break space
    assert repair(windows_1252(text, written)) == (text, "windows-1252")


def _strict_gbk_lines(text: str) -> list[str]:
    """Lines whose UTF-8 bytes read as GBK lose nothing (an even run of three-byte characters)."""
    lines = []
    for line in text.split("\n"):
        try:
            line.encode("utf-8").decode("gbk")
        except UnicodeDecodeError:
            continue
        if len(line.strip()) >= 6:
            lines.append(line)
    return lines


def test_lines_of_utf8_read_as_gbk_that_lost_nothing_are_restored():
    """Editors read a UTF-8 file as GBK line by line; a line of an even run of three-byte
    characters (法治政府 → 娉曟不鏀垮簻) loses nothing and is given back as written."""
    strict_total = 0
    for key in sorted(SEEDS):
        text = seed_text(key)
        lines = text.split("\n")
        garbled = "\n".join(misread(line, "utf-8", "gbk") for line in lines)
        restored = {g.line: g.restored for g in find_garbled(garbled) if g.restored is not None}
        strict = {number for number, line in enumerate(lines, 1) if line in _strict_gbk_lines(text)}
        strict_total += len(strict)
        assert strict <= set(restored)
        assert all(restored[number] == lines[number - 1].strip() for number in restored)
    assert strict_total >= 3


def test_a_garbled_paragraph_is_found_at_its_line_and_the_rest_is_not():
    lines = seed_text("002").split("\n")
    target = max(range(len(lines)), key=lambda i: len(lines[i]))
    for garble in LOSSY.values():
        changed = [*lines[:target], garble(lines[target]), *lines[target + 1 :]]
        text = "\n".join(changed)
        garbles = find_garbled(text)
        assert [g.line for g in garbles] == [target + 1]
        assert not mostly_garbled(text, garbles)


def _real_texts() -> list[tuple[str, str]]:
    """Every text the tests hold that a fast reader opens: seeds, corpus openings, variants,
    format fixtures (Big5, UTF-16, GB18030, docx, pdf, html, mht), and the seeds in traditional script."""
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in SEEDS.values()]
    fast = {".txt", ".docx", ".pdf", ".html", ".mht"}
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*")):
        if path.is_file() and path.suffix in fast and "bad" not in path.parts:
            texts.append((str(path.relative_to(ROOT)), read_path(path).text))
    to_traditional = opencc.OpenCC("s2tw.json").convert
    texts += [
        (f"{path.name} s2tw", to_traditional(path.read_text(encoding="utf-8"))) for path in SEEDS.values()
    ]
    return texts


def test_no_real_text_is_garbled_or_repaired():
    texts = _real_texts()
    assert len(texts) > 150
    flagged = [(name, find_garbled(text), repair(text)) for name, text in texts]
    assert [f for f in flagged if f[1] or f[2]] == []


def test_ordinary_latin_and_symbols_are_no_garble():
    text = "Café déjà vu — naïve façade. 湘政办发﹝2023﹞12号，面积120m²，温度30°C，××局。\n" * 20
    assert find_garbled(text) == () and repair(text) is None
