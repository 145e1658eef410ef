"""repetition — the same passage written twice in one report.

Slides a window of ``min_sentence_chars`` Han characters over the body (an attachment after the
signed date left out, whose table rows repeat by nature; punctuation and
spaces ignored) and reports each maximal run that occurs again later, at its second
place, quoting it. Text matching ``ignore`` (titles in 《》, the stock guiding-thought
formulas every report repeats) is left out first. Message values: ``first_line``, ``chars``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cached_property

import msgspec

import checker.regex_cache as regex_cache
from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.i18n import place
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST, pattern_of
from checker.text.sentences import han_count

PARAMS = params_schema(
    {
        "min_sentence_chars": described(
            {"type": "integer", "minimum": 4},
            "重复片段至少的汉字数",
            "fewest Han characters of a repeated passage",
        ),
        "ignore": described(
            REGEX_LIST,
            "比对前先去掉的文字（正则表达式）",
            "text removed before comparing (regular expression)",
        ),
    },
)

VALUES = ("first_line", "first_place", "chars")  # what its messages may name


DOCUMENT_LEVEL = True  # checked even when its element is missing

_HAN_RUN = regex_cache.compile(r"[\u4e00-\u9fff]+")


class _Stream(msgspec.Struct, frozen=True, dict=True):
    """The Han characters of the body outside ``ignore`` spans, one string, and the way back."""

    text: str
    paragraphs: list[str]  # the text of each body paragraph
    kept: list[str]  # each paragraph with its ignored spans replaced by a space
    ignore: re.Pattern[str]

    @cached_property
    def starts(self) -> list[int]:
        """Stream offset where each paragraph's characters begin (needed only for a finding)."""
        starts, total = [], 0
        for text in self.kept:
            starts.append(total)
            total += han_count(text)
        return starts

    @cached_property
    def runs(self) -> dict[int, tuple[list[int], list[int]]]:
        """Paragraph position → (Han characters before each of its Han runs, then the
        paragraph's total; each run's offset), filled by :meth:`origin` as findings need them."""
        return {}

    def origin(self, index: int) -> tuple[int, int]:
        """(paragraph position, offset in that paragraph) of stream character ``index``.

        Only the few paragraphs a finding points into are blanked here (ignored spans turned
        into spaces of the same length, so offsets stay those of the paragraph), each once,
        and their Han runs listed: a finding's three look-ups are then two bisections each."""
        position = bisect_right(self.starts, index) - 1
        wanted = index - self.starts[position]
        if position not in self.runs:
            cleaned = self.ignore.sub(lambda m: " " * len(m.group(0)), self.paragraphs[position])
            before, offsets, count = [], [], 0
            for match in _HAN_RUN.finditer(cleaned):
                before.append(count)
                offsets.append(match.start())
                count += match.end() - match.start()
            before.append(count)
            self.runs[position] = (before, offsets)
        before, offsets = self.runs[position]
        if wanted >= before[-1]:
            return position, 0
        run = bisect_right(before, wanted) - 1
        return position, offsets[run] + wanted - before[run]


def _han_stream(rule: Rule, body) -> _Stream:
    """Each paragraph's ignored spans go first (replaced by a space: a non-Han character, so
    they cannot join the characters either side), then the runs of Han characters are kept,
    from all paragraphs at once (taking out characters works the same on the joined text;
    joining the runs costs fewer instructions than deleting what lies between them)."""
    ignore = pattern_of(rule.params.get("ignore", ["(?!)"]))
    texts = [p.text for p in body]
    kept = [ignore.sub(" ", text) for text in texts]
    return _Stream("".join(_HAN_RUN.findall("".join(kept))), texts, kept, ignore)


# A body longer than this many Han characters has its windows looked up by hash (numpy)
# rather than by ``str.find`` over all the text before each: the search before each window
# made the rule quadratic (900,000 characters took 20 s, all else 0.3 s), and importing numpy
# (~60 ms) only pays off past here. No report seen is near it (the seeds: ~2,500).
LONG = 50_000
_BASE = 1_000_003  # of the polynomial hash of a window's code points, modulo 2**64


def _first_occurrences(text: str, width: int, step: int) -> list[int]:
    """For each ``step``-th window of ``width`` characters, the start of the first window with
    the same hash (itself if none comes before): a polynomial hash of the code points modulo
    2**64 for every window at once, and the first index of each distinct hash. Equal windows
    have equal hashes; unequal ones almost never do, and :func:`_earlier` checks."""
    import numpy as np
    from numpy.lib.stride_tricks import sliding_window_view

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    powers = np.full(width, _BASE, dtype=np.uint64) ** np.arange(width - 1, -1, -1, dtype=np.uint64)
    hashes = sliding_window_view(codes, width) @ powers  # wraps modulo 2**64
    del codes
    _, first, inverse = np.unique(hashes, return_index=True, return_inverse=True)
    del hashes
    return first[inverse.reshape(-1)[::step]].tolist()


def _earlier(text: str, window: str, q: int, first: int) -> int:
    """``text.find(window, 0, q)`` given ``first``, the first window with ``window``'s hash."""
    if first == q:  # no window before has its hash, so none is equal to it
        return -1
    if text.startswith(window, first):  # the first equal window: found if it ends by q
        return first if first + len(window) <= q else -1
    return text.find(window, 0, q)  # another window with the same hash


def _repeats(text: str, k: int, step: int = 4) -> Iterator[tuple[int, int, int]]:
    """(earlier start, later start, length) of each maximal repeated run of ≥ ``k`` characters.

    The window of ``k - step + 1`` characters at every ``step``-th position is looked up at its
    first occurrence, which still meets every run of ``k`` or more: with ``str.find`` in the
    text before the window (an occurrence there is the first one, and one that overlaps the
    window itself is no repeat), or past :data:`LONG` characters through hashes of all windows.
    """
    width = max(k - step + 1, 4)
    firsts = _first_occurrences(text, width, step) if len(text) > max(LONG, width) else None
    done = 0
    for q in range(0, len(text) - width + 1, step):
        if q < done:
            continue
        if firsts is None:
            earlier = text.find(text[q : q + width], 0, q)
        else:
            earlier = _earlier(text, text[q : q + width], q, firsts[q // step])
        if earlier < 0:
            continue
        start, first = q, earlier
        while start > done and first > 0 and text[start - 1] == text[first - 1]:
            start, first = start - 1, first - 1
        end = q + width
        while end < len(text) and first + (end - start) < start and text[end] == text[first + end - start]:
            end += 1
        if end - start >= k and first + (end - start) <= start:
            yield first, start, end - start
            done = end


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    k = rule.params.get("min_sentence_chars", 24)
    trailer = {p.index for p in ctx.document.closing}  # an attachment's table rows repeat by nature
    body = tuple(p for p in ctx.document.body_paragraphs() if p.index not in trailer)
    stream = _han_stream(rule, body)
    for earlier, later, length in _repeats(stream.text, k):
        para_pos, offset = stream.origin(later)
        end_pos, end_offset = stream.origin(later + length - 1)
        paragraph = body[para_pos]
        span = end_offset + 1 - offset if end_pos == para_pos else len(paragraph.text) - offset
        first_pos, first_offset = stream.origin(earlier)
        first_line, first_column = body[first_pos].position(first_offset)
        later_line, _ = paragraph.position(offset)
        where = place(first_line, first_column, ctx.lang, exact=first_line == later_line)
        values = {"first_line": first_line, "first_place": where, "chars": length}
        yield Hit(1.0, None, paragraph, offset, span, values)
