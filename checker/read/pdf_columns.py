"""Reading order on a PDF page: rows of glyphs by baseline, and two text columns read in turn.

Gazettes (政府公报) and some portals print reports in two columns. Read row by row, the
columns interleave, or merge into one line wherever their baselines agree. A page is read
in two columns when an empty vertical gutter near its middle separates two blocks of text
that both fill their width; lines that cross the gutter (a title across the page, a centred
page number) stay where they are and close the columns above them, which are read left
column first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from statistics import median

import msgspec

from checker.read.pdf_furniture import is_page_number
from checker.read.pdf_layout import LineBox

MIN_COLUMN_GLYPHS = 200  # fewer inked characters on a page: never read as columns
MIN_COLUMN_ROWS = 5  # each column holds at least this many lines
MIN_GUTTER_EM = 1.0  # the empty strip between the columns is at least this wide
MIDDLE = (0.3, 0.7)  # the gutter lies in this part of the text's width
FILLED_EM = 3.0  # a column line ending this close to its column's edge fills it
MIN_FILLED_SHARE = 0.5  # most lines of each column fill it (body text, not a table's cells)
MAX_CROSSING_SHARE = 0.5  # at most this share of rows cross the gutter
JOIN_EM = 0.6  # glyphs closer than this belong to one run of ink
FURNITURE_GAP = 2.5  # a first or last row this many line pitches away is a header/footer


class Glyph(msgspec.Struct, frozen=True):
    """A character where the page draws it (PDF points, y up): from the text layer or OCR.
    ``generated``: a space pdfium or OCR guessed between words, kept only beside Latin text."""

    char: str
    x: float
    right: float
    baseline: float
    size: float
    generated: bool = False


def is_latin(char: str) -> bool:
    """A Latin letter or digit: where a guessed space between words is kept ("工作 2 次")."""
    return char.isascii() and char.isalnum()


class XMap(msgspec.Struct, frozen=True):
    """Moves a row's x coordinates into one column's frame, so layout hints (indent,
    centring, a line filling its width) mean the same in a column as on a plain page."""

    origin: float = 0.0
    base: float = 0.0
    scale: float = 1.0

    def __call__(self, x: float) -> float:
        return self.base + (x - self.origin) * self.scale


IDENTITY = XMap()


def baseline_rows(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into rows by baseline, top to bottom (each row in drawing order)."""
    rows: list[list[Glyph]] = []
    row_baseline = None
    for glyph in sorted(glyphs, key=lambda g: (-g.baseline, g.x)):
        tolerance = 0.4 * max(glyph.size, 4.0)
        if row_baseline is None or row_baseline - glyph.baseline > tolerance:
            rows.append([])
            row_baseline = glyph.baseline
        rows[-1].append(glyph)
    return rows


def reading_rows(glyphs: Sequence[Glyph]) -> list[tuple[list[Glyph], XMap]]:
    """The page's rows in reading order, each with the map into its column's frame."""
    rows = baseline_rows(glyphs)
    inked = [g for g in glyphs if not g.char.isspace()]
    if len(inked) < MIN_COLUMN_GLYPHS:
        return [(row, IDENTITY) for row in rows]
    em = median(g.size for g in inked) or 10.0
    left_edge = min(g.x for g in inked)
    right_edge = max(g.right for g in inked)
    runs = [_ink_runs(row, JOIN_EM * em) for row in rows]
    gutter = _gutter(runs, left_edge, right_edge, em)
    if gutter is None:
        return [(row, IDENTITY) for row in rows]
    return _in_columns(rows, runs, gutter, left_edge, right_edge, em) or [(row, IDENTITY) for row in rows]


def boxed_lines(glyphs: Sequence[Glyph], text_of: Callable[[list[Glyph]], str]) -> list[tuple[str, LineBox]]:
    """The page's lines in reading order (two columns in turn), each as ``text_of`` its row makes
    it, with the line's box in its column's frame for layout hints; rows without text left out."""
    out: list[tuple[str, LineBox]] = []
    for row, xmap in reading_rows(glyphs):
        text = text_of(row)
        if not text:
            continue
        inked = [g for g in row if not g.char.isspace()] or row
        sizes = sorted(g.size for g in inked)
        left, right = xmap(min(g.x for g in inked)), xmap(max(g.right for g in inked))
        out.append((text, LineBox(left, right, row[0].baseline, sizes[len(sizes) // 2], len(inked))))
    return out


def _ink_runs(row: Sequence[Glyph], join: float) -> list[tuple[float, float]]:
    """The row's inked stretches, left to right: glyphs closer than `join` run together."""
    runs: list[tuple[float, float]] = []
    for glyph in sorted((g for g in row if not g.char.isspace()), key=lambda g: g.x):
        if runs and glyph.x - runs[-1][1] <= join:
            runs[-1] = (runs[-1][0], max(runs[-1][1], glyph.right))
        else:
            runs.append((glyph.x, glyph.right))
    return runs


def _gutter(
    runs: list[list[tuple[float, float]]], left_edge: float, right_edge: float, em: float
) -> tuple[float, float] | None:
    """The widest strip near the middle crossed by the fewest rows, if it is wide enough."""
    width = int(right_edge - left_edge) + 1
    if width < 8 * em:
        return None
    coverage = [0] * (width + 1)
    for row_runs in runs:
        for start, end in row_runs:
            coverage[max(int(start - left_edge), 0)] += 1
            coverage[min(int(end - left_edge) + 1, width)] -= 1
    running = 0
    for index in range(width + 1):
        running += coverage[index]
        coverage[index] = running
    low, high = int(MIDDLE[0] * width), int(MIDDLE[1] * width)
    fewest = min(coverage[low:high])
    best: tuple[int, int] = (0, 0)
    run_start: int | None = None
    for index in range(low, high + 1):
        inside = index < high and coverage[index] == fewest
        if inside and run_start is None:
            run_start = index
        elif not inside and run_start is not None:
            if index - run_start > best[1] - best[0]:
                best = (run_start, index)
            run_start = None
    if best[1] - best[0] < MIN_GUTTER_EM * em:
        return None
    return left_edge + best[0], left_edge + best[1]


def _in_columns(
    rows: list[list[Glyph]],
    runs: list[list[tuple[float, float]]],
    gutter: tuple[float, float],
    left_edge: float,
    right_edge: float,
    em: float,
) -> list[tuple[list[Glyph], XMap]] | None:
    """Rows reordered column by column, or None when the page is not two filled columns."""
    middle = (gutter[0] + gutter[1]) / 2
    crossing = [any(s < gutter[1] and e > gutter[0] for s, e in row_runs) for row_runs in runs]
    lefts: list[list[Glyph] | None] = []
    rights: list[list[Glyph] | None] = []
    for row, crosses in zip(rows, crossing, strict=True):
        left = [g for g in row if g.x < middle] if not crosses else []
        right = [g for g in row if g.x >= middle] if not crosses else []
        lefts.append(left if _inked(left) else None)
        rights.append(right if _inked(right) else None)
    left_parts = [part for part in lefts if part]
    right_parts = [part for part in rights if part]
    if (
        len(left_parts) < MIN_COLUMN_ROWS
        or len(right_parts) < MIN_COLUMN_ROWS
        or sum(crossing) > MAX_CROSSING_SHARE * len(rows)
        or not _filled(left_parts, gutter[0], em)
        or not _filled(right_parts, right_edge, em)
    ):
        return None
    column_left = min(g.x for part in left_parts for g in part if not g.char.isspace())
    right_column_left = min(g.x for part in right_parts for g in part if not g.char.isspace())
    to_left_frame = XMap(origin=right_column_left, base=column_left)
    spanning = XMap(
        origin=left_edge, base=left_edge, scale=(gutter[0] - left_edge) / (right_edge - left_edge)
    )
    kept = _furniture_rows(rows, crossing, lefts, rights)
    ordered: list[tuple[list[Glyph], XMap]] = []
    pending_left: list[tuple[list[Glyph], XMap]] = []
    pending_right: list[tuple[list[Glyph], XMap]] = []
    for index, row in enumerate(rows):
        if crossing[index] or index in kept:
            ordered += pending_left + pending_right
            pending_left, pending_right = [], []
            ordered.append((row, spanning if crossing[index] else IDENTITY))
            continue
        left_part, right_part = lefts[index], rights[index]
        if left_part:
            pending_left.append((left_part, IDENTITY))
        if right_part:
            pending_right.append((right_part, to_left_frame))
    return ordered + pending_left + pending_right


def _inked(part: Sequence[Glyph]) -> bool:
    return any(not g.char.isspace() for g in part)


def _filled(parts: list[list[Glyph]], edge: float, em: float) -> bool:
    """True when most of a column's lines run to its edge, as justified body text does."""
    filled = sum(1 for part in parts if edge - max(g.right for g in part) <= FILLED_EM * em)
    return filled >= MIN_FILLED_SHARE * len(parts)


def _furniture_rows(
    rows: list[list[Glyph]],
    crossing: list[bool],
    lefts: list[list[Glyph] | None],
    rights: list[list[Glyph] | None],
) -> set[int]:
    """Indexes of a page's first and last rows when they are a page number or stand apart
    from the text like a header or footer: they stay at the page's edges."""
    kept: set[int] = set()
    if len(rows) < 3:
        return kept
    pitches = [rows[i][0].baseline - rows[i + 1][0].baseline for i in range(len(rows) - 1)]
    pitch = median(pitches)
    for index, gap in ((0, pitches[0]), (len(rows) - 1, pitches[-1])):
        if crossing[index] or (lefts[index] and rights[index]):
            continue
        text = "".join(g.char for g in sorted(rows[index], key=lambda g: g.x))
        if is_page_number(text) or gap > FURNITURE_GAP * pitch:
            kept.add(index)
    return kept
