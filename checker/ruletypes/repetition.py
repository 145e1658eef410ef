"""repetition — the same passage written twice in one report.

Slides a window of ``min_sentence_chars`` Han characters over the body (punctuation and
spaces ignored) and reports each maximal run that occurs again later, at its second
place, quoting it. Text matching ``ignore`` (titles in 《》, the stock guiding-thought
formulas every report repeats) is left out first. Message values: ``first_line``, ``chars``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from checker.pack import Rule
from checker.patterns import any_of
from checker.ruletypes.base import Context, Hit

DOCUMENT_LEVEL = True  # checked even when its element is missing

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _han_stream(rule: Rule, body) -> tuple[str, list[int], list[tuple[int, int]]]:
    """Han characters of the body outside ``ignore`` spans, with run starts for mapping back.

    Returns the joined text, the stream offset where each run starts, and for each run the
    (paragraph position, offset in paragraph) it came from.
    """
    ignore = any_of(rule.params.get("ignore", ["(?!)"]))
    pieces: list[str] = []
    run_starts: list[int] = []
    run_origin: list[tuple[int, int]] = []
    total = 0
    for position, paragraph in enumerate(body):
        cleaned = ignore.sub(lambda m: " " * len(m.group(0)), paragraph.text)
        for match in _HAN_RUN.finditer(cleaned):
            run_starts.append(total)
            run_origin.append((position, match.start()))
            pieces.append(match.group(0))
            total += len(match.group(0))
    return "".join(pieces), run_starts, run_origin


def _origin(index: int, run_starts: list[int], run_origin: list[tuple[int, int]]) -> tuple[int, int]:
    run = bisect_right(run_starts, index) - 1
    position, offset = run_origin[run]
    return position, offset + index - run_starts[run]


def _repeats(text: str, k: int, step: int = 4) -> Iterator[tuple[int, int, int]]:
    """(earlier start, later start, length) of each maximal repeated run of ≥ ``k`` characters.

    Every window of ``k - step + 1`` characters is indexed (first occurrence wins); only every
    ``step``-th position is looked up, which still meets every run of ``k`` or more.
    """
    width = max(k - step + 1, 4)
    index = {text[i : i + width]: i for i in range(len(text) - width, -1, -1)}
    done = 0
    for q in range(0, len(text) - width + 1, step):
        if q < done:
            continue
        earlier = index[text[q : q + width]]
        if earlier + width > q:
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
    body = ctx.document.body_paragraphs()
    text, run_starts, run_origin = _han_stream(rule, body)
    for earlier, later, length in _repeats(text, k):
        para_pos, offset = _origin(later, run_starts, run_origin)
        end_pos, end_offset = _origin(later + length - 1, run_starts, run_origin)
        paragraph = body[para_pos]
        span = end_offset + 1 - offset if end_pos == para_pos else len(paragraph.text) - offset
        first_pos, first_offset = _origin(earlier, run_starts, run_origin)
        first_line, _ = body[first_pos].position(first_offset)
        yield Hit(1.0, None, paragraph, offset, span, {"first_line": first_line, "chars": length})
