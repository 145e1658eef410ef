"""Normalise extracted text line by line, remembering where each character came from.

Canonical form: full-width ASCII folded to half-width (（一） → (一), ２０２４ → 2024),
ideographic and no-break spaces folded to spaces, look-alike radicals and compatibility
ideographs folded to the characters they stand for (⼯作⼈员 → 工作人员, see
:mod:`checker.text.lookalikes`), invisible characters, fake-bold doubles and letter spacing
removed (:mod:`checker.text.artifacts`), Word residue such as
``[bookmark: _GoBack]`` removed, spaces next to Han characters deleted ("2024 年" → "2024年",
PDF letter-spacing), traditional script converted to simplified. Rule-pack patterns
are written against this form.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import checker.regex_cache as regex_cache
from checker.model import Line
from checker.text.artifacts import (
    DOUBLED_SIGNS,
    INVISIBLE,
    INVISIBLE_CODES,
    clean_glyphs,
    letter_spacing_removals,
)
from checker.text.lookalikes import LOOKALIKE_BLOCKS, lookalike_map

_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD.update(
    {
        0x3000: 0x20,
        0x00A0: 0x20,
        0x2002: 0x20,
        0x2003: 0x20,
        0x2009: 0x20,
        0x09: 0x20,
        0xFF0E: 0x2E,
    }
)
_FOLD.update(dict.fromkeys(INVISIBLE_CODES, ord(INVISIBLE)))
# Keep Chinese full-stop-like punctuation distinct; fold only what has a half-width twin.
_FOLD_CHARS = {chr(code): chr(target) for code, target in _FOLD.items()}


def _char_class(codes: list[int]) -> str:
    """A regex character class of ``codes`` written as ranges: a class of many single
    characters is matched item by item, one of a few ranges at once."""
    spans: list[list[int]] = []
    for code in sorted(codes):
        if spans and code == spans[-1][1] + 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    items = (re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in spans)
    return "[" + "".join(items) + "]"


# The look-alike blocks are scanned for with the other foldable characters, but their table
# (1,300 entries, see checker.text.lookalikes) is built only for a text that holds one.
# Characters beyond the BMP (compatibility supplement, variation selectors) are rare, and a class
# holding any of them is matched several times slower: they get a class of their own, searched
# only in a text that has such a character at all.
_FOLDABLE = regex_cache.compile(
    _char_class(
        [code for code in _FOLD if code <= 0xFFFF]
        + [*range(*LOOKALIKE_BLOCKS[0]), *range(*LOOKALIKE_BLOCKS[1])]
    )
)
_FOLDABLE_ASTRAL = regex_cache.compile(
    _char_class([code for code in _FOLD if code > 0xFFFF] + [*range(*LOOKALIKE_BLOCKS[2])])
)


def fold(text: str) -> str:
    """``text.translate(_FOLD)`` with look-alikes folded too, computed more cheaply.

    ``str.translate`` looks every character up through Python objects (about 350 machine
    instructions a character of a report); here one regex scan finds which foldable
    characters occur (a report uses a dozen: ，：（）…) and ``str.replace`` swaps each of
    them (about 150 in all). Replacing one character after another gives what translating
    them all at once gives, because no replacement is itself a character to fold.
    """
    found = set(_FOLDABLE.findall(text))
    if len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text):  # beyond the BMP
        found.update(_FOLDABLE_ASTRAL.findall(text))
    for char in found:
        target = _FOLD_CHARS.get(char)
        if target is None:  # a look-alike block's character (one that is no look-alike stays)
            target = chr(lookalike_map().get(ord(char), ord(char)))
        if target != char:
            text = text.replace(char, target)
    return text


_RESIDUE = regex_cache.compile(r"\[(?:bookmark|image|comment|footnote)[^\]]*\]", re.IGNORECASE)
_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3001-\u303f\u201c\u201d\u2018\u2019\u2014\u2026\uff01-\uff0f\uff1a-\uff20"
# Spaces after Han/punctuation/digits before Han, or after Han before a number: the
# look-behinds "(?<=[…]) +" written after the first space, as "(?<=[…] )", so that the
# pattern starts with a literal space and the regex engine skips from space to space
# instead of trying a match at every character. The same matches.
_SPACE_RUN = regex_cache.compile(
    rf" (?:(?<=[{_HAN}{_CJK_PUNCT}\d%,.:;!?()] ) *(?=[{_HAN}{_CJK_PUNCT}])"
    rf"|(?<=[{_HAN}{_CJK_PUNCT}] ) *(?=[\d(%]))"
)


def _removals(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _RESIDUE.finditer(text)] if "[" in text else []
    if " " in text:
        spans.extend(m.span() for m in _SPACE_RUN.finditer(text))
        spans.extend(letter_spacing_removals(text))
    return sorted(spans)


_PAGE_NUMBER = regex_cache.compile(
    r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$"
)


def normalise_line(
    number: int, raw: str, folded: str, to_simplified: Callable[[str], str] | None, doubled_hint: bool = False
) -> Line:
    """Normalise one physical line; ``number`` is its 1-based line number in the original,
    ``folded`` is ``fold(raw)`` (folded with the whole text: one scan instead of one a line),
    ``doubled_hint`` whether the whole text shows signs of fake-bold doubling.

    A page-number line left by a PDF copied into text ("— 3 —", "第3页 共5页") reads as blank.
    """
    if _PAGE_NUMBER.match(raw):
        return Line(number, "", 0)
    if to_simplified is not None:
        folded = to_simplified(folded)
    stripped = folded.lstrip(" ")
    lead = len(folded) - len(stripped)
    stripped = stripped.rstrip(" ")
    if not stripped:
        return Line(number, "", lead)
    cleaned, kept = clean_glyphs(stripped, doubled_hint)
    width = display_width(cleaned)
    removals = _removals(cleaned)
    if not removals:
        if kept is None:
            return Line(number, cleaned, lead, None, width)
        return Line(number, cleaned, lead, tuple(lead + index for index in kept), width)
    text, indexes = _remove(cleaned, removals)
    if kept is not None:
        indexes = [kept[index] for index in indexes]
    return Line(number, text, lead, tuple(lead + index for index in indexes), width)


def _remove(text: str, removals: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """``text`` without the (sorted, possibly overlapping) spans and edge spaces, and the
    index in ``text`` of each character left."""
    kept: list[str] = []
    indexes: list[int] = []
    pos = 0
    for start, end in removals:
        if start < pos:
            start = pos
        kept.append(text[pos:start])
        indexes.extend(range(pos, start))
        pos = max(pos, end)
    kept.append(text[pos:])
    indexes.extend(range(pos, len(text)))
    joined = "".join(kept)
    stripped = joined.strip(" ")
    if len(stripped) != len(indexes):  # a removal uncovered edge spaces: realign by stripping
        left = len(joined) - len(joined.lstrip(" "))
        indexes = indexes[left : left + len(stripped)]
    return stripped, indexes


_WIDE_RANGES = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
)
_NARROW_NOT_ASCII = regex_cache.compile(f"[^\x00-\x7f{_WIDE_RANGES}]")


def display_width(text: str) -> int:
    """Columns a line occupies: wide (East Asian W/F) characters count two.

    Every ASCII character is narrow, and ``encode("ascii", "ignore")`` counts them in a C
    loop (5 machine instructions a character, where a regex over a character class takes
    70 and a regex that deletes the runs of narrow characters 280); the few narrow
    characters beyond ASCII (“”—…①) are found by one regex. What is left is wide.
    """
    ascii_count = len(text.encode("ascii", "ignore"))
    wide = len(text) - ascii_count - len(_NARROW_NOT_ASCII.findall(text))
    return len(text) + wide


def normalise_text(text: str, *, traditional: bool | None = None) -> list[Line]:
    """All lines of ``text`` (already LF-separated), normalised."""
    converter = None
    folded_text = fold(text)
    if traditional is None:
        traditional = _looks_traditional(folded_text)
    if traditional:
        from checker.text.script import to_simplified

        converter = to_simplified
    doubled = any(sign in folded_text for sign in DOUBLED_SIGNS)
    raws, folded = text.split("\n"), folded_text.split("\n")
    return [normalise_line(i, raw, folded[i - 1], converter, doubled) for i, raw in enumerate(raws, 1)]


def _looks_traditional(text: str) -> bool:
    try:
        from checker.text.script import looks_traditional
    except ImportError:  # script support not installed: analyse as written
        return False
    return looks_traditional(text)
