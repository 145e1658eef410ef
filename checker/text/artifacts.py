"""Text-layer artifacts that hide words from every rule: invisible characters, fake bold
and letter spacing.

* Web copies carry zero-width characters inside words (U+200B/200C/200D, U+2060, U+FEFF,
  soft hyphens, direction marks, variation selectors): 法\u200d治 is 法治 to a reader.
  :func:`checker.text.normalize.fold` turns each into :data:`INVISIBLE`; here it is dropped.
* A PDF that fakes bold by printing each glyph twice gives 法法治治政政府府 in its text
  copy, in headings or in runs inside a line. Runs of at least three doubled characters of
  at least two kinds (so "哈哈哈哈" and "————" stay) are halved.
* A line copied with a space after every character (法 治 2 0 2 4 年) loses its spaces: the
  normaliser deletes spaces beside Han characters anyway, but not between digits or
  Latin letters, so a letter-spaced line has every single space removed and each wider gap
  (a space of the original) kept as one.

Each step only runs where a cheap test finds its sign, so ordinary text costs nothing.
"""

from __future__ import annotations

import checker.regex_cache as regex_cache

INVISIBLE = "\u200b"
# Characters that draw nothing; each folds to INVISIBLE and is removed from the line.
INVISIBLE_CODES = (
    0x00AD,
    0x034F,
    0x180E,
    *range(0x200B, 0x2010),
    *range(0x202A, 0x202F),
    *range(0x2060, 0x2065),
    *range(0x2066, 0x206A),
    *range(0xFE00, 0xFE10),
    0xFEFF,
    *range(0xE0100, 0xE01F0),
)
# Doubled characters seen in a text copy of a fake-bold PDF mid-line: punctuation doubled.
DOUBLED_SIGNS = (",,", "。。", "、、", "::", "((", "))", ";;")
MIN_DOUBLED_PAIRS = 3
_DOUBLED_RUN = regex_cache.compile(r"(?:(\S)\1){2,}")
_SPACES = regex_cache.compile(" +")
LETTER_SPACED_WORDS = 4  # a letter-spaced line has at least this many words
LETTER_SPACED_SHARE = 0.9  # nearly all of one character, a Han character among them


def clean_glyphs(text: str, doubled_hint: bool) -> tuple[str, list[int] | None]:
    """``text`` without invisible characters and fake-bold doubles, and the index in ``text``
    of each character kept (None when nothing was removed). ``doubled_hint`` says the whole
    text showed doubled punctuation; without it only a line that starts doubled is searched."""
    removed: set[int] = set()
    if INVISIBLE in text:
        removed.update(index for index, char in enumerate(text) if char == INVISIBLE)
    if doubled_hint or text[:1] == text[1:2]:
        removed.update(_doubled_seconds(text))
    if not removed:
        return text, None
    kept = [index for index in range(len(text)) if index not in removed]
    while kept and text[kept[0]] == " ":
        kept.pop(0)
    while kept and text[kept[-1]] == " ":
        kept.pop()
    return "".join(text[index] for index in kept), kept


def _doubled_seconds(text: str) -> list[int]:
    """Indexes of the second character of each pair in fake-bold runs. A run of three pairs
    or more of two kinds, a Han character or CJK sign among them, is bold by itself; a
    shorter or Han-less run only next to a bold one ("关关于于 22002233 年年法法治治"):
    "明明白白" or a doubled number alone may be meant."""
    runs = [(match.start(), match.end(), set(match.group()[::2])) for match in _DOUBLED_RUN.finditer(text)]
    bold = [
        end - start >= 2 * MIN_DOUBLED_PAIRS and len(kinds) > 1 and max(kinds) >= "\u3000"
        for start, end, kinds in runs
    ]
    for order in (range(1, len(runs)), range(len(runs) - 2, -1, -1)):  # spread right, then left
        for index in order:
            neighbour = index - 1 if order.step == 1 else index + 1
            near = runs[max(index, neighbour)][0] - runs[min(index, neighbour)][1] <= 1
            bold[index] = bold[index] or (bold[neighbour] and near and len(runs[index][2]) > 1)
    return [
        i
        for (start, end, _), is_bold in zip(runs, bold, strict=True)
        if is_bold
        for i in range(start + 1, end, 2)
    ]


def letter_spacing_removals(text: str) -> list[tuple[int, int]]:
    """Spans of spaces to delete when ``text`` is letter-spaced: every one-space gap, and all
    but one space of each wider gap. Empty for an ordinary line."""
    if text[1:2] != " " or text[3:4] != " ":
        return []
    words = text.split()
    if len(words) < LETTER_SPACED_WORDS:
        return []
    letters = [word for word in words if len(word) == 1]
    if len(letters) < LETTER_SPACED_SHARE * len(words) or max(letters) < "\u3400":
        return []
    return [
        (start, end - 1 if end - start > 1 else end)
        for start, end in (m.span() for m in _SPACES.finditer(text))
    ]
