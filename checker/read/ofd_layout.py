"""Where an OFD page draws its characters, and the visual lines they make.

A ``TextObject`` has a ``Boundary`` ("x y w h", millimetres, y down) whose top-left corner
is the origin of the object's space, an optional ``CTM`` ("a b c d e f") mapping that space
into the boundary's, and a ``Size``. Each ``TextCode`` places its first character at
``X``/``Y`` (the baseline origin; a missing one repeats the previous TextCode's) and each
next one ``DeltaX``/``DeltaY`` further on ("g N v" repeats v N times); without DeltaX a
character advances by its own width, guessed from the size (full width for CJK, half for
the rest). Positions are turned into PDF points with y up so that the PDF reader's row and
column logic (:mod:`checker.read.pdf_columns`) and layout hints apply unchanged.

Rotated or mirrored text (a stamp, a watermark, ``ReadDirection`` other than 0) and hidden
objects (``Visible="false"``) are left out, as tilted text is for PDF.

Rows are read left to right by position. Some converters spread a line's runs over made-up
positions (easyofd gives some runs the width of their whole line, so "2024 " and "年…" start
at the same x): runs that start on one spot with different characters are read as one text
in drawing order, spread evenly over the width they cover, before the row is sorted by x.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import Any

import msgspec

from checker.read.errors import InputError
from checker.read.ofd_package import children, local
from checker.read.pdf_columns import Glyph, boxed_lines
from checker.read.pdf_layout import LineBox
from checker.read.source import MAX_TEXT_CHARS

POINTS_PER_MM = 72 / 25.4
DEFAULT_SIZE_MM = 3.175  # 9 pt, when an object states no size
WIDE_GAP_EM = 1.0  # an empty stretch this wide between two characters reads as a space
OVERPRINT_EM = 0.3  # the same character drawn again this close is fake bold: read once
CLASH_EM = 0.3  # two runs' different characters this close: the positions are made up
_MAX_TILT = 0.05  # radians


class RunGlyph(Glyph, frozen=True):
    """A character of one TextCode (``run``: the TextCode's number on the page)."""

    run: int = 0


def numbers(value: str | None) -> list[float]:
    """The finite numbers in a space-separated attribute; [] when there are none or one is bad."""
    try:
        found = [float(part) for part in (value or "").split()]
    except ValueError:
        return []
    return found if all(math.isfinite(number) for number in found) else []


def deltas(value: str | None, wanted: int) -> list[float]:
    """The first ``wanted`` steps of a DeltaX/DeltaY list, "g N v" expanded (bounded by
    ``wanted``, so "g 1000000000 1" costs nothing); stops at the first bad token."""
    tokens = (value or "").split()
    out: list[float] = []
    index = 0
    try:
        while index < len(tokens) and len(out) < wanted:
            if tokens[index] == "g":
                count, step = int(tokens[index + 1]), float(tokens[index + 2])
                out.extend([step] * max(0, min(count, wanted - len(out))))
                index += 3
            else:
                out.append(float(tokens[index]))
                index += 1
    except (ValueError, IndexError, OverflowError):
        pass
    return [step if math.isfinite(step) else 0.0 for step in out]


def _advance(char: str, size: float) -> float:
    """A character's own width when no DeltaX gives it: full for CJK and full-width forms."""
    return size if ord(char) >= 0x2E80 else 0.5 * size


class Counter:
    """Characters and TextCodes read from the whole file so far; refused past the text cap."""

    def __init__(self) -> None:
        self.chars = 0
        self.runs = 0

    def add(self, count: int) -> int:
        """Count one TextCode of ``count`` characters; its run number."""
        self.chars += count
        if self.chars > MAX_TEXT_CHARS:
            raise InputError("too-long", chars=self.chars, limit=MAX_TEXT_CHARS)
        self.runs += 1
        return self.runs


def _box_height(box: list[float]) -> float:
    """A one-line object's size when it states none: its boundary's height."""
    return box[3] if len(box) >= 4 and box[3] > 0 else DEFAULT_SIZE_MM


def _ctm(value: str | None) -> tuple[float, ...]:
    """The object's transform; the identity when it has none or a malformed one."""
    found = numbers(value)
    return tuple(found) if len(found) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _object_glyphs(text_object: Any, counter: Counter) -> Iterator[RunGlyph]:
    """The characters of one TextObject where the page shows them (points, y up)."""
    if text_object.get("Visible", "true").strip().lower() == "false":
        return
    if text_object.get("ReadDirection", "0").strip() not in ("", "0"):
        return
    box = numbers(text_object.get("Boundary"))
    origin_x, origin_y = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
    a, b, c, d, e, f = _ctm(text_object.get("CTM"))
    if a <= 0 or abs(math.atan2(b, a)) > _MAX_TILT or d <= 0:
        return  # rotated, mirrored or flipped: a stamp or watermark, not running text
    sizes = numbers(text_object.get("Size") or text_object.get("size"))
    size = sizes[0] if sizes and sizes[0] > 0 else _box_height(box)
    scale = math.hypot(c, d)
    x = y = 0.0
    for code in children(text_object, "TextCode"):
        text = code.text or ""
        run = counter.add(len(text))
        start = numbers(code.get("X"))
        x = start[0] if start else x
        start = numbers(code.get("Y"))
        y = start[0] if start else y
        steps_x = deltas(code.get("DeltaX"), len(text) - 1)
        steps_y = deltas(code.get("DeltaY"), len(text) - 1)
        px, py = x, y
        for index, char in enumerate(text):
            own = _advance(char, size)
            step = steps_x[index] if index < len(steps_x) else own
            page_x = origin_x + a * px + c * py + e
            page_y = origin_y + b * px + d * py + f
            width = a * (step if step > 0 else own)
            yield RunGlyph(
                char,
                page_x * POINTS_PER_MM,
                (page_x + width) * POINTS_PER_MM,
                -page_y * POINTS_PER_MM,
                size * scale * POINTS_PER_MM,
                run=run,
            )
            px += step
            py += steps_y[index] if index < len(steps_y) else 0.0


def page_glyphs(roots: Iterable[Any], counter: Counter) -> list[RunGlyph]:
    """Every character the page's roots (templates, then the page) draw."""
    glyphs: list[RunGlyph] = []
    for root in roots:
        for element in root.iter("{*}TextObject"):
            if local(element) == "TextObject":
                glyphs.extend(_object_glyphs(element, counter))
    return glyphs


def _coinciding(row: list[RunGlyph]) -> list[list[int]]:
    """Groups (two or more, in drawing order) of the row's runs that start on one spot with
    different characters: positions made up by spreading each run over the same width."""
    starts: dict[int, RunGlyph] = {}
    for glyph in row:
        if glyph.run not in starts or glyph.x < starts[glyph.run].x:
            starts[glyph.run] = glyph
    groups: list[list[RunGlyph]] = []
    for first in sorted(starts.values(), key=lambda g: g.x):
        last = groups[-1][-1] if groups else None
        near = last is not None and first.x - last.x < CLASH_EM * max(first.size, last.size)
        if last is not None and near and first.char != last.char:
            groups[-1].append(first)
        else:
            groups.append([first])
    return [sorted(g.run for g in group) for group in groups if len(group) > 1]


def _respread(row: list[RunGlyph]) -> list[RunGlyph]:
    """The row with each group of coinciding runs laid out as one text, in drawing order,
    evenly over the width the group covers; another run's blank inside that width goes (its
    place there means nothing once the group's characters have moved)."""
    groups = _coinciding(row)
    if not groups:
        return row
    grouped = {run for group in groups for run in group}
    out = [glyph for glyph in row if glyph.run not in grouped]
    for group in groups:
        order = {run: index for index, run in enumerate(group)}
        members = sorted((g for g in row if g.run in order), key=lambda g: (order[g.run], g.x))
        left, right = min(g.x for g in members), max(g.right for g in members)
        out = [g for g in out if not (g.char.isspace() and left <= g.x < right)]
        pitch = (right - left) / len(members)
        out.extend(
            msgspec.structs.replace(glyph, x=left + index * pitch, right=left + (index + 1) * pitch)
            for index, glyph in enumerate(members)
        )
    return out


def row_text(row: list[RunGlyph]) -> str:
    """A row's characters left to right: a wide empty stretch reads as one space, a
    character printed again on itself (fake bold) once."""
    ordered = sorted(_respread(row), key=lambda g: g.x)
    parts: list[str] = []
    previous: RunGlyph | None = None
    for glyph in ordered:
        if previous is not None:
            em = max(previous.size, glyph.size)
            if glyph.char == previous.char and glyph.x - previous.x < OVERPRINT_EM * em:
                continue
            gap = glyph.x - previous.right
            if not glyph.char.isspace() and not previous.char.isspace() and gap > WIDE_GAP_EM * em:
                parts.append(" ")
        parts.append(glyph.char)
        previous = glyph
    return "".join(parts).strip()


def visual_lines(glyphs: list[RunGlyph]) -> list[tuple[str, LineBox]]:
    """The page's lines top to bottom (two columns in turn), each with its box."""
    return boxed_lines(glyphs, row_text)  # type: ignore[arg-type]
