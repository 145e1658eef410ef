"""repetition — the same passage written twice in one report.

Slides a window of ``min_sentence_chars`` Han characters over the body (punctuation and
spaces ignored) and reports each maximal run that occurs again later, at its second
place, quoting it. Text matching ``ignore`` (titles in 《》, the stock guiding-thought
formulas every report repeats) is left out first. Message values: ``first_line``, ``chars``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.pack import Rule
from checker.ruletypes.base import Context, Hit

DOCUMENT_LEVEL = True  # checked even when its element is missing

_HAN = re.compile(r"[\u4e00-\u9fff]")


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    k = rule.params.get("min_sentence_chars", 24)
    chars: list[str] = []
    where: list[tuple[int, int]] = []  # (paragraph position in body, offset)
    body = ctx.document.body_paragraphs()
    ignore = re.compile("|".join(f"(?:{p})" for p in rule.params.get("ignore", ["(?!)"])))
    for position, paragraph in enumerate(body):
        skipped = {i for m in ignore.finditer(paragraph.text) for i in range(m.start(), m.end())}
        for match in _HAN.finditer(paragraph.text):
            if match.start() in skipped:
                continue
            chars.append(match.group(0))
            where.append((position, match.start()))
    text = "".join(chars)
    first_seen: dict[str, int] = {}
    i = 0
    while i + k <= len(text):
        window = text[i : i + k]
        earlier = first_seen.get(window)
        if earlier is not None and earlier + k <= i:
            length = k
            while (
                i + length < len(text) and text[earlier + length] == text[i + length] and earlier + length < i
            ):
                length += 1
            para_pos, offset = where[i]
            end_pos, end_offset = where[i + length - 1]
            paragraph = body[para_pos]
            span = (end_offset + 1 - offset) if end_pos == para_pos else len(paragraph.text) - offset
            first_paragraph = body[where[earlier][0]]
            first_line, _ = first_paragraph.position(where[earlier][1])
            yield Hit(1.0, None, paragraph, offset, span, {"first_line": first_line, "chars": length})
            i += length
            continue
        first_seen.setdefault(window, i)
        i += 1
